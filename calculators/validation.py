"""Validate raw form input against a calculator's declaration.

Returns canonical values (numbers converted to the declared canonical unit) and, per field, the
first problem found as a message key with its parameters. Error parameters speak the reader's
unit: a weight typed in pounds is told its range in pounds.
"""
from __future__ import annotations

from typing import Any, Mapping

from .parsing import NotANumber, is_blank, parse_date, parse_number
from .spec import Calculator, ChoiceInput, DateInput, NumberInput, message


def validate(calculator: Calculator, raw: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, Any], list[dict[str, Any]]]:
    """Return ``(values, errors, warnings)`` for ``raw`` input.

    Choice inputs are validated first, because a number's unit selector decides how that
    number is read.
    """
    values: dict[str, Any] = {}
    errors: dict[str, Any] = {}
    warnings: list[dict[str, Any]] = []
    ordered = sorted(calculator.inputs, key=lambda declared: declared.kind != "choice")
    for declared in ordered:
        supplied = raw.get(declared.name)
        if is_blank(supplied):
            if declared.default is not None:
                supplied = declared.default
            elif _blank_refused(declared, values):
                errors[declared.name] = _missing(declared)
                continue
            else:
                values[declared.name] = None
                continue
        if isinstance(declared, ChoiceInput):
            _validate_choice(declared, supplied, values, errors)
        elif isinstance(declared, DateInput):
            try:
                values[declared.name] = parse_date(supplied)
            except ValueError:
                errors[declared.name] = message("error.invalid_date")
        elif isinstance(declared, NumberInput):
            _validate_number(declared, supplied, values, errors, warnings)
    return values, errors, warnings


def _blank_refused(declared: Any, values: Mapping[str, Any]) -> bool:
    """Whether a blank ``declared`` is an error, given the choices validated so far."""
    if isinstance(declared, NumberInput):
        if declared.required_when is not None and declared.required_when.holds(values):
            return True
        if declared.optional_when is not None and declared.optional_when.holds(values):
            return False
    return declared.required


def _missing(declared: Any) -> dict[str, Any]:
    if isinstance(declared, NumberInput):
        return message(declared.missing_error, **declared.missing_params)
    return message("error.required")


def _validate_choice(declared: ChoiceInput, supplied: Any, values: dict[str, Any], errors: dict[str, Any]) -> None:
    text = str(supplied).strip()
    if text not in declared.choices:
        errors[declared.name] = message("error.invalid_choice")
    else:
        values[declared.name] = text


def _validate_number(
    declared: NumberInput,
    supplied: Any,
    values: dict[str, Any],
    errors: dict[str, Any],
    warnings: list[dict[str, Any]],
) -> None:
    unit = declared.unit
    if declared.unit_input is not None:
        unit = values.get(declared.unit_input)
        if unit is None:
            # The unit selector itself is wrong or missing; its own error says so.
            return
    limits = declared.limits[unit]
    try:
        typed = parse_number(supplied)
    except NotANumber:
        errors[declared.name] = message("error.not_a_number")
        return
    if declared.integer and typed != int(typed):
        errors[declared.name] = message("error.not_an_integer")
        return
    # Conversion happens before any comparison, on the unrounded value.
    canonical = typed * limits.factor
    # A tolerance of a few ulps keeps a limit typed in another unit (e.g. 771.6 lb) from being
    # refused because of the conversion's last binary digit.
    tolerance = 1e-9 * max(1.0, abs(declared.maximum))
    if canonical < declared.minimum - tolerance or canonical > declared.maximum + tolerance:
        # The range the message states is the one the form and the inputs table show, computed
        # once in the declaration (spec.UnitLimits): inside the declared range, so every value
        # in it is accepted, and one display step beyond it is not.
        errors[declared.name] = message("error.out_of_range", min=limits.minimum, max=limits.maximum, unit=unit)
        return
    values[declared.name] = canonical
    if limits.warn_below is not None and canonical < declared.warn_below:
        warnings.append(message("warning.implausible_low", field=declared.name, limit=limits.warn_below, unit=unit))
    if limits.warn_above is not None and canonical > declared.warn_above:
        warnings.append(message("warning.implausible_high", field=declared.name, limit=limits.warn_above, unit=unit))
