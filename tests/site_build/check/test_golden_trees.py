"""Each golden tree under trees/<case>/content gives exactly the report in trees/<case>/expected.txt.

Like mkdocs-static-i18n's control trees: the input is a real (tiny) content folder, the
expected output is the whole report as a translator sees it. To accept a deliberate change of
wording, run with UPDATE_GOLDEN=1 and review the diff of the expected files.
"""
from __future__ import annotations

import os

import pytest

from site_build.check import check_content

from .conftest import SEEDS, TODAY, TREES, tree_cases


@pytest.mark.parametrize("case", tree_cases())
def test_report_matches_the_expected_report(case):
    report = check_content(TREES / case / "content", today=TODAY, seeds_dir=SEEDS)
    expected_file = TREES / case / "expected.txt"
    if os.environ.get("UPDATE_GOLDEN"):
        expected_file.write_text(report.as_text(), encoding="utf-8")
    assert report.as_text() == expected_file.read_text(encoding="utf-8")


def test_every_case_has_an_expected_report():
    assert all((TREES / case / "expected.txt").is_file() for case in tree_cases())


def test_the_clean_tree_has_nothing_to_report():
    report = check_content(TREES / "clean" / "content", today=TODAY, seeds_dir=SEEDS)
    assert report.issues == [] and report.exit_code == 0
