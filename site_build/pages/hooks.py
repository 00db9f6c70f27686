"""MkDocs hooks: the seam between MkDocs and the generator (``hooks:`` in mkdocs.yml).

Kept thin: each hook hands over to a module that does one thing. mkdocs-static-i18n builds the
site once per language and calls these hooks in each build; a page's language is the one it
sets on the page's file (``page.file.locale``), a template-only page's the one it sets on the
theme for that build.
"""
from __future__ import annotations

from pathlib import Path

from mkdocs.plugins import event_priority

from site_build import release, runtime
from site_build.content import messages
from site_build.pages import error_pages, figures, footnotes, layout, markers, page_notes, search_index, security
from site_build.pages.theme_texts import build_language


def on_startup(command, **_):
    runtime.configure(command=command)
    release.configure(command=command)


#: Builds begun and not yet ended: mkdocs-static-i18n runs each other language's build inside
#: the default language's ``on_post_build``, so the outermost build ends last.
_open_builds = 0


def on_pre_build(config, **_):
    global _open_builds
    _open_builds += 1
    # `serve` rebuilds in one process: re-read message files a translator just saved.
    messages.load_file.cache_clear()


def on_build_error(error, **_):
    global _open_builds
    _open_builds = 0


def on_page_content(html, page, config, files, **_):
    html = footnotes.separate_adjacent_references(html)
    html = markers.expand(html, page=page, config=config)
    layout.reorder_toc(page.toc, layout.calculator_section_id(html))
    html = layout.calculator_first(html)
    html = figures.inline_figures(html, page.url, figures.figure_sources(files))
    return page_notes.translation_notice(page) + html + page_notes.review_note(page)


def on_template_context(context, template_name, config, **_):
    if template_name == error_pages.TEMPLATE:
        return error_pages.not_found_context(context, config, build_language(config))
    return context


def on_post_page(output, page, config, **_):
    output = search_index.localise_search_base(output, page.file.locale)
    return security.add_content_security_policy(runtime.start_early(output, page.url))


def on_post_template(output_content, template_name, config, **_):
    # Pages built from theme templates alone (404.html) get the same policy.
    if not template_name.endswith(".html"):
        return output_content
    language = build_language(config)
    output = security.add_content_security_policy(search_index.localise_search_base(output_content, language))
    if template_name == error_pages.TEMPLATE:
        return error_pages.place_not_found_page(output, Path(config.site_dir), language)
    return output


# After mkdocs-static-i18n's own (priority -100), which ends the default language's build by
# building the other languages, then writing one search index of all of them.
@event_priority(-200)
def on_post_build(config, **_):
    global _open_builds
    _open_builds -= 1
    runtime.install_browser_runtime(Path(config.site_dir))
    if _open_builds <= 0:
        _open_builds = 0
        search_index.split_search_index(Path(config.site_dir))
        release.finish(Path(config.site_dir))
