"""Notes the generator adds around a page's own text, from its front matter.

- the date the page was last reviewed (``last_reviewed``), in the page's language, so a
  reader can judge how current it is.
"""
from __future__ import annotations

import datetime
from html import escape
from typing import Any, Mapping

from . import messages
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
