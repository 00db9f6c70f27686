"""Nothing a reader types leaves the page or stays behind in the browser.

A reader types distinctive values into a calculator and reads the result; the page then keeps
itself for offline use (the service worker's downloads). Afterwards no request, to the server or
anywhere, carried those values, nothing was posted, and no cookie, web storage entry, IndexedDB
database or cached address holds them: they live only in the page and its URL fragment, which
browsers never send.
"""
from __future__ import annotations

import pytest

from tests.support import static_server
from tests.browser.calculator_page import READY_TIMEOUT_MS
from tests.browser.conftest import CSP_WATCH, RequestLog

#: Values no page or file of the site contains, typed the way a Romanian reader would.
TYPED = {"weight": "73,47", "days": "4"}
TRACES = ("73,47", "73.47", "73%2C47", "weight=")

#: Everything the browser keeps for this origin that a script can list.
STORED = """async () => {
    const storage = (area) => Object.entries(area).map(([key, value]) => `${key}=${value}`);
    const caches_ = [];
    for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) caches_.push(request.url);
    }
    return {
        cookie: document.cookie,
        local: storage(localStorage),
        session: storage(sessionStorage),
        databases: (await indexedDB.databases()).map((database) => database.name),
        cached: caches_,
    };
}"""


@pytest.fixture
def own_server(built_site):
    """A server of its own, so its log holds this test's requests only."""
    server, url = static_server.start(built_site)
    yield server, url
    server.shutdown()
    server.server_close()


def test_typed_values_are_never_sent_or_stored(browser, own_server):
    server, url = own_server
    context = browser.new_context()
    context.add_init_script(CSP_WATCH)
    log = RequestLog(url)
    context.on("request", log.record)
    posted: list[str] = []
    context.on("request", lambda request: request.method != "GET" and posted.append(f"{request.method} {request.url}"))
    page = context.new_page()
    try:
        page.goto(f"{url}ro/calculators/ivig-dose/")
        page.wait_for_selector("[data-calc-status][data-state=ready]", timeout=READY_TIMEOUT_MS)
        page.select_option('[name="indication"]', "blistering")
        for name, value in TYPED.items():
            page.fill(f'[name="{name}"]', value)
        page.locator('[name="days"]').press("Enter")
        page.wait_for_selector('[data-output="total_dose_g"]:not([data-value=""])')
        assert "73,47" in page.evaluate("location.hash") or "73%2C47" in page.evaluate("location.hash")
        # The copy kept for offline use is made after the result: wait for all of it.
        page.wait_for_selector("html[data-offline=ready]", timeout=READY_TIMEOUT_MS)
        page.wait_for_load_state("networkidle")
        stored = page.evaluate(STORED)
    finally:
        context.close()

    assert log.foreign() == []
    assert posted == [], "the site never sends anything but GET requests"
    sent = [transfer.target for transfer in server.traffic] + log.urls
    assert sent, "the server saw the visit"
    assert [address for address in sent if any(trace in address for trace in TRACES)] == []
    assert stored["cookie"] == ""
    assert stored["databases"] == []
    kept = stored["local"] + stored["session"] + stored["cached"]
    assert [entry for entry in kept if any(trace in entry for trace in TRACES)] == []
    assert stored["cached"], "the offline copy was made, so its addresses were checked"
