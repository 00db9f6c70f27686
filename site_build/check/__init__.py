"""The translators' check: ``python -m site_build check``.

It reads every page and message file of both languages and reports what a translator must do:
pages or message keys missing in one language, Romanian pages behind their English source,
twins whose structure differs, broken internal links, incomplete front matter, Romanian
orthography, text repeated from the source documents, and the readability of patient sections.

One module per concern, all working on the page model built by :mod:`.documents` from
markdown-it-py's token stream. What the build reads too (the message files, the marker syntax,
the translation record, the termbase, the placeholder grammar) lives in site_build.content; the
build never imports this package.

- :mod:`.documents`   a page parsed once: front matter, headings, markers, figures, tables,
                      footnotes, links and the text of each block, with line numbers;
- :mod:`.tree`        the content tree (site_build.content.tree), each page parsed once;
- :mod:`.pairs`       every page and message file has its twin;
- :mod:`.messages_check` the same keys and placeholders in both languages;
- :mod:`.outdated`    Romanian pages behind their English page, and ``--mark-current``;
- :mod:`.structure`   twins share heading outline, calculators, figures, tables and references;
- :mod:`.links`       internal links resolve to pages and anchors of the page's own language;
- :mod:`.front_matter` the required fields are there and well-formed;
- :mod:`.orthography` comma-below letters, no mis-encoded text, decimal commas in Romanian;
- :mod:`.originality` no run of words repeated from the source documents;
- :mod:`.readability` Flesch-Kincaid grade (English) and LIX (Romanian) of patient sections;
- :mod:`.report`      issues grouped by page, worst first, as text for people or JSON for tools;
- :mod:`.runner`      runs all of the above over one content tree.
"""
from __future__ import annotations

from .runner import check_content

__all__ = ["check_content"]
