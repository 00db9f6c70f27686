"""What the calculators' property tests share: how a reader types a number, and how hard
hypothesis looks (enough examples to find boundary mistakes, no deadline on a loaded machine)."""
from __future__ import annotations

from hypothesis import settings

FAST = settings(max_examples=200, deadline=None)


def typed(value: float, comma: bool, decimals: int = 3) -> str:
    """A number as a reader may type it: a few decimals, with a point or a Romanian comma."""
    text = repr(round(value, decimals))
    return text.replace(".", ",") if comma else text
