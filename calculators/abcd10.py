"""ABCD-10: in-hospital mortality of adults with SJS/TEN, from five admission variables.

Score (0-8) = sum of the points of the criteria met:

    A  age >= 50 years                                   1 point
    B  serum bicarbonate < 20 mmol/L (= mEq/L)           1 point
    C  active cancer                                     2 points
    D  dialysis before admission                         3 points
    10 epidermal detachment >= 10 % of body surface area 1 point

``mortality_pct`` is the predicted in-hospital mortality for the score, read from a table
(0: 2.3 %, 1: 5.4 %, 2: 12.3 %, 3: 25.5 %, 4: 45.7 %, 5: 67.4 %, 6: 83.6 %, 7: 92.6 %,
8: 96.9 %).

Source: Noe MH et al. JAMA Dermatol 2019;155(4):448-454, doi:10.1001/jamadermatol.2018.5605,
derived in 370 adults (18 years or older). The five predictors and the age and bicarbonate
cut-offs are verified; the point weights, the mortality table and the operator at 10 % BSA are
NOT (reference sheet section 8, item 1): every result carries ``warning.unverified`` until they
are checked against the paper. External validation found ABCD-10 less well calibrated than
SCORTEN (Koh 2020, doi:10.1001/jamadermatol.2020.3654; Duplisea 2021,
doi:10.1016/j.jaad.2021.04.082). See ``provenance/abcd10.yaml``.
"""
from __future__ import annotations

from typing import Any, Mapping

from .spec import Band, Calculator, ChoiceInput, Criterion, NumberInput, Output, Reference, Result, criteria_breakdown, message

AGE_AT_LEAST_YEARS = 50  # >=
BICARBONATE_BELOW_MMOL_L = 20  # <
BSA_DETACHED_AT_LEAST_PCT = 10  # >= (unverified; one secondary source prints "> 10%")

# The model was derived in adults aged 18 or over: younger patients are refused, not scored.
MINIMUM_AGE_YEARS = 18

# The table: one row per criterion, its text showing the threshold (``params``).
CRITERIA = (
    Criterion("age_at_least", 1, {"min_years": AGE_AT_LEAST_YEARS}),
    Criterion("bicarbonate_below", 1, {"below_mmol_l": BICARBONATE_BELOW_MMOL_L}),
    Criterion("active_cancer_present", 2),
    Criterion("dialysis_before_admission", 3),
    Criterion("bsa_detached_at_least", 1, {"min_pct": BSA_DETACHED_AT_LEAST_PCT}),
)
# The breakdown names each row by a short label (``criteria.<item>``, no placeholders), in order.
BREAKDOWN_ITEMS = ("age", "bicarbonate", "active_cancer", "dialysis", "bsa_detached")

# Predicted in-hospital mortality by score: reference sheet 2.3, marked [M] (unverified).
_PREDICTED_MORTALITY_PCT = (2.3, 5.4, 12.3, 25.5, 45.7, 67.4, 83.6, 92.6, 96.9)
# One band per score, in score order: BANDS[score] (label ``bands.score_<n>``).
BANDS = tuple(Band(f"score_{score}", {"mortality_pct": mortality}) for score, mortality in enumerate(_PREDICTED_MORTALITY_PCT))

INPUTS = (
    NumberInput("age", unit="years", minimum=MINIMUM_AGE_YEARS, maximum=120),
    NumberInput("bicarbonate", unit="mmol_l_meq_l", minimum=1, maximum=60, warn_below=8, warn_above=40),
    ChoiceInput("active_cancer", choices=("yes", "no"), widget="radio"),
    ChoiceInput("dialysis", choices=("yes", "no"), widget="radio"),
    NumberInput("bsa_detached", unit="percent", minimum=0, maximum=100),
)


def criteria_met(values: Mapping[str, Any]) -> dict[str, bool]:
    """Which of the five criteria the (canonical, validated) values meet, by breakdown item."""
    return {
        "age": values["age"] >= AGE_AT_LEAST_YEARS,
        "bicarbonate": values["bicarbonate"] < BICARBONATE_BELOW_MMOL_L,
        "active_cancer": values["active_cancer"] == "yes",
        "dialysis": values["dialysis"] == "yes",
        "bsa_detached": values["bsa_detached"] >= BSA_DETACHED_AT_LEAST_PCT,
    }


def band_for(score: int) -> Band:
    if not 0 <= score < len(BANDS):
        raise ValueError(f"ABCD-10 {score} is outside 0-8")
    return BANDS[score]


def compute(values: Mapping[str, Any]) -> Result:
    met = criteria_met(values)
    breakdown = criteria_breakdown(BREAKDOWN_ITEMS, CRITERIA, met)
    score = sum(row["points"] for row in breakdown)
    band = band_for(score)
    return Result(
        outputs={
            "score": score,
            "mortality_pct": band.values["mortality_pct"],
            "breakdown": breakdown,
        },
        band=band.key,
        # Always shown: the weights and the table are unverified, and SCORTEN calibrated better.
        warnings=[message("warning.unverified")],
    )


CALCULATOR = Calculator(
    id="abcd10",
    inputs=INPUTS,
    outputs=(
        Output("score", decimals=0),
        Output("mortality_pct", kind="percent", decimals=1),
        Output("breakdown", kind="breakdown"),
    ),
    references=(
        Reference(
            "Noe MH, Rosenbach M, Hubbard RA, et al. Development and validation of a risk prediction model for in-hospital "
            "mortality among patients with Stevens-Johnson syndrome/toxic epidermal necrolysis - ABCD-10. JAMA Dermatol. "
            "2019;155(4):448-454.",
            doi="10.1001/jamadermatol.2018.5605",
        ),
        Reference(
            "Koh HK, Fook-Chong S, Lee HY. Assessment and comparison of performance of ABCD-10 and SCORTEN in "
            "prognostication of epidermal necrolysis. JAMA Dermatol. 2020;156(12):1294-1299.",
            doi="10.1001/jamadermatol.2020.3654",
        ),
        Reference(
            "Duplisea MJ, et al. J Am Acad Dermatol. 2021;85(4):873-877.",
            doi="10.1016/j.jaad.2021.04.082",
        ),
    ),
    compute=compute,
    criteria=CRITERIA,
    bands=BANDS,
)
