"""SCORTEN beyond the shared vectors: published tables, unit equivalence and properties."""
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

import calculators
from calculators import scorten
from tests.support.strategies import FAST, typed

@st.composite
def valid_inputs(draw):
    comma = draw(st.booleans())
    urea_unit = draw(st.sampled_from(("mmol_l", "bun_mg_dl", "urea_mg_dl")))
    urea_factor = {"mmol_l": 1, "bun_mg_dl": scorten.BUN_MG_DL_PER_MMOL_L, "urea_mg_dl": scorten.UREA_MG_DL_PER_MMOL_L}[urea_unit]
    glucose_unit = draw(st.sampled_from(("mmol_l", "mg_dl")))
    glucose_factor = 1 if glucose_unit == "mmol_l" else scorten.GLUCOSE_MG_DL_PER_MMOL_L
    return {
        "assessment_day": draw(st.sampled_from(("day1", "day3"))),
        "age": typed(draw(st.floats(0, 120)), comma),
        "malignancy": draw(st.sampled_from(("yes", "no"))),
        "heart_rate": typed(draw(st.floats(20, 300)), comma),
        "bsa_detached": typed(draw(st.floats(0, 100)), comma),
        # Kept 1% inside the limits so that rounding what is typed never leaves the range.
        "urea": typed(draw(st.floats(0.51, 148)) * urea_factor, comma),
        "urea_unit": urea_unit,
        "glucose": typed(draw(st.floats(0.51, 99)) * glucose_factor, comma),
        "glucose_unit": glucose_unit,
        "bicarbonate": typed(draw(st.floats(1, 60)), comma),
    }


VALID = {
    "assessment_day": "day1", "age": "62", "malignancy": "no", "heart_rate": "125", "bsa_detached": "35",
    "urea": "12", "urea_unit": "mmol_l", "glucose": "8", "glucose_unit": "mmol_l", "bicarbonate": "22",
}


def test_logistic_model_matches_the_published_table():
    # Reference sheet 1.5: P(death) by score, computed from logit = -4.448 + 1.237 x score.
    published = [1.16, 3.88, 12.20, 32.37, 62.25, 85.03, 95.14, 98.54]
    for score, expected in enumerate(published):
        assert scorten.model_mortality_pct(score) == pytest.approx(expected, abs=0.006)


def test_every_score_has_exactly_one_band():
    assert set(scorten.BAND_SCORES) == {band.key for band in scorten.BANDS}
    for score in range(0, 8):
        assert sum(low <= score <= high for low, high in scorten.BAND_SCORES.values()) == 1
    assert [band.values["mortality_pct"] for band in scorten.BANDS] == [3.2, 12.1, 35.3, 58.3, 90.0]


def test_table_shows_the_thresholds_compute_uses():
    params = {criterion.key: criterion.params for criterion in scorten.CRITERIA}
    assert params["age_at_least"] == {"min_years": 40}
    assert params["heart_rate_at_least"] == {"min_per_min": 120}
    assert params["bsa_detached_at_least"] == {"min_pct": 10}
    assert params["urea_above"] == {"above_mmol_l": 10, "above_bun_mg_dl": 28, "above_urea_mg_dl": 60}
    assert params["glucose_above"] == {"above_mmol_l": 14, "above_mg_dl": 252}
    assert params["bicarbonate_below"] == {"below_mmol_l": 20}
    assert all(criterion.points == 1 for criterion in scorten.CRITERIA)


@pytest.mark.parametrize(
    ("unit", "factor"),
    [("bun_mg_dl", scorten.BUN_MG_DL_PER_MMOL_L), ("urea_mg_dl", scorten.UREA_MG_DL_PER_MMOL_L)],
)
def test_urea_threshold_in_every_unit(unit, factor):
    """Exactly 10 mmol/L, typed in another unit, is not 'above 10'; a hair more is."""
    at_threshold = dict(VALID, urea=repr(10 * factor), urea_unit=unit)
    above = dict(VALID, urea=repr(10 * factor + 0.01), urea_unit=unit)
    points = lambda result: {row["item"]: row["points"] for row in result["outputs"]["breakdown"]}["urea"]  # noqa: E731
    assert points(calculators.evaluate("scorten", at_threshold)) == 0
    assert points(calculators.evaluate("scorten", above)) == 1


@FAST
@given(valid_inputs())
def test_valid_input_always_gives_a_consistent_result(inputs):
    result = calculators.evaluate("scorten", inputs)
    assert result["ok"], result["errors"]
    outputs = result["outputs"]
    score = outputs["score"]
    assert 0 <= score <= 7
    assert score == sum(row["points"] for row in outputs["breakdown"])
    assert [row["item"] for row in outputs["breakdown"]] == list(scorten.BREAKDOWN_ITEMS)
    band = scorten.band_for(score)
    assert outputs["mortality_pct"] == band.values["mortality_pct"]
    assert outputs["mortality_ci_low_pct"] <= outputs["mortality_pct"] <= outputs["mortality_ci_high_pct"]
    assert 0 < outputs["model_mortality_pct"] < 100
    assert outputs["assessment_day"] == inputs["assessment_day"]
    for value in (outputs["mortality_pct"], outputs["model_mortality_pct"]):
        assert math.isfinite(value)


@FAST
@given(valid_inputs(), st.floats(1, 149.9))
def test_the_urea_unit_does_not_change_the_point(inputs, urea_mmol_l):
    """The same urea typed in mmol/L, as BUN or as urea mg/dL scores the same."""
    if abs(urea_mmol_l - scorten.UREA_ABOVE_MMOL_L) < 1e-6:
        return
    results = [
        calculators.evaluate("scorten", dict(inputs, urea=repr(urea_mmol_l * factor), urea_unit=unit))
        for unit, factor in (("mmol_l", 1), ("bun_mg_dl", scorten.BUN_MG_DL_PER_MMOL_L), ("urea_mg_dl", scorten.UREA_MG_DL_PER_MMOL_L))
    ]
    assert len({result["outputs"]["score"] for result in results}) == 1


@FAST
@given(
    valid_inputs(),
    st.sampled_from(sorted(VALID)),
    st.sampled_from(("", "abc", "-5", "1e9", "1.2.3", "maybe")),
)
def test_invalid_input_never_gives_outputs(inputs, field, bad):
    spoiled = dict(inputs, **{field: bad})
    result = calculators.evaluate("scorten", spoiled)
    assert not result["ok"]
    assert result["outputs"] == {}
    assert result["errors"]


def test_a_missing_answer_is_never_scored_as_zero():
    for field in VALID:
        result = calculators.evaluate("scorten", {name: value for name, value in VALID.items() if name != field})
        assert not result["ok"] and field in result["errors"], field
