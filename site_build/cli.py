"""Command line: ``python -m site_build build|serve|check``.

``build`` writes the static site to ``site/`` with MkDocs' strict semantics (any warning fails
the build). ``serve`` does the same into a temporary folder and serves it on
http://127.0.0.1:8000 with live reload, for translators previewing their edits. ``check`` runs
the translators' checks (site_build.check, TRANSLATING.md) and exits non-zero on an error.

At the end of a build, the release (site_build.release) writes what MkDocs knows nothing of: the
service worker that keeps the calculators working offline and precompressed copies of the
large files; ``serve`` previews have neither. Plain ``mkdocs build`` writes the same site. The
benchmark is not part of the generator: ``python -m tests.bench`` (tests/bench.py).
"""
from __future__ import annotations

import argparse
import datetime
import os
import sys
import time
from pathlib import Path

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


def check(content: str | None, *, as_json: bool, mark_current: list[str] | None, today: datetime.date | None,
          seeds: str | None, working_directory: Path) -> int:
    """The translators' check, or with ``mark_current`` the recording of translations as current."""
    from .check import check_content
    from .check.originality import DEFAULT_SEEDS_DIR
    from .check.outdated import MarkError, mark_current as record_current
    from .check.tree import ContentTree
    from .paths import CONTENT_DIR

    content_dir = (working_directory / content).resolve() if content else CONTENT_DIR
    if not content_dir.is_dir():
        print(f"site_build check: {content_dir} is not a folder.", file=sys.stderr)
        return 2
    if mark_current is not None:
        try:
            for line in record_current(ContentTree(content_dir), mark_current, working_directory=working_directory):
                print(line)
        except MarkError as failure:
            print(f"site_build check: {failure}", file=sys.stderr)
            return 2
        return 0
    seeds_dir = (working_directory / seeds).resolve() if seeds else DEFAULT_SEEDS_DIR
    report = check_content(content_dir, today=today, seeds_dir=seeds_dir)
    sys.stdout.write(report.as_json() if as_json else report.as_text())
    return report.exit_code


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m site_build", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    build_parser = commands.add_parser("build", help="build the static site into site/")
    build_parser.add_argument("--site-dir", help="where to write the site (default: site/)")
    serve_parser = commands.add_parser("serve", help="serve the site with live reload while you edit content/")
    serve_parser.add_argument("--host", default="127.0.0.1")
    serve_parser.add_argument("--port", type=int, default=8000)
    check_parser = commands.add_parser(
        "check",
        help="check both languages' pages and messages; exits 1 on an error (see TRANSLATING.md)",
        description="Report, per file and line, missing or outdated translations, structure differences, "
        "broken links, front matter, Romanian orthography, originality and readability.",
    )
    check_parser.add_argument("--json", action="store_true", help="print the report as JSON (for CI and tools)")
    check_parser.add_argument(
        "--mark-current", nargs="*", metavar="PAGE",
        help="record that these Romanian pages translate their English page as it is now "
        "(all Romanian pages when none is named), then exit",
    )
    check_parser.add_argument("--content", metavar="DIR", help="the content folder to check (default: content/)")
    check_parser.add_argument("--today", metavar="YYYY-MM-DD", type=datetime.date.fromisoformat,
                              help="count review ages from this date instead of today")
    check_parser.add_argument("--seeds", metavar="DIR", help="source documents for the originality check (default: ../shared/seeds)")
    args = parser.parse_args(argv)
    if args.command == "check":
        working_directory = Path.cwd()
        _prepare_environment()
        return check(args.content, as_json=args.json, mark_current=args.mark_current, today=args.today,
                     seeds=args.seeds, working_directory=working_directory)
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
