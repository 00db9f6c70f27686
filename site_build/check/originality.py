"""No run of ten words repeated from the source documents (the seeds in ``../shared/seeds``).

The same test as ``../shared/tools/check_originality.py``, built in so that one command runs
every check: words are lower-cased runs of letters and digits with accents removed, and any
window of 10 consecutive words of a page that also occurs in a seed document is a hit,
reported once per line. Bibliographic text is skipped, as there: footnote definitions (the
reference list), code, raw HTML, and any line holding a DOI, a URL, a PMID or "et al".
The text comes from the token stream (prose and front matter), not from raw lines, so a
reference list is recognised by its footnote syntax rather than by its heading's wording.

The seeds are not part of this repository. When they are absent (a clean clone, CI), the
check says it could not run, as a warning: it runs on the authors' machines.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from site_build.paths import REPO_ROOT

from .documents import FRONT_MATTER, PROSE, Document
from .report import Issue, error, warning

CHECK = "originality"
DEFAULT_SEEDS_DIR = REPO_ROOT.parent / "shared" / "seeds"
WINDOW_WORDS = 10
BIBLIOGRAPHIC = re.compile(r"doi|https?://|pmid|\bet al\b", re.I)
WORD = re.compile(r"[^\W_]+", re.UNICODE)


def words(text: str) -> list[str]:
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(character for character in text if not unicodedata.combining(character))
    return WORD.findall(text)


@lru_cache(maxsize=4)
def seed_windows(seeds_dir: Path) -> frozenset[tuple[str, ...]]:
    windows: set[tuple[str, ...]] = set()
    for seed in sorted(seeds_dir.glob("*.txt")):
        tokens = words(seed.read_text(encoding="utf-8"))
        windows.update(tuple(tokens[index : index + WINDOW_WORDS]) for index in range(len(tokens) - WINDOW_WORDS + 1))
    return frozenset(windows)


def check_originality(documents: list[Document], seeds_dir: Path, content_name: str) -> list[Issue]:
    if not seeds_dir.is_dir() or not any(seeds_dir.glob("*.txt")):
        return [warning(
            CHECK, content_name, None,
            f"The originality check could not run: the source documents ({seeds_dir.name}/ next to this "
            "repository, ../shared/seeds) are not on this machine. Run the check where they are.",
        )]
    windows = seed_windows(seeds_dir.resolve())
    issues = []
    for document in documents:
        tokens = [
            (word, span.line)
            for span in document.spans
            if span.kind in (PROSE, FRONT_MATTER) and not BIBLIOGRAPHIC.search(span.text)
            for word in words(span.text)
        ]
        flagged_lines: set[int] = set()
        for index in range(len(tokens) - WINDOW_WORDS + 1):
            window = tuple(word for word, _ in tokens[index : index + WINDOW_WORDS])
            line = tokens[index][1]
            if window in windows and line not in flagged_lines:
                flagged_lines.add(line)
                issues.append(error(
                    CHECK, document.display_path, line,
                    f"Repeats a source document word for word (\"{' '.join(window)} ...\"): rewrite it in your own words.",
                ))
    return issues
