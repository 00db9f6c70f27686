"""Run every check over one content tree and collect the report."""
from __future__ import annotations

import datetime
from pathlib import Path

from site_build.paths import CONTENT_DIR, DEFAULT_LANGUAGE, TRANSLATION_LANGUAGES

from . import front_matter, links, orthography, outdated, pairs, readability, structure, terms
from .documents import PROSE, Span
from .messages_check import MessageFile, check_messages, message_files
from .originality import DEFAULT_SEEDS_DIR, check_originality
from .report import Issue, Report
from .tree import ContentTree

ROMANIAN = "ro"


def check_content(
    content_dir: Path = CONTENT_DIR,
    *,
    today: datetime.date | None = None,
    seeds_dir: Path = DEFAULT_SEEDS_DIR,
    history: bool = True,
) -> Report:
    """Check a content tree. ``today`` fixes the date review ages are counted from (tests);
    ``history=False`` skips the git look-up behind outdated pages' diffs."""
    today = today or datetime.date.today()
    tree = ContentTree(Path(content_dir))
    documents = tree.documents()
    messages = message_files(tree)
    report = Report(files_checked=len(documents) + len(messages))
    issues: list[Issue] = []

    issues += pairs.check_page_twins(tree)
    issues += pairs.check_message_twins(tree)
    issues += check_messages(messages)
    issues += _message_orthography(messages)

    for document in documents:
        issues += structure.check_page(document)
        issues += front_matter.check_page(document, today)
        issues += links.check_links(tree, document)
        english = tree.document(DEFAULT_LANGUAGE, document.relative) if document.language != DEFAULT_LANGUAGE else None
        issues += orthography.check_spans(
            document.display_path,
            document.spans,
            romanian=document.language == ROMANIAN,
            english_numbers=_english_numbers(english.spans) if english else set(),
        )
        if english is not None:
            issues += structure.check_twins(english, document)
            issues += front_matter.check_twins(english, document)
        row = readability.measure(document)
        if row is not None:
            report.readability.append(row)
            issues += readability.issues_for(row, document)

    issues += terms.check_terms(tree, documents, messages)
    issues += outdated.check_outdated(tree, history=history)
    issues += check_originality(documents, seeds_dir, tree.display_path(tree.root))
    report.issues = issues
    return report


def _message_orthography(messages: dict[tuple[str, str], MessageFile]) -> list[Issue]:
    issues = []
    for (language, name), message_file in messages.items():
        english = messages.get((DEFAULT_LANGUAGE, name)) if language in TRANSLATION_LANGUAGES else None
        english_spans = [Span(entry.text, entry.line, PROSE) for entry in english.entries.values()] if english else []
        issues += orthography.check_spans(
            message_file.display_path,
            [Span(entry.text, entry.line, PROSE) for entry in message_file.entries.values()],
            romanian=language == ROMANIAN,
            english_numbers=_english_numbers(english_spans),
        )
    return issues


def _english_numbers(spans: list[Span]) -> set[str]:
    return {number for span in spans if span.kind == PROSE for number in orthography.numbers_with_point(span.text)}
