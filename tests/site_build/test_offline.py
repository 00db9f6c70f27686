"""The service worker the build writes (site_build.offline) and the switch that keeps it out of
`serve` previews (site_build.runtime)."""
from __future__ import annotations

import json
import os
import re
import shutil

import pytest

from site_build import offline, runtime


def _constants(built_site) -> dict:
    source = (built_site / "sw.js").read_text(encoding="utf-8")
    found = {}
    for name in ("RELEASE", "CORE", "LANGUAGES"):
        found[name] = json.loads(re.search(rf"^const {name} = (.*?);$", source, re.S | re.M)[1])
    return found


def _small_site(root):
    for path, text in {"index.html": "<h1>Home</h1>", "ro/index.html": "<h1>Acasă</h1>", "assets/site.css": "p{}"}.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).write_text(text, encoding="utf-8")
    return root


def test_any_change_to_a_file_is_a_new_release(tmp_path):
    site = _small_site(tmp_path / "site")
    first = offline.release_version(site)
    (site / "assets" / "site.css").write_text("p{ }", encoding="utf-8")  # one byte more
    assert offline.release_version(site) != first
    (site / "assets" / "site.css").write_text("p{}", encoding="utf-8")
    assert offline.release_version(site) == first
    (site / "assets" / "site.css").rename(site / "assets" / "other.css")  # the same bytes elsewhere
    assert offline.release_version(site) != first


def test_the_same_files_elsewhere_at_other_times_are_the_same_release(built_site, tmp_path):
    """A rebuild gives a new copy of every file, with new modification times and in another
    folder: the release must not change (only the content counts)."""
    copy = tmp_path / "copy"
    shutil.copytree(built_site, copy, ignore=shutil.ignore_patterns("*.br", "*.gz", "sw.js"))
    for path in copy.rglob("*"):
        os.utime(path, (1_000_000_000, 1_000_000_000))
    assert offline.write_service_worker(copy) == _constants(built_site)["RELEASE"]


def test_core_holds_the_runtime_the_wheel_and_the_page_modules(built_site):
    core = _constants(built_site)["CORE"]
    config = (built_site / "assets" / "calculators" / "config.mjs").read_text(encoding="utf-8")
    version = re.search(r'pyodideVersion = "([^"]+)"', config)[1]
    wheel = re.search(r'wheel = "\.\./([^"]+)"', config)[1]
    for name in runtime.PYODIDE_FILES:
        assert f"assets/pyodide/{version}/{name}" in core
    assert f"assets/{wheel}" in core
    for module in ("page.mjs", "worker.mjs", "config.mjs", "python-worker.mjs", "offline.mjs"):
        assert f"assets/calculators/{module}" in core


def test_each_language_lists_its_own_pages_home_first_and_the_files_they_use(built_site):
    languages = _constants(built_site)["LANGUAGES"]
    assert languages["en"][0] == "" and languages["ro"][0] == "ro/"
    assert "calculators/scorten/" in languages["en"] and "ro/calculators/scorten/" in languages["ro"]
    assert not any(path.startswith("ro/") for path in languages["en"])
    assert all(path.startswith("ro/") or path.startswith("assets/") for path in languages["ro"])
    assert any(re.search(r"main\.[0-9a-f]{8}\.min\.css$", path) for path in languages["ro"])


def test_every_listed_path_exists_and_nothing_needless_is_listed(built_site):
    constants = _constants(built_site)
    listed = constants["CORE"] + [path for paths in constants["LANGUAGES"].values() for path in paths]
    for path in listed:
        target = built_site / path
        assert (target / "index.html" if path.endswith("/") or path == "" else target).is_file(), path
        assert not path.endswith((".map", ".gz", ".br", "sw.js")), path


def test_the_immutable_pattern_matches_versioned_addresses_only():
    immutable = re.compile(runtime.IMMUTABLE_PATH)
    assert immutable.search("assets/pyodide/314.0.7/pyodide.asm.wasm")
    assert immutable.search("assets/wheels/0123456789abcdef/scar_calculators-0.1.0-py3-none-any.whl")
    assert immutable.search("assets/javascripts/bundle.a5f9d56c.min.js")
    assert not immutable.search("assets/calculators/config.mjs")
    assert not immutable.search("calculators/scorten/")
    assert not immutable.search("assets/stylesheets/site.css")


@pytest.mark.parametrize(("command", "expected"), [("build", '"../../sw.js"'), ("serve", "null")])
def test_serve_previews_register_no_service_worker(tmp_path, command, expected):
    runtime.configure(command=command)
    try:
        runtime.install_browser_runtime(tmp_path)
    finally:
        runtime.configure(command="build")
    config = (tmp_path / "assets" / "calculators" / "config.mjs").read_text(encoding="utf-8")
    assert f"export const serviceWorker = {expected};" in config
