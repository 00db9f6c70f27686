"""Romanian orthography a reader notices: cedilla letters, mis-encoded text, decimal points.

- **Cedilla letters** ş ţ Ş Ţ (U+015F, U+0163, U+015E, U+0162) are Turkish letters; Romanian
  writes ș ț Ș Ț with a comma below (U+0219, U+021B, U+0218, U+021A). Old keyboards and fonts
  still produce the cedilla forms. Checked in every text a reader sees, both languages (the
  English glossary holds Romanian terms); not in references, where a Turkish author's name may
  rightly carry a cedilla, nor in code.
- **Mis-encoded text** (mojibake): UTF-8 read as Windows-1252 turns ă into ``Äƒ``, ș into
  ``È™``, „ into ``â€ž``; a file that is not UTF-8 at all shows U+FFFD. Romanian read as
  Latin-1 instead of Latin-2 turns ă into ``ã``, ș into ``º``, ț into ``þ`` (``ã`` never occurs
  in Romanian). The multi-character forms are checked everywhere, the single letters only in
  Romanian prose (a Portuguese name in a reference may rightly hold ``ã``).
- **Decimal points** in Romanian prose: ``3.2%`` must be ``3,2%``. A number is looked at only
  when it stands as a word of prose (not in code, links, references, front matter sources):
  words holding ``/`` or ``:`` (DOIs, ratios, times), two points (versions, dates like
  22.11.2026) or letters (``v1.2``, ``L51.2``) are skipped. ``1.400`` is how Romanian groups
  thousands, so a point followed by exactly three digits is accepted, unless the English page
  has the very same number, where it is an English decimal copied unchanged: then a warning
  asks the translator to decide.

Character problems are reported once per line with the fix; these are character-level
problems, so they are looked for in the text of each token (and in front matter lines), with
the token's kind deciding where each rule applies.
"""
from __future__ import annotations

import re
from typing import Iterable

from .documents import CODE, FRONT_MATTER, HTML, PROSE, REFERENCE, Span
from .report import Issue, error, warning

CHECK = "orthography"

CEDILLA_TO_COMMA = {"\u015f": "\u0219", "\u0163": "\u021b", "\u015e": "\u0218", "\u0162": "\u021a"}
CEDILLA = re.compile("[" + "".join(CEDILLA_TO_COMMA) + "]")

# The characters Windows-1252 shows for the UTF-8 continuation bytes 0x80-0xBF.
_CONTINUATION = "".join(bytes([byte]).decode("cp1252", errors="ignore") or chr(byte) for byte in range(0x80, 0xC0))
_CONTINUATION_CLASS = "[" + re.escape(_CONTINUATION) + "]"
# Lead bytes of Romanian letters and typographic punctuation in UTF-8, as Windows-1252 shows them:
# C2 (Â), C3 (Ã), C4 (Ä), C5 (Å), C8 (È) start two-byte letters; E2 (â) starts „ ” – … (three bytes).
MOJIBAKE = re.compile(
    f"(?:[ÂÃÄÅÈ]{_CONTINUATION_CLASS}|â{_CONTINUATION_CLASS}{_CONTINUATION_CLASS}|â€|\ufffd)"
)
LATIN1_FOR_LATIN2 = {"ã": "ă", "Ã": "Ă", "º": "ș", "ª": "Ș", "þ": "ț", "Þ": "Ț"}
LATIN1_LETTER = re.compile("[" + "".join(LATIN1_FOR_LATIN2) + "]")

NUMBER_WITH_POINT = re.compile(r"^\d+\.\d+$")
THOUSANDS_GROUPED = re.compile(r"^[1-9]\d{0,2}\.\d{3}$")
WORD_EDGES_LEFT = "([{\"'„“«*_"
WORD_EDGES_RIGHT = ".,;:!?)]}\"'”»%‰*_"

CHARACTER_KINDS = (PROSE, FRONT_MATTER, HTML)  # where cedilla letters are wrong
DECIMAL_KINDS = (PROSE, FRONT_MATTER)


def check_spans(path: str, spans: Iterable[Span], *, romanian: bool, english_numbers: set[str] = frozenset()) -> list[Issue]:
    """Every orthography issue in a file's spans, one issue per line and kind of problem."""
    issues = []
    for span in spans:
        if span.kind in CHARACTER_KINDS:
            cedillas = sorted(set(CEDILLA.findall(span.text)))
            if cedillas:
                wrong = " ".join(cedillas)
                right = " ".join(CEDILLA_TO_COMMA[letter] for letter in cedillas)
                issues.append(error(CHECK, path, span.line, f"Cedilla letters {wrong}: write {right} (comma below). Replace them in the whole file."))
        if span.kind in (PROSE, FRONT_MATTER, HTML, REFERENCE, CODE):
            garbled = list(dict.fromkeys(MOJIBAKE.findall(span.text)))
            if garbled:
                issues.append(error(CHECK, path, span.line, f"Mis-encoded text {_describe_mojibake(garbled)}: the file was saved or pasted with the wrong encoding; retype these letters and save the file as UTF-8."))
        if romanian and span.kind in (PROSE, FRONT_MATTER):
            singles = sorted(set(LATIN1_LETTER.findall(MOJIBAKE.sub("", span.text))))
            if singles:
                fixes = ", ".join(f"{letter} → {LATIN1_FOR_LATIN2[letter]}" for letter in singles)
                issues.append(error(CHECK, path, span.line, f"Letters that are not Romanian ({fixes}): likely mis-encoded; write the Romanian letters."))
        if romanian and span.kind in DECIMAL_KINDS:
            issues.extend(_decimal_issues(path, span, english_numbers))
    return issues


def numbers_with_point(text: str) -> list[str]:
    """The numbers written with a decimal point in a piece of prose (see the module docstring)."""
    found = []
    for word in text.split():
        core = word.lstrip(WORD_EDGES_LEFT).rstrip(WORD_EDGES_RIGHT)
        if any(mark in core for mark in "/:@="):
            continue
        # Ranges and signs: 1.6-2, 0.5–0.9, −3.2
        for part in re.split("[-\u2013\u2014\u2212]", core):
            if NUMBER_WITH_POINT.match(part):
                found.append(part)
    return found


def _decimal_issues(path: str, span: Span, english_numbers: set[str]) -> list[Issue]:
    issues = []
    for number in dict.fromkeys(numbers_with_point(span.text)):
        if THOUSANDS_GROUPED.match(number):
            if number in english_numbers:
                issues.append(warning(
                    CHECK, path, span.line,
                    f"`{number}` also appears in the English page, where it is a decimal: if it means "
                    f"{number.replace('.', ',')}, write the decimal comma; if it is a thousands group, keep it.",
                ))
            continue
        issues.append(error(CHECK, path, span.line, f"Decimal point in `{number}`: Romanian writes `{number.replace('.', ',')}` (decimal comma)."))
    return issues


def _describe_mojibake(garbled: list[str]) -> str:
    described = []
    for sequence in garbled:
        if sequence == "\ufffd":
            described.append("� (unreadable byte)")
            continue
        try:
            repaired = b"".join(_as_cp1252_byte(character) for character in sequence).decode("utf-8")
            described.append(f"`{sequence}` (should be `{repaired}`)")
        except UnicodeDecodeError:
            described.append(f"`{sequence}`")
    return ", ".join(described)


def _as_cp1252_byte(character: str) -> bytes:
    """The byte Windows-1252 shows as this character (Latin-1 for the five bytes it leaves undefined)."""
    try:
        return character.encode("cp1252")
    except UnicodeEncodeError:
        return character.encode("latin-1")
