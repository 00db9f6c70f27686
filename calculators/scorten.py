"""SCORTEN: severity-of-illness score for toxic epidermal necrolysis (SJS/TEN).

Score: one point for each criterion met, 0-7.

    age >= 40 years                                   (abstract: "above 40 y")
    malignancy present (cancer or haematological)
    heart rate >= 120 /min                            (abstract: "above 120 per min")
    epidermal detachment >= 10 % of body surface area (abstract: "above 10%")
    serum urea > 10 mmol/L
    serum glucose > 14 mmol/L
    serum bicarbonate < 20 mmol/L (= mEq/L)

Units, converted before comparison and compared unrounded (reference sheet 1.3):

    urea mmol/L = BUN mg/dL / 2.801      (2 N x 14.007 g/mol; 10 mmol/L = BUN 28.0 mg/dL)
    urea mmol/L = urea mg/dL / 6.006     (urea 60.06 g/mol; 10 mmol/L = urea 60.1 mg/dL)
    glucose mmol/L = glucose mg/dL / 18.016   (14 mmol/L = 252.2 mg/dL; 251 mg/dL scores 0)

Outputs, both published by Bastuji-Garin 2000 and labelled apart on the page:

- ``mortality_pct``: the observed hospital mortality of the score's band in the 165-patient
  development cohort (0-1: 3.2 %, 2: 12.1 %, 3: 35.3 %, 4: 58.3 %, >= 5: 90.0 %), with its
  95 % confidence interval;
- ``model_mortality_pct``: the published logistic model,
  P(death) = 1 / (1 + exp(-(-4.448 + 1.237 x SCORTEN))).

The same rules apply on day 1 (within 24 h of admission, the original timing) and on day 3,
where Guegan 2006 found the score performed best; ``assessment_day`` only labels the result.

References: Bastuji-Garin S et al. J Invest Dermatol 2000;115(2):149-153,
doi:10.1046/j.1523-1747.2000.00061.x; Guegan S et al. J Invest Dermatol 2006;126(2):272-276,
doi:10.1038/sj.jid.5700068. Operators and their sources: ``provenance/scorten.yaml``.
"""
from __future__ import annotations

import math
from typing import Any, Mapping

from .spec import Band, Calculator, ChoiceInput, Criterion, NumberInput, Output, Reference, Result, criteria_breakdown, message

# Thresholds, each with its operator. The abstract says "above" for age, heart rate and
# detachment; we follow the widely reproduced table (MSD Manual, PMC4716394), which uses >=.
AGE_AT_LEAST_YEARS = 40  # >=
HEART_RATE_AT_LEAST_PER_MIN = 120  # >=
BSA_DETACHED_AT_LEAST_PCT = 10  # >=
UREA_ABOVE_MMOL_L = 10  # >
GLUCOSE_ABOVE_MMOL_L = 14  # >
BICARBONATE_BELOW_MMOL_L = 20  # <

# Unit conversions (reference sheet 1.3, derived from molar masses).
BUN_MG_DL_PER_MMOL_L = 2.801
UREA_MG_DL_PER_MMOL_L = 6.006
GLUCOSE_MG_DL_PER_MMOL_L = 18.016

# Published logistic model (abstract): logit = -4.448 + 1.237 x SCORTEN.
LOGIT_INTERCEPT = -4.448
LOGIT_PER_POINT = 1.237

# The derivation cohort was essentially adult; below this age the result carries a warning.
ADULT_AGE_YEARS = 18

# Binary noise from a unit conversion (252.224 mg/dL / 18.016 = 14.000000000000002) must not
# score a point at a strict threshold: values are compared at 1e-9 resolution.
COMPARISON_DECIMALS = 9

# The published table: one row per criterion, its text showing the threshold (``params``).
CRITERIA = (
    Criterion("age_at_least", 1, {"min_years": AGE_AT_LEAST_YEARS}),
    Criterion("malignancy_present", 1),
    Criterion("heart_rate_at_least", 1, {"min_per_min": HEART_RATE_AT_LEAST_PER_MIN}),
    Criterion("bsa_detached_at_least", 1, {"min_pct": BSA_DETACHED_AT_LEAST_PCT}),
    Criterion(
        "urea_above",
        1,
        {
            "above_mmol_l": UREA_ABOVE_MMOL_L,
            "above_bun_mg_dl": round(UREA_ABOVE_MMOL_L * BUN_MG_DL_PER_MMOL_L),
            "above_urea_mg_dl": round(UREA_ABOVE_MMOL_L * UREA_MG_DL_PER_MMOL_L),
        },
    ),
    Criterion(
        "glucose_above",
        1,
        {"above_mmol_l": GLUCOSE_ABOVE_MMOL_L, "above_mg_dl": round(GLUCOSE_ABOVE_MMOL_L * GLUCOSE_MG_DL_PER_MMOL_L)},
    ),
    Criterion("bicarbonate_below", 1, {"below_mmol_l": BICARBONATE_BELOW_MMOL_L}),
)
# The breakdown names each row by a short label (``criteria.<item>``, no placeholders), in order.
BREAKDOWN_ITEMS = ("age", "malignancy", "heart_rate", "bsa_detached", "urea", "glucose", "bicarbonate")

# Observed hospital mortality in the development cohort (n = 165), by score band, with the
# 95 % confidence interval (reference sheet 1.4, MSD Manual table crediting Bastuji-Garin 2000).
BANDS = (
    Band("score_0_1", {"mortality_pct": 3.2, "ci_low_pct": 0.1, "ci_high_pct": 16.7}),
    Band("score_2", {"mortality_pct": 12.1, "ci_low_pct": 5.4, "ci_high_pct": 22.5}),
    Band("score_3", {"mortality_pct": 35.3, "ci_low_pct": 19.8, "ci_high_pct": 53.5}),
    Band("score_4", {"mortality_pct": 58.3, "ci_low_pct": 36.6, "ci_high_pct": 77.9}),
    Band("score_5_7", {"mortality_pct": 90.0, "ci_low_pct": 55.5, "ci_high_pct": 99.8}),
)
# Inclusive score range of each band; its label (``bands.<key>``) names the same range.
BAND_SCORES = {"score_0_1": (0, 1), "score_2": (2, 2), "score_3": (3, 3), "score_4": (4, 4), "score_5_7": (5, 7)}

INPUTS = (
    ChoiceInput("assessment_day", choices=("day1", "day3"), widget="radio"),
    # Hard limits and soft warnings: reference sheet 1.8 (recommendations, not published limits).
    NumberInput("age", unit="years", minimum=0, maximum=120),
    ChoiceInput("malignancy", choices=("yes", "no"), widget="radio"),
    NumberInput("heart_rate", unit="per_min", minimum=20, maximum=300, warn_below=40, warn_above=220),
    NumberInput("bsa_detached", unit="percent", minimum=0, maximum=100),
    ChoiceInput("urea_unit", choices=("mmol_l", "bun_mg_dl", "urea_mg_dl"), widget="radio"),
    NumberInput(
        "urea",
        unit="mmol_l",
        minimum=0.5,
        maximum=150,
        warn_above=50,
        unit_input="urea_unit",
        unit_factors={"mmol_l": 1.0, "bun_mg_dl": 1 / BUN_MG_DL_PER_MMOL_L, "urea_mg_dl": 1 / UREA_MG_DL_PER_MMOL_L},
    ),
    ChoiceInput("glucose_unit", choices=("mmol_l", "mg_dl"), widget="radio"),
    NumberInput(
        "glucose",
        unit="mmol_l",
        minimum=0.5,
        maximum=100,
        warn_below=2.5,
        warn_above=40,
        unit_input="glucose_unit",
        unit_factors={"mmol_l": 1.0, "mg_dl": 1 / GLUCOSE_MG_DL_PER_MMOL_L},
    ),
    NumberInput("bicarbonate", unit="mmol_l_meq_l", minimum=1, maximum=60, warn_below=8, warn_above=40),
)


def criteria_met(values: Mapping[str, Any]) -> dict[str, bool]:
    """Which of the seven criteria the (canonical, validated) values meet, by breakdown item."""
    age, heart_rate, bsa, urea, glucose, bicarbonate = (
        round(values[name], COMPARISON_DECIMALS) for name in ("age", "heart_rate", "bsa_detached", "urea", "glucose", "bicarbonate")
    )
    return {
        "age": age >= AGE_AT_LEAST_YEARS,
        "malignancy": values["malignancy"] == "yes",
        "heart_rate": heart_rate >= HEART_RATE_AT_LEAST_PER_MIN,
        "bsa_detached": bsa >= BSA_DETACHED_AT_LEAST_PCT,
        "urea": urea > UREA_ABOVE_MMOL_L,
        "glucose": glucose > GLUCOSE_ABOVE_MMOL_L,
        "bicarbonate": bicarbonate < BICARBONATE_BELOW_MMOL_L,
    }


def band_for(score: int) -> Band:
    for band in BANDS:
        lowest, highest = BAND_SCORES[band.key]
        if lowest <= score <= highest:
            return band
    raise ValueError(f"SCORTEN {score} is outside 0-7")


def model_mortality_pct(score: int) -> float:
    """The published logistic model, in percent."""
    logit = LOGIT_INTERCEPT + LOGIT_PER_POINT * score
    return 100 / (1 + math.exp(-logit))


def compute(values: Mapping[str, Any]) -> Result:
    met = criteria_met(values)
    breakdown = criteria_breakdown(BREAKDOWN_ITEMS, CRITERIA, met)
    score = sum(row["points"] for row in breakdown)
    band = band_for(score)
    warnings = []
    if values["age"] < ADULT_AGE_YEARS:
        warnings.append(message("warning.child"))
    return Result(
        outputs={
            "assessment_day": values["assessment_day"],
            "score": score,
            "mortality_pct": band.values["mortality_pct"],
            "mortality_ci_low_pct": band.values["ci_low_pct"],
            "mortality_ci_high_pct": band.values["ci_high_pct"],
            "model_mortality_pct": model_mortality_pct(score),
            "breakdown": breakdown,
        },
        warnings=warnings,
        band=band.key,
    )


CALCULATOR = Calculator(
    id="scorten",
    inputs=INPUTS,
    outputs=(
        Output("assessment_day", kind="category"),
        Output("score", decimals=0, primary=True),
        Output("mortality_pct", kind="percent", decimals=1),
        Output("mortality_ci_low_pct", kind="percent", decimals=1),
        Output("mortality_ci_high_pct", kind="percent", decimals=1),
        Output("model_mortality_pct", kind="percent", decimals=1),
        Output("breakdown", kind="breakdown"),
    ),
    references=(
        Reference(
            "Bastuji-Garin S, Fouchard N, Bertocchi M, Roujeau JC, Revuz J, Wolkenstein P. SCORTEN: a severity-of-illness "
            "score for toxic epidermal necrolysis. J Invest Dermatol. 2000;115(2):149-153.",
            doi="10.1046/j.1523-1747.2000.00061.x",
            pmid="10951229",
        ),
        Reference(
            "Guégan S, Bastuji-Garin S, Poszepczynska-Guigné E, Roujeau JC, Revuz J. Performance of the SCORTEN during the "
            "first five days of hospitalization to predict the prognosis of epidermal necrolysis. J Invest Dermatol. "
            "2006;126(2):272-276.",
            doi="10.1038/sj.jid.5700068",
        ),
    ),
    compute=compute,
    criteria=CRITERIA,
    bands=BANDS,
)
