"""Notes the generator adds around a page's own text, from its front matter.

- the date the page was last reviewed (``last_reviewed``), in the page's language, so a
  reader can judge how current it is;
- on a translated page whose English source changed since it was translated (its
  ``translation_of`` record differs from the English page's code, see site_build.content.translations),
  a notice at the top that the translation may be behind, with a link to the English page.
"""
from __future__ import annotations

import datetime
from html import escape
from pathlib import Path

from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from site_build.content.formatting import fill, format_date
from site_build.content.messages import site_texts
from site_build.content.translations import RECORD_FIELD, UP_TO_DATE, translation_state
from site_build.paths import DEFAULT_LANGUAGE


def review_note(page: Page) -> str:
    reviewed = page.meta.get("last_reviewed")
    if reviewed is None:
        return ""
    if isinstance(reviewed, str):
        reviewed = datetime.date.fromisoformat(reviewed)
    texts = site_texts(page.file.locale)
    return f'<p class="page-reviewed">{escape(fill(texts["last_reviewed"], {"date": format_date(reviewed, texts)}, texts))}</p>'


def translation_notice(page: Page) -> str:
    """The "may be behind the English version" notice for an outdated translated page, else "".

    The English page is the page's alternate in the default language, as mkdocs-static-i18n
    pairs them (``page.file.alternates``).
    """
    language = page.file.locale
    english = page.file.alternates.get(DEFAULT_LANGUAGE)
    if language == DEFAULT_LANGUAGE or english is None:
        return ""
    if translation_state(Path(english.abs_src_path), page.meta.get(RECORD_FIELD)) == UP_TO_DATE:
        return ""
    texts = site_texts(language)
    english_url = get_relative_url(english.url, page.url)
    link = f'<a href="{escape(english_url)}" hreflang="{DEFAULT_LANGUAGE}">{escape(texts["translation_outdated.link"])}</a>'
    body = fill(escape(texts["translation_outdated.text"]), {"link": link}, texts)
    return (
        '<div class="admonition warning translation-outdated" role="note">'
        f'<p class="admonition-title">{escape(texts["translation_outdated.title"])}</p><p>{body}</p></div>'
    )
