"""One "not found" page per language, each in its own words, its language switch to each home."""
from __future__ import annotations

from types import SimpleNamespace

from site_build.pages import error_pages


def test_each_language_build_leaves_the_default_page_at_the_root_and_its_own_in_its_folder(tmp_path):
    assert error_pages.place_not_found_page("<html lang=en>", tmp_path, "en") == "<html lang=en>"
    # The Romanian build renders its page later: MkDocs writes the return value at the root.
    assert error_pages.place_not_found_page("<html lang=ro>", tmp_path, "ro") == "<html lang=en>"
    assert (tmp_path / "ro" / "404.html").read_text(encoding="utf-8") == "<html lang=ro>"


class _Extra(dict):
    """Like MkDocs' config.extra: mkdocs-static-i18n sets ``alternate`` as an attribute."""


def test_the_context_gives_the_words_links_and_a_language_switch_to_each_home():
    extra = _Extra(alternate=[{"name": "English", "link": "/old/", "lang": "en"}, {"name": "Română", "link": "/ro/old/", "lang": "ro"}])
    extra.alternate = [{"name": "English", "link": "/treatment/ivig/", "lang": "en"}, {"name": "Română", "link": "/ro/treatment/ivig/", "lang": "ro"}]
    config = SimpleNamespace(extra=extra)
    context = error_pages.not_found_context({"base_url": "/"}, config, "ro")
    texts = context["not_found"]
    assert texts["title"] == "Pagina nu a fost găsită"
    assert (texts["home_url"], texts["calculators_url"], texts["search_url"]) == ("/ro/", "/ro/calculators/", "/ro/?q=")
    homes = [{"name": "English", "link": "/", "lang": "en"}, {"name": "Română", "link": "/ro/", "lang": "ro"}]
    assert config.extra.alternate == homes and config.extra["alternate"] == homes
    english = error_pages.not_found_context({"base_url": "/scar/"}, SimpleNamespace(extra=_Extra(alternate=homes)), "en")["not_found"]
    assert (english["title"], english["home_url"], english["search_url"]) == ("Page not found", "/scar/", "/scar/?q=")
