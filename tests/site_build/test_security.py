"""The Content-Security-Policy: hashes exactly the executable inline scripts, grants no eval."""
from __future__ import annotations

import base64
import hashlib

from site_build.pages import security

PAGE = """<html><head><title>t</title>
<script>var a = 1;</script>
<script type="application/json" id="__config">{"x": 1}</script>
<script src="/x.js"></script>
</head><body><script type="module">import "./y.mjs";</script></body></html>"""


def _hash(body: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"


def test_inline_scripts_are_hashed_and_data_blocks_are_not():
    assert security.inline_script_hashes(PAGE) == sorted([_hash("var a = 1;"), _hash('import "./y.mjs";')])


def test_policy_is_strict():
    policy = security.policy_for(PAGE)
    assert "'unsafe-eval'" not in policy and "'unsafe-inline'" not in policy
    assert "'wasm-unsafe-eval'" in policy
    for directive in ("object-src 'none'", "base-uri 'self'", "form-action 'none'", "connect-src 'self'", "worker-src 'self'"):
        assert directive in policy


def test_policy_is_the_first_element_of_head():
    html = security.add_content_security_policy(PAGE)
    head = html.split("<head>", 1)[1]
    assert head.lstrip().startswith('<meta http-equiv="Content-Security-Policy"')
