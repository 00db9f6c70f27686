"""Expand the markers a Markdown page may hold into generated HTML.

Translators place a marker on a line of its own; the generator replaces it after Markdown has
been rendered, so the generated markup is never touched by Markdown:

- ``<!-- calculator: ivig-dose -->``: the calculator's form and result area;
"""
from __future__ import annotations

import re

from mkdocs.exceptions import PluginError
from mkdocs.utils import get_relative_url

import calculators
from site_build import forms, messages

MARKER = re.compile(r"<!--\s*(?P<name>calculator)(?::\s*(?P<argument>[\w-]+))?\s*-->")


def expand(html: str, *, language: str, page_url: str, source: str) -> str:
    def replace(match: re.Match) -> str:
        name, argument = match["name"], match["argument"]
        try:
            if name == "calculator":
                return _calculator(argument, language, page_url)
        except messages.MissingMessage as missing:
            raise PluginError(f"{source}: {missing.args[0]}") from None
        raise PluginError(f"{source}: unknown marker {match[0]!r}")

    return MARKER.sub(replace, html)


def _calculator(calculator_id: str | None, language: str, page_url: str) -> str:
    calculator = calculators.CALCULATORS.get(calculator_id or "")
    if calculator is None:
        known = ", ".join(sorted(calculators.CALCULATORS))
        raise PluginError(f"unknown calculator {calculator_id!r} in a calculator marker; known: {known}")
    script_url = get_relative_url("assets/calculators/page.mjs", page_url)
    return forms.render_calculator(calculator, messages.catalog(language, calculator.id), script_url)
