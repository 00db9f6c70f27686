"""A calculator page's layout: the form first, the explanations folded below it.

Translators write a calculator page as plain Markdown, explanations first and the calculator
marker in a section of its own. On a phone that put the form 750-1,200 px down. The page's
rendered HTML is rearranged here instead, so no content page changes:

- the ``<h2>`` section that holds the calculator moves to just after the page's opening (its
  title and top warning);
- every other ``<h2>`` section but the references (``id="references"``), which footnote links
  lead to, is wrapped in ``<details class="calc-explanation">`` whose ``<summary>`` holds the
  heading itself, id included (its permalink anchor dropped: no link inside a control): links to a section keep working, and Chromium unfolds a closed
  ``<details>`` when a link leads into it;
- the page's table of contents follows the new order.

Pages without a calculator are left alone.
"""
from __future__ import annotations

import re

#: An ``<h2>`` opening tag, and its ``id``.
H2 = re.compile(r"<h2\b[^>]*>")
H2_ID = re.compile(r'<h2\b[^>]*\bid="(?P<id>[^"]*)"')
#: The theme's permalink anchor beside a heading.
HEADERLINK = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.S)
#: The markup forms.py writes for a calculator.
CALCULATOR = 'data-calculator="'
#: Sections that stay open: the references, which footnote links point into.
ALWAYS_OPEN = frozenset({"references"})


def _sections(html: str) -> tuple[str, list[str]]:
    """The HTML before the first ``<h2>``, and each ``<h2>`` section to the next one."""
    starts = [match.start() for match in H2.finditer(html)]
    if not starts:
        return html, []
    ends = [*starts[1:], len(html)]
    return html[: starts[0]], [html[start:end] for start, end in zip(starts, ends)]


def _id(section: str) -> str | None:
    match = H2_ID.match(section)
    return match["id"] if match else None


def _folded(section: str) -> str:
    heading_end = section.index("</h2>") + len("</h2>")
    heading, body = section[:heading_end], section[heading_end:]
    # A <summary> is itself the control: the theme's permalink (a link) inside it would be a
    # control within a control (axe "nested-interactive"). The heading keeps its id.
    heading = HEADERLINK.sub("", heading)
    return f'<details class="calc-explanation"><summary>{heading}</summary>{body}</details>\n'


def calculator_first(html: str) -> str:
    """``html`` with its calculator section first and the other sections folded (see above)."""
    if CALCULATOR not in html:
        return html
    opening, sections = _sections(html)
    calculator = [section for section in sections if CALCULATOR in section]
    if len(calculator) != 1 or CALCULATOR in opening:
        return html  # a calculator outside any section, or several: nothing safe to move
    others = [section for section in sections if section is not calculator[0]]
    rest = [section if _id(section) in ALWAYS_OPEN else _folded(section) for section in others]
    return opening + calculator[0] + "".join(rest)


def calculator_section_id(html: str) -> str | None:
    """The id of the ``<h2>`` whose section holds the calculator, if there is one."""
    _, sections = _sections(html)
    for section in sections:
        if CALCULATOR in section:
            return _id(section)
    return None


def reorder_toc(toc, first_id: str | None) -> None:
    """Put the calculator's entry first among its siblings in the page's table of contents,
    which MkDocs built from the Markdown order."""
    if first_id is None:
        return

    def visit(items) -> bool:
        for index, item in enumerate(items):
            if item.id == first_id:
                items.insert(0, items.pop(index))
                return True
            if visit(item.children):
                return True
        return False

    visit(toc.items)
