"""The state of each translation, for the site's translation status page.

Three states, for each page and each message file: ``missing`` (a twin page or file does not
exist, or the Romanian file lacks some of the English keys), ``outdated`` (the English changed
since it was translated), ``up_to_date``. What needs work sorts first.

- A page's state comes from its ``translation_of`` record (site_build.content.translations); what
  changed is an excerpt of the English diff since the recorded version, from git.
- A message file records no version: its English texts are compared with the English file as
  it was when the Romanian file last changed (from git), key by key. Without git history the
  file's modification times are compared and what changed cannot be shown.

Each entry also says when each language's file last changed: the date of its last commit, or,
for a file with uncommitted changes or outside git, its modification time.
"""
from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from mkdocs.utils.meta import get_data

from site_build.paths import DEFAULT_LANGUAGE, TRANSLATION_LANGUAGES

from .messages import flatten
from .translations import MISSING, NOT_RECORDED, OUTDATED, RECORD_FIELD, UP_TO_DATE, FileHistory, english_diff, translation_state
from .tree import ContentTree

#: Most work first.
STATE_ORDER = {MISSING: 0, OUTDATED: 1, UP_TO_DATE: 2}
#: How much of what changed the status page shows: changed lines, and characters per line.
EXCERPT_LINES = 8
EXCERPT_WIDTH = 160

#: Why no excerpt of what changed can be shown.
NO_HISTORY = "no_history"  # the English version the translation records is not in git
NOT_RECORDED_NOTE = "not_recorded"  # the translation records no English version


@dataclass(frozen=True)
class PageStatus:
    relative: str  # the page's path from its language's root, e.g. ``conditions/dress.md``
    state: str  # up_to_date, outdated or missing
    titles: dict[str, str]  # language -> front matter title, for the languages the page exists in
    last_changed: dict[str, datetime.date] = field(default_factory=dict)  # language -> date
    changes: tuple[str, ...] = ()  # an excerpt of the English diff since the translated version
    more_changes: int = 0  # changed lines left out of ``changes``
    note: str | None = None  # NO_HISTORY or NOT_RECORDED_NOTE when no excerpt can be shown


@dataclass(frozen=True)
class MessageFileStatus:
    name: str  # the file's name in each language's messages/ folder, e.g. ``scorten.yml``
    state: str
    last_changed: dict[str, datetime.date] = field(default_factory=dict)
    missing_keys: tuple[str, ...] = ()  # English keys the Romanian file lacks
    changes: tuple[str, ...] = ()  # "- key: old" / "+ key: new" for English texts changed since
    more_changes: int = 0
    note: str | None = None  # NO_HISTORY when git cannot tell what changed


def translation_statuses(tree: ContentTree, *, history: FileHistory | None = None) -> list[PageStatus]:
    """Every page of either language, what needs work first, then by path."""
    history = history or FileHistory()
    statuses = []
    for relative in tree.all_page_paths():
        metas = {language: front_matter(tree.page_path(language, relative)) for language in (DEFAULT_LANGUAGE, *TRANSLATION_LANGUAGES)}
        titles = {
            language: str(meta.get("title") or relative)
            for language, meta in metas.items()
            if meta is not None
        }
        last_changed = {
            language: history.last_changed(tree.page_path(language, relative)) for language in metas if metas[language] is not None
        }
        if len(titles) < len(metas):
            statuses.append(PageStatus(relative, MISSING, titles, last_changed))
            continue
        english_path = tree.page_path(DEFAULT_LANGUAGE, relative)
        states, changes, more, note = set(), (), 0, None
        for language in TRANSLATION_LANGUAGES:
            recorded = metas[language].get(RECORD_FIELD)
            language_state = translation_state(english_path, recorded)
            states.add(language_state)
            if language_state == NOT_RECORDED:
                note = NOT_RECORDED_NOTE
            elif language_state == OUTDATED:
                diff = english_diff(english_path, recorded)
                if diff is None:
                    note = NO_HISTORY
                else:
                    changes, more = excerpt(diff)
        state = OUTDATED if states & {OUTDATED, NOT_RECORDED} else states.pop()
        statuses.append(PageStatus(relative, state, titles, last_changed, changes, more, note))
    return sorted(statuses, key=lambda status: (STATE_ORDER[status.state], status.relative))


def message_statuses(tree: ContentTree, *, history: FileHistory | None = None) -> list[MessageFileStatus]:
    """Every message file of either language, what needs work first, then by name."""
    history = history or FileHistory()
    statuses = []
    for name in tree.all_message_names():
        english_path = tree.message_file(DEFAULT_LANGUAGE, name)
        for language in TRANSLATION_LANGUAGES:
            translated_path = tree.message_file(language, name)
            paths = {DEFAULT_LANGUAGE: english_path, language: translated_path}
            last_changed = {code: history.last_changed(path) for code, path in paths.items() if path.is_file()}
            if not english_path.is_file() or not translated_path.is_file():
                statuses.append(MessageFileStatus(name, MISSING, last_changed))
                continue
            english = _texts(english_path.read_text(encoding="utf-8"))
            missing = tuple(key for key in english if key not in _texts(translated_path.read_text(encoding="utf-8")))
            changes, more, note = (), 0, None
            translated_at = history.last_changed_time(translated_path)
            if history.changed_after(english_path, translated_at):
                old_text = history.text_at(english_path, translated_at)
                if old_text is None:
                    note = NO_HISTORY
                else:
                    changes, more = excerpt(_key_changes(_texts(old_text), english))
            state = MISSING if missing else OUTDATED if changes or note else UP_TO_DATE
            statuses.append(MessageFileStatus(name, state, last_changed, missing, changes, more, note))
    return sorted(statuses, key=lambda status: (STATE_ORDER[status.state], status.name))


def front_matter(path: Path) -> dict | None:
    """A page's front matter as MkDocs reads it (``page.meta``), or None when there is no page."""
    if not path.is_file():
        return None
    return get_data(path.read_bytes().decode("utf-8", errors="replace"))[1]


def excerpt(diff_lines: list[str]) -> tuple[tuple[str, ...], int]:
    """The first changed lines of a diff ("-" removed, "+" added), shortened; and how many more."""
    changed = [line for line in diff_lines if line[:1] in "+-" and not line.startswith(("+++", "---")) and line[1:].strip()]
    shown = tuple(line if len(line) <= EXCERPT_WIDTH else line[: EXCERPT_WIDTH - 1] + "…" for line in changed[:EXCERPT_LINES])
    return shown, max(0, len(changed) - EXCERPT_LINES)


def _texts(yaml_text: str) -> dict[str, str]:
    try:
        tree = yaml.safe_load(yaml_text) or {}
    except yaml.YAMLError:
        return {}
    return flatten(tree) if isinstance(tree, dict) else {}


def _key_changes(old: dict[str, str], new: dict[str, str]) -> list[str]:
    """``- key: old`` / ``+ key: new`` for each English text added, changed or removed."""
    lines = []
    for key in sorted(old.keys() | new.keys(), key=lambda key: (list(new).index(key) if key in new else len(new), key)):
        if old.get(key) == new.get(key):
            continue
        if key in old:
            lines.append(f"-{key}: {old[key]}")
        if key in new:
            lines.append(f"+{key}: {new[key]}")
    return lines

