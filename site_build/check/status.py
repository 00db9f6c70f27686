"""The state of each page's translation, for the site's translation status page.

Three states, per page of either language: ``up_to_date`` (the Romanian page records the
English version as it is now), ``outdated`` (the English page changed since, or the Romanian
page records no version), ``missing`` (one of the twins does not exist).
"""
from __future__ import annotations

from dataclasses import dataclass

from site_build.paths import DEFAULT_LANGUAGE

from .outdated import MISSING, NOT_RECORDED, OUTDATED, RECORD_FIELD, translation_state
from .tree import TRANSLATION_LANGUAGES, ContentTree


@dataclass(frozen=True)
class PageStatus:
    relative: str  # the page's path from its language's root, e.g. ``conditions/dress.md``
    state: str  # up_to_date, outdated or missing
    titles: dict[str, str]  # language -> front matter title, for the languages the page exists in


def translation_statuses(tree: ContentTree) -> list[PageStatus]:
    statuses = []
    for relative in tree.all_page_paths():
        documents = {language: tree.document(language, relative) for language in (DEFAULT_LANGUAGE, *TRANSLATION_LANGUAGES)}
        titles = {
            language: str(document.front_matter.get("title") or relative)
            for language, document in documents.items()
            if document is not None
        }
        if len(titles) < len(documents):
            state = MISSING
        else:
            states = {
                translation_state(tree.page_path(DEFAULT_LANGUAGE, relative), documents[language].front_matter.get(RECORD_FIELD))
                for language in TRANSLATION_LANGUAGES
            }
            state = OUTDATED if states & {OUTDATED, NOT_RECORDED} else states.pop()
        statuses.append(PageStatus(relative, state, titles))
    return statuses
