"""The EDF/EADV guideline's IVIg regimen per indication, as data: the one place it is written.

Both IVIg calculators (``ivig_dose``, ``ivig_schedule``) read their defaults, ranges and review
rules from here, and the guideline article renders its regimen table from :data:`REGIMENS`, so
the table a reader sees and the arithmetic the calculators do cannot disagree.

Edition: every number here follows the FIRST edition of the guideline, the EDF/EADV consensus of
2008, published as Enk A, Ormerod A, et al. Guidelines on the use of high-dose intravenous
immunoglobulin in dermatology. Eur J Dermatol 2009;19(1):90-98 and J Dtsch Dermatol Ges
2009;7(9):806-812 (the text in ``../shared/seeds/004``, Tables 1 and 2). The guideline was renewed
in 2011 and updated as European Guidelines (S1), J Eur Acad Dermatol Venereol
2016;30(10):1657-1669, doi:10.1111/jdv.13725; the update's abstract says it revised the
indications and the summary of evidence, and its full text was not available to us, so whether it
changed a dose, a number of days or an interval is not verified. The pages say so.

Where a value below is our reading rather than a printed figure, the comment beside it says so.
Two values come from outside the guideline and are marked: Kawasaki disease's recommended single
infusion (American Heart Association 2017) and no default dose for vasculitis with renal
involvement (a safety choice: the guideline offers a reduced dose only as a possibility).

This module holds no prose: indication names, column headers, the guideline's own qualifier of
each indication's place in therapy (``place.<indication>``) and the wording of each cell are in
``content/messages/guideline.yml`` (and the Romanian twin), keyed by the values below.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .spec import Reference, message


@dataclass(frozen=True)
class Regimen:
    """One indication's regimen as the guideline gives it.

    Doses are the total per cycle in grams per kilogram of body weight; a cycle is divided
    equally over ``days_min``-``days_max`` consecutive days.
    """

    indication: str
    #: The dose the calculators use when the reader gives none (g/kg per cycle). None: the
    #: guideline leaves a choice between doses, and the reader must make it explicitly.
    dose_g_per_kg: float | None
    #: The doses the guideline names for the indication, lowest and highest (g/kg per cycle).
    #: A dose above the upper bound draws a warning; so does one below the lower bound.
    dose_range_g_per_kg: tuple[float, float]
    #: Consecutive days over which one cycle is divided (inclusive).
    days_min: int
    days_max: int
    #: True where the guideline gives one cycle only (TEN, Kawasaki disease).
    single_cycle: bool
    #: Initial interval between the starts of consecutive cycles, in weeks (None: one cycle).
    interval_weeks: int | None
    #: The longest interval the guideline allows once the response is good (None: one cycle).
    max_interval_weeks: int | None
    #: Initial treatment period to judge the response, in months, lowest and highest
    #: (None: the guideline names none).
    initial_months: tuple[int, int] | None
    #: Level of evidence / grade of recommendation, as printed in the guideline.
    evidence: str
    #: Days per cycle used when the reader gives none, and the only number of days that draws no
    #: "divided infusion" warning (None: the reader must give the days).
    recommended_days: int | None = None


# The chronic indications share Table 2's schedule: every 4 weeks at first, lengthened gradually
# to at most 6 weeks ("Longer intervals are not recommended because of the half-life").
STANDARD_INTERVAL_WEEKS = 4
MAX_INTERVAL_WEEKS = 6
# Table 2: "after 6 months gradually increase to 6-week intervals".
LENGTHEN_AFTER_MONTHS = 6

REGIMENS: dict[str, Regimen] = {
    # Dermatomyositis (also polymyositis, inclusion body myositis): 2 g/kg, 2-5 consecutive days,
    # initial 6 months; second line as a rule, first line "may be justified" in fulminant
    # progressive courses, severe myolysis or paralysis. Evidence printed "I-b", grade A.
    "dermatomyositis": Regimen(
        indication="dermatomyositis",
        dose_g_per_kg=2.0,
        dose_range_g_per_kg=(2.0, 2.0),
        days_min=2,
        days_max=5,
        single_cycle=False,
        interval_weeks=STANDARD_INTERVAL_WEEKS,
        max_interval_weeks=MAX_INTERVAL_WEEKS,
        initial_months=(6, 6),
        evidence="I-b / A",
    ),
    # Autoimmune blistering diseases: 2 g/kg over 2-5 days, initial 3-6 months; second line,
    # first line only "in isolated cases" when standard immunosuppression is contraindicated.
    # Evidence: the printed level for severe refractory disease overall (III, grade B); single
    # diseases range to IV / C (epidermolysis bullosa acquisita, linear IgA disease...).
    "blistering": Regimen(
        indication="blistering",
        dose_g_per_kg=2.0,
        dose_range_g_per_kg=(2.0, 2.0),
        days_min=2,
        days_max=5,
        single_cycle=False,
        interval_weeks=STANDARD_INTERVAL_WEEKS,
        max_interval_weeks=MAX_INTERVAL_WEEKS,
        initial_months=(3, 6),
        evidence="III / B",
    ),
    # Systemic vasculitic syndromes other than Kawasaki disease: case series used 2 g/kg in total,
    # over 2-5 days, initial 3-6 months; adjuvant after failed immunosuppression, but "should be
    # included as a first-line treatment option" in particularly fulminant disease. Evidence is
    # printed per disease, from I a / B (Wegener's, microscopic polyangiitis) to IV / D
    # (polyarteritis nodosa); the range is our summary.
    "vasculitis": Regimen(
        indication="vasculitis",
        dose_g_per_kg=2.0,
        dose_range_g_per_kg=(2.0, 2.0),
        days_min=2,
        days_max=5,
        single_cycle=False,
        interval_weeks=STANDARD_INTERVAL_WEEKS,
        max_interval_weeks=MAX_INTERVAL_WEEKS,
        initial_months=(3, 6),
        evidence="I a–IV / B–D",
    ),
    # Systemic vasculitis with renal involvement: "the infusion rate should be reduced or possibly
    # a reduced dose should be used (e.g., a total of 1 g per kg body weight)". The guideline's
    # first advice is a slower infusion of the standard 2 g/kg; the reduced dose is a possibility
    # and 1 g/kg only an example ("e.g."). So there is no default: a blank dose is refused and
    # the reader chooses (a default of 1 g/kg would silently halve the standard dose). The range
    # runs from the printed example to the standard dose.
    "vasculitis_renal": Regimen(
        indication="vasculitis_renal",
        dose_g_per_kg=None,
        dose_range_g_per_kg=(1.0, 2.0),
        days_min=2,
        days_max=5,
        single_cycle=False,
        interval_weeks=STANDARD_INTERVAL_WEEKS,
        max_interval_weeks=MAX_INTERVAL_WEEKS,
        initial_months=(3, 6),
        evidence="I a–IV / B–D",
    ),
    # Lupus erythematosus and other collagen vascular diseases: 2 g/kg ("the only experience"),
    # 2-5 days (5 days with kidney or heart involvement), initial 6 months; not first line.
    # Evidence printed as "evidence level III" for systemic lupus, with no grade.
    "lupus": Regimen(
        indication="lupus",
        dose_g_per_kg=2.0,
        dose_range_g_per_kg=(2.0, 2.0),
        days_min=2,
        days_max=5,
        single_cycle=False,
        interval_weeks=STANDARD_INTERVAL_WEEKS,
        max_interval_weeks=MAX_INTERVAL_WEEKS,
        initial_months=(6, 6),
        evidence="III",
    ),
    # Toxic epidermal necrolysis: 3 g/kg in total, fractionated over 3-5 days, one cycle, as soon
    # as possible after the diagnosis is confirmed. Evidence printed "IIIb", grade C.
    "ten": Regimen(
        indication="ten",
        dose_g_per_kg=3.0,
        dose_range_g_per_kg=(3.0, 3.0),
        days_min=3,
        days_max=5,
        single_cycle=True,
        interval_weeks=None,
        max_interval_weeks=None,
        initial_months=None,
        evidence="IIIb / C",
    ),
    # Kawasaki disease (children): 1.6-2 g/kg per cycle "as bolus infusion or divided into single
    # infusions given over 2-5 days", one cycle (Table 2), with acetylsalicylic acid. A bolus is one
    # day, so 1-5 days is within the guideline. Default 2 g/kg: the upper printed value, and the
    # dose the American Heart Association's 2017 statement recommends (McCrindle BW et al.,
    # Circulation 2017;135:e927-e999, doi:10.1161/CIR.0000000000000484) as ONE infusion; divided
    # dosing has been linked with worse coronary outcomes, so one day is the default and more
    # days draw a warning. First choice; evidence printed "I a", grade A.
    "kawasaki": Regimen(
        indication="kawasaki",
        dose_g_per_kg=2.0,
        dose_range_g_per_kg=(1.6, 2.0),
        days_min=1,
        days_max=5,
        single_cycle=True,
        interval_weeks=None,
        max_interval_weeks=None,
        initial_months=None,
        evidence="I a / A",
        recommended_days=1,
    ),
    # Other possible indications (atopic dermatitis, autoimmune urticaria, scleromyxoedema,
    # pyoderma gangrenosum): our reading is Table 2's standard regimen (2 g/kg over 2-5 days,
    # every 4 weeks, up to 6), which is what the text reports for urticaria ("the aforementioned
    # standard dose"). Only in severe refractory disease; no initial duration given. Evidence
    # printed III for each, III-IV for pyoderma gangrenosum.
    "other": Regimen(
        indication="other",
        dose_g_per_kg=2.0,
        dose_range_g_per_kg=(2.0, 2.0),
        days_min=2,
        days_max=5,
        single_cycle=False,
        interval_weeks=STANDARD_INTERVAL_WEEKS,
        max_interval_weeks=MAX_INTERVAL_WEEKS,
        initial_months=None,
        evidence="III–IV",
    ),
}

#: The indication choices of both IVIg calculators, in the order the guideline treats them.
INDICATIONS: tuple[str, ...] = tuple(REGIMENS)
#: Indications whose days per cycle may be left blank: they have a recommended number.
DAYS_MAY_BE_BLANK: tuple[str, ...] = tuple(key for key, regimen in REGIMENS.items() if regimen.recommended_days is not None)
#: Indications with no default dose: the reader must enter one.
DOSE_MUST_BE_GIVEN: tuple[str, ...] = tuple(key for key, regimen in REGIMENS.items() if regimen.dose_g_per_kg is None)

# Review points the guideline names, by indication (used by the schedule planner).
#: "no response after 6 cycles": stop (dermatomyositis: "efficacy should have been achieved
#: after 6 treatment cycles ... or else ... discontinued"; blistering: "discontinuation ... is
#: advisable").
STOP_IF_NO_RESPONSE_AFTER_CYCLES: dict[str, int] = {"dermatomyositis": 6, "blistering": 6}
#: Lupus: "use is initially recommended over a period of 6 months. If there has been no response
#: to treatment after this time, treatment should be discontinued." (months, not cycles)
STOP_IF_NO_RESPONSE_AFTER_MONTHS: dict[str, int] = {"lupus": 6}
#: Vasculitis: "a treatment period of 3-6 months is useful initially in order to obtain a clear
#: idea of the response"; no stop rule is printed. We mark the end of the 6 months.
JUDGE_RESPONSE_AFTER_MONTHS: dict[str, int] = {"vasculitis": 6, "vasculitis_renal": 6}
#: Dermatomyositis: "After 12 treatment cycles, a washout period should be attempted".
WASHOUT_AFTER_CYCLES: dict[str, int] = {"dermatomyositis": 12}
#: TEN: "The onset of re-epithelialization is the best clinical parameter for evaluating
#: treatment efficacy."
JUDGED_BY_REEPITHELIALISATION: frozenset[str] = frozenset({"ten"})


def days_within_guideline(regimen: Regimen, days: int) -> bool:
    """True when ``days`` lies in the regimen's range, both ends included."""
    return regimen.days_min <= days <= regimen.days_max


def days_warnings(regimen: Regimen, days: int) -> list[dict[str, Any]]:
    """What both IVIg calculators say about the number of days per cycle.

    Outside the guideline's range: ``warning.days_outside_guideline``. Where a single infusion is
    recommended (Kawasaki disease) and the cycle is divided: ``warning.divided_infusion.<indication>``.
    """
    warnings = []
    if not days_within_guideline(regimen, days):
        warnings.append(message("warning.days_outside_guideline", days=days, min=regimen.days_min, max=regimen.days_max, indication=regimen.indication))
    if regimen.recommended_days is not None and days != regimen.recommended_days:
        warnings.append(message(f"warning.divided_infusion.{regimen.indication}", days=days, recommended=regimen.recommended_days))
    return warnings


#: The guideline itself, cited by every calculator that applies it.
REFERENCES = (
        Reference(
            "Enk A, Ormerod A; European Dermatology Forum Guideline Subcommittee. Guidelines on the use of "
            "high-dose intravenous immunoglobulin in dermatology. Eur J Dermatol. 2009;19(1):90-98. The same "
            "consensus: Use of high-dose immunoglobulins in dermatology. J Dtsch Dermatol Ges. 2009;7(9):806-812.",
            doi="10.1111/j.1610-0387.2009.07118.x",
        ),
        Reference(
            "Enk AH, Hadaschik EN, Eming R, et al. European Guidelines (S1) on the use of high-dose "
            "intravenous immunoglobulin in dermatology. J Eur Acad Dermatol Venereol. 2016;30(10):1657-1669.",
            doi="10.1111/jdv.13725",
        ),
        Reference(
            "McCrindle BW, Rowley AH, Newburger JW, et al. Diagnosis, treatment, and long-term management "
            "of Kawasaki disease: a scientific statement for health professionals from the American Heart "
            "Association. Circulation. 2017;135(17):e927-e999.",
            doi="10.1161/CIR.0000000000000484",
        ),
)
