"""ivig-dose beyond the shared vectors: the formulas, the messages, and properties over random input."""
import math
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import calculators
from calculators import ivig_dose, ivig_safety
from calculators.guideline import INDICATIONS, REGIMENS
from tests.support.strategies import FAST

ROOT = Path(__file__).resolve().parents[2]
CALCULATOR = ivig_dose.CALCULATOR


# --- formulas -----------------------------------------------------------------------------------

def test_devine_ideal_body_weight():
    assert ivig_dose.ideal_body_weight_kg(152.4, "male") == pytest.approx(50.0)
    assert ivig_dose.ideal_body_weight_kg(152.4, "female") == pytest.approx(45.5)
    # TV-I1, TV-I2, TV-I5 of the reference sheet: 70.46, 52.38, 84.05 kg.
    assert ivig_dose.ideal_body_weight_kg(175, "male") == pytest.approx(70.46, abs=0.005)
    assert ivig_dose.ideal_body_weight_kg(160, "female") == pytest.approx(52.38, abs=0.005)
    assert ivig_dose.ideal_body_weight_kg(190, "male") == pytest.approx(84.05, abs=0.005)


def test_adjusted_body_weight():
    assert ivig_dose.adjusted_body_weight_kg(70.0, 100.0) == pytest.approx(82.0)
    assert ivig_dose.adjusted_body_weight_kg(70.0, 70.0) == pytest.approx(70.0)


def test_devine_limit_is_60_inches():
    assert ivig_dose.DEVINE_MIN_HEIGHT_CM == pytest.approx(152.4)
    assert ivig_dose._devine_applies(60 * ivig_dose.CM_PER_INCH)
    assert not ivig_dose._devine_applies(152.39)


def test_body_mass_index():
    assert ivig_dose.body_mass_index(100, 175) == pytest.approx(32.65, abs=0.005)
    assert ivig_dose.body_mass_index(120, 200) == 30.0


def test_round_to_step_is_nearest_with_halves_up():
    assert ivig_dose.round_to_step(164.56, 5) == 165
    assert ivig_dose.round_to_step(202.29, 5) == 200
    assert ivig_dose.round_to_step(162.5, 5) == 165
    assert ivig_dose.round_to_step(161.25, 2.5) == 162.5
    assert ivig_dose.round_to_step(1.2, 2.5) == 0


def test_every_declared_output_is_returned():
    result = calculators.evaluate("ivig-dose", {"indication": "ten", "weight": "70", "days": "3"})
    assert result["ok"]
    assert set(result["outputs"]) == {output.name for output in CALCULATOR.outputs}


def test_rounding_that_would_give_zero_grams_shows_no_rounded_dose():
    result = calculators.evaluate("ivig-dose", {"indication": "other", "weight": "2", "dose_g_per_kg": "0.2", "days": "5", "rounding": "5"})
    assert result["ok"]
    assert result["outputs"]["total_dose_rounded_g"] is None
    assert result["outputs"]["total_dose_g"] == pytest.approx(0.4)


# --- properties ---------------------------------------------------------------------------------

def decimal_text(low, high):
    """A number as a reader types it: point or comma, up to two decimals."""
    return st.builds(
        lambda value, comma: f"{value:.2f}".replace(".", ",") if comma else f"{value:.2f}",
        st.floats(min_value=low, max_value=high, allow_nan=False),
        st.booleans(),
    )


@st.composite
def valid_inputs(draw, weight=None):
    inputs = {
        "indication": draw(st.sampled_from(INDICATIONS)),
        "weight": weight if weight is not None else draw(decimal_text(2, 350)),
        "days": str(draw(st.integers(1, 5))),
        "concentration_pct": draw(st.sampled_from(("5", "10"))),
        "rounding": draw(st.sampled_from(("none", "2.5", "5"))),
        "renal_cardiac_risk": draw(st.sampled_from(("no", "yes"))),
        "dosing_weight": draw(st.sampled_from(("actual", "ideal", "adjusted"))),
        # Height and sex always given, so that ideal and adjusted weight can be computed.
        "height": draw(decimal_text(45, 250)),
        "sex": draw(st.sampled_from(("female", "male"))),
    }
    # Renal vasculitis has no default dose: a valid input names one.
    if inputs["indication"] == "vasculitis_renal" or draw(st.booleans()):
        inputs["dose_g_per_kg"] = draw(decimal_text(0.2, 3.0))
    return inputs


@FAST
@given(valid_inputs())
def test_valid_input_gives_finite_consistent_numbers(inputs):
    result = calculators.evaluate("ivig-dose", inputs)
    assert result["ok"], result["errors"]
    out = result["outputs"]
    for name, value in out.items():
        if isinstance(value, float):
            assert math.isfinite(value), name
    days = int(inputs["days"])
    pct = float(inputs["concentration_pct"])
    assert out["daily_dose_g"] * days == pytest.approx(out["total_dose_g"], rel=1e-12)
    assert out["total_dose_g"] == pytest.approx(out["dose_g_per_kg_used"] * out["dosing_weight_kg"], rel=1e-12)
    assert out["total_volume_ml"] == pytest.approx(out["total_dose_g"] / (pct / 100), rel=1e-12)
    assert out["daily_volume_ml"] == pytest.approx(out["daily_dose_g"] / (pct / 100), rel=1e-12)
    actual_kg = float(inputs["weight"].replace(",", "."))
    assert 0 < out["dosing_weight_kg"] <= actual_kg
    assert 0.2 <= out["dose_g_per_kg_used"] <= 3.0
    if out["ibw_kg"] is not None:
        assert out["ibw_kg"] > 0
    if out["total_dose_rounded_g"] is not None:
        assert abs(out["total_dose_rounded_g"] - out["total_dose_g"]) <= float(inputs["rounding"]) / 2 + 1e-9
    if "dose_g_per_kg" not in inputs:
        assert out["dose_g_per_kg_used"] == REGIMENS[inputs["indication"]].dose_g_per_kg
    assert out["days_per_cycle"] == days
    # Volume per kg: of the actual weight, or of the ideal weight in obesity (BMI >= 30, IBW known).
    obese = out["bmi"] is not None and out["bmi"] >= 30 and out["ibw_kg"] is not None and out["ibw_kg"] < actual_kg
    assert out["fluid_weight_basis"] == ("ideal_obese" if obese else "actual")
    reference_kg = out["ibw_kg"] if obese else actual_kg
    assert out["daily_volume_ml_per_kg"] == pytest.approx(out["daily_volume_ml"] / reference_kg, rel=1e-12)
    assert [item["key"] for item in out["pretreatment_checks"]] == list(ivig_safety.CHECKLIST)
    keys = {warning["key"] for warning in result["warnings"]}
    # Haemolysis: at 2 g/kg per cycle or more, and only then.
    assert ("warning.haemolysis_high_dose" in keys) == (out["dose_g_per_kg_used"] >= 2.0)
    # Heart failure or kidney impairment: ticked, or implied by renal vasculitis.
    kawasaki = inputs["indication"] == "kawasaki"
    risk = inputs["renal_cardiac_risk"] == "yes" or inputs["indication"] == "vasculitis_renal"
    # Fluid: every adult indication at >= 20 mL/kg/day, or at any volume with that risk;
    # Kawasaki disease (children) has its own text, with the risk only.
    assert ("warning.fluid_load" in keys) == (not kawasaki and not risk and out["daily_volume_ml_per_kg"] >= 20)
    assert ("warning.fluid_load_renal_cardiac" in keys) == (not kawasaki and risk)
    assert ("warning.kawasaki_renal_cardiac" in keys) == (kawasaki and risk)
    fluid_warned = bool(keys & {"warning.fluid_load", "warning.fluid_load_renal_cardiac"})
    assert ("warning.fluid_use_10_percent" in keys) == (fluid_warned and inputs["concentration_pct"] == "5")
    # One renal/cardiac message at most, never the 5-day suggestion in Kawasaki disease.
    assert len(keys & {"warning.renal_cardiac_risk", "warning.renal_cardiac_more_days"}) == (1 if risk and not kawasaki else 0)
    assert ("warning.renal_cardiac_more_days" in keys) == (risk and not kawasaki and days < 5)
    # Renal vasculitis always carries the guideline's rate advice; Kawasaki split over days, the AHA's.
    assert ("warning.renal_vasculitis_rate" in keys) == (inputs["indication"] == "vasculitis_renal")
    assert ("warning.divided_infusion.kawasaki" in keys) == (kawasaki and days > 1)


@FAST
@given(valid_inputs())
def test_a_blank_that_would_change_the_dose_is_never_filled_in_silently(inputs):
    """Blank dose: the guideline's dose, except renal vasculitis (refused). Blank days: refused,
    except Kawasaki disease (one infusion, and the result says so)."""
    blank_dose = calculators.evaluate("ivig-dose", {**inputs, "dose_g_per_kg": ""})
    if inputs["indication"] == "vasculitis_renal":
        assert not blank_dose["ok"]
        assert blank_dose["errors"]["dose_g_per_kg"]["key"] == "error.dose_choice_needed"
    else:
        assert blank_dose["ok"]
        assert blank_dose["outputs"]["dose_g_per_kg_used"] == REGIMENS[inputs["indication"]].dose_g_per_kg
    blank_days = calculators.evaluate("ivig-dose", {**inputs, "days": ""})
    if inputs["indication"] == "kawasaki":
        assert blank_days["ok"]
        assert blank_days["outputs"]["days_per_cycle"] == 1
        assert "warning.days_default.kawasaki" in {warning["key"] for warning in blank_days["warnings"]}
    else:
        assert not blank_days["ok"]
        assert blank_days["errors"]["days"]["key"] == "error.required"


@FAST
@given(valid_inputs(weight="0"), st.floats(min_value=2, max_value=349), st.floats(min_value=0.01, max_value=100))
def test_dose_grows_with_weight(inputs, lighter, extra):
    heavier = min(lighter + extra, 350)
    low = calculators.evaluate("ivig-dose", {**inputs, "weight": repr(lighter)})
    high = calculators.evaluate("ivig-dose", {**inputs, "weight": repr(heavier)})
    assert low["ok"] and high["ok"]
    assert low["outputs"]["total_dose_g"] <= high["outputs"]["total_dose_g"] + 1e-9
    assert low["outputs"]["daily_dose_g"] <= high["outputs"]["daily_dose_g"] + 1e-9
    if inputs["dosing_weight"] == "actual" and heavier > lighter:
        assert low["outputs"]["total_dose_g"] < high["outputs"]["total_dose_g"]


@FAST
@given(valid_inputs(), st.sampled_from(("weight", "height", "days", "dose_g_per_kg")), st.one_of(
    st.text(max_size=8),
    st.sampled_from(("0", "-1", "1,5,2", "1.234,5", "nan", "inf", "1e3", "351", "44", "6", "3.01", "0.1")),
))
def test_invalid_input_never_gives_a_number(inputs, field, garbage):
    result = calculators.evaluate("ivig-dose", {**inputs, field: garbage})
    assert isinstance(result["ok"], bool)
    if not result["ok"]:
        assert result["outputs"] == {}
        assert result["errors"]


@FAST
@given(st.dictionaries(
    st.sampled_from([declared.name for declared in CALCULATOR.inputs] + ["unknown"]),
    st.one_of(st.none(), st.text(max_size=6), st.integers(), st.floats(), st.booleans(), st.lists(st.integers(), max_size=2)),
))
def test_never_raises_and_errors_carry_no_outputs(inputs):
    result = calculators.evaluate("ivig-dose", inputs)
    assert set(result) == {"ok", "outputs", "band", "warnings", "errors"}
    if not result["ok"]:
        assert result["outputs"] == {}
    assert all(error["key"] != "error.no_result" for error in result["errors"].values())
