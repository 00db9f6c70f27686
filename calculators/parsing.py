"""Turn what a reader typed into values, accepting both decimal separators.

Forms send strings exactly as typed. ``"70"``, ``"70.5"`` and ``"70,5"`` (the Romanian decimal
comma) are the same number; a blank string is a missing value. Anything ambiguous is refused
rather than guessed: ``"1.234,5"`` or ``"1,5,2"`` are not numbers here, because a misread
thousands separator in a dose is worse than asking again.
"""
from __future__ import annotations

import math
import re
from datetime import date
from typing import Any

_NUMBER = re.compile(r"^[+-]?(\d+([.,]\d*)?|[.,]\d+)$")


class NotANumber(ValueError):
    """The text is not a plain decimal number."""


def is_blank(raw: Any) -> bool:
    """True for a missing value: ``None`` or a string of only white space."""
    return raw is None or (isinstance(raw, str) and raw.strip() == "")


def parse_number(raw: Any) -> float:
    """Read a finite number from an int, a float or a string with ``.`` or ``,`` as decimals."""
    if isinstance(raw, bool):  # bool is an int in Python; True is not a body weight
        raise NotANumber(raw)
    if isinstance(raw, (int, float)):
        value = float(raw)
    elif isinstance(raw, str):
        text = raw.strip().replace("\u2212", "-")  # a typographic minus sign pasted from a document
        if not _NUMBER.match(text):
            raise NotANumber(raw)
        value = float(text.replace(",", "."))
    else:
        raise NotANumber(raw)
    if not math.isfinite(value):
        raise NotANumber(raw)
    return value


def parse_date(raw: Any) -> date:
    """Read an ISO 8601 calendar date (``YYYY-MM-DD``)."""
    if isinstance(raw, date):
        return raw
    if not isinstance(raw, str) or not re.match(r"^\d{4}-\d{2}-\d{2}$", raw.strip()):
        raise ValueError(raw)
    return date.fromisoformat(raw.strip())
