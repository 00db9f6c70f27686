"""Declarations of calculators: inputs, outputs and references, nothing else.

A calculator is declared once here and everything else derives from that declaration: the
validation in :mod:`calculators.validation`, the HTML form the site generator writes, the
permalink (input names are the URL fragment keys), the documentation tables and the test
fixtures. Keep these types free of behaviour that belongs to one calculator.

Stdlib only, no syntax newer than Python 3.11: this module runs on the host CPython used by the
tests and, unchanged, on Pyodide's Python in the reader's browser.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Callable, Mapping


@dataclass(frozen=True)
class UnitLimits:
    """A number input's declared limits written in one of its units, as every reader sees them.

    Computed once, by :meth:`NumberInput.limits`, and read by everything that shows or applies
    a limit: the validation (what is accepted, and the range its error message states), the
    form and the inputs table. A limit converted to another unit is written with ``decimals``
    places, the lower one rounded up and the upper one down, so the range shown lies inside the
    declared one: every value in the range shown is accepted, and one ``step`` (one unit of the
    last decimal shown) beyond either end is refused.
    """

    unit: str
    factor: float  # a value typed in this unit times ``factor`` is the canonical value
    minimum: float
    maximum: float
    decimals: int
    warn_below: float | None = None
    warn_above: float | None = None

    @property
    def step(self) -> float:
        return 10.0 ** -self.decimals


@dataclass(frozen=True)
class When:
    """A condition on another input, read after choices are validated: its value is one of ``values``.

    It lets a declaration say that a blank is acceptable, or not, depending on an answer (IVIg:
    days may be left blank only for Kawasaki disease), so the rule lives with the input and every
    missing field is reported at once, not one after another.
    """

    input: str
    values: tuple[str, ...]

    def holds(self, values: Mapping[str, Any]) -> bool:
        return values.get(self.input) in self.values


@dataclass(frozen=True)
class NumberInput:
    """A numeric field, validated in its canonical unit.

    ``minimum``/``maximum`` are hard limits in the canonical unit (``unit``): a value outside
    them is rejected with no result. ``warn_below``/``warn_above`` mark implausible but possible
    values, which compute and carry a warning. When ``unit_input`` names a :class:`ChoiceInput`,
    ``unit_factors`` maps each of its choices to the factor that converts a value typed in that
    unit to the canonical unit; conversion happens before any comparison, on unrounded values.

    A blank is refused when ``required`` (unless ``optional_when`` holds), or when ``required_when``
    holds; the error is ``missing_error`` with ``missing_params`` (default ``error.required``).
    """

    name: str
    unit: str
    minimum: float
    maximum: float
    required: bool = True
    optional_when: When | None = None
    required_when: When | None = None
    missing_error: str = "error.required"
    missing_params: Mapping[str, Any] = field(default_factory=dict)
    integer: bool = False
    default: float | None = None
    warn_below: float | None = None
    warn_above: float | None = None
    unit_input: str | None = None
    unit_factors: Mapping[str, float] = field(default_factory=dict)

    kind = "number"

    #: Decimals of a limit converted to a unit other than the canonical one.
    CONVERTED_DECIMALS = 1

    @cached_property
    def limits(self) -> dict[str, UnitLimits]:
        """Every declared limit in every unit the reader may choose, by unit (see :class:`UnitLimits`).

        In the canonical unit the declared numbers are kept as they are, shown with as many
        decimals as they are written with (none for a whole-number input). In another unit they
        are converted once, here, with :data:`CONVERTED_DECIMALS` places (or more, when the
        declared limits have more).
        """
        declared_decimals = 0 if self.integer else max(_decimals(self.minimum), _decimals(self.maximum))
        factors = dict(self.unit_factors) if self.unit_input else {self.unit: 1.0}
        limits = {}
        for unit, factor in factors.items():
            if factor == 1.0:
                limits[unit] = UnitLimits(unit, 1.0, self.minimum, self.maximum, declared_decimals, self.warn_below, self.warn_above)
                continue
            decimals = max(declared_decimals, self.CONVERTED_DECIMALS)
            limits[unit] = UnitLimits(
                unit,
                factor,
                minimum=_in_unit(self.minimum, factor, decimals, math.ceil),
                maximum=_in_unit(self.maximum, factor, decimals, math.floor),
                decimals=decimals,
                warn_below=None if self.warn_below is None else _in_unit(self.warn_below, factor, decimals, round),
                warn_above=None if self.warn_above is None else _in_unit(self.warn_above, factor, decimals, round),
            )
        return limits


def _decimals(value: float) -> int:
    """Decimals needed to write ``value`` as declared (``0.5`` -> 1, ``350`` -> 0)."""
    text = repr(float(value))
    if "e" in text:
        return 6
    fraction = text.split(".")[1].rstrip("0")
    return len(fraction)


def _in_unit(canonical_value: float, factor: float, decimals: int, rounding: Callable[[float], float]) -> float:
    """A canonical limit written in another unit with ``decimals`` places.

    ``round(..., 6)`` first drops the conversion's binary noise, so that a limit that converts to
    a whole number of steps is not pushed one step out by its last digit.
    """
    scale = 10**decimals
    return rounding(round(canonical_value / factor * scale, 6)) / scale


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


#: The kinds of output, and whether each holds structured data, shown as a block rather than
#: inline text (see :class:`Output`).
OUTPUT_KINDS = {
    "number": False,
    "percent": False,
    "category": False,
    "breakdown": True,
    "cycles": True,
    "dated_notes": True,
    "notes": True,
}


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

    ``primary`` marks the one output a reader acts on first (a dose, a score): the page shows it
    first and large, with the warnings beside it. Without one, the first output is primary.
    """

    name: str
    kind: str = "number"
    unit: str = ""
    decimals: int = 1
    primary: bool = False

    def __post_init__(self) -> None:
        if self.kind not in OUTPUT_KINDS:
            raise ValueError(f"output {self.name}: kind {self.kind!r} is none of {', '.join(OUTPUT_KINDS)}")

    @property
    def is_block(self) -> bool:
        """Structured data (a list of rows or notes), shown as a block rather than inline text."""
        return OUTPUT_KINDS[self.kind]


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
    """One interpretation band: a label (``bands.<key>``) and its published values.

    A compute function names the band its result falls in (:attr:`Result.band`): the page shows
    that band's next steps (``bands.<key>.next``) from Python's answer, never from a guess of
    its own.
    """

    key: str
    values: Mapping[str, float]


def band_by_score(bands: tuple[Band, ...], score: float) -> Band:
    """The band whose inclusive ``score_min``..``score_max`` holds ``score``."""
    for band in bands:
        if band.values["score_min"] <= score <= band.values["score_max"]:
            return band
    raise ValueError(f"score {score} is in no band")


#: The outputs of a score read by category (RegiSCAR, ALDEN): the score, its category (the band
#: its score range falls in, :func:`categorised_score`) and one row per criterion.
CATEGORISED_SCORE_OUTPUTS = (
    Output("score", decimals=0),
    Output("category", kind="category"),
    Output("breakdown", kind="breakdown"),
)


def categorised_score(breakdown: list[dict[str, Any]], bands: tuple[Band, ...], warnings: list[dict[str, Any]]) -> Result:
    """The result of a score read by category: its score (the sum of the breakdown's points),
    the band whose score range holds it, as the category output and as the result's band."""
    score = sum(row["points"] for row in breakdown)
    band = band_by_score(bands, score)
    return Result(outputs={"score": score, "category": band.key, "breakdown": breakdown}, warnings=warnings, band=band.key)


def criteria_breakdown(items: tuple[str, ...], criteria: tuple[Criterion, ...], met: Mapping[str, bool]) -> list[dict[str, Any]]:
    """One breakdown row per criterion, named by ``items`` in the same order: the criterion's
    points when it is met, else 0 (SCORTEN, ABCD-10)."""
    return [{"item": item, "points": criterion.points if met[item] else 0} for item, criterion in zip(items, criteria, strict=True)]


def points_by_answer(criteria: tuple[Criterion, ...], declared: ChoiceInput) -> dict[str, float]:
    """The points the criteria give each answer of a choice input: the criterion keyed
    ``<input>_<choice>`` (or ``<input>_<choice>_or_<choice>`` for a rule that two answers meet)
    gives its points to that answer. An answer no criterion names scores nothing and is left out.

    One reading of the published table, shared by the compute functions (the points added) and
    the form (the points shown beside each answer).
    """
    points: dict[str, float] = {}
    prefix = f"{declared.name}_"
    for criterion in criteria:
        if not criterion.key.startswith(prefix):
            continue
        rest = criterion.key[len(prefix):]
        answers = [rest] if rest in declared.choices else rest.split("_or_")
        if all(answer in declared.choices for answer in answers):
            for answer in answers:
                points[answer] = criterion.points
    return points


@dataclass(frozen=True)
class Result:
    """What a compute function returns from already validated, canonical values.

    ``errors`` is for contradictions only visible once values are combined (for example an
    eosinophil count above the leukocyte count); when it is non-empty no output is shown.
    ``band`` is the key of the interpretation band (:class:`Band`) the result falls in, for a
    calculator that declares bands.
    """

    outputs: dict[str, Any] = field(default_factory=dict)
    warnings: list[dict[str, Any]] = field(default_factory=list)
    errors: dict[str, dict[str, Any]] = field(default_factory=dict)
    band: str | None = None


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

    def __post_init__(self) -> None:
        flagged = [output.name for output in self.outputs if output.primary]
        if len(flagged) > 1:
            raise ValueError(f"{self.id}: only one output may be primary, not {', '.join(flagged)}")

    @property
    def unit_selectors(self) -> frozenset[str]:
        """The choice inputs that pick another input's unit: shown beside that number, not as
        fields of their own."""
        return frozenset(declared.unit_input for declared in self.inputs if isinstance(declared, NumberInput) and declared.unit_input)

    @property
    def primary_output(self) -> Output:
        """The output to act on first: the one marked ``primary``, else the first."""
        return next((output for output in self.outputs if output.primary), self.outputs[0])

    def input(self, name: str) -> Input:
        for declared in self.inputs:
            if declared.name == name:
                return declared
        raise KeyError(name)


def message(key: str, **params: Any) -> dict[str, Any]:
    """A message for the page: a stable key the translators own, and its placeholder values."""
    return {"key": key, "params": params}
