"""The translation status page on a golden tree with a real git history: states, what needs work
first, the dates each language last changed, and what changed in English since the translation."""
from __future__ import annotations

import datetime
import os
import re
import shutil
import subprocess

import pytest

from site_build.pages import status_page
from site_build.content.translations import fingerprint
from site_build.content.translation_status import NO_HISTORY, message_statuses, translation_statuses
from site_build.content.tree import ContentTree

FRONT = "---\ntitle: {title}\ndescription: D.\naudience: [patients]\nlast_reviewed: 2026-06-01\nsources: []\n"
JUNE = "2026-06-01T12:00:00+00:00"
JULY = "2026-07-15T12:00:00+00:00"


def git(directory, *arguments, when=JUNE):
    environment = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", *arguments], cwd=directory, check=True, capture_output=True, env=environment)


def page(title: str, body: str, translates: str | None = None) -> str:
    record = f'translation_of: "{fingerprint(translates)}"\n' if translates is not None else ""
    return FRONT.format(title=title) + record + "---\n\n" + body


def write(root, relative: str, text: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def tree(tmp_path):
    """A content tree translated in June; in July the English of one page and two message files
    changed (one of them gained a key the Romanian file lacks); one page was never translated."""
    repository = tmp_path / "repository"
    repository.mkdir()
    git(repository, "init", "-q")
    git(repository, "config", "user.email", "test@example.org")
    git(repository, "config", "user.name", "Test")
    git(repository, "config", "commit.gpgsign", "false")
    content = repository / "content"
    hands = page("Hand care", "# Hand care\n\nKeep hands clean.\n\nDry them well.\n")
    feet = page("Foot care", "# Foot care\n\nWear clean socks.\n")
    write(content, "hands.md", hands)
    write(content, "ro/hands.md", page("Îngrijirea mâinilor", "# Îngrijirea mâinilor\n\nȚineți mâinile curate.\n\nUscați-le bine.\n", hands))
    write(content, "feet.md", feet)
    write(content, "ro/feet.md", page("Îngrijirea picioarelor", "# Îngrijirea picioarelor\n\nPurtați șosete curate.\n", feet))
    write(content, "nails.md", page("Nail care", "# Nail care\n\nKeep nails short.\n"))
    write(content, "messages/hands.yml", "title: Hand care\ninputs:\n  weight:\n    label: Body weight\n")
    write(content, "ro/messages/hands.yml", "title: Îngrijirea mâinilor\ninputs:\n  weight:\n    label: Greutate corporală\n")
    write(content, "messages/feet.yml", "title: Foot care\nunit: kg\n")
    write(content, "ro/messages/feet.yml", "title: Îngrijirea picioarelor\nunit: kg\n")
    write(content, "messages/legs.yml", "title: Leg care\n")
    write(content, "ro/messages/legs.yml", "title: Îngrijirea picioarelor\n")
    git(repository, "add", ".")
    git(repository, "commit", "-q", "-m", "Translated")
    write(content, "hands.md", hands.replace("Dry them well.", "Dry them with a clean towel."))
    write(content, "messages/hands.yml", "title: Hand care\ninputs:\n  weight:\n    label: Weight of the body\n    hint: In kilograms.\n")
    write(content, "messages/legs.yml", "title: Caring for legs\n")
    git(repository, "commit", "-q", "-am", "English changed", when=JULY)
    return content


def test_pages_needing_work_come_first_with_dates_and_the_english_changes(tree):
    statuses = translation_statuses(ContentTree(tree))
    assert [(status.relative, status.state) for status in statuses] == [
        ("nails.md", "missing"),
        ("hands.md", "outdated"),
        ("feet.md", "up_to_date"),
    ]
    nails, hands, feet = statuses
    assert nails.last_changed == {"en": datetime.date(2026, 6, 1)}
    assert hands.last_changed == {"en": datetime.date(2026, 7, 15), "ro": datetime.date(2026, 6, 1)}
    assert hands.changes == ("-Dry them well.", "+Dry them with a clean towel.") and hands.note is None
    assert feet.changes == () and feet.last_changed == {"en": datetime.date(2026, 6, 1), "ro": datetime.date(2026, 6, 1)}


def test_message_files_compare_each_english_text_with_the_english_of_the_translation(tree):
    statuses = message_statuses(ContentTree(tree))
    assert [(status.name, status.state) for status in statuses] == [
        ("hands.yml", "missing"),  # a key Romanian lacks
        ("legs.yml", "outdated"),  # a text that changed
        ("feet.yml", "up_to_date"),
    ]
    hands, legs, feet = statuses
    assert hands.missing_keys == ("inputs.weight.hint",)
    assert hands.changes == ("-inputs.weight.label: Body weight", "+inputs.weight.label: Weight of the body", "+inputs.weight.hint: In kilograms.")
    assert legs.changes == ("-title: Leg care", "+title: Caring for legs")
    assert legs.last_changed == {"en": datetime.date(2026, 7, 15), "ro": datetime.date(2026, 6, 1)}
    assert feet.changes == () and feet.missing_keys == ()


def test_the_page_shows_it_all_in_the_readers_language(tree, monkeypatch):
    monkeypatch.setattr(status_page, "CONTENT_DIR", tree)
    html = status_page.translation_status_table("ro", "ro/translation-status/")
    pages, files = html.split("<caption>Textele calculatoarelor (fișiere de mesaje)</caption>")
    assert pages.index("Nail care") < pages.index("Îngrijirea mâinilor") < pages.index("Îngrijirea picioarelor")
    hands = re.search(r'<tr class="translation-outdated">(.*?)</tr>', pages, re.S)[1]
    assert '<span class="translation-state">Neactualizată</span>' in hands
    assert '<td data-label="Ultima modificare în engleză"><time datetime="2026-07-15">15 iul. 2026</time></td>' in hands
    assert '<td data-label="Ultima modificare în română"><time datetime="2026-06-01">1 iun. 2026</time></td>' in hands
    assert "<del>\u2212 Dry them well.</del>\n<ins>+ Dry them with a clean towel.</ins>" in hands
    assert files.index("<code>hands.yml</code>") < files.index("<code>legs.yml</code>") < files.index("<code>feet.yml</code>")
    assert "Texte încă netraduse în română: <code>inputs.weight.hint</code>" in files
    english = status_page.translation_status_table("en", "translation-status/")
    assert '<time datetime="2026-07-15">Jul 15, 2026</time>' in english and "<caption>Pages</caption>" in english


def test_without_git_the_dates_are_the_files_and_changes_cannot_be_shown(tree, tmp_path):
    copy = tmp_path / "copy" / "content"
    shutil.copytree(tree, copy)
    moment = datetime.datetime(2026, 8, 3, 9, tzinfo=datetime.timezone.utc).timestamp()
    for path in copy.rglob("*"):
        os.utime(path, (moment, moment))
    statuses = {status.relative: status for status in translation_statuses(ContentTree(copy))}
    assert statuses["hands.md"].state == "outdated" and statuses["hands.md"].note == NO_HISTORY
    assert statuses["hands.md"].last_changed == {"en": datetime.date(2026, 8, 3), "ro": datetime.date(2026, 8, 3)}
    # Same modification time: no message file can be shown to be behind; a missing key still is.
    states = {status.name: status.state for status in message_statuses(ContentTree(copy))}
    assert states == {"hands.yml": "missing", "legs.yml": "up_to_date", "feet.yml": "up_to_date"}
