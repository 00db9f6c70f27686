"""The outdated record: its code, how --mark-current writes it, and the English diff from git."""
from __future__ import annotations

import subprocess

import pytest

from site_build.check import check_content
from site_build.content.translations import (
    NOT_RECORDED,
    OUTDATED,
    UP_TO_DATE,
    fingerprint,
    set_record,
    translation_state,
)

from .conftest import SEEDS, TODAY

FRONT = "---\ntitle: T\ndescription: D.\naudience: [patients]\nlast_reviewed: 2026-06-01\nsources: []\n"


def test_the_code_ignores_line_endings_only():
    assert fingerprint("a\r\nb\n") == fingerprint("a\nb\n")
    assert fingerprint("a\nb\n") != fingerprint("a\nc\n")
    assert len(fingerprint("x")) == 12


def test_set_record_adds_the_line_at_the_end_of_the_front_matter():
    text = FRONT + "---\n\n# T\n"
    assert set_record(text, "0123456789ab") == FRONT + 'translation_of: "0123456789ab"\n---\n\n# T\n'


def test_set_record_replaces_an_existing_record_and_keeps_the_rest():
    text = FRONT + 'translation_of: "aaaaaaaaaaaa"\n---\n\n# T\n'
    assert set_record(text, "bbbbbbbbbbbb") == FRONT + 'translation_of: "bbbbbbbbbbbb"\n---\n\n# T\n'


def test_set_record_keeps_windows_line_endings():
    text = "---\r\ntitle: T\r\n---\r\n# T\r\n"
    assert set_record(text, "0123456789ab") == '---\r\ntitle: T\r\ntranslation_of: "0123456789ab"\r\n---\r\n# T\r\n'


def test_set_record_creates_front_matter_when_there_is_none():
    assert set_record("# T\n", "0123456789ab") == '---\ntranslation_of: "0123456789ab"\n---\n\n# T\n'


def test_translation_state(tmp_path):
    english = tmp_path / "page.md"
    english.write_text("# Page\n", encoding="utf-8")
    assert translation_state(english, fingerprint("# Page\n")) == UP_TO_DATE
    assert translation_state(english, "0123456789ab") == OUTDATED
    assert translation_state(english, None) == NOT_RECORDED
    assert translation_state(english, 123456789012) == NOT_RECORDED  # YAML read an unquoted code as a number


def git(directory, *arguments):
    subprocess.run(["git", *arguments], cwd=directory, check=True, capture_output=True)


@pytest.fixture
def repository(tmp_path):
    try:
        git(tmp_path, "init", "-q")
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("git is not available")
    git(tmp_path, "config", "user.email", "test@example.org")
    git(tmp_path, "config", "user.name", "Test")
    git(tmp_path, "config", "commit.gpgsign", "false")
    return tmp_path


def test_an_outdated_page_shows_what_changed_in_english_since_it_was_translated(repository):
    english = repository / "content" / "page.md"
    romanian = repository / "content" / "ro" / "page.md"
    romanian.parent.mkdir(parents=True)
    body = "---\n\n# T\n\nFirst line.\n\nSecond line.\n"
    english.write_text(FRONT + body, encoding="utf-8")
    romanian.write_text(FRONT + f'translation_of: "{fingerprint(FRONT + body)}"\n' + body, encoding="utf-8")
    git(repository, "add", ".")
    git(repository, "commit", "-q", "-m", "translated")
    english.write_text(FRONT + body.replace("Second line.", "Second line, reworded."), encoding="utf-8")
    git(repository, "commit", "-q", "-am", "English changed")
    english.write_text(FRONT + body.replace("Second line.", "Second line, reworded again."), encoding="utf-8")

    report = check_content(repository / "content", today=TODAY, seeds_dir=SEEDS)
    [issue] = report.issues
    assert issue.check == "outdated" and issue.severity == "warning" and issue.line == 7
    lines = issue.detail.splitlines()
    assert lines[0].startswith("--- content/page.md as translated (commit ")
    assert lines[1] == "+++ content/page.md now"
    assert "-Second line." in lines and "+Second line, reworded again." in lines
    assert report.exit_code == 0
