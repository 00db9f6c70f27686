"""The one formatting rule (site_build/content/formatting.py), on the cases format.mjs passes too,
and on format.mjs's own output for thousands of numbers: a table the build writes and a result
the page writes read the same."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from site_build.content.formatting import fill, format_date, format_number, format_signed, placeholders, rounded_text
from site_build.content.messages import catalog
from tests.conftest import REPO_ROOT

HERE = Path(__file__).parent
CASES = json.loads((HERE / "format_cases.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("language", sorted(CASES["texts"]))
def test_the_cases_use_the_languages_own_texts(language):
    real = catalog(language, "common")
    assert CASES["texts"][language] == {key: real[key] for key in CASES["texts"][language]}


@pytest.mark.parametrize("language", sorted(CASES["texts"]))
def test_the_shared_cases(language):
    texts = catalog(language, "common")
    for case in CASES["numbers"]:
        assert format_number(case["value"], texts, case["decimals"]) == case[language], case
    for case in CASES["signed"]:
        assert format_signed(case["value"], texts, case["decimals"]) == case[language], case
    for case in CASES["dates"]:
        assert format_date(case["date"], texts) == case[language], case
    for case in CASES["fill"]:
        assert fill(case["template"], case["params"], {**texts.texts, **case["texts"]}) == case[language], case


def test_python_and_javascript_round_thousands_of_numbers_alike():
    completed = subprocess.run(["node", str(HERE / "format_sample.mjs")], cwd=REPO_ROOT, capture_output=True, text=True, timeout=60, check=True)
    output = json.loads(completed.stdout)
    assert len(output["rows"]) >= 6000
    differences = [
        (value, decimals, javascript, rounded_text(value, decimals))
        for value, texts in output["rows"]
        for decimals, javascript in zip(output["decimals"], texts, strict=True)
        if rounded_text(value, decimals) != javascript
    ]
    assert differences == []


def test_placeholders_are_names_in_braces_and_a_lone_brace_is_an_error():
    assert placeholders("{min} to {max} {unit}, {{literal}}") == ["max", "min", "unit"]
    assert placeholders("no placeholder") == []
    for broken in ("a lone { brace", "{min", "max}", "{}", "{0.5}"):
        assert placeholders(broken) is None, broken
