"""Translated pages behind their English source, and marking a translation current.

The record a translated page keeps (``translation_of``) and the git history behind it are
site_build.content.translations; this check reports each translation whose record is missing,
malformed or behind the English page, with a unified diff of what changed in English since the
recorded version (found in git; when it is not there, the check says so and shows no diff:
compare the two pages by hand). ``--mark-current`` rewrites the record.
"""
from __future__ import annotations

from pathlib import Path

from site_build.content.translations import (
    NOT_RECORDED,
    OUTDATED,
    RECORD_FIELD,
    diff_lines,
    file_fingerprint,
    set_record,
    translated_version,
    translation_state,
)
from site_build.paths import DEFAULT_LANGUAGE, TRANSLATION_LANGUAGES

from .report import Issue, warning
from .tree import ContentTree

CHECK = "outdated"


def check_outdated(tree: ContentTree, *, history: bool = True) -> list[Issue]:
    issues = []
    for relative in tree.page_paths(DEFAULT_LANGUAGE):
        english_path = tree.page_path(DEFAULT_LANGUAGE, relative)
        english_display = tree.display_path(english_path)
        for language in TRANSLATION_LANGUAGES:
            translated = tree.document(language, relative)
            if translated is None:
                continue  # reported as missing
            recorded = translated.front_matter.get(RECORD_FIELD)
            state = translation_state(english_path, recorded)
            mark = f"`python -m site_build check --mark-current {translated.display_path}`"
            line = translated.front_matter_lines.get(RECORD_FIELD)
            if state == NOT_RECORDED and recorded is None:
                issues.append(warning(
                    CHECK, translated.display_path, None,
                    f"This translation does not record which version of {english_display} it translates, "
                    f"so English changes cannot be tracked: compare it with the English page, then run {mark}.",
                ))
            elif state == NOT_RECORDED:
                issues.append(warning(
                    CHECK, translated.display_path, line,
                    f"`{RECORD_FIELD}` must be the 12-character code written by {mark}; "
                    "compare the page with the English one, then run that command to rewrite it.",
                ))
            elif state == OUTDATED:
                detail = english_changes(english_path, english_display, recorded) if history else None
                issues.append(warning(
                    CHECK, translated.display_path, line,
                    f"Outdated: {english_display} has changed since this translation was made. "
                    f"Bring the translation up to date (changes below), then run {mark}.",
                    detail,
                ))
    return issues


def english_changes(english_path: Path, english_display: str, recorded: str) -> str:
    """A unified diff of the English page from the version the translation records to now."""
    found = translated_version(english_path, recorded)
    if found is None:
        return (
            f"The English version {recorded} is not in the git history, so its changes cannot be shown: "
            "compare the two pages by hand."
        )
    commit, old_text = found
    return "\n".join(diff_lines(old_text, english_path, f"{english_display} as translated (commit {commit[:10]})", f"{english_display} now"))


# -- marking a translation current ------------------------------------------------------------


class MarkError(ValueError):
    """A page given to --mark-current cannot be marked; the message says why."""


def mark_current(tree: ContentTree, pages: list[str], *, working_directory: Path) -> list[str]:
    """Record the current English code in the given Romanian pages (all of them when none given).

    Returns one line per page for the translator. Writes only the ``translation_of`` line.
    """
    relatives = [resolve_page(tree, page, working_directory) for page in pages] or [
        relative for relative in tree.page_paths(TRANSLATION_LANGUAGES[0]) if tree.page_path(DEFAULT_LANGUAGE, relative).is_file()
    ]
    lines = []
    for relative in relatives:
        english_path = tree.page_path(DEFAULT_LANGUAGE, relative)
        for language in TRANSLATION_LANGUAGES:
            translated_path = tree.page_path(language, relative)
            if not english_path.is_file():
                raise MarkError(f"{tree.display_path(translated_path)} has no English original {tree.display_path(english_path)}.")
            if not translated_path.is_file():
                raise MarkError(f"{tree.display_path(translated_path)} does not exist yet: translate {tree.display_path(english_path)} first.")
            code = file_fingerprint(english_path)
            text = translated_path.read_bytes().decode("utf-8")
            updated = set_record(text, code)
            if updated != text:
                translated_path.write_bytes(updated.encode("utf-8"))
                lines.append(f"{tree.display_path(translated_path)}: marked as translating {tree.display_path(english_path)} ({code}).")
            else:
                lines.append(f"{tree.display_path(translated_path)}: already current ({code}).")
    return lines


def resolve_page(tree: ContentTree, page: str, working_directory: Path) -> str:
    """A page named as ``content/ro/x.md``, ``content/x.md``, ``ro/x.md`` or ``x.md``: its relative path."""
    given = Path(page)
    candidates = [given] if given.is_absolute() else [working_directory / given, tree.root.parent / given, tree.root / given]
    candidates.extend(tree.language_root(language) / given for language in TRANSLATION_LANGUAGES)
    roots = [tree.language_root(language).resolve() for language in TRANSLATION_LANGUAGES] + [tree.root.resolve()]
    for candidate in candidates:
        if not candidate.is_file():
            continue
        for root in roots:
            try:
                return candidate.resolve().relative_to(root).as_posix()
            except ValueError:
                continue
    raise MarkError(f"{page}: no such page in {tree.display_path(tree.root)}/ (name it like content/ro/conditions/dress.md).")
