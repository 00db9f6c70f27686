"""The benchmark's table (tests.bench): one Markdown table, budgets judged. The browser
measurements themselves are smoke-tested in tests/browser/test_speed_and_offline.py."""
from __future__ import annotations

from tests import bench


def _results(**changes) -> bench.Results:
    results = bench.Results(
        build_seconds=20.0,
        article=bench.Traffic(120_000, 9),
        calculator=bench.Traffic(3_900_000, 30),
        offline_copy=bench.Traffic(400_000, 40),
        bare=bench.Traffic(3_700_000, 8),
        bare_cold=[bench.Boot(2000.0, marks={"python-started": 1900.0}), bench.Boot(2100.0, marks={"python-started": 2000.0}), bench.Boot(2200.0)],
        bare_warm=[bench.Boot(1500.0), bench.Boot(1500.0), bench.Boot(1600.0)],
        cold_link=[bench.Boot(2150.0, 2180.0, marks={"python-started": 1950.0}), bench.Boot(2150.0, 2190.0, marks={"python-started": 2050.0}), bench.Boot(2300.0, 2340.0)],
        cold_idle=[bench.Boot(2300.0)] * 3,
        warm_link=[bench.Boot(1400.0, 1450.0)] * 3,
        recalculations=[8.0, 9.0, 32.0],
        calculator_tasks=bench.MainThread(40.0, "the theme's script", 20.0),
        article_tasks=bench.MainThread(45.0, "the theme's script", 0.0),
        bare_tasks=bench.MainThread(900.0, "style, layout and paint", 0.0),
    )
    for name, value in changes.items():
        setattr(results, name, value)
    return results


def test_one_markdown_table_with_ratios_to_the_bare_page():
    text = bench.table(_results(), calculator="scorten", runs=3)
    lines = text.splitlines()
    assert all(line.startswith("|") and line.endswith("|") for line in lines)
    assert lines[1] == "|---|---|---|---|"
    first_result = next(line for line in lines if "link with inputs: navigation → first result" in line)
    assert "2.19 s (1.04×)" in first_result and first_result.endswith("| yes |")
    assert "120 KB in 9 requests" in text
    assert "3.90 MB in 30 requests (1.05×)" in text
    assert "**no**" not in text


def test_a_ratio_just_over_its_budget_is_a_miss():
    text = bench.table(_results(warm_link=[bench.Boot(1500.0, 1590.0)] * 3), calculator="scorten", runs=3)
    warm = next(line for line in text.splitlines() if "warm (profile reopened): navigation → first result" in line)
    assert "(1.06×)" in warm and warm.endswith("| **no** |")


def test_the_breakdown_sets_each_step_beside_the_bare_page():
    text = bench.breakdown(_results(), runs=3)
    python = next(line for line in text.splitlines() if "Python started" in line)
    # Medians of the boots that have the mark: bare 1950, calculator 2000; warm boots have none.
    assert python.split(" | ")[1:3] == ["1950", "2000"] and "| +50 |" in python
    shown = next(line for line in text.splitlines() if line.startswith("| first result on screen"))
    assert "| 2190 |" in shown and "| +90 |" in shown
    assert not [line for line in text.splitlines() if "wheel unpacked" in line], "a step no boot reached is left out"


def test_a_missed_budget_is_marked():
    text = bench.table(
        _results(article=bench.Traffic(400_000, 12), recalculations=[21.0],
                 calculator=bench.Traffic(4_100_000, 30),
                 calculator_tasks=bench.MainThread(80.0, "the calculator's modules", 80.0),
                 article_tasks=bench.MainThread(51.0, "style, layout and paint", 0.0),
                 cold_link=[bench.Boot(3000.0, 3000.0, long_tasks=[70.0])] * 3),
        calculator="scorten",
        runs=3,
    )
    # article bytes, calculator bytes, cold first result, recalculation, calculator page's task,
    # article page's task, long tasks per boot
    assert text.count("**no**") == 7


def test_main_thread_tasks_are_read_from_the_page_main_thread_and_attributed():
    url = "http://127.0.0.1:1/calculators/scorten/#age=40"
    site = "http://127.0.0.1:1/"
    trace = {"traceEvents": [
        {"name": "thread_name", "ph": "M", "pid": 1, "tid": 10, "args": {"name": "CrRendererMain"}},
        {"name": "thread_name", "ph": "M", "pid": 2, "tid": 20, "args": {"name": "CrRendererMain"}},
        {"name": "ParseHTML", "ph": "X", "pid": 1, "tid": 10, "ts": 0, "dur": 5000, "args": {"beginData": {"url": site + "calculators/scorten/"}}},
        {"name": "ThreadControllerImpl::RunTask", "ph": "X", "pid": 1, "tid": 10, "ts": 10_000, "dur": 131_000},
        {"name": "EvaluateScript", "ph": "X", "pid": 1, "tid": 10, "ts": 10_001, "dur": 130_000, "args": {"data": {"url": site + "assets/javascripts/bundle.a5f9d56c.min.js"}}},
        {"name": "ThreadControllerImpl::RunTask", "ph": "X", "pid": 1, "tid": 10, "ts": 200_000, "dur": 31_000},
        {"name": "FunctionCall", "ph": "X", "pid": 1, "tid": 10, "ts": 200_001, "dur": 30_000, "args": {"data": {"url": site + "assets/calculators/python-worker.mjs"}}},
        {"name": "ThreadControllerImpl::RunTask", "ph": "X", "pid": 1, "tid": 10, "ts": 300_000, "dur": 12_000},
        {"name": "ThreadControllerImpl::RunTask", "ph": "X", "pid": 1, "tid": 11, "ts": 0, "dur": 900_000},  # a worker thread
        {"name": "ThreadControllerImpl::RunTask", "ph": "X", "pid": 2, "tid": 20, "ts": 0, "dur": 800_000},  # another page
    ]}
    tasks = bench._main_thread(trace, url)
    assert tasks == bench.MainThread(131.0, "the theme's script", 31.0)


def test_the_worst_of_several_traced_visits():
    visits = [bench.MainThread(120.0, "the theme's script", 20.0), bench.MainThread(90.0, "the calculator's modules", 45.0)]
    assert bench.MainThread.worst(visits) == bench.MainThread(120.0, "the theme's script", 45.0)
    assert bench.MainThread.worst([]) == bench.MainThread()
