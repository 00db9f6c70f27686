"""axe-core finds no violation: every built page in both languages and both palettes, the
search dialog showing results, and every calculator in each language and palette as it opens,
after a result and after an error; each error shown is tied to its field.

The rules are axe's WCAG 2.0/2.1 level A and AA rules plus its best practices; none is disabled.
mkdocs.yml gives Material two palettes chosen by ``prefers-color-scheme`` (``default`` for light,
``slate`` for dark) and a toggle between them; every check first proves the page shows the
palette it claims to test.
"""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

import pytest

import calculators
from site_build import paths
from tests.browser.calculator_page import GROUPED, READY_TIMEOUT_MS, evaluate_through_fragment
from tests.browser.conftest import CSP_WATCH, RequestLog, csp_violations
from tests.browser.page_walk import built_pages
from tests.conftest import REPO_ROOT

AXE_SCRIPT = REPO_ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
#: The reader's system preference -> Material's scheme on <body>.
PALETTES = {"light": "default", "dark": "slate"}
LANGUAGES = paths.LANGUAGES  # mkdocs.yml

#: Starts axe without waiting for it, so that pages in other browser processes (one per
#: context) are checked at the same time on the other core; ``finish_axe`` collects the result.
START_AXE = """([include, tags]) => {
    window.__axeViolations = axe.run(include ? {include: [include]} : document, {
        runOnly: {type: 'tag', values: tags},
        resultTypes: ['violations'],  // the passes are not needed: axe skips detailing them
    }).then(results => results.violations.map(violation => ({
        rule: violation.id,
        impact: violation.impact,
        help: violation.help,
        nodes: violation.nodes.map(node => ({target: node.target.join(' '), why: node.failureSummary})),
    })));
}"""


@contextmanager
def axe_context(browser, site_url: str, palette: str, viewport: dict | None = None):
    """A browser context whose system asks for ``palette``, with axe-core in every page.

    axe-core goes in as an init script: the browser runs it in each new document from outside
    the page, so the pages' Content-Security-Policy stays in force (no ``bypass_csp``) and is
    checked here too, whereas ``add_script_tag`` would make axe an inline script that the
    policy refuses. It also spares sending axe's 550 KB to the browser again for every page.
    """
    assert AXE_SCRIPT.is_file(), "axe-core is missing: run `npm ci` (it is a devDependency)"
    context = browser.new_context(color_scheme=palette, **({"viewport": viewport} if viewport else {}))
    context.add_init_script(CSP_WATCH)
    context.add_init_script(path=str(AXE_SCRIPT))
    log = RequestLog(site_url)
    context.on("request", log.record)
    try:
        yield context
    finally:
        context.close()
    assert log.foreign() == [], "requests left the site's origin"


def start_axe(page, include: str | None = None) -> None:
    """Check the page as it is now (or the part ``include`` selects); ``finish_axe`` waits."""
    page.evaluate(START_AXE, [include, AXE_TAGS])


def finish_axe(page) -> list[str]:
    """The violations of the check ``start_axe`` began, one readable line each, followed by
    any Content-Security-Policy violation of the page."""
    lines = []
    for violation in page.evaluate("() => window.__axeViolations"):
        nodes = "; ".join(f"{node['target']}: {node['why']}" for node in violation["nodes"][:3])
        more = f" (+{len(violation['nodes']) - 3} more)" if len(violation["nodes"]) > 3 else ""
        lines.append(f"{violation['rule']} [{violation['impact']}] {violation['help']}: {nodes}{more}")
    return lines + [f"CSP: {violation}" for violation in csp_violations(page)]


def axe_violations(page, include: str | None = None) -> list[str]:
    start_axe(page, include)
    return finish_axe(page)


NO_RUNNING_ANIMATION = "() => document.getAnimations().every(animation => animation.playState !== 'running')"


def expect_palette(page, palette: str) -> None:
    page.wait_for_function(
        "scheme => document.body.dataset.mdColorScheme === scheme", arg=PALETTES[palette], timeout=5_000
    )


def _report(problems: dict[str, list[str]]) -> str:
    """Every problem in full (pytest would cut a long comparison short)."""
    return "\n".join(f"{where}:\n  " + "\n  ".join(found) for where, found in problems.items())


def _calculator_path(calculator_id: str, language: str) -> str:
    return ("" if language == "en" else f"{language}/") + f"calculators/{calculator_id}/"


CALCULATOR_PATHS = {_calculator_path(calculator_id, language) for calculator_id in calculators.CALCULATORS for language in LANGUAGES}


def _pages_without_a_calculator(site: Path) -> list[str]:
    """Every built page, each language's "not found" page included, but the calculators':
    those are checked in each of their states by ``test_calculator_states_have_no_violations``."""
    return [path for path in built_pages(site) if path not in CALCULATOR_PATHS]


def every_page_violations(browser, site: Path, site_url: str, viewport: dict | None = None) -> dict[str, list[str]]:
    """axe's findings on every page but the calculators', in both palettes, at ``viewport``
    (the default desktop size when None): the two palettes' pages are checked side by side."""
    paths = _pages_without_a_calculator(site)
    assert {"", "ro/", "404.html", "ro/404.html"} <= set(paths)
    problems = {}
    with axe_context(browser, site_url, "light", viewport) as light, axe_context(browser, site_url, "dark", viewport) as dark:
        pages = {"light": light.new_page(), "dark": dark.new_page()}
        for path in paths:
            for palette, page in pages.items():
                page.goto(site_url + path)
                expect_palette(page, palette)
                start_axe(page)
            for palette, page in pages.items():
                found = finish_axe(page)
                if found:
                    problems[f"{path or '/'} ({palette})"] = found
    return problems


def test_every_page_has_no_violations(browser, built_site, site_url):
    problems = every_page_violations(browser, built_site, site_url)
    assert problems == {}, _report(problems)


@pytest.mark.parametrize("language", LANGUAGES)
def test_search_results_have_no_violations(browser, site_url, language):
    """The search dialog, open on results, in both palettes (it is no page of its own)."""
    problems = {}
    with axe_context(browser, site_url, "light") as light, axe_context(browser, site_url, "dark") as dark:
        pages = {"light": light.new_page(), "dark": dark.new_page()}
        for palette, page in pages.items():
            page.goto(site_url + ("" if language == "en" else f"{language}/"))
            expect_palette(page, palette)
            page.keyboard.press("/")  # Material's shortcut to the search field
            page.keyboard.type("SCORTEN")
            page.wait_for_selector(".md-search-result__item mark")
            page.wait_for_function(NO_RUNNING_ANIMATION, timeout=5_000)
            start_axe(page, ".md-search")
        for palette, page in pages.items():
            found = finish_axe(page)
            if found:
                problems[palette] = found
    assert problems == {}, _report(problems)


def _first_vector(calculator_id: str, ok: bool) -> dict:
    """The first vector of the calculator's file with that outcome, among those a form can
    send (``GROUPED`` leaves out choices that are not among the form's options)."""
    return next(vector for vector in GROUPED[calculator_id] if vector["expected"]["ok"] is ok)


ERRORS_TIED_TO_FIELDS = """id => {
    const root = document.querySelector(`form[data-calculator="${id}"]`).closest('.calc');
    const problems = [];
    for (const error of root.querySelectorAll('[data-error-for]:not([hidden])')) {
        const name = error.dataset.errorFor;
        if (!error.textContent.trim()) problems.push(`${name}: empty error text`);
        if (name === '_form') continue;  // about no one field: a role="alert" paragraph
        if (!error.id) { problems.push(`${name}: the error has no id to refer to`); continue; }
        const controls = root.querySelectorAll(`form [name="${CSS.escape(name)}"]`);
        if (controls.length === 0) problems.push(`${name}: no field carries this name`);
        for (const control of controls) {
            if (control.getAttribute('aria-invalid') !== 'true') problems.push(`${name}: a field lacks aria-invalid="true"`);
            // A radio group is described as a whole by its fieldset, as the group's description.
            const described = control.type === 'radio' ? control.closest('fieldset') : control;
            const ids = (described?.getAttribute('aria-describedby') || '').split(/\\s+/);
            if (!ids.includes(error.id)) problems.push(`${name}: aria-describedby does not name the error ${error.id}`);
        }
    }
    return problems;
}"""


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("calculator_id", sorted(calculators.CALCULATORS))
def test_calculator_states_have_no_violations(browser, site_url, calculator_id, language):
    """The whole page as it opens, then the calculator after a result and after an error, in the
    light palette; then the reader's toggle turns the page dark and both states are checked again.

    One page serves both palettes, so Pyodide starts once per page. The result and the error
    change nothing outside the calculator's ``.calc`` element, so those states are checked there
    (contrast is still judged against the page around it); the dark palette's first check covers
    the whole page, in the error state, which shows everything the opening state shows.
    """
    valid, invalid = _first_vector(calculator_id, True), _first_vector(calculator_id, False)
    problems: dict[str, list[str]] = {}

    def result_state(label: str, sequence: int, include: str | None = ".calc") -> None:
        shown = evaluate_through_fragment(page, calculator_id, valid["inputs"], sequence)
        assert shown["errors"] == {} and not shown["result_hidden"], f"{valid['id']} shows no result"
        problems[f"{label}, result of {valid['id']}"] = axe_violations(page, include)

    def error_state(label: str, sequence: int, include: str | None = ".calc") -> None:
        shown = evaluate_through_fragment(page, calculator_id, invalid["inputs"], sequence)
        assert shown["errors"], f"{invalid['id']} shows no error"
        problems[f"{label}, error of {invalid['id']}"] = axe_violations(page, include)
        problems[f"{label}, errors tied to fields"] = page.evaluate(ERRORS_TIED_TO_FIELDS, calculator_id)

    with axe_context(browser, site_url, "light") as context:
        page = context.new_page()
        page.goto(site_url + _calculator_path(calculator_id, language))
        expect_palette(page, "light")
        # The page as a reader first meets it, while Python starts in its worker (on the other core).
        problems["light, whole page, Python starting"] = axe_violations(page)
        page.wait_for_selector("[data-calc-status][data-state=ready]", timeout=READY_TIMEOUT_MS)
        result_state("light", 1)
        error_state("light", 2)

        # Material's toggle, "Switch to dark mode". The click is dispatched rather than made with
        # the pointer, so no hover state is left on the header while axe judges the page.
        page.dispatch_event('label[for="__palette_1"]', "click")
        expect_palette(page, "dark")
        page.wait_for_function(NO_RUNNING_ANIMATION, timeout=5_000)  # colours that fade to the new palette
        error_state("dark", 3, include=None)
        result_state("dark", 4)
    problems = {state: found for state, found in problems.items() if found}
    assert problems == {}, _report(problems)
