"""Declarations of calculators: inputs, outputs and references, nothing else.

A calculator is declared once here and everything else derives from that declaration: the
validation in :mod:`calculators.validation`, the HTML form the site generator writes, the
permalink (input names are the URL fragment keys), the documentation tables and the test
fixtures. Keep these types free of behaviour that belongs to one calculator.

Stdlib only, no syntax newer than Python 3.11: this module runs on the host CPython used by the
tests and, unchanged, on Pyodide's Python in the reader's browser.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Mapping


@dataclass(frozen=True)
class NumberInput:
    """A numeric field, validated in its canonical unit.

    ``minimum``/``maximum`` are hard limits in the canonical unit (``unit``): a value outside
    them is rejected with no result. ``warn_below``/``warn_above`` mark implausible but possible
    values, which compute and carry a warning. When ``unit_input`` names a :class:`ChoiceInput`,
    ``unit_factors`` maps each of its choices to the factor that converts a value typed in that
    unit to the canonical unit; conversion happens before any comparison, on unrounded values.
    """

    name: str
    unit: str
    minimum: float
    maximum: float
    required: bool = True
    integer: bool = False
    default: float | None = None
    warn_below: float | None = None
    warn_above: float | None = None
    unit_input: str | None = None
    unit_factors: Mapping[str, float] = field(default_factory=dict)

    kind = "number"


@dataclass(frozen=True)
class ChoiceInput:
    """One of a fixed set of values (also used for unit selectors and yes/no questions).

    A choice with no ``default`` and ``required=True`` must be answered: a score never treats a
    missing answer as a silent zero. Scores that define "unknown" list it as a real choice.
    """

    name: str
    choices: tuple[str, ...]
    default: str | None = None
    required: bool = True
    widget: str = "select"  # "select" or "radio": a hint for the form, not for validation

    kind = "choice"


@dataclass(frozen=True)
class DateInput:
    """An ISO 8601 calendar date (YYYY-MM-DD), as a browser's date field submits it."""

    name: str
    required: bool = True
    default: str | None = None

    kind = "date"


Input = NumberInput | ChoiceInput | DateInput


@dataclass(frozen=True)
class Output:
    """A result value. ``kind`` tells the page how to show it:

    - ``number``: shown with ``decimals`` places in the reader's locale, followed by ``unit``;
    - ``percent``: a number already in percent (0-100), shown with ``decimals`` and a % sign;
    - ``category``: a string, shown as the text ``outputs.<name>.values.<value>``;
    - ``breakdown``: ``[{"item": key, "points": n}, ...]``, one row per criterion, labelled
      ``criteria.<item>`` (a key of :attr:`Calculator.criteria` or any key in the message file);
    - ``cycles``: ``[{"start": "YYYY-MM-DD", "end": "YYYY-MM-DD"}, ...]``, shown as dated
      cycles with a calendar (.ics) download;
    - ``dated_notes``: ``[{"date": "YYYY-MM-DD", "key": k, "params": {...}}, ...]``, shown as
      dates with the text ``outputs.<name>.values.<k>``, its ``{placeholders}`` filled from
      ``params`` (numbers the text shows come from Python, never from the message file);
    - ``notes``: ``[{"key": k, "params": {...}}, ...]``, the same without dates: a list of texts
      ``outputs.<name>.values.<k>`` (a checklist, for example).
    """

    name: str
    kind: str = "number"
    unit: str = ""
    decimals: int = 1


@dataclass(frozen=True)
class Reference:
    """A published source behind a calculator: a citation and a DOI or PMID."""

    citation: str
    doi: str | None = None
    pmid: str | None = None


@dataclass(frozen=True)
class Criterion:
    """One row of a score's published table: a rule and the points it gives.

    The page renders the table from these rows (text ``criteria.<key>`` in the calculator's
    message file, with ``{placeholders}`` filled from ``params``), and the compute function
    reads its thresholds from the same ``params``, so the table shown and the arithmetic done
    cannot disagree.
    """

    key: str
    points: float
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Band:
    """One interpretation band: a label (``bands.<key>``) and its published values."""

    key: str
    values: Mapping[str, float]


@dataclass(frozen=True)
class Result:
    """What a compute function returns from already validated, canonical values.

    ``errors`` is for contradictions only visible once values are combined (for example an
    eosinophil count above the leukocyte count); when it is non-empty no output is shown.
    """

    outputs: dict[str, Any] = field(default_factory=dict)
    warnings: list[dict[str, Any]] = field(default_factory=list)
    errors: dict[str, dict[str, Any]] = field(default_factory=dict)


@dataclass(frozen=True)
class Calculator:
    """A calculator: its declaration plus a pure compute function over canonical values."""

    id: str
    inputs: tuple[Input, ...]
    outputs: tuple[Output, ...]
    references: tuple[Reference, ...]
    compute: Callable[[Mapping[str, Any]], Result]
    criteria: tuple[Criterion, ...] = ()
    bands: tuple[Band, ...] = ()

    def input(self, name: str) -> Input:
        for declared in self.inputs:
            if declared.name == name:
                return declared
        raise KeyError(name)


def message(key: str, **params: Any) -> dict[str, Any]:
    """A message for the page: a stable key the translators own, and its placeholder values."""
    return {"key": key, "params": params}
