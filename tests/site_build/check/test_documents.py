"""The page model comes from the token stream: what the parser sees, with the right lines."""
from __future__ import annotations

from pathlib import Path

from site_build.check.documents import CODE, FRONT_MATTER, PROSE, REFERENCE, parse_text

PAGE = """---
title: Demo
audience: [patients]
---

# Demo

## Explicit id {#explicit}

### Attribute list with colon {: #with-colon .wide }

### No id here

```
# not a heading
<!-- calculator: scorten -->
```

<!-- calculator: ivig-dose -->

!!! danger "Get help"
    Call now, see [the section](#explicit)
    and [another page](other.md#part).[^ref]

| a | b |
|---|---|
| 1 | 2 |

![Figure](assets/figure.svg)

## References {#references}

[^ref]: Author A, et al. A title. 2020.
[^unused]: Never cited.
"""


def parse(text: str = PAGE):
    return parse_text(text, path=Path("demo.md"), language="en", relative="demo.md", display_path="content/demo.md")


def test_front_matter_and_its_key_lines():
    document = parse()
    assert document.front_matter == {"title": "Demo", "audience": ["patients"]}
    assert document.front_matter_lines == {"title": 2, "audience": 3}
    assert [span.line for span in document.spans if span.kind == FRONT_MATTER] == [2, 3]


def test_heading_ids_are_read_from_the_attribute_list():
    headings = [(h.level, h.text, h.id, h.anchor, h.line) for h in parse().headings]
    assert headings == [
        (1, "Demo", None, "demo", 6),
        (2, "Explicit id", "explicit", "explicit", 8),
        (3, "Attribute list with colon", "with-colon", "with-colon", 10),
        (3, "No id here", None, "no-id-here", 12),
        (2, "References", "references", "references", 31),
    ]


def test_code_is_not_structure_and_admonition_bodies_are_prose():
    document = parse()
    assert [(marker.name, marker.argument, marker.line) for marker in document.markers] == [("calculator", "ivig-dose", 19)]
    assert [span.text for span in document.spans if span.kind == CODE] == ["# not a heading", "<!-- calculator: scorten -->"]
    prose = [(span.text, span.line) for span in document.spans if span.kind == PROSE]
    assert ("Call now, see ", 22) in prose and ("and ", 23) in prose


def test_links_figures_tables_and_footnotes_with_lines():
    document = parse()
    assert [(link.target, link.line, link.is_image) for link in document.links] == [
        ("#explicit", 22, False),
        ("other.md#part", 23, False),
        ("assets/figure.svg", 29, True),
    ]
    assert [(figure.source, figure.line) for figure in document.figures] == [("assets/figure.svg", 29)]
    assert [(table.section, table.line) for table in document.tables] == [("no-id-here", 25)]  # the H3 above it
    assert document.footnote_definitions == {"ref": 33, "unused": 34}
    assert document.citations == [("ref", 23)]
    assert [span.text for span in document.spans if span.kind == REFERENCE] == ["Author A, et al. A title. 2020.", "Never cited."]


def test_anchors_include_footnotes():
    assert {"explicit", "with-colon", "no-id-here", "fn:ref", "fnref:ref"} <= parse().anchors


def test_blocks_know_their_section_for_readability():
    blocks = [(block.kind, block.text, block.section) for block in parse().blocks]
    assert ("title", "Get help", "explicit") in blocks
    assert ("paragraph", "Call now, see the section and another page.", "explicit") in blocks
    assert ("h3", "No id here", "explicit") in blocks


def test_unreadable_front_matter_is_reported_with_its_line():
    document = parse("---\ntitle: Demo\ndescription: a: b: c\n---\n\n# Demo\n")
    assert document.front_matter_error is not None and document.front_matter_error[0] == 3
