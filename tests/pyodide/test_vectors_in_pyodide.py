"""Depth (b): the shared vectors inside the real Pyodide runtime (Python 3.14) under Node.

Catches what differs between the host's CPython 3.11 and the browser's Python: syntax, stdlib
behaviour, float formatting. The wheel is the one the site build ships.
"""
from __future__ import annotations

import json
import subprocess

import pytest

from site_build import runtime
from tests.conftest import REPO_ROOT
from tests.support import vectors

CASES = list(vectors.all_vectors())


@pytest.fixture(scope="module")
def pyodide_run(tmp_path_factory):
    wheel = runtime.build_wheel(runtime.calculators_digest())
    cases_file = tmp_path_factory.mktemp("pyodide") / "cases.json"
    cases_file.write_text(
        json.dumps(
            [
                {"key": vectors.vector_id(calculator_id, vector), "calculator": calculator_id, "inputs": vector["inputs"]}
                for calculator_id, vector in CASES
            ]
        ),
        encoding="utf-8",
    )
    completed = subprocess.run(
        ["node", str(REPO_ROOT / "tests" / "pyodide" / "run_vectors.mjs"), str(wheel), str(cases_file)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return json.loads(completed.stdout)


def test_runs_the_browsers_python(pyodide_run):
    major, minor, _ = pyodide_run["python"].split(".")
    assert (int(major), int(minor)) >= (3, 14), "the runtime pinned in package.json should be Pyodide's 3.14"


@pytest.mark.parametrize(("calculator_id", "vector"), CASES, ids=[vectors.vector_id(c, v) for c, v in CASES])
def test_vector_in_pyodide(pyodide_run, calculator_id, vector):
    result = pyodide_run["results"][vectors.vector_id(calculator_id, vector)]
    assert vectors.mismatches(result, vector) == []
