"""Shared test vectors: one JSON file per calculator in ``tests/vectors/<calculator-id>.json``.

The same files drive three depths of tests: host CPython (``tests/calculators``), the real
Pyodide runtime under Node (``tests/pyodide``) and the built pages in Chromium
(``tests/browser``). Each depth produces an ``evaluate`` result; :func:`mismatches` judges it.

File format::

    {
      "calculator": "scorten",
      "vectors": [
        {
          "id": "TV-S2",
          "source": "medical-facts.md 1.9, derived [D]",
          "inputs": {"age": "62", "...": "..."},           # strings, as typed in a form
          "expected": {
            "ok": true,
            "outputs": {"score": 4, "mortality_pct": 58.3}, # only the outputs named are checked
            "warnings": ["warning.key"]                      # optional: the exact set of warning keys
          },
          "tolerance": 0.006,                                # optional, absolute, default 0.006
          "warning_params": {"warning.key": {"ml": 1600}}    # optional: parameters a warning must carry
        },
        {
          "id": "weight-zero",
          "inputs": {"weight": "0"},
          "expected": {"ok": false, "errors": {"weight": "error.out_of_range"}}
        }
      ]
    }

For an error vector the set of fields in error must equal ``errors`` exactly, each with the key
given, and no output may be present.

Name at least one input in every vector, blank if need be (``"weight": ""``): the browser run
carries the inputs in the URL fragment, and a page ignores a fragment naming none of its inputs.
"""
from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any, Iterator

VECTORS_DIR = Path(__file__).resolve().parent.parent / "vectors"
DEFAULT_TOLERANCE = 0.006


def vector_files() -> list[Path]:
    return sorted(VECTORS_DIR.glob("*.json"))


def load(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def all_vectors() -> Iterator[tuple[str, dict[str, Any]]]:
    """Every vector of every file, as ``(calculator_id, vector)``."""
    for path in vector_files():
        data = load(path)
        for vector in data["vectors"]:
            yield data["calculator"], vector


def vector_id(calculator_id: str, vector: dict[str, Any]) -> str:
    return f"{calculator_id}:{vector['id']}"


def mismatches(result: dict[str, Any], vector: dict[str, Any], *, warning_params: bool = True) -> list[str]:
    """What differs between an ``evaluate`` result and the vector's expectation (empty: a match).

    ``warning_params=False`` leaves the warnings' parameters unchecked, for a depth that sees only
    the texts they were formatted into (the browser); host Python and Pyodide check them.
    """
    expected = vector["expected"]
    tolerance = vector.get("tolerance", DEFAULT_TOLERANCE)
    problems: list[str] = []
    if result.get("ok") is not expected["ok"]:
        return [f"ok is {result.get('ok')!r}, expected {expected['ok']!r}; errors={result.get('errors')}"]
    if not expected["ok"]:
        if result.get("outputs"):
            problems.append(f"an invalid input produced outputs: {result['outputs']}")
        got = {name: error["key"] for name, error in result.get("errors", {}).items()}
        if got != expected["errors"]:
            problems.append(f"errors {got}, expected {expected['errors']}")
        return problems
    for name, want in expected.get("outputs", {}).items():
        if name not in result["outputs"]:
            problems.append(f"output {name!r} missing")
            continue
        if not _same(result["outputs"][name], want, tolerance):
            problems.append(f"output {name!r} is {result['outputs'][name]!r}, expected {want!r}")
    if "warnings" in expected:
        got_keys = sorted(warning["key"] for warning in result.get("warnings", []))
        if got_keys != sorted(expected["warnings"]):
            problems.append(f"warnings {got_keys}, expected {sorted(expected['warnings'])}")
    if warning_params:
        carried = {warning["key"]: warning.get("params", {}) for warning in result.get("warnings", [])}
        for key, want in vector.get("warning_params", {}).items():
            got = carried.get(key)
            if got is None:
                problems.append(f"warning {key!r} missing, expected with parameters {want}")
            elif not _same({name: got.get(name) for name in want}, want, tolerance):
                problems.append(f"warning {key!r} carries {got}, expected {want}")
    return problems


def _same(got: Any, want: Any, tolerance: float) -> bool:
    if isinstance(want, bool) or want is None or isinstance(want, str):
        return got == want
    if isinstance(want, (int, float)):
        return isinstance(got, (int, float)) and not isinstance(got, bool) and math.isclose(got, want, rel_tol=0, abs_tol=tolerance)
    if isinstance(want, list):
        return isinstance(got, list) and len(got) == len(want) and all(_same(g, w, tolerance) for g, w in zip(got, want))
    if isinstance(want, dict):
        return isinstance(got, dict) and set(got) == set(want) and all(_same(got[k], want[k], tolerance) for k in want)
    return got == want
