"""Where things are, in one place, so no module guesses a path of its own."""
from __future__ import annotations

import json
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
CONTENT_DIR = REPO_ROOT / "content"
CALCULATORS_DIR = REPO_ROOT / "calculators"
THEME_DIR = Path(__file__).resolve().parent / "theme"
NODE_PYODIDE_DIR = REPO_ROOT / "node_modules" / "pyodide"
MKDOCS_CONFIG = REPO_ROOT / "mkdocs.yml"
DEFAULT_SITE_DIR = REPO_ROOT / "site"

#: Languages of the site: the default first. The folder of a language's content is
#: ``content/`` for the default and ``content/<code>/`` for the others.
LANGUAGES = ("en", "ro")
DEFAULT_LANGUAGE = "en"


def content_root(language: str) -> Path:
    """The folder holding one language's Markdown and message files."""
    return CONTENT_DIR if language == DEFAULT_LANGUAGE else CONTENT_DIR / language


def pinned_pyodide_version() -> str:
    """The exact Pyodide version pinned in package.json, checked against what npm installed.

    The wasm, the JavaScript and pyodide-lock.json must come from one release, so a mismatch
    between the pin and node_modules stops the build with the command that fixes it.
    """
    pinned = json.loads((REPO_ROOT / "package.json").read_text(encoding="utf-8"))["dependencies"]["pyodide"]
    installed_manifest = NODE_PYODIDE_DIR / "package.json"
    if not installed_manifest.exists():
        raise SystemExit("The Pyodide runtime is not installed: run `npm ci` in the repository root.")
    installed = json.loads(installed_manifest.read_text(encoding="utf-8"))["version"]
    if installed != pinned:
        raise SystemExit(f"node_modules has Pyodide {installed} but package.json pins {pinned}: run `npm ci`.")
    return pinned
