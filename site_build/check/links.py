"""Internal links and figures resolve to files, pages and anchors of the page's own language.

A Romanian page links to Romanian pages with the same relative paths as the English page
(``../calculators/scorten.md``), and to a section by its language-independent id
(``guideline.md#ten``). The anchors a page offers are its headings' ids (explicit, or the ones
Python-Markdown's toc generates from the text), its footnotes' ids (``fn:label``,
``fnref:label``) and ids written in raw HTML. External links (``https:``, ``mailto:``) are not
followed: the check runs offline.
"""
from __future__ import annotations

import difflib
import posixpath
import re

from site_build.paths import DEFAULT_LANGUAGE, TRANSLATION_LANGUAGES

from .documents import Document
from .report import Issue, error
from .tree import ContentTree

CHECK = "links"
EXTERNAL = re.compile(r"^(?:[a-zA-Z][a-zA-Z0-9+.-]*:|//)")


def check_links(tree: ContentTree, document: Document) -> list[Issue]:
    issues = []
    for link in document.links:
        problem = _problem(tree, document, link.target, link.is_image)
        if problem:
            issues.append(error(CHECK, document.display_path, link.line, problem))
    return issues


def _problem(tree: ContentTree, document: Document, target: str, is_image: bool) -> str | None:
    target = target.strip()
    what = "Figure" if is_image else "Link"
    if not target:
        return f"{what} with no target: write the path between the parentheses."
    if EXTERNAL.match(target):
        return None
    if target.startswith("/"):
        return f"{what} `{target}` starts with /: write it relative to this file (e.g. ../conditions/dress.md) so it works in both languages."
    path_part, _, anchor = target.partition("#")
    path_part = path_part.split("?", 1)[0]
    if not path_part:
        return _anchor_problem(document, document, anchor, target)
    resolved = posixpath.normpath(posixpath.join(posixpath.dirname(document.relative), path_part))
    leaves = resolved == ".." or resolved.startswith("../")
    crosses = document.language == DEFAULT_LANGUAGE and resolved.split("/", 1)[0] in TRANSLATION_LANGUAGES
    if leaves or crosses:
        return (
            f"{what} `{target}` leaves this language's pages: link to the file in the same language, "
            "with the same relative path the English page uses."
        )
    file = tree.language_root(document.language) / resolved
    own_folder = tree.display_path(tree.language_root(document.language))
    if file.is_dir():
        return f"{what} `{target}` points at a folder: link to the Markdown file itself (e.g. {path_part.rstrip('/')}/index.md)."
    if not file.is_file():
        if is_image:
            return f"Figure `{target}` does not exist in {own_folder}/: add {tree.display_path(file)} (this language's version of the figure) or fix the path."
        return f"Broken link `{target}`: there is no {tree.display_path(file)}; fix the path (it is relative to this file)."
    if anchor and resolved.endswith(".md"):
        linked = tree.document(document.language, resolved)
        if linked is not None:
            return _anchor_problem(document, linked, anchor, target)
    return None


def _anchor_problem(document: Document, linked: Document, anchor: str, target: str) -> str | None:
    if not anchor or anchor in linked.anchors:
        return None
    where = "this page" if linked is document else linked.display_path
    close = difflib.get_close_matches(anchor, sorted(linked.anchors), n=1)
    hint = f"; did you mean #{close[0]}?" if close else "; use the {#id} of one of its headings."
    return f"Broken anchor in `{target}`: {where} has no section #{anchor}{hint}"
