"""What ``content/`` holds, read the same way by the build (site_build.pages) and the
translators' check (site_build.check), neither of which imports the other:

- :mod:`.tree`          which pages and message files exist, in which language;
- :mod:`.messages`      the translators' message files, as catalogues of texts by key;
- :mod:`.formatting`    numbers, signs, dates and ``{placeholders}`` in a language (the rule
                        the page script's ``format.mjs`` follows too);
- :mod:`.marker_syntax` how a page asks for generated content (``<!-- calculator: id -->``);
- :mod:`.translations`  which English version a translation records, what git knows of each
                        file's history, and the state of every translation;
- :mod:`.termbase`      the translators' termbase and its rule for finding a term in a text.
"""
