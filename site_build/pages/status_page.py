"""The tables of the translation status page (``<!-- translation-status -->``).

Two tables, what needs work first: the pages (each linked in the reader's language where it
exists), then the calculators' message files. Each row gives the state of the Romanian
translation, when each language's file last changed, and what changed in English since the
translation (an excerpt of the English diff). The facts come from the translators' check
(site_build.content.translation_status); the words from ``site.yml`` (``translation_status.*``). On a narrow
screen each row reads as a card, each cell under its column's name (``data-label``, layout.css).
"""
from __future__ import annotations

import datetime
from html import escape

from mkdocs.structure.files import File
from mkdocs.utils import get_relative_url

from site_build.content.formatting import fill, format_date
from site_build.content.messages import Catalog, site_texts
from site_build.content.translation_status import NO_HISTORY, NOT_RECORDED_NOTE, MessageFileStatus, PageStatus, message_statuses, translation_statuses
from site_build.content.translations import MISSING, FileHistory
from site_build.content.tree import ContentTree
from site_build.paths import CONTENT_DIR, DEFAULT_LANGUAGE, TRANSLATION_LANGUAGES, language_folder

from .tables import TABLE_CLASS, table_box

TRANSLATED = TRANSLATION_LANGUAGES[0]
NOTES = {NO_HISTORY: "translation_status.no_history", NOT_RECORDED_NOTE: "translation_status.not_recorded"}


def page_url(relative: str, language: str, use_directory_urls: bool = True) -> str:
    """The URL MkDocs gives the page ``relative`` of ``language`` (its own rule, not ours)."""
    return File(language_folder(language) + relative, None, "", use_directory_urls).url


def translation_status_table(language: str, current_page_url: str, *, use_directory_urls: bool = True) -> str:
    texts = site_texts(language)
    tree = ContentTree(CONTENT_DIR)
    history = FileHistory()
    pages = [_page_row(status, texts, language, current_page_url, use_directory_urls) for status in translation_statuses(tree, history=history)]
    files = [_file_row(status, texts) for status in message_statuses(tree, history=history)]
    return _table(texts, "translation_status.pages", "translation_status.page", pages) + _table(
        texts, "translation_status.message_files", "translation_status.file", files
    )


def _page_row(status: PageStatus, texts: Catalog, language: str, current_page_url: str, use_directory_urls: bool) -> str:
    shown_in = language if language in status.titles else next(iter(status.titles))
    href = get_relative_url(page_url(status.relative, shown_in, use_directory_urls), current_page_url)
    name = f'<a href="{escape(href)}" hreflang="{shown_in}">{escape(status.titles[shown_in])}</a>'
    if status.state == MISSING and TRANSLATED not in status.titles:
        changes = f"<p>{escape(texts['translation_status.missing_page'])}</p>"
    else:
        changes = _changes(status.changes, status.more_changes, status.note, texts)
    return _row(status.state, name, status.last_changed, changes, texts)


def _file_row(status: MessageFileStatus, texts: Catalog) -> str:
    name = f"<code>{escape(status.name)}</code>"
    if TRANSLATED not in status.last_changed:
        changes = f"<p>{escape(texts['translation_status.missing_file'])}</p>"
    else:
        changes = _changes(status.changes, status.more_changes, status.note, texts)
        if status.missing_keys:
            keys = ", ".join(f"<code>{escape(key)}</code>" for key in status.missing_keys)
            changes = f"<p>{fill(escape(texts['translation_status.missing_keys']), {'keys': keys}, texts)}</p>" + changes
    return _row(status.state, name, status.last_changed, changes, texts)


def _row(state: str, name: str, last_changed: dict[str, datetime.date], changes: str, texts: Catalog) -> str:
    def label(key: str) -> str:
        return escape(texts[f"translation_status.{key}"], quote=True)

    cells = [
        f'<th scope="row" data-label="{label("page")}">{name}</th>',
        f'<td data-label="{label("state")}"><span class="translation-state">{escape(texts[f"translation_status.{state}"])}</span></td>',
        f'<td data-label="{label("english_changed")}">{_date(last_changed.get(DEFAULT_LANGUAGE), texts)}</td>',
        f'<td data-label="{label("translated_changed")}">{_date(last_changed.get(TRANSLATED), texts)}</td>',
        f'<td data-label="{label("changes")}">{changes}</td>',
    ]
    return f'<tr class="translation-{state}">{"".join(cells)}</tr>'


def _date(day: datetime.date | None, texts: Catalog) -> str:
    if day is None:
        return "—"
    return f'<time datetime="{day.isoformat()}">{escape(format_date(day, texts))}</time>'


def _changes(lines: tuple[str, ...], more: int, note: str | None, texts: Catalog) -> str:
    if note:
        return f"<p>{escape(texts[NOTES[note]])}</p>"
    if not lines:
        return ""
    shown = "\n".join(
        f"<del>{escape(_sign(line))}</del>" if line.startswith("-") else f"<ins>{escape(_sign(line))}</ins>" for line in lines
    )
    html = f'<pre class="translation-changes"><code>{shown}</code></pre>'
    if more:
        html += f"<p>{escape(fill(texts['translation_status.more_changes'], {'count': more}, texts))}</p>"
    return html


def _sign(line: str) -> str:
    """A diff line with a sign a reader sees, − (minus) for a removed line, + for an added one;
    the line's own indentation (Markdown's, inside a box or a list) is left out."""
    return ("\u2212 " if line.startswith("-") else "+ ") + line[1:].strip()


def _table(texts: Catalog, caption_key: str, first_column_key: str, rows: list[str]) -> str:
    columns = (first_column_key, "translation_status.state", "translation_status.english_changed", "translation_status.translated_changed", "translation_status.changes")
    head = "".join(f'<th scope="col">{escape(texts[key])}</th>' for key in columns)
    return table_box(
        f'<table class="{TABLE_CLASS} translation-status"><caption>{escape(texts[caption_key])}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    )
