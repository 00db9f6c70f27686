"""Session-wide fixtures: the site is built once, served once, and one browser is reused."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from tests.support import static_server  # noqa: E402

from tests.support.chromium import ARGS as CHROMIUM_ARGS  # noqa: E402
from tests.support.chromium import EXECUTABLE as CHROMIUM  # noqa: E402


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site, built once per test session with the real generator (strict mode)."""
    from site_build import cli

    site_dir = tmp_path_factory.mktemp("site")
    cli._prepare_environment()
    assert cli.build(str(site_dir)) == 0
    return site_dir


@pytest.fixture(scope="session")
def site_url(built_site) -> str:
    server, url = static_server.start(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright launches Debian's Chromium: Playwright cannot download browsers here."""
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}
