"""IVIg dose per cycle: dosing weight, total and daily dose, and infusion volumes.

Equations (all weights in kg, heights in cm, doses in g):

- Ideal body weight, Devine (1974), as given by Pai MP, Paloucek FP, Ann Pharmacother
  2000;34(9):1066-1069, doi:10.1345/aph.19381::

      IBW (male)   = 50.0 + 2.3 x (height in inches - 60)
      IBW (female) = 45.5 + 2.3 x (height in inches - 60),   inches = cm / 2.54

  The formula is defined from 60 inches (152.4 cm) upwards; below that it is not used here.
- Adjusted (dose-determining) weight: ``AdjBW = IBW + 0.4 x (actual - IBW)``.
- Body mass index: ``BMI (kg/m2) = actual weight / (height in m)^2``.
- Total dose per cycle = dose (g/kg) x dosing weight; daily dose = total / days (the cycle is
  divided equally over consecutive days).
- Volume (mL) = grams / concentration in g/mL, with 5% = 0.05 g/mL and 10% = 0.1 g/mL.

- Volume per day per kg = daily volume (mL) / ACTUAL weight (kg): the fluid the patient receives,
  whatever weight the dose was calculated on.

The dose per indication (2 g/kg; TEN 3 g/kg; Kawasaki disease 1.6-2 g/kg; vasculitis with renal
involvement: no default, the reader chooses between the standard dose given more slowly and a
reduced dose such as 1 g/kg) and the days per cycle come from :mod:`calculators.guideline`
(first edition of the EDF/EADV guideline, Enk et al., Eur J Dermatol 2009;19(1):90-98; updated
J Eur Acad Dermatol Venereol 2016;30(10):1657-1669, doi:10.1111/jdv.13725). The guideline doses
on "body weight"; the dosing weight is the actual weight unless the reader chooses ideal or
adjusted weight, a named option that is never applied silently. The safety checks beside the dose
(haemolysis, fluid load, the pre-treatment checklist) come from :mod:`calculators.ivig_safety`.
Choices and readings are recorded in ``provenance/ivig-dose.yaml``.
"""
from __future__ import annotations

import math
from typing import Any, Mapping

from . import ivig_safety
from .guideline import DAYS_MAY_BE_BLANK, DOSE_MUST_BE_GIVEN, INDICATIONS, REGIMENS, days_warnings, REFERENCES as GUIDELINE_REFERENCES
from .spec import Calculator, ChoiceInput, NumberInput, Output, Reference, Result, When, message

KG_PER_LB = 0.45359237  # exact, by definition of the international pound
CM_PER_INCH = 2.54  # exact

# Devine's ideal body weight (Pai & Paloucek 2000).
DEVINE_BASE_KG = {"male": 50.0, "female": 45.5}
DEVINE_KG_PER_INCH = 2.3
DEVINE_REFERENCE_HEIGHT_IN = 60.0
#: Devine's formula is used only from 60 in (152.4 cm) upwards: ``height_cm >= 152.4``.
DEVINE_MIN_HEIGHT_CM = DEVINE_REFERENCE_HEIGHT_IN * CM_PER_INCH
#: Fraction of the weight above IBW counted in the adjusted weight.
ADJUSTMENT_FACTOR = 0.4
#: BMI at or above which the actual-weight dose draws a warning suggesting the adjusted weight:
#: ``bmi >= 30`` (the WHO cut-off for obesity; Ontario's calculator uses "BMI > 30").
OBESITY_BMI = 30.0
#: Days per cycle suggested for patients with renal or cardiac risk (guideline: "over a longer
#: period of time"; lupus with kidney or heart involvement: 5 days).
RISK_DAYS = 5
#: A rounded total that differs from the exact one by more than this fraction draws a warning.
ROUNDING_WARN_FRACTION = 0.10
#: Tolerance for comparing a height converted from inches with 152.4 cm.
_HEIGHT_TOLERANCE_CM = 1e-9

SPEC_INPUTS = (
    ChoiceInput("indication", choices=INDICATIONS),
    # 2-350 kg: the reference sheet's plausible range for an actual body weight (section 6.6),
    # with a warning above 200 kg.
    NumberInput(
        "weight",
        unit="kg",
        minimum=2,
        maximum=350,
        warn_above=200,
        unit_input="weight_unit",
        unit_factors={"kg": 1.0, "lb": KG_PER_LB},
    ),
    ChoiceInput("weight_unit", choices=("kg", "lb"), default="kg"),
    # 45-250 cm (sheet section 6.6). Optional: needed only for BMI, ideal and adjusted weight.
    NumberInput(
        "height",
        unit="cm",
        minimum=45,
        maximum=250,
        required=False,
        unit_input="height_unit",
        unit_factors={"cm": 1.0, "in": CM_PER_INCH},
    ),
    ChoiceInput("height_unit", choices=("cm", "in"), default="cm"),
    # Optional: Devine's formula needs it; the reader may leave it blank and dose on actual weight.
    ChoiceInput("sex", choices=("female", "male"), required=False),
    ChoiceInput("dosing_weight", choices=("actual", "ideal", "adjusted"), default="actual"),
    # Blank means the guideline's dose for the indication, except vasculitis with renal
    # involvement, where the reader must choose (see compute). 3 g/kg (TEN) is the highest dose
    # the guideline names and is a hard cap; 0.2 g/kg is the lowest the reference sheet accepts
    # as a deliberate override.
    NumberInput(
        "dose_g_per_kg",
        unit="g/kg",
        minimum=0.2,
        maximum=3.0,
        required=False,
        required_when=When("indication", DOSE_MUST_BE_GIVEN),
        missing_error="error.dose_choice_needed",
        missing_params={"standard": REGIMENS["vasculitis_renal"].dose_range_g_per_kg[1], "reduced": REGIMENS["vasculitis_renal"].dose_range_g_per_kg[0]},
    ),
    # A cycle is divided over 2-5 days (TEN 3-5); a one-day bolus exists for Kawasaki disease;
    # more than 5 days is outside every regimen. Blank is refused, except for Kawasaki disease,
    # where it means the recommended single infusion (see compute).
    NumberInput("days", unit="days", minimum=1, maximum=5, integer=True, optional_when=When("indication", DAYS_MAY_BE_BLANK)),
    # Only the intravenous strengths: 16.5% and 20% products are subcutaneous and are refused.
    ChoiceInput("concentration_pct", choices=("5", "10"), default="10"),
    ChoiceInput("rounding", choices=("none", "2.5", "5"), default="none"),
    # The guideline's "cardiac or renal impairment" (heart failure, kidney impairment). Vasculitis
    # with renal involvement counts as yes whatever is answered.
    ChoiceInput("renal_cardiac_risk", choices=("no", "yes"), default="no", widget="radio"),
)

OUTPUTS = (
    Output("total_dose_g", unit="g", decimals=1, primary=True),
    Output("total_dose_rounded_g", unit="g", decimals=1),
    Output("daily_dose_g", unit="g", decimals=1),
    Output("days_per_cycle", unit="days", decimals=0),
    Output("dose_g_per_kg_used", unit="g/kg", decimals=2),
    Output("daily_dose_g_per_kg", unit="g/kg/day", decimals=2),
    Output("dosing_weight_kg", unit="kg", decimals=1),
    Output("dosing_weight_basis", kind="category"),
    Output("total_volume_ml", unit="mL", decimals=0),
    Output("daily_volume_ml", unit="mL", decimals=0),
    Output("daily_volume_ml_per_kg", unit="mL/kg/day", decimals=1),
    Output("fluid_weight_basis", kind="category"),
    Output("ibw_kg", unit="kg", decimals=1),
    Output("adjusted_weight_kg", unit="kg", decimals=1),
    Output("bmi", unit="kg/m2", decimals=1),
    Output("pretreatment_checks", kind="notes"),
)


def ideal_body_weight_kg(height_cm: float, sex: str) -> float:
    """Devine's ideal body weight in kg (valid from 152.4 cm; see :data:`DEVINE_MIN_HEIGHT_CM`)."""
    height_in = height_cm / CM_PER_INCH
    return DEVINE_BASE_KG[sex] + DEVINE_KG_PER_INCH * (height_in - DEVINE_REFERENCE_HEIGHT_IN)


def adjusted_body_weight_kg(ideal_kg: float, actual_kg: float) -> float:
    """Adjusted weight: IBW + 0.4 x (actual - IBW)."""
    return ideal_kg + ADJUSTMENT_FACTOR * (actual_kg - ideal_kg)


def body_mass_index(weight_kg: float, height_cm: float) -> float:
    """BMI in kg/m2 from the actual weight."""
    height_m = height_cm / 100.0
    return weight_kg / (height_m * height_m)


def round_to_step(grams: float, step: float) -> float:
    """``grams`` to the nearest multiple of ``step``, halves rounded up (Ontario: nearest 5 g)."""
    return math.floor(grams / step + 0.5) * step


def _devine_applies(height_cm: float) -> bool:
    return height_cm >= DEVINE_MIN_HEIGHT_CM - _HEIGHT_TOLERANCE_CM


def compute(values: Mapping[str, Any]) -> Result:
    regimen = REGIMENS[values["indication"]]
    actual_kg = values["weight"]
    height_cm = values["height"]
    sex = values["sex"]
    requested = values["dosing_weight"]

    # A blank that would change the dose is never filled in silently: the declaration refuses a
    # blank dose for renal vasculitis and blank days outside Kawasaki disease (validation), so
    # only the guideline's own default dose and Kawasaki's single infusion reach this point.
    days = int(values["days"]) if values["days"] is not None else regimen.recommended_days

    if requested != "actual":
        # Ideal or adjusted weight asked for without what Devine needs: say which field is
        # missing instead of quietly dosing on another weight.
        missing = {
            name: message("error.needed_for_dosing_weight")
            for name, value in (("height", height_cm), ("sex", sex))
            if value is None
        }
        if missing:
            return Result(errors=missing)

    warnings: list[dict[str, Any]] = []
    if values["days"] is None:
        warnings.append(message(f"warning.days_default.{regimen.indication}", days=days))

    bmi = body_mass_index(actual_kg, height_cm) if height_cm is not None else None
    ideal_kg = adjusted_kg = None
    if height_cm is not None and sex is not None and _devine_applies(height_cm):
        ideal_kg = ideal_body_weight_kg(height_cm, sex)
        adjusted_kg = adjusted_body_weight_kg(ideal_kg, actual_kg)

    if requested == "actual":
        dosing_kg, basis = actual_kg, "actual"
    elif ideal_kg is None:
        # Height below 152.4 cm: Devine's formula does not hold, the actual weight is used.
        dosing_kg, basis = actual_kg, "actual_short_stature"
        warnings.append(message("warning.fallback_short_stature", requested=requested))
    else:
        candidate_kg = ideal_kg if requested == "ideal" else adjusted_kg
        if candidate_kg > actual_kg:
            # Below the ideal weight both IBW and AdjBW exceed the actual weight; a dosing
            # weight is never above the actual weight.
            dosing_kg, basis = actual_kg, "actual_below_ideal"
            warnings.append(message("warning.fallback_below_ideal", requested=requested))
        else:
            dosing_kg, basis = candidate_kg, requested

    dose_g_per_kg = values["dose_g_per_kg"] if values["dose_g_per_kg"] is not None else regimen.dose_g_per_kg
    total_g = dose_g_per_kg * dosing_kg
    daily_g = total_g / days
    grams_per_ml = float(values["concentration_pct"]) / 100.0

    rounded_g = None
    if values["rounding"] != "none":
        step = float(values["rounding"])
        rounded_g = round_to_step(total_g, step)
        if rounded_g <= 0:
            rounded_g = None
            warnings.append(message("warning.rounding_to_zero", step=step))
        elif abs(rounded_g - total_g) > ROUNDING_WARN_FRACTION * total_g:
            warnings.append(message("warning.rounding_large_change", limit_pct=round(ROUNDING_WARN_FRACTION * 100)))

    low_dose, high_dose = regimen.dose_range_g_per_kg
    if dose_g_per_kg > high_dose:
        warnings.append(message("warning.dose_above_guideline", dose=dose_g_per_kg, max=high_dose, indication=regimen.indication))
    elif dose_g_per_kg < low_dose:
        # Each indication says, in its own words, what its source says about lower doses.
        warnings.append(message(f"warning.dose_below_guideline.{regimen.indication}", dose=dose_g_per_kg, min=low_dose, max=high_dose))
    if regimen.indication == "vasculitis_renal":
        warnings.append(message("warning.renal_vasculitis_rate", standard=high_dose, reduced=low_dose))
    warnings.extend(days_warnings(regimen, days))
    if bmi is not None and bmi >= OBESITY_BMI and requested == "actual":
        warnings.append(message("warning.bmi_consider_adjusted", bmi=round(bmi, 1), threshold=OBESITY_BMI))
    # Heart failure or kidney impairment; renal vasculitis is kidney involvement by definition.
    renal_cardiac_risk = values["renal_cardiac_risk"] == "yes" or regimen.indication == "vasculitis_renal"
    if renal_cardiac_risk and regimen.recommended_days is None:
        if days < RISK_DAYS:
            warnings.append(message("warning.renal_cardiac_more_days", days=days, suggested=RISK_DAYS))
        else:
            warnings.append(message("warning.renal_cardiac_risk"))
    warnings.extend(ivig_safety.haemolysis_warnings(dose_g_per_kg))
    daily_volume_ml = daily_g / grams_per_ml
    fluid_kg, fluid_basis = ivig_safety.fluid_reference_weight(actual_kg, ideal_kg, bmi)
    volume_per_kg = daily_volume_ml / fluid_kg
    warnings.extend(
        ivig_safety.fluid_warnings(
            indication=regimen.indication,
            daily_volume_ml=daily_volume_ml,
            volume_ml_per_kg=volume_per_kg,
            renal_cardiac_risk=renal_cardiac_risk,
            concentration_pct=float(values["concentration_pct"]),
        )
    )

    return Result(
        outputs={
            "total_dose_g": total_g,
            "total_dose_rounded_g": rounded_g,
            "daily_dose_g": daily_g,
            "days_per_cycle": days,
            "dose_g_per_kg_used": dose_g_per_kg,
            "daily_dose_g_per_kg": daily_g / dosing_kg,
            "dosing_weight_kg": dosing_kg,
            "dosing_weight_basis": basis,
            "total_volume_ml": total_g / grams_per_ml,
            "daily_volume_ml": daily_volume_ml,
            "daily_volume_ml_per_kg": volume_per_kg,
            "fluid_weight_basis": fluid_basis,
            "ibw_kg": ideal_kg,
            "adjusted_weight_kg": adjusted_kg,
            "bmi": bmi,
            "pretreatment_checks": ivig_safety.pretreatment_checklist(),
        },
        warnings=warnings,
    )


CALCULATOR = Calculator(
    id="ivig-dose",
    inputs=SPEC_INPUTS,
    outputs=OUTPUTS,
    references=(
        *GUIDELINE_REFERENCES,
        Reference(
            "Pai MP, Paloucek FP. The origin of the \"ideal\" body weight equations. "
            "Ann Pharmacother. 2000;34(9):1066-1069.",
            doi="10.1345/aph.19381",
            pmid="10981254",
        ),
    ),
    compute=compute,
)
