"""The record of which English version a translation translates, and what git knows of the files.

The record: each translated page's front matter holds ``translation_of: "<code>"``, the first 12
hex digits of the SHA-256 of its English page's text (line endings normalised to ``\\n``, so
an editor's choice of CRLF does not count as a change). Any change to the English file, front
matter included, changes the code and makes the translation outdated until a translator has
looked at the change and updated the record (``python -m site_build check --mark-current``,
which writes it with :func:`set_record`). The code is written in quotes: an all-digit code would
otherwise be read by YAML as a number.

The history: the English text a translation was made from is not copied anywhere; it is found
in git, as the first committed version (newest first) whose code equals the record
(:func:`english_diff`). :class:`FileHistory` tells when each file last changed.

Read by the build (the outdated-translation notice, the translation status page) and by the
translators' check (site_build.check.outdated) alike.
"""
from __future__ import annotations

import datetime
import difflib
import hashlib
import re
import subprocess
from pathlib import Path

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


def english_diff(english_path: Path, recorded: str) -> list[str] | None:
    """The lines of a unified diff of the English page from the version the record names to
    now, or None when that version is not in git."""
    found = translated_version(english_path, recorded)
    return None if found is None else diff_lines(found[1], english_path, "as translated", "now")


def diff_lines(old_text: str, english_path: Path, old_name: str, new_name: str) -> list[str]:
    current = english_path.read_bytes().decode("utf-8", errors="replace")
    return list(difflib.unified_diff(old_text.splitlines(), current.splitlines(), fromfile=old_name, tofile=new_name, lineterm="", n=1))


def translated_version(path: Path, recorded: str) -> tuple[str, str] | None:
    """The newest commit in which the English file ``path`` had the code ``recorded``, and its
    text then; None when git has no such version."""
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



# -- writing the record -------------------------------------------------------------------


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
