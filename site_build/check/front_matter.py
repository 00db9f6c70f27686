"""Front matter: the fields every page carries, well-formed, and the same where they must be.

Every page, both languages::

    ---
    title: ...                          # the same as the page's `# Title`
    description: ...                    # one sentence, under 160 characters
    audience: [patients, clinicians]    # any of these two
    last_reviewed: 2026-11-22           # ISO date; older than two years is flagged
    sources:                            # DOI or PMID of the primary sources ([] when none)
      - doi:10.1046/j.1523-1747.2000.00061.x
      - pmid:20375998
    ---

A translated page keeps ``audience`` and ``sources`` exactly as in English (they describe the
content, not the language) and adds ``translation_of`` (see :mod:`.outdated`).
"""
from __future__ import annotations

import datetime
import re

from site_build.content.translations import RECORD_FIELD

from .documents import Document
from .report import Issue, error, warning

CHECK = "front-matter"
REQUIRED = ("title", "description", "audience", "last_reviewed", "sources")
AUDIENCES = ("patients", "clinicians")
DESCRIPTION_LIMIT = 160
REVIEW_MAX_AGE_YEARS = 2
SOURCE = re.compile(r"^(?:doi:10\.\d{4,9}/\S+|pmid:\d+)$")
EXAMPLES = {
    "title": "title: The page title",
    "description": "description: One sentence for search results.",
    "audience": "audience: [patients, clinicians]",
    "last_reviewed": "last_reviewed: 2026-11-22",
    "sources": "sources: [doi:10.1111/jdv.13725]",
}


def check_page(document: Document, today: datetime.date) -> list[Issue]:
    path = document.display_path
    if document.front_matter_error:
        line, problem = document.front_matter_error
        return [error(CHECK, path, line, f"The front matter cannot be read ({problem}): check the indentation, and put a text holding a colon in quotes.")]
    if not document.has_front_matter:
        return [error(CHECK, path, 1, "The page has no front matter: start it with a `---` line, the fields title, description, audience, last_reviewed and sources, and another `---` line.")]
    meta = document.front_matter
    issues = []
    for key in REQUIRED:
        if key not in meta:
            issues.append(error(CHECK, path, 1, f"The front matter lacks `{key}`: add a line like `{EXAMPLES[key]}`."))
    checks = {
        "title": _title,
        "description": _description,
        "audience": _audience,
        "last_reviewed": lambda value: _last_reviewed(value, today),
        "sources": _sources,
    }
    for key, check in checks.items():
        if key in meta:
            for severity, message in check(meta[key]):
                issues.append((error if severity == "error" else warning)(CHECK, path, document.front_matter_line(key), message))
    title = meta.get("title")
    first_heading = next((heading for heading in document.headings if heading.level == 1), None)
    if isinstance(title, str) and first_heading is not None and first_heading.text != title.strip():
        issues.append(error(CHECK, path, first_heading.line, f"The `# {first_heading.text}` heading differs from the front matter title \"{title}\": make them the same."))
    return issues


def check_twins(english: Document, translated: Document) -> list[Issue]:
    issues = []
    for key in ("audience", "sources"):
        expected, found = english.front_matter.get(key), translated.front_matter.get(key)
        if expected is None or found is None:
            continue
        if _as_set(expected) != _as_set(found):
            issues.append(error(
                CHECK, translated.display_path, translated.front_matter_line(key),
                f"`{key}` differs from the English page ({_as_list_text(expected)}): copy it unchanged from {english.display_path}.",
            ))
    if RECORD_FIELD in english.front_matter:
        issues.append(warning(CHECK, english.display_path, english.front_matter_line(RECORD_FIELD), f"`{RECORD_FIELD}` belongs in translated pages only: remove it from the English page."))
    return issues


def _title(value) -> list[tuple[str, str]]:
    if not isinstance(value, str) or not value.strip():
        return [("error", "`title` must be a non-empty text.")]
    return []


def _description(value) -> list[tuple[str, str]]:
    if not isinstance(value, str) or not value.strip():
        return [("error", "`description` must be one sentence of text.")]
    if len(value) >= DESCRIPTION_LIMIT:
        return [("warning", f"`description` has {len(value)} characters: shorten it to under {DESCRIPTION_LIMIT}, or search results will cut it.")]
    return []


def _audience(value) -> list[tuple[str, str]]:
    values = value if isinstance(value, list) else [value]
    if not values or any(item not in AUDIENCES for item in values):
        return [("error", "`audience` must be a list of patients and/or clinicians, e.g. `audience: [patients, clinicians]`.")]
    return []


def _last_reviewed(value, today: datetime.date) -> list[tuple[str, str]]:
    reviewed = value
    if isinstance(value, str):
        try:
            reviewed = datetime.date.fromisoformat(value)
        except ValueError:
            reviewed = None
    if isinstance(reviewed, datetime.datetime):
        reviewed = reviewed.date()
    if not isinstance(reviewed, datetime.date):
        return [("error", "`last_reviewed` must be a date written YYYY-MM-DD, e.g. `last_reviewed: 2026-11-22`.")]
    if reviewed > today:
        return [("warning", f"`last_reviewed` ({reviewed.isoformat()}) is in the future: write the date the page was last reviewed.")]
    if reviewed < _years_before(today, REVIEW_MAX_AGE_YEARS):
        return [("warning", f"Last reviewed on {reviewed.isoformat()}, more than {REVIEW_MAX_AGE_YEARS} years ago: ask a clinical reviewer to check the page against current sources, then update `last_reviewed`.")]
    return []


def _sources(value) -> list[tuple[str, str]]:
    if not isinstance(value, list):
        return [("error", "`sources` must be a list of DOIs or PMIDs, one per line (`  - doi:10...`), or [] when the page cites none.")]
    malformed = [str(item) for item in value if not isinstance(item, str) or not SOURCE.match(item.strip())]
    if malformed:
        return [("error", f"`sources` entries must look like doi:10.1046/j.1523-1747.2000.00061.x or pmid:20375998; fix {', '.join(malformed)}.")]
    return []


def _years_before(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year - years)
    except ValueError:  # 29 February
        return day.replace(year=day.year - years, day=28)


def _as_set(value) -> frozenset:
    return frozenset(str(item) for item in (value if isinstance(value, list) else [value]))


def _as_list_text(value) -> str:
    items = value if isinstance(value, list) else [value]
    return "[" + ", ".join(str(item) for item in items) + "]"
