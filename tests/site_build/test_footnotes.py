from site_build.pages.footnotes import separate_adjacent_references


def test_adjacent_references_get_a_separator():
    text = "Claim.[^a][^b][^c] Other.[^d]"
    assert separate_adjacent_references(text) == 'Claim.[^a]<sup class="fn-sep">,</sup>[^b]<sup class="fn-sep">,</sup>[^c] Other.[^d]'


def test_definitions_are_left_alone():
    assert separate_adjacent_references("[^a]: Source [^b][^c]") == "[^a]: Source [^b][^c]"
