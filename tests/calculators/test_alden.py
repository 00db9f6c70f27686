"""ALDEN beyond the shared vectors: the table, the categories and properties."""
import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

import calculators
from calculators import alden

NAMES = alden.CRITERION_NAMES
CHOICES = {name: alden.CALCULATOR.input(name).choices for name in NAMES}


def test_choices_are_the_contract():
    assert CHOICES == {
        "delay": ("suggestive", "compatible", "likely", "unlikely", "excluded"),
        "drug_present": ("definite", "doubtful", "excluded"),
        "prechallenge": ("specific_both", "specific_one", "unspecific", "unknown", "negative"),
        "dechallenge": ("neutral", "negative"),
        "notoriety": ("strong", "associated", "suspected", "unknown", "not_suspected"),
        "other_cause": ("yes", "no"),
    }


def test_points_are_the_reference_sheet_table():
    points = {criterion.key: criterion.points for criterion in alden.CRITERIA}
    assert [points[f"delay_{c}"] for c in CHOICES["delay"]] == [3, 2, 1, -1, -3]
    assert [points[f"drug_present_{c}"] for c in CHOICES["drug_present"]] == [0, -1, -3]
    assert [points[f"prechallenge_{c}"] for c in CHOICES["prechallenge"]] == [4, 2, 1, 0, -2]
    assert [points[f"dechallenge_{c}"] for c in CHOICES["dechallenge"]] == [0, -2]
    assert [points[f"notoriety_{c}"] for c in CHOICES["notoriety"]] == [3, 2, 1, 0, -1]
    assert [points[f"other_cause_{c}"] for c in CHOICES["other_cause"]] == [-1, 0]


def test_every_combination_scores_in_range_with_a_consistent_category():
    """All 5 x 3 x 5 x 2 x 5 x 2 = 1500 answer sets: exhaustive, so no sampling is needed."""
    scores = set()
    for answers in itertools.product(*(CHOICES[name] for name in NAMES)):
        inputs = dict(zip(NAMES, answers))
        result = calculators.evaluate("alden", inputs)
        assert result["ok"], inputs
        outputs = result["outputs"]
        assert outputs["score"] == sum(row["points"] for row in outputs["breakdown"])
        band = {band.key: band for band in alden.BANDS}[result["band"]]
        assert outputs["category"] == band.key and band.values["score_min"] <= outputs["score"] <= band.values["score_max"]
        keys = [warning["key"] for warning in result["warnings"]]
        assert "warning.categories_unverified" in keys
        uses_unverified_row = inputs["notoriety"] in ("unknown", "not_suspected") or inputs["other_cause"] == "yes"
        assert ("warning.row_unverified" in keys) == uses_unverified_row
        scores.add(outputs["score"])
    assert min(scores) == -12 and max(scores) == 10
    assert scores == set(range(-12, 11))


def test_bands_cover_the_range_once():
    for score in range(-12, 11):
        assert sum(band.values["score_min"] <= score <= band.values["score_max"] for band in alden.BANDS) == 1


def test_invalid_or_missing_answers_never_give_outputs():
    valid = {name: CHOICES[name][0] for name in NAMES}
    for name in NAMES:
        for bad in ("", "maybe", "3", None):
            result = calculators.evaluate("alden", dict(valid, **{name: bad}))
            assert not result["ok"] and result["outputs"] == {} and name in result["errors"]


@settings(max_examples=200, deadline=None)
@given(st.sampled_from(NAMES), st.text(max_size=12))
def test_any_text_that_is_not_a_choice_is_refused(name, text):
    valid = {criterion: CHOICES[criterion][0] for criterion in NAMES}
    result = calculators.evaluate("alden", dict(valid, **{name: text}))
    if text.strip() in CHOICES[name]:
        assert result["ok"]
    else:
        assert not result["ok"] and result["outputs"] == {} and name in result["errors"]
