"""The built site: both languages, same slugs, nothing from another origin, Pyodide only where needed."""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import calculators

RESOURCE_ATTRIBUTE = re.compile(r'<(?:script|link|img|source|iframe|embed|object)\b[^>]*\b(?:src|href)="([^"]+)"', re.I)


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_every_english_page_has_a_romanian_twin_with_the_same_slug(built_site):
    english = {p.relative_to(built_site) for p in html_pages(built_site) if not str(p.relative_to(built_site)).startswith("ro/")}
    romanian = {p.relative_to(built_site / "ro") for p in html_pages(built_site / "ro")}
    assert english == romanian


def test_html_lang_matches_the_language_folder(built_site):
    for page in html_pages(built_site):
        language = "ro" if page.relative_to(built_site).parts[0] == "ro" else "en"
        assert f'<html lang="{language}"' in page.read_text(encoding="utf-8"), page


def test_no_page_loads_anything_from_another_origin(built_site):
    for page in html_pages(built_site):
        html = page.read_text(encoding="utf-8")
        for url in RESOURCE_ATTRIBUTE.findall(html):
            assert not re.match(r"^(https?:)?//", url), f"{page}: loads {url}"
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_pyodide_is_only_loaded_by_calculator_pages(built_site):
    calculator_pages = {f"calculators/{calculator_id}/index.html" for calculator_id in calculators.CALCULATORS}
    for page in html_pages(built_site):
        relative = page.relative_to(built_site).as_posix().removeprefix("ro/")
        has_script = "assets/calculators/page.mjs" in page.read_text(encoding="utf-8")
        assert has_script == (relative in calculator_pages), relative


def test_runtime_files_are_in_the_site_and_configured(built_site):
    config = (built_site / "assets" / "calculators" / "config.mjs").read_text(encoding="utf-8")
    pyodide_index = re.search(r'pyodideIndex = "([^"]+)"', config)[1]
    wheel = re.search(r'wheel = "([^"]+)"', config)[1]
    base = built_site / "assets" / "calculators"
    for name in ("pyodide.mjs", "pyodide.asm.mjs", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json"):
        assert (base / pyodide_index / name).resolve().is_file(), name
    assert (base / wheel).resolve().is_file()
    assert wheel.endswith("-py3-none-any.whl")


def test_content_folder_holds_no_runtime():
    content = Path(__file__).resolve().parents[2] / "content"
    assert not list(content.rglob("*.wasm")) and not list(content.rglob("pyodide*"))


def test_plain_mkdocs_build_of_the_installed_project_writes_the_whole_release(built_site):
    """``built_site`` is plain ``mkdocs build --strict`` (tests/conftest.py): the hooks' last
    step, the release, is there too (site_build.release)."""
    assert (built_site / "sw.js").is_file() and (built_site / "sw.js.br").is_file()
    assert (built_site / "search" / "search_index.json").is_file() and (built_site / "ro" / "search" / "search_index.json").is_file()
    assert list((built_site / "assets" / "pyodide").glob("*/pyodide.asm.wasm.br"))


def test_without_the_project_installed_plain_mkdocs_cannot_import_the_generator(installed_python, tmp_path):
    """What installing the project is for: the same virtualenv without it cannot build."""
    from tests.conftest import plain_mkdocs_build

    bare = tmp_path / "bare"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(bare)], check=True)
    lent = next(installed_python.parent.parent.glob("lib/python*/site-packages/lent-packages.pth"))
    own = next(bare.glob("lib/python*/site-packages"))
    shutil.copy(lent, own / lent.name)
    completed = plain_mkdocs_build(bare / "bin" / "python", tmp_path / "site", cwd=tmp_path)
    assert completed.returncode != 0
    assert "No module named 'site_build'" in completed.stdout + completed.stderr
