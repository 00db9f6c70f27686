"""Command line: ``python -m site_build build|serve``.

``build`` writes the static site to ``site/`` with MkDocs' strict semantics (any warning fails
the build). ``serve`` does the same into a temporary folder and serves it on
http://127.0.0.1:8000 with live reload, for translators previewing their edits.
"""
from __future__ import annotations

import argparse
import os
import sys
import time

from .paths import DEFAULT_SITE_DIR, MKDOCS_CONFIG, REPO_ROOT


def _configure_logging() -> None:
    """Show MkDocs' warnings as its own command line does: strict mode fails on them."""
    import logging

    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)


def _prepare_environment() -> None:
    # MkDocs loads our hooks file by path; make the package importable whatever the cwd.
    if str(REPO_ROOT) not in sys.path:
        sys.path.insert(0, str(REPO_ROOT))
    os.chdir(REPO_ROOT)
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def build(site_dir: str | None = None) -> int:
    """Build the site; return 0 on success. Raises on a strict-mode warning or a broken page."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    started = time.perf_counter()
    config = load_config(str(MKDOCS_CONFIG), site_dir=str(site_dir or DEFAULT_SITE_DIR), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)
    finally:
        config.plugins.on_shutdown()
    print(f"site_build: built {config.site_dir} in {time.perf_counter() - started:.1f} s")
    return 0


def serve(host: str, port: int) -> int:
    from mkdocs.commands.serve import serve as mkdocs_serve

    mkdocs_serve(str(MKDOCS_CONFIG), dev_addr=f"{host}:{port}", livereload=True, watch=[str(REPO_ROOT / "calculators"), str(REPO_ROOT / "site_build")])
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m site_build", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    build_parser = commands.add_parser("build", help="build the static site into site/")
    build_parser.add_argument("--site-dir", help="where to write the site (default: site/)")
    serve_parser = commands.add_parser("serve", help="serve the site with live reload while you edit content/")
    serve_parser.add_argument("--host", default="127.0.0.1")
    serve_parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args(argv)
    _prepare_environment()
    _configure_logging()
    from mkdocs.exceptions import MkDocsException

    try:
        if args.command == "build":
            return build(args.site_dir)
        return serve(args.host, args.port)
    except MkDocsException as failure:
        print(f"site_build: {failure}", file=sys.stderr)
        return 1
