"""Which pages and message files exist, in which language, in one content folder.

The folder is laid out as mkdocs-static-i18n's ``folder`` structure expects (site_build.paths
reads the languages from mkdocs.yml): the default language at the root of ``content/``, every
other language in ``content/<code>/`` with the same relative paths. Message files live in
``messages/`` of each language and are not pages. The termbase (``messages/termbase.yml``, both
languages in one file) lives beside them but is no message file (site_build.content.termbase).
"""
from __future__ import annotations

from pathlib import Path

from site_build.paths import CONTENT_DIR, DEFAULT_LANGUAGE, LANGUAGES, TRANSLATION_LANGUAGES, content_root

from .termbase import TERMBASE_NAME

MESSAGES_FOLDER = "messages"


class ContentTree:
    """One ``content/`` folder: its files by language and relative path."""

    def __init__(self, root: Path = CONTENT_DIR):
        self.root = root

    def language_root(self, language: str) -> Path:
        return content_root(language, self.root)

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

    def all_page_paths(self) -> list[str]:
        """Every relative path that exists in at least one language, sorted."""
        return sorted({relative for language in LANGUAGES for relative in self.page_paths(language)})

    def all_message_names(self) -> list[str]:
        return sorted({name for language in LANGUAGES for name in self.message_paths(language)})
