"""Romanian orthography: which numbers count as decimals, which characters are wrong."""
from __future__ import annotations

import pytest

from site_build.check.documents import CODE, PROSE, REFERENCE, Span
from site_build.check.orthography import check_spans, numbers_with_point


@pytest.mark.parametrize(
    "text, numbers",
    [
        ("0.4 g/kg pe zi", ["0.4"]),
        ("crește la 3.2%.", ["3.2"]),
        ("între 1.6-2 g/kg și 0.5–0.9", ["1.6", "0.5", "0.9"]),
        ("(p = 0.03)", ["0.03"]),
        ("între 3.000 și 10.000 de donatori", ["3.000", "10.000"]),  # classified later
        ("Python 3.14.2, 22.11.2026, v1.2, L51.2, HLA-B*15.02", []),
        ("doi:10.1111/jdv.13725 și 1.6/2 și 10:30", []),
        ("0,4 g/kg și 3,2%", []),
    ],
)
def test_numbers_with_a_decimal_point(text, numbers):
    assert numbers_with_point(text) == numbers


def messages(spans, *, romanian=True, english_numbers=frozenset()):
    return [issue.message for issue in check_spans("x.md", spans, romanian=romanian, english_numbers=set(english_numbers))]


def test_thousands_groups_pass_unless_the_english_page_has_the_same_decimal():
    assert messages([Span("1.400 mL", 1, PROSE)]) == []
    [message] = messages([Span("1.400 mL", 1, PROSE)], english_numbers={"1.400"})
    assert message.startswith("`1.400` also appears in the English page")


def test_decimals_are_not_looked_for_in_code_references_or_english():
    assert messages([Span("0.4", 1, CODE), Span("Vol. 2.5", 2, REFERENCE)]) == []
    assert messages([Span("0.4 g/kg", 1, PROSE)], romanian=False) == []


def test_cedilla_letters_in_a_turkish_authors_name_in_a_reference_are_fine():
    assert messages([Span("Şahin A, et al.", 1, REFERENCE)]) == []
    assert messages([Span("şi", 1, PROSE)]) == ["Cedilla letters ş: write ș (comma below). Replace them in the whole file."]


def test_mojibake_is_named_with_its_repair():
    [message] = messages([Span("â€žcitatâ€", 1, PROSE)])
    assert "`â€ž` (should be `„`)" in message and "`â€`" in message


def test_letters_read_as_latin1_are_wrong_only_in_romanian_prose():
    assert messages([Span("São Paulo", 1, REFERENCE)]) == []
    assert messages([Span("São Paulo", 1, PROSE)], romanian=False) == []
    assert messages([Span("mãr", 1, PROSE)]) == ["Letters that are not Romanian (ã → ă): likely mis-encoded; write the Romanian letters."]
