import markdown

from site_build.pages.footnotes import SEPARATOR, separate_adjacent_references


def _render(text: str) -> str:
    return separate_adjacent_references(markdown.markdown(text, extensions=["footnotes", "admonition"]))


def test_adjacent_references_get_a_separator():
    html = _render("Claim.[^a][^b][^c] Other.[^d] Again.[^a][^d]\n\n[^a]: A.\n[^b]: B.\n[^c]: C.\n[^d]: D.")
    assert html.count(SEPARATOR) == 3
    assert f'>1</a></sup>{SEPARATOR}<sup id="fnref:b">' in html and f'>2</a></sup>{SEPARATOR}<sup id="fnref:c">' in html
    assert f'>1</a></sup>{SEPARATOR}<sup id="fnref2:d">' in html


def test_code_and_definitions_are_left_alone():
    html = _render("Use `[^a][^b]` in code.\n\n    [^a][^b]\n\nSee[^a].\n\n[^a]: Source [^b][^c]\n")
    assert SEPARATOR not in html
    assert "<code>[^a][^b]</code>" in html
