"""Every text a calculator's page needs exists in both languages, derived from the declarations.

The keys come from what is declared (inputs, choices, units, outputs, criteria, bands), from the
message keys each module's source passes to ``message(...)``, and from the few value sets only
a calculator knows (``CATEGORY_VALUES``). Parity of keys and placeholders between the languages,
and Romanian orthography, are the translators' check (tests/site_build/check).
"""
from __future__ import annotations

import importlib
import re
from pathlib import Path

import pytest
import yaml

import calculators
from calculators.spec import ChoiceInput, NumberInput
from site_build import messages

ROOT = Path(__file__).resolve().parents[2]

#: Values of category and note outputs, which only the compute function knows.
CATEGORY_VALUES = {
    ("ivig-dose", "dosing_weight_basis"): ("actual", "ideal", "adjusted", "actual_short_stature", "actual_below_ideal"),
    ("ivig-schedule", "review_points"): (
        "stop_if_no_response", "stop_if_no_response_months", "judge_response", "may_lengthen_interval",
        "lengthening_begins", "washout", "judge_by_reepithelialisation",
    ),
}


def needed_keys(calculator) -> set[str]:
    keys = {"title"}
    selectors = {d.unit_input for d in calculator.inputs if isinstance(d, NumberInput) and d.unit_input}
    for declared in calculator.inputs:
        if declared.name in selectors:
            keys |= {f"unit.{choice}" for choice in declared.choices}
            continue
        keys.add(f"inputs.{declared.name}.label")
        if isinstance(declared, ChoiceInput):
            keys |= {f"inputs.{declared.name}.choices.{choice}" for choice in declared.choices}
        if isinstance(declared, NumberInput) and not declared.unit_input:
            keys.add(f"unit.{declared.unit}")
    for output in calculator.outputs:
        keys.add(f"outputs.{output.name}.label")
        if output.unit:
            keys.add(f"unit.{output.unit}")
        keys |= {f"outputs.{output.name}.values.{value}" for value in CATEGORY_VALUES.get((calculator.id, output.name), ())}
    keys |= {f"criteria.{criterion.key}" for criterion in calculator.criteria}
    if calculator.bands:
        keys |= {"bands.title", *(f"bands.{band.key}" for band in calculator.bands)}
        keys |= {f"bands.columns.{column}" for column in calculator.bands[0].values}
    module = importlib.import_module(calculator.compute.__module__)
    source = Path(module.__file__).read_text(encoding="utf-8")
    keys |= set(re.findall(r'message\(\s*"((?:warning|error)\.\w+)"', source))
    return keys


@pytest.mark.parametrize("language", ["en", "ro"])
@pytest.mark.parametrize("calculator_id", sorted(calculators.CALCULATORS))
def test_every_text_the_page_needs_exists(calculator_id, language):
    messages.load_file.cache_clear()
    catalog = messages.catalog(language, calculator_id)
    missing = needed_keys(calculators.CALCULATORS[calculator_id]) - set(catalog.texts)
    assert not missing, f"add to content/{'' if language == 'en' else language + '/'}messages/{calculator_id}.yml: {sorted(missing)}"


@pytest.mark.parametrize("calculator_id", sorted(calculators.CALCULATORS))
def test_provenance_record_is_complete(calculator_id):
    record = yaml.safe_load((ROOT / "calculators" / "provenance" / f"{calculator_id}.yaml").read_text(encoding="utf-8"))
    assert record["calculator"] == calculator_id
    assert record["sources"] and all(source.get("citation") for source in record["sources"])
    assert record["choices"] and all({"topic", "decision", "why"} <= set(choice) for choice in record["choices"])
