"""What the built site shows: the status table, and the notice on an outdated translation."""
from __future__ import annotations

import pytest

from site_build import page_notes, status_page
from site_build.check.status import translation_statuses
from site_build.check.tree import ContentTree

from .conftest import TREES


def test_every_page_has_a_state():
    statuses = translation_statuses(ContentTree(TREES / "outdated" / "content"))
    assert [(status.relative, status.state) for status in statuses] == [("hands.md", "outdated"), ("nails.md", "outdated")]
    statuses = translation_statuses(ContentTree(TREES / "missing-twin" / "content"))
    assert [(status.relative, status.state) for status in statuses] == [
        ("hands.md", "up_to_date"),
        ("nails.md", "missing"),
        ("unghii.md", "missing"),
    ]


def test_status_table_links_each_page_in_the_readers_language(monkeypatch):
    monkeypatch.setattr(status_page, "CONTENT_DIR", TREES / "missing-twin" / "content")
    html = status_page.translation_status_table("ro", "ro/translation-status/")
    assert '<th scope="col">Traducerea în română</th>' in html
    assert '<tr class="translation-up_to_date"><td><a href="../hands/">Îngrijirea mâinilor</a></td><td>La zi</td></tr>' in html
    # No Romanian page yet: the row links to the English one.
    assert '<tr class="translation-missing"><td><a href="../../nails/">Nail care</a></td><td>Lipsește</td></tr>' in html


@pytest.mark.parametrize("case, shown", [("outdated", True), ("clean", False)])
def test_outdated_translation_notice(monkeypatch, case, shown):
    content = TREES / case / "content"
    monkeypatch.setattr(page_notes, "content_root", lambda language: content)
    meta = ContentTree(content).document("ro", "hands.md").front_matter
    notice = page_notes.translation_notice(meta, "ro", "ro/hands.md", "ro/hands/")
    if not shown:
        assert notice == ""
        return
    assert notice.startswith('<div class="admonition warning translation-outdated" role="note">')
    assert "Această traducere poate fi în urma versiunii în engleză" in notice
    assert '<a href="../../hands/" hreflang="en">versiunea în engleză</a>' in notice


def test_english_pages_get_no_notice():
    assert page_notes.translation_notice({}, "en", "index.md", "") == ""
