"""Issues, and the report that groups them by file, worst first, for people or for tools.

Severities:

- ``error``: something is missing or broken; the check (and CI) fails until it is fixed.
- ``warning``: advice; shown, never fails the check (an outdated translation, an old review
  date, a patient section above the readability target, an ambiguous number).

Every message says what to do, in the words of someone who edits Markdown, not Python.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any

ERROR = "error"
WARNING = "warning"
SEVERITY_ORDER = {ERROR: 0, WARNING: 1}


@dataclass(frozen=True)
class Issue:
    severity: str
    check: str  # which check found it: missing, messages, outdated, structure, links, ...
    path: str  # the file to edit, as ``content/ro/...``
    line: int | None  # 1-based; None when the issue concerns the whole file
    message: str  # one line: what is wrong and what to do
    detail: str | None = None  # more lines shown below it (the English diff of an outdated page)


def error(check: str, path: str, line: int | None, message: str, detail: str | None = None) -> Issue:
    return Issue(ERROR, check, path, line, message, detail)


def warning(check: str, path: str, line: int | None, message: str, detail: str | None = None) -> Issue:
    return Issue(WARNING, check, path, line, message, detail)


@dataclass(frozen=True)
class ReadabilityRow:
    """One patient section's measures; ``flagged`` when it is above the target."""

    path: str
    language: str
    sentences: int
    words: int
    words_per_sentence: float
    grade: float | None = None  # Flesch-Kincaid grade (English)
    lix: float | None = None  # LIX (Romanian)
    flagged: bool = False


@dataclass
class Report:
    issues: list[Issue] = field(default_factory=list)
    readability: list[ReadabilityRow] = field(default_factory=list)
    files_checked: int = 0

    @property
    def errors(self) -> int:
        return sum(issue.severity == ERROR for issue in self.issues)

    @property
    def warnings(self) -> int:
        return sum(issue.severity == WARNING for issue in self.issues)

    @property
    def exit_code(self) -> int:
        return 1 if self.errors else 0

    def by_file(self) -> list[tuple[str, list[Issue]]]:
        """Files with issues, the one with most errors (then most warnings) first."""
        grouped: dict[str, list[Issue]] = {}
        for issue in self.issues:
            grouped.setdefault(issue.path, []).append(issue)
        for issues in grouped.values():
            issues.sort(key=lambda issue: (SEVERITY_ORDER[issue.severity], issue.line or 0, issue.check, issue.message))

        def badness(item: tuple[str, list[Issue]]):
            path, issues = item
            return (-_count(issues, ERROR), -_count(issues, WARNING), path)

        return sorted(grouped.items(), key=badness)

    def summary(self) -> str:
        files_with_issues = len({issue.path for issue in self.issues})
        if not self.issues:
            return f"check: no errors, no warnings in {self.files_checked} files."
        verdict = "Fix the errors; warnings are advice." if self.errors else "No errors; warnings are advice."
        return (
            f"check: {_plural(self.errors, 'error')} and {_plural(self.warnings, 'warning')} "
            f"in {files_with_issues} of {self.files_checked} files. {verdict}"
        )

    def as_text(self) -> str:
        lines: list[str] = []
        for path, issues in self.by_file():
            lines.append(f"{path}: {_counts(issues)}")
            for issue in issues:
                where = f"line {issue.line}" if issue.line else ""
                lines.append(f"  {issue.severity:<7}  {where:<9} [{issue.check}] {issue.message}")
                if issue.detail:
                    lines.extend(f"      {detail_line}".rstrip() for detail_line in issue.detail.splitlines())
            lines.append("")
        if self.readability:
            lines.append(
                "Readability of patient sections (English: Flesch-Kincaid grade, target 8 or below; "
                "Romanian: LIX and words per sentence):"
            )
            width = max(len(row.path) for row in self.readability)
            for row in self.readability:
                measure = f"grade {row.grade:5.1f}" if row.language == "en" else f"LIX   {row.lix:5.1f}"
                flag = "  above target" if row.flagged else ""
                lines.append(
                    f"  {row.path:<{width}}  {measure}  {row.words_per_sentence:5.1f} words/sentence  "
                    f"({row.sentences} sentences){flag}"
                )
            lines.append("")
        lines.append(self.summary())
        return "\n".join(lines) + "\n"

    def as_json(self) -> str:
        document: dict[str, Any] = {
            "summary": {
                "errors": self.errors,
                "warnings": self.warnings,
                "files_checked": self.files_checked,
                "files_with_issues": len({issue.path for issue in self.issues}),
                "text": self.summary(),
            },
            "files": [
                {
                    "path": path,
                    "errors": _count(issues, ERROR),
                    "warnings": _count(issues, WARNING),
                    "issues": [{key: value for key, value in asdict(issue).items() if key != "path"} for issue in issues],
                }
                for path, issues in self.by_file()
            ],
            "readability": [asdict(row) for row in self.readability],
        }
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _count(issues: list[Issue], severity: str) -> int:
    return sum(issue.severity == severity for issue in issues)


def _plural(number: int, word: str) -> str:
    return f"{number} {word}" + ("" if number == 1 else "s")


def _counts(issues: list[Issue]) -> str:
    parts = [_plural(_count(issues, severity), severity) for severity in (ERROR, WARNING) if _count(issues, severity)]
    return ", ".join(parts)
