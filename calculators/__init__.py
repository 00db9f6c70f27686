"""Clinical calculators for severe cutaneous adverse drug reactions and high-dose IVIg.

The one public entry point is :func:`evaluate`. It is pure, returns JSON-serialisable data and
never raises for bad input, so that the browser (through Pyodide) and the tests (through
CPython) see exactly the same behaviour. Python returns message keys, never prose.
"""
from __future__ import annotations

import importlib
import math
import pkgutil
from datetime import date
from typing import Any, Mapping

from .spec import Calculator, message
from .validation import validate

__all__ = ["CALCULATORS", "evaluate"]


def _discover() -> dict[str, Calculator]:
    """Every module of this package that declares a ``CALCULATOR``, by calculator id.

    Discovery instead of a hand-kept list: adding a calculator is adding one module.
    """
    found: dict[str, Calculator] = {}
    for module_info in sorted(pkgutil.iter_modules(__path__), key=lambda info: info.name):
        module = importlib.import_module(f"{__name__}.{module_info.name}")
        calculator = getattr(module, "CALCULATOR", None)
        if isinstance(calculator, Calculator):
            if calculator.id in found:
                raise RuntimeError(f"two calculators share the id {calculator.id!r}")
            found[calculator.id] = calculator
    return found


CALCULATORS: dict[str, Calculator] = _discover()


def evaluate(calculator_id: str, inputs: Mapping[str, Any]) -> dict[str, Any]:
    """Validate ``inputs`` for ``calculator_id`` and compute its outputs.

    Returns ``{"ok", "outputs", "band", "warnings", "errors"}``: DESIGN.md's contract, plus
    ``band``, the key of the interpretation band the result falls in (None for a calculator
    without bands, and for a failure), which the page reads for the band's next steps. Errors
    are keyed by input name; errors that concern no single input use the key ``"_form"``.
    """
    calculator = CALCULATORS.get(calculator_id)
    if calculator is None:
        return _failure({"_form": message("error.unknown_calculator", id=str(calculator_id))})
    if not isinstance(inputs, Mapping):
        return _failure({"_form": message("error.invalid_inputs")})
    values, errors, warnings = validate(calculator, inputs)
    if errors:
        return _failure(errors)
    try:
        result = calculator.compute(values)
    except Exception:  # noqa: BLE001 - the contract: bad input never raises, and never shows a number
        return _failure({"_form": message("error.no_result")})
    if result.errors:
        return _failure(result.errors)
    outputs = _jsonable(result.outputs)
    if not _all_finite(outputs):
        # Defence in depth: a number that is not finite must never reach a bedside screen.
        return _failure({"_form": message("error.no_result")})
    if (result.band is None) != (not calculator.bands) or (result.band is not None and result.band not in {band.key for band in calculator.bands}):
        # A result must name one of its calculator's declared bands, or none when it has none.
        return _failure({"_form": message("error.no_result")})
    return {"ok": True, "outputs": outputs, "band": result.band, "warnings": warnings + list(result.warnings), "errors": {}}


def _failure(errors: dict[str, Any]) -> dict[str, Any]:
    return {"ok": False, "outputs": {}, "band": None, "warnings": [], "errors": errors}


def _jsonable(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Mapping):
        return {key: _jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_jsonable(item) for item in value]
    return value


def _all_finite(value: Any) -> bool:
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, Mapping):
        return all(_all_finite(item) for item in value.values())
    if isinstance(value, list):
        return all(_all_finite(item) for item in value)
    return True
