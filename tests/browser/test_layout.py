"""Every page reads on a phone: Chromium at 390 x 844, in both languages.

- no page is wider than the screen (tables scroll inside their own box);
- the "When to get urgent help" box opens each condition and treatment page, with the
  emergency number as a large link;
- figure text is at least 12 px where it is shown, and figures follow the palette, the reader's
  toggle included;
- footnote numbers and their way back have targets of at least 24 x 24 px.

The checks of every page read the one visit each page gets (page_walk.py).
"""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import pytest

from site_build import paths
from tests.browser.conftest import CSP_WATCH, RequestLog, csp_violations
from tests.browser.page_walk import PHONE, built_pages

DESKTOP = {"width": 1280, "height": 800}
LANGUAGES = paths.LANGUAGES  # mkdocs.yml
MINIMUM_FIGURE_TEXT_PX = 12


@contextmanager
def reader(browser, site_url: str, viewport=PHONE, palette: str = "light"):
    """A browser context of a reader on a phone (or desktop); nothing may leave the site's origin
    and the Content-Security-Policy must hold on every page it opened."""
    context = browser.new_context(viewport=viewport, color_scheme=palette)
    context.add_init_script(CSP_WATCH)
    log = RequestLog(site_url)
    context.on("request", log.record)
    violations: list[str] = []
    page = context.new_page()
    # Chromium reports each refused resource on the console, on every page the reader opens.
    page.on("console", lambda message: violations.append(message.text) if "Content Security Policy" in message.text else None)
    try:
        yield page
        violations += csp_violations(page)
    finally:
        context.close()
    assert violations == [], "Content-Security-Policy violations"
    assert log.foreign() == [], "requests left the site's origin"


def pages_holding(site: Path, marker: str) -> list[str]:
    return [path for path in built_pages(site) if marker in (site / (path or ".") / ("" if path.endswith(".html") else "index.html")).read_text(encoding="utf-8")]


def test_no_page_is_wider_than_a_phone(page_visits):
    """Tables written in Markdown wrap to the screen; generated ones may scroll in their box."""
    assert {"", "ro/", "404.html", "ro/404.html", "treatment/guideline/", "ro/treatment/guideline/"} <= set(page_visits.visits)
    too_wide = {}
    for path, visit in page_visits.visits.items():
        if visit.width["width"] > visit.width["screen"]:
            too_wide[path] = f"{visit.width['width']} px wide: {visit.width['culprits']}"
        # A box that scrolls sideways must take the keyboard's focus, or a keyboard cannot scroll it.
        if visit.width["unreachable"]:
            too_wide[path] = f"{visit.width['unreachable']} scrolling table box(es) no keyboard can reach"
    assert too_wide == {}


def test_wide_generated_tables_scroll_inside_their_own_box(browser, site_url):
    """The regimen table is wider than a phone: it scrolls sideways inside Material's box."""
    with reader(browser, site_url) as page:
        for path in ("treatment/guideline/", "ro/treatment/guideline/"):
            page.goto(site_url + path)
            box = page.evaluate(
                """() => {
                    const wrap = document.querySelector('table.regimen-table').closest('.md-typeset__scrollwrap');
                    return wrap && {scroll: wrap.scrollWidth, shown: wrap.clientWidth, overflow: getComputedStyle(wrap).overflowX};
                }"""
            )
            assert box is not None, f"{path}: the table is not in a scrolling box"
            assert box["scroll"] > box["shown"] and box["overflow"] == "auto", path


def test_urgent_help_opens_every_condition_and_treatment_page(page_visits):
    """Within the first screen, before any scrolling, with the emergency number as a tel: link.
    (This needs the content change that moves each box under the title.)"""
    paths = [path for path in page_visits.visits if path.removeprefix("ro/").startswith(("conditions/", "treatment/"))]
    assert len(paths) >= 8, paths
    problems = {}
    for path in paths:
        found = page_visits.visits[path].urgent_help
        if found is None:
            problems[path] = "no .admonition.urgent-help box"
        elif found["top"] >= PHONE["height"] or not found["telephone"]:
            problems[path] = f"box top at {found['top']:.0f} px (screen: {PHONE['height']}), tel: link: {found['telephone']}"
    assert problems == {}


STYLE_OF_URGENT_HELP = """() => {
    const article = document.querySelector('article');
    const paragraph = article.querySelector(':scope > p');
    article.insertAdjacentHTML('afterbegin',
        '<div class="admonition danger urgent-help"><p class="admonition-title">When to get urgent help</p>' +
        '<p>Call <a href="tel:112">112</a> now.</p></div>');
    const box = article.querySelector('.urgent-help');
    const link = box.querySelector('a[href^="tel:"]').getBoundingClientRect();
    return {
        box: parseFloat(getComputedStyle(box.querySelector('p:not(.admonition-title)')).fontSize),
        body: parseFloat(getComputedStyle(paragraph).fontSize),
        link: [link.width, link.height],
        border: getComputedStyle(box).borderTopColor,
    };
}"""


@pytest.mark.parametrize("palette", ["light", "dark"])
def test_an_urgent_help_box_is_at_body_size_with_a_large_emergency_number(browser, site_url, palette):
    """The stylesheet, on the markup Material renders for ``!!! danger urgent-help "..."``."""
    with reader(browser, site_url, palette=palette) as page:
        page.goto(site_url + "ro/conditions/dress/")
        style = page.evaluate(STYLE_OF_URGENT_HELP)
    assert style["box"] == style["body"], "Material's admonitions are 80 % of the body text"
    assert style["link"][0] >= 44 and style["link"][1] >= 48
    assert style["border"] != "rgb(255, 23, 68)", "the frame is our red, not Material's danger hue"


FIGURE_TEXT = """() => [...document.querySelectorAll('figure.scar-figure > svg')]
    .filter(svg => getComputedStyle(svg).display !== 'none')
    .map(svg => {
        const box = svg.viewBox.baseVal;
        const texts = [...svg.querySelectorAll('text')];
        return {
            layout: svg.getAttribute('class'),
            smallest: Math.min(...texts.map(text => parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a)),
            clipped: texts.filter(text => {
                const b = text.getBBox();
                return b.x < 0 || b.y < 0 || b.x + b.width > box.width || b.y + b.height > box.height;
            }).map(text => text.textContent),
            right: svg.getBoundingClientRect().right,
        };
    })"""


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_figure_text_is_legible(browser, built_site, site_url, viewport):
    paths = pages_holding(built_site, 'class="scar-figure')
    assert {"conditions/ten-sjs/", "ro/conditions/ten-sjs/", "treatment/guideline/", "ro/treatment/guideline/"} <= set(paths)
    problems = {}
    with reader(browser, site_url, viewport) as page:
        for path in paths:
            page.goto(site_url + path)
            for figure in page.evaluate(FIGURE_TEXT) or [{"layout": None}]:
                if figure["layout"] is None:
                    problems[path] = "no figure shown"
                elif figure["smallest"] < MINIMUM_FIGURE_TEXT_PX or figure["clipped"] or figure["right"] > viewport["width"]:
                    problems[f"{path} {figure['layout']}"] = figure
    assert problems == {}


FIGURE_COLOURS = """() => {
    const svg = [...document.querySelectorAll('figure.scar-figure > svg')].find(svg => getComputedStyle(svg).display !== 'none');
    const luminance = colour => {
        const [r, g, b] = colour.match(/[\\d.]+/g).slice(0, 3).map(Number).map(value => {
            value /= 255;
            return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    return {
        scheme: document.body.dataset.mdColorScheme,
        page: getComputedStyle(document.body).backgroundColor,
        figure: getComputedStyle(svg.querySelector('.fig-bg')).fill,
        ink: luminance(getComputedStyle(svg.querySelector('.fig-ink')).fill),
        background: luminance(getComputedStyle(svg.querySelector('.fig-bg')).fill),
    };
}"""


@pytest.mark.parametrize("language", LANGUAGES)
def test_figures_follow_the_palette_and_its_toggle(browser, site_url, language):
    """Light by the system's preference, then dark by Material's own toggle in the header."""
    with reader(browser, site_url) as page:
        page.goto(site_url + ("" if language == "en" else f"{language}/") + "treatment/guideline/")
        light = page.evaluate(FIGURE_COLOURS)
        page.click('[data-md-component="palette"] label:not([hidden])')
        page.wait_for_function("document.body.dataset.mdColorScheme === 'slate'")
        dark = page.evaluate(FIGURE_COLOURS)
    assert light["scheme"] == "default" and light["figure"] == light["page"] and light["background"] > 0.9 and light["ink"] < 0.05
    assert dark["figure"] == dark["page"], "the figure's background is the dark page's"
    assert dark["background"] < 0.05 and dark["ink"] > 0.6, "light text on a dark figure"


def test_footnote_numbers_and_back_links_are_large_enough_to_tap(page_visits):
    with_footnotes = {path: visit.footnotes for path, visit in page_visits.visits.items() if visit.footnotes is not None}
    assert any(path.startswith("ro/") for path in with_footnotes) and any(not path.startswith("ro/") for path in with_footnotes)
    assert {path: found for path, found in with_footnotes.items() if found} == {}


def test_every_page_has_no_axe_violation_on_a_phone(browser, built_site, site_url):
    """test_accessibility.py checks every page at the desktop size; the phone layout (tables as
    cards, the narrow figures, 24 px targets) gets the same rules here, in both palettes."""
    from tests.browser.test_accessibility import every_page_violations

    problems = every_page_violations(browser, built_site, site_url, viewport=PHONE)
    assert problems == {}, problems
