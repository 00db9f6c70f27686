"""Which pages and message files exist, in which language, in one content tree.

The tree is laid out as mkdocs-static-i18n's folder structure expects: English (the default
language) at the root of ``content/``, Romanian in ``content/ro/`` with the same relative paths.
Message files live in ``messages/`` of each language and are not pages. The termbase
(``messages/termbase.yml``, both languages in one file) lives beside them but is no message
file: site_build.check.terms reads it.
"""
from __future__ import annotations

from pathlib import Path

from site_build.paths import DEFAULT_LANGUAGE, LANGUAGES

from site_build.termbase import TERMBASE_NAME

from .documents import Document, parse_file

TRANSLATION_LANGUAGES = tuple(language for language in LANGUAGES if language != DEFAULT_LANGUAGE)
MESSAGES_FOLDER = "messages"


class ContentTree:
    """One ``content/`` folder; pages are parsed on first use and kept."""

    def __init__(self, root: Path):
        self.root = root
        self._documents: dict[tuple[str, str], Document | None] = {}

    def language_root(self, language: str) -> Path:
        return self.root if language == DEFAULT_LANGUAGE else self.root / language

    def display_path(self, path: Path) -> str:
        """How reports name a file: from the content folder's parent (``content/ro/x.md``)."""
        return path.relative_to(self.root.parent).as_posix()

    def page_path(self, language: str, relative: str) -> Path:
        return self.language_root(language) / relative

    def page_paths(self, language: str) -> list[str]:
        """Relative paths of one language's pages, sorted."""
        root = self.language_root(language)
        found = []
        for path in root.rglob("*.md"):
            relative = path.relative_to(root)
            if relative.parts[0] == MESSAGES_FOLDER:
                continue
            if language == DEFAULT_LANGUAGE and relative.parts[0] in TRANSLATION_LANGUAGES:
                continue
            found.append(relative.as_posix())
        return sorted(found)

    def message_paths(self, language: str) -> list[str]:
        folder = self.language_root(language) / MESSAGES_FOLDER
        if not folder.is_dir():
            return []
        return sorted(path.name for path in folder.glob("*.yml") if not (language == DEFAULT_LANGUAGE and path.name == TERMBASE_NAME))

    def message_file(self, language: str, name: str) -> Path:
        return self.language_root(language) / MESSAGES_FOLDER / name

    def document(self, language: str, relative: str) -> Document | None:
        """The parsed page, or None when it does not exist. Each page is parsed once."""
        key = (language, relative)
        if key not in self._documents:
            path = self.page_path(language, relative)
            self._documents[key] = parse_file(path, language, relative, self.display_path(path)) if path.is_file() else None
        return self._documents[key]

    def all_page_paths(self) -> list[str]:
        """Every relative path that exists in at least one language, sorted."""
        return sorted({relative for language in LANGUAGES for relative in self.page_paths(language)})

    def all_message_names(self) -> list[str]:
        return sorted({name for language in LANGUAGES for name in self.message_paths(language)})

    def documents(self) -> list[Document]:
        return [document for relative in self.all_page_paths() for language in LANGUAGES if (document := self.document(language, relative))]
