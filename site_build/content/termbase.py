"""The translators' termbase: one Romanian term for each concept, and the variants to avoid.

The termbase is ``content/messages/termbase.yml``: one file for both languages, one entry per
concept, because a concept is the unit a termbase is about (TBX, the termbase exchange
standard, is organised the same way): its English term, its one Romanian term, the Romanian
variants that must not be used for it, and a short definition in each language. ``en_forms``
and ``ro_forms`` list other forms of the same term that also count as using it (a spelling
variant, the adjective or participle: ``decolat`` for ``decolare``); they are not alternatives. Kept in one
entry, the two terms and the variants cannot drift apart, and a concept cannot exist in one
language only. ``python -m site_build check`` reads it (site_build.check.terms); the glossary
page shows it (the ``<!-- termbase -->`` marker, site_build.pages.glossary).

How a term is found in a text (the same rule for terms and for variants to avoid):

- case and diacritics do not count (``Decolarea`` matches ``decolare``), and words are split at
  anything that is not a letter or a digit (``wash-out`` is the two words ``wash out``);
- a word of four letters or more matches any word that starts like it, without its final
  vowels, and goes on with an inflection ending (see ``ENDING``): ``decolare`` matches decolarea,
  decolării, decolări; ``placă`` matches plăci, plăcile; ``articol`` matches articolele;
  ``prospect`` does not match prospectiv. Shorter words (de, la, IgA) must match whole;
- the words of a term match in the same order, next to each other;
- an acronym (a word with two capitals or more: TEN, IgA) matches only as written, so "ten"
  days is not TEN;
- text in parentheses in a term is shown in the glossary but not searched for:
  ``IgIV (imunoglobuline intravenoase)`` is found as ``IgIV``.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterator

import yaml

from site_build.paths import CONTENT_DIR

TERMBASE_NAME = "termbase.yml"
VOWELS = set("aeiou")
MIN_STEM_WORD = 4
#: What may follow a word's stem: up to three vowels, then one of a few inflection endings
#: (Romanian -l, -le, -lor, -lui, -re, -ri, -rile..., English -s, -d, -ng). So ``prospect`` matches
#: prospectul and prospectele but not prospectiv, ``placă`` plăci but not placarde, ``braț``
#: brațul but not brățară.
ENDING = re.compile(r"^[aeiou]{0,3}(?:l|le|lor|lui|r|re|ri|rile|rilor|s|d|ng)?$")
_WORD = re.compile(r"[^\W_]+")
_PARENTHESES = re.compile(r"\s*\([^)]*\)")


def termbase_path(content_dir: Path = CONTENT_DIR) -> Path:
    return content_dir / "messages" / TERMBASE_NAME


def fold(text: str) -> str:
    """Lower case without diacritics: ``Decolării`` becomes ``decolarii``."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(character for character in decomposed if not unicodedata.combining(character))


def words(text: str) -> list[tuple[str, int, int]]:
    """The folded words of a text with their start and end offsets."""
    return [(fold(match[0]), match.start(), match.end()) for match in _WORD.finditer(text)]


def searched_text(term: str) -> str:
    """A term as it is searched for: without its parenthesised parts."""
    return _PARENTHESES.sub("", term)


def is_acronym(word: str) -> bool:
    """TEN, SJS, IgA, FasL: two capitals or more. Matched only as written, so "ten" days is not TEN."""
    return sum(character.isupper() for character in word) >= 2


@dataclass(frozen=True)
class Part:
    """One word of a term: its stem, or the whole word, or (an acronym) the word as written."""

    stem: str
    whole: bool = False
    as_written: str | None = None

    def matches(self, folded: str, written: str) -> bool:
        if self.as_written is not None:
            return written == self.as_written
        if self.whole:
            return folded == self.stem
        return folded.startswith(self.stem) and ENDING.match(folded[len(self.stem):]) is not None


@dataclass(frozen=True)
class Pattern:
    """A term as it is searched for: one Part per word."""

    text: str
    parts: tuple[Part, ...]

    @classmethod
    def of(cls, term: str) -> "Pattern":
        parts = []
        searched = searched_text(term)
        for word, start, end in words(searched):
            written = searched[start:end]
            if is_acronym(written):
                parts.append(Part(word, as_written=written))
            elif len(word) >= MIN_STEM_WORD:
                stem = word.rstrip("".join(VOWELS))
                parts.append(Part(stem) if len(stem) >= 3 else Part(word, whole=True))
            else:
                parts.append(Part(word, whole=True))
        return cls(term, tuple(parts))

    def find(self, text: str) -> Iterator[tuple[int, int]]:
        """The (start, end) offsets of each occurrence in ``text``."""
        found = words(text)
        size = len(self.parts)
        if not size:
            return
        for first in range(len(found) - size + 1):
            if all(part.matches(found[first + index][0], text[found[first + index][1]:found[first + index][2]]) for index, part in enumerate(self.parts)):
                yield found[first][1], found[first + size - 1][2]


@dataclass(frozen=True)
class Concept:
    id: str
    line: int
    en: str
    ro: str
    en_forms: tuple[str, ...] = ()
    ro_forms: tuple[str, ...] = ()
    ro_avoid: tuple[str, ...] = ()
    definition: dict[str, str] = field(default_factory=dict)
    note: str = ""

    def term(self, language: str) -> str:
        return self.en if language == "en" else self.ro

    @property
    def english_patterns(self) -> tuple[Pattern, ...]:
        return tuple(Pattern.of(term) for term in (self.en, *self.en_forms))

    @property
    def romanian_pattern(self) -> Pattern:
        return Pattern.of(self.ro)

    @property
    def romanian_patterns(self) -> tuple[Pattern, ...]:
        return tuple(Pattern.of(term) for term in (self.ro, *self.ro_forms))

    @property
    def avoid_patterns(self) -> tuple[Pattern, ...]:
        return tuple(Pattern.of(variant) for variant in self.ro_avoid)


class TermbaseError(ValueError):
    """The termbase file cannot be read; ``line`` is where (1-based), when known."""

    def __init__(self, message: str, line: int | None = None):
        super().__init__(message)
        self.line = line


FIELDS = {"en", "ro", "en_forms", "ro_forms", "ro_avoid", "definition", "note"}


def parse(text: str) -> list[Concept]:
    """The concepts of a termbase file, in file order. Raises TermbaseError with the line."""
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as failure:
        mark = getattr(failure, "problem_mark", None)
        raise TermbaseError(f"not valid YAML ({getattr(failure, 'problem', None) or failure})", mark.line + 1 if mark else None) from None
    if root is None:
        return []
    if not isinstance(root, yaml.MappingNode):
        raise TermbaseError("the termbase must be a list of `concept-id:` entries", root.start_mark.line + 1)
    concepts = []
    seen: dict[str, int] = {}
    for key_node, value_node in root.value:
        line = key_node.start_mark.line + 1
        concept_id = str(key_node.value)
        if concept_id in seen:
            raise TermbaseError(f"concept `{concept_id}` appears twice (also line {seen[concept_id]}); merge them", line)
        seen[concept_id] = line
        concepts.append(_concept(concept_id, line, _construct(value_node)))
    return concepts


def _construct(node: yaml.Node) -> Any:
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_object(node, deep=True)
    finally:
        loader.dispose()


def _concept(concept_id: str, line: int, value: Any) -> Concept:
    if not isinstance(value, dict):
        raise TermbaseError(f"`{concept_id}` must hold `en:`, `ro:` and the optional fields", line)
    unknown = set(value) - FIELDS
    if unknown:
        raise TermbaseError(f"`{concept_id}` has unknown fields {', '.join(sorted(map(str, unknown)))} (known: {', '.join(sorted(FIELDS))})", line)
    for required in ("en", "ro"):
        if not isinstance(value.get(required), str) or not value[required].strip():
            raise TermbaseError(f"`{concept_id}` needs `{required}:`, its {'English' if required == 'en' else 'Romanian'} term, as one text", line)

    def texts(name: str) -> tuple[str, ...]:
        items = value.get(name) or []
        if isinstance(items, str):
            items = [items]
        if not isinstance(items, list) or not all(isinstance(item, str) and item.strip() for item in items):
            raise TermbaseError(f"`{concept_id}`: `{name}` must be a list of texts, e.g. [a, b]", line)
        return tuple(items)

    definition = value.get("definition") or {}
    if not isinstance(definition, dict) or not all(isinstance(text, str) for text in definition.values()) or set(definition) - {"en", "ro"}:
        raise TermbaseError(f"`{concept_id}`: `definition` holds `en:` and `ro:` texts", line)
    return Concept(concept_id, line, value["en"].strip(), value["ro"].strip(), texts("en_forms"), texts("ro_forms"), texts("ro_avoid"), dict(definition), str(value.get("note") or ""))


@lru_cache(maxsize=None)
def _load(path: Path, mtime: float) -> tuple[Concept, ...]:
    return tuple(parse(path.read_text(encoding="utf-8")))


def load(path: Path | None = None) -> tuple[Concept, ...]:
    """The termbase's concepts (none when the file does not exist); re-read when it changes."""
    path = path or termbase_path()
    if not path.is_file():
        return ()
    return _load(path, path.stat().st_mtime)
