"""SJS/TEN classifier beyond the shared vectors: the estimation aids and properties."""
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

import calculators
from calculators import sjs_ten
from tests.support.strategies import FAST, typed

REGION_NAMES = [region.key for region in sjs_ten.REGIONS]


@st.composite
def valid_inputs(draw):
    comma = draw(st.booleans())
    method = draw(st.sampled_from(sjs_ten.METHODS))
    if method == "direct":
        return {"method": method, "bsa_detached": typed(draw(st.floats(0, 100)), comma, decimals=2)}
    if method == "hands":
        return {
            "method": method,
            "hand_areas": typed(draw(st.floats(0, 200)), comma, decimals=2),
            "hand_factor": draw(st.sampled_from(tuple(sjs_ten.HAND_FACTORS_PCT))),
        }
    return {"method": method} | {name: typed(draw(st.floats(0, 100)), comma, decimals=2) for name in REGION_NAMES}


def test_rule_of_nines_sums_to_100():
    assert sum(region.points for region in sjs_ten.REGIONS) == 100


def test_hand_factors_are_the_published_ones():
    assert sjs_ten.HAND_FACTORS_PCT == {"traditional": 1.0, "adult_hand": 0.87, "palm": 0.5}


@pytest.mark.parametrize(
    ("bsa", "category"),
    [(0, "sjs"), (9.999, "sjs"), (10, "overlap"), (20, "overlap"), (30, "overlap"), (30.001, "ten"), (100, "ten")],
)
def test_category_boundaries(bsa, category):
    assert sjs_ten.category_for(bsa) == category


def test_bands_and_category_use_the_same_limits():
    values = {band.key: band.values for band in sjs_ten.BANDS}
    assert values["sjs"]["bsa_to_pct"] == values["overlap"]["bsa_from_pct"] == sjs_ten.OVERLAP_FROM_PCT == 10
    assert values["overlap"]["bsa_to_pct"] == values["ten"]["bsa_from_pct"] == sjs_ten.OVERLAP_TO_PCT == 30


def test_the_factor_used_is_shown_only_for_the_hand_method():
    hands = calculators.evaluate("sjs-ten", {"method": "hands", "hand_areas": "12", "hand_factor": "palm"})
    assert hands["outputs"]["hand_factor_pct"] == 0.5 and hands["outputs"]["bsa_estimated_pct"] == 6
    direct = calculators.evaluate("sjs-ten", {"method": "direct", "bsa_detached": "6"})
    assert "hand_factor_pct" not in direct["outputs"]


@FAST
@given(valid_inputs())
def test_valid_input_always_gives_a_consistent_result(inputs):
    result = calculators.evaluate("sjs-ten", inputs)
    assert result["ok"], result["errors"]
    outputs = result["outputs"]
    bsa = outputs["bsa_estimated_pct"]
    assert math.isfinite(bsa) and 0 <= bsa <= 100
    assert outputs["category"] == sjs_ten.category_for(bsa)
    total = sum(row["points"] for row in outputs["breakdown"])
    keys = [warning["key"] for warning in result["warnings"]]
    if total > 100 + 1e-9:
        assert bsa == 100 and "warning.capped" in keys
    else:
        assert bsa == pytest.approx(total, abs=1e-9)
    assert "warning.morphology" in keys


@FAST
@given(valid_inputs(), st.data())
def test_invalid_input_never_gives_outputs(inputs, data):
    field = data.draw(st.sampled_from(sorted(inputs)))
    bad = data.draw(st.sampled_from(("", "abc", "-1", "1.2.3", "250")))
    result = calculators.evaluate("sjs-ten", dict(inputs, **{field: bad}))
    assert not result["ok"] and result["outputs"] == {} and result["errors"]
