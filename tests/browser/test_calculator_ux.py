"""A calculator as a clinician uses it on a phone (390 x 844), in both languages.

- changing a unit converts the number already typed, says so beside the field, and Python
  receives the same quantity (every unit selector of every calculator, from the declarations);
- a field's error waits until the reader leaves that field or asks for the result;
- the form is on the first screen; the explanations are folded below it and a link to one
  unfolds it; after Calculate and after opening a shared link the result is in view;
- the primary output comes first and large, the warnings beside it, then the band's next steps
  and the calculator's note (printed and copied too), then the details;
- a slow runtime shows its progress, keeps taking input, and computes when it is ready;
- a printed result fits one page: result, inputs as entered, permalink and time, nothing else;
- the language switcher keeps the calculator's inputs and the section the reader is at.
"""
from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urljoin

import pytest

import calculators
from calculators.spec import NumberInput
from calculators.validation import validate
from site_build.content import messages
from site_build.pages import forms
from site_build import paths
from tests.browser.calculator_page import GROUPED, READY_TIMEOUT_MS, evaluate_through_fragment, open_calculator
from tests.browser.conftest import CSP_WATCH, RequestLog, csp_violations

LANGUAGES = paths.LANGUAGES  # mkdocs.yml
PHONE = {"width": 390, "height": 844}

#: The calculator shows the answer to what the form holds now.
SETTLED = """id => {
    const root = document.querySelector(`form[data-calculator="${id}"]`).closest('.calc');
    return root.dataset.state === 'done' && root.dataset.rendered === location.hash.slice(1);
}"""

#: The primary output's box lies inside the viewport (below the theme's sticky header).
PRIMARY_IN_VIEW = """() => {
    const box = document.querySelector('.calc-primary [data-output]').getBoundingClientRect();
    const header = document.querySelector('.md-header').getBoundingClientRect().bottom;
    return box.height > 0 && box.top >= header && box.bottom <= innerHeight;
}"""

#: The form's values as the page sends them to Python.
FORM_VALUES = """id => {
    const form = document.querySelector(`form[data-calculator="${id}"]`);
    const values = {};
    for (const element of form.elements) {
        if (!element.name || (element.type === 'radio' && !element.checked)) continue;
        values[element.name] = element.value;
    }
    return values;
}"""

VISIBLE_ERRORS = "() => [...document.querySelectorAll('[data-error-for]:not([hidden])')].map(e => e.dataset.errorFor).sort()"


@pytest.fixture(scope="module")
def phone(browser, site_url):
    """One phone-sized context per module (the runtime is fetched once, then cached)."""
    context = browser.new_context(viewport=PHONE, has_touch=True)
    context.add_init_script(CSP_WATCH)
    log = RequestLog(site_url)
    context.on("request", log.record)
    yield context
    context.close()
    assert log.foreign() == [], "requests left the site's origin"


@pytest.fixture
def routed_page(browser, site_url):
    """A phone page in a context of its own, whose requests a test may route: no offline copy
    (service worker) of an earlier page answers them instead, which a route would not see."""
    context = browser.new_context(viewport=PHONE, has_touch=True)
    context.add_init_script(CSP_WATCH)
    log = RequestLog(site_url)
    context.on("request", log.record)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    violations = csp_violations(page)
    context.close()
    assert errors == [], "uncaught errors in the page"
    assert violations == [], "Content-Security-Policy violations"
    assert log.foreign() == [], "requests left the site's origin"


@pytest.fixture
def page(phone):
    page = phone.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    violations = csp_violations(page)
    page.close()
    assert errors == [], "uncaught errors in the page"
    assert violations == [], "Content-Security-Policy violations"


def _path(calculator_id: str, language: str) -> str:
    return ("" if language == "en" else f"{language}/") + f"calculators/{calculator_id}/"


def _valid_vector(calculator_id: str) -> dict:
    return next(vector for vector in GROUPED[calculator_id] if vector["expected"]["ok"])


def _texts(page) -> dict:
    return page.evaluate("JSON.parse(document.querySelector('script[data-calc-messages]').textContent)")


def _settle(page, calculator_id: str) -> None:
    """Wait for the answer to what the form holds now (after the reader changed something)."""
    page.wait_for_function(SETTLED, arg=calculator_id, timeout=READY_TIMEOUT_MS)


def _open_link(page, site_url: str, calculator_id: str, language: str, inputs: dict) -> None:
    """Open a shared link with ``inputs`` in its fragment and wait for its answer."""
    open_calculator(page, site_url, calculator_id, language, fragment=urlencode(inputs))
    page.wait_for_selector(".calc[data-state=done]", timeout=READY_TIMEOUT_MS)


# 1. A unit changed under a typed number converts it. ------------------------------------------

UNIT_SELECTORS = [
    pytest.param(calculator_id, declared.name, id=f"{calculator_id}-{declared.unit_input}")
    for calculator_id, calculator in sorted(calculators.CALCULATORS.items())
    for declared in calculator.inputs
    if isinstance(declared, NumberInput) and declared.unit_input
]


def _in_language(text: str, language: str) -> str:
    """A number as the page writes it in ``language`` (no trailing zeros, its decimal sign)."""
    number = text.replace(",", ".")
    if "." in number:
        number = number.rstrip("0").rstrip(".")
    return number.replace(".", "," if language == "ro" else ".")


def _decimals(text: str) -> int:
    parts = re.split(r"[.,]", text)
    return len(parts[1]) if len(parts) > 1 else 0


def _canonical(calculator_id: str, values: dict, name: str) -> float:
    accepted, errors, _ = validate(calculators.CALCULATORS[calculator_id], values)
    assert name not in errors, errors[name]
    return accepted[name]


def test_every_unit_selector_is_covered():
    assert {case.values[0] for case in UNIT_SELECTORS} >= {"ivig-dose", "scorten"}
    assert len(UNIT_SELECTORS) >= 4


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("calculator_id", "name"), UNIT_SELECTORS)
def test_changing_a_unit_converts_the_number_already_typed(page, site_url, calculator_id, name, language):
    calculator = calculators.CALCULATORS[calculator_id]
    declared = calculator.input(name)
    units = list(declared.limits)
    first = declared.limits[units[0]]
    # A value inside the limits of every unit, with a decimal typed the way this reader types.
    middle = (declared.minimum + declared.maximum) / 2 / first.factor
    typed = f"{round(middle)}.5".replace(".", "," if language == "ro" else ".")
    inputs = {**_valid_vector(calculator_id)["inputs"], declared.unit_input: units[0], name: typed}
    _open_link(page, site_url, calculator_id, language, inputs)
    texts = _texts(page)
    canonical = _canonical(calculator_id, page.evaluate(FORM_VALUES, calculator_id), name)
    field, note = page.locator(f'[name="{name}"]'), page.locator(f'[data-converted-for="{name}"]')

    previous_text, previous_unit = typed, units[0]
    for unit in [*units[1:], units[0]]:
        page.select_option(f'[name="{declared.unit_input}"]', unit)
        _settle(page, calculator_id)
        shown = field.input_value()
        limits = declared.limits[unit]
        # Python receives the same quantity, to the rounding of the decimals now shown.
        values = page.evaluate(FORM_VALUES, calculator_id)
        assert values[declared.unit_input] == unit and values[name] == shown
        received = _canonical(calculator_id, values, name)
        assert abs(received - canonical) <= 0.5 * 10 ** -_decimals(shown) * limits.factor + 1e-9, f"{shown} {unit}"
        # The reader's decimal separator is kept.
        assert not re.search("[.]" if language == "ro" else "[,]", shown), shown
        # And the page says what it did, beside the field, in the reader's language.
        expected = texts["ui.converted"].format(
            **{
                "from": f"{_in_language(previous_text, language)} {texts[f'unit.{previous_unit}']}",
                "to": f"{_in_language(shown, language)} {texts[f'unit.{unit}']}",
            }
        )
        assert note.is_visible() and note.inner_text() == expected
        assert note.get_attribute("role") == "status"
        previous_text, previous_unit = shown, unit
    # Round the units and back: what the reader typed, as they typed it.
    assert field.input_value() == typed


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_number_that_cannot_be_read_is_cleared_and_asked_again(page, site_url, language):
    inputs = {**_valid_vector("ivig-dose")["inputs"], "weight_unit": "kg"}
    _open_link(page, site_url, "ivig-dose", language, inputs)
    page.fill('[name="weight"]', "7o")
    page.select_option('[name="weight_unit"]', "lb")
    _settle(page, "ivig-dose")
    texts = _texts(page)
    assert page.input_value('[name="weight"]') == ""
    assert page.inner_text('[data-converted-for="weight"]') == texts["ui.conversion_cleared"].format(unit=texts["unit.lb"])
    assert page.locator("[data-calc-result]").is_hidden(), "no number without a weight"


# 2. Errors wait for the reader. ---------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_fields_error_waits_until_it_is_left_or_the_result_is_asked_for(page, site_url, language):
    open_calculator(page, site_url, "ivig-dose", language)
    page.select_option('[name="indication"]', "blistering")
    _settle(page, "ivig-dose")
    # Weight and days are missing, but the reader has not got to them: nothing is marked.
    assert page.evaluate(VISIBLE_ERRORS) == []
    assert page.locator("[aria-invalid]").count() == 0
    assert page.locator("[data-calc-incomplete]").is_visible()
    assert page.locator("[data-calc-result]").is_hidden()
    # Leaving the weight empty marks the weight, and only it.
    page.focus('[name="weight"]')
    page.keyboard.press("Tab")
    page.wait_for_function(f"() => JSON.stringify(({VISIBLE_ERRORS})()) === '[\"weight\"]'")
    assert page.get_attribute('[name="weight"]', "aria-invalid") == "true"
    # Calculate marks every field still in error; no number is shown.
    page.click('form[data-calculator] button[type="submit"]')
    page.wait_for_function(f"() => JSON.stringify(({VISIBLE_ERRORS})()) === '[\"days\",\"weight\"]'")
    assert page.locator("[data-calc-incomplete]").is_hidden()
    assert page.locator("[data-calc-result]").is_hidden()
    assert page.eval_on_selector_all("[data-output]", "els => els.every(e => e.dataset.value === '' && e.textContent === '')")


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_link_with_inputs_counts_as_asked_and_shows_its_errors_at_once(page, site_url, language):
    _open_link(page, site_url, "ivig-dose", language, {"indication": "blistering", "weight": "70"})
    assert page.evaluate(VISIBLE_ERRORS) == ["days"]
    assert page.locator("[data-calc-result]").is_hidden()


# 4. The form first, the result where the eye is. -----------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("calculator_id", sorted(calculators.CALCULATORS))
def test_the_form_starts_on_the_first_screen(page, site_url, calculator_id, language):
    page.goto(site_url + _path(calculator_id, language))
    first_field = page.locator("form[data-calculator] [data-field]").first
    box = first_field.bounding_box()
    assert box is not None and box["y"] + min(box["height"], 80) <= PHONE["height"], f"the first field starts at {box}"
    # The explanations are folded below the form.
    folded = page.locator("details.calc-explanation")
    assert folded.count() >= 3
    assert page.evaluate("() => [...document.querySelectorAll('details.calc-explanation')].every(d => !d.open)")
    form_bottom = page.locator("form[data-calculator]").bounding_box()
    assert folded.first.bounding_box()["y"] > form_bottom["y"] + form_bottom["height"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_link_to_a_folded_section_opens_it(page, site_url, language):
    page.goto(site_url + _path("scorten", language) + "#scoring")
    section = page.locator("details.calc-explanation:has(#scoring)")
    page.wait_for_function("() => document.querySelector('details.calc-explanation:has(#scoring)').open")
    assert section.locator("table").first.is_visible()
    box = page.locator("#scoring").bounding_box()
    assert 0 <= box["y"] < PHONE["height"]
    # The section link in the table of contents works on a folded section too.
    page.goto(site_url + _path("scorten", language))
    page.evaluate("() => { location.hash = 'inputs'; }")
    page.wait_for_function("() => document.querySelector('details.calc-explanation:has(#inputs)').open")


@pytest.mark.parametrize("language", LANGUAGES)
def test_after_calculate_the_result_is_in_view(page, site_url, language):
    vector = _valid_vector("ivig-dose")
    open_calculator(page, site_url, "ivig-dose", language)
    # Units first, as a reader who picks the unit and then types (a unit chosen after a number
    # would convert it).
    selectors = {declared.unit_input for declared in calculators.CALCULATORS["ivig-dose"].inputs if isinstance(declared, NumberInput)}
    for name, value in sorted(vector["inputs"].items(), key=lambda item: item[0] not in selectors):
        element = page.locator(f'form[data-calculator] [name="{name}"]').first
        if value == "":
            continue
        if element.evaluate("e => e.tagName") == "SELECT":
            element.select_option(value)
        elif element.get_attribute("type") == "radio":
            page.check(f'[name="{name}"][value="{value}"]')
        else:
            element.fill(value)
    page.click('form[data-calculator] button[type="submit"]')
    page.wait_for_function(PRIMARY_IN_VIEW, timeout=10_000)
    assert page.locator("[data-calc-result]").is_visible()


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_shared_link_opens_with_its_result_in_view(page, site_url, language):
    vector = _valid_vector("ivig-dose")
    page.goto(site_url + _path("ivig-dose", language) + "#" + urlencode(vector["inputs"]))
    page.wait_for_selector(".calc[data-state=done]", timeout=READY_TIMEOUT_MS)
    page.wait_for_function(PRIMARY_IN_VIEW, timeout=10_000)


# 5. The result's order, its note and the band's next steps. -----------------------------------


def _boxes(page, selectors: list[str]) -> list[dict]:
    """Boxes in page coordinates, measured at one moment (the page may be scrolling)."""
    return page.evaluate(
        """selectors => selectors.map(selector => {
            const box = document.querySelector(selector).getBoundingClientRect();
            return {x: box.x + scrollX, y: box.y + scrollY, width: box.width, height: box.height};
        })""",
        selectors,
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_primary_number_comes_first_and_large_with_the_warnings_beside_it(page, site_url, language):
    # A vector with a warning: renal or cardiac risk.
    vector = _valid_vector("ivig-dose")
    _open_link(page, site_url, "ivig-dose", language, {**vector["inputs"], "renal_cardiac_risk": "yes"})
    primary, warnings, details = _boxes(page, [".calc-primary", ".calc-warnings", ".calc-outputs"])
    assert primary["y"] + primary["height"] <= warnings["y"] + 1
    assert warnings["y"] + warnings["height"] <= details["y"] + 1
    size = lambda selector: page.eval_on_selector(selector, "e => parseFloat(getComputedStyle(e).fontSize)")  # noqa: E731
    assert size(".calc-primary dd") >= 1.5 * size(".calc-outputs .calc-output-row dd")
    primary_name = calculators.CALCULATORS["ivig-dose"].primary_output.name
    assert page.get_attribute(".calc-primary [data-output]", "data-output") == primary_name


def _page_with_notes(route, calculator_id: str, language: str, notes: dict[str, str]) -> None:
    """Serve the built page as the build would write it had the calculator's message file these
    texts too (a ``result_note`` and ``bands.<key>.next``): the same generator, run here."""
    response = route.fetch()
    html = response.text()
    script_url = re.search(r'<script type="module" src="([^"]*page\.mjs)"></script>', html)[1]
    texts = messages.catalog(language, calculator_id)
    noted = messages.Catalog(language, {**texts.texts, **notes}, texts.files)
    widget = forms.render_calculator(calculators.CALCULATORS[calculator_id], noted, script_url)
    start = html.index('<div class="calc" id=')
    end = html.index("</script>", html.index(f'<script type="module" src="{script_url}">')) + len("</script>")
    route.fulfill(response=response, body=html[:start] + widget + html[end:])


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_result_note_and_the_bands_next_steps_are_shown_copied_and_printed(routed_page, site_url, language):
    page = routed_page
    calculator = calculators.CALCULATORS["scorten"]
    notes = {"result_note": "NOTE: read me with the result.", **{f"bands.{band.key}.next": f"NEXT for {band.key}." for band in calculator.bands}}
    page.route(re.compile(r".*/calculators/scorten/$"), lambda route: _page_with_notes(route, "scorten", language, notes))
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    vector = _valid_vector("scorten")
    _open_link(page, site_url, "scorten", language, vector["inputs"])
    band = calculators.evaluate("scorten", vector["inputs"])["band"]
    next_steps = page.locator("[data-calc-next]")
    assert next_steps.is_visible() and next_steps.inner_text().endswith(f"NEXT for {band}.")
    note = page.locator(".calc-result [data-calc-note]")
    assert note.is_visible() and note.inner_text() == notes["result_note"]
    # Copied...
    page.click("[data-calc-copy]")
    page.wait_for_selector("[data-calc-copied]:not(:empty)")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert notes["result_note"] in copied and f"NEXT for {band}." in copied and page.url in copied
    # ...and printed.
    page.emulate_media(media="print")
    assert note.is_visible() and next_steps.is_visible()


# 6. A slow runtime: progress, input meanwhile, the result when ready. --------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_slow_runtime_shows_progress_and_computes_when_ready(routed_page, site_url, language):
    page = routed_page
    held = []
    page.context.route("**/pyodide.asm.wasm", lambda route: held.append(route))
    vector = _valid_vector("ivig-dose")
    page.goto(site_url + _path("ivig-dose", language))
    page.wait_for_function("() => document.querySelector('[data-calc-status]').dataset.state === 'downloading'")
    texts = _texts(page)
    progress = page.locator("[data-calc-progress]")
    assert progress.is_visible() and progress.get_attribute("aria-labelledby")
    assert page.evaluate("() => document.querySelector('[data-calc-progress]').value") == 1
    assert page.inner_text("[data-calc-status]").startswith(texts["ui.status_downloading"])
    # The form takes input meanwhile, and Calculate says the result will follow.
    page.select_option('[name="indication"]', vector["inputs"]["indication"])
    page.fill('[name="weight"]', vector["inputs"]["weight"])
    page.fill('[name="days"]', vector["inputs"]["days"])
    assert page.input_value('[name="weight"]') == vector["inputs"]["weight"]
    page.click('form[data-calculator] button[type="submit"]')
    page.wait_for_function(
        "text => document.querySelector('[data-calc-status]').textContent.includes(text)", arg=texts["ui.status_queued"]
    )
    assert page.locator("[data-calc-result]").is_hidden()
    # The runtime arrives: its later stages show, then the result, in view.
    assert held, "the runtime's WebAssembly was requested"
    for route in held:
        route.continue_()
    page.wait_for_selector(".calc[data-state=done]", timeout=READY_TIMEOUT_MS)
    assert page.locator("[data-calc-progress]").is_hidden()
    assert page.inner_text("[data-calc-status]") == texts["ui.status_ready"]
    assert page.get_attribute('[data-output="total_dose_g"]', "data-value") != ""
    page.wait_for_function(PRIMARY_IN_VIEW, timeout=10_000)


# 7. Printing: one page, the result first. ------------------------------------------------------


def _pages_in(pdf: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf))


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_printed_result_is_one_page_with_inputs_link_and_time(page, site_url, language):
    calculator_id = "ivig-dose"  # the calculator with the most outputs and inputs
    vector = _valid_vector(calculator_id)
    inputs = {**vector["inputs"], "height": "175", "sex": "male", "rounding": "5", "renal_cardiac_risk": "yes"}
    _open_link(page, site_url, calculator_id, language, inputs)
    texts = _texts(page)
    page.emulate_media(media="print")
    # Nothing but the title, the result and its record.
    for hidden in ("form[data-calculator]", ".md-header", ".md-sidebar--primary", ".md-footer", "details.calc-explanation", "#references", ".admonition"):
        assert all(not element.is_visible() for element in page.locator(hidden).all()), f"{hidden} is printed"
    assert [button for button in page.locator("button").all() if button.is_visible()] == []
    title, result, primary, record = _boxes(page, ["h1", "[data-calc-result]", ".calc-primary", "[data-calc-record]"])
    assert title["y"] < result["y"] <= primary["y"] < record["y"]
    rows = page.eval_on_selector_all("[data-calc-record-inputs] > div", "rows => rows.map(r => [r.querySelector('dt').textContent, r.querySelector('dd').textContent])")
    labels = dict(rows)
    assert labels[texts["inputs.weight.label"]].startswith(inputs["weight"])
    assert labels[texts["inputs.height.label"]] == f"175 {texts['unit.cm']}"
    assert page.inner_text("[data-calc-permalink]") == page.url
    stamp = page.inner_text("[data-calc-time]")
    assert re.fullmatch(re.escape(texts["ui.calculated_at"]).replace(r"\{date\}", ".+").replace(r"\{time\}", r"\d\d:\d\d"), stamp), stamp
    for paper in ("Letter", "A4"):
        assert _pages_in(page.pdf(format=paper)) == 1, f"{paper}: more than one page"


# 8. Switching language keeps the inputs and the section. ---------------------------------------


def _switch_language(page, language: str) -> None:
    page.hover(".md-header__option .md-select")
    with page.expect_navigation():
        page.click(f'a.md-select__link[hreflang="{language}"]')


@pytest.mark.parametrize(("start", "target"), [("en", "ro"), ("ro", "en")])
def test_switching_language_keeps_the_inputs_and_the_result(page, site_url, start, target):
    vector = _valid_vector("scorten")
    open_calculator(page, site_url, "scorten", start)
    evaluate_through_fragment(page, "scorten", vector["inputs"], 1)
    fragment = page.evaluate("location.hash.slice(1)")
    shown = page.get_attribute('[data-output="score"]', "data-value")
    _switch_language(page, target)
    assert page.url.startswith(site_url + _path("scorten", target))
    assert page.get_attribute("html", "lang") == target
    page.wait_for_selector(".calc[data-state=done]", timeout=READY_TIMEOUT_MS)
    assert dict(parse_qsl(page.url.split("#", 1)[1])) == dict(parse_qsl(fragment))
    assert page.get_attribute('[data-output="score"]', "data-value") == shown


@pytest.mark.parametrize(("start", "target"), [("en", "ro"), ("ro", "en")])
def test_switching_language_keeps_the_section(page, site_url, start, target):
    page.goto(site_url + _path("scorten", start) + "#pearls")
    page.wait_for_function("() => document.querySelector('details.calc-explanation:has(#pearls)').open")
    _switch_language(page, target)
    assert page.url == urljoin(site_url, _path("scorten", target)) + "#pearls"
    page.wait_for_function("() => document.querySelector('details.calc-explanation:has(#pearls)').open")
    assert 0 <= page.locator("#pearls").bounding_box()["y"] < PHONE["height"]
