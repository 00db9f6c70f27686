"""A Markdown page parsed once, from markdown-it-py's token stream, into what the checks compare.

Why tokens and not regular expressions over the raw text: a ``#`` in a code block is not a
heading, a ``3.2`` in a link or a DOI is not prose, a ``<!-- calculator: x -->`` inside a code
sample is not a marker, and an admonition's indented body is text, not code. The parser knows;
a regular expression guesses.

The parser is configured like the site's Python-Markdown extensions (tables, footnotes,
admonitions and details, definition lists, front matter, raw HTML). Python-Markdown's
``{#id}`` attribute list on headings has no markdown-it rule, so it stays in the heading's
inline content and is read from there with mdit-py-plugins' attribute parser.
Footnote definitions are kept where they are written (the ``footnote_tail`` rule, which moves
them to the end and drops the unreferenced ones, is disabled), so every definition keeps its line.

Line numbers are 1-based and count from the top of the file, front matter included.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote

import yaml
from markdown.extensions.toc import slugify
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.attrs.parse import ParseError, parse as parse_attributes
from mdit_py_plugins.deflist import deflist_plugin
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from site_build.content import marker_syntax

# Kinds of text span: the checks pick the kinds they apply to.
PROSE = "prose"  # text a reader reads: paragraphs, list items, headings, table cells, alt text
CODE = "code"  # inline code, fenced and indented code blocks
REFERENCE = "reference"  # the text of a footnote definition: citations, titles in other languages
HTML = "html"  # raw HTML blocks and inline HTML
FRONT_MATTER = "front_matter"  # the YAML lines between the two ``---``

# Python-Markdown's attr_list on a heading: `## Title {#id}` or `## Title {: #id .class }`.
HEADING_ATTRIBUTES = re.compile(r"(?:^|\s+)\{:?\s*(?P<body>[^{}\n]*?)\s*\}\s*$")
UNDEFINED_FOOTNOTE = re.compile(r"\[\^(?P<label>[^\]\s]+)\]")
HTML_ID = re.compile(r"""\bid\s*=\s*["']([^"']+)["']""")


@dataclass(frozen=True)
class Heading:
    level: int
    text: str  # as written, without the attribute list
    id: str | None  # the explicit ``{#id}``, None when the heading has none
    anchor: str  # the id the built page carries: the explicit one, or one generated from the text
    line: int

    def as_markdown(self) -> str:
        suffix = f" {{#{self.id}}}" if self.id else ""
        return f"{'#' * self.level} {self.text}{suffix}"


@dataclass(frozen=True)
class Marker:
    name: str
    argument: str | None
    line: int

    def as_markdown(self) -> str:
        return f"<!-- {self.name}: {self.argument} -->" if self.argument else f"<!-- {self.name} -->"


@dataclass(frozen=True)
class Figure:
    source: str
    line: int


@dataclass(frozen=True)
class Table:
    section: str | None  # anchor of the heading the table sits under
    line: int


@dataclass(frozen=True)
class Link:
    target: str  # as written, percent-decoded
    line: int
    is_image: bool = False


@dataclass(frozen=True)
class Span:
    """A piece of text on one line, with what kind of text it is."""

    text: str
    line: int
    kind: str


@dataclass(frozen=True)
class Block:
    """The text of one block (a paragraph, list item, heading, table cell or admonition title).

    Readability counts each block as at least one sentence. ``kind`` is the heading tag
    (``h2``...), ``paragraph``, ``cell`` or ``title``; ``section`` the anchor of the H2 above.
    """

    kind: str
    text: str
    line: int
    section: str | None


@dataclass
class Document:
    path: Path
    language: str
    relative: str  # posix path from the language's root, e.g. ``conditions/ten-sjs.md``
    display_path: str  # how reports name the file, e.g. ``content/ro/conditions/ten-sjs.md``
    text: str
    front_matter: dict[str, Any] = field(default_factory=dict)
    front_matter_error: tuple[int, str] | None = None
    front_matter_lines: dict[str, int] = field(default_factory=dict)
    has_front_matter: bool = False
    headings: list[Heading] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    tables: list[Table] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    footnote_definitions: dict[str, int] = field(default_factory=dict)
    citations: list[tuple[str, int]] = field(default_factory=list)
    undefined_citations: list[tuple[str, int]] = field(default_factory=list)
    spans: list[Span] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    html_ids: set[str] = field(default_factory=set)

    @property
    def anchors(self) -> set[str]:
        """Every id a link may point at in the built page."""
        footnotes = {f"fn:{label}" for label in self.footnote_definitions}
        back_references = {f"fnref:{label}" for label, _ in self.citations}
        return {heading.anchor for heading in self.headings} | footnotes | back_references | self.html_ids

    def front_matter_line(self, key: str) -> int:
        """The line of a front matter key, or of the front matter's start when the key is absent."""
        return self.front_matter_lines.get(key, 1)


@lru_cache(maxsize=1)
def markdown_parser() -> MarkdownIt:
    parser = (
        MarkdownIt("commonmark", {"html": True})
        .enable(["table", "strikethrough"])
        .use(front_matter_plugin)
        .use(footnote_plugin)
        .use(admon_plugin)
        .use(deflist_plugin)
    )
    parser.disable("footnote_tail")
    return parser


def parse_file(path: Path, language: str, relative: str, display_path: str) -> Document:
    # A byte that is not UTF-8 becomes U+FFFD, which the orthography check reports by line.
    text = path.read_bytes().decode("utf-8", errors="replace")
    return parse_text(text, path=path, language=language, relative=relative, display_path=display_path)


def parse_text(text: str, *, path: Path, language: str, relative: str, display_path: str) -> Document:
    document = Document(path=path, language=language, relative=relative, display_path=display_path, text=text)
    tokens = markdown_parser().parse(text)
    _Walker(document).walk(tokens)
    return document


class _Walker:
    """Walks the token stream once, filling the document model."""

    def __init__(self, document: Document):
        self.document = document
        self.section: str | None = None  # anchor of the current H2
        self.subsection: str | None = None  # anchor of the current H2 or H3 (for tables)
        self.in_footnote_definition = 0
        self.used_anchors: set[str] = set()

    def walk(self, tokens: list[Token]) -> None:
        for index, token in enumerate(tokens):
            kind = token.type
            if kind == "front_matter":
                self._front_matter(token)
            elif kind == "footnote_reference_open":
                self.in_footnote_definition += 1
                self.document.footnote_definitions.setdefault(token.meta["label"], _line(token))
            elif kind == "footnote_reference_close":
                self.in_footnote_definition -= 1
            elif kind == "table_open":
                self.document.tables.append(Table(self.subsection, _line(token)))
            elif kind == "html_block":
                self._html_block(token)
            elif kind in ("fence", "code_block"):
                self._code_block(token)
            elif kind == "inline":
                opener = tokens[index - 1] if index else None
                self._inline(token, opener)

    # -- blocks -------------------------------------------------------------------------------

    def _front_matter(self, token: Token) -> None:
        document = self.document
        document.has_front_matter = True
        first_line = _line(token) + 1  # the line after the opening ---
        for offset, line_text in enumerate(token.content.splitlines()):
            document.spans.append(Span(line_text, first_line + offset, FRONT_MATTER))
        try:
            data = yaml.safe_load(token.content) if token.content.strip() else {}
            root = yaml.compose(token.content) if token.content.strip() else None
        except yaml.YAMLError as failure:
            mark = getattr(failure, "problem_mark", None)
            line = first_line + mark.line if mark is not None else first_line
            problem = getattr(failure, "problem", None) or str(failure)
            document.front_matter_error = (line, problem)
            return
        if not isinstance(data, dict):
            document.front_matter_error = (first_line, "the front matter is not a list of `key: value` lines")
            return
        document.front_matter = data
        if isinstance(root, yaml.MappingNode):
            for key_node, _ in root.value:
                document.front_matter_lines[str(key_node.value)] = first_line + key_node.start_mark.line

    def _html_block(self, token: Token) -> None:
        content = token.content.strip()
        marker = marker_syntax.parse(content)
        if marker is not None:
            self.document.markers.append(Marker(*marker, _line(token)))
            return
        self.document.html_ids.update(HTML_ID.findall(content))
        for offset, line_text in enumerate(token.content.splitlines()):
            self.document.spans.append(Span(line_text, _line(token) + offset, HTML))

    def _code_block(self, token: Token) -> None:
        first = _line(token) + (1 if token.type == "fence" else 0)
        for offset, line_text in enumerate(token.content.splitlines()):
            self.document.spans.append(Span(line_text, first + offset, CODE))

    # -- inline content -----------------------------------------------------------------------

    def _inline(self, token: Token, opener: Token | None) -> None:
        children = list(token.children or [])
        block_kind = "paragraph"
        heading: Heading | None = None
        if opener is not None and opener.type == "heading_open":
            block_kind = opener.tag
            heading, children = self._heading(token, opener, children)
        elif opener is not None and opener.type == "admonition_title_open":
            block_kind = "title"
        elif opener is not None and opener.type in ("th_open", "td_open"):
            block_kind = "cell"

        text_kind = REFERENCE if self.in_footnote_definition else PROSE
        line = _line(token)
        pieces: list[str] = []
        for child in children:
            if child.type in ("softbreak", "hardbreak"):
                line += 1
                pieces.append(" ")
            elif child.type == "text":
                self.document.spans.append(Span(child.content, line, text_kind))
                pieces.append(child.content)
                for undefined in UNDEFINED_FOOTNOTE.finditer(child.content):
                    self.document.undefined_citations.append((undefined["label"], line))
            elif child.type == "code_inline":
                self.document.spans.append(Span(child.content, line, CODE))
                pieces.append(child.content)
            elif child.type == "html_inline":
                self.document.spans.append(Span(child.content, line, HTML))
                self.document.html_ids.update(HTML_ID.findall(child.content))
            elif child.type == "link_open":
                self.document.links.append(Link(unquote(str(child.attrs.get("href", ""))), line))
            elif child.type == "image":
                source = unquote(str(child.attrs.get("src", "")))
                self.document.figures.append(Figure(source, line))
                self.document.links.append(Link(source, line, is_image=True))
                # The alt text is read aloud by screen readers: it is prose, but not a sentence
                # of the page's body for readability.
                for alt_child in child.children or []:
                    if alt_child.type == "text":
                        self.document.spans.append(Span(alt_child.content, line, text_kind))
            elif child.type == "footnote_ref":
                self.document.citations.append((child.meta["label"], line))

        text = " ".join("".join(pieces).split())
        if heading is not None:
            text = heading.text
        if not self.in_footnote_definition and text:
            self.document.blocks.append(Block(block_kind, text, _line(token), self.section))

    def _heading(self, token: Token, opener: Token, children: list[Token]) -> tuple[Heading, list[Token]]:
        level = int(opener.tag[1:])
        content = token.content
        explicit_id: str | None = None
        attributes = HEADING_ATTRIBUTES.search(content)
        if attributes:
            try:
                _, parsed = parse_attributes("{" + attributes["body"] + "}")
            except ParseError:
                parsed = {}
            explicit_id = parsed.get("id")
            if parsed:
                content = content[: attributes.start()]
                children = _strip_trailing(children, attributes.group(0))
        plain = "".join(child.content for child in children if child.type in ("text", "code_inline")).strip()
        anchor = explicit_id or self._unique(slugify(plain, "-"))
        self.used_anchors.add(anchor)
        heading = Heading(level, content.strip(), explicit_id, anchor, _line(token))
        self.document.headings.append(heading)
        if level == 2:
            self.section = anchor
        if level in (2, 3):
            self.subsection = anchor
        return heading, children

    def _unique(self, anchor: str) -> str:
        """Python-Markdown's toc: a repeated generated id gets ``_1``, ``_2``..."""
        candidate, number = anchor, 0
        while candidate in self.used_anchors:
            number += 1
            candidate = f"{anchor}_{number}"
        return candidate


def _strip_trailing(children: list[Token], suffix: str) -> list[Token]:
    """The heading's children without the ``{#id}`` text at the end of the last text token."""
    if not children or children[-1].type != "text" or not children[-1].content.endswith(suffix):
        return children
    last = children[-1].copy()
    last.content = last.content[: -len(suffix)]
    return [*children[:-1], last]


def _line(token: Token) -> int:
    return token.map[0] + 1 if token.map else 1
