"""How our tools launch a browser: Debian's Chromium, never one Playwright downloads.

Playwright cannot download browsers on the machines this project is built on, and a browser it
downloaded would differ from the one CI installs with apt. The benchmark and the browser tests
both launch this one, with these flags: no sandbox (containers), no GPU, and none of Chromium's
own background requests, which a test that fails on any foreign request would otherwise see.
``CHROMIUM_PATH`` in the environment points elsewhere (a developer's own Chromium build).
"""
from __future__ import annotations

import os

EXECUTABLE = os.environ.get("CHROMIUM_PATH", "/usr/lib/chromium/chromium")
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
