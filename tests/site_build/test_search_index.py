"""One search index per language, accents optional: the split, the folded words, the base."""
from __future__ import annotations

import json
import re

import pytest

from site_build.pages.search_index import fold, folded_words, localise_search_base, split_search_index

SEPARATOR = r'[\s\-–—,:;!?=\[\]()"/]+|\.(?!\d)|&[lg]t;|&amp;'


def test_fold_drops_every_romanian_accent_comma_or_cedilla():
    assert fold("erupție urgență înțelegeți ÎNȚELES şi ţară") == "eruptie urgenta intelegeti INTELES si tara"


def test_folded_words_are_only_the_words_accents_change_once_each_with_cedilla_spellings():
    words = folded_words("<p>O <strong>erupție</strong> nouă, altă erupție (SCORTEN 2.5).</p>", re.compile(SEPARATOR))
    assert words.split() == ["eruptie", "erupţie", "noua", "alta"]
    assert folded_words("A rash, twice: rash.", re.compile(SEPARATOR)) == ""


@pytest.fixture
def merged(tmp_path):
    """The one index mkdocs-static-i18n writes: both languages' entries in one."""
    config = {"lang": ["en", "ro"], "separator": SEPARATOR, "pipeline": ["stopWordFilter"], "fields": {"title": {"boost": 1000.0}}}
    docs = [
        {"location": "", "title": "Home", "text": "A rash."},
        {"location": "conditions/dress/#urgent", "title": "Urgent help", "text": "Go now."},
        {"location": "ro/", "title": "Acasă", "text": "O erupție."},
        {"location": "ro/conditions/dress/#urgent", "title": "Ajutor de urgență", "text": "Mergeți acum."},
    ]
    (tmp_path / "search").mkdir()
    (tmp_path / "search" / "search_index.json").write_text(json.dumps({"config": config, "docs": docs}), encoding="utf-8")
    return tmp_path


def test_each_language_gets_its_own_index_with_its_own_lunr_language(merged):
    assert split_search_index(merged) == {"en": 2, "ro": 2}
    english = json.loads((merged / "search" / "search_index.json").read_text(encoding="utf-8"))
    romanian = json.loads((merged / "ro" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert english["config"]["lang"] == ["en"] and romanian["config"]["lang"] == ["ro"]
    assert [doc["location"] for doc in english["docs"]] == ["", "conditions/dress/#urgent"]
    # Addresses relative to ro/, where the Romanian pages' base now points.
    assert [doc["location"] for doc in romanian["docs"]] == ["", "conditions/dress/#urgent"]
    assert romanian["docs"][1]["title_folded"] == "urgenta urgenţă" and romanian["docs"][0]["text_folded"] == "eruptie erupţie"
    assert "title_folded" not in english["docs"][0] and romanian["config"]["separator"] == SEPARATOR


@pytest.mark.parametrize(("base", "expected"), [("../../..", "../../../ro/"), ("..", "../ro/"), ("/", "/ro/"), (".", "./ro/")])
def test_a_romanian_page_looks_for_its_index_under_ro(base, expected):
    html = f'<head><script id="__config" type="application/json">{{"annotate": null, "base": "{base}", "search": "{base}/assets/x.js"}}</script>'
    out = localise_search_base(html, "ro")
    assert f'"base": "{expected}"' in out and f'"search": "{base}/assets/x.js"' in out
    assert localise_search_base(html, "en") == html
