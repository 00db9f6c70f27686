"""Readability: syllables, Flesch-Kincaid grade, LIX, on the patient section only."""
from __future__ import annotations

from pathlib import Path

import pytest

from site_build.check.documents import parse_text
from site_build.check.readability import english_syllables, flesch_kincaid_grade, lix, measure, patient_sentences


@pytest.mark.parametrize(
    "word, syllables",
    [("the", 1), ("skin", 1), ("about", 2), ("medicine", 3), ("people", 2), ("reaction", 3), ("emergency", 4), ("flu-like", 2), ("70", 1)],
)
def test_english_syllables(word, syllables):
    assert english_syllables(word) == syllables


def test_flesch_kincaid_grade_formula():
    # 6 words, 1 sentence, 6 syllables: 0.39 * 6 + 11.8 * 1 - 15.59
    assert flesch_kincaid_grade([["The", "cat", "sat", "on", "the", "mat"]]) == pytest.approx(0.39 * 6 + 11.8 - 15.59)


def test_lix_formula():
    # 4 words, 2 sentences, 1 word longer than 6 letters: 4 / 2 + 100 * 1 / 4
    assert lix([["Pielea", "protejează"], ["Beți", "apă"]]) == pytest.approx(27.0)


PAGE = """# T

Intro text that is not measured.

## For patients {#patients}

### What is it? {#what}

It is rare. It is serious!

- a list item
- another one

## For clinicians {#clinicians}

Not measured either.
"""


def test_only_the_patient_section_is_measured_and_blocks_are_sentences():
    document = parse_text(PAGE, path=Path("x.md"), language="en", relative="x.md", display_path="content/x.md")
    assert patient_sentences(document) == [
        ["What", "is", "it"],
        ["It", "is", "rare"],
        ["It", "is", "serious"],
        ["a", "list", "item"],
        ["another", "one"],
    ]
    row = measure(document)
    assert (row.sentences, row.words, row.words_per_sentence, row.flagged) == (5, 14, 2.8, False)


def test_a_page_without_patient_section_is_not_measured():
    document = parse_text("# T\n\nText.\n", path=Path("x.md"), language="en", relative="x.md", display_path="content/x.md")
    assert measure(document) is None
