"""Keep one "page not found" per language.

mkdocs-static-i18n builds every language into the same site root and the theme writes its
``404.html`` there each time, so the last language built would win and English readers would
get a Romanian error page. After the default language's build its page is kept; after each
other language's build, that language's page moves to ``<code>/404.html`` and the default one
goes back in place.
"""
from __future__ import annotations

from pathlib import Path

from .paths import DEFAULT_LANGUAGE

_default_page: dict[str, bytes] = {}


def settle_not_found_page(site_dir: Path, language: str) -> None:
    page = site_dir / "404.html"
    if not page.exists():
        return
    key = str(site_dir)
    if language == DEFAULT_LANGUAGE:
        _default_page[key] = page.read_bytes()
        return
    (site_dir / language).mkdir(exist_ok=True)
    page.replace(site_dir / language / "404.html")
    if key in _default_page:
        page.write_bytes(_default_page[key])
