"""Each calculator is usable with the keyboard alone, and its result reaches a live region.

A reader opens the page, presses Tab from the top until the form has focus, types numbers,
moves through radio groups and selects with the arrow keys, reaches the submit button with Tab
and presses Enter. Nothing is clicked or filled. Every control that takes focus must show it,
and the values the page then shows must be those the vector expects.
"""
from __future__ import annotations

import pytest

import calculators
from tests.browser.calculator_page import GROUPED, READY_TIMEOUT_MS, mismatches, read_result
from tests.browser.conftest import csp_violations

#: Enough Tab presses to cross the header, the navigation, the table of contents and the text
#: above a calculator; reaching this many means focus never got to the form.
MAX_TABS = 400

#: What the test needs to know about the focused element, or null when it is outside the form.
FOCUSED = """() => {
    const element = document.activeElement;
    const form = element?.closest('form[data-calculator]');
    if (!form) return null;
    const style = getComputedStyle(element);
    return {
        key: element.id || `${element.name}=${element.value}`,
        kind: element.type === 'radio' ? 'radio' : element.tagName === 'SELECT' ? 'select' : element.type,
        name: element.name,
        value: element.value,
        checked: element.checked,
        options: element.tagName === 'SELECT' ? [...element.options].map(option => option.value) : null,
        selectedIndex: element.selectedIndex ?? null,
        group: element.type === 'radio'
            ? [...form.querySelectorAll(`input[type=radio][name="${CSS.escape(element.name)}"]`)].map(radio => radio.value)
            : null,
        focusShown: element.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
    };
}"""

#: The order in which the browser's date field takes day, month and year, from its locale.
DATE_ORDER = """() => new Intl.DateTimeFormat(navigator.language, {year: 'numeric', month: '2-digit', day: '2-digit'})
    .formatToParts(new Date(2026, 4, 21)).filter(part => part.type !== 'literal').map(part => part.type)"""

#: The region that will hold the result: it must be rendered (so assistive technology knows it)
#: before any result appears in it.
LIVE_REGION = """id => {
    const result = document.querySelector(`form[data-calculator="${id}"]`).closest('.calc').querySelector('[data-calc-result]');
    const region = result.closest('[aria-live="polite"], [aria-live="assertive"], [role="status"], [role="log"]');
    if (!region) return 'the result is in no live region';
    if (region === result) return 'the live region is the result area itself, hidden until the first result';
    if (region.closest('[hidden]') || getComputedStyle(region).display === 'none') return 'the live region is hidden';
    return '';
}"""

#: The calculator shows the answer to what the form holds now (the page keeps the form's inputs
#: in the URL fragment and records which fragment the shown result belongs to).
SETTLED = """id => {
    const root = document.querySelector(`form[data-calculator="${id}"]`).closest('.calc');
    return root.dataset.state === 'done' && root.dataset.rendered === location.hash.slice(1);
}"""
MARK_STALE = "id => { document.querySelector(`form[data-calculator=\"${id}\"]`).closest('.calc').dataset.state = 'stale'; }"


def _first_valid_vector(calculator_id: str) -> dict:
    return next(vector for vector in GROUPED[calculator_id] if vector["expected"]["ok"])


def _focused(page) -> dict | None:
    return page.evaluate(FOCUSED)


def _tab_into_form(page) -> dict:
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        focused = _focused(page)
        if focused:
            return focused
    raise AssertionError(f"{MAX_TABS} presses of Tab never reached the calculator's form")


def _tab_to_next_control(page, current: dict) -> dict:
    """Tab until another control has focus (a date field takes several presses, one per part)."""
    for _ in range(5):
        page.keyboard.press("Tab")
        focused = _focused(page)
        assert focused is not None, f"focus left the form after {current['key']}, before its submit button"
        if focused["key"] != current["key"]:
            return focused
    raise AssertionError(f"Tab does not move on from {current['key']}")


def _arrow(page, steps: int) -> None:
    for _ in range(abs(steps)):
        page.keyboard.press("ArrowDown" if steps > 0 else "ArrowUp")


def _enter(page, focused: dict, value: str) -> None:
    """Give the focused control ``value`` the way a keyboard user would."""
    if focused["kind"] == "radio":
        group = focused["group"]
        # Arrow keys move through a radio group and check the radio they land on.
        steps = (group.index(value) - group.index(focused["value"])) % len(group)
        _arrow(page, steps)
        if steps == 0 and not focused["checked"]:
            page.keyboard.press("Space")
    elif focused["kind"] == "select":
        _arrow(page, focused["options"].index(value) - focused["selectedIndex"])
    elif focused["kind"] == "date":
        year, month, day = value.split("-")
        parts = {"year": year, "month": month, "day": day}
        page.keyboard.type("".join(parts[part] for part in page.evaluate(DATE_ORDER)))
    else:
        page.keyboard.type(value)
    now = _focused(page)
    assert now["name"] == focused["name"] and now["value"] == value, f"the keyboard did not set {focused['name']} to {value!r}"
    if now["kind"] == "radio":
        assert now["checked"], f"the keyboard did not check {focused['name']}={value}"


@pytest.mark.parametrize("calculator_id", sorted(calculators.CALCULATORS))
def test_calculator_works_with_the_keyboard_alone(shared_context, site_url, calculator_id):
    vector = _first_valid_vector(calculator_id)
    page = shared_context.new_page()
    page_errors: list[str] = []
    page.on("pageerror", lambda error: page_errors.append(str(error)))
    # The form takes input at once; Python, starting in its worker, answers when it is ready.
    page.goto(f"{site_url}calculators/{calculator_id}/")
    assert page.evaluate(LIVE_REGION, calculator_id) == ""

    focused = _tab_into_form(page)
    entered, unseen_focus = set(), []
    while focused["kind"] != "submit":
        if not focused["focusShown"]:
            unseen_focus.append(focused["key"])
        name = focused["name"]
        if name in vector["inputs"] and name not in entered and vector["inputs"][name] != "":
            _enter(page, focused, vector["inputs"][name])
            entered.add(name)
            focused = _focused(page)
        focused = _tab_to_next_control(page, focused)
    if not focused["focusShown"]:
        unseen_focus.append("the submit button")
    assert unseen_focus == [], "controls whose keyboard focus is not shown"
    assert entered == {name for name, value in vector["inputs"].items() if value != ""}, "fields Tab never reached"

    # Typing already updates the result (once Python is ready): wait for that answer, so that the
    # one awaited below is Enter's.
    page.wait_for_function(SETTLED, arg=calculator_id, timeout=READY_TIMEOUT_MS)
    page.evaluate(MARK_STALE, calculator_id)
    page.keyboard.press("Enter")
    page.wait_for_function(SETTLED, arg=calculator_id, timeout=READY_TIMEOUT_MS)

    result = read_result(page, calculator_id)
    assert not result["result_hidden"], "no result is shown"
    assert page.evaluate(LIVE_REGION, calculator_id) == ""
    assert mismatches(result, vector) == [], f"the keyboard-entered {vector['id']} gave another result"
    violations = csp_violations(page)
    page.close()
    assert page_errors == []
    assert violations == []
