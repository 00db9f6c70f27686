"""The table of the translation status page (``<!-- translation-status -->``).

One row per page, linked in the reader's language where the page exists, with the state of its
Romanian translation. The states come from the translators' check (site_build.check.status);
the words from ``site.yml`` (``translation_status.*``).
"""
from __future__ import annotations

from html import escape

from mkdocs.utils import get_relative_url

from .check.status import translation_statuses
from .check.tree import ContentTree
from .messages import Catalog
from .page_notes import site_texts
from .paths import CONTENT_DIR, DEFAULT_LANGUAGE


def page_url(relative: str, language: str) -> str:
    """The URL MkDocs gives a page (``use_directory_urls``), with the language's prefix."""
    stem = relative.removesuffix(".md")
    if stem == "index":
        path = ""
    elif stem.endswith("/index"):
        path = stem.removesuffix("index")
    else:
        path = stem + "/"
    prefix = "" if language == DEFAULT_LANGUAGE else f"{language}/"
    return prefix + path


def translation_status_table(language: str, current_page_url: str) -> str:
    texts = site_texts(language)
    rows = []
    for status in translation_statuses(ContentTree(CONTENT_DIR)):
        shown_in = language if language in status.titles else next(iter(status.titles))
        href = get_relative_url(page_url(status.relative, shown_in), current_page_url)
        title = escape(status.titles[shown_in])
        state = escape(texts[f"translation_status.{status.state}"])
        rows.append(f'<tr class="translation-{status.state}"><td><a href="{escape(href)}">{title}</a></td><td>{state}</td></tr>')
    return _table(texts, rows)


def _table(texts: Catalog, rows: list[str]) -> str:
    head = "".join(f'<th scope="col">{escape(texts[key])}</th>' for key in ("translation_status.page", "translation_status.state"))
    return (
        '<div class="md-typeset__table"><table class="translation-status">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table></div>"
    )
