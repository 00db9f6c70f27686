"""The page's worker lifecycle (python-worker.mjs): boot stages, failures and the watchdog that
replaces a stuck worker, run under Node's test runner with a fake Worker and fake timers."""
from __future__ import annotations

import subprocess

from tests.conftest import REPO_ROOT


def test_worker_lifecycle_cases_pass_under_node():
    completed = subprocess.run(
        ["node", "--test", str(REPO_ROOT / "tests" / "site_build" / "python_worker_cases.mjs")],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert completed.returncode == 0, completed.stdout + completed.stderr
