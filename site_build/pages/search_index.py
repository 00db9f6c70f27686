"""One search index per language, in which accents are optional.

mkdocs-static-i18n builds each language in turn and, at the very end, writes one index of every
language's pages to ``search/search_index.json``: a Romanian reader's search then ranks English
pages first. Material's search script fetches ``<base>/search/search_index.json``, ``base``
being the site's root as the page's ``__config`` states it. So, after the last build:

- :func:`split_search_index` writes each language its own index: the default language's stays
  at ``search/search_index.json``, Romanian's goes to ``ro/search/search_index.json`` with its
  addresses made relative to ``ro/``, and each index declares only its own language (its lunr
  stop words, no other language's);
- :func:`localise_search_base` sets ``base`` in each Romanian page's ``__config`` to the
  Romanian root (``ro/``), so the script fetches that index and resolves its results there.
  Nothing else in the theme's script reads ``base`` on our pages (it also serves the instant
  navigation and version selector, both off); the palette choice is kept under the site root
  by a separate snippet, so it stays shared by both languages.

Accents: readers often type Romanian without its diacritics ("eruptie" for "erupție"), or with
cedillas (ş, ţ) instead of commas below (ș, ț). Material searches the fields an index declares
(``plugins.search.fields`` in mkdocs.yml), so every entry whose title or text holds an accented
word also gets ``title_folded`` / ``text_folded``: those words without accents, and with
cedillas. A word appears in the plain field or in the folded one, never counted twice, so
ranking is unchanged; results show the page's own text, with its diacritics.
"""
from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from site_build.paths import DEFAULT_LANGUAGE, LANGUAGES

INDEX_PATH = "search/search_index.json"
FOLDED_FIELDS = {"title": "title_folded", "text": "text_folded"}

_CONFIG_SCRIPT = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
_BASE = re.compile(r'("base":\s*")([^"]*)(")')
_TAG = re.compile(r"<[^>]+>")
_CEDILLA = str.maketrans({"ș": "ş", "ț": "ţ", "Ș": "Ş", "Ț": "Ţ"})


def fold(word: str) -> str:
    """``erupție`` -> ``eruptie``: letters without their accents (ș, ş -> s; ț, ţ -> t; ă, â -> a)."""
    return "".join(character for character in unicodedata.normalize("NFD", word) if unicodedata.category(character) != "Mn")


def folded_words(text: str, separator: re.Pattern) -> str:
    """The words of ``text`` (markup left out) that accents change, each without accents and,
    when spelled with ș/ț, with the cedilla letters too; space-separated, each word once."""
    found: dict[str, None] = {}
    for word in separator.split(_TAG.sub(" ", text)):
        word = word.lower()
        if not word:
            continue
        for variant in (fold(word), word.translate(_CEDILLA)):
            if variant != word:
                found.setdefault(variant)
    return " ".join(found)


def split_search_index(site_dir: Path) -> dict[str, int]:
    """Rewrite the one index of every language as one index per language; return the number
    of entries each language got. Run once, after the last language's build."""
    merged_path = site_dir / INDEX_PATH
    merged = json.loads(merged_path.read_text(encoding="utf-8"))
    config, documents = merged["config"], merged["docs"]
    separator = re.compile(config["separator"])
    others = tuple(f"{language}/" for language in LANGUAGES if language != DEFAULT_LANGUAGE)
    counts = {}
    for language in LANGUAGES:
        prefix = "" if language == DEFAULT_LANGUAGE else f"{language}/"
        if language == DEFAULT_LANGUAGE:
            own = [document for document in documents if not document["location"].startswith(others)]
        else:
            own = [document for document in documents if document["location"].startswith(prefix)]
        entries = []
        for document in own:
            entry = {**document, "location": document["location"].removeprefix(prefix)}
            for field, folded_field in FOLDED_FIELDS.items():
                words = folded_words(document.get(field, ""), separator)
                if words:
                    entry[folded_field] = words
            entries.append(entry)
        index = {"config": {**config, "lang": [language]}, "docs": entries}
        path = site_dir / prefix / INDEX_PATH
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
        counts[language] = len(entries)
    return counts


def localise_search_base(html: str, language: str) -> str:
    """Point the page's ``__config`` base at its language's root (``<base>/ro/``)."""
    if language == DEFAULT_LANGUAGE:
        return html

    def in_config(match: re.Match) -> str:
        def rebase(base: re.Match) -> str:
            root = base[2] if base[2].endswith("/") else base[2] + "/"
            return f"{base[1]}{root}{language}/{base[3]}"

        return match[1] + _BASE.sub(rebase, match[2], count=1) + match[3]

    return _CONFIG_SCRIPT.sub(in_config, html, count=1)
