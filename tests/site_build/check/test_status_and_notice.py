"""What the built site shows: the status table, and the notice on an outdated translation."""
from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from mkdocs.utils.meta import get_data

from site_build.pages import page_notes, status_page
from site_build.content.translation_status import translation_statuses
from site_build.content.tree import ContentTree

from .conftest import TREES


def test_every_page_has_a_state_and_what_needs_work_comes_first():
    statuses = translation_statuses(ContentTree(TREES / "outdated" / "content"))
    assert [(status.relative, status.state) for status in statuses] == [("hands.md", "outdated"), ("nails.md", "outdated")]
    statuses = translation_statuses(ContentTree(TREES / "missing-twin" / "content"))
    assert [(status.relative, status.state) for status in statuses] == [
        ("nails.md", "missing"),
        ("unghii.md", "missing"),
        ("hands.md", "up_to_date"),
    ]


def test_status_table_links_each_page_in_the_readers_language(monkeypatch):
    monkeypatch.setattr(status_page, "CONTENT_DIR", TREES / "missing-twin" / "content")
    html = status_page.translation_status_table("ro", "ro/translation-status/")
    assert '<th scope="col">Traducerea în română</th>' in html
    assert '<caption>Pagini</caption>' in html and '<caption>Textele calculatoarelor (fișiere de mesaje)</caption>' in html
    up_to_date = re.search(r'<tr class="translation-up_to_date"><th scope="row" data-label="Pagina">(.*?)</th>', html)[1]
    assert up_to_date == '<a href="../hands/" hreflang="ro">Îngrijirea mâinilor</a>'
    # No Romanian page yet: the row links to the English one, and says so.
    nails = re.search(r'<tr class="translation-missing"><th scope="row" data-label="Pagina"><a href="../../nails/" hreflang="en">Nail care</a></th>(.*?)</tr>', html)[1]
    assert '<span class="translation-state">Lipsește</span>' in nails and "Pagina în română nu există încă." in nails
    # A message file with no Romanian twin is missing too, and comes before the one that is up to date.
    assert html.index("<code>extra.yml</code>") < html.index("<code>hands.yml</code>")
    assert "Fișierul în română nu există încă." in html


def _page(content, language: str, relative: str, url: str):
    """A page as MkDocs and mkdocs-static-i18n hand it to the hooks: its front matter, its URL,
    and its file's locale and alternates (the English twin's source and URL)."""
    english = SimpleNamespace(abs_src_path=str(content / relative), url=url.removeprefix(f"{language}/"))
    root = content if language == "en" else content / language
    meta = get_data((root / relative).read_text(encoding="utf-8"))[1]
    return SimpleNamespace(meta=meta, url=url, file=SimpleNamespace(locale=language, alternates={"en": english}))


@pytest.mark.parametrize("case, shown", [("outdated", True), ("clean", False)])
def test_outdated_translation_notice(case, shown):
    notice = page_notes.translation_notice(_page(TREES / case / "content", "ro", "hands.md", "ro/hands/"))
    if not shown:
        assert notice == ""
        return
    assert notice.startswith('<div class="admonition warning translation-outdated" role="note">')
    assert "Această traducere poate fi în urma versiunii în engleză" in notice
    assert '<a href="../../hands/" hreflang="en">versiunea în engleză</a>' in notice


def test_english_pages_get_no_notice():
    assert page_notes.translation_notice(_page(TREES / "outdated" / "content", "en", "hands.md", "hands/")) == ""
