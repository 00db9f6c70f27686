"""Translator-owned message files: ``content/messages/*.yml`` and ``content/ro/messages/*.yml``.

Each file is nested YAML; code uses flat dotted keys (``inputs.weight.label``). Texts may hold
``{placeholders}`` filled at run time. A key the page needs but a file lacks stops the build with
the file to edit, so a half-translated form never ships.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from site_build.paths import content_root

COMMON = "common"


class MissingMessage(KeyError):
    """A message key is needed by a page but absent from the translators' files."""


def messages_dir(language: str) -> Path:
    return content_root(language) / "messages"


def flatten(tree: dict[str, Any], prefix: str = "") -> dict[str, str]:
    """``{"a": {"b": "x"}}`` becomes ``{"a.b": "x"}``."""
    flat: dict[str, str] = {}
    for key, value in tree.items():
        dotted = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(flatten(value, dotted + "."))
        else:
            flat[dotted] = "" if value is None else str(value)
    return flat


@lru_cache(maxsize=None)
def load_file(path: Path) -> dict[str, str]:
    """One message file, flattened. Cached per process; ``serve`` clears the cache on change."""
    if not path.exists():
        return {}
    tree = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(tree, dict):
        raise ValueError(f"{path}: a message file must be a mapping of keys to texts.")
    return flatten(tree)


def catalog(language: str, name: str) -> "Catalog":
    """The common texts (``common.yml``: the calculators' interface, and how the language writes
    numbers and dates) plus one file's texts (a calculator's, ``site``, ``not-found``...), in one
    language."""
    directory = messages_dir(language)
    common = load_file(directory / f"{COMMON}.yml")
    own = load_file(directory / f"{name}.yml")
    return Catalog(language, {**common, **own}, (directory / f"{name}.yml", directory / f"{COMMON}.yml"))


def site_texts(language: str) -> "Catalog":
    """The texts the generator adds around every page (``site.yml``), with the common ones."""
    return catalog(language, "site")


class Catalog:
    """Looks texts up and names the file to fix when one is missing."""

    def __init__(self, language: str, texts: dict[str, str], files: tuple[Path, ...]):
        self.language = language
        self.texts = texts
        self.files = files

    def __getitem__(self, key: str) -> str:
        try:
            return self.texts[key]
        except KeyError:
            names = " or ".join(str(path) for path in self.files)
            raise MissingMessage(f"Message '{key}' is missing: add it to {names}.") from None

    def get(self, key: str, default: str | None = None) -> str | None:
        return self.texts.get(key, default)
