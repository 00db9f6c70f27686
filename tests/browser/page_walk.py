"""One visit per built page, shared by the tests that walk every page.

Opening each of the site's pages costs about as much as what a test then reads from it, so the
tests that check every page (test_every_page, test_ui_language, test_layout) read what they need
from one visit per page, made once per session by the ``page_visits`` fixture (conftest.py): a
reader on a phone (Chromium at 390 x 844, light palette), every page of both languages and each
language's "not found" page. Each visit records, in this order (the last one changes the page):

- what went wrong: uncaught errors, responses of 400 or more, Content-Security-Policy violations;
- the page's ``lang`` and title;
- the interface texts a reader of the page meets (``COLLECT``, see test_ui_language.py);
- how wide the page is, and the scrolling table boxes a keyboard cannot reach;
- where the "When to get urgent help" box is;
- on a page with footnotes, its explanations unfolded: the footnote numbers and back-links that a
  24 px finger misses, and lines a footnote number made taller.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from site_build.paths import DEFAULT_LANGUAGE, TRANSLATION_LANGUAGES
from tests.browser.conftest import CSP_WATCH, RequestLog, csp_violations

PHONE = {"width": 390, "height": 844}
MINIMUM_TARGET_PX = 24


def built_pages(site: Path) -> list[str]:
    """Every page of the built site, both languages, each language's "not found" page included,
    as paths from the site's root (``""``, ``ro/conditions/dress/``, ``ro/404.html``)."""
    paths = []
    for html in sorted(site.rglob("*.html")):
        relative = html.relative_to(site).as_posix()
        if not relative.startswith("assets/"):
            paths.append(relative.removesuffix("index.html"))
    return paths


def page_language(path: str) -> str:
    """The language of a built page, from its folder (mkdocs.yml's languages)."""
    first = path.split("/", 1)[0]
    return first if first in TRANSLATION_LANGUAGES and "/" in path else DEFAULT_LANGUAGE


#: Every interface text of the page, and the names (not interface texts) seen on it; see test_ui_language.py.
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

WIDTH = """() => ({
    width: document.documentElement.scrollWidth,
    screen: innerWidth,
    culprits: [...document.querySelectorAll('.md-content *')]
        .filter(element => element.getBoundingClientRect().right > innerWidth + 1)
        .slice(0, 3).map(element => element.tagName.toLowerCase() + '.' + element.className),
    unreachable: [...document.querySelectorAll('.md-typeset__scrollwrap')]
        .filter(box => box.scrollWidth > box.clientWidth && box.tabIndex < 0).length,
})"""

URGENT_HELP = """() => {
    const box = document.querySelector('article .admonition.urgent-help');
    if (!box) return null;
    return {top: box.getBoundingClientRect().top, telephone: !!box.querySelector('a[href^="tel:"]')};
}"""

FOOTNOTE_TARGETS = """([selector, size]) => {
    const problems = [];
    const half = size / 2 - 0.5;
    for (const link of document.querySelectorAll(selector)) {
        link.scrollIntoView({block: 'center'});
        const box = link.getBoundingClientRect();
        const x = box.left + box.width / 2, y = box.top + box.height / 2;
        const missed = [[-half, -half], [half, -half], [-half, half], [half, half], [0, 0]]
            .filter(([dx, dy]) => document.elementFromPoint(x + dx, y + dy)?.closest('a') !== link);
        if (missed.length) problems.push(`${link.getAttribute('href')}: ${missed.length} of 5 points of a ${size} px square miss it`);
    }
    return problems;
}"""

#: A paragraph whose height is not a whole number of lines: a footnote number pushed a line apart.
GROWN_LINES = """() => [...document.querySelectorAll('article p')]
    .filter(paragraph => paragraph.querySelector('.footnote-ref'))
    .map(paragraph => [paragraph.getBoundingClientRect().height / parseFloat(getComputedStyle(paragraph).lineHeight), paragraph.textContent.slice(0, 40)])
    .filter(([lines]) => Math.abs(lines - Math.round(lines)) > 0.05)"""


@dataclass
class Visit:
    path: str
    problems: list[str] = field(default_factory=list)  # errors, failed responses, CSP violations
    lang: str | None = None
    title: str = ""
    interface: dict = field(default_factory=dict)  # COLLECT's {texts, names}
    width: dict = field(default_factory=dict)  # WIDTH's {width, screen, culprits, unreachable}
    urgent_help: dict | None = None
    footnotes: list[str] | None = None  # None on a page without footnotes


@dataclass
class Walk:
    visits: dict[str, Visit]
    foreign_requests: list[str]


def _footnote_problems(page) -> list[str]:
    # Calculator pages fold their explanations: a reader opens them to reach their notes.
    page.evaluate("() => document.querySelectorAll('details').forEach(details => { details.open = true; })")
    grown = page.evaluate(GROWN_LINES)
    found = page.evaluate(FOOTNOTE_TARGETS, [".md-typeset .footnote-ref", MINIMUM_TARGET_PX])
    found += page.evaluate(FOOTNOTE_TARGETS, [".md-typeset .footnote-backref", MINIMUM_TARGET_PX])
    if not page.evaluate("() => [...document.querySelectorAll('.footnote-backref')].every(link => getComputedStyle(link).opacity === '1')"):
        found.append("a back-link is hidden until hovered")
    if grown:
        found.append(f"a footnote made its line taller: {grown[:2]}")
    return found[:5]


def walk(browser, site: Path, site_url: str) -> Walk:
    context = browser.new_context(viewport=PHONE, color_scheme="light")
    context.add_init_script(CSP_WATCH)
    log = RequestLog(site_url)
    context.on("request", log.record)
    page = context.new_page()
    current: list[str] = []
    page.on("pageerror", lambda error: current.append(f"page error: {error}"))
    # Material asks for <page>/sitemap.xml to find alternates (a known upstream quirk): not ours.
    page.on("response", lambda response: current.append(f"{response.status} {response.url}") if response.status >= 400 and not response.url.endswith("sitemap.xml") else None)
    # Chromium reports each refused resource on the console.
    page.on("console", lambda message: current.append(f"CSP: {message.text}") if "Content Security Policy" in message.text else None)
    visits = {}
    try:
        for path in built_pages(site):
            current.clear()
            page.goto(site_url + path, wait_until="load")
            visit = Visit(path)
            visit.lang = page.get_attribute("html", "lang")
            title = page.locator("article h1")
            visit.title = title.first.inner_text().strip() if title.count() else ""
            visit.interface = page.evaluate(COLLECT, path.endswith(".html"))
            visit.width = page.evaluate(WIDTH)
            visit.urgent_help = page.evaluate(URGENT_HELP)
            if (site / (path or ".") / ("" if path.endswith(".html") else "index.html")).read_text(encoding="utf-8").count('class="footnote-ref"'):
                visit.footnotes = _footnote_problems(page)
            visit.problems = list(current) + [f"CSP: {violation}" for violation in csp_violations(page)]
            visits[path] = visit
    finally:
        context.close()
    return Walk(visits, log.foreign())
