"""Twins have the same skeleton: headings and their ids, calculators, figures, tables, references.

Only the words are translated. The ``{#ids}`` are the same in both languages so that a link to
a section works in either; a calculator marker, a figure or a table left out of a translation
is content a Romanian reader does not get. Differences are found with :mod:`difflib` on the
ordered items of both pages, so one missing heading is reported once, not as a shift of every
heading after it.

Some rules hold for every page on its own: one H1, an explicit id on every H2 and H3, no id
used twice, every cited footnote defined (and every definition cited), known calculators.
"""
from __future__ import annotations

from difflib import SequenceMatcher
from typing import Callable, Hashable, Sequence, TypeVar

import calculators
from site_build.content.marker_syntax import CALCULATOR_MARKERS
from site_build.paths import DEFAULT_LANGUAGE

from .documents import Document
from .report import Issue, error, warning

CHECK = "structure"

Item = TypeVar("Item")


def check_page(document: Document) -> list[Issue]:
    """The rules every page follows, whatever its language."""
    issues = []
    path = document.display_path
    titles = [heading for heading in document.headings if heading.level == 1]
    if not titles:
        issues.append(error(CHECK, path, None, "The page has no `# Title` line: add one, the same as the front matter title."))
    for extra in titles[1:]:
        issues.append(error(CHECK, path, extra.line, f"A second H1 `{extra.as_markdown()}`: a page has one `# Title`; make this a `##` heading."))
    seen: dict[str, int] = {}
    for heading in document.headings:
        if heading.level in (2, 3) and not heading.id:
            example = (
                "in English kebab case, e.g. `{#" + heading.anchor + "}`"
                if document.language == DEFAULT_LANGUAGE
                else "the same as on the matching English heading"
            )
            issues.append(error(
                CHECK, path, heading.line,
                f"`{heading.as_markdown()}` has no id: add one at the end of the line, {example}.",
            ))
        if heading.id and heading.id in seen:
            issues.append(error(CHECK, path, heading.line, f"The id {{#{heading.id}}} is already used on line {seen[heading.id]}: ids must be unique on a page."))
        if heading.id:
            seen.setdefault(heading.id, heading.line)
    for label, line in document.undefined_citations:
        issues.append(error(CHECK, path, line, f"[^{label}] is cited but not defined: add `[^{label}]: ...` under the References heading, or fix the label."))
    cited = {label for label, _ in document.citations}
    for label, line in document.footnote_definitions.items():
        if label not in cited:
            issues.append(warning(CHECK, path, line, f"Reference [^{label}] is never cited in the text: cite it where it supports a claim, or remove it."))
    for marker in document.markers:
        if marker.name in CALCULATOR_MARKERS and marker.argument not in calculators.CALCULATORS:
            known = ", ".join(sorted(calculators.CALCULATORS))
            issues.append(error(CHECK, path, marker.line, f"`{marker.as_markdown()}` names no known calculator (known: {known}); copy the marker from the English page."))
    return issues


def check_twins(english: Document, translated: Document) -> list[Issue]:
    """Where the translated page's skeleton differs from the English one."""
    issues: list[Issue] = []
    issues += _compare(
        english, translated, "heading",
        [h for h in english.headings if h.level >= 2], [h for h in translated.headings if h.level >= 2],
        key=lambda heading: (heading.level, heading.id),
        describe=lambda heading: f"`{heading.as_markdown()}`",
        advice="use the same level and {#id} as in English",
    )
    issues += _compare(
        english, translated, "marker", english.markers, translated.markers,
        key=lambda marker: (marker.name, marker.argument),
        describe=lambda marker: f"`{marker.as_markdown()}`",
        advice="copy the marker line from the English page unchanged",
    )
    issues += _compare(
        english, translated, "figure", english.figures, translated.figures,
        key=lambda figure: figure.source,
        describe=lambda figure: f"the figure `{figure.source}`",
        advice="use the same file name; its Romanian version lives under content/ro/ with the same path",
    )
    issues += _compare(
        english, translated, "table", english.tables, translated.tables,
        key=lambda table: table.section,
        describe=lambda table: f"a table under {{#{table.section}}}" if table.section else "a table before the first heading",
        advice="translate every table, keeping its rows and columns",
        locate=lambda table: _heading_line(translated, table.section),
    )
    issues += _compare_references(english, translated)
    return issues


def _compare(
    english: Document,
    translated: Document,
    noun: str,
    english_items: Sequence[Item],
    translated_items: Sequence[Item],
    *,
    key: Callable[[Item], Hashable],
    describe: Callable[[Item], str],
    advice: str,
    locate: Callable[[Item], int | None] | None = None,
) -> list[Issue]:
    """Report where ``translated_items`` differ from ``english_items`` (compared by ``key``).

    A missing item is reported at the line where it should be added: ``locate`` finds it, or
    else the line of the translated item it should follow.
    """
    issues = []
    path = translated.display_path
    matcher = SequenceMatcher(None, [key(item) for item in english_items], [key(item) for item in translated_items], autojunk=False)
    for operation, english_start, english_end, translated_start, translated_end in matcher.get_opcodes():
        if operation == "equal":
            continue
        missing = list(english_items[english_start:english_end])
        extra = list(translated_items[translated_start:translated_end])
        previous = translated_items[translated_start - 1] if translated_start else None
        while missing and extra:  # a replacement: report it on the translated item
            expected, previous = missing.pop(0), extra.pop(0)
            issues.append(error(
                CHECK, path, previous.line,
                f"The English page has {describe(expected)} here (line {expected.line}) but this page has "
                f"{describe(previous)}: {advice}.",
            ))
        for expected in missing:
            near = locate(expected) if locate else (previous.line if previous else None)
            where = f" near line {near}" if near else ""
            issues.append(error(
                CHECK, path, near,
                f"Missing {noun}: the English page has {describe(expected)} (line {expected.line}); add it{where}.",
            ))
        for found in extra:
            issues.append(error(
                CHECK, path, found.line,
                f"Extra {noun}: {describe(found)} is not in the English page; remove it or make it match the English one.",
            ))
    return issues


def _heading_line(document: Document, anchor: str | None) -> int | None:
    return next((heading.line for heading in document.headings if anchor and heading.anchor == anchor), None)


def _compare_references(english: Document, translated: Document) -> list[Issue]:
    issues = []
    path = translated.display_path
    references_heading = _heading_line(translated, "references")
    english_labels, translated_labels = english.footnote_definitions, translated.footnote_definitions
    for label, line in english_labels.items():
        if label not in translated_labels:
            issues.append(error(
                CHECK, path, references_heading,
                f"Missing reference [^{label}] (English line {line}): copy its definition under the References "
                f"heading ({len(english_labels)} references in English, {len(translated_labels)} here).",
            ))
    for label, line in translated_labels.items():
        if label not in english_labels:
            issues.append(error(
                CHECK, path, line,
                f"Extra reference [^{label}]: the English page has no such reference; use the English label "
                "(labels are the same in both languages) or remove it.",
            ))
    return issues
