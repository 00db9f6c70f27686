"""One Romanian term per concept, as the translators' termbase (``content/messages/termbase.yml``) sets it.

Reports, by file and line:

- **a variant to avoid** (``ro_avoid``) in a Romanian page or message file: an error. The
  termbase exists so that a reader meets one word for one thing; "detașare" in an article and
  "decolare" in the calculator on the same page read as two different findings. An occurrence
  that is also an occurrence of the approved term (``Nikolsky`` inside ``Nikolsky``...) is not
  a variant.
- **a missing term**: an English page uses a concept's English term and its Romanian twin never
  uses the Romanian one (or one of its ``ro_forms``); in message files the same, text by text
  (the keys are the same in both languages). This is an error too, not a warning: the concept
  is on the English page, so the Romanian page either names it with a word the termbase does not
  know (a variant nobody has listed yet: list it in ``ro_avoid`` and fix the page) or leaves it
  out (a translation that drops a clinical concept). Either way the page must change, and a
  warning, which never fails the check, would let it ship. The report names the line of the
  Romanian section (same ``{#id}``) where the English page first uses the term.
- **problems in the termbase itself**: a file that cannot be read, a Romanian term given to two
  concepts, a variant to avoid that the approved term itself would match.

Only text a reader reads is searched: prose, headings, table cells, alt text and the front
matter's lines; not references (footnotes, or the section ``{#references}``: titles of cited
papers stay in their language), code or HTML.
"""
from __future__ import annotations

from site_build.content import termbase
from site_build.paths import DEFAULT_LANGUAGE
from site_build.content.termbase import Concept, Pattern, TermbaseError

from .documents import FRONT_MATTER, PROSE, Document
from .messages_check import MessageFile
from .report import Issue, error
from .tree import ContentTree

CHECK = "terms"
ROMANIAN = "ro"
SEARCHED_KINDS = (PROSE, FRONT_MATTER)
REFERENCES = "references"


def check_terms(tree: ContentTree, documents: list[Document], messages: dict[tuple[str, str], MessageFile]) -> list[Issue]:
    path = termbase.termbase_path(tree.root)
    if not path.is_file():
        return []
    display = tree.display_path(path)
    try:
        concepts = termbase.parse(path.read_text(encoding="utf-8"))
    except TermbaseError as failure:
        return [error(CHECK, display, failure.line, f"The termbase cannot be read: {failure}.")]
    issues = _termbase_problems(concepts, display)
    if issues:
        return issues
    # The Romanian definitions are shown on the glossary page: they use the terms too.
    for concept in concepts:
        if concept.definition.get(ROMANIAN):
            issues += _avoided(display, {concept.line: concept.definition[ROMANIAN]}, concepts, display)
    for document in documents:
        if document.language != ROMANIAN:
            continue
        lines = _lines(document)
        issues += _avoided(document.display_path, lines, concepts, display)
        english = tree.document(DEFAULT_LANGUAGE, document.relative)
        if english is not None:
            issues += _missing_on_page(english, document, lines, concepts)
    for (language, name), message_file in sorted(messages.items()):
        if language != ROMANIAN:
            continue
        texts = {entry.line: entry.text for entry in message_file.entries.values()}
        issues += _avoided(message_file.display_path, texts, concepts, display)
        english = messages.get((DEFAULT_LANGUAGE, name))
        if english is not None:
            issues += _missing_in_messages(english, message_file, concepts)
    return issues


def _lines(document: Document) -> dict[int, str]:
    """The searched text of a page, line by line (the pieces of one line joined), without its
    references section (``{#references}``), whose titles stay in their original language."""
    skipped = _references_lines(document)
    lines: dict[int, str] = {}
    for span in document.spans:
        if span.kind in SEARCHED_KINDS and not any(start <= span.line < end for start, end in skipped):
            # Pieces are joined with a space: table cells on one line must not run together.
            lines[span.line] = lines.get(span.line, "") + " " + span.text
    return lines


def _references_lines(document: Document) -> list[tuple[int, int]]:
    ranges = []
    for index, heading in enumerate(document.headings):
        if heading.anchor == REFERENCES:
            later = [other.line for other in document.headings[index + 1:] if other.level <= heading.level]
            ranges.append((heading.line, later[0] if later else 10**9))
    return ranges


def _uses(patterns: tuple[Pattern, ...], texts) -> bool:
    return any(next(pattern.find(text), None) is not None for text in texts for pattern in patterns)


def _quote(text: str) -> str:
    return f"“{text}”"


def _termbase_problems(concepts: list[Concept], display: str) -> list[Issue]:
    issues = []
    for index, concept in enumerate(concepts):
        twin = next((earlier for earlier in concepts[:index] if _same_term(earlier, concept)), None)
        if twin is not None:
            issues.append(error(CHECK, display, concept.line, f"{_quote(concept.ro)} is also the Romanian term of `{twin.id}` (line {twin.line}): one term names one concept; merge the two entries or choose another term."))
        for variant in concept.ro_avoid:
            # An avoided variant that reads as the approved term could never be reported.
            if _uses(concept.romanian_patterns, [variant]):
                issues.append(error(CHECK, display, concept.line, f"`{concept.id}`: the variant to avoid {_quote(variant)} reads as the approved term {_quote(concept.ro)} (same words, other endings); remove it or write it more fully."))
    return issues


def _same_term(first: Concept, second: Concept) -> bool:
    """The two Romanian terms are the same words, whatever their endings."""
    pattern = first.romanian_pattern
    searched = termbase.searched_text(second.ro)
    return len(termbase.words(searched)) == len(pattern.parts) and _uses((pattern,), [searched])


def _avoided(path: str, texts: dict[int, str], concepts: list[Concept], display: str) -> list[Issue]:
    issues = []
    for line, text in sorted(texts.items()):
        for concept in concepts:
            approved = [span for pattern in concept.romanian_patterns for span in pattern.find(text)]
            for variant, pattern in zip(concept.ro_avoid, concept.avoid_patterns):
                for start, end in pattern.find(text):
                    if any(start < approved_end and approved_start < end for approved_start, approved_end in approved):
                        continue
                    issues.append(error(
                        CHECK, path, line,
                        f"{_quote(text[start:end])} is a variant to avoid ({_quote(variant)}) for {_quote(concept.en)}: "
                        f"write {_quote(concept.ro)}, in the form the sentence needs (termbase: {display}, line {concept.line}).",
                    ))
    return issues


def _missing_on_page(english: Document, translated: Document, lines: dict[int, str], concepts: list[Concept]) -> list[Issue]:
    issues = []
    english_lines = _lines(english)
    for concept in concepts:
        first = next(
            ((line, text[start:end]) for line, text in sorted(english_lines.items()) for pattern in concept.english_patterns for start, end in pattern.find(text)),
            None,
        )
        if first is None or _uses(concept.romanian_patterns, lines.values()):
            continue
        line, used = first
        issues.append(error(
            CHECK, translated.display_path, _twin_section_line(english, translated, line),
            f"The English page says {_quote(used)} (line {line}) but this page never uses {_quote(concept.ro)}, "
            f"the termbase's Romanian term for {_quote(concept.en)}: name the concept with it here.",
        ))
    return issues


def _twin_section_line(english: Document, translated: Document, english_line: int) -> int | None:
    """The line of the Romanian heading whose ``{#id}`` matches the English section holding ``english_line``."""
    above = [heading for heading in english.headings if heading.line <= english_line]
    for heading in reversed(above):
        for twin in translated.headings:
            if twin.anchor == heading.anchor and heading.id:
                return twin.line
    return None


def _missing_in_messages(english: MessageFile, translated: MessageFile, concepts: list[Concept]) -> list[Issue]:
    issues = []
    for key, entry in english.entries.items():
        twin = translated.entries.get(key)
        if twin is None:
            continue  # the messages check reports the missing key
        for concept in concepts:
            used = next((entry.text[start:end] for pattern in concept.english_patterns for start, end in pattern.find(entry.text)), None)
            if used is None or _uses(concept.romanian_patterns, [twin.text]):
                continue
            issues.append(error(
                CHECK, translated.display_path, twin.line,
                f"`{key}`: the English text says {_quote(used)} but this one does not use {_quote(concept.ro)}, "
                f"the termbase's Romanian term for {_quote(concept.en)}.",
            ))
    return issues
