"""The glossary's table, from the translators' termbase (``<!-- termbase -->``).

One row per concept (site_build.content.termbase): the term in the page's language, its twin in
the other, a definition, the variants to avoid; in the alphabetical order of the page's language.
"""
from __future__ import annotations

from html import escape

from site_build.content.termbase import Concept, fold

from .tables import TABLE_CLASS, table_box

# Romanian alphabetical order: a ă â b c d e f g h i î j k l m n o p q r s ș t ț u v w x y z.
_ROMANIAN_AFTER = {"ă": ("a", 1), "â": ("a", 2), "î": ("i", 1), "ș": ("s", 1), "ş": ("s", 1), "ț": ("t", 1), "ţ": ("t", 1)}


def sort_key(text: str, language: str) -> tuple:
    """Alphabetical order in the language: Romanian puts ă â after a, î after i, ș after s, ț after t."""
    key = []
    for character in text.lower():
        if language == "ro" and character in _ROMANIAN_AFTER:
            key.append(_ROMANIAN_AFTER[character])
        else:
            base = fold(character) or character
            key.append((base, 0))
    return tuple(key)


def glossary_table(concepts: tuple[Concept, ...], language: str, texts) -> str:
    """The glossary's table: one row per concept, in the alphabetical order of the page's language.

    ``texts`` is the page language's site.yml catalog (``termbase.*`` column headings).
    """
    other = "ro" if language == "en" else "en"
    headers = [texts["termbase.term"], texts["termbase.other_language"], texts["termbase.definition"], texts["termbase.avoid"]]
    rows = []
    for concept in sorted(concepts, key=lambda concept: sort_key(concept.term(language), language)):
        cells = [
            f"<strong>{escape(concept.term(language))}</strong>",
            escape(concept.term(other)),
            escape(concept.definition.get(language, "")),
            escape(", ".join(concept.ro_avoid)),
        ]
        rows.append(f'<tr id="term-{escape(concept.id)}">' + "".join(f"<td>{cell}</td>" for cell in cells) + "</tr>")
    head = "".join(f'<th scope="col">{escape(header)}</th>' for header in headers)
    # In the theme's scrolling box, like every generated table (site_build.pages.tables.table_box).
    return table_box(f'<table class="{TABLE_CLASS} termbase"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>')
