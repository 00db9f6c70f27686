"""The content tree the checks walk: site_build.content.tree's files, each page parsed once."""
from __future__ import annotations

from pathlib import Path

from site_build.content.tree import ContentTree as Files
from site_build.paths import LANGUAGES

from .documents import Document, parse_file


class ContentTree(Files):
    """One ``content/`` folder; pages are parsed on first use and kept."""

    def __init__(self, root: Path):
        super().__init__(root)
        self._documents: dict[tuple[str, str], Document | None] = {}

    def document(self, language: str, relative: str) -> Document | None:
        """The parsed page, or None when it does not exist. Each page is parsed once."""
        key = (language, relative)
        if key not in self._documents:
            path = self.page_path(language, relative)
            self._documents[key] = parse_file(path, language, relative, self.display_path(path)) if path.is_file() else None
        return self._documents[key]

    def documents(self) -> list[Document]:
        return [document for relative in self.all_page_paths() for language in LANGUAGES if (document := self.document(language, relative))]
