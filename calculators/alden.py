"""ALDEN: drug causality in SJS/TEN, for one drug at a time.

Final score (-12 to +10) = the points of six criteria (Sassolas 2010, Table 1):

    1 delay from first intake to the index day (the day the reaction began)
        suggestive +3 (5-28 days; 1-4 days if the patient reacted to this drug before)
        compatible +2 (29-56 days)
        likely     +1 (1-4 days; 5-56 days if the patient reacted to this drug before)
        unlikely   -1 (more than 56 days)
        excluded   -3 (drug started on or after the index day)
    2 drug present in the body on the index day
        definite 0; doubtful -1; excluded -3
    3 prechallenge/rechallenge
        positive, specific for disease and drug +4; specific for disease or drug +2;
        unspecific +1; not done/unknown 0; negative -2
    4 dechallenge: neutral (drug stopped, or unknown) 0; negative (continued without harm) -2
    5 type of drug (notoriety): strongly associated +3; associated +2; suspected +1;
        unknown 0 [unverified]; not suspected -1 [unverified]
    6 other cause: -1 when at least one OTHER drug has an intermediate score (criteria 1-5)
        above 3 [rule text unverified]

Categories (cut-offs unverified except probable at >= 4, Gronich 2022):
    < 0 very unlikely; 0-1 unlikely; 2-3 possible; 4-5 probable; >= 6 very probable.

Every result carries ``warning.categories_unverified``; answers that use an unverified row add
``warning.row_unverified``. Sources: Sassolas B et al. Clin Pharmacol Ther 2010;88(1):60-68,
doi:10.1038/clpt.2009.252, PMID 20375998; the table as reproduced in Burns 2021;48(7):1561-1573,
doi:10.1016/j.burns.2021.08.009. See ``provenance/alden.yaml``.
"""
from __future__ import annotations

from typing import Any, Mapping

from .spec import CATEGORISED_SCORE_OUTPUTS, Band, Calculator, ChoiceInput, Criterion, Reference, Result, categorised_score, message, points_by_answer

# Criterion 6: another drug's intermediate score strictly above this lowers this drug's score.
OTHER_CAUSE_ABOVE = 3

# One row per answer (criterion_answer), in the order of the published table. Each criterion's
# answers are the input's choices, so the table shown and the points added are the same data.
CRITERIA = (
    Criterion("delay_suggestive", 3, {"from_days": 5, "to_days": 28, "previous_from_days": 1, "previous_to_days": 4}),
    Criterion("delay_compatible", 2, {"from_days": 29, "to_days": 56}),
    Criterion("delay_likely", 1, {"from_days": 1, "to_days": 4, "previous_from_days": 5, "previous_to_days": 56}),
    Criterion("delay_unlikely", -1, {"above_days": 56}),
    Criterion("delay_excluded", -3),
    Criterion("drug_present_definite", 0, {"half_lives": 5}),
    Criterion("drug_present_doubtful", -1, {"half_lives": 5}),
    Criterion("drug_present_excluded", -3, {"half_lives": 5}),
    Criterion("prechallenge_specific_both", 4),
    Criterion("prechallenge_specific_one", 2),
    Criterion("prechallenge_unspecific", 1),
    Criterion("prechallenge_unknown", 0),
    Criterion("prechallenge_negative", -2),
    Criterion("dechallenge_neutral", 0),
    Criterion("dechallenge_negative", -2),
    Criterion("notoriety_strong", 3),
    Criterion("notoriety_associated", 2),
    Criterion("notoriety_suspected", 1),
    Criterion("notoriety_unknown", 0),  # unverified row
    Criterion("notoriety_not_suspected", -1),  # unverified row
    Criterion("other_cause_yes", -1, {"above": OTHER_CAUSE_ABOVE}),  # unverified rule text
    Criterion("other_cause_no", 0, {"above": OTHER_CAUSE_ABOVE}),
)
CRITERION_NAMES = ("delay", "drug_present", "prechallenge", "dechallenge", "notoriety", "other_cause")

# Rows the reference sheet marks [M]: a result that uses one of them says so.
UNVERIFIED_ROWS = frozenset({"notoriety_unknown", "notoriety_not_suspected", "other_cause_yes"})

# Categories (unverified except "probable" from 4): inclusive score ranges.
BANDS = (
    Band("very_unlikely", {"score_min": -12, "score_max": -1}),
    Band("unlikely", {"score_min": 0, "score_max": 1}),
    Band("possible", {"score_min": 2, "score_max": 3}),
    Band("probable", {"score_min": 4, "score_max": 5}),
    Band("very_probable", {"score_min": 6, "score_max": 10}),
)


def _choices(name: str) -> tuple[str, ...]:
    prefix = f"{name}_"
    return tuple(criterion.key[len(prefix):] for criterion in CRITERIA if criterion.key.startswith(prefix))


INPUTS = (
    ChoiceInput("delay", choices=_choices("delay")),
    ChoiceInput("drug_present", choices=_choices("drug_present"), widget="radio"),
    ChoiceInput("prechallenge", choices=_choices("prechallenge")),
    ChoiceInput("dechallenge", choices=_choices("dechallenge"), widget="radio"),
    ChoiceInput("notoriety", choices=_choices("notoriety")),
    ChoiceInput("other_cause", choices=_choices("other_cause"), widget="radio"),
)

# Points of each answer, read from the published rows above (one row per answer).
ANSWER_POINTS = {declared.name: points_by_answer(CRITERIA, declared) for declared in INPUTS}


def compute(values: Mapping[str, Any]) -> Result:
    rows = {name: f"{name}_{values[name]}" for name in CRITERION_NAMES}
    breakdown = [{"item": name, "points": ANSWER_POINTS[name][values[name]]} for name in CRITERION_NAMES]
    warnings = [message("warning.categories_unverified")]
    if UNVERIFIED_ROWS & set(rows.values()):
        warnings.append(message("warning.row_unverified"))
    return categorised_score(breakdown, BANDS, warnings)


CALCULATOR = Calculator(
    id="alden",
    inputs=INPUTS,
    outputs=CATEGORISED_SCORE_OUTPUTS,
    references=(
        Reference(
            "Sassolas B, Haddad C, Mockenhaupt M, et al. ALDEN, an algorithm for assessment of drug causality in "
            "Stevens-Johnson syndrome and toxic epidermal necrolysis: comparison with case-control analysis. "
            "Clin Pharmacol Ther. 2010;88(1):60-68.",
            doi="10.1038/clpt.2009.252",
            pmid="20375998",
        ),
        Reference(
            "ALDEN criteria as reproduced in Table 1 of Burns. 2021;48(7):1561-1573 (PMC9124451).",
            doi="10.1016/j.burns.2021.08.009",
        ),
        Reference(
            "Gronich N, et al. Am J Clin Dermatol. 2022 (ALDEN at least probable defined as a score of 4 or more).",
            doi="10.1007/s40257-021-00661-0",
        ),
    ),
    compute=compute,
    criteria=CRITERIA,
    bands=BANDS,
)
