"""A reader of one language meets no interface text of the other, on any built page.

The interface texts are not listed here: they are read from the built pages themselves, in
Chromium after the page's scripts ran (on the one visit of each page, page_walk.py). On every
page of one language the test collects

- every ``title``, ``aria-label`` and ``placeholder`` attribute (the theme's buttons, the palette
  toggles, the heading permalinks, the footnote back-links, the calculators' unit pickers...);
- every piece of text in the header, the footer and the search dialog, and the text of every
  button (the calculators' copy, calendar and print buttons...);
- the texts the theme's scripts show later (``translations`` in the page's ``__config``: search
  results, "copied");
- on a page built from a theme template alone (``404.html``, which has no Markdown source), all
  the text of its content area too.

Names are not interface texts and rightly read the same in both languages: the site's name
(``site_name`` in mkdocs.yml), the language names of the language switcher (the texts of links
carrying ``hreflang``), the names of other sites (the texts of links leaving the site, such as
the theme's name in the footer) and the page's own title (its ``<h1>``, which is content, except
on a page built from a template alone). Those
are left out, and so are texts without a letter (``¶``). Numbers are read as ``#``, so "footnote
12" on a Romanian page is caught even when no English page has a twelfth footnote.

Then no text collected from the English pages may appear among the Romanian pages' texts, and
no Romanian one among the English pages'.
"""
from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from site_build.paths import LANGUAGES, site_config
from tests.browser.page_walk import page_language


def _normalise(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split()))


@pytest.fixture(scope="module")
def interface_texts(page_visits):
    """{language: {normalised text: [where it was seen, ...]}}, read from every built page
    (``COLLECT`` in page_walk.py, on the one visit of each page)."""
    site_name = _normalise(site_config()["site_name"])
    collected: dict[str, dict[str, list[str]]] = {language: {} for language in LANGUAGES}
    for path, visit in page_visits.visits.items():
        found = visit.interface
        names = {_normalise(name) for name in found["names"]} | {site_name}
        for item in found["texts"]:
            text = _normalise(item["text"])
            if text in names or not re.search(r"[^\W\d_]", text):
                continue
            collected[page_language(path)].setdefault(text, []).append(f"/{path} {item['where']}")
    if os.environ.get("UI_TEXTS_DUMP"):
        Path(os.environ["UI_TEXTS_DUMP"]).write_text(json.dumps(collected, ensure_ascii=False, indent=1), encoding="utf-8")
    return collected


def test_the_texts_are_read_from_both_languages(interface_texts):
    # The collection itself works: the theme's chrome is found in each language.
    for language in ("en", "ro"):
        places = " ".join(place for seen in interface_texts[language].values() for place in seen)
        for where in ("a[title]", "input[placeholder]", "header text", "footer text", "search text", "button text", "theme script text"):
            assert where in places, f"no {where} text collected from the {language} pages"


@pytest.mark.parametrize(("reader", "other"), [("ro", "en"), ("en", "ro")])
def test_no_interface_text_of_the_other_language(interface_texts, reader, other):
    leaked = {
        text: interface_texts[reader][text][:3]
        for text in interface_texts[other]
        if text in interface_texts[reader]
    }
    assert leaked == {}, f"{other} interface texts on {reader} pages (text: first places seen)"
