"""A Content-Security-Policy for every built page, as a ``<meta>`` tag so it works on any host.

Scripts run only from the site itself, plus the exact inline snippets the theme writes into
each page, allowed by their SHA-256 hashes (computed here from the final HTML, so a theme
upgrade that changes a snippet cannot silently break or widen the policy). Pyodide needs
``'wasm-unsafe-eval'``; ``'unsafe-eval'`` is never granted. Connections and workers stay on the
site's origin, plugins and ``<base>`` tricks are refused, and no form submits anywhere: the
calculators compute in the browser.

``frame-ancestors`` cannot be set from a meta tag; a host that wants it sets it as a header.
"""
from __future__ import annotations

import base64
import hashlib
import re

#: ``<script>`` elements without ``src`` whose content a browser would execute (JSON data
#: blocks, such as the calculators' message catalogue, are not scripts and need no hash).
_INLINE_SCRIPT = re.compile(r"<script(?P<attributes>(?![^>]*\bsrc=)[^>]*)>(?P<body>.*?)</script>", re.S | re.I)
_DATA_TYPE = re.compile(r'\btype="(?!(?:text|application)/javascript|module)[^"]+"', re.I)

POLICY = (
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval' {hashes}",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
    "frame-src 'none'",
)


def inline_script_hashes(html: str) -> list[str]:
    hashes = []
    for match in _INLINE_SCRIPT.finditer(html):
        if _DATA_TYPE.search(match["attributes"]):
            continue
        digest = hashlib.sha256(match["body"].encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode()}'")
    return sorted(set(hashes))


def policy_for(html: str) -> str:
    return "; ".join(POLICY).format(hashes=" ".join(inline_script_hashes(html))).replace("  ", " ")


def add_content_security_policy(html: str) -> str:
    """Insert the policy as the first element of ``<head>``, before any script can run."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html)}">'
    return re.sub(r"<head>", "<head>\n    " + meta, html, count=1)
