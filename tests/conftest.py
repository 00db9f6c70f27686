"""Session-wide fixtures: the site is built once, served once, and one browser is reused."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
if str(REPO_ROOT) not in sys.path:
    sys.path.insert(0, str(REPO_ROOT))

from tests.support import static_server  # noqa: E402

from tests.support.chromium import ARGS as CHROMIUM_ARGS  # noqa: E402
from tests.support.chromium import EXECUTABLE as CHROMIUM  # noqa: E402


#: Test folders whose every test carries a marker, so `-m "not browser"` leaves them all out.
FOLDER_MARKERS = {"browser": "browser", "pyodide": "pyodide"}


def pytest_collection_modifyitems(items):
    for item in items:
        folder = item.path.relative_to(REPO_ROOT / "tests").parts[0]
        if folder in FOLDER_MARKERS:
            item.add_marker(FOLDER_MARKERS[folder])


@pytest.fixture(scope="session")
def installed_python(tmp_path_factory) -> Path:
    """The Python of a fresh virtualenv into which the project is installed as ``make setup``
    installs it (``pip install --no-deps --no-build-isolation -e .``). The pinned packages are
    the repository's .venv's, lent through a ``.pth`` file: nothing is downloaded."""
    environment = tmp_path_factory.mktemp("venv") / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(environment)], check=True)
    python = environment / "bin" / "python"
    own, lent = (
        subprocess.run([executable, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], check=True, capture_output=True, text=True).stdout.strip()
        for executable in (python, sys.executable)
    )
    (Path(own) / "lent-packages.pth").write_text(lent + "\n", encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--disable-pip-version-check",
         "--no-deps", "--no-build-isolation", "-e", str(REPO_ROOT)],
        check=True, capture_output=True,
    )
    return python


def plain_mkdocs_build(python: Path, site_dir: Path, cwd: Path) -> subprocess.CompletedProcess:
    """``mkdocs build --strict`` as a newcomer runs it: MkDocs' own command, from a folder that
    is not the repository's (so nothing is imported from the working folder by chance)."""
    return subprocess.run(
        [str(python), "-m", "mkdocs", "build", "--strict", "-f", str(REPO_ROOT / "mkdocs.yml"), "-d", str(site_dir)],
        cwd=cwd, capture_output=True, text=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )


@pytest.fixture(scope="session")
def built_site(installed_python, tmp_path_factory) -> Path:
    """The site, built once per test session with plain ``mkdocs build --strict`` from an
    installed project: the generator's hooks, the runtime, the service worker and the compressed
    copies, as ``python -m site_build build`` writes them too."""
    site_dir = tmp_path_factory.mktemp("site")
    completed = plain_mkdocs_build(installed_python, site_dir, cwd=tmp_path_factory.mktemp("elsewhere"))
    assert completed.returncode == 0, completed.stdout + completed.stderr
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
