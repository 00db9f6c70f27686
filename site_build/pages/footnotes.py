"""Separate adjacent footnote references, so ``[^a][^b]`` reads "1,2" and not "12".

Authors and translators write plain Markdown footnotes; the comma is the generator's job. It is
added to the rendered HTML, between two reference elements Python-Markdown wrote side by side
(``<sup id="fnref:a">...</sup><sup id="fnref:b">``): a code span or a code block showing
``[^a][^b]`` holds text, not such elements, so it is never touched.
"""
from __future__ import annotations

import re

SEPARATOR = '<sup class="fn-sep">,</sup>'

#: The end of a footnote reference directly followed by another (``fnref2:a`` for a repeated one).
_ADJACENT = re.compile(r'(<sup id="fnref\d*:[^"]+"><a class="footnote-ref" [^>]*>[^<]*</a></sup>)(?=<sup id="fnref\d*:)')


def separate_adjacent_references(html: str) -> str:
    return _ADJACENT.sub(lambda match: match[1] + SEPARATOR, html)
