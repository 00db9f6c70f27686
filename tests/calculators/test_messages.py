"""Every text a calculator's page needs exists in both languages, derived from the declarations.

The keys come from what is declared (inputs, choices, units, outputs, criteria, bands), from the
message keys each module's source passes to ``message(...)``, and from the few value sets only
a calculator knows (``CATEGORY_VALUES``). Parity of keys and placeholders between the languages,
and Romanian orthography, are the translators' check (tests/site_build/check): it reports an
English key the Romanian file lacks and a Romanian key English lacks, so a band's next steps
(``bands.<key>.next``) written in one language only already fail it (test_real_content).
"""
from __future__ import annotations

import importlib
import re
import string
from pathlib import Path

import pytest
import yaml

import calculators
from calculators import ivig_safety
from calculators.guideline import REGIMENS
from calculators.spec import ChoiceInput, NumberInput
from site_build.content import messages
from tests.support import vectors

ROOT = Path(__file__).resolve().parents[2]

#: Values of category and note outputs, which only the compute function knows.
CATEGORY_VALUES = {
    ("ivig-dose", "dosing_weight_basis"): ("actual", "ideal", "adjusted", "actual_short_stature", "actual_below_ideal"),
    ("ivig-schedule", "review_points"): (
        "stop_if_no_response", "stop_if_no_response_months", "judge_response", "may_lengthen_interval",
        "lengthening_begins", "washout", "judge_by_reepithelialisation",
    ),
    ("ivig-dose", "pretreatment_checks"): ivig_safety.CHECKLIST,
    ("ivig-dose", "fluid_weight_basis"): ("actual", "ideal_obese"),
}

#: Message keys built per indication (``f"warning.dose_below_guideline.{indication}"``), which
#: the source scan below cannot read: every indication the code can emit them for.
PER_INDICATION = {
    "ivig-dose": (
        {f"warning.dose_below_guideline.{key}" for key in REGIMENS}
        | {f"warning.divided_infusion.{key}" for key, regimen in REGIMENS.items() if regimen.recommended_days is not None}
        | {f"warning.days_default.{key}" for key, regimen in REGIMENS.items() if regimen.recommended_days is not None}
    ),
    "ivig-schedule": (
        {f"warning.divided_infusion.{key}" for key, regimen in REGIMENS.items() if regimen.recommended_days is not None}
        | {f"warning.days_default.{key}" for key, regimen in REGIMENS.items() if regimen.recommended_days is not None}
    ),
}


def needed_keys(calculator) -> set[str | tuple[str, ...]]:
    """The keys the page needs. A requirement is a key, or a tuple of keys any one of which will
    do: a band's label is ``bands.<key>``, or ``bands.<key>.label`` once the band has next steps
    (``bands.<key>.next``) beside it."""
    keys: set[str | tuple[str, ...]] = {"title"}
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
        if isinstance(declared, NumberInput):
            keys.add(declared.missing_error)
            if declared.optional_when is not None or declared.required_when is not None:
                keys.add(f"inputs.{declared.name}.requirement")
    for output in calculator.outputs:
        keys.add(f"outputs.{output.name}.label")
        if output.unit:
            keys.add(f"unit.{output.unit}")
        keys |= {f"outputs.{output.name}.values.{value}" for value in CATEGORY_VALUES.get((calculator.id, output.name), ())}
    keys |= {f"criteria.{criterion.key}" for criterion in calculator.criteria}
    if calculator.bands:
        keys.add("bands.title")
        keys |= {(f"bands.{band.key}", f"bands.{band.key}.label") for band in calculator.bands}
        keys |= {f"bands.columns.{column}" for column in calculator.bands[0].values}
    keys |= PER_INDICATION.get(calculator.id, set())
    # Every literal key passed to message(...) in the calculator's module and in the modules of the
    # package it imports (shared rules such as guideline.days_warnings or ivig_safety).
    module = importlib.import_module(calculator.compute.__module__)
    for source_file in _package_sources(module):
        source = source_file.read_text(encoding="utf-8")
        keys |= set(re.findall(r'message\(\s*"((?:warning|error)\.\w+)"', source))
    return keys


def missing_keys(needed: set[str | tuple[str, ...]], texts) -> list[str]:
    """The requirements no text meets, each named by its key (or its alternatives)."""
    missing = []
    for requirement in needed:
        alternatives = (requirement,) if isinstance(requirement, str) else requirement
        if not any(key in texts for key in alternatives):
            missing.append(" or ".join(alternatives))
    return sorted(missing)


def _package_sources(module) -> list[Path]:
    """The module's file and those of the ``calculators`` modules it imports (one level)."""
    files = [Path(module.__file__)]
    for value in vars(module).values():
        imported = getattr(value, "__module__", None) if not hasattr(value, "__file__") else value.__name__
        if isinstance(imported, str) and imported.startswith("calculators.") and imported not in ("calculators.spec", "calculators.validation", "calculators.parsing"):
            files.append(Path(importlib.import_module(imported).__file__))
    return sorted(set(files))


@pytest.mark.parametrize("language", ["en", "ro"])
@pytest.mark.parametrize("calculator_id", sorted(calculators.CALCULATORS))
def test_every_text_the_page_needs_exists(calculator_id, language):
    messages.load_file.cache_clear()
    catalog = messages.catalog(language, calculator_id)
    missing = missing_keys(needed_keys(calculators.CALCULATORS[calculator_id]), catalog.texts)
    assert not missing, f"add to content/{'' if language == 'en' else language + '/'}messages/{calculator_id}.yml: {sorted(missing)}"


def test_a_band_label_may_be_flat_or_nested_but_not_absent():
    calculator = calculators.CALCULATORS["scorten"]
    needed = needed_keys(calculator)
    messages.load_file.cache_clear()
    texts = dict(messages.catalog("en", "scorten").texts)
    flat = {key: value for key, value in texts.items() if not key.startswith("bands.score_3")}
    assert missing_keys(needed, {**flat, "bands.score_3": "3"}) == []
    assert missing_keys(needed, {**flat, "bands.score_3.label": "3", "bands.score_3.next": "Do this."}) == []
    # Next steps alone do not make a label.
    assert missing_keys(needed, {**flat, "bands.score_3.next": "Do this."}) == ["bands.score_3 or bands.score_3.label"]


@pytest.mark.parametrize("language", ["en", "ro"])
@pytest.mark.parametrize("calculator_id", sorted(calculators.CALCULATORS))
def test_next_steps_belong_to_a_declared_band(calculator_id, language):
    """A ``bands.<key>.next`` whose key is no band of the calculator would never be shown."""
    messages.load_file.cache_clear()
    texts = messages.catalog(language, calculator_id).texts
    declared = {band.key for band in calculators.CALCULATORS[calculator_id].bands}
    stray = sorted(key for key in texts if re.fullmatch(r"bands\.[^.]+\.next", key) and key.split(".")[1] not in declared)
    assert not stray, f"no such band in calculators: {stray}"


@pytest.mark.parametrize("calculator_id", sorted(calculators.CALCULATORS))
def test_provenance_record_is_complete(calculator_id):
    record = yaml.safe_load((ROOT / "calculators" / "provenance" / f"{calculator_id}.yaml").read_text(encoding="utf-8"))
    assert record["calculator"] == calculator_id
    assert record["sources"] and all(source.get("citation") for source in record["sources"])
    assert record["choices"] and all({"topic", "decision", "why"} <= set(choice) for choice in record["choices"])


def _placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


@pytest.mark.parametrize("language", ["en", "ro"])
def test_every_shown_text_is_filled_by_the_parameters_python_sends(language):
    """Each warning, error and note the shared vectors produce names only placeholders that
    arrive with it, in both languages: a reader never sees a bare ``{ml}``."""
    messages.load_file.cache_clear()
    problems = []
    for calculator_id, vector in vectors.all_vectors():
        texts = messages.catalog(language, calculator_id).texts
        result = calculators.evaluate(calculator_id, vector["inputs"])
        shown = [*result["warnings"], *result["errors"].values()]
        for output in calculators.CALCULATORS[calculator_id].outputs:
            if output.kind in ("notes", "dated_notes") and result["outputs"].get(output.name):
                shown += [{"key": f"outputs.{output.name}.values.{note['key']}", "params": note["params"]} for note in result["outputs"][output.name]]
        for item in shown:
            text = texts.get(item["key"])
            if text is None:
                problems.append(f"{calculator_id}:{vector['id']}: no text for {item['key']}")
            elif not _placeholders(text) <= set(item["params"]):
                problems.append(f"{calculator_id}:{vector['id']}: {item['key']} needs {sorted(_placeholders(text) - set(item['params']))}")
    assert not problems, "\n".join(problems)
