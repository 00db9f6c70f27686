"""Readability of patient sections: Flesch-Kincaid grade (English), LIX (Romanian).

What is measured: the patient section only, the blocks between the ``{#patients}`` H2 and the
next H2 (the H2 itself excluded), as plain text from the token stream: the words of
paragraphs, list items, headings, table cells and admonition titles, inline code included;
footnote markers, link targets, raw HTML and image alt texts excluded.

Sentences: every block counts as at least one sentence (a list item or a heading is read as
one), and inside a block a sentence ends at ``.``, ``!``, ``?`` or ``…`` followed by a space.
Words: runs of letters or digits; an apostrophe or hyphen inside a word keeps it whole.

English, Flesch-Kincaid grade level (Kincaid et al. 1975)::

    grade = 0.39 × words / sentences + 11.8 × syllables / words − 15.59

Syllables come from pyphen's ``en_US`` hyphenation dictionary (textstat is not used: it fetches
NLTK data at run time, which fails offline). A hyphenation point is a syllable boundary, but
not every boundary is a hyphenation point: the patterns never split one letter off a word's
ends and leave some stems whole (``a-bout``, ``med-i-cine`` and ``e-mer-gen-cy`` come out as 1,
1 and 3), which alone lowers the grade of our patient sections by about two. So a word's count
is the larger of pyphen's (hyphenation points + 1) and the number of its vowel groups
(``a e i o u y``; a silent final ``e`` does not count, ``-le`` does). Each part of a hyphenated
word is counted on its own; a number counts as one syllable.
Target: grade 8 or below; above is a warning.

Romanian, LIX (Björnsson 1968), language-independent because it needs no syllables::

    LIX = words / sentences + 100 × long words / words      (long word: more than 6 letters)

reported with the average sentence length (words / sentences). Romanian words are longer than
English ones, so LIX runs higher than for an English text of the same difficulty; a patient
section above LIX 55 ("difficult" on Björnsson's scale) or above 20 words per sentence is a
warning: shorten sentences, prefer common words.
"""
from __future__ import annotations

import re
from functools import lru_cache

import pyphen

from .documents import Document
from .report import Issue, ReadabilityRow, warning

CHECK = "readability"
PATIENT_SECTION = "patients"
ENGLISH_GRADE_TARGET = 8.0
ROMANIAN_LIX_TARGET = 55.0
ROMANIAN_SENTENCE_TARGET = 20.0
LONG_WORD_LETTERS = 6

WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
VOWEL_GROUP = re.compile(r"[aeiouy]+")


@lru_cache(maxsize=1)
def english_hyphenator() -> pyphen.Pyphen:
    return pyphen.Pyphen(lang="en_US")


def patient_sentences(document: Document) -> list[list[str]]:
    """The patient section as sentences, each a list of words."""
    sentences = []
    for block in document.blocks:
        if block.section != PATIENT_SECTION or block.kind == "h2":
            continue
        for sentence in SENTENCE_END.split(block.text):
            words = WORD.findall(sentence)
            if words:
                sentences.append(words)
    return sentences


def english_syllables(word: str) -> int:
    """Syllables of one (lower-case) word; see the module docstring for the method."""
    if word.isdigit():
        return 1
    return sum(max(len(english_hyphenator().positions(part)) + 1, _vowel_groups(part)) for part in re.split(r"['’\-]", word) if part)


def _vowel_groups(part: str) -> int:
    groups = len(VOWEL_GROUP.findall(part))
    if groups > 1 and part.endswith("e") and not part.endswith(("le", "ee", "ye")):
        groups -= 1  # a silent final e: "medicine", "rare"
    return max(groups, 1)


def flesch_kincaid_grade(sentences: list[list[str]]) -> float:
    words = [word for sentence in sentences for word in sentence]
    syllables = sum(english_syllables(word.lower()) for word in words)
    return 0.39 * len(words) / len(sentences) + 11.8 * syllables / len(words) - 15.59


def lix(sentences: list[list[str]]) -> float:
    words = [word for sentence in sentences for word in sentence]
    long_words = sum(1 for word in words if sum(character.isalpha() for character in word) > LONG_WORD_LETTERS)
    return len(words) / len(sentences) + 100 * long_words / len(words)


def measure(document: Document) -> ReadabilityRow | None:
    """The patient section's measures, or None when the page has no patient section."""
    sentences = patient_sentences(document)
    if not sentences:
        return None
    word_count = sum(len(sentence) for sentence in sentences)
    per_sentence = round(word_count / len(sentences), 1)
    if document.language == "en":
        grade = round(flesch_kincaid_grade(sentences), 1)
        return ReadabilityRow(document.display_path, "en", len(sentences), word_count, per_sentence, grade=grade, flagged=grade > ENGLISH_GRADE_TARGET)
    score = round(lix(sentences), 1)
    flagged = score > ROMANIAN_LIX_TARGET or per_sentence > ROMANIAN_SENTENCE_TARGET
    return ReadabilityRow(document.display_path, document.language, len(sentences), word_count, per_sentence, lix=score, flagged=flagged)


def issues_for(row: ReadabilityRow, document: Document) -> list[Issue]:
    if not row.flagged:
        return []
    line = next((heading.line for heading in document.headings if heading.id == PATIENT_SECTION), None)
    if row.language == "en":
        message = (
            f"The patient section reads at grade {row.grade:.1f} (target {ENGLISH_GRADE_TARGET:.0f} or below): "
            "use shorter sentences and everyday words."
        )
    else:
        message = (
            f"The patient section has LIX {row.lix:.1f} and {row.words_per_sentence:.1f} words per sentence "
            f"(targets {ROMANIAN_LIX_TARGET:.0f} and {ROMANIAN_SENTENCE_TARGET:.0f} or below): "
            "use shorter sentences and everyday words."
        )
    return [warning(CHECK, row.path, line, message)]
