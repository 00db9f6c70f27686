"""The generator's packages depend on each other one way: the build (site_build.pages and what
runs after it) and the translators' check (site_build.check) share site_build.content, and
neither imports the other. Each side is imported in a fresh interpreter, as MkDocs loads the
hooks (by path) and as ``python -m site_build check`` loads the check."""
from __future__ import annotations

import json
import subprocess
import sys

from tests.conftest import REPO_ROOT

LOADED = """
import importlib.util, json, sys
for path in {hooks!r}:
    spec = importlib.util.spec_from_file_location(path, path)
    spec.loader.exec_module(importlib.util.module_from_spec(spec))
for name in {modules!r}:
    __import__(name)
print(json.dumps(sorted(name for name in sys.modules if name.startswith("site_build"))))
"""


def _loaded(hooks: list[str], modules: list[str]) -> list[str]:
    code = LOADED.format(hooks=hooks, modules=modules)
    completed = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True, check=True)
    return json.loads(completed.stdout)


def test_the_build_never_imports_the_check():
    from site_build.paths import site_config

    loaded = _loaded([str(REPO_ROOT / path) for path in site_config()["hooks"]], ["site_build.release", "site_build.runtime"])
    assert "site_build.pages.markers" in loaded and "site_build.release" in loaded
    assert [name for name in loaded if name.startswith("site_build.check")] == []


def test_the_check_never_imports_the_build():
    loaded = _loaded([], ["site_build.check", "site_build.check.outdated"])
    assert "site_build.check.runner" in loaded and "site_build.content.marker_syntax" in loaded
    assert [name for name in loaded if name.startswith(("site_build.pages", "site_build.release", "site_build.runtime"))] == []
