"""Drive a calculator page as a reader would, and read back what it shows."""
from __future__ import annotations

import json
from urllib.parse import urlencode

import calculators
from calculators.parsing import parse_date
from calculators.spec import ChoiceInput, DateInput
from tests.support import vectors

READY_TIMEOUT_MS = 60_000


def open_calculator(page, site_url: str, calculator_id: str, language: str, fragment: str = "") -> None:
    prefix = "" if language == "en" else f"{language}/"
    page.goto(f"{site_url}{prefix}calculators/{calculator_id}/{('#' + fragment) if fragment else ''}")
    page.wait_for_selector("[data-calc-status][data-state=ready]", timeout=READY_TIMEOUT_MS)


def evaluate_through_fragment(page, calculator_id: str, inputs: dict, sequence: int) -> dict:
    """Put ``inputs`` in the URL fragment, as a shared link would, and read the page's answer.

    A throwaway ``_n`` parameter makes each fragment differ from the last, so the page always
    recomputes; the page ignores names that are not its inputs.
    """
    fragment = urlencode({**inputs, "_n": sequence})
    page.evaluate(
        """([id, fragment]) => {
            document.querySelector(`form[data-calculator="${id}"]`).closest('.calc').dataset.state = 'stale';
            location.hash = fragment;
        }""",
        [calculator_id, fragment],
    )
    page.wait_for_function(
        "id => document.querySelector(`form[data-calculator=\"${id}\"]`).closest('.calc').dataset.state === 'done'",
        arg=calculator_id,
        timeout=READY_TIMEOUT_MS,
    )
    return read_result(page, calculator_id)


def read_result(page, calculator_id: str) -> dict:
    """Rebuild an ``evaluate``-shaped result from the DOM: data-value, error and warning keys."""
    shown = page.evaluate(
        """id => {
            const root = document.querySelector(`form[data-calculator="${id}"]`).closest('.calc');
            const outputs = {};
            for (const output of root.querySelectorAll('[data-output]')) {
                if (output.closest('[data-output-row]').hidden || output.dataset.value === '') continue;
                outputs[output.dataset.output] = {kind: output.dataset.kind, value: output.dataset.value, text: output.textContent};
            }
            const errors = {};
            for (const error of root.querySelectorAll('[data-error-for]:not([hidden])')) {
                errors[error.dataset.errorFor] = {key: error.dataset.errorKey, text: error.textContent};
            }
            const warnings = [...root.querySelectorAll('[data-warning-key]')].map(w => ({key: w.dataset.warningKey, text: w.textContent}));
            return {outputs, errors, warnings, resultHidden: root.querySelector('[data-calc-result]').hidden};
        }""",
        calculator_id,
    )
    outputs = {name: _parse(item["kind"], item["value"]) for name, item in shown["outputs"].items()}
    return {
        "ok": not shown["errors"],
        "outputs": outputs,  # kept even with errors: a number shown beside an error is a failure
        "shown_outputs": shown["outputs"],
        "errors": shown["errors"],
        "warnings": shown["warnings"],
        "result_hidden": shown["resultHidden"],
    }


def _parse(kind: str, value: str):
    if kind in ("number", "percent"):
        return float(value)
    if kind == "category":
        return value
    return json.loads(value)


def reachable_through_a_form(calculator_id: str, vector: dict) -> bool:
    """A form cannot send a value outside a select's or a radio group's options, nor a date
    field anything but a valid date or nothing (the browser empties "2026-13-01").

    Such vectors (``error.invalid_choice``, ``error.invalid_date``) guard Python against
    hand-made requests; they run on the host and in Pyodide, and are left out of the browser
    runs only.
    """
    calculator = calculators.CALCULATORS[calculator_id]
    for declared in calculator.inputs:
        value = vector["inputs"].get(declared.name)
        if value in (None, ""):
            continue
        if isinstance(declared, ChoiceInput) and value not in declared.choices:
            return False
        if isinstance(declared, DateInput):
            try:
                parse_date(value)
            except ValueError:
                return False
    return True


def vectors_by_calculator() -> dict[str, list[dict]]:
    """The shared vectors a reader could reproduce through each calculator's form."""
    grouped: dict[str, list[dict]] = {}
    for calculator_id, vector in vectors.all_vectors():
        if reachable_through_a_form(calculator_id, vector):
            grouped.setdefault(calculator_id, []).append(vector)
    return grouped


GROUPED = vectors_by_calculator()


def mismatches(shown: dict, vector: dict) -> list[str]:
    """Judge what the page shows (from :func:`read_result`) with the shared comparison."""
    outputs = dict(shown["outputs"])
    for name, want in vector["expected"].get("outputs", {}).items():
        if want is None and name not in outputs:
            outputs[name] = None  # an output that does not apply is hidden, not shown as "null"
    judged = {
        **shown,
        "outputs": outputs,
        "errors": {name: {"key": error["key"]} for name, error in shown["errors"].items()},
        "warnings": [{"key": warning["key"]} for warning in shown["warnings"]],
    }
    return vectors.mismatches(judged, vector, warning_params=False)


#: Elements under a calculator that are hidden (or inside a hidden one) but still take up room.
HIDDEN_BUT_RENDERED = """id => {
    const root = document.querySelector(`form[data-calculator="${id}"]`).closest('.calc');
    return [...root.querySelectorAll('[hidden]')]
        .filter(element => element.getClientRects().length > 0 || getComputedStyle(element).display !== 'none')
        .map(element => element.dataset.outputRow || element.dataset.errorFor || element.className || element.tagName);
}"""
