"""Figures written into the page itself, so that they follow the reader's palette and fit a phone.

A page shows a figure as Markdown writes it, ``![what it shows](../assets/figures/<name>.svg)``.
An SVG shown through ``<img>`` is a sealed document: the page's styles cannot reach it, so it
stays white when the reader switches Material to its dark palette (``prefers-color-scheme``
inside the file would follow the system setting, not Material's toggle), and its text shrinks
with it on a phone. The build therefore replaces such an image, when it stands alone in its
paragraph, with the SVG's own markup in a ``<figure class="scar-figure">``:

- the figure's shapes and texts carry class names (``fig-bg``, ``fig-ink``, ``fig-node``...)
  beside their light-palette colours; ``layout.css`` repaints those classes from the palette
  in force, the toggle included. Opened on its own, the file keeps its colours;
- a figure may have a layout drawn for narrow screens next to it, ``<name>.narrow.svg``: both
  are inlined and ``layout.css`` shows the one that suits the width of the column (a container
  query), so the text of either stays at 12 px or more where it is shown;
- the image's alternative text, which the page's author wrote, stays the figure's accessible
  name (``role="img"`` and ``aria-label``), and ids inside each copy are made unique.

Nothing here is a script: the page's Content-Security-Policy is unaffected. The SVG files must
not hold ``<style>`` elements or ``style`` attributes (the policy refuses inline styles), nor
scripts; the build refuses them (:class:`FigureError`).
"""
from __future__ import annotations

import posixpath
import re
from html import escape, unescape
from pathlib import Path
from typing import Iterable

FIGURES_FOLDER = "assets/figures/"
NARROW_SUFFIX = ".narrow.svg"

_ALONE_IN_PARAGRAPH = re.compile(r"<p>\s*(<img\b[^>]*>)\s*</p>")
_ATTRIBUTE = re.compile(r'([\w:-]+)="([^"]*)"')
_ROOT = re.compile(r"<svg\b[^>]*>")
_PROLOGUE = re.compile(r"<\?xml[^>]*\?>|<!DOCTYPE[^>]*>|<!--.*?-->", re.S)
_FORBIDDEN = re.compile(r"<(?:style|script|foreignObject)\b|\sstyle=|\son\w+=", re.I)
_ID = re.compile(r'\bid="([^"]+)"')


class FigureError(ValueError):
    """A figure cannot be inlined as it is; the message names the file and what to change."""


def inline_figures(html: str, page_url: str, sources: dict[str, Path]) -> str:
    """Replace each lone ``<img>`` of a figure with the figure's SVG markup.

    ``page_url`` is the page's URL in the site (``ro/treatment/guideline/``); ``sources`` maps a
    file's URL in the site (``ro/assets/figures/x.svg``) to its source file.
    """

    def replace(match: re.Match) -> str:
        attributes = dict(_ATTRIBUTE.findall(match[1]))
        target = posixpath.normpath(posixpath.join(page_url or ".", unescape(attributes.get("src", ""))))
        source = sources.get(target)
        if FIGURES_FOLDER not in target or not target.endswith(".svg") or source is None:
            return match[0]
        label = unescape(attributes.get("alt", ""))
        name = posixpath.basename(target).removesuffix(".svg")
        layouts = [("wide", source)]
        narrow = source.with_name(name + NARROW_SUFFIX)
        if narrow.is_file():
            layouts.append(("narrow", narrow))
        copies = "".join(_inline(path, label, f"fig-{name}-{layout}", layout) for layout, path in layouts)
        return f'<figure class="scar-figure{" scar-figure--two-layouts" if len(layouts) > 1 else ""}">{copies}</figure>'

    return _ALONE_IN_PARAGRAPH.sub(replace, html)


def figure_sources(files: Iterable) -> dict[str, Path]:
    """URL in the site -> source file, for the figure files among MkDocs' ``files``."""
    return {
        file.url: Path(file.abs_src_path)
        for file in files
        if FIGURES_FOLDER in file.url and file.url.endswith(".svg") and file.abs_src_path
    }


def _inline(path: Path, label: str, prefix: str, layout: str) -> str:
    text = _PROLOGUE.sub("", path.read_text(encoding="utf-8")).strip()
    if _FORBIDDEN.search(text):
        raise FigureError(
            f"{path}: a figure may not hold <style>, <script>, <foreignObject>, style=\"...\" or on...=\"...\" "
            "(the page's Content-Security-Policy refuses them once the figure is inlined): "
            "colour shapes with fill=\"...\"/stroke=\"...\" and a fig-* class."
        )
    root = _ROOT.search(text)
    if root is None:
        raise FigureError(f"{path}: no <svg> element found.")
    attributes = dict(_ATTRIBUTE.findall(root[0]))
    if "viewBox" not in attributes:
        raise FigureError(f"{path}: the <svg> element needs a viewBox, so the figure can scale to the page.")
    # The figure's size comes from the page's styles; its name from the page's own alt text
    # (or, when the page gives none, from the figure's <title>, as in the file).
    labelled_by = attributes.pop("aria-labelledby", "")
    for dropped in ("xmlns", "width", "height", "aria-label", "class", "role"):
        attributes.pop(dropped, None)
    name = {"aria-label": label} if label.strip() else {"aria-labelledby": " ".join(f"{prefix}-{ref}" for ref in labelled_by.split())}
    attributes = {"class": f"scar-figure__{layout}", "role": "img", **name, **attributes}
    opening = "<svg " + " ".join(f'{key}="{escape(value)}"' for key, value in attributes.items()) + ">"
    body = text[root.end():]
    ids = set(_ID.findall(body))
    for old in sorted(ids, key=len, reverse=True):
        body = re.sub(rf'(\bid="|url\(#|href="#)({re.escape(old)})(?=[")])', rf"\1{prefix}-\2", body)
    return opening + body
