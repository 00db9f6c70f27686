"""Depth (c): every shared vector, through the built page, in both languages.

Each calculator page is opened once per language; each vector is then put in the URL fragment
the way a shared link carries it, and the page's data-value attributes, error keys and warning
keys are judged with the same comparison as on the host and in Pyodide.
"""
from __future__ import annotations

import pytest

import calculators
from calculators.spec import ChoiceInput
from tests.browser.calculator_page import evaluate_through_fragment, open_calculator
from tests.browser.conftest import csp_violations
from tests.support import vectors

pytestmark = pytest.mark.browser


def _reachable_through_a_form(calculator_id: str, vector: dict) -> bool:
    """A form cannot send a value outside a select's or a radio group's options.

    Such vectors (``error.invalid_choice``) guard Python against hand-made requests; they run on
    the host and in Pyodide, and are left out here only.
    """
    calculator = calculators.CALCULATORS[calculator_id]
    for declared in calculator.inputs:
        value = vector["inputs"].get(declared.name)
        if isinstance(declared, ChoiceInput) and value not in (None, "") and value not in declared.choices:
            return False
    return True


def _by_calculator():
    grouped: dict[str, list[dict]] = {}
    for calculator_id, vector in vectors.all_vectors():
        if _reachable_through_a_form(calculator_id, vector):
            grouped.setdefault(calculator_id, []).append(vector)
    return grouped


GROUPED = _by_calculator()


@pytest.mark.parametrize("language", ["en", "ro"])
@pytest.mark.parametrize("calculator_id", sorted(GROUPED))
def test_vectors_through_the_page(shared_context, site_url, calculator_id, language):
    page = shared_context.new_page()
    page_errors: list[str] = []
    page.on("pageerror", lambda error: page_errors.append(str(error)))
    open_calculator(page, site_url, calculator_id, language)
    failures = {}
    for sequence, vector in enumerate(GROUPED[calculator_id]):
        result = evaluate_through_fragment(page, calculator_id, vector["inputs"], sequence)
        judged = {**result, "errors": {name: {"key": error["key"]} for name, error in result["errors"].items()},
                  "warnings": [{"key": warning["key"]} for warning in result["warnings"]]}
        problems = vectors.mismatches(judged, vector)
        if not vector["expected"]["ok"]:
            if not result["result_hidden"]:
                problems.append("the result area is visible beside an error")
            problems += [f"empty error text for {name}" for name, error in result["errors"].items() if not error["text"].strip()]
        if problems:
            failures[vector["id"]] = problems
    violations = csp_violations(page)
    page.close()
    assert failures == {}
    assert page_errors == []
    assert violations == []
