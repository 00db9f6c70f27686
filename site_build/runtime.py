"""Put what the reader's browser runs into the built site.

- the ``calculators`` package as a pure-Python wheel (Pyodide installs it with ``loadPackage``);
- the core Pyodide runtime, copied from the exactly pinned npm package into
  ``assets/pyodide/<version>/`` (never into ``content/``);
- a generated ``assets/calculators/config.mjs`` that tells the page and worker modules (theme
  files in ``site_build/theme/assets/calculators/``) where the two above are.

Runtime files live under folders named by version or content hash, so a static host may cache
them for a long time: a new release gets a new address.
"""
from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

from .paths import CALCULATORS_DIR, NODE_PYODIDE_DIR, pinned_pyodide_version

WHEEL_DISTRIBUTION = "scar_calculators"
WHEEL_VERSION = "0.1.0"

#: The core runtime files loadPyodide() fetches; source maps, typings and the demo consoles
#: are left out.
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")

_PYPROJECT = f"""\
[build-system]
requires = ["setuptools"]
build-backend = "setuptools.build_meta"

[project]
name = "{WHEEL_DISTRIBUTION}"
version = "{WHEEL_VERSION}"
description = "Clinical calculators for severe cutaneous adverse drug reactions and high-dose IVIg"
requires-python = ">=3.11"

[tool.setuptools]
packages = ["calculators"]
"""


def calculators_digest() -> str:
    """A hash of the calculators' source, so the wheel's address changes when its code does."""
    digest = hashlib.sha256()
    for path in sorted(CALCULATORS_DIR.rglob("*.py")):
        digest.update(path.relative_to(CALCULATORS_DIR).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@lru_cache(maxsize=4)
def build_wheel(source_digest: str) -> Path:
    """Build the wheel once per source version and process (``serve`` rebuilds on change).

    The package is staged in a temporary folder with a generated pyproject.toml, so the build
    leaves nothing behind in the repository, and built without isolation from the pinned
    setuptools in the virtualenv: no network at build time.
    """
    workdir = Path(tempfile.mkdtemp(prefix="scar-wheel-"))
    staging = workdir / "src"
    shutil.copytree(CALCULATORS_DIR, staging / "calculators", ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    (staging / "pyproject.toml").write_text(_PYPROJECT, encoding="utf-8")
    outdir = workdir / "dist"
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(outdir), str(staging)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    (wheel,) = outdir.glob("*.whl")
    return wheel


def install_browser_runtime(site_dir: Path) -> dict[str, str]:
    """Copy the runtime, the wheel and the page scripts into ``site_dir``; return the config."""
    version = pinned_pyodide_version()
    pyodide_target = site_dir / "assets" / "pyodide" / version
    pyodide_target.mkdir(parents=True, exist_ok=True)
    for name in PYODIDE_FILES:
        _copy_if_changed(NODE_PYODIDE_DIR / name, pyodide_target / name)

    digest = calculators_digest()
    wheel = build_wheel(digest)
    wheel_target = site_dir / "assets" / "wheels" / digest / wheel.name
    wheel_target.parent.mkdir(parents=True, exist_ok=True)
    _copy_if_changed(wheel, wheel_target)

    # The page and worker modules are theme files (site_build/theme/assets/calculators/), which
    # MkDocs copies itself; only the generated config is written here.
    scripts_target = site_dir / "assets" / "calculators"
    scripts_target.mkdir(parents=True, exist_ok=True)
    config = {
        "pyodideIndex": f"../pyodide/{version}/",
        "wheel": f"../wheels/{digest}/{wheel.name}",
        "pyodideVersion": version,
    }
    (scripts_target / "config.mjs").write_text(
        "// Written by site_build.runtime at build time: where the worker finds Pyodide and the calculators.\n"
        + "".join(f"export const {key} = {json.dumps(value)};\n" for key, value in config.items()),
        encoding="utf-8",
    )
    return config


def _copy_if_changed(source: Path, target: Path) -> None:
    """Copy with its timestamp, skipping a file already there (``serve`` rebuilds often)."""
    if target.exists():
        have, want = target.stat(), source.stat()
        if have.st_size == want.st_size and have.st_mtime_ns == want.st_mtime_ns:
            return
    shutil.copy2(source, target)
