"""The texts of the site's frame, in the page's language, from the translators' ``site.yml``.

Every page carries texts that are not written in its Markdown: the theme's labels and search
messages, the colour-scheme toggle, the title of each heading's permanent link, the title of
each footnote's back-link, the footer. Python-Markdown and mkdocs-material ship these in English
(or, for the theme, in their own translation), so without this module a Romanian page shows
"Permanent link" and "Jump back to footnote 1 in the text". Here they all come from the
``chrome`` section of ``content/messages/site.yml`` and its Romanian twin, which translators own
and ``python -m site_build check`` keeps in step.

It is a MkDocs hooks module (``hooks:`` in mkdocs.yml). mkdocs-static-i18n builds the site once
per language on one configuration object and sets ``theme.language`` in its own ``on_config``
(priority -100) before each build; ``on_config`` here runs after it (priority -110) and sets:

- ``mdx_configs``: the footnotes extension's ``BACKLINK_TITLE`` and the toc extension's
  ``permalink_title``; MkDocs reads them afresh for every page it renders;
- ``theme.palette[*].toggle.name``: the toggle's title, by the scheme it is shown in.

``on_env`` gives the templates ``chrome_text(key, **html)``, which the theme override
``partials/language.html`` uses for every theme text (``lang.t(...)``) and
``partials/copyright.html`` for the footer. A text the theme asks for but ``site.yml`` lacks
stops the build and names the file and key to add, as calculator messages do.
"""
from __future__ import annotations

from html import escape
from typing import Any

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from site_build.content import messages
from site_build.content.messages import site_texts
from site_build.paths import DEFAULT_LANGUAGE, LANGUAGES

SECTION = "chrome"


def build_language(config) -> str:
    """The language being built: mkdocs-static-i18n sets the theme's language per build."""
    language = config.theme.get("language") or DEFAULT_LANGUAGE
    if language not in LANGUAGES:
        raise PluginError(f"theme.language is {language!r}; the site's languages are {', '.join(LANGUAGES)}.")
    return language


def chrome_text(catalog: messages.Catalog, key: str, **html: str) -> Markup:
    """``chrome.<key>`` escaped, with each ``{name}`` replaced by the given HTML (a link...)."""
    try:
        text = escape(catalog[f"{SECTION}.{key}"], quote=True)
    except messages.MissingMessage as missing:
        raise PluginError(missing.args[0]) from None
    for name, value in html.items():
        text = text.replace("{" + name + "}", value)
    return Markup(text)


def footnote_backlink_title(catalog: messages.Catalog) -> str:
    """Python-Markdown fills the back-link title with ``str.format(number)``: ``{number}`` becomes
    ``{}`` and any other brace is doubled, so a translator's text is shown as written."""
    text = catalog[f"{SECTION}.footnote_backlink"]
    return text.replace("{", "{{").replace("}", "}}").replace("{{number}}", "{}")


@event_priority(-110)
def on_config(config, **_):
    # `serve` rebuilds in one process: read the file a translator may just have saved.
    messages.load_file.cache_clear()
    catalog = site_texts(build_language(config))
    try:
        config.mdx_configs.setdefault("footnotes", {})["BACKLINK_TITLE"] = footnote_backlink_title(catalog)
        config.mdx_configs.setdefault("toc", {})["permalink_title"] = catalog[f"{SECTION}.permalink"]
        for option in config.theme.get("palette") or []:
            if isinstance(option, dict) and option.get("toggle") is not None:
                option["toggle"]["name"] = catalog[f"{SECTION}.palette.{option.get('scheme', 'default')}"]
    except messages.MissingMessage as missing:
        raise PluginError(missing.args[0]) from None
    return config


def on_env(env, config, **_):
    catalog = site_texts(build_language(config))

    def text(key: str, **html: Any) -> Markup:
        return chrome_text(catalog, key, **html)

    def theme_text(key: str) -> Markup:
        return chrome_text(catalog, f"theme.{key}")

    env.globals["chrome_text"] = text
    env.globals["theme_text"] = theme_text
    return env
