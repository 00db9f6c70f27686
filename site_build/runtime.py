"""Put what the reader's browser runs into the built site.

- the ``calculators`` package as a pure-Python wheel (Pyodide installs it with ``loadPackage``);
- the core Pyodide runtime, copied from the exactly pinned npm package into
  ``assets/pyodide/<version>/`` (never into ``content/``);
- a generated ``assets/calculators/config.mjs`` that tells the page and worker modules (theme
  files in ``site_build/theme/assets/calculators/``) where the two above are.

Runtime files live under folders named by version or content hash, so a static host may cache
them for a long time: a new release gets a new address (``IMMUTABLE_PATH``).

The runtime is fetched only by pages with a calculator: only they load the modules that start it
(``page.mjs`` from the generated form, ``session.mjs`` from ``<head>``, see ``start_early``).
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from functools import lru_cache
from pathlib import Path

from mkdocs.utils import get_relative_url

from .paths import CALCULATORS_DIR, NODE_PYODIDE_DIR, pinned_pyodide_version

WHEEL_DISTRIBUTION = "scar_calculators"
WHEEL_VERSION = "0.1.0"

#: The core runtime files loadPyodide() fetches; source maps, typings and the demo consoles
#: are left out.
PYODIDE_FILES = ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json")

#: Site paths (relative to the site root) whose content never changes at that address: the
#: runtime's version folder, the wheel's hash folder and the theme's hashed bundles
#: (``bundle.a5f9d56c.min.js``). One pattern, valid in Python and JavaScript, shared by the
#: static server's cache headers, the service worker and README.md.
IMMUTABLE_PATH = r"^assets/(?:pyodide|wheels)/[^/]+/|\.[0-9a-f]{8}\.min\.(?:js|css)$"

#: Where the service worker is, relative to ``assets/calculators/``; see ``site_build.offline``.
SERVICE_WORKER = "../../sw.js"

_settings = {"service_worker": True}


def configure(*, command: str) -> None:
    """Called once per MkDocs run. ``serve`` (a translator's live preview) registers no service
    worker, and removes one left by a release build at the same address, so a preview is never
    served from an old offline copy. The setting lives here, not in the hooks module, because
    MkDocs reloads the hooks module on every rebuild.
    """
    _settings["service_worker"] = command != "serve"

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


#: 1980-01-01, the earliest time a zip file can hold.
REPRODUCIBLE_TIMESTAMP = 315532800


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
        # Reproducible: the same source gives the same bytes (zip entry times), so a build with
        # no change is the same release to the service worker (site_build.offline).
        env={**os.environ, "SOURCE_DATE_EPOCH": str(REPRODUCIBLE_TIMESTAMP)},
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
        # Written by `python -m site_build build` after MkDocs (site_build.offline); null in `serve`.
        "serviceWorker": SERVICE_WORKER if _settings["service_worker"] else None,
    }
    (scripts_target / "config.mjs").write_text(
        "// Written by site_build.runtime at build time: where the worker finds Pyodide and the calculators.\n"
        + "".join(f"export const {key} = {json.dumps(value)};\n" for key, value in config.items()),
        encoding="utf-8",
    )
    return config


def start_early(html: str, page_url: str) -> str:
    """Load the runtime's session module from the top of the ``<head>`` of a calculator page.

    As an async module it runs as soon as it arrives, before the theme's script and the page's
    first layout hold the main thread; with inputs in the URL fragment (a shared link) it starts
    the worker there and then (``session.mjs``). It is placed right after the charset
    declaration (which must stay in the first 1024 bytes), before the style sheets, so that the
    browser asks for it first. Its one import is fetched alongside it, not after it.

    Not done, because it measured no better (``python -m tests.bench``, issue 12): preload hints
    for the runtime's files. The worker's own requests then waited for the page's downloads, and
    the WebAssembly arrived later, not earlier; on 127.0.0.1 the boot is bound by the processor,
    not the network. Pages without a calculator are left alone: an article downloads none of it.
    """
    if "<form" not in html or 'data-calculator="' not in html:
        return html
    session, python_worker = (get_relative_url(f"assets/calculators/{name}", page_url) for name in ("session.mjs", "python-worker.mjs"))
    tags = f'<script type="module" async src="{session}"></script>\n    <link rel="modulepreload" href="{python_worker}">'
    charset = '<meta charset="utf-8">'
    anchor = charset if charset in html else "<head>"
    return html.replace(anchor, f"{anchor}\n    {tags}", 1)


def _copy_if_changed(source: Path, target: Path) -> None:
    """Copy with its timestamp, skipping a file already there (``serve`` rebuilds often)."""
    if target.exists():
        have, want = target.stat(), source.stat()
        if have.st_size == want.st_size and have.st_mtime_ns == want.st_mtime_ns:
            return
    shutil.copy2(source, target)
