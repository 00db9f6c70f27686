"""ivig-schedule beyond the shared vectors: calendar arithmetic, messages, and properties of any plan."""
import re
from datetime import date, timedelta
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import calculators
from calculators import ivig_schedule
from calculators.guideline import INDICATIONS, REGIMENS
from calculators.ivig_schedule import add_months
from site_build.content import messages
from tests.support.strategies import FAST

ROOT = Path(__file__).resolve().parents[2]
CALCULATOR = ivig_schedule.CALCULATOR
REVIEW_TEXTS = {
    language: {key[len("outputs.review_points.values."):]: text for key, text in messages.catalog(language, "ivig-schedule").texts.items() if key.startswith("outputs.review_points.values.")}
    for language in ("en", "ro")
}
REVIEW_KEYS = {
    "stop_if_no_response", "stop_if_no_response_months", "judge_response", "may_lengthen_interval",
    "lengthening_begins", "washout", "judge_by_reepithelialisation",
}


def test_add_months():
    assert add_months(date(2026, 1, 5), 6) == date(2026, 7, 5)
    assert add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert add_months(date(2027, 8, 31), 6) == date(2028, 2, 29)
    assert add_months(date(2026, 12, 15), 1) == date(2027, 1, 15)
    assert add_months(date(9999, 11, 1), 6) == date.max


def test_lengthened_intervals_step_one_week_to_six_weeks():
    starts = ivig_schedule.cycle_starts(date(2026, 1, 5), 12, REGIMENS["blistering"], lengthen=True)
    gaps = [(later - earlier).days for earlier, later in zip(starts, starts[1:])]
    assert gaps == [28] * 7 + [35, 42, 42, 42]


def test_single_cycle_indications_ignore_the_count():
    for indication in ("ten", "kawasaki"):
        assert ivig_schedule.cycle_starts(date(2026, 1, 5), 5, REGIMENS[indication], lengthen=True) == [date(2026, 1, 5)]


def test_every_review_key_the_code_can_emit_has_a_text():
    source = Path(ivig_schedule.__file__).read_text(encoding="utf-8")
    emitted = set(re.findall(r'"((?:stop|judge|may|lengthening|washout)\w*)"', source))
    assert emitted == REVIEW_KEYS


# --- properties ---------------------------------------------------------------------------------

@st.composite
def plans(draw):
    return {
        "start_date": draw(st.dates(min_value=date(1990, 1, 1), max_value=date(2200, 12, 31))).isoformat(),
        "indication": draw(st.sampled_from(INDICATIONS)),
        "days": str(draw(st.integers(1, 5))),
        "cycles": draw(st.one_of(st.just(""), st.integers(1, 24).map(str))),
        "lengthen": draw(st.sampled_from(("no", "yes"))),
    }


def run(inputs):
    result = calculators.evaluate("ivig-schedule", inputs)
    assert result["ok"], result["errors"]
    cycles = [(date.fromisoformat(c["start"]), date.fromisoformat(c["end"])) for c in result["outputs"]["cycles"]]
    return result, cycles


@FAST
@given(plans())
def test_count_and_cycle_length_are_respected(inputs):
    result, cycles = run(inputs)
    regimen = REGIMENS[inputs["indication"]]
    requested = int(inputs["cycles"]) if inputs["cycles"] else (1 if regimen.single_cycle else ivig_schedule.DEFAULT_PLANNED_CYCLES)
    assert len(cycles) == (1 if regimen.single_cycle else requested)
    assert cycles[0][0] == date.fromisoformat(inputs["start_date"])
    assert all((end - start).days == int(inputs["days"]) - 1 for start, end in cycles)
    warned = {warning["key"] for warning in result["warnings"]}
    assert ("warning.single_cycle_only" in warned) == (regimen.single_cycle and requested > 1)


@FAST
@given(plans())
def test_intervals(inputs):
    _, cycles = run(inputs)
    gaps = [(later[0] - earlier[0]).days for earlier, later in zip(cycles, cycles[1:])]
    if inputs["lengthen"] == "no":
        assert all(gap == 28 for gap in gaps)
    else:
        assert all(28 <= gap <= 42 for gap in gaps)
        assert gaps == sorted(gaps)  # gradual: never shortened again
        assert all(later - earlier <= 7 for earlier, later in zip(gaps, gaps[1:]))
        six_months = add_months(cycles[0][0], 6)
        for (start, _), gap in zip(cycles, gaps):
            if start < six_months:
                assert gap == 28
    # Cycles never overlap: even a 5-day cycle ends well before the next starts.
    assert all(earlier[1] < later[0] for earlier, later in zip(cycles, cycles[1:]))


@FAST
@given(plans())
def test_review_points_are_sorted_known_and_inside_the_plan(inputs):
    result, cycles = run(inputs)
    points = result["outputs"]["review_points"]
    dates = [date.fromisoformat(point["date"]) for point in points]
    assert dates == sorted(dates)
    assert {point["key"] for point in points} <= REVIEW_KEYS
    assert all(cycles[0][0] <= when <= cycles[-1][1] for when in dates)
    keys = [point["key"] for point in points]
    if "stop_if_no_response" in keys:
        assert len(cycles) >= 6
    if "washout" in keys:
        assert inputs["indication"] == "dermatomyositis" and len(cycles) >= 12
    # Every number a review point's text shows comes with the point, in both languages.
    for point in points:
        for language in ("en", "ro"):
            text = REVIEW_TEXTS[language][point["key"]]
            assert set(re.findall(r"\{(\w+)\}", text)) <= set(point["params"]), (language, point)
    if "stop_if_no_response" in keys:
        point = next(point for point in points if point["key"] == "stop_if_no_response")
        assert point["date"] == cycles[point["params"]["cycle"] - 1][1].isoformat()


@FAST
@given(plans(), st.sampled_from(("start_date", "days", "cycles", "indication", "lengthen")), st.one_of(
    st.text(max_size=10),
    st.sampled_from(("0", "25", "6", "2,5", "2026-02-30", "2026/01/05", "-1", "yes")),
))
def test_invalid_input_never_gives_a_plan(inputs, field, garbage):
    result = calculators.evaluate("ivig-schedule", {**inputs, field: garbage})
    if not result["ok"]:
        assert result["outputs"] == {}
        assert result["errors"]


def test_plan_past_the_calendar_is_an_error_not_a_crash():
    result = calculators.evaluate("ivig-schedule", {"start_date": "9999-12-01", "indication": "blistering", "days": "5", "cycles": "3"})
    assert not result["ok"]
    assert result["errors"]["start_date"]["key"] == "error.schedule_beyond_calendar"
    # A plan that fits in the calendar still works, although its 6-month mark does not.
    result = calculators.evaluate("ivig-schedule", {"start_date": "9999-10-01", "indication": "blistering", "days": "5", "cycles": "3"})
    assert result["ok"]
    assert result["outputs"]["cycles"][-1]["start"] == (date(9999, 10, 1) + timedelta(days=56)).isoformat()
