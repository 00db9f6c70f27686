"""Separate adjacent footnote references, so ``[^a][^b]`` reads "1,2" and not "12".

Authors and translators write plain Markdown footnotes; the comma is the generator's job.
"""
from __future__ import annotations

import re

_ADJACENT = re.compile(r"(\[\^[^\]\s]+\])(?=\[\^[^\]\s]+\])")


def separate_adjacent_references(markdown: str) -> str:
    lines = []
    for line in markdown.split("\n"):
        # A footnote definition line starts with "[^label]:"; only references get a separator.
        lines.append(line if re.match(r"^\s*\[\^[^\]]+\]:", line) else _ADJACENT.sub(r'\1<sup class="fn-sep">,</sup>', line))
    return "\n".join(lines)
