"""Precompressed copies: written where they pay, byte-identical when decompressed, cached."""
from __future__ import annotations

import gzip
import random
import struct
import time

import brotli

from site_build import compression

NOISE = random.Random(0).randbytes(4096)  # compresses by far less than 10 %
TEXT = ("<p>Stevens-Johnson syndrome and toxic epidermal necrolysis.</p>\n" * 200).encode()


def _site(tmp_path):
    site = tmp_path / "site"
    (site / "assets" / "pyodide" / "1").mkdir(parents=True)
    (site / "index.html").write_bytes(TEXT)
    (site / "assets" / "pyodide" / "1" / "pyodide.asm.wasm").write_bytes(b"\0asm" + bytes(4000))
    (site / "tiny.css").write_bytes(b"p{margin:0}")
    (site / "archive.zip").write_bytes(TEXT)
    (site / "noise.json").write_bytes(NOISE)
    return site


def test_large_text_and_wasm_get_gzip_and_brotli_copies_that_decompress_to_the_original(tmp_path):
    site = _site(tmp_path)
    report = compression.precompress_site(site, cache_dir=tmp_path / "cache")
    for name in ("index.html", "assets/pyodide/1/pyodide.asm.wasm"):
        original = (site / name).read_bytes()
        assert gzip.decompress((site / f"{name}.gz").read_bytes()) == original
        assert brotli.decompress((site / f"{name}.br").read_bytes()) == original
    assert report.written == 4
    assert report.brotli_bytes < report.original_bytes


def test_small_files_archives_and_incompressible_files_get_no_copy(tmp_path):
    site = _site(tmp_path)
    compression.precompress_site(site, cache_dir=tmp_path / "cache")
    for name in ("tiny.css", "archive.zip", "noise.json"):
        assert not (site / f"{name}.gz").exists() and not (site / f"{name}.br").exists(), name


def test_a_copy_that_no_longer_pays_is_removed(tmp_path):
    site = _site(tmp_path)
    compression.precompress_site(site, cache_dir=tmp_path / "cache")
    (site / "index.html").write_bytes(NOISE)
    compression.precompress_site(site, cache_dir=tmp_path / "cache")
    assert not (site / "index.html.br").exists() and not (site / "index.html.gz").exists()


def test_outputs_are_cached_by_content_and_reused(tmp_path, monkeypatch):
    site = _site(tmp_path)
    cache = tmp_path / "cache"
    compression.precompress_site(site, cache_dir=cache)
    assert any(entry.name.endswith(".br") for entry in cache.iterdir())

    def refuse(data):
        raise AssertionError("compressed again although cached")

    monkeypatch.setitem(compression.COMPRESSORS, ".br", refuse)
    monkeypatch.setitem(compression.COMPRESSORS, ".gz", refuse)
    compression.precompress_site(site, cache_dir=cache)
    assert brotli.decompress((site / "index.html.br").read_bytes()) == TEXT


def test_gzip_copies_are_reproducible(monkeypatch):
    """gzip writes the time of compression into its header unless told otherwise: two builds
    years apart must still give the same bytes."""
    copies = []
    for moment in (1_000_000_000, 2_000_000_000):
        monkeypatch.setattr(time, "time", lambda moment=moment: float(moment))
        copies.append(compression.gzip_bytes(TEXT))
    assert copies[0] == copies[1]
    assert struct.unpack("<I", copies[0][4:8]) == (0,)  # MTIME: none recorded


def test_the_built_site_has_compressed_runtime_files(built_site):
    wasm = next(built_site.glob("assets/pyodide/*/pyodide.asm.wasm"))
    for suffix in (".gz", ".br"):
        copy = wasm.with_name(wasm.name + suffix)
        assert copy.is_file() and copy.stat().st_size < wasm.stat().st_size / 2
    assert (built_site / "index.html.br").is_file()
    assert not list(built_site.rglob("*.whl.gz")) and not list(built_site.rglob("*.zip.br"))
