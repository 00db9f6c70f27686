"""Numbers, signs, dates and ``{placeholders}`` as a reader of one language sees them.

One rule, written twice because it runs twice: here, in the Python that writes the pages (the
tables, the review date, the status page), and in ``theme/assets/calculators/format.mjs``, in the
JavaScript that writes a calculator's results in the reader's browser. Both are tested on the
same cases (``tests/site_build/format_cases.json``) and on each other's output for thousands of
numbers (``tests/site_build/test_formatting.py``), so a table and a result never disagree.

- A number is rounded half away from zero *on the number as written* (its shortest decimal
  form, ``repr`` here and ``String`` in JavaScript, which agree), not on its binary value:
  31.15 reads 31.2 to one decimal, as a reader and ``Intl.NumberFormat`` expect (``round`` and
  ``toFixed`` give 31.1). At most ``decimals`` places are shown, trailing zeros dropped.
- A negative number carries the minus sign U+2212 (−1, not -1), the typographic sign; a value
  that rounds to zero reads 0, never −0. Points may carry their sign: +1, 0, −1.
- The decimal sign, the date pattern and the month names are the translators' (``ui.decimal_sign``,
  ``ui.date``, ``ui.month_01`` ... ``ui.month_12`` in ``content/<language>/messages/common.yml``):
  a language's conventions live in its own files, not in code.
- ``{name}`` is a placeholder, ``{{`` and ``}}`` are literal braces; numbers filled in are
  written as above with up to two decimals, and a value that names a unit, a field or a choice
  shows its text (``unit.<value>``, ``inputs.<value>.label``, ``inputs.<name>.choices.<value>``).
"""
from __future__ import annotations

import datetime
import math
import re
from decimal import ROUND_HALF_UP, Decimal, localcontext
from typing import Any, Mapping

MINUS = "\u2212"
#: Decimals of a number filled into a text.
MESSAGE_DECIMALS = 2

_TOKEN = re.compile(r"\{\{|\}\}|\{(\w+)\}|[{}]")


def rounded_text(value: float, decimals: int) -> str:
    """``value`` rounded (see above) as a machine reads it: ``.`` and ``-``, no trailing zeros."""
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    exact = Decimal(repr(float(value))) if isinstance(value, float) else Decimal(int(value))
    with localcontext() as context:
        context.prec = 400  # every digit of any float, so no number is cut short
        rounded = abs(exact).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    text = f"{rounded:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return f"-{text}" if exact < 0 and text.strip("0.") else text


def format_number(value: float, texts: Mapping[str, str], decimals: int = MESSAGE_DECIMALS) -> str:
    """``value`` for a reader: their decimal sign, the minus sign U+2212."""
    return rounded_text(value, decimals).replace("-", MINUS).replace(".", texts["ui.decimal_sign"])


def format_signed(value: float, texts: Mapping[str, str], decimals: int = MESSAGE_DECIMALS) -> str:
    """Points with their sign: ``+2``, ``0``, ``−1``."""
    text = format_number(value, texts, decimals)
    return f"+{text}" if value > 0 and text.strip("0.,") else text


def format_date(day: datetime.date | str, texts: Mapping[str, str]) -> str:
    """A date in the translators' pattern and month names (``Nov 22, 2026``, ``22 nov. 2026``)."""
    if isinstance(day, str):
        day = datetime.date.fromisoformat(day)
    parts = {"year": str(day.year), "month": texts[f"ui.month_{day.month:02d}"], "day": str(day.day)}
    return re.sub(r"\{(year|month|day)\}", lambda match: parts[match[1]], texts["ui.date"])


def fill(template: str, params: Mapping[str, Any], texts: Mapping[str, str]) -> str:
    """``template`` with its placeholders filled from ``params`` (see above); a placeholder
    with no value is left as written."""

    def replace(match: re.Match) -> str:
        name = match[1]
        if name is None:
            return match[0][0]
        value = params.get(name)
        if value is None:
            return match[0]
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return format_number(value, texts)
        value = str(value)
        if name == "unit":
            return texts.get(f"unit.{value}", value)
        if name == "field":
            return texts.get(f"inputs.{value}.label", value)
        return texts.get(f"inputs.{name}.choices.{value}", value)

    return _TOKEN.sub(replace, template)


def placeholders(template: str) -> list[str] | None:
    """The ``{names}`` of a text, sorted; None when a brace is neither a placeholder's nor doubled."""
    names = set()
    for match in _TOKEN.finditer(template):
        if match[0] in "{}":
            return None
        if match[1] is not None:
            names.add(match[1])
    return sorted(names)
