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
