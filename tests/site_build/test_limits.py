"""Every declared limit, in every unit, reads the same in the inputs table and in the validation.

Each number input's limits are computed once per unit (``NumberInput.limits``). This test reads
them back from what a reader sees, the inputs table of the built page, in both languages, and
walks each through ``calculators.evaluate``: the lower limit shown is accepted and the value one
display step below it is refused with an error stating the same range; likewise at the top.
"""
from __future__ import annotations

import re
from html import unescape

import pytest

import calculators
from calculators.spec import NumberInput
from site_build.content import messages
from site_build.pages import tables
from tests.support import vectors

LANGUAGES = ("en", "ro")


def _valid_inputs(calculator_id: str) -> dict[str, str]:
    for found, vector in vectors.all_vectors():
        if found == calculator_id and vector["expected"]["ok"]:
            return dict(vector["inputs"])
    raise AssertionError(f"{calculator_id} has no valid vector to start from")


def _limits_cases():
    for calculator_id, calculator in sorted(calculators.CALCULATORS.items()):
        for declared in calculator.inputs:
            if isinstance(declared, NumberInput):
                for unit in declared.limits:
                    yield pytest.param(calculator_id, declared.name, unit, id=f"{calculator_id}-{declared.name}-{unit}")


def _table_ranges(calculator_id: str, name: str, language: str) -> dict[str, tuple[str, str]]:
    """The input's accepted ranges as the inputs table writes them, by unit text."""
    calculator = calculators.CALCULATORS[calculator_id]
    texts = messages.catalog(language, calculator_id)
    table = tables.inputs_table(calculator, texts)
    label = texts[f"inputs.{name}.label"]
    rows = re.findall(r"<tr><td>(.*?)</td><td>(.*?)</td>", table)
    (cell,) = [unescape(accepted) for row_label, accepted in rows if unescape(row_label) == label]
    cell = cell.removesuffix(f" ({texts['ui.table_whole_number']})")
    ranges = {}
    for part in cell.split("; "):
        match = re.fullmatch(r"(?P<low>[\d.,−-]+)–(?P<high>[\d.,]+) (?P<unit>.+)", part)
        assert match, f"{calculator_id}.{name}: cannot read the range {part!r}"
        ranges[match["unit"]] = (match["low"], match["high"])
    return ranges


def _number(text: str) -> float:
    return float(text.replace("−", "-").replace(",", "."))


def _typed(value: float, decimals: int, language: str) -> str:
    text = f"{value:.{decimals}f}"
    return text.replace(".", ",") if language == "ro" else text


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(("calculator_id", "name", "unit"), list(_limits_cases()))
def test_the_limits_shown_are_the_limits_applied(calculator_id, name, unit, language):
    calculator = calculators.CALCULATORS[calculator_id]
    declared = calculator.input(name)
    limits = declared.limits[unit]
    texts = messages.catalog(language, calculator_id)
    low_text, high_text = _table_ranges(calculator_id, name, language)[texts[f"unit.{unit}"]]
    shown_low, shown_high = _number(low_text), _number(high_text)
    assert (shown_low, shown_high) == (limits.minimum, limits.maximum)
    # Inside the declared range: the reader is never shown a value the declaration refuses.
    assert declared.minimum <= shown_low * limits.factor + 1e-9 and shown_high * limits.factor <= declared.maximum + 1e-9

    base = _valid_inputs(calculator_id)
    if declared.unit_input:
        base[declared.unit_input] = unit

    def error_for(value: float) -> dict | None:
        result = calculators.evaluate(calculator_id, {**base, name: _typed(value, limits.decimals, language)})
        return result["errors"].get(name)

    for accepted, refused in ((shown_low, shown_low - limits.step), (shown_high, shown_high + limits.step)):
        assert error_for(accepted) is None or error_for(accepted)["key"] != "error.out_of_range", f"{accepted} {unit} is refused"
        error = error_for(refused)
        assert error is not None and error["key"] == "error.out_of_range", f"{refused} {unit} is accepted"
        # The error states the range the table shows.
        assert (error["params"]["min"], error["params"]["max"], error["params"]["unit"]) == (shown_low, shown_high, unit)


def test_limits_in_another_unit_round_inwards():
    """The bug this replaces: 4.4 lb and 17.7 in were shown as limits but refused."""
    weight = calculators.CALCULATORS["ivig-dose"].input("weight").limits["lb"]
    height = calculators.CALCULATORS["ivig-dose"].input("height").limits["in"]
    assert (weight.minimum, weight.maximum) == (4.5, 771.6)
    assert (height.minimum, height.maximum) == (17.8, 98.4)
