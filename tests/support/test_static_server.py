"""The test and benchmark server serves the site as README.md asks a production host to."""
from __future__ import annotations

import gzip
import urllib.request

import brotli
import pytest

from tests.support import static_server

BODY = b"export const answer = 42;\n" * 100


@pytest.fixture
def served(tmp_path):
    (tmp_path / "assets" / "pyodide" / "9.9").mkdir(parents=True)
    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "index.html").write_bytes(b"<p>page</p>")
    (tmp_path / "module.mjs").write_bytes(BODY)
    (tmp_path / "module.mjs.gz").write_bytes(gzip.compress(BODY))
    (tmp_path / "module.mjs.br").write_bytes(brotli.compress(BODY))
    (tmp_path / "assets" / "pyodide" / "9.9" / "pyodide.asm.wasm").write_bytes(b"\0asm\1\0\0\0")
    server, url = static_server.start(tmp_path)
    yield server, url
    server.shutdown()
    server.server_close()


def _get(url, **headers):
    request = urllib.request.Request(url, headers=headers)
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), b""


def test_the_best_accepted_encoding_is_served(served):
    _, url = served
    status, headers, body = _get(url + "module.mjs", **{"Accept-Encoding": "gzip, deflate, br"})
    assert status == 200 and headers["Content-Encoding"] == "br" and brotli.decompress(body) == BODY
    assert headers["Content-Type"] == "text/javascript" and headers["Vary"] == "Accept-Encoding"
    _, headers, body = _get(url + "module.mjs", **{"Accept-Encoding": "gzip"})
    assert headers["Content-Encoding"] == "gzip" and gzip.decompress(body) == BODY
    _, headers, body = _get(url + "module.mjs", **{"Accept-Encoding": "identity"})
    assert "Content-Encoding" not in headers and body == BODY
    _, headers, body = _get(url + "module.mjs", **{"Accept-Encoding": "br;q=0, gzip"})
    assert headers["Content-Encoding"] == "gzip"


def test_versioned_files_are_cached_for_a_year_and_the_rest_revalidated(served):
    _, url = served
    _, headers, _ = _get(url + "assets/pyodide/9.9/pyodide.asm.wasm")
    assert headers["Content-Type"] == "application/wasm"
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"
    _, headers, _ = _get(url + "page/")
    assert headers["Cache-Control"] == "no-cache"


def test_folders_redirect_and_missing_files_are_404(served):
    _, url = served
    assert _get(url + "page/")[2] == b"<p>page</p>"
    assert _get(url + "missing.js")[0] == 404
    assert _get(url + "module.mjs/")[0] == 404


def test_unchanged_files_answer_304(served):
    _, url = served
    _, headers, _ = _get(url + "module.mjs")
    status, _, body = _get(url + "module.mjs", **{"If-Modified-Since": headers["Last-Modified"]})
    assert status == 304 and body == b""


def test_traffic_is_recorded_with_the_bytes_sent(served):
    server, url = served
    server.traffic.clear()
    _get(url + "module.mjs", **{"Accept-Encoding": "br"})
    (transfer,) = server.traffic
    assert transfer.path == "/module.mjs" and transfer.status == 200 and transfer.encoding == "br"
    assert len(brotli.compress(BODY)) < transfer.bytes < len(brotli.compress(BODY)) + 400
