"""The runtime's boot as a reader meets it: progress, failure, a stuck worker, offline, updates.

Each test uses its own browser context (cold cache, no service worker); the offline test also
its own copy of the site and its own server, which it stops: a reload with the server gone can
only be answered by the service worker.
"""
from __future__ import annotations

import shutil
from urllib.parse import urlencode

import pytest

from tests import bench
from tests.support import static_server
from tests.browser.calculator_page import READY_TIMEOUT_MS, evaluate_through_fragment, read_result
from tests.browser.conftest import CSP_WATCH, RequestLog, csp_violations
from tests.support import vectors

pytestmark = pytest.mark.browser

CALCULATOR = "scorten"

#: Records every value the status line's data-state takes, in order.
STATE_LOG = """
window.__statusStates = [];
new MutationObserver(() => {
  const status = document.querySelector('[data-calc-status]');
  const state = status && status.dataset.state;
  if (state && window.__statusStates.at(-1) !== state) window.__statusStates.push(state);
}).observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ['data-state']});
"""


def _valid_vector() -> dict:
    data = vectors.load(vectors.VECTORS_DIR / f"{CALCULATOR}.json")
    return next(vector for vector in data["vectors"] if vector["expected"]["ok"])


def _page_url(site_url: str, language: str = "en", inputs: dict | None = None) -> str:
    prefix = "" if language == "en" else f"{language}/"
    return f"{site_url}{prefix}calculators/{CALCULATOR}/" + (f"#{urlencode(inputs)}" if inputs else "")


def _python_workers(page) -> list:
    return [worker for worker in page.workers if worker.url.endswith("/assets/calculators/worker.mjs")]


def _messages(page) -> dict:
    return page.evaluate("JSON.parse(document.querySelector('script[data-calc-messages]').textContent)")


def _problems(result: dict, vector: dict) -> list[str]:
    judged = {**result, "warnings": [{"key": warning["key"]} for warning in result["warnings"]]}
    return vectors.mismatches(judged, vector)


@pytest.fixture
def context(browser, site_url):
    context = browser.new_context()
    context.add_init_script(CSP_WATCH)
    context.add_init_script(STATE_LOG)
    log = RequestLog(site_url)
    context.on("request", log.record)
    context.request_log = log
    yield context
    context.close()
    assert log.foreign() == [], "requests left the site's origin"


@pytest.mark.parametrize("path", ["", "conditions/ten-sjs/", "ro/treatment/ivig/"])
def test_pages_without_a_calculator_download_no_part_of_the_runtime(context, site_url, path):
    page = context.new_page()
    page.goto(site_url + path, wait_until="networkidle")
    assert not page.locator("form[data-calculator]").count()
    runtime_requests = [url for url in context.request_log.urls if "/assets/pyodide/" in url or "/assets/wheels/" in url or url.endswith(("worker.mjs", "sw.js"))]
    assert runtime_requests == []
    assert page.evaluate("navigator.serviceWorker.getRegistrations().then(r => r.length)") == 0


def test_a_shared_link_shows_progress_then_its_result_and_the_form_works_meanwhile(context, site_url):
    vector = _valid_vector()
    page = context.new_page()
    page.goto(_page_url(site_url, inputs=vector["inputs"]))
    # The form is usable before the runtime is ready: a field takes input at once.
    assert page.locator("[data-calc-status]").get_attribute("data-state") in ("downloading", "starting")
    page.wait_for_selector(".calc[data-state=done]", timeout=READY_TIMEOUT_MS)
    states = page.evaluate("window.__statusStates")
    assert states[0] == "downloading" and states[-1] == "ready", states
    assert "starting" in states and states.index("starting") > 0, states
    status = page.locator("[data-calc-status]")
    assert status.inner_text() == _messages(page)["ui.status_ready"]
    assert _problems(read_result(page, CALCULATOR), vector) == []
    assert csp_violations(page) == []


def test_an_untouched_page_starts_the_runtime_once_idle_without_a_request(context, site_url):
    page = context.new_page()
    page.goto(_page_url(site_url))
    page.wait_for_selector("[data-calc-status][data-state=ready]", timeout=READY_TIMEOUT_MS)
    assert page.locator(".calc").get_attribute("data-state") is None, "no result before the reader asks"
    assert page.locator("[data-calc-result]").is_hidden()


@pytest.mark.parametrize(
    "breakage",
    [
        pytest.param("route", id="the WebAssembly file does not arrive"),
        pytest.param("no-wasm", id="the browser has no WebAssembly"),
    ],
)
def test_a_runtime_that_cannot_start_says_so_and_points_to_the_rules(context, site_url, breakage):
    if breakage == "route":
        context.route("**/*.wasm", lambda route: route.abort())
    else:
        context.add_init_script("delete globalThis.WebAssembly;")
    page = context.new_page()
    page.goto(_page_url(site_url, inputs=_valid_vector()["inputs"]))
    page.wait_for_selector("[data-calc-status][data-state=failed]", timeout=READY_TIMEOUT_MS)
    status = page.locator("[data-calc-status]")
    assert status.inner_text() == _messages(page)["ui.status_failed"]
    assert status.is_visible()
    # The rules the message points to are on the page.
    assert page.locator("table").count() >= 1
    if breakage == "no-wasm":
        assert not [url for url in context.request_log.urls if "/assets/pyodide/" in url]


def test_a_worker_stuck_on_a_calculation_is_replaced_and_the_result_still_comes(context, site_url):
    vector = _valid_vector()
    page = context.new_page()
    page.goto(_page_url(site_url, inputs=vector["inputs"]))
    page.wait_for_selector(".calc[data-state=done]", timeout=READY_TIMEOUT_MS)
    (stuck,) = _python_workers(page)
    closed = []
    stuck.on("close", lambda worker: closed.append(worker))
    # From outside, as a debugger would: the next message this worker gets never returns.
    stuck.evaluate("() => { self.onmessage = () => { for (;;) {} }; }")
    result = evaluate_through_fragment(page, CALCULATOR, vector["inputs"], sequence=1)
    assert _problems(result, vector) == []
    # The page terminated the stuck worker before asking the new one; the browser reports the
    # old one gone a moment later, so wait for that report rather than race it.
    for _ in range(100):
        if closed:
            break
        page.wait_for_timeout(50)
    assert closed == [stuck], "the stuck worker was never terminated"
    (replacement,) = _python_workers(page)
    assert replacement is not stuck
    assert page.evaluate("window.__statusStates").count("ready") == 2


@pytest.fixture
def own_site(built_site, tmp_path):
    """A copy of the built site on its own server, which the test may stop or change."""
    copy = tmp_path / "site"
    shutil.copytree(built_site, copy)
    server, url = static_server.start(copy)
    yield copy, server, url
    server.shutdown()
    server.server_close()


def _publish_new_release(site_dir) -> str:
    """What a deploy of a changed site does to sw.js: a new release constant."""
    worker = site_dir / "sw.js"
    source = worker.read_text(encoding="utf-8")
    old = source.split('const RELEASE = "', 1)[1].split('"', 1)[0]
    new = "f" * len(old)
    worker.write_text(source.replace(old, new), encoding="utf-8")
    for suffix in (".gz", ".br"):
        worker.with_name(worker.name + suffix).unlink(missing_ok=True)
    return new


def test_offline_after_the_first_visit_and_a_new_release_replaces_the_old_cache(browser, own_site):
    site_dir, server, url = own_site
    vector = _valid_vector()
    context = browser.new_context()
    context.add_init_script(CSP_WATCH)
    log = RequestLog(url)
    context.on("request", log.record)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    # First visit, in Romanian: the runtime and the Romanian pages are kept for offline use.
    page.goto(_page_url(url, "ro", vector["inputs"]))
    page.wait_for_selector(".calc[data-state=done]", timeout=READY_TIMEOUT_MS)
    page.wait_for_selector("html[data-offline=ready]", timeout=READY_TIMEOUT_MS)
    first_release = page.get_attribute("html", "data-release")
    assert page.evaluate("caches.keys()") == [f"scar-ivig-{first_release}"]

    # A new release: the reader is told, and reloading switches to it and drops the old cache.
    new_release = _publish_new_release(site_dir)
    page.reload()
    notice = page.locator("[data-calc-update]")
    notice.wait_for(timeout=READY_TIMEOUT_MS)
    messages = _messages(page)
    assert messages["ui.update_ready"] in notice.inner_text()
    with page.expect_navigation(timeout=READY_TIMEOUT_MS):
        notice.get_by_role("button", name=messages["ui.update_reload"]).click()
    page.wait_for_selector("[data-calc-status][data-state=ready]", timeout=READY_TIMEOUT_MS)
    page.wait_for_function(
        "release => navigator.serviceWorker.controller && caches.keys().then(k => k.length === 1 && k[0] === 'scar-ivig-' + release)",
        arg=new_release,
        timeout=READY_TIMEOUT_MS,
    )

    # Offline: the network is off, the server gone and the HTTP cache emptied, so only the
    # service worker's copy can answer; the page reloads and computes.
    context.set_offline(True)
    server.shutdown()
    server.server_close()
    context.new_cdp_session(page).send("Network.clearBrowserCache")
    page.reload()
    page.wait_for_selector("[data-calc-status][data-state=ready]", timeout=READY_TIMEOUT_MS)
    assert page.get_attribute("html", "lang") == "ro"
    result = evaluate_through_fragment(page, CALCULATOR, vector["inputs"], sequence=2)
    assert _problems(result, vector) == []
    # Another Romanian page was kept too.
    page.goto(url + "ro/conditions/ten-sjs/")
    assert page.get_attribute("html", "lang") == "ro"
    violations = csp_violations(page)
    context.close()
    assert violations == [] and errors == []
    assert log.foreign() == []


def test_benchmark_measurements_run_and_an_article_page_stays_within_its_budget(browser, built_site):
    """A smoke test of tests.bench's measurements (the benchmark itself is not a test);
    the article page's weight is a byte count, not a timing, so its budget is checked here."""
    server, url = static_server.start(built_site)
    try:
        context = browser.new_context()
        article = bench.measure_traffic(context, server, url + bench.ARTICLE)
        context.close()
        assert 0 < article.bytes < bench.ARTICLE_BUDGET_BYTES, article.text()
        assert not [transfer.path for transfer in server.traffic if "/assets/pyodide/" in transfer.path]

        context = browser.new_context()
        context.add_init_script(bench.PAGE_PROBE)
        page = context.new_page()
        tasks = bench.main_thread_tasks(browser, page, bench.calculator_link(url, CALCULATOR), ".calc[data-state=done]")
        assert tasks.longest_ms > 0 and tasks.longest_cause
        boot = bench.read_boot(page, wants_result=True)
        assert 0 < boot.ready_ms <= boot.first_result_ms
        assert all(milliseconds > 0 for milliseconds in bench.measure_recalculations(page, 2))
        context.close()
    finally:
        server.shutdown()
        server.server_close()
