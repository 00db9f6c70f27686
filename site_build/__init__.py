"""The site generator: ``python -m site_build build|serve|check`` (site_build.cli).

Laid out as the data flows:

- :mod:`.paths`    where things are, and the languages, read from mkdocs.yml;
- :mod:`.content`  what ``content/`` holds (message files, markers, translation records, the
  termbase, the formatting rule), read alike by the build and by the check;
- :mod:`.pages`    MkDocs hooks: each page from Markdown to HTML;
- :mod:`.runtime`  what the reader's browser runs (the calculators' wheel, Pyodide, ``config.mjs``);
- :mod:`.release`  after MkDocs: the service worker (:mod:`.offline`) and the compressed copies
  (:mod:`.compression`);
- :mod:`.check`    the translators' check, which the build never imports;
- ``theme/``       templates, styles and the browser's ES modules.

Nothing here is needed in the reader's browser but ``theme/``: the browser gets the
``calculators`` wheel, the Pyodide runtime and the modules in ``theme/assets/calculators/``.
"""
