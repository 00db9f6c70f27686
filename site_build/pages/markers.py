"""Expand the markers a Markdown page may hold into generated HTML.

Translators place a marker on a line of its own (site_build.content.marker_syntax lists them);
the generator replaces it after Markdown has been rendered, so the generated markup is never
touched by Markdown. All of them come from ``calculators`` and the translators' files: a page
never retypes a threshold, a point value or a dose.
"""
from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

import calculators
from site_build.content import messages, termbase
from site_build.content.marker_syntax import COMMENT
from site_build.pages import forms, glossary, status_page, tables

#: A marker as Python-Markdown leaves it, alone or wrapped in a paragraph.
MARKER = re.compile(r"(?:<p>)?" + COMMENT + r"(?:</p>)?")
TABLES = {
    "calculator-inputs": tables.inputs_table,
    "calculator-criteria": tables.criteria_table,
    "calculator-bands": tables.bands_table,
}


def expand(html: str, *, page: Page, config: MkDocsConfig) -> str:
    """``html`` (a rendered page) with each marker replaced; a page's language is its file's
    locale (mkdocs-static-i18n)."""
    language, page_url, source = page.file.locale, page.url, page.file.src_uri

    def replace(match: re.Match) -> str:
        name, argument = match["name"], match["argument"]
        try:
            if name == "calculator":
                return _calculator(argument, language, page_url)
            if name in TABLES:
                calculator = _find(argument)
                return TABLES[name](calculator, messages.catalog(language, calculator.id))
            if name == "regimen-table":
                return tables.regimen_table(messages.catalog(language, "guideline"))
            if name == "translation-status":
                return status_page.translation_status_table(language, page_url, use_directory_urls=config.use_directory_urls)
            if name == "termbase":
                return glossary.glossary_table(termbase.load(), language, messages.site_texts(language))
        except messages.MissingMessage as missing:
            raise PluginError(f"{source}: {missing.args[0]}") from None
        raise PluginError(f"{source}: unknown marker {match[0]!r}")

    return MARKER.sub(replace, html)


def _find(calculator_id: str | None):
    calculator = calculators.CALCULATORS.get(calculator_id or "")
    if calculator is None:
        known = ", ".join(sorted(calculators.CALCULATORS))
        raise PluginError(f"unknown calculator {calculator_id!r} in a marker; known: {known}")
    return calculator


def _calculator(calculator_id: str | None, language: str, page_url: str) -> str:
    calculator = _find(calculator_id)
    script_url = get_relative_url("assets/calculators/page.mjs", page_url)
    return forms.render_calculator(calculator, messages.catalog(language, calculator.id), script_url)
