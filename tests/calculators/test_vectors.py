"""Depth (a): every shared test vector on the host CPython."""
import pytest

import calculators
from tests.support import vectors

CASES = list(vectors.all_vectors())


@pytest.mark.parametrize(("calculator_id", "vector"), CASES, ids=[vectors.vector_id(c, v) for c, v in CASES])
def test_vector(calculator_id, vector):
    result = calculators.evaluate(calculator_id, vector["inputs"])
    assert vectors.mismatches(result, vector) == []


def test_every_calculator_has_at_least_ten_vectors():
    counts = {}
    for calculator_id, _ in CASES:
        counts[calculator_id] = counts.get(calculator_id, 0) + 1
    assert set(counts) == set(calculators.CALCULATORS)
    assert all(count >= 10 for count in counts.values()), counts


@pytest.mark.parametrize(("calculator_id", "vector"), CASES, ids=[vectors.vector_id(c, v) for c, v in CASES])
def test_each_result_names_the_band_its_outputs_fall_in(calculator_id, vector):
    """The page shows a band's next steps from Python's ``band``: it must be the band whose
    published values the outputs carry (SCORTEN's and ABCD-10's mortality), whose score range
    holds the score, or which the category output names; none without bands or a result."""
    calculator = calculators.CALCULATORS[calculator_id]
    result = calculators.evaluate(calculator_id, vector["inputs"])
    if not result["ok"] or not calculator.bands:
        assert result["band"] is None
        return
    band = {band.key: band for band in calculator.bands}[result["band"]]
    outputs = result["outputs"]
    assert all(outputs[name] == value for name, value in band.values.items() if name in outputs)
    if "score_min" in band.values:
        assert band.values["score_min"] <= outputs["score"] <= band.values["score_max"]
    if "category" in outputs:
        assert outputs["category"] == band.key
