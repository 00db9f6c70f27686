"""RegiSCAR DRESS validation score (Kardaun): is a suspected case DRESS?

Score (-4 to +9) = sum of the item points:

    fever >= 38.5 C                        yes 0; no or unknown -1
    enlarged lymph nodes (> 1 cm, >= 2 sites)  yes +1; no or unknown 0
    eosinophilia                           see below: 0, +1 or +2
    atypical lymphocytes                   yes +1; no or unknown 0
    rash extent > 50 % of body surface     yes +1; no or unknown 0
    rash suggesting DRESS                  yes +1; unknown 0; no -1
    biopsy suggesting DRESS                yes or unknown 0; no -1
    organs involved (n, after other causes excluded)   min(n, 2) points
    resolution >= 15 days                  yes 0; no or unknown -1
    other causes excluded (>= 3 tests done and negative, none positive)  yes +1; otherwise 0

Eosinophilia (reference sheet 3.3; counts in x10^9/L, the percentage of leukocytes):

    absolute = 2 if AEC >= 1.5 else 1 if AEC >= 0.7 else 0
    percent  = (2 if pct >= 20 else 1 if pct >= 10 else 0) if leukocytes < 4.0 else 0
    points   = max(absolute, percent)

with AEC = leukocytes x pct / 100 when the count itself is not given. Taking the larger of the
two routes is an interpretation; with leukocytes < 4.0 an AEC >= 0.7 already means pct > 17.5.

Classification: < 2 no case; 2-3 possible; 4-5 probable; >= 6 definite.

Sources: Kardaun SH et al. Br J Dermatol 2013;169(5):1071-1080, doi:10.1111/bjd.12501 (the
RegiSCAR validation); the scoring table as reproduced in Int J Mol Sci 2021;22:7072
(PMC8268599) and Cureus 2024;16(9):e69503, doi:10.7759/cureus.69503. See
``provenance/regiscar.yaml``.
"""
from __future__ import annotations

from typing import Any, Mapping

from .spec import CATEGORISED_SCORE_OUTPUTS, Band, Calculator, ChoiceInput, Criterion, NumberInput, Reference, Result, categorised_score, message, points_by_answer

YES_NO_UNKNOWN = ("yes", "no", "unknown")

# Eosinophilia thresholds (all >=, except the leukocyte condition, which is strictly <).
EOSINOPHILS_MODERATE_AT_LEAST = 0.7  # x10^9/L, +1
EOSINOPHILS_MARKED_AT_LEAST = 1.5  # x10^9/L, +2
EOSINOPHIL_PCT_MODERATE_AT_LEAST = 10  # %, +1, only when leukocytes < LEUKOPENIA_BELOW
EOSINOPHIL_PCT_MARKED_AT_LEAST = 20  # %, +2, only when leukocytes < LEUKOPENIA_BELOW
LEUKOPENIA_BELOW = 4.0  # x10^9/L, <
ORGANS_COUNTED_AT_MOST = 2

# A derived count (7.0 x 10 / 100) must meet a threshold it equals on paper: compare at 1e-9.
COMPARISON_DECIMALS = 9

# The published table, one row per answer that scores; every other answer scores 0.
CRITERIA = (
    Criterion("fever_no_or_unknown", -1),
    Criterion("lymph_nodes_yes", 1),
    Criterion(
        "eosinophilia_moderate",
        1,
        {"min_count": EOSINOPHILS_MODERATE_AT_LEAST, "max_count": EOSINOPHILS_MARKED_AT_LEAST,
         "min_pct": EOSINOPHIL_PCT_MODERATE_AT_LEAST, "max_pct": EOSINOPHIL_PCT_MARKED_AT_LEAST,
         "leukocytes_below": LEUKOPENIA_BELOW},
    ),
    Criterion(
        "eosinophilia_marked",
        2,
        {"min_count": EOSINOPHILS_MARKED_AT_LEAST, "min_pct": EOSINOPHIL_PCT_MARKED_AT_LEAST, "leukocytes_below": LEUKOPENIA_BELOW},
    ),
    Criterion("atypical_lymphocytes_yes", 1),
    Criterion("rash_extent_yes", 1),
    Criterion("rash_suggestive_yes", 1),
    Criterion("rash_suggestive_no", -1),
    Criterion("biopsy_suggestive_no", -1),
    Criterion("organs_one", 1),
    Criterion("organs_two_or_more", ORGANS_COUNTED_AT_MOST, {"organs": ORGANS_COUNTED_AT_MOST}),
    Criterion("resolution_no_or_unknown", -1),
    Criterion("other_causes_excluded_yes", 1),
)
_POINTS = {criterion.key: criterion.points for criterion in CRITERIA}

# The order of the breakdown: the order of the published table.
BREAKDOWN_ORDER = (
    "fever",
    "lymph_nodes",
    "eosinophilia",
    "atypical_lymphocytes",
    "rash_extent",
    "rash_suggestive",
    "biopsy_suggestive",
    "organs",
    "resolution",
    "other_causes_excluded",
)

BANDS = (
    Band("no_case", {"score_min": -4, "score_max": 1}),
    Band("possible", {"score_min": 2, "score_max": 3}),
    Band("probable", {"score_min": 4, "score_max": 5}),
    Band("definite", {"score_min": 6, "score_max": 9}),
)

INPUTS = (
    ChoiceInput("fever", choices=YES_NO_UNKNOWN, widget="radio"),
    ChoiceInput("lymph_nodes", choices=YES_NO_UNKNOWN, widget="radio"),
    # Laboratory limits: reference sheet 3.4. Each is optional: a blank means "not known".
    NumberInput("eosinophil_count", unit="e9_per_l", minimum=0, maximum=100, required=False, warn_above=20),
    NumberInput("eosinophil_pct", unit="percent", minimum=0, maximum=100, required=False),
    NumberInput("leukocytes", unit="e9_per_l", minimum=0, maximum=500, required=False, warn_above=100),
    ChoiceInput("atypical_lymphocytes", choices=YES_NO_UNKNOWN, widget="radio"),
    ChoiceInput("rash_extent", choices=YES_NO_UNKNOWN, widget="radio"),
    ChoiceInput("rash_suggestive", choices=YES_NO_UNKNOWN, widget="radio"),
    ChoiceInput("biopsy_suggestive", choices=YES_NO_UNKNOWN, widget="radio"),
    NumberInput("organs", unit="organs", minimum=0, maximum=10, integer=True),
    ChoiceInput("resolution", choices=YES_NO_UNKNOWN, widget="radio"),
    ChoiceInput("other_causes_excluded", choices=YES_NO_UNKNOWN, widget="radio"),
)

# Points of each yes/no/unknown item, by answer, read from the published rows above; an answer
# no row names scores 0.
ANSWER_POINTS = {declared.name: points_by_answer(CRITERIA, declared) for declared in INPUTS if isinstance(declared, ChoiceInput)}


def _eosinophilia_band(value: float, marked_at_least: float, moderate_at_least: float) -> int:
    """Points for one eosinophil measure (a count or a percentage) against its two thresholds."""
    value = round(value, COMPARISON_DECIMALS)
    if value >= marked_at_least:
        return _POINTS["eosinophilia_marked"]
    if value >= moderate_at_least:
        return _POINTS["eosinophilia_moderate"]
    return 0


def _band_of_count(count: float) -> int:
    return _eosinophilia_band(count, EOSINOPHILS_MARKED_AT_LEAST, EOSINOPHILS_MODERATE_AT_LEAST)


def _band_of_pct(pct: float, leukocytes: float) -> int:
    if not round(leukocytes, COMPARISON_DECIMALS) < LEUKOPENIA_BELOW:
        return 0
    return _eosinophilia_band(pct, EOSINOPHIL_PCT_MARKED_AT_LEAST, EOSINOPHIL_PCT_MODERATE_AT_LEAST)


def eosinophilia_points(count: float | None, pct: float | None, leukocytes: float | None) -> int | None:
    """Points for eosinophilia, or None when the values given cannot be scored (no data).

    Callers must have rejected a percentage without a leukocyte count and a count above the
    leukocyte count (see :func:`compute`).
    """
    if count is None and pct is not None and leukocytes is not None:
        count = leukocytes * pct / 100
    routes = []
    if count is not None:
        routes.append(_band_of_count(count))
    if pct is not None and leukocytes is not None:
        routes.append(_band_of_pct(pct, leukocytes))
    return max(routes) if routes else None


def compute(values: Mapping[str, Any]) -> Result:
    count, pct, leukocytes = values["eosinophil_count"], values["eosinophil_pct"], values["leukocytes"]
    if pct is not None and leukocytes is None:
        # The percentage means nothing without the leukocyte count; ignoring it would hide data.
        return Result(errors={"leukocytes": message("error.leukocytes_needed")})
    if count is not None and leukocytes is not None and count > leukocytes:
        return Result(errors={"eosinophil_count": message("error.eosinophils_exceed_leukocytes")})

    warnings = []
    eosinophils = eosinophilia_points(count, pct, leukocytes)
    eosinophils_known = eosinophils is not None
    if not eosinophils_known:
        warnings.append(message("warning.eosinophils_unknown"))
        eosinophils = 0  # the published table: eosinophilia "no/unknown" scores 0
    elif count is not None and pct is not None and _band_of_count(count) != _band_of_count(leukocytes * pct / 100):
        warnings.append(message("warning.eosinophil_values_disagree"))

    points = {item: table.get(values[item], 0) for item, table in ANSWER_POINTS.items()}
    points["eosinophilia"] = eosinophils
    # min(n, 2): one organ scores organs_one (+1), two or more organs_two_or_more (+2).
    points["organs"] = min(int(values["organs"]), ORGANS_COUNTED_AT_MOST)
    breakdown = [{"item": item, "points": points[item]} for item in BREAKDOWN_ORDER]

    # "Unknown" scores like "no" for some items and 0 for others: either way, the answer may
    # change the category once it is known.
    if not eosinophils_known or any(values[item] == "unknown" for item in ANSWER_POINTS):
        warnings.insert(0, message("warning.provisional"))
    return categorised_score(breakdown, BANDS, warnings)


CALCULATOR = Calculator(
    id="regiscar",
    inputs=INPUTS,
    outputs=CATEGORISED_SCORE_OUTPUTS,
    references=(
        Reference(
            "Kardaun SH, Sekula P, Valeyrie-Allanore L, et al. Drug reaction with eosinophilia and systemic symptoms "
            "(DRESS): an original multisystem adverse drug reaction. Results from the prospective RegiSCAR study. "
            "Br J Dermatol. 2013;169(5):1071-1080.",
            doi="10.1111/bjd.12501",
        ),
        Reference(
            "Scoring table as reproduced in Table 2 of Int J Mol Sci. 2021;22:7072 (PMC8268599) and Table 2 of "
            "Cureus. 2024;16(9):e69503.",
            doi="10.7759/cureus.69503",
        ),
    ),
    compute=compute,
    criteria=CRITERIA,
    bands=BANDS,
)
