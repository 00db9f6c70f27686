"""Search and the "not found" page serve the reader's language (Chromium at 390 x 844).

- Search on a Romanian page finds Romanian pages only, with or without diacritics (and with
  the cedilla letters some keyboards type); on an English page, English pages only.
- A missing address under ``/ro/`` gets the Romanian "not found" page, elsewhere the English
  one, served with status 404 as README asks of a host; each links home, to the calculators
  and to search, and its language switch leads to each language's home.
"""
from __future__ import annotations

import functools
import threading
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from site_build.paths import DEFAULT_LANGUAGE, LANGUAGES
from tests.browser.test_layout import PHONE, reader


def search(page, query: str) -> list[str]:
    """Type ``query`` into Material's search as a reader does; the address of every result."""
    page.keyboard.press("/")  # Material's shortcut to the search field
    page.wait_for_function("document.activeElement && document.activeElement.matches('.md-search__input')")
    # The word arrives at once, as a phone keyboard's suggestion or an input method sends it
    # (Playwright has no key for ă or ț); Material reads the field on keyup, which End sends.
    page.keyboard.insert_text(query)
    page.keyboard.press("End")
    page.wait_for_selector(".md-search-result__meta:not(:empty)")
    page.wait_for_function(
        "query => document.querySelector('.md-search__input').value === query && "
        "(document.querySelector('.md-search-result__item') || /\\d|no |nu /i.test(document.querySelector('.md-search-result__meta').textContent))",
        arg=query,
    )
    return page.eval_on_selector_all(".md-search-result__link", "links => links.map(link => link.href)")


@pytest.mark.parametrize("query", ["eruptie", "urgenta", "infectie", "erupție", "urgență", "infecţie"])
def test_a_romanian_search_finds_romanian_pages_with_or_without_diacritics(browser, site_url, query):
    with reader(browser, site_url) as page:
        indexes = []
        page.on("request", lambda request: indexes.append(request.url) if request.url.endswith("search_index.json") else None)
        page.goto(site_url + "ro/conditions/dress/")
        results = search(page, query)
    assert indexes == [site_url + "ro/search/search_index.json"]
    assert results, f"nothing found for {query!r}"
    assert [url for url in results if not url.startswith(site_url + "ro/")] == []


@pytest.mark.parametrize("query", ["rash", "urgent", "infection", "SCORTEN"])
def test_an_english_search_finds_english_pages_only(browser, site_url, query):
    with reader(browser, site_url) as page:
        page.goto(site_url + "treatment/ivig/")
        results = search(page, query)
    assert results, f"nothing found for {query!r}"
    assert [url for url in results if url.startswith(site_url + "ro/")] == []


class _NotFoundPages(SimpleHTTPRequestHandler):
    """Serves the built site like a host set up as README describes: a missing address gets the
    "not found" page of its language folder (``ro/404.html`` under ``/ro/``, else ``404.html``),
    with status 404 (nginx: ``error_page 404 /404.html;`` and, in ``location /ro/``,
    ``error_page 404 /ro/404.html;``)."""

    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass

    def send_error(self, code, message=None, explain=None):
        if code != HTTPStatus.NOT_FOUND:
            return super().send_error(code, message, explain)
        first = urlsplit(self.path).path.split("/")[1]
        folder = first if first in LANGUAGES and first != DEFAULT_LANGUAGE else ""
        body = (Path(self.directory) / folder / "404.html").read_bytes()
        self.send_response(HTTPStatus.NOT_FOUND)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


@pytest.fixture(scope="module")
def host_url(built_site):
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_NotFoundPages, directory=str(built_site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


NOT_FOUND = {
    "en": {"title": "Page not found", "home": "", "search": "Search the site", "word": "rash"},
    "ro": {"title": "Pagina nu a fost găsită", "home": "ro/", "search": "Căutați pe site", "word": "eruptie"},
}


@pytest.mark.parametrize(("missing", "language"), [("no/such/page/", "en"), ("ro/nu/exista/aceasta-pagina", "ro"), ("ro/", None)])
def test_a_missing_address_gets_the_not_found_page_of_its_language(browser, host_url, missing, language):
    if language is None:  # the host itself: its real pages are served as they are
        with reader(browser, host_url) as page:
            assert page.goto(host_url + missing).status == 200
        return
    expected = NOT_FOUND[language]
    home = host_url + expected["home"]
    with reader(browser, host_url, PHONE) as page:
        failed = []
        page.on("response", lambda response: failed.append(response.url) if response.status >= 400 and not response.url.endswith("sitemap.xml") else None)
        response = page.goto(host_url + missing)
        assert response.status == 404
        assert page.get_attribute("html", "lang") == language
        assert page.title() == f"{expected['title']} - SCAR & IVIg"
        assert page.inner_text("article h1") == expected["title"]
        links = page.eval_on_selector_all("article a", "links => links.map(link => [link.textContent.trim(), link.href])")
        assert [href for _, href in links] == [home, home + "calculators/", home + "?q="]
        # A missing address has no twin: the language switch leads to each language's home.
        switch = page.eval_on_selector_all(".md-select__link", "links => links.map(link => [link.hreflang, link.href])")
        assert dict(switch) == {"en": host_url, "ro": host_url + "ro/"}
        assert failed == [host_url + missing], "only the missing page itself is missing"
        assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor") != "rgba(0, 0, 0, 0)", "the theme's styles load"
        # Its search link opens the search of the same language, ready to type in.
        page.get_by_role("link", name=expected["search"]).click()
        page.wait_for_url(home + "?q=")
        page.wait_for_function("document.activeElement && document.activeElement.matches('.md-search__input')")
        page.keyboard.insert_text(expected["word"])
        page.keyboard.press("End")
        page.wait_for_selector(".md-search-result__item")
        results = page.eval_on_selector_all(".md-search-result__link", "links => links.map(link => link.href)")
        assert results and all(url.startswith(home) and (language == "ro" or not url.startswith(host_url + "ro/")) for url in results)
