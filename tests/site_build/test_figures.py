"""Figures are written into the page: both layouts, the author's alt text as their name, no style."""
from __future__ import annotations

import pytest

from site_build.pages.figures import FigureError, inline_figures

WIDE = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 720 100" width="720" height="100" role="img" aria-labelledby="t d" lang="ro"><title id="t">Titlu</title><desc id="d">Descriere</desc><rect class="fig-bg" fill="#ffffff" width="720" height="100"/></svg>'
NARROW = WIDE.replace('viewBox="0 0 720 100"', 'viewBox="0 0 360 200"')


@pytest.fixture
def sources(tmp_path):
    (tmp_path / "chart.svg").write_text('<?xml version="1.0"?>\n<!-- drawn by hand -->\n' + WIDE, encoding="utf-8")
    (tmp_path / "chart.narrow.svg").write_text(NARROW, encoding="utf-8")
    (tmp_path / "alone.svg").write_text(WIDE, encoding="utf-8")
    return {"ro/assets/figures/chart.svg": tmp_path / "chart.svg", "ro/assets/figures/alone.svg": tmp_path / "alone.svg"}


def test_a_lone_figure_image_becomes_its_two_layouts_named_by_the_alt_text(sources):
    html = '<p>Text.</p>\n<p><img alt="O bară &quot;SSJ&quot;" src="../../assets/figures/chart.svg" /></p>'
    out = inline_figures(html, "ro/treatment/guideline/", sources)
    assert out.startswith('<p>Text.</p>\n<figure class="scar-figure scar-figure--two-layouts"><svg class="scar-figure__wide" role="img" aria-label="O bară &quot;SSJ&quot;" viewBox="0 0 720 100" lang="ro">')
    assert '<svg class="scar-figure__narrow" role="img" aria-label="O bară &quot;SSJ&quot;" viewBox="0 0 360 200" lang="ro">' in out
    assert 'width="720"' not in out.split("<rect")[0] and "<?xml" not in out and "drawn by hand" not in out
    # Each copy's ids are its own, so the two never clash.
    assert '<title id="fig-chart-wide-t">' in out and '<title id="fig-chart-narrow-t">' in out and 'id="t"' not in out
    assert out.endswith("</svg></figure>")


def test_a_figure_without_a_narrow_layout_is_inlined_alone(sources):
    out = inline_figures('<p><img alt="A" src="../../assets/figures/alone.svg"></p>', "ro/x/y/", sources)
    assert out.startswith('<figure class="scar-figure"><svg class="scar-figure__wide"') and out.count("<svg") == 1


def test_without_alt_text_the_figure_keeps_its_own_title_as_name(sources):
    out = inline_figures('<p><img alt="" src="../../assets/figures/alone.svg"></p>', "ro/x/y/", sources)
    assert 'aria-labelledby="fig-alone-wide-t fig-alone-wide-d"' in out and "aria-label=" not in out


@pytest.mark.parametrize("html", [
    '<p>See <img alt="A" src="../../assets/figures/chart.svg"> here.</p>',  # inside running text
    '<p><img alt="A" src="../../assets/photo.png"></p>',  # not a figure
    '<p><img alt="A" src="../../assets/figures/missing.svg"></p>',  # no such file
])
def test_other_images_are_left_as_they_are(sources, html):
    assert inline_figures(html, "ro/x/y/", sources) == html


@pytest.mark.parametrize("bad", ['<style>text{fill:red}</style>', '<text style="fill:red">x</text>', '<script>1</script>', '<g onclick="x()"/>'])
def test_a_figure_the_content_security_policy_would_break_is_refused(tmp_path, bad):
    (tmp_path / "bad.svg").write_text(WIDE.replace("</svg>", bad + "</svg>"), encoding="utf-8")
    with pytest.raises(FigureError, match="bad.svg"):
        inline_figures('<p><img alt="A" src="figures/bad.svg"></p>', "assets/", {"assets/figures/bad.svg": tmp_path / "bad.svg"})


def test_the_real_figures_have_both_layouts_in_both_languages_and_no_style():
    from site_build.paths import CONTENT_DIR

    for folder in (CONTENT_DIR / "assets" / "figures", CONTENT_DIR / "ro" / "assets" / "figures"):
        for name in ("sjs-ten-spectrum", "ivig-course-timeline"):
            for layout in (f"{name}.svg", f"{name}.narrow.svg"):
                text = (folder / layout).read_text(encoding="utf-8")
                assert "viewBox" in text and "style" not in text and "ş" not in text and "ţ" not in text, layout
