"""How a page asks for generated content: a marker, an HTML comment on a line of its own.

- ``<!-- calculator: ivig-dose -->``: the calculator's form and result area;
- ``<!-- calculator-inputs: ivig-dose -->``: its inputs, units and accepted ranges;
- ``<!-- calculator-criteria: scorten -->``: a score's published criteria and points;
- ``<!-- calculator-bands: scorten -->``: a score's interpretation bands;
- ``<!-- regimen-table -->``: the EDF/EADV guideline's regimen per indication;
- ``<!-- translation-status -->``: every page and the state of its Romanian translation;
- ``<!-- termbase -->``: the translators' termbase as the glossary's table.

The one grammar both the build (site_build.pages.markers, which expands them) and the
translators' check (site_build.check.documents, which compares them between twins) read.
Any other HTML comment is no marker and is left alone.
"""
from __future__ import annotations

import re

#: Markers whose argument names a calculator.
CALCULATOR_MARKERS = ("calculator", "calculator-inputs", "calculator-criteria", "calculator-bands")
#: Markers that take no argument.
PAGE_MARKERS = ("regimen-table", "translation-status", "termbase")
MARKER_NAMES = CALCULATOR_MARKERS + PAGE_MARKERS

#: A marker comment; the longest names first, so ``calculator`` never stops a longer name short.
COMMENT = (
    r"<!--\s*(?P<name>" + "|".join(sorted(map(re.escape, MARKER_NAMES), key=len, reverse=True)) + r")"
    r"(?::\s*(?P<argument>[^\s>]+))?\s*-->"
)
_WHOLE = re.compile(COMMENT)


def parse(html: str) -> tuple[str, str | None] | None:
    """The marker's name and argument when ``html`` (a raw HTML block) is one marker, else None."""
    match = _WHOLE.fullmatch(html.strip())
    return None if match is None else (match["name"], match["argument"])
