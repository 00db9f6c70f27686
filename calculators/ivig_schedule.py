"""IVIg schedule: the calendar dates of planned cycles and the guideline's review points.

Rules (EDF/EADV guideline, Enk et al., Eur J Dermatol 2009;19(1):90-98, Table 2; updated J Eur
Acad Dermatol Venereol 2016;30(10):1657-1669, doi:10.1111/jdv.13725), read from
:mod:`calculators.guideline`:

- A cycle runs over ``days`` consecutive days: ``end = start + (days - 1)``.
- Cycles start every 4 weeks (28 days), start to start.
- TEN and Kawasaki disease: one cycle only.
- Optional lengthening, our reading of "after 6 months gradually increase to 6-week intervals":
  after each cycle that starts on or after the date 6 calendar months from the first start, the
  next interval is one week longer than the previous one, capped at 6 weeks (28, 35, 42, 42...
  days). Without the option every interval is exactly 28 days.
- Review points: no response after the 6th cycle, stop (dermatomyositis, blistering diseases);
  no response after 6 months, stop (lupus); judge the response at 6 months (vasculitis);
  wash-out after the 12th cycle (dermatomyositis); TEN judged by re-epithelialisation.

A review point is listed only when the plan reaches it. Choices are recorded in
``provenance/ivig-schedule.yaml``.
"""
from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Any, Mapping

from .guideline import (
    DAYS_MAY_BE_BLANK,
    INDICATIONS,
    JUDGE_RESPONSE_AFTER_MONTHS,
    JUDGED_BY_REEPITHELIALISATION,
    LENGTHEN_AFTER_MONTHS,
    REFERENCES as GUIDELINE_REFERENCES,
    REGIMENS,
    STOP_IF_NO_RESPONSE_AFTER_CYCLES,
    STOP_IF_NO_RESPONSE_AFTER_MONTHS,
    WASHOUT_AFTER_CYCLES,
    Regimen,
    days_warnings,
)
from .spec import Calculator, ChoiceInput, DateInput, NumberInput, Output, Result, When, message

DAYS_PER_WEEK = 7
#: Each lengthened interval is this many days longer than the one before (our reading of
#: "gradually": one week per cycle).
LENGTHEN_STEP_DAYS = 7
#: Cycles planned when the field is left blank (chronic indications): the guideline's point of
#: judging the response in dermatomyositis and blistering diseases.
DEFAULT_PLANNED_CYCLES = 6
MAX_PLANNED_CYCLES = 24

SPEC_INPUTS = (
    DateInput("start_date"),
    ChoiceInput("indication", choices=INDICATIONS),
    # Days per cycle: the same limits as the dose calculator (1-5; the guideline's range per
    # indication is checked in compute and warned about). Blank is refused, except for Kawasaki
    # disease, where it means the recommended single infusion, as in the dose calculator.
    NumberInput("days", unit="days", minimum=1, maximum=5, integer=True, optional_when=When("indication", DAYS_MAY_BE_BLANK)),
    # Blank: 6 cycles, or 1 for TEN and Kawasaki disease. 24 cycles is about two years at 4 weeks.
    NumberInput("cycles", unit="cycles", minimum=1, maximum=MAX_PLANNED_CYCLES, integer=True, required=False),
    ChoiceInput("lengthen", choices=("no", "yes"), default="no", widget="radio"),
)


def add_months(start: date, months: int) -> date:
    """The same day ``months`` calendar months later, moved back to the month's last day if needed
    (31 August + 6 months = 28 or 29 February)."""
    month_index = start.month - 1 + months
    year = start.year + month_index // 12
    if year > date.max.year:
        return date.max  # a mark beyond the calendar is never reached by a cycle
    month = month_index % 12 + 1
    return date(year, month, min(start.day, calendar.monthrange(year, month)[1]))


def cycle_starts(first: date, count: int, regimen: Regimen, lengthen: bool) -> list[date]:
    """Start dates of ``count`` cycles; intervals as described in the module docstring."""
    if regimen.single_cycle or regimen.interval_weeks is None or regimen.max_interval_weeks is None:
        return [first][:count]
    standard_days = regimen.interval_weeks * DAYS_PER_WEEK
    longest_days = regimen.max_interval_weeks * DAYS_PER_WEEK
    lengthen_from = add_months(first, LENGTHEN_AFTER_MONTHS)
    starts = [first]
    interval_days = standard_days
    while len(starts) < count:
        previous = starts[-1]
        if lengthen and previous >= lengthen_from:
            interval_days = min(interval_days + LENGTHEN_STEP_DAYS, longest_days)
        else:
            interval_days = standard_days
        starts.append(previous + timedelta(days=interval_days))
    return starts


def compute(values: Mapping[str, Any]) -> Result:
    regimen = REGIMENS[values["indication"]]
    first: date = values["start_date"]
    days = int(values["days"]) if values["days"] is not None else regimen.recommended_days
    lengthen = values["lengthen"] == "yes"
    requested = int(values["cycles"]) if values["cycles"] is not None else (1 if regimen.single_cycle else DEFAULT_PLANNED_CYCLES)

    warnings: list[dict[str, Any]] = []
    if regimen.single_cycle and requested > 1:
        warnings.append(message("warning.single_cycle_only", requested=requested, indication=regimen.indication))
    planned = 1 if regimen.single_cycle else requested
    if values["days"] is None:
        warnings.append(message(f"warning.days_default.{regimen.indication}", days=days))
    warnings.extend(days_warnings(regimen, days))

    try:
        starts = cycle_starts(first, planned, regimen, lengthen)
        ends = [start + timedelta(days=days - 1) for start in starts]
        six_months = add_months(first, LENGTHEN_AFTER_MONTHS)
    except OverflowError:
        # Only a start date near the end of the calendar (year 9999) gets here.
        return Result(errors={"start_date": message("error.schedule_beyond_calendar")})

    review_points = _review_points(regimen, first, starts, ends, lengthen)
    if lengthen and not regimen.single_cycle and not any(start >= six_months for start in starts):
        warnings.append(message("warning.lengthen_not_reached", months=LENGTHEN_AFTER_MONTHS))

    return Result(
        outputs={
            "cycles": [{"start": start.isoformat(), "end": end.isoformat()} for start, end in zip(starts, ends)],
            "review_points": review_points,
        },
        warnings=warnings,
    )


def _review_points(regimen: Regimen, first: date, starts: list[date], ends: list[date], lengthen: bool) -> list[dict[str, Any]]:
    """The guideline's review points that fall within the plan, in date order.

    A point counted in cycles is dated on the last day of that cycle; a point counted in months
    is dated on the first planned cycle that starts on or after that many months, the moment a
    decision about giving it is due. Each point carries the guideline's numbers its text shows
    (``params``: the cycle, the months, the longest interval...), so no number is written into
    the translators' texts.
    """
    indication = regimen.indication
    points: list[tuple[date, str, dict[str, int]]] = []

    def after_cycle(cycle_number: int | None, key: str, **params: int) -> None:
        if cycle_number is not None and len(ends) >= cycle_number:
            points.append((ends[cycle_number - 1], key, {"cycle": cycle_number, **params}))

    def at_months(months: int | None, key: str, **params: int) -> None:
        if months is None:
            return
        mark = add_months(first, months)
        due = next((start for start in starts if start >= mark), None)
        if due is not None:
            points.append((due, key, {"months": months, **params}))

    after_cycle(STOP_IF_NO_RESPONSE_AFTER_CYCLES.get(indication), "stop_if_no_response")
    at_months(STOP_IF_NO_RESPONSE_AFTER_MONTHS.get(indication), "stop_if_no_response_months")
    if regimen.initial_months is not None:
        low, high = regimen.initial_months
        at_months(JUDGE_RESPONSE_AFTER_MONTHS.get(indication), "judge_response", initial_min=low, initial_max=high)
    if not regimen.single_cycle:
        lengthening = {"max_weeks": regimen.max_interval_weeks, "step_days": LENGTHEN_STEP_DAYS}
        at_months(LENGTHEN_AFTER_MONTHS, "lengthening_begins" if lengthen else "may_lengthen_interval", **lengthening)
    after_cycle(WASHOUT_AFTER_CYCLES.get(indication), "washout")
    if indication in JUDGED_BY_REEPITHELIALISATION:
        after_cycle(1, "judge_by_reepithelialisation")
    points.sort(key=lambda point: point[0])  # stable: same-day points keep the order above
    return [{"date": when.isoformat(), "key": key, "params": params} for when, key, params in points]


CALCULATOR = Calculator(
    id="ivig-schedule",
    inputs=SPEC_INPUTS,
    outputs=(
        Output("cycles", kind="cycles"),
        Output("review_points", kind="dated_notes"),
    ),
    references=GUIDELINE_REFERENCES,
    compute=compute,
)
