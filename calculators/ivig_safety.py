"""What a pharmacist checks before a high-dose IVIg cycle: haemolysis, fluid load, and the
pre-treatment checklist. The IVIg dose calculator shows these beside the dose.

Each number is a named constant with its source; the texts are the translators' (message keys in
``content/messages/ivig-dose.yml``), and every number a text shows arrives as a parameter from
here, so the message files hold no clinical figure.

Sources:

- Haemolysis. US prescribing information of IVIg products (e.g. Privigen, CSL Behring, "Hemolysis"
  precaution, 2012 labelling change): risk factors are high doses (2 g/kg or more) and non-O blood
  group, the role of an underlying inflammatory state being uncertain; in patients at higher risk,
  measure haemoglobin or haematocrit before the infusion and about 36 to 96 hours after it.
  Padmore R. Possible mechanisms for intravenous immunoglobulin-associated hemolysis: clues
  obtained from review of clinical case reports. Transfusion 2015;55 Suppl 2:S59-S64,
  doi:10.1111/trf.13090 (129 cases: non-O blood group, high-dose IVIg for an inflammatory or
  immune-mediated disorder). Pavenski K, Callum J, Sampson Riden L, et al. Transfusion
  2021;61(4):1053-1063, doi:10.1111/trf.16232, PMID 33433931: 99 infusions of >= 2 g/kg in non-O
  patients, haemolysis after 32%, apparent 5 to 10 days after the infusion in 84% of cases; the
  authors suggest monitoring for 5 to 10 days. The dose at which the calculator warns, 2 g/kg per
  cycle, is the labels' "high dose", the dose that study enrolled, and the one the Canadian
  surveillance group calls highest risk.
- Fluid. NICE clinical guideline CG174, Intravenous fluid therapy in adults in hospital (2013,
  updated 2017), recommendation on routine maintenance: 25-30 mL/kg/day of water; consider less,
  for example 20-25 mL/kg/day, for patients who are older or frail, have renal impairment or
  cardiac failure. The infusion's daily volume is compared with these figures per kilogram of the
  patient's ACTUAL weight (fluid goes to the whole patient, whatever weight the dose was
  calculated on), except in obesity (BMI >= 30, height and sex known), where it is taken per
  kilogram of Devine's ideal weight: our conservative choice, not a published rule, because a
  per-kilogram figure on an obese patient's actual weight understates the load (the infusion
  adds the same volume per kg of dose, whatever the fat mass). CG174 covers adults (16 and
  over), so the comparison is not made for Kawasaki disease, a disease of children; the texts
  say "for adults".
- Checklist. The same labels (contraindication in IgA-deficient patients with antibodies against
  IgA and a history of hypersensitivity; boxed warning on thrombosis and on renal dysfunction and
  acute renal failure, with their risk factors; adequate hydration before infusion; passively
  transferred antibodies that can confuse later blood grouping and antiglobulin tests; blunted
  response to live virus vaccines such as measles, mumps, rubella and varicella) and Guo Y,
  Tian X, Wang X, Xiao Z. Adverse effects of immunoglobulin therapy. Front Immunol 2018;9:1299,
  doi:10.3389/fimmu.2018.01299.
"""
from __future__ import annotations

from typing import Any

from .spec import message

#: Dose per cycle (g/kg) at or above which the haemolysis warning shows: ``dose >= 2.0``.
HAEMOLYSIS_DOSE_G_PER_KG = 2.0
#: Hours after the infusion when the labels ask for haemoglobin again in higher-risk patients.
HAEMOGLOBIN_RECHECK_HOURS = (36, 96)
#: Days after the infusion when most haemolysis became apparent in the 2021 prospective study.
HAEMOLYSIS_APPARENT_DAYS = (5, 10)

#: NICE CG174 routine maintenance water for adults, mL/kg/day (lower and upper figure).
MAINTENANCE_ML_PER_KG_DAY = (25, 30)
#: NICE CG174's example of "less fluid" for older or frail patients and those with renal
#: impairment or cardiac failure, mL/kg/day.
AT_RISK_MAINTENANCE_ML_PER_KG_DAY = (20, 25)
#: Daily infusion volume per kg of actual weight at or above which the fluid warning shows for
#: every adult: the lower end of NICE's allowance for at-risk patients (``>= 20``). A patient
#: flagged with renal or cardiac risk is warned at any volume.
FLUID_WARNING_ML_PER_KG_DAY = AT_RISK_MAINTENANCE_ML_PER_KG_DAY[0]
#: Indications whose patients are children, for whom the adult fluid figures do not apply.
PAEDIATRIC_INDICATIONS = frozenset({"kawasaki"})
#: BMI (kg/m2) from which the volume per kg is taken on the ideal weight: ``bmi >= 30``.
FLUID_IDEAL_WEIGHT_FROM_BMI = 30.0
#: Age from which the labels count age itself as a risk factor for renal dysfunction.
RENAL_RISK_AGE_YEARS = 65

#: The pre-treatment checklist, in the order a prescriber works through it. Each key is a text
#: ``outputs.pretreatment_checks.values.<key>`` that names its own source.
CHECKLIST = ("blood_group", "iga", "kidney", "haemoglobin", "thrombosis", "hydration", "vaccines")


def haemolysis_warnings(dose_g_per_kg: float) -> list[dict[str, Any]]:
    """The haemolysis warning for a dose of 2 g/kg per cycle or more (TEN's 3 g/kg included)."""
    if dose_g_per_kg < HAEMOLYSIS_DOSE_G_PER_KG:
        return []
    hours_from, hours_to = HAEMOGLOBIN_RECHECK_HOURS
    days_from, days_to = HAEMOLYSIS_APPARENT_DAYS
    return [
        message(
            "warning.haemolysis_high_dose",
            threshold=HAEMOLYSIS_DOSE_G_PER_KG,
            hours_from=hours_from,
            hours_to=hours_to,
            days_from=days_from,
            days_to=days_to,
        )
    ]


def fluid_reference_weight(actual_kg: float, ideal_kg: float | None, bmi: float | None) -> tuple[float, str]:
    """The weight the day's volume is counted per kilogram of, and its name.

    The actual weight, except in obesity (``bmi >= 30`` with Devine's ideal weight known and
    below the actual weight), where the ideal weight is used: see the module docstring.
    """
    if bmi is not None and bmi >= FLUID_IDEAL_WEIGHT_FROM_BMI and ideal_kg is not None and ideal_kg < actual_kg:
        return ideal_kg, "ideal_obese"
    return actual_kg, "actual"


def fluid_warnings(
    *, indication: str, daily_volume_ml: float, volume_ml_per_kg: float, renal_cardiac_risk: bool, concentration_pct: float
) -> list[dict[str, Any]]:
    """The fluid-load warning for adults: at >= 20 mL/kg/day, or at any volume with heart failure
    or kidney impairment; plus, with a 5% product, the reminder that a product twice as
    concentrated halves the volume. Kawasaki disease (children) gets its own text instead."""
    if indication in PAEDIATRIC_INDICATIONS:
        if renal_cardiac_risk:
            return [message("warning.kawasaki_renal_cardiac", ml=round(daily_volume_ml), ml_per_kg=round(volume_ml_per_kg, 1))]
        return []
    if not renal_cardiac_risk and volume_ml_per_kg < FLUID_WARNING_ML_PER_KG_DAY:
        return []
    low, high = MAINTENANCE_ML_PER_KG_DAY
    risk_low, risk_high = AT_RISK_MAINTENANCE_ML_PER_KG_DAY
    figures = {
        "ml": round(daily_volume_ml),
        "ml_per_kg": round(volume_ml_per_kg, 1),
        "maintenance_min": low,
        "maintenance_max": high,
        "at_risk_min": risk_low,
        "at_risk_max": risk_high,
    }
    if renal_cardiac_risk:
        warnings = [message("warning.fluid_load_renal_cardiac", **figures)]
    else:
        warnings = [message("warning.fluid_load", threshold=FLUID_WARNING_ML_PER_KG_DAY, **figures)]
    if concentration_pct < 10:
        warnings.append(message("warning.fluid_use_10_percent", pct=concentration_pct, ml=round(daily_volume_ml / 2)))
    return warnings


def pretreatment_checklist() -> list[dict[str, Any]]:
    """The checks before a cycle, each a message key with the numbers its text shows."""
    hours_from, hours_to = HAEMOGLOBIN_RECHECK_HOURS
    days_from, days_to = HAEMOLYSIS_APPARENT_DAYS
    params = {
        "kidney": {"age": RENAL_RISK_AGE_YEARS},
        "haemoglobin": {"hours_from": hours_from, "hours_to": hours_to, "days_from": days_from, "days_to": days_to},
    }
    return [{"key": key, "params": params.get(key, {})} for key in CHECKLIST]
