"""``python -m tests.bench``: what the site costs a reader's browser, measured in one run.

A benchmark, not a test: it builds the site into a temporary folder, serves it on 127.0.0.1
the way README.md asks a host to (``tests.support.static_server``: precompressed copies, long cache
for versioned files), drives Debian's Chromium with Playwright and prints one Markdown table.
Every timing is set against a bare page that only calls ``loadPyodide()`` from the same served
runtime, measured in the same run, so a busy or a fast machine shifts both alike.

- Bytes are what the server sent (compressed where it sent a compressed copy), headers included.
- Times run from navigation start (``performance.now()`` in the page) to the status line saying
  "ready" and to the first result shown; the median of ``runs`` repetitions, cold runs and bare
  runs interleaved. Cold: a fresh browser context. Warm: the same persistent profile reopened,
  as a reader coming back (HTTP cache and service worker in place), each visit left open for
  ``READING_MS`` as a reader would.
- Recalculation: a changed choice (a radio button or a select) to the new result on screen
  (the next animation frame), on a ready page.
- Main thread: the longest task on the page's main thread from navigation to the first result,
  from a Chromium trace, with whose code it ran (the calculator's modules, the theme's script,
  or the browser's own style, layout and paint), the same for an article page, and the long
  tasks (over 50 ms) a PerformanceObserver reports during each boot.

Everything stays on 127.0.0.1, every wait is bounded.
"""
from __future__ import annotations

import bisect
import json
import statistics
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlencode

from site_build import cli
from tests.support import static_server
from tests.support.chromium import ARGS as CHROMIUM_ARGS
from tests.support.chromium import EXECUTABLE as CHROMIUM

ARTICLE = "conditions/ten-sjs/"
TIMEOUT_MS = 120_000
RECALCULATIONS = 20
#: How long a warm-profile visit stays open, as a reader reading the result would: Chromium keeps
#: the compiled WebAssembly for the next visit only once its optimising compiler is done.
READING_MS = 5_000

#: Budgets from the issue: (limit, unit); a ratio's limit is against the bare loadPyodide() page.
ARTICLE_BUDGET_BYTES = 350 * 1000
FIRST_RESULT_BUDGET_RATIO = 1.2
RECALCULATION_BUDGET_MS = 50
LONG_TASK_BUDGET_MS = 50

#: Run in every page before its scripts: stage times, results, long tasks.
PAGE_PROBE = """
window.__bench = {stages: {}, firstResult: null, longTasks: []};
try {
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__bench.longTasks.push(entry.duration);
  }).observe({type: 'longtask', buffered: true});
} catch (error) {}
new MutationObserver(() => {
  const status = document.querySelector('[data-calc-status]');
  const state = status && status.dataset.state;
  if (state && !(state in window.__bench.stages)) window.__bench.stages[state] = performance.now();
  const root = document.querySelector('.calc');
  if (root && root.dataset.state === 'done' && window.__bench.firstResult === null) window.__bench.firstResult = performance.now();
}).observe(document, {subtree: true, childList: true, attributes: true, attributeFilter: ['data-state']});
"""

BARE_HTML = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Bare loadPyodide()</title>
<script type="module" src="bare.mjs"></script></head>
<body><p id="status">loading</p></body></html>
"""

BARE_MODULE = """// loadPyodide() and nothing else, from the site's own runtime: the benchmark's reference.
import {{ loadPyodide }} from "../{index}pyodide.mjs";
await loadPyodide({{ indexURL: new URL("../{index}", import.meta.url).href }});
const status = document.getElementById("status");
status.dataset.ready = String(performance.now());
status.textContent = "ready";
"""

#: Measures one recalculation: a changed choice until the result is on screen.
RECALCULATE = """async () => {
  const form = document.querySelector('form[data-calculator]');
  const root = form.closest('.calc');
  const radios = [...form.querySelectorAll('input[type=radio]')];
  const group = radios.length ? radios.filter((r) => r.name === radios[0].name) : null;
  const select = group ? null : [...form.querySelectorAll('select')].find((s) => s.options.length > 1);
  const started = performance.now();
  if (group) {
    const next = group[(group.findIndex((r) => r.checked) + 1) % group.length];
    next.checked = true;
    next.dispatchEvent(new Event('change', {bubbles: true}));
  } else {
    select.selectedIndex = (select.selectedIndex + 1) % select.options.length;
    select.dispatchEvent(new Event('change', {bubbles: true}));
  }
  await new Promise((resolve) => {
    const check = () => (root.dataset.state === 'done' ? resolve() : null);
    new MutationObserver(check).observe(root, {attributes: true});
    check();
  });
  await new Promise((resolve) => requestAnimationFrame(() => resolve()));
  return performance.now() - started;
}"""


@dataclass
class Traffic:
    bytes: int = 0
    requests: int = 0

    def text(self) -> str:
        return f"{_size(self.bytes)} in {self.requests} requests"


@dataclass
class Boot:
    ready_ms: float
    first_result_ms: float | None = None
    long_tasks: list[float] = field(default_factory=list)


@dataclass
class MainThread:
    """The page's main-thread tasks from navigation until the page is done (a Chromium trace)."""

    longest_ms: float = 0.0
    longest_cause: str = ""
    calculator_longest_ms: float = 0.0  # tasks running the calculator's own modules

    @staticmethod
    def worst(visits: list["MainThread"]) -> "MainThread":
        """The longest task over several visits, and the longest of the calculator's own."""
        longest = max(visits, key=lambda visit: visit.longest_ms, default=MainThread())
        return MainThread(longest.longest_ms, longest.longest_cause, max((visit.calculator_longest_ms for visit in visits), default=0.0))


@dataclass
class Results:
    build_seconds: float = 0.0
    article: Traffic = field(default_factory=Traffic)
    calculator: Traffic = field(default_factory=Traffic)
    offline_copy: Traffic = field(default_factory=Traffic)
    bare_cold: list[float] = field(default_factory=list)
    bare_warm: list[float] = field(default_factory=list)
    cold_link: list[Boot] = field(default_factory=list)
    cold_idle: list[Boot] = field(default_factory=list)
    warm_link: list[Boot] = field(default_factory=list)
    recalculations: list[float] = field(default_factory=list)
    calculator_tasks: MainThread = field(default_factory=MainThread)
    article_tasks: MainThread = field(default_factory=MainThread)
    bare_tasks: MainThread = field(default_factory=MainThread)


# -- measurements (each usable on its own; the smoke test runs some once) ----------------------


def measure_traffic(context, server, url: str) -> Traffic:
    """Open ``url`` in ``context`` and count what the server sent until the network settles."""
    server.traffic.clear()
    page = context.new_page()
    page.goto(url, wait_until="networkidle", timeout=TIMEOUT_MS)
    traffic = _traffic(server)
    page.close()
    return traffic


def measure_boot(page, url: str) -> Boot:
    """Open a calculator page and read when its runtime was ready and its first result shown."""
    page.goto(url, timeout=TIMEOUT_MS)
    return read_boot(page, wants_result="#" in url)


def read_boot(page, wants_result: bool) -> Boot:
    """Wait for the runtime (and the first result) of the page just opened; read the probe."""
    selector = ".calc[data-state=done]" if wants_result else "[data-calc-status][data-state=ready]"
    page.wait_for_selector(selector, timeout=TIMEOUT_MS)
    probe = page.evaluate("window.__bench")
    return Boot(ready_ms=probe["stages"]["ready"], first_result_ms=probe["firstResult"] if wants_result else None, long_tasks=probe["longTasks"])


def measure_bare(page, url: str) -> float:
    """Milliseconds from navigation until the bare page's loadPyodide() resolved."""
    page.goto(url, timeout=TIMEOUT_MS)
    page.wait_for_selector("#status[data-ready]", timeout=TIMEOUT_MS)
    return float(page.get_attribute("#status", "data-ready"))


def measure_recalculations(page, count: int = RECALCULATIONS) -> list[float]:
    """Milliseconds from a changed choice to its result on screen, ``count`` times."""
    return [page.evaluate(RECALCULATE) for _ in range(count)]


def main_thread_tasks(browser, page, url: str, done_selector: str | None = None) -> MainThread:
    """Trace a visit to ``url`` in ``page`` until ``done_selector`` shows (or the network settles)."""
    browser.start_tracing(page=page, categories=["toplevel", "devtools.timeline"])
    page.goto(url, timeout=TIMEOUT_MS, wait_until="load" if done_selector else "networkidle")
    if done_selector:
        page.wait_for_selector(done_selector, timeout=TIMEOUT_MS)
    trace = json.loads(browser.stop_tracing())
    return _main_thread(trace, url)


# -- the run -----------------------------------------------------------------------------------


def main(runs: int = 5, calculator: str = "scorten") -> int:
    from playwright.sync_api import sync_playwright


    with tempfile.TemporaryDirectory(prefix="scar-bench-") as workdir:
        work = Path(workdir)
        site = work / "site"
        results = Results()
        started = time.perf_counter()
        cli.build(str(site))
        results.build_seconds = time.perf_counter() - started
        write_bare_page(site)
        server, url = static_server.start(site)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                try:
                    _measure(playwright, browser, server, url, calculator, runs, work, results)
                finally:
                    browser.close()
        finally:
            server.shutdown()
            server.server_close()
    print(table(results, calculator=calculator, runs=runs))
    return 0


def _measure(playwright, browser, server, url, calculator, runs, work, results) -> None:
    link = calculator_link(url, calculator)
    plain = f"{url}calculators/{calculator}/"
    bare = f"{url}_bench/"

    def fresh_page(**options):
        context = browser.new_context(**options)
        context.add_init_script(PAGE_PROBE)
        return context, context.new_page()

    context = browser.new_context()
    results.article = measure_traffic(context, server, url + ARTICLE)
    context.close()

    # Cold: fresh contexts, ours and the bare page interleaved.
    # What a calculator page costs, until its first result and then for its offline copy: the
    # first with the service worker blocked, so that none of the copy's downloads, which start
    # when the page is idle, can be counted as the page's own.
    context, page = fresh_page(service_workers="block")
    server.traffic.clear()
    measure_boot(page, link)
    page.wait_for_load_state("networkidle")
    results.calculator = _traffic(server)
    context.close()
    context, page = fresh_page()
    server.traffic.clear()
    measure_boot(page, link)
    page.wait_for_selector("html[data-offline=ready]", timeout=TIMEOUT_MS)
    page.wait_for_load_state("networkidle")
    total = _traffic(server)
    results.offline_copy = Traffic(total.bytes - results.calculator.bytes, total.requests - results.calculator.requests)
    results.recalculations = measure_recalculations(page)
    context.close()

    for run in range(runs):
        context, page = fresh_page()
        results.cold_link.append(measure_boot(page, link))
        context.close()
        context, page = fresh_page()
        results.bare_cold.append(measure_bare(page, bare))
        context.close()
        context, page = fresh_page()
        results.cold_idle.append(measure_boot(page, plain))
        context.close()

    # Warm: one persistent profile each, visited once, then reopened for every measured run.
    ours, theirs = work / "profile-site", work / "profile-bare"
    for profile, target in ((ours, link), (theirs, bare)):
        context = _persistent(playwright, profile)
        page = context.new_page()
        if target is link:
            measure_boot(page, target)
            page.wait_for_selector("html[data-offline=ready]", timeout=TIMEOUT_MS)
        else:
            measure_bare(page, target)
        page.wait_for_timeout(READING_MS)
        context.close()
    for run in range(runs):
        context = _persistent(playwright, ours)
        page = context.new_page()
        results.warm_link.append(measure_boot(page, calculator_link(url, calculator, sequence=run)))
        page.wait_for_timeout(READING_MS)
        context.close()
        context = _persistent(playwright, theirs)
        page = context.new_page()
        results.bare_warm.append(measure_bare(page, bare))
        page.wait_for_timeout(READING_MS)
        context.close()

    # Main thread: cold visits, traced; the worst of `runs` visits of each page.
    for target, selector, attribute in (
        (link, ".calc[data-state=done]", "calculator_tasks"),
        (url + ARTICLE, None, "article_tasks"),
        (bare, "#status[data-ready]", "bare_tasks"),
    ):
        visits = []
        for _ in range(runs):
            context = browser.new_context()
            visits.append(main_thread_tasks(browser, context.new_page(), target, selector))
            context.close()
        setattr(results, attribute, MainThread.worst(visits))


def _persistent(playwright, profile: Path):
    context = playwright.chromium.launch_persistent_context(str(profile), executable_path=CHROMIUM, args=CHROMIUM_ARGS)
    context.add_init_script(PAGE_PROBE)
    return context


def calculator_link(url: str, calculator: str, sequence: int = 0) -> str:
    """A shared link to the calculator: its page with the first valid test vector's inputs."""
    from site_build.paths import REPO_ROOT

    data = json.loads((REPO_ROOT / "tests" / "vectors" / f"{calculator}.json").read_text(encoding="utf-8"))
    inputs = next(vector["inputs"] for vector in data["vectors"] if vector["expected"]["ok"])
    return f"{url}calculators/{calculator}/#{urlencode({**inputs, '_n': sequence})}"


def write_bare_page(site: Path) -> None:
    """The reference page, in a folder of the benchmark's own copy of the site."""
    config = (site / "assets" / "calculators" / "config.mjs").read_text(encoding="utf-8")
    index = config.split('pyodideIndex = "../', 1)[1].split('"', 1)[0]  # "pyodide/<version>/"
    folder = site / "_bench"
    folder.mkdir(exist_ok=True)
    (folder / "index.html").write_text(BARE_HTML, encoding="utf-8")
    (folder / "bare.mjs").write_text(BARE_MODULE.format(index="assets/" + index), encoding="utf-8")


def _traffic(server) -> Traffic:
    sent = list(server.traffic)
    return Traffic(bytes=sum(transfer.bytes for transfer in sent), requests=len(sent))


#: Where a task's scripts come from, to say whose a long task is.
CAUSES = (("/assets/calculators/", "the calculator's modules"), ("/assets/javascripts/", "the theme's script"))


def _main_thread(trace, url: str) -> MainThread:
    """The top-level tasks of the renderer main thread that parsed ``url``'s page."""
    events = trace["traceEvents"] if isinstance(trace, dict) else trace
    page_url = url.split("#", 1)[0]
    main_threads = {(event["pid"], event["tid"]) for event in events if event.get("name") == "thread_name" and event.get("args", {}).get("name") == "CrRendererMain"}
    ours = {
        (event["pid"], event["tid"])
        for event in events
        if event.get("name") == "ParseHTML" and str(event.get("args", {}).get("beginData", {}).get("url", "")).startswith(page_url)
    } & main_threads
    thread = sorted((event for event in events if (event.get("pid"), event.get("tid")) in ours and event.get("ph") == "X"), key=lambda event: event["ts"])
    names = {event.get("name") for event in thread}
    task_name = "ThreadControllerImpl::RunTask" if "ThreadControllerImpl::RunTask" in names else "RunTask"
    tasks = [event for event in thread if event.get("name") == task_name]
    starts = [task["ts"] for task in tasks]
    scripts: dict[int, str] = {}
    for event in thread:
        script = (event.get("args", {}).get("data") or {}).get("url")
        index = bisect.bisect_right(starts, event["ts"]) - 1
        if script and index >= 0 and event["ts"] < starts[index] + tasks[index].get("dur", 0):
            scripts[index] = scripts.get(index, "") + " " + str(script)
    result = MainThread()
    for index, task in enumerate(tasks):
        cause = next((name for marker, name in CAUSES if marker in scripts.get(index, "")), "style, layout and paint")
        duration = task.get("dur", 0) / 1000
        if duration > result.longest_ms:
            result.longest_ms, result.longest_cause = duration, cause
        if cause == CAUSES[0][1]:
            result.calculator_longest_ms = max(result.calculator_longest_ms, duration)
    return result


# -- the table ---------------------------------------------------------------------------------


def table(results: Results, *, calculator: str, runs: int) -> str:
    bare_cold = statistics.median(results.bare_cold)
    bare_warm = statistics.median(results.bare_warm)

    def timing(boots: list[Boot], attribute: str, reference: float) -> tuple[str, float]:
        value = statistics.median(getattr(boot, attribute) for boot in boots)
        return f"{value / 1000:.2f} s ({value / reference:.2f}×)", value / reference

    link_ready, _ = timing(results.cold_link, "ready_ms", bare_cold)
    link_result, link_ratio = timing(results.cold_link, "first_result_ms", bare_cold)
    idle_ready, _ = timing(results.cold_idle, "ready_ms", bare_cold)
    warm_ready, _ = timing(results.warm_link, "ready_ms", bare_warm)
    warm_result, _ = timing(results.warm_link, "first_result_ms", bare_warm)
    recalculation = statistics.median(results.recalculations)
    boots = len(results.cold_link + results.cold_idle + results.warm_link)
    long_tasks = [duration for boot in results.cold_link + results.cold_idle + results.warm_link for duration in boot.long_tasks]

    def verdict(ok: bool) -> str:
        return "yes" if ok else "**no**"

    rows = [
        ("Build (`python -m site_build build`: MkDocs, service worker, compression)", f"{results.build_seconds:.1f} s", "", ""),
        (f"Article page `{ARTICLE}`, cold: transferred", results.article.text(), f"< {_size(ARTICLE_BUDGET_BYTES)}", verdict(results.article.bytes < ARTICLE_BUDGET_BYTES)),
        (f"Calculator page `calculators/{calculator}/`, cold, until first result and the network settles", results.calculator.text(), "", ""),
        ("… then its offline copy (service worker, after the result)", results.offline_copy.text(), "", ""),
        ("Bare `loadPyodide()` page, cold: navigation → ready", f"{bare_cold / 1000:.2f} s (1.00×)", "reference", ""),
        ("Calculator, cold, link with inputs: navigation → runtime ready", link_ready, "", ""),
        ("Calculator, cold, link with inputs: navigation → first result", link_result, f"≤ {FIRST_RESULT_BUDGET_RATIO}×", verdict(link_ratio <= FIRST_RESULT_BUDGET_RATIO)),
        ("Calculator, cold, no inputs (starts when idle): navigation → ready", idle_ready, "", ""),
        ("Bare `loadPyodide()` page, warm: navigation → ready", f"{bare_warm / 1000:.2f} s (1.00×)", "reference", ""),
        ("Calculator, warm (profile reopened): navigation → runtime ready", warm_ready, "", ""),
        ("Calculator, warm (profile reopened): navigation → first result", warm_result, "", ""),
        (
            f"Recalculation: a changed choice → result on screen (median, max of {len(results.recalculations)})",
            f"{recalculation:.1f} ms, {max(results.recalculations):.1f} ms",
            f"< {RECALCULATION_BUDGET_MS} ms",
            verdict(max(results.recalculations) < RECALCULATION_BUDGET_MS),
        ),
        (
            f"Longest main-thread task running the calculator's own code (its modules, worker messages, rendering), navigation → first result (trace, worst of {runs})",
            f"{results.calculator_tasks.calculator_longest_ms:.0f} ms",
            f"≤ {LONG_TASK_BUDGET_MS} ms",
            verdict(results.calculator_tasks.calculator_longest_ms <= LONG_TASK_BUDGET_MS),
        ),
        (
            f"Longest main-thread task on the calculator page, any cause, navigation → first result (trace, worst of {runs})",
            f"{results.calculator_tasks.longest_ms:.0f} ms ({results.calculator_tasks.longest_cause})",
            f"≤ {LONG_TASK_BUDGET_MS} ms",
            verdict(results.calculator_tasks.longest_ms <= LONG_TASK_BUDGET_MS),
        ),
        (
            f"… the same on an article page (no calculator), until the network settles (trace, worst of {runs})",
            f"{results.article_tasks.longest_ms:.0f} ms ({results.article_tasks.longest_cause})",
            "",
            "",
        ),
        (
            f"… the same on the bare `loadPyodide()` page (Python on the main thread), until ready (trace, worst of {runs})",
            f"{results.bare_tasks.longest_ms:.0f} ms",
            "",
            "",
        ),
        (
            f"Main-thread tasks over 50 ms per calculator boot, any cause (PerformanceObserver, {boots} boots)",
            f"{len(long_tasks) / boots:.1f}" + (f" (longest {max(long_tasks):.0f} ms)" if long_tasks else ""),
            "0",
            verdict(not long_tasks),
        ),
    ]
    lines = [f"| Measure (median of {runs} runs unless noted) | Value | Budget | Within |", "|---|---|---|---|"]
    lines += [f"| {measure} | {value} | {budget} | {within} |" for measure, value, budget, within in rows]
    return "\n".join(lines)


def _size(count: int) -> str:
    return f"{count / 1e6:.2f} MB" if count >= 1e6 else f"{count / 1e3:.0f} KB"


if __name__ == "__main__":
    import argparse
    import sys

    parser = argparse.ArgumentParser(prog="python -m tests.bench", description="Build, serve on 127.0.0.1 and measure what pages cost a reader's browser (prints one table).")
    parser.add_argument("--runs", type=int, default=5, help="repetitions of each timed measurement; the median is shown (default: 5: on a 2-core machine one run varies by 15 %%)")
    parser.add_argument("--calculator", default="scorten", help="the calculator page to measure (default: scorten)")
    arguments = parser.parse_args()
    cli._prepare_environment()
    sys.exit(main(runs=arguments.runs, calculator=arguments.calculator))
