"""The guideline's regimen data: the values printed in the guideline, and the messages its table needs."""
import dataclasses
from pathlib import Path

import pytest

from calculators import guideline, ivig_dose, ivig_schedule
from calculators.guideline import REGIMENS, Regimen
from site_build.content.messages import load_file

ROOT = Path(__file__).resolve().parents[2]
MESSAGE_FILES = {"en": ROOT / "content/messages/guideline.yml", "ro": ROOT / "content/ro/messages/guideline.yml"}
CHRONIC = ("dermatomyositis", "blistering", "vasculitis", "vasculitis_renal", "lupus", "other")


def messages(language):
    return load_file(MESSAGE_FILES[language])


def test_the_field_names_the_site_generator_reads():
    assert [field.name for field in dataclasses.fields(Regimen)] == [
        "indication", "dose_g_per_kg", "dose_range_g_per_kg", "days_min", "days_max", "single_cycle",
        "interval_weeks", "max_interval_weeks", "initial_months", "evidence", "recommended_days",
    ]


def test_keys_are_the_ivig_dose_indication_choices():
    assert tuple(REGIMENS) == (
        "dermatomyositis", "blistering", "vasculitis", "vasculitis_renal", "lupus", "ten", "kawasaki", "other",
    )
    assert all(regimen.indication == key for key, regimen in REGIMENS.items())
    assert ivig_dose.CALCULATOR.input("indication").choices == guideline.INDICATIONS == tuple(REGIMENS)
    assert ivig_schedule.CALCULATOR.input("indication").choices == guideline.INDICATIONS


@pytest.mark.parametrize("indication", CHRONIC)
def test_chronic_indications_follow_table_2(indication):
    regimen = REGIMENS[indication]
    assert (regimen.days_min, regimen.days_max) == (2, 5)
    assert not regimen.single_cycle
    assert (regimen.interval_weeks, regimen.max_interval_weeks) == (4, 6)


@pytest.mark.parametrize("indication", ("dermatomyositis", "blistering", "vasculitis", "lupus", "other"))
def test_standard_dose_is_2_g_per_kg(indication):
    assert REGIMENS[indication].dose_g_per_kg == 2.0
    assert REGIMENS[indication].dose_range_g_per_kg == (2.0, 2.0)


def test_ten():
    ten = REGIMENS["ten"]
    assert (ten.dose_g_per_kg, ten.dose_range_g_per_kg) == (3.0, (3.0, 3.0))
    assert (ten.days_min, ten.days_max, ten.single_cycle) == (3, 5, True)
    assert (ten.interval_weeks, ten.max_interval_weeks, ten.initial_months) == (None, None, None)
    assert ten.recommended_days is None  # 3-5 days; the reader gives them


@pytest.mark.parametrize("language", MESSAGE_FILES)
def test_ten_is_not_an_unqualified_first_line(language):
    """The guideline recommends IVIg in TEN for a confirmed, severe case in the absence of any
    therapeutic alternative: its place in the table says so in both languages."""
    place = messages(language)["place.ten"].lower()
    assert {"en": "absence of any therapeutic alternative", "ro": "absența oricărei alternative terapeutice"}[language] in place


def test_kawasaki_defaults_to_one_infusion():
    """EDF/EADV allows a bolus or 2-5 days; AHA 2017 recommends one infusion: the default is explicit."""
    kawasaki = REGIMENS["kawasaki"]
    assert (kawasaki.dose_g_per_kg, kawasaki.dose_range_g_per_kg) == (2.0, (1.6, 2.0))
    assert (kawasaki.days_min, kawasaki.days_max, kawasaki.single_cycle) == (1, 5, True)
    assert kawasaki.recommended_days == 1
    assert [regimen.indication for regimen in REGIMENS.values() if regimen.recommended_days is not None] == ["kawasaki"]


def test_kawasaki_days_warnings():
    kawasaki = REGIMENS["kawasaki"]
    assert guideline.days_warnings(kawasaki, 1) == []
    assert [warning["key"] for warning in guideline.days_warnings(kawasaki, 2)] == ["warning.divided_infusion.kawasaki"]


def test_renal_vasculitis_has_no_default_dose():
    """The guideline asks first for a slower infusion and offers a reduced dose only as a
    possibility ("e.g., a total of 1 g per kg"): no default may silently halve the dose."""
    renal = REGIMENS["vasculitis_renal"]
    assert renal.dose_g_per_kg is None
    assert renal.dose_range_g_per_kg == (1.0, 2.0)
    assert [regimen.indication for regimen in REGIMENS.values() if regimen.dose_g_per_kg is None] == ["vasculitis_renal"]


def test_initial_durations():
    assert {key: regimen.initial_months for key, regimen in REGIMENS.items()} == {
        "dermatomyositis": (6, 6), "blistering": (3, 6), "vasculitis": (3, 6), "vasculitis_renal": (3, 6),
        "lupus": (6, 6), "ten": None, "kawasaki": None, "other": None,
    }


def test_evidence_as_printed():
    assert REGIMENS["dermatomyositis"].evidence == "I-b / A"
    assert REGIMENS["ten"].evidence == "IIIb / C"
    assert REGIMENS["kawasaki"].evidence == "I a / A"


@pytest.mark.parametrize("regimen", REGIMENS.values(), ids=list(REGIMENS))
def test_each_regimen_is_consistent_and_inside_the_calculators_hard_limits(regimen):
    low, high = regimen.dose_range_g_per_kg
    assert regimen.dose_g_per_kg is None or low <= regimen.dose_g_per_kg <= high
    if regimen.recommended_days is not None:
        assert regimen.days_min <= regimen.recommended_days <= regimen.days_max
    dose_input = ivig_dose.CALCULATOR.input("dose_g_per_kg")
    assert dose_input.minimum <= low and high <= dose_input.maximum
    for calculator in (ivig_dose.CALCULATOR, ivig_schedule.CALCULATOR):
        days_input = calculator.input("days")
        assert days_input.minimum <= regimen.days_min <= regimen.days_max <= days_input.maximum
    assert regimen.single_cycle == (regimen.interval_weeks is None) == (regimen.max_interval_weeks is None)
    if regimen.interval_weeks is not None:
        assert regimen.interval_weeks <= regimen.max_interval_weeks
    if regimen.initial_months is not None:
        assert regimen.initial_months[0] <= regimen.initial_months[1]


def test_review_rules_name_known_indications():
    for rules in (
        guideline.STOP_IF_NO_RESPONSE_AFTER_CYCLES,
        guideline.STOP_IF_NO_RESPONSE_AFTER_MONTHS,
        guideline.JUDGE_RESPONSE_AFTER_MONTHS,
        guideline.WASHOUT_AFTER_CYCLES,
    ):
        assert set(rules) <= set(REGIMENS)
        assert not any(REGIMENS[indication].single_cycle for indication in rules)
    assert guideline.STOP_IF_NO_RESPONSE_AFTER_CYCLES == {"dermatomyositis": 6, "blistering": 6}
    assert guideline.WASHOUT_AFTER_CYCLES == {"dermatomyositis": 12}
    assert guideline.JUDGED_BY_REEPITHELIALISATION == {"ten"}


def test_days_within_guideline_includes_both_ends():
    ten = REGIMENS["ten"]
    assert [guideline.days_within_guideline(ten, days) for days in range(1, 7)] == [False, False, True, True, True, False]


@pytest.mark.parametrize("language", MESSAGE_FILES)
def test_table_messages_cover_every_value(language):
    texts = messages(language)
    needed = {f"indications.{key}" for key in REGIMENS}
    needed |= {f"place.{key}" for key in REGIMENS}
    needed |= {f"columns.{column}" for column in ("indication", "dose", "days", "interval", "initial_duration", "place", "evidence")}
    # Notes where the dose or the days are not a plain guideline figure.
    needed |= {f"dose_note.{key}" for key, regimen in REGIMENS.items() if regimen.dose_g_per_kg is None}
    needed |= {f"days_note.{key}" for key, regimen in REGIMENS.items() if regimen.recommended_days is not None}
    # The texts site_build/pages/tables.py fills in: "{min}–{max} months", "{min} months", etc.
    needed |= {"single_cycle", "interval", "months", "months_single", "caption"}
    assert needed <= set(texts), sorted(needed - set(texts))
    assert all(texts[key].strip() for key in texts)
