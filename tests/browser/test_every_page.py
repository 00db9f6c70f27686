"""Every built page, in both languages, opens in Chromium without an error or a foreign request.

The pages are visited once for all the tests that walk every page (page_walk.py).
"""
from __future__ import annotations

from site_build.paths import LANGUAGES
from tests.browser.page_walk import page_language


def test_every_page_opens_cleanly_in_both_languages(page_visits):
    pages = [visit for path, visit in page_visits.visits.items() if not path.endswith(".html")]
    assert {page_language(visit.path) for visit in pages} == set(LANGUAGES)
    problems = {}
    for visit in page_visits.visits.values():
        found = list(visit.problems)
        if visit.lang != page_language(visit.path):
            found.append(f"html lang is {visit.lang!r}")
        if not visit.path.endswith(".html") and not visit.title:
            found.append("no title")
        if found:
            problems[visit.path] = found
    assert problems == {}
    assert page_visits.foreign_requests == [], "requests left the site's origin"
