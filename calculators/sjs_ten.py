"""SJS, SJS/TEN overlap or TEN, from the detached body surface area (BSA), with estimation aids.

Classification by detached (detached plus detachable) epidermis, Bastuji-Garin 1993:

    SJS                below 10 % BSA
    SJS/TEN overlap    10 % to 30 % BSA, both limits included ("between 10% and 30%")
    TEN                above 30 % BSA

The area is entered in one of three ways (``method``), never mixed:

- ``direct``:  the detached area in % BSA;
- ``hands``:   BSA % = number of patient-hand areas x factor, where the factor is one of
  ``traditional`` 1.0 % (classic teaching), ``adult_hand`` 0.87 % (adult hand with fingers:
  13 % smaller than 1 %, Rhodes 2013 meta-analysis) or ``palm`` 0.5 % (palm without fingers,
  Rhodes 2013);
- ``regions``: rule of nines for adults, BSA % = sum of (region share x % of that region
  detached / 100), with head and neck 9, each upper limb 9, anterior trunk 18, posterior trunk
  18, each lower limb 18, perineum 1 (total 100). Not valid in young children (Lund-Browder).

An estimate above 100 % (only possible by hand count) is capped at 100 % with a warning.
Morphology matters as well as area (bullous erythema multiforme below 10 %; TEN without spots
above 10 %): every result says so.

References: Bastuji-Garin S et al. Arch Dermatol 1993;129(1):92-96,
doi:10.1001/archderm.1993.01680220104023; Rhodes J et al. Br J Dermatol 2013;169(1):76-84,
doi:10.1111/bjd.12290. See ``provenance/sjs-ten.yaml``.
"""
from __future__ import annotations

from typing import Any, Mapping

from .spec import Band, Calculator, ChoiceInput, Criterion, NumberInput, Output, Reference, Result, message

# Percent of body surface area per hand area, by named method.
HAND_FACTORS_PCT = {
    "traditional": 1.0,  # classic teaching: the patient's hand is about 1 % BSA
    "adult_hand": 0.87,  # Rhodes 2013: the adult whole hand is 13 % smaller than 1 %
    "palm": 0.5,  # Rhodes 2013: the palm alone, about 0.5 %, suits adults
}

# Rule of nines (adults): the share of each region in % BSA. These rows are the table shown
# on the page and the weights used below.
REGIONS = (
    Criterion("head_neck", 9),
    Criterion("left_upper_limb", 9),
    Criterion("right_upper_limb", 9),
    Criterion("anterior_trunk", 18),
    Criterion("posterior_trunk", 18),
    Criterion("left_lower_limb", 18),
    Criterion("right_lower_limb", 18),
    Criterion("perineum", 1),
)

MAXIMUM_BSA_PCT = 100

BANDS = (
    Band("sjs", {"bsa_from_pct": 0, "bsa_to_pct": 10}),
    Band("overlap", {"bsa_from_pct": 10, "bsa_to_pct": 30}),
    Band("ten", {"bsa_from_pct": 30, "bsa_to_pct": MAXIMUM_BSA_PCT}),
)
_BANDS_BY_KEY = {band.key: band for band in BANDS}
OVERLAP_FROM_PCT = _BANDS_BY_KEY["overlap"].values["bsa_from_pct"]  # 10 counts as overlap (>=)
OVERLAP_TO_PCT = _BANDS_BY_KEY["overlap"].values["bsa_to_pct"]  # 30 counts as overlap (<=)

# A product such as 0.87 x n must land on a limit it equals on paper: compare at 1e-9.
COMPARISON_DECIMALS = 9

METHODS = ("direct", "hands", "regions")
_INPUTS_OF_METHOD = {
    "direct": ("bsa_detached",),
    "hands": ("hand_areas", "hand_factor"),
    "regions": tuple(region.key for region in REGIONS),
}

INPUTS = (
    ChoiceInput("method", choices=METHODS, widget="radio"),
    # Required or not depends on the method: compute checks it (an unused field stays blank).
    NumberInput("bsa_detached", unit="percent", minimum=0, maximum=MAXIMUM_BSA_PCT, required=False),
    NumberInput("hand_areas", unit="hand_areas", minimum=0, maximum=200, required=False),
    ChoiceInput("hand_factor", choices=tuple(HAND_FACTORS_PCT), required=False, widget="radio"),
    *(NumberInput(region.key, unit="percent_of_region", minimum=0, maximum=100, required=False) for region in REGIONS),
)


def category_for(bsa_pct: float) -> str:
    """``sjs`` below 10 %, ``overlap`` from 10 % to 30 % inclusive, ``ten`` above 30 %."""
    bsa_pct = round(bsa_pct, COMPARISON_DECIMALS)
    if bsa_pct < OVERLAP_FROM_PCT:
        return "sjs"
    if bsa_pct <= OVERLAP_TO_PCT:
        return "overlap"
    return "ten"


def compute(values: Mapping[str, Any]) -> Result:
    method = values["method"]
    missing = {name: message("error.required") for name in _INPUTS_OF_METHOD[method] if values[name] is None}
    if missing:
        return Result(errors=missing)

    outputs: dict[str, Any] = {}
    if method == "direct":
        breakdown = [{"item": "bsa_detached", "points": values["bsa_detached"]}]
    elif method == "hands":
        factor = HAND_FACTORS_PCT[values["hand_factor"]]
        outputs["hand_factor_pct"] = factor
        breakdown = [{"item": "hand_areas", "points": values["hand_areas"] * factor}]
    else:
        breakdown = [{"item": region.key, "points": region.points * values[region.key] / 100} for region in REGIONS]
    estimated = round(sum(row["points"] for row in breakdown), COMPARISON_DECIMALS)

    warnings = []
    if estimated > MAXIMUM_BSA_PCT:
        warnings.append(message("warning.capped", estimate=estimated))
        estimated = MAXIMUM_BSA_PCT
    ignored = [
        name
        for other, names in _INPUTS_OF_METHOD.items()
        if other != method
        for name in names
        if values[name] is not None
    ]
    if ignored:
        warnings.append(message("warning.other_method_ignored"))
    warnings.append(message("warning.morphology"))

    category = category_for(estimated)
    outputs.update({"bsa_estimated_pct": estimated, "category": category, "breakdown": breakdown})
    return Result(outputs=outputs, warnings=warnings, band=category)


CALCULATOR = Calculator(
    id="sjs-ten",
    inputs=INPUTS,
    outputs=(
        Output("bsa_estimated_pct", kind="percent", decimals=1),
        Output("hand_factor_pct", unit="percent_per_hand", decimals=2),
        Output("category", kind="category"),
        Output("breakdown", kind="breakdown"),
    ),
    references=(
        Reference(
            "Bastuji-Garin S, Rzany B, Stern RS, Shear NH, Naldi L, Roujeau JC. Clinical classification of cases of toxic "
            "epidermal necrolysis, Stevens-Johnson syndrome, and erythema multiforme. Arch Dermatol. 1993;129(1):92-96.",
            doi="10.1001/archderm.1993.01680220104023",
        ),
        Reference(
            "Rhodes J, et al. The surface area of the hand and the palm for estimating percentage of total "
            "body surface area: results of a meta-analysis. Br J Dermatol. 2013;169(1):76-84.",
            doi="10.1111/bjd.12290",
        ),
    ),
    compute=compute,
    criteria=REGIONS,
    bands=BANDS,
)
