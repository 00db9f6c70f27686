"""The release: what follows MkDocs' build of every language, once the site's files are final.

1. :mod:`.offline` lists and hashes the final files into the service worker (``sw.js``);
2. :mod:`.compression` writes the compressed copies of every large file, ``sw.js`` included.

It runs at the very end of a build (site_build.pages.hooks ``on_post_build``), so ``mkdocs build``
and ``python -m site_build build`` write the same site; ``serve`` (a translator's preview, which
registers no service worker, site_build.runtime) skips it.
"""
from __future__ import annotations

import logging
from pathlib import Path

from . import compression, offline

log = logging.getLogger("mkdocs.site_build")

_settings = {"enabled": True}


def configure(*, command: str) -> None:
    """Called once per MkDocs run (``on_startup``): only a build makes a release. Kept here,
    not in the hooks module, which MkDocs reloads on every rebuild of ``serve``."""
    _settings["enabled"] = command != "serve"


def finish(site_dir: Path) -> str | None:
    """Write the service worker, then the compressed copies; return the release, or None in ``serve``."""
    if not _settings["enabled"]:
        return None
    release = offline.write_service_worker(site_dir)
    report = compression.precompress_site(site_dir)
    log.info(
        f"site_build: release {release}; {report.written} compressed copies of {report.files} files "
        f"({report.original_bytes / 1e6:.1f} MB, {report.brotli_bytes / 1e6:.1f} MB with brotli)"
    )
    return release
