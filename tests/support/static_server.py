"""A small static file server for the built site, for tests and benchmarks on 127.0.0.1.

It serves the site as README.md asks a production host to ("Serving the built site"):

- explicit types for ``.mjs`` and ``.wasm``: Python's handler guesses types from the platform's
  tables, which may not know them, and browsers refuse a module script or streaming WebAssembly
  compilation served with the wrong type;
- the build's precompressed copies (``<file>.br``, ``<file>.gz``) with ``Content-Encoding`` when
  the browser accepts them;
- a year-long, immutable cache for files under versioned addresses (``runtime.IMMUTABLE_PATH``),
  and ``no-cache`` (revalidate first) for everything else, so a new release shows at once.

Each server records what it sent (``server.traffic``), so the benchmark can report the bytes a
page really costs.
"""
from __future__ import annotations

import email.utils
import functools
import os
import re
import sys
import threading
import urllib.parse
from dataclasses import dataclass
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from site_build.runtime import IMMUTABLE_PATH

MIME_TYPES = {
    ".mjs": "text/javascript",
    ".js": "text/javascript",
    ".wasm": "application/wasm",
    ".whl": "application/zip",
    ".zip": "application/zip",
    ".json": "application/json",
    ".svg": "image/svg+xml",
    ".ics": "text/calendar",
}

#: Precompressed copies, in the order they are preferred: (file suffix, Content-Encoding).
ENCODED_COPIES = ((".br", "br"), (".gz", "gzip"))

IMMUTABLE = re.compile(IMMUTABLE_PATH)
LONG_CACHE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"


@dataclass(frozen=True)
class Transfer:
    """One response: what was asked for, its status, the encoding sent and the bytes on the wire."""

    #: The request's target as received (path and query), for tests of what a page sends.
    target: str
    status: int
    encoding: str
    bytes: int

    @property
    def path(self) -> str:
        return urllib.parse.urlsplit(self.target).path


class _SiteHandler(SimpleHTTPRequestHandler):
    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, **MIME_TYPES}

    def log_message(self, format, *args):  # noqa: A002 - the base class's signature
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        request_path = urllib.parse.urlsplit(self.path).path
        if path.is_dir():
            if not request_path.endswith("/"):
                return super().send_head()  # the base class redirects to the folder's URL
            path = path / "index.html"
        if not path.is_file() or request_path.endswith("/") and path.name != "index.html":
            self.send_error(HTTPStatus.NOT_FOUND, "File not found")
            return None

        served, encoding = path, ""
        accepted = self._accepted_encodings()
        for suffix, name in ENCODED_COPIES:
            copy = path.with_name(path.name + suffix)
            if name in accepted and copy.is_file():
                served, encoding = copy, name
                break
        stat = served.stat()
        if self._not_modified_since(stat.st_mtime):
            self.send_response(HTTPStatus.NOT_MODIFIED)
            self._send_cache_headers(request_path, path)
            self.end_headers()
            return None
        handle = open(served, "rb")
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", self.guess_type(str(path)))
        if encoding:
            self.send_header("Content-Encoding", encoding)
        self.send_header("Content-Length", str(stat.st_size))
        self.send_header("Last-Modified", self.date_time_string(stat.st_mtime))
        self._send_cache_headers(request_path, path)
        self._encoding, self._body_bytes = encoding, stat.st_size
        self.end_headers()
        return handle

    def _send_cache_headers(self, request_path: str, path: Path) -> None:
        relative = request_path.lstrip("/")
        self.send_header("Cache-Control", LONG_CACHE if IMMUTABLE.search(relative) else REVALIDATE)
        if any(path.with_name(path.name + suffix).is_file() for suffix, _ in ENCODED_COPIES):
            self.send_header("Vary", "Accept-Encoding")

    def _accepted_encodings(self) -> set[str]:
        accepted = set()
        for part in self.headers.get("Accept-Encoding", "").split(","):
            name, _, parameters = part.strip().partition(";")
            if parameters.strip().replace(" ", "") in ("q=0", "q=0.0", "q=0.00", "q=0.000"):
                continue
            if name:
                accepted.add(name.strip().lower())
        return accepted

    def _not_modified_since(self, mtime: float) -> bool:
        since = self.headers.get("If-Modified-Since")
        if not since or "If-None-Match" in self.headers:
            return False
        try:
            when = email.utils.parsedate_to_datetime(since).timestamp()
        except (TypeError, ValueError, OverflowError, IndexError):
            return False
        return int(mtime) <= when

    # Traffic accounting: each response is recorded as its headers are sent, with the size of
    # the body that follows (so whoever has received a response finds it recorded).
    def end_headers(self):
        header_bytes = sum(len(line) for line in getattr(self, "_headers_buffer", []))
        super().end_headers()
        target = getattr(self, "path", "")
        self.server.traffic.append(Transfer(target, self._status, self._encoding, header_bytes + self._body_bytes))

    def send_response(self, code, message=None):
        self._status, self._encoding, self._body_bytes = code, "", 0
        super().send_response(code, message)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        #: Every response sent, in order (appending to a list is atomic in CPython).
        self.traffic: list[Transfer] = []

    def handle_error(self, request, client_address):
        # A browser that leaves a page mid-download resets the connection: not a server fault.
        if isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            return
        super().handle_error(request, client_address)


def start(directory: Path, host: str = "127.0.0.1", port: int = 0) -> tuple[ThreadingHTTPServer, str]:
    """Serve ``directory`` in a background thread; return the server and its base URL."""
    handler = functools.partial(_SiteHandler, directory=os.fspath(directory))
    server = _Server((host, port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, f"http://{host}:{server.server_address[1]}/"
