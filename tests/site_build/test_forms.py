"""The form is generated from the declaration: every input, unit and output appears, named."""
from __future__ import annotations

import re

import pytest

import calculators
from calculators.spec import ChoiceInput, NumberInput, points_by_answer
from site_build.content import messages
from site_build.pages import forms


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


def _valid_inputs(calculator_id: str) -> dict:
    from tests.support import vectors

    return next(dict(vector["inputs"]) for found, vector in vectors.all_vectors() if found == calculator_id and vector["expected"]["ok"])


SCORED_CHOICES = [
    pytest.param(calculator_id, declared.name, id=f"{calculator_id}-{declared.name}")
    for calculator_id, calculator in sorted(calculators.CALCULATORS.items())
    for declared in calculator.inputs
    if isinstance(declared, ChoiceInput) and points_by_answer(calculator.criteria, declared)
]


def test_some_answers_carry_their_points():
    assert {calculator_id for calculator_id, *_ in (case.values for case in SCORED_CHOICES)} >= {"alden", "regiscar"}


@pytest.mark.parametrize(("calculator_id", "name"), SCORED_CHOICES)
def test_points_shown_on_answers_are_the_points_the_score_gives(calculator_id, name):
    """Derived from the criteria, not retyped: changing only this answer moves the score by the
    difference of the points shown (an answer showing none gives none)."""
    calculator = calculators.CALCULATORS[calculator_id]
    declared = calculator.input(name)
    shown = points_by_answer(calculator.criteria, declared)
    score = calculator.primary_output.name
    base = _valid_inputs(calculator_id)
    scores = {}
    for choice in declared.choices:
        result = calculators.evaluate(calculator_id, {**base, name: choice})
        assert result["ok"], (choice, result["errors"])
        scores[choice] = result["outputs"][score]
    reference = declared.choices[0]
    for choice in declared.choices:
        assert scores[choice] - scores[reference] == shown.get(choice, 0) - shown.get(reference, 0), choice


@pytest.mark.parametrize("language", ["en", "ro"])
def test_answers_show_their_points_in_the_form(language):
    calculator = calculators.CALCULATORS["alden"]
    texts = messages.catalog(language, "alden")
    html = forms.render_calculator(calculator, texts, "page.mjs")
    suggestive = texts["inputs.delay.choices.suggestive"]
    excluded = texts["inputs.delay.choices.excluded"]
    assert f"{suggestive} (+3)" in html.replace("&#x27;", "'")
    assert f"{excluded} (\u22123)" in html.replace("&#x27;", "'")


def test_the_primary_output_comes_first_then_the_warnings_then_the_details():
    calculator = calculators.CALCULATORS["scorten"]
    html = forms.render_calculator(calculator, messages.catalog("en", "scorten"), "page.mjs")
    result = html[html.index("data-calc-result"):]
    primary = result.index('class="calc-primary"')
    assert result.index('data-output="score"', primary) < result.index("data-calc-warnings") < result.index('class="calc-outputs"')
    assert result.index('data-output="assessment_day"') > result.index('class="calc-outputs"')


def test_a_declaration_names_at_most_one_primary_output():
    from calculators.spec import Calculator, Output

    with pytest.raises(ValueError):
        Calculator("x", (), (Output("a", primary=True), Output("b", primary=True)), (), compute=lambda values: None)
    assert Calculator("x", (), (Output("a"), Output("b")), (), compute=lambda values: None).primary_output.name == "a"


@pytest.mark.parametrize("language", ["en", "ro"])
def test_a_result_note_in_the_messages_is_shown_inside_the_result(language):
    calculator = calculators.CALCULATORS["scorten"]
    texts = messages.catalog(language, "scorten")
    assert forms.render_calculator(calculator, texts, "page.mjs").count("data-calc-note") == (1 if texts.get("result_note") else 0)
    noted = messages.Catalog(language, {**texts.texts, "result_note": "A <note> for the reader."}, texts.files)
    html = forms.render_calculator(calculator, noted, "page.mjs")
    result = html[html.index("<section"):html.index("</section>")]
    assert '<p class="calc-result-note" data-calc-note>A &lt;note&gt; for the reader.</p>' in result


@pytest.mark.parametrize("calculator_id", sorted(calculators.CALCULATORS))
def test_the_page_gets_each_unit_factor_and_limit_from_the_declaration(calculator_id):
    import json

    calculator = calculators.CALCULATORS[calculator_id]
    html = forms.render_calculator(calculator, messages.catalog("en", calculator_id), "page.mjs")
    data = json.loads(re.search(r"<script type=\"application/json\" data-calc-declaration>(.*?)</script>", html)[1])
    with_units = [declared for declared in calculator.inputs if isinstance(declared, NumberInput) and declared.unit_input]
    assert set(data["units"]) == {declared.name for declared in with_units}
    for declared in with_units:
        page = data["units"][declared.name]
        assert page["selector"] == declared.unit_input
        for unit, limits in declared.limits.items():
            assert page["units"][unit] == {"factor": limits.factor, "min": limits.minimum, "max": limits.maximum, "decimals": limits.decimals}
        # The page says where a conversion happened, beside the field.
        assert f'data-converted-for="{declared.name}" role="status"' in html


def test_a_band_label_may_nest_beside_its_next_steps():
    from site_build.pages import tables

    # Whichever form content/messages/scorten.yml uses today, build both from it.
    texts = messages.catalog("en", "scorten")
    others = {key: value for key, value in texts.texts.items() if not key.startswith("bands.score_3")}
    flat = messages.Catalog("en", {**others, "bands.score_3": "3"}, texts.files)
    assert tables.band_label(flat, "score_3") == "3"
    nested = others | {"bands.score_3.label": "Three", "bands.score_3.next": "Do this."}
    assert tables.band_label(messages.Catalog("en", nested, texts.files), "score_3") == "Three"
    html = tables.bands_table(calculators.CALCULATORS["scorten"], messages.Catalog("en", nested, texts.files))
    assert "<td>Three</td>" in html
