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
from typing import Any, Mapping

from mkdocs.utils import get_relative_url

from site_build.content import messages
from site_build.content.translations import RECORD_FIELD, UP_TO_DATE, translation_state
from site_build.paths import DEFAULT_LANGUAGE, content_root

from .tables import fill


def site_texts(language: str) -> messages.Catalog:
    directory = messages.messages_dir(language)
    path = directory / "site.yml"
    return messages.Catalog(language, messages.load_file(path), (path,))


def format_date(day: datetime.date, texts: messages.Catalog) -> str:
    return f"{day.day} {texts[f'months.{day.month}']} {day.year}"


def review_note(meta: Mapping[str, Any], language: str) -> str:
    reviewed = meta.get("last_reviewed")
    if reviewed is None:
        return ""
    if isinstance(reviewed, str):
        reviewed = datetime.date.fromisoformat(reviewed)
    texts = site_texts(language)
    return f'<p class="page-reviewed">{escape(fill(texts["last_reviewed"], {"date": format_date(reviewed, texts)}, language))}</p>'


def translation_notice(meta: Mapping[str, Any], language: str, source: str, page_url: str) -> str:
    """The "may be behind the English version" notice for an outdated translated page, else "".

    ``source`` is the page's path in ``content/`` (``ro/conditions/dress.md``), ``page_url`` its
    URL in the built site (``ro/conditions/dress/``).
    """
    if language == DEFAULT_LANGUAGE:
        return ""
    english_source = content_root(DEFAULT_LANGUAGE) / source.removeprefix(f"{language}/")
    if not english_source.is_file() or translation_state(english_source, meta.get(RECORD_FIELD)) == UP_TO_DATE:
        return ""
    texts = site_texts(language)
    english_url = get_relative_url(page_url.removeprefix(f"{language}/"), page_url)
    link = f'<a href="{escape(english_url)}" hreflang="{DEFAULT_LANGUAGE}">{escape(texts["translation_outdated.link"])}</a>'
    body = fill(escape(texts["translation_outdated.text"]), {"link": link}, language)
    return (
        '<div class="admonition warning translation-outdated" role="note">'
        f'<p class="admonition-title">{escape(texts["translation_outdated.title"])}</p><p>{body}</p></div>'
    )
