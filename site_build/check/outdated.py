"""Which English version each Romanian page translates, and what changed in English since.

The record: each Romanian page's front matter holds ``translation_of: "<code>"``, the first 12
hex digits of the SHA-256 of its English page's text (line endings normalised to ``\\n``, so
an editor's choice of CRLF does not count as a change). Any change to the English file, front
matter included, changes the code and makes the translation outdated until a translator has
looked at the change and updated the record (``python -m site_build check --mark-current``).
The code is written in quotes: an all-digit code would otherwise be read by YAML as a number.

The diff: the English text a translation was made from is not copied anywhere; it is found in
git. The check walks ``git log`` of the English file, newest first, and takes the first
committed version whose code equals the record, then shows a unified diff from that version to
the English file as it is now (working tree). When no committed version matches (the English
was never committed in that state, or there is no git history), the check says so and shows no
diff: compare the two pages by hand.
"""
from __future__ import annotations

import datetime
import difflib
import hashlib
import re
import subprocess
from pathlib import Path

from site_build.paths import DEFAULT_LANGUAGE

from .report import Issue, warning
from .tree import TRANSLATION_LANGUAGES, ContentTree

CHECK = "outdated"
RECORD_FIELD = "translation_of"
FINGERPRINT_LENGTH = 12
RECORD_FORMAT = re.compile(rf"^[0-9a-f]{{{FINGERPRINT_LENGTH}}}$")

UP_TO_DATE = "up_to_date"
OUTDATED = "outdated"
NOT_RECORDED = "not_recorded"
MISSING = "missing"


def fingerprint(text: str) -> str:
    normalised = text.replace("\r\n", "\n").replace("\r", "\n")
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()[:FINGERPRINT_LENGTH]


def file_fingerprint(path: Path) -> str:
    return fingerprint(path.read_bytes().decode("utf-8", errors="replace"))


def translation_state(english_path: Path, recorded: object) -> str:
    """``up_to_date``, ``outdated`` (the English changed) or ``not_recorded`` (no valid record)."""
    if not isinstance(recorded, str) or not RECORD_FORMAT.match(recorded):
        return NOT_RECORDED
    return UP_TO_DATE if recorded == file_fingerprint(english_path) else OUTDATED


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
    found = _committed_version(english_path, recorded)
    if found is None:
        return (
            f"The English version {recorded} is not in the git history, so its changes cannot be shown: "
            "compare the two pages by hand."
        )
    commit, old_text = found
    return "\n".join(_diff(old_text, english_path, f"{english_display} as translated (commit {commit[:10]})", f"{english_display} now"))


def english_diff(english_path: Path, recorded: str) -> list[str] | None:
    """The lines of that diff, or None when the recorded version is not in git."""
    found = _committed_version(english_path, recorded)
    return None if found is None else _diff(found[1], english_path, "as translated", "now")


def _diff(old_text: str, english_path: Path, old_name: str, new_name: str) -> list[str]:
    current = english_path.read_bytes().decode("utf-8", errors="replace")
    return list(difflib.unified_diff(old_text.splitlines(), current.splitlines(), fromfile=old_name, tofile=new_name, lineterm="", n=1))


def _committed_version(path: Path, recorded: str) -> tuple[str, str] | None:
    top = _git(["rev-parse", "--show-toplevel"], path.parent)
    if top is None:
        return None
    repository = Path(top.strip()).resolve()
    try:
        relative = path.resolve().relative_to(repository).as_posix()
    except ValueError:
        return None
    log = _git(["log", "--format=%H", "--", relative], repository)
    for commit in (log or "").split():
        text = _git(["show", f"{commit}:{relative}"], repository)
        if text is not None and fingerprint(text) == recorded:
            return commit, text
    return None


class FileHistory:
    """When files last changed, and what a file said at a given moment, from git where it knows
    them. A file with uncommitted changes, or outside git, last changed at its modification time.
    One ``git log`` and one ``git status`` per repository, kept for the object's life."""

    def __init__(self) -> None:
        self._repositories: dict[Path, tuple[dict[str, int], set[str]]] = {}
        self._tops: dict[Path, Path | None] = {}  # folder -> its repository's top, None outside git

    def last_changed_time(self, path: Path) -> float:
        located = self._locate(path)
        if located is not None:
            repository, relative = located
            times, dirty = self._repository(repository)
            if relative in times and relative not in dirty:
                return float(times[relative])
        return path.stat().st_mtime

    def last_changed(self, path: Path) -> datetime.date:
        return datetime.datetime.fromtimestamp(self.last_changed_time(path), tz=datetime.timezone.utc).date()

    def changed_after(self, path: Path, moment: float) -> bool:
        return self.last_changed_time(path) > moment

    def text_at(self, path: Path, moment: float) -> str | None:
        """The file as last committed at or before ``moment``; None when git does not know."""
        located = self._locate(path)
        if located is None:
            return None
        repository, relative = located
        commit = (_git(["log", "-1", f"--until=@{int(moment)}", "--format=%H", "--", relative], repository) or "").strip()
        return _git(["show", f"{commit}:{relative}"], repository) if commit else None

    def _locate(self, path: Path) -> tuple[Path, str] | None:
        if path.parent not in self._tops:
            top = _git(["rev-parse", "--show-toplevel"], path.parent)
            self._tops[path.parent] = None if top is None else Path(top.strip()).resolve()
        repository = self._tops[path.parent]
        if repository is None:
            return None
        try:
            return repository, path.resolve().relative_to(repository).as_posix()
        except ValueError:
            return None

    def _repository(self, repository: Path) -> tuple[dict[str, int], set[str]]:
        if repository not in self._repositories:
            times: dict[str, int] = {}
            moment = 0
            for line in (_git(["log", "--format=%x00%ct", "--name-only", "--no-renames"], repository) or "").splitlines():
                if line.startswith("\0"):
                    moment = int(line[1:])
                elif line:
                    times.setdefault(line, moment)  # newest first: the first time seen is the last change
            status = _git(["status", "--porcelain", "-z", "--untracked-files=all"], repository) or ""
            dirty = {entry[3:] for entry in status.split("\0") if len(entry) > 3}
            self._repositories[repository] = (times, dirty)
        return self._repositories[repository]


def _git(arguments: list[str], directory: Path) -> str | None:
    try:
        completed = subprocess.run(["git", *arguments], cwd=directory, capture_output=True, check=False, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return None
    if completed.returncode != 0:
        return None
    return completed.stdout.decode("utf-8", errors="replace")


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


def set_record(text: str, code: str) -> str:
    """The page's text with ``translation_of`` set in its front matter, everything else untouched."""
    newline = "\r\n" if "\r\n" in text else "\n"
    record = f'{RECORD_FIELD}: "{code}"{newline}'
    lines = text.splitlines(keepends=True)
    if lines and lines[0].rstrip("\r\n") == "---":
        for closing in range(1, len(lines)):
            if lines[closing].rstrip("\r\n") in ("---", "..."):
                for index in range(1, closing):
                    if re.match(rf"{RECORD_FIELD}\s*:", lines[index]):
                        lines[index] = record
                        return "".join(lines)
                lines.insert(closing, record)
                return "".join(lines)
    return f"---{newline}{record}---{newline}{newline}" + text
