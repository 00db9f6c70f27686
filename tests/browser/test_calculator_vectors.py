"""Depth (c): every shared vector, through the built page, in both languages.

Each calculator page is opened once per language; each vector is then put in the URL fragment
the way a shared link carries it, and the page's data-value attributes, error keys and warning
keys are judged with the same comparison as on the host and in Pyodide. Every element the page
hides must take no room, and a score's band (for its next steps) must be Python's.
"""
from __future__ import annotations

import pytest

import calculators
from tests.browser.calculator_page import GROUPED, HIDDEN_BUT_RENDERED, evaluate_through_fragment, mismatches, open_calculator
from tests.browser.conftest import csp_violations


@pytest.mark.parametrize("language", ["en", "ro"])
@pytest.mark.parametrize("calculator_id", sorted(GROUPED))
def test_vectors_through_the_page(shared_context, site_url, calculator_id, language):
    page = shared_context.new_page()
    page_errors: list[str] = []
    page.on("pageerror", lambda error: page_errors.append(str(error)))
    open_calculator(page, site_url, calculator_id, language)
    calculator = calculators.CALCULATORS[calculator_id]
    failures = {}
    for sequence, vector in enumerate(GROUPED[calculator_id]):
        result = evaluate_through_fragment(page, calculator_id, vector["inputs"], sequence)
        problems = mismatches(result, vector)
        if not vector["expected"]["ok"]:
            if not result["result_hidden"]:
                problems.append("the result area is visible beside an error")
            problems += [f"empty error text for {name}" for name, error in result["errors"].items() if not error["text"].strip()]
        # Nothing hidden is ever drawn: an empty row would show its label with no value.
        problems += [f"hidden but rendered: {what}" for what in page.evaluate(HIDDEN_BUT_RENDERED, calculator_id)]
        if vector["expected"]["ok"] and calculator.bands:
            # The band whose next steps the page would show is the one Python's result is in.
            want = calculators.evaluate(calculator_id, vector["inputs"])["band"]
            shown = page.get_attribute("[data-calc-next]", "data-band")
            if want is None or shown != want:
                problems.append(f"band {shown!r} on the page, {want!r} from Python")
        if problems:
            failures[vector["id"]] = problems
    violations = csp_violations(page)
    page.close()
    assert failures == {}
    assert page_errors == []
    assert violations == []
