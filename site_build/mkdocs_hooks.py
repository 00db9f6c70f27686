"""MkDocs hooks: the seam between MkDocs and the generator (``hooks:`` in mkdocs.yml).

Kept thin: each hook hands over to a module that does one thing. mkdocs-static-i18n builds the
site once per language and calls these hooks in each build; a page's language is read from its
source path (``ro/...`` is Romanian).
"""
from __future__ import annotations

from pathlib import Path

from site_build import error_pages, footnotes, layout, markers, messages, page_notes, runtime, security
from site_build.paths import DEFAULT_LANGUAGE, LANGUAGES


def page_language(src_uri: str) -> str:
    first = src_uri.split("/", 1)[0]
    return first if first in LANGUAGES and first != DEFAULT_LANGUAGE else DEFAULT_LANGUAGE


def on_startup(command, **_):
    runtime.configure(command=command)


def on_pre_build(config, **_):
    # `serve` rebuilds in one process: re-read message files a translator just saved.
    messages.load_file.cache_clear()


def on_page_markdown(markdown, page, config, files, **_):
    return footnotes.separate_adjacent_references(markdown)


def on_page_content(html, page, config, files, **_):
    language = page_language(page.file.src_uri)
    html = markers.expand(html, language=language, page_url=page.url, source=page.file.src_uri)
    layout.reorder_toc(page.toc, layout.calculator_section_id(html))
    html = layout.calculator_first(html)
    notice = page_notes.translation_notice(page.meta, language, page.file.src_uri, page.url)
    return notice + html + page_notes.review_note(page.meta, language)


def on_post_page(output, page, config, **_):
    return security.add_content_security_policy(runtime.start_early(output, page.url))


def on_post_template(output_content, template_name, config, **_):
    # Pages built from theme templates alone (404.html) get the same policy.
    if template_name.endswith(".html"):
        return security.add_content_security_policy(output_content)
    return output_content


def on_post_build(config, **_):
    error_pages.settle_not_found_page(Path(config.site_dir), config.theme.get("language", DEFAULT_LANGUAGE))
    runtime.install_browser_runtime(Path(config.site_dir))
