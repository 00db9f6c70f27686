"""Where things are, and which languages the site has, in one place.

The site's own layout is written once, in ``mkdocs.yml``, and read from there: the content
folder (``docs_dir``), the built site (``site_dir``) and the languages of mkdocs-static-i18n's
``folder`` structure (``plugins: - i18n: languages:``). The default language's pages are at the
root of ``content/``, each other language's in ``content/<code>/``, with the same relative paths.
A language is added by adding it to mkdocs.yml and writing its folder; nothing here changes.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from mkdocs.utils.yaml import yaml_load

REPO_ROOT = Path(__file__).resolve().parent.parent
MKDOCS_CONFIG = REPO_ROOT / "mkdocs.yml"
CALCULATORS_DIR = REPO_ROOT / "calculators"
NODE_PYODIDE_DIR = REPO_ROOT / "node_modules" / "pyodide"


@lru_cache(maxsize=None)
def site_config() -> dict[str, Any]:
    """mkdocs.yml as written (not validated: MkDocs does that when it builds)."""
    with MKDOCS_CONFIG.open(encoding="utf-8") as file:
        return yaml_load(file)


def _languages() -> tuple[str, ...]:
    """The locales mkdocs-static-i18n builds, the default one first."""
    for plugin in site_config().get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            settings = plugin["i18n"]
            break
    else:
        raise SystemExit(f"{MKDOCS_CONFIG}: no `i18n` plugin with its `languages`.")
    if settings.get("docs_structure") != "folder":
        raise SystemExit(f"{MKDOCS_CONFIG}: the i18n plugin must use `docs_structure: folder` (content/<code>/).")
    built = [language for language in settings["languages"] if language.get("build", True)]
    defaults = [language["locale"] for language in built if language.get("default")]
    if len(defaults) != 1:
        raise SystemExit(f"{MKDOCS_CONFIG}: exactly one of the i18n plugin's languages must be `default: true`.")
    return (defaults[0], *(language["locale"] for language in built if language["locale"] != defaults[0]))


CONTENT_DIR = (REPO_ROOT / site_config().get("docs_dir", "docs")).resolve()
DEFAULT_SITE_DIR = (REPO_ROOT / site_config().get("site_dir", "site")).resolve()

#: Languages of the site, the default first, then in mkdocs.yml's order.
LANGUAGES: tuple[str, ...] = _languages()
DEFAULT_LANGUAGE: str = LANGUAGES[0]
#: The languages translated from the default one.
TRANSLATION_LANGUAGES: tuple[str, ...] = LANGUAGES[1:]


def language_folder(language: str) -> str:
    """A language's folder inside ``content/`` and its prefix in the built site: ``""`` for the
    default language, ``"ro/"`` for Romanian."""
    return "" if language == DEFAULT_LANGUAGE else f"{language}/"


def content_root(language: str, content_dir: Path = CONTENT_DIR) -> Path:
    """The folder holding one language's Markdown and message files."""
    return content_dir / language_folder(language)


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
