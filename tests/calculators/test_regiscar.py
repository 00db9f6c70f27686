"""RegiSCAR beyond the shared vectors: the eosinophil rule, the score range and properties."""
from hypothesis import given
from hypothesis import strategies as st

import calculators
from calculators import regiscar
from tests.support.strategies import FAST, typed

ANSWERS = ("fever", "lymph_nodes", "atypical_lymphocytes", "rash_extent", "rash_suggestive", "biopsy_suggestive", "resolution", "other_causes_excluded")
VALID = {name: "yes" for name in ANSWERS} | {"organs": "1", "eosinophil_count": "1.2"}


@st.composite
def valid_inputs(draw):
    comma = draw(st.booleans())
    inputs = {name: draw(st.sampled_from(regiscar.YES_NO_UNKNOWN)) for name in ANSWERS}
    inputs["organs"] = str(draw(st.integers(0, 10)))
    leukocytes = draw(st.none() | st.floats(0, 500))
    count = draw(st.none() | st.floats(0, 100))
    pct = draw(st.none() | st.floats(0, 100))
    if pct is not None and leukocytes is None:
        leukocytes = draw(st.floats(0, 500))
    if count is not None and leukocytes is not None:
        count = min(count, round(leukocytes, 2))
    for name, value in (("leukocytes", leukocytes), ("eosinophil_count", count), ("eosinophil_pct", pct)):
        inputs[name] = "" if value is None else typed(value, comma, decimals=2)
    return inputs


def test_published_range_is_minus_4_to_9():
    worst = {name: "no" for name in ANSWERS} | {"organs": "0", "eosinophil_count": "0"}
    best = {name: "yes" for name in ANSWERS} | {"organs": "10", "eosinophil_count": "20"}
    assert calculators.evaluate("regiscar", worst)["outputs"]["score"] == -4
    assert calculators.evaluate("regiscar", best)["outputs"]["score"] == 9


def test_bands_cover_the_range_once():
    for score in range(-4, 10):
        assert sum(band.values["score_min"] <= score <= band.values["score_max"] for band in regiscar.BANDS) == 1


def test_eosinophil_rule_of_the_reference_sheet():
    points = regiscar.eosinophilia_points
    assert points(None, None, None) is None
    assert points(1.5, None, None) == 2 and points(1.4999, None, None) == 1
    assert points(0.7, None, None) == 1 and points(0.6999, None, None) == 0
    # Percentage route only with leukocytes < 4.0 x10^9/L.
    assert points(None, 20, 3.9) == 2
    # With 4.0 the percentage route is closed; the count derived from it (0.8) still gives +1.
    assert points(None, 20, 4.0) == 1
    assert points(None, 15, 4.0) == 0 and points(None, 15, 3.99) == 1
    assert points(None, 12, 3.5) == 1  # TV-R2: derived 0.42 gives 0, the percentage +1
    assert points(None, 8, 8.0) == 0  # TV-R4


def test_unknown_answers_make_the_result_provisional():
    result = calculators.evaluate("regiscar", dict(VALID, fever="unknown"))
    assert result["warnings"][0]["key"] == "warning.provisional"
    result = calculators.evaluate("regiscar", VALID)
    assert "warning.provisional" not in [warning["key"] for warning in result["warnings"]]


@FAST
@given(valid_inputs())
def test_valid_input_always_gives_a_consistent_result(inputs):
    result = calculators.evaluate("regiscar", inputs)
    assert result["ok"], (inputs, result["errors"])
    outputs = result["outputs"]
    assert -4 <= outputs["score"] <= 9
    assert outputs["score"] == sum(row["points"] for row in outputs["breakdown"])
    band = {band.key: band for band in regiscar.BANDS}[result["band"]]
    assert outputs["category"] == band.key and band.values["score_min"] <= outputs["score"] <= band.values["score_max"]
    assert [row["item"] for row in outputs["breakdown"]] == list(regiscar.BREAKDOWN_ORDER)
    keys = [warning["key"] for warning in result["warnings"]]
    if any(inputs[name] == "unknown" for name in ANSWERS) or not (inputs["eosinophil_count"] or inputs["eosinophil_pct"]):
        assert "warning.provisional" in keys


@FAST
@given(valid_inputs(), st.sampled_from(ANSWERS + ("organs",)), st.sampled_from(("", "abc", "-1", "11", "1,5,0", "perhaps")))
def test_invalid_input_never_gives_outputs(inputs, field, bad):
    result = calculators.evaluate("regiscar", dict(inputs, **{field: bad}))
    assert not result["ok"] and result["outputs"] == {} and result["errors"]


@FAST
@given(st.floats(0.01, 99), st.floats(0, 100))
def test_an_eosinophil_count_above_the_leukocytes_is_refused(leukocytes, excess):
    count = min(100.0, leukocytes + excess + 0.01)
    result = calculators.evaluate("regiscar", dict(VALID, eosinophil_count=repr(count), leukocytes=repr(leukocytes)))
    assert not result["ok"] and result["outputs"] == {}
    assert result["errors"] == {"eosinophil_count": {"key": "error.eosinophils_exceed_leukocytes", "params": {}}}


def test_a_missing_answer_is_never_scored_as_zero():
    for field in ANSWERS + ("organs",):
        result = calculators.evaluate("regiscar", {name: value for name, value in VALID.items() if name != field})
        assert not result["ok"] and field in result["errors"], field
