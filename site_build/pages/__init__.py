"""Each page, from Markdown to HTML: the MkDocs hooks (``hooks:`` in mkdocs.yml) and what they
hand each page to, in the order a page goes through them:

- :mod:`.hooks`        the seam between MkDocs and the generator, kept thin;
- :mod:`.theme_texts`  the theme's own texts (buttons, toggles, footer) in the page's language;
- :mod:`.footnotes`    "1,2" rather than "12" between adjacent footnote numbers;
- :mod:`.markers`      each ``<!-- marker -->`` replaced by what it asks for:
  :mod:`.forms` (a calculator), :mod:`.tables` (its inputs, criteria and bands, the regimens),
  :mod:`.glossary` (the termbase), :mod:`.status_page` (the translations' state);
- :mod:`.layout`       a calculator page's form first, its explanations folded;
- :mod:`.figures`      SVG figures written into the page, to follow the palette;
- :mod:`.page_notes`   the review date, and the notice on an outdated translation;
- :mod:`.error_pages`  one "page not found" per language;
- :mod:`.search_index` one search index per language, accents optional;
- :mod:`.security`     the Content-Security-Policy of every page.
"""
