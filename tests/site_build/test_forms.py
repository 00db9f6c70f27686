"""The form is generated from the declaration: every input, unit and output appears, named."""
from __future__ import annotations

import re

import pytest

import calculators
from calculators.spec import ChoiceInput, NumberInput
from site_build import forms, messages


@pytest.mark.parametrize("language", ["en", "ro"])
@pytest.mark.parametrize("calculator_id", sorted(calculators.CALCULATORS))
def test_form_has_every_declared_input_and_output(calculator_id, language):
    calculator = calculators.CALCULATORS[calculator_id]
    html = forms.render_calculator(calculator, messages.catalog(language, calculator_id), "page.mjs")
    assert f'data-calculator="{calculator_id}"' in html
    for declared in calculator.inputs:
        assert f'name="{declared.name}"' in html, declared.name
        if isinstance(declared, ChoiceInput):
            for choice in declared.choices:
                assert f'value="{choice}"' in html
    for output in calculator.outputs:
        assert f'data-output="{output.name}"' in html
    # Numbers are typed as text (so "70,5" reaches Python); the browser does not validate them.
    numbers = [d for d in calculator.inputs if isinstance(d, NumberInput)]
    for declared in numbers:
        field = re.search(rf'<input [^>]*name="{declared.name}"[^>]*>', html)[0]
        assert 'type="text"' in field and "inputmode=" in field
        assert " min=" not in field and " required" not in field
    # Each field's error element is tied to it for assistive technology.
    for declared in numbers:
        assert 'aria-describedby="' in re.search(rf'<input [^>]*name="{declared.name}"[^>]*>', html)[0]


def test_form_text_comes_from_the_language_files():
    calculator = calculators.CALCULATORS["ivig-dose"]
    english = forms.render_calculator(calculator, messages.catalog("en", "ivig-dose"), "x.mjs")
    romanian = forms.render_calculator(calculator, messages.catalog("ro", "ivig-dose"), "x.mjs")
    assert messages.catalog("en", "ivig-dose")["inputs.weight.label"] in english
    assert messages.catalog("ro", "ivig-dose")["inputs.weight.label"] in romanian
    assert english != romanian


def test_embedded_messages_cannot_close_the_script_element():
    assert "</script" not in forms._json_for_html({"x": "</script><script>alert(1)</script>"})
