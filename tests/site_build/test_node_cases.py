"""The page's own JavaScript modules, run under Node's test runner beside this file:

- ``python_worker_cases.mjs``: the worker lifecycle (python-worker.mjs): boot stages, failures
  and the watchdog that replaces a stuck worker, with a fake Worker and fake timers;
- ``format_cases.mjs``: number, sign, date and message formatting (format.mjs) on the cases
  its Python twin passes too (``format_cases.json``, test_formatting.py), numbers checked against
  Intl.NumberFormat in both site languages;
- ``units_cases.mjs``: a typed number converted when its unit changes (units.mjs).
"""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

CASES = sorted(Path(__file__).parent.glob("*_cases.mjs"))


def test_every_case_file_is_found():
    assert {path.name for path in CASES} >= {"python_worker_cases.mjs", "format_cases.mjs", "units_cases.mjs"}


@pytest.mark.parametrize("cases", CASES, ids=lambda path: path.stem)
def test_cases_pass_under_node(cases):
    completed = subprocess.run(["node", "--test", str(cases)], cwd=REPO_ROOT, capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stdout + completed.stderr
