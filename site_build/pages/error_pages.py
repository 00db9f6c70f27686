"""One "page not found" per language: ``404.html`` in English, ``ro/404.html`` in Romanian.

mkdocs-static-i18n builds each language into the same site root, and the theme writes its
``404.html`` there each time. So the page a language's build renders is placed here, as the
theme hands it over (``on_post_template``): the default language's is what MkDocs writes at the
root; any other language's is written to ``<code>/404.html`` and MkDocs writes the default
language's page at the root again. A host serves ``<code>/404.html`` for a missing address
under ``/<code>/`` and ``404.html`` elsewhere (README: "Serving the built site").

The page's words come from the translators' ``not-found.yml`` (``content/messages/`` and
``content/ro/messages/``), through the template context (``site_build/theme/404.html``). It links
to its language's home page, calculators and search. A missing address has no page in the other
language to switch to, so the theme's language selector on it leads to each language's home.
"""
from __future__ import annotations

import posixpath
from pathlib import Path
from typing import Any

from site_build.content import messages
from site_build.paths import DEFAULT_LANGUAGE, language_folder

TEMPLATE = "404.html"
MESSAGES_FILE = "not-found.yml"

_default_page: dict[str, str] = {}


def not_found_texts(language: str) -> messages.Catalog:
    return messages.catalog(language, MESSAGES_FILE.removesuffix(".yml"))


def not_found_context(context: dict[str, Any], config, language: str) -> dict[str, Any]:
    """What ``404.html`` needs: its texts and links, and a language selector to each home."""
    base = context.get("base_url") or "/"
    root = base if base.endswith("/") else base + "/"
    texts = not_found_texts(language)
    home = root + language_folder(language)
    context["not_found"] = {
        "title": texts["title"],
        "text": texts["text"],
        "home": texts["home"],
        "calculators": texts["calculators"],
        "search": texts["search"],
        "home_url": home,
        "calculators_url": posixpath.join(home, "calculators/"),
        # Material opens its search dialog on a page whose address carries ?q= (an empty one
        # too): a plain link, which needs no form (the Content-Security-Policy allows none).
        "search_url": home + "?q=",
    }
    # The theme builds its language selector (and <link rel="alternate">) from
    # config.extra.alternate, which mkdocs-static-i18n sets per page, as an attribute (which the
    # template reads before the item of that name); a template-only page would keep whatever
    # page came before it, so each entry is pointed at its language's home here, in both places.
    alternates = getattr(config.extra, "alternate", None) or config.extra.get("alternate") or []
    homes = [{**entry, "link": root + language_folder(entry.get("lang", DEFAULT_LANGUAGE))} for entry in alternates]
    config.extra["alternate"] = homes
    config.extra.alternate = homes
    return context


def place_not_found_page(output: str, site_dir: Path, language: str) -> str:
    """Write a non-default language's page to ``<code>/404.html``; return what belongs at the
    root, which is always the default language's page once it has been built."""
    key = str(site_dir)
    if language == DEFAULT_LANGUAGE:
        _default_page[key] = output
        return output
    target = site_dir / language / TEMPLATE
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return _default_page.get(key, output)
