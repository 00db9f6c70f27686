"""The service worker that lets a calculator page reload and compute offline: ``<site>/sw.js``.

Written after MkDocs has built both languages (``python -m site_build build``), because it
lists the final files and is versioned by them: ``RELEASE`` is a hash of the runtime
configuration and of every file of the site, so any change to the site is a new release, whose
service worker replaces the old cache and asks the reader to reload (``page.mjs``).

The behaviour is in ``service_worker.js`` (next to this module, not a theme file, so MkDocs never
copies it); this module prepends the constants it needs:

- ``CORE``: what a calculator needs, whatever the language: the Python runtime, the wheel, the
  page and worker modules, and the search index with its worker;
- ``LANGUAGES``: per language, its pages (as the folder URLs readers use, the home page first)
  and every file of the site those pages refer to (style sheets, scripts, figures).
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from .paths import DEFAULT_LANGUAGE, LANGUAGES
from .runtime import IMMUTABLE_PATH

SERVICE_WORKER_NAME = "sw.js"
TEMPLATE = Path(__file__).with_name("service_worker.js")

#: Folders whose every file a calculator may need offline.
CORE_FOLDERS = ("assets/calculators", "assets/pyodide", "assets/wheels")
#: Material's search, so the search box works offline too: each language's index (site_build.search_index)
#: and the lunr files of our languages.
SEARCH_FILES = ("search/search_index.json", "*/search/search_index.json", "assets/javascripts/workers/*.js", "assets/javascripts/lunr/min/lunr.stemmer.support.min.js", "assets/javascripts/lunr/min/lunr.multi.min.js")
#: Never precached: what readers never fetch, and the service worker itself.
SKIPPED = re.compile(r"\.(?:map|gz|br)$|^sw\.js$")

_REFERENCE = re.compile(r'\b(?:src|href)="([^"]+)"')


def release_version(site_dir: Path) -> str:
    """A hash of every file in the site (the runtime configuration is one of them)."""
    digest = hashlib.sha256()
    for path in sorted(_site_files(site_dir)):
        digest.update(path.encode())
        digest.update(b"\0")
        digest.update((site_dir / path).read_bytes())
    return digest.hexdigest()[:16]


def core_files(site_dir: Path) -> list[str]:
    files = [path for path in _site_files(site_dir) if path.startswith(tuple(folder + "/" for folder in CORE_FOLDERS))]
    patterns = [*SEARCH_FILES, *(f"assets/javascripts/lunr/min/lunr.{language}.min.js" for language in LANGUAGES)]
    for pattern in patterns:
        files.extend(path.relative_to(site_dir).as_posix() for path in site_dir.glob(pattern) if not SKIPPED.search(path.name))
    return sorted(set(files))


def language_files(site_dir: Path, language: str, core: set[str]) -> list[str]:
    """The language's pages (home page first) and the site files they refer to, minus ``core``."""
    pages = []
    for html in sorted(site_dir.rglob("index.html")):
        relative = html.relative_to(site_dir).as_posix()
        if _language_of(relative) != language:
            continue
        pages.append(relative.removesuffix("index.html"))
    pages.sort(key=lambda page: (page.count("/"), page))  # the home page first
    referenced = set()
    for page in pages:
        html = (site_dir / page / "index.html").read_text(encoding="utf-8")
        for reference in _REFERENCE.findall(html):
            target = _local_file(site_dir, page, reference)
            if target and target not in core and not SKIPPED.search(target):
                referenced.add(target)
    return pages + sorted(referenced)


def write_service_worker(site_dir: Path) -> str:
    """Write ``sw.js`` at the site root; return the release version."""
    release = release_version(site_dir)
    core = core_files(site_dir)
    languages = {language: language_files(site_dir, language, set(core)) for language in LANGUAGES}
    header = (
        "// Written by site_build.offline at build time; the code below is site_build/service_worker.js.\n"
        f"const RELEASE = {json.dumps(release)};\n"
        f"const IMMUTABLE = new RegExp({json.dumps(IMMUTABLE_PATH)});\n"
        f"const CORE = {json.dumps(core, indent=0)};\n"
        f"const LANGUAGES = {json.dumps(languages, indent=0)};\n\n"
    )
    (site_dir / SERVICE_WORKER_NAME).write_text(header + TEMPLATE.read_text(encoding="utf-8"), encoding="utf-8")
    return release


def _site_files(site_dir: Path) -> list[str]:
    return [
        path.relative_to(site_dir).as_posix()
        for path in site_dir.rglob("*")
        if path.is_file() and not SKIPPED.search(path.relative_to(site_dir).as_posix())
    ]


def _language_of(relative: str) -> str:
    first = relative.split("/", 1)[0]
    return first if first in LANGUAGES and "/" in relative else DEFAULT_LANGUAGE


def _local_file(site_dir: Path, page: str, reference: str) -> str | None:
    """The site path of a same-site file a page refers to, or None (pages, anchors, other sites)."""
    parts = urlsplit(reference)
    if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
        return None
    resolved = PurePosixPath(page or ".") / parts.path
    normal: list[str] = []
    for part in resolved.parts:
        if part == "..":
            if not normal:
                return None
            normal.pop()
        elif part != ".":
            normal.append(part)
    relative = "/".join(normal)
    return relative if (site_dir / relative).is_file() else None
