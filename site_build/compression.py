"""Precompressed copies of the built site's large text and WebAssembly files.

Next to each file worth it, the build writes ``<name>.gz`` (gzip, standard library) and
``<name>.br`` (Brotli, the pinned ``brotli`` package, Google's reference implementation), so a
static host can send the smaller copy with ``Content-Encoding`` instead of compressing on every
request (see README.md, "Serving the built site"; ``tests.support.static_server`` does it for the
tests and the benchmark).

Both use their best (slowest) setting: the work is done once, the saving is paid out on every
download. Brotli at quality 11 takes about 40 s on the 9.6 MB ``pyodide.asm.wasm`` and about 9 s
on the rest of the site, so outputs are kept in a cache keyed by the content's hash (Pyodide's
files never change within a version, and most pages do not change between two builds): only
the first build on a machine pays in full. Entries unused for ``CACHE_DAYS`` are removed.
"""
from __future__ import annotations

import gzip
import hashlib
import os
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import brotli

#: Formats that compress well. Archives (``.zip``, ``.whl``), images and fonts are compressed
#: already; source maps are never fetched by readers.
COMPRESSIBLE_SUFFIXES = frozenset({".html", ".css", ".js", ".mjs", ".json", ".wasm", ".svg", ".xml", ".txt", ".ics"})

#: Smaller files fit in a packet or two either way.
MIN_SIZE = 1024

#: A compressed copy is kept only when it saves at least this fraction of the bytes.
MIN_SAVING = 0.10

#: Cache entries not used by any build for this long are deleted.
CACHE_DAYS = 30

ENCODINGS = {".br": "br", ".gz": "gzip"}

#: Part of every cache entry's name: change it with the compressors' settings.
CACHE_TAG = "gzip9-brotli11"


def default_cache_dir() -> Path:
    """``$XDG_CACHE_HOME/scar-ivig-site/precompressed`` (``~/.cache/...``): safe to delete."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "scar-ivig-site" / "precompressed"


def gzip_bytes(data: bytes) -> bytes:
    # mtime=0: the same input gives the same bytes, so builds are reproducible.
    return gzip.compress(data, compresslevel=9, mtime=0)


def brotli_bytes(data: bytes) -> bytes:
    return brotli.compress(data, quality=11)


COMPRESSORS = {".gz": gzip_bytes, ".br": brotli_bytes}


@dataclass
class Report:
    """What one run wrote: files considered, compressed copies written, bytes before and after."""

    files: int = 0
    written: int = 0
    original_bytes: int = 0
    brotli_bytes: int = 0


def is_candidate(path: Path) -> bool:
    return path.suffix in COMPRESSIBLE_SUFFIXES and path.is_file() and path.stat().st_size >= MIN_SIZE


def precompress_site(site_dir: Path, cache_dir: Path | None = None) -> Report:
    """Write ``.gz`` and ``.br`` next to every candidate file of ``site_dir``.

    A stale copy (from an earlier build into the same folder) is removed when its original no
    longer earns one, so a host can never serve an outdated compressed file.
    """
    cache_dir = default_cache_dir() if cache_dir is None else cache_dir
    cache_dir.mkdir(parents=True, exist_ok=True)
    candidates = [path for path in sorted(site_dir.rglob("*")) if is_candidate(path)]
    # The compressors release the GIL: threads use every core.
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 1) as pool:
        sizes = list(pool.map(lambda path: _precompress_file(path, cache_dir), candidates))
    _prune(cache_dir)
    report = Report(files=len(candidates))
    for original, written in sizes:
        report.original_bytes += original
        report.written += len(written)
        report.brotli_bytes += written.get(".br", original)
    return report


def _precompress_file(path: Path, cache_dir: Path) -> tuple[int, dict[str, int]]:
    data = path.read_bytes()
    written = {}
    for suffix, compress in COMPRESSORS.items():
        target = path.with_name(path.name + suffix)
        packed = _compressed(data, suffix, compress, cache_dir)
        if len(packed) <= len(data) * (1 - MIN_SAVING):
            target.write_bytes(packed)
            written[suffix] = len(packed)
        elif target.exists():
            target.unlink()
    return len(data), written


def _compressed(data: bytes, suffix: str, compress, cache_dir: Path) -> bytes:
    cached = cache_dir / f"{hashlib.sha256(data).hexdigest()}.{CACHE_TAG}{suffix}"
    if cached.is_file():
        os.utime(cached)  # in use: keep it
        return cached.read_bytes()
    packed = compress(data)
    # Write then rename: two builds at once (pytest and a bench) never read half a file.
    partial = cached.with_name(f"{cached.name}.{os.getpid()}.{id(data)}.part")
    partial.write_bytes(packed)
    partial.replace(cached)
    return packed


def _prune(cache_dir: Path) -> None:
    oldest = time.time() - CACHE_DAYS * 86400
    for entry in cache_dir.iterdir():
        try:
            if entry.stat().st_mtime < oldest:
                entry.unlink()
        except FileNotFoundError:
            pass  # another build pruned it first
