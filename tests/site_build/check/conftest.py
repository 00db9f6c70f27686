"""Golden trees: mini content folders, each with one kind of problem and the exact report."""
from __future__ import annotations

import datetime
from pathlib import Path

TREES = Path(__file__).resolve().parent / "trees"
SEEDS = TREES / "seeds"  # a made-up source document, so the originality check runs anywhere
TODAY = datetime.date(2026, 11, 23)  # review ages are counted from this day


def tree_cases() -> list[str]:
    return sorted(path.name for path in TREES.iterdir() if (path / "content").is_dir())
