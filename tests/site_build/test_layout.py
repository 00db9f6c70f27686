"""A calculator page comes out form first, its explanations folded below (site_build.pages.layout)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import calculators
from site_build.pages import layout
from tests.conftest import REPO_ROOT

HEADING_ID = re.compile(r"^##\s.*\{#(?P<id>[\w-]+)\}\s*$", re.M)


def _article(html: str) -> str:
    return html[html.index("<article"):html.index("</article>")]


def _calculator_markdown(calculator_id: str, language: str) -> str:
    root = REPO_ROOT / "content" / ("" if language == "en" else language)
    return (root / "calculators" / f"{calculator_id}.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("language", ["en", "ro"])
@pytest.mark.parametrize("calculator_id", sorted(calculators.CALCULATORS))
def test_calculator_page_opens_with_the_form_and_folds_the_explanations(built_site: Path, calculator_id, language):
    prefix = "" if language == "en" else f"{language}/"
    article = _article((built_site / prefix / "calculators" / calculator_id / "index.html").read_text(encoding="utf-8"))
    markdown_ids = HEADING_ID.findall(_calculator_markdown(calculator_id, language))

    # Title, top warning, then straight to the calculator's section.
    first_h2 = article.index("<h2")
    opening = article[:first_h2]
    assert "<h1" in opening and 'class="admonition warning"' in opening
    assert article[first_h2:].startswith('<h2 id="calculator"')
    assert article.index('data-calculator="') < article.index("<details")

    # Every section is still there, with its id; each explanation is folded under its heading,
    # the references are not.
    assert re.findall(r'<h2 id="([\w-]+)"', article) == ["calculator", *(i for i in markdown_ids if i != "calculator")]
    folded = re.findall(r'<details class="calc-explanation"><summary><h2 id="([\w-]+)"', article)
    assert folded == [i for i in markdown_ids if i not in ("calculator", "references")]
    assert article.count("<details") == article.count("</details>") == len(folded)
    # A summary is a control: nothing focusable inside it.
    assert not re.search(r"<summary>(?:(?!</summary>).)*<(?:a|button|input|select)\b", article, re.S)
    assert '<h2 id="references"' in article and 'id="references"' not in "".join(re.findall(r"<summary>.*?</summary>", article))
    # Footnotes stay reachable: they live in the references, which are never folded.
    last_details = article.rindex("</details>")
    assert article.index('<div class="footnote">') > last_details


def test_a_page_without_a_calculator_is_left_alone():
    html = '<h1 id="t">T</h1><h2 id="a">A</h2><p>x</p><h2 id="b">B</h2>'
    assert layout.calculator_first(html) == html


def test_the_calculator_section_moves_up_and_the_rest_folds():
    html = (
        '<h1 id="t">T</h1><div class="admonition warning"><p>w</p></div>\n'
        '<h2 id="when">When<a class="headerlink" href="#when" title="Permanent link">&para;</a></h2><p>a</p>\n'
        '<h2 id="calculator">Calc</h2><div class="calc"><form data-calculator="x"></form></div>\n'
        '<h2 id="how">How</h2><table></table>\n'
        '<h2 id="references">Refs</h2><div class="footnote"></div>'
    )
    assert layout.calculator_first(html) == (
        '<h1 id="t">T</h1><div class="admonition warning"><p>w</p></div>\n'
        '<h2 id="calculator">Calc</h2><div class="calc"><form data-calculator="x"></form></div>\n'
        '<details class="calc-explanation"><summary><h2 id="when">When</h2></summary><p>a</p>\n</details>\n'
        '<details class="calc-explanation"><summary><h2 id="how">How</h2></summary><table></table>\n</details>\n'
        '<h2 id="references">Refs</h2><div class="footnote"></div>'
    )


@pytest.mark.parametrize("language", ["en", "ro"])
def test_the_table_of_contents_follows_the_new_order(built_site: Path, language):
    prefix = "" if language == "en" else f"{language}/"
    html = (built_site / prefix / "calculators" / "scorten" / "index.html").read_text(encoding="utf-8")
    toc = html[html.index('md-nav--secondary'):]
    anchors = re.findall(r'<a href="#([\w-]+)" class="md-nav__link"', toc[: toc.index("</nav>")])
    assert anchors[0] == "calculator" and anchors[-1] == "references"
