"""Every page and every message file exists in both languages, under the same relative path.

mkdocs-static-i18n pairs pages by path; a page that exists in one language only has no twin
for the language switcher, and the build does not fall back to English
(``fallback_to_default: false``), so a missing Romanian page is a missing page.
"""
from __future__ import annotations

from site_build.paths import DEFAULT_LANGUAGE, TRANSLATION_LANGUAGES

from .report import Issue, error
from .tree import ContentTree

CHECK = "missing"


def check_page_twins(tree: ContentTree) -> list[Issue]:
    issues: list[Issue] = []
    english = set(tree.page_paths(DEFAULT_LANGUAGE))
    for language in TRANSLATION_LANGUAGES:
        translated = set(tree.page_paths(language))
        for relative in sorted(english - translated):
            english_path = tree.display_path(tree.page_path(DEFAULT_LANGUAGE, relative))
            missing_path = tree.display_path(tree.page_path(language, relative))
            issues.append(error(
                CHECK, missing_path, None,
                f"Missing translation of {english_path}: create {missing_path} (copy the English page, "
                "translate it, keep the {#ids}, then run `python -m site_build check --mark-current "
                f"{missing_path}`).",
            ))
        for relative in sorted(translated - english):
            path = tree.display_path(tree.page_path(language, relative))
            english_path = tree.display_path(tree.page_path(DEFAULT_LANGUAGE, relative))
            issues.append(error(
                CHECK, path, None,
                f"No English original {english_path}: a translated page must have the same path and "
                "file name as its English page; rename or remove this file.",
            ))
    return issues


def check_message_twins(tree: ContentTree) -> list[Issue]:
    issues: list[Issue] = []
    english = set(tree.message_paths(DEFAULT_LANGUAGE))
    for language in TRANSLATION_LANGUAGES:
        translated = set(tree.message_paths(language))
        for name in sorted(english - translated):
            english_path = tree.display_path(tree.message_file(DEFAULT_LANGUAGE, name))
            missing_path = tree.display_path(tree.message_file(language, name))
            issues.append(error(
                CHECK, missing_path, None,
                f"Missing message file: copy {english_path} to {missing_path} and translate the texts "
                "after the colons (keep the keys and the {placeholders}).",
            ))
        for name in sorted(translated - english):
            path = tree.display_path(tree.message_file(language, name))
            english_path = tree.display_path(tree.message_file(DEFAULT_LANGUAGE, name))
            issues.append(error(
                CHECK, path, None,
                f"No English message file {english_path}: message files must have the same name in both "
                "languages; rename or remove this file.",
            ))
    return issues
