"""`python -m site_build check`: exit codes, --json, --mark-current, --content."""
from __future__ import annotations

import json
import shutil

import pytest

from site_build import cli

from .conftest import SEEDS, TODAY, TREES


def run(capsys, *arguments: str) -> tuple[int, str, str]:
    code = cli.main(["check", "--seeds", str(SEEDS), "--today", TODAY.isoformat(), *arguments])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_a_clean_tree_exits_zero(capsys):
    code, out, _ = run(capsys, "--content", str(TREES / "clean" / "content"))
    assert code == 0
    assert out == "check: no errors, no warnings in 4 files.\n"


def test_an_error_exits_one_and_the_text_report_is_printed(capsys):
    code, out, _ = run(capsys, "--content", str(TREES / "heading-outline" / "content"))
    assert code == 1
    assert out == (TREES / "heading-outline" / "expected.txt").read_text(encoding="utf-8")


def test_warnings_alone_do_not_fail(capsys):
    code, out, _ = run(capsys, "--content", str(TREES / "old-review-date" / "content"))
    assert code == 0
    assert out.rstrip().endswith("No errors; warnings are advice.")


def test_json_report_for_tools(capsys):
    code, out, _ = run(capsys, "--json", "--content", str(TREES / "missing-message-key" / "content"))
    assert code == 1
    report = json.loads(out)
    assert report["summary"] == {
        "errors": 2,
        "warnings": 0,
        "files_checked": 4,
        "files_with_issues": 1,
        "text": "check: 2 errors and 0 warnings in 1 of 4 files. Fix the errors; warnings are advice.",
    }
    [file] = report["files"]
    assert file["path"] == "content/ro/messages/hands.yml"
    assert file["issues"][1] == {
        "severity": "error",
        "check": "messages",
        "line": 6,
        "message": "Stray key `inputs.height.label`: it is not in content/messages/hands.yml; "
        "remove it, or fix its spelling to match the English key.",
        "detail": None,
    }
    assert report["readability"] == []


def test_json_carries_readability_measures(capsys):
    _, out, _ = run(capsys, "--json", "--content", str(TREES / "readability-flag" / "content"))
    rows = json.loads(out)["readability"]
    assert [(row["path"], row["flagged"]) for row in rows] == [("content/skin.md", True), ("content/ro/skin.md", True)]
    assert rows[0]["grade"] is not None and rows[1]["lix"] is not None


def test_mark_current_records_the_english_version(capsys, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(TREES / "outdated" / "content", content)
    before = (content / "ro" / "hands.md").read_text(encoding="utf-8")

    code, out, _ = run(capsys, "--content", str(content), "--mark-current", str(content / "ro" / "hands.md"), "content/ro/nails.md")
    assert code == 0
    assert "content/ro/hands.md: marked as translating content/hands.md" in out
    assert "content/ro/nails.md: marked as translating content/nails.md" in out
    after = (content / "ro" / "hands.md").read_text(encoding="utf-8")
    changed = [(old, new) for old, new in zip(before.splitlines(), after.splitlines()) if old != new]
    assert len(changed) == 1 and changed[0][1].startswith('translation_of: "')

    code, out, _ = run(capsys, "--content", str(content))
    assert code == 0
    assert out == "check: no errors, no warnings in 6 files.\n"


def test_mark_current_without_pages_marks_every_translation(capsys, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(TREES / "outdated" / "content", content)
    code, out, _ = run(capsys, "--content", str(content), "--mark-current")
    assert code == 0 and len(out.splitlines()) == 2
    assert run(capsys, "--content", str(content))[0] == 0


@pytest.mark.parametrize(
    "arguments, message",
    [
        (["--mark-current", "content/ro/no-such-page.md"], "no such page"),
        (["--mark-current", "content/nails.md"], "does not exist yet"),
    ],
)
def test_mark_current_explains_what_it_cannot_do(capsys, tmp_path, arguments, message):
    content = tmp_path / "content"
    shutil.copytree(TREES / "missing-twin" / "content", content)
    code, _, err = run(capsys, "--content", str(content), *arguments)
    assert code == 2 and message in err


def test_a_missing_content_folder_is_a_usage_error(capsys, tmp_path):
    code, _, err = run(capsys, "--content", str(tmp_path / "nowhere"))
    assert code == 2 and "is not a folder" in err
