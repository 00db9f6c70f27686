"""Browser fixtures: one Chromium for the session, and a guard on every request."""
from __future__ import annotations

import pytest


#: Collects Content-Security-Policy violations in the page, so a test can fail on any of them.
CSP_WATCH = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


def csp_violations(page) -> list[str]:
    return page.evaluate("window.__cspViolations || []")


class RequestLog:
    """Every URL a browser context asked for, to prove nothing left the site's origin."""

    def __init__(self, origin: str):
        self.origin = origin
        self.urls: list[str] = []

    def record(self, request) -> None:
        self.urls.append(request.url)

    def foreign(self) -> list[str]:
        local = ("data:", "blob:", "about:")
        return [url for url in self.urls if not url.startswith(self.origin) and not url.startswith(local)]


@pytest.fixture
def guarded_page(browser, site_url):
    """A fresh page whose every request is logged; the test fails if one left the origin."""
    context = browser.new_context()
    context.add_init_script(CSP_WATCH)
    log = RequestLog(site_url)
    context.on("request", log.record)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    violations = csp_violations(page) if not page.is_closed() else []
    context.close()
    assert violations == [], "Content-Security-Policy violations"
    assert log.foreign() == [], "requests left the site's origin"
    assert errors == [], "uncaught errors in the page"


@pytest.fixture(scope="module")
def shared_context(browser, site_url):
    """One context per test module, so the 9.6 MB runtime is fetched once and then cached."""
    context = browser.new_context()
    context.add_init_script(CSP_WATCH)
    log = RequestLog(site_url)
    context.on("request", log.record)
    yield context
    context.close()
    assert log.foreign() == [], "requests left the site's origin"


@pytest.fixture(scope="session")
def page_visits(browser, built_site, site_url):
    """One visit per built page, shared by the tests that walk every page (page_walk.py)."""
    from tests.browser.page_walk import walk

    return walk(browser, built_site, site_url)
