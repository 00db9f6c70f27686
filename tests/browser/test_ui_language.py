"""A reader of one language meets no interface text of the other, on any built page.

The interface texts are not listed here: they are read from the built pages themselves, in
Chromium after the page's scripts ran. On every page of one language the test collects

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
import yaml

from site_build.paths import MKDOCS_CONFIG

COLLECT = """
(templateOnly) => {
  const texts = [];
  const names = new Set();
  for (const link of document.querySelectorAll('a[hreflang]')) names.add(link.textContent);
  for (const link of document.querySelectorAll('a[href]')) {
    if (link.origin && link.origin !== location.origin) names.add(link.textContent);
  }
  const title = document.querySelector('article h1');
  if (title && !templateOnly) {
    const heading = title.cloneNode(true);
    for (const permalink of heading.querySelectorAll('.headerlink')) permalink.remove();
    names.add(heading.textContent);
  }
  for (const element of document.querySelectorAll('[title], [aria-label], [placeholder]')) {
    for (const attribute of ['title', 'aria-label', 'placeholder']) {
      if (element.hasAttribute(attribute)) texts.push({where: `${element.tagName.toLowerCase()}[${attribute}]`, text: element.getAttribute(attribute)});
    }
  }
  const regions = document.querySelectorAll(templateOnly ? 'header, footer, .md-search, .md-content' : 'header, footer, .md-search');
  for (const region of regions) {
    const label = region.classList.contains('md-search') ? 'search' : region.classList.contains('md-content') ? 'page' : region.tagName.toLowerCase();
    const walker = document.createTreeWalker(region, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      if (node.parentElement.closest('script, style')) continue;
      const within = node.parentElement.closest('a');
      if (within && names.has(within.textContent)) continue;
      texts.push({where: `${label} text`, text: node.textContent});
    }
  }
  for (const button of document.querySelectorAll('button, summary, input[type=submit], input[type=reset]')) {
    texts.push({where: `${button.tagName.toLowerCase()} text`, text: button.textContent || button.value || ''});
  }
  const config = document.getElementById('__config');
  if (config) {
    for (const [key, text] of Object.entries(JSON.parse(config.textContent).translations || {})) {
      texts.push({where: `theme script text ${key}`, text});
    }
  }
  return {texts, names: [...names]};
}
"""


def _normalise(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split()))


def _built_pages(site: Path) -> list[str]:
    pages = []
    for html in sorted(site.rglob("*.html")):
        relative = html.relative_to(site).as_posix()
        if relative.startswith("assets/"):
            continue
        pages.append(relative.removesuffix("index.html"))
    return pages


def _language(path: str) -> str:
    return "ro" if path.startswith("ro/") else "en"


@pytest.fixture(scope="module")
def interface_texts(built_site, site_url, shared_context):
    """{language: {normalised text: [where it was seen, ...]}}, read from every built page."""
    site_name = _normalise(yaml.load(MKDOCS_CONFIG.read_text(encoding="utf-8"), Loader=yaml.BaseLoader)["site_name"])
    collected: dict[str, dict[str, list[str]]] = {"en": {}, "ro": {}}
    page = shared_context.new_page()
    for path in _built_pages(built_site):
        page.goto(site_url + path, wait_until="load")
        found = page.evaluate(COLLECT, path.endswith(".html"))
        names = {_normalise(name) for name in found["names"]} | {site_name}
        for item in found["texts"]:
            text = _normalise(item["text"])
            if text in names or not re.search(r"[^\W\d_]", text):
                continue
            collected[_language(path)].setdefault(text, []).append(f"/{path} {item['where']}")
    page.close()
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
