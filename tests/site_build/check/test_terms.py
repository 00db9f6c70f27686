"""The termbase: how terms are found in a text, what the check refuses in the termbase itself,
and the glossary table made from it. The reports on pages are the golden trees terms-*."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from site_build.content import termbase
from site_build.pages import glossary
from site_build.check.terms import check_terms
from site_build.check.tree import ContentTree
from site_build.content.messages import Catalog
from site_build.content.termbase import Pattern, TermbaseError


def found(term: str, text: str) -> list[str]:
    return [text[start:end] for start, end in Pattern.of(term).find(text)]


@pytest.mark.parametrize(
    ("term", "text", "expected"),
    [
        ("decolare epidermică", "Decolarea epidermică și decolării epidermice", ["Decolarea epidermică", "decolării epidermice"]),
        ("placă", "plăci, placa, placarde", ["plăci", "placa"]),
        ("prospect", "prospectul, prospectele, un studiu prospectiv", ["prospectul", "prospectele"]),
        ("braț", "brațul, brațele, o brățară", ["brațul", "brațele"]),
        # What the termbase avoids for the upper limb: the limb's forms, not bracelets (brățări).
        ("brațul", "brațul, brățări de alertă", ["brațul"]),
        ("brațele", "brațele, brațelor, brățările", ["brațele", "brațelor"]),
        ("meta-analiză", "o meta-analiză, o metaanaliză", ["meta-analiză"]),
        ("metaanaliză", "o meta-analiză, metaanalizele", ["metaanalizele"]),
        ("wash-out", "wash-out, wash out, washout", ["wash-out", "wash out"]),
        ("TEN (toxic epidermal necrolysis)", "ten days; TEN", ["TEN"]),
        ("IgA lineară", "iga lineară, IgA lineare", ["IgA lineare"]),
        ("Nikolsky", "Nikolski, Nikolsky", ["Nikolsky"]),
    ],
)
def test_a_term_is_found_whatever_its_ending_and_diacritics(term, text, expected):
    assert found(term, text) == expected


def test_the_real_termbase_has_the_seed_concepts_and_no_problems(tmp_path):
    concepts = termbase.load()
    assert len(concepts) >= 40
    ids = {concept.id for concept in concepts}
    for seed in ("epidermal-detachment", "wash-out", "nikolsky-sign", "meta-analysis", "review-article",
                 "summary-of-product-characteristics", "upper-limb", "plaque", "pulse-therapy",
                 "mucous-membrane-pemphigoid", "linear-iga-disease", "inclusion-body-myositis",
                 "blood-group", "haemolysis"):
        assert seed in ids
    # Checked alone (no page, no message file), the termbase reports nothing about itself.
    content = tmp_path / "content"
    (content / "messages").mkdir(parents=True)
    (content / "messages" / "termbase.yml").write_text(termbase.termbase_path().read_text(encoding="utf-8"), encoding="utf-8")
    assert check_terms(ContentTree(content), [], {}) == []


def _check_termbase(tmp_path: Path, text: str):
    content = tmp_path / "content"
    (content / "messages").mkdir(parents=True)
    (content / "messages" / "termbase.yml").write_text(text, encoding="utf-8")
    return check_terms(ContentTree(content), [], {})


def test_one_romanian_term_cannot_name_two_concepts(tmp_path):
    issues = _check_termbase(tmp_path, "a:\n  en: Plaque\n  ro: Placă\nb:\n  en: Plate\n  ro: plăci\n")
    assert [(issue.severity, issue.line) for issue in issues] == [("error", 4)]
    assert "also the Romanian term of `a`" in issues[0].message


def test_a_variant_to_avoid_must_not_read_as_the_approved_term(tmp_path):
    issues = _check_termbase(tmp_path, "blood-group:\n  en: Blood group\n  ro: Grupă sanguină\n  ro_avoid: [grup sanguin]\n")
    assert len(issues) == 1 and "reads as the approved term" in issues[0].message


def test_an_avoided_variant_in_a_definition_is_reported(tmp_path):
    text = "d:\n  en: Detachment\n  ro: Decolare\n  ro_avoid: [detașare]\n  definition:\n    en: x\n    ro: O detașare a pielii.\n"
    issues = _check_termbase(tmp_path, text)
    assert [(issue.path, issue.line) for issue in issues] == [("content/messages/termbase.yml", 1)]


@pytest.mark.parametrize(
    ("text", "line", "says"),
    [
        ("a:\n  en: X\n", 1, "needs `ro:`"),
        ("a:\n  en: X\n  ro: Y\n  ro_avoid: z\n  colour: red\n", 1, "unknown fields colour"),
        ("a:\n  en: X\n  ro: Y\na:\n  en: X\n  ro: Y\n", 4, "appears twice"),
        ("a: [\n", 2, "not valid YAML"),
    ],
)
def test_an_unreadable_termbase_is_reported_with_its_line(tmp_path, text, line, says):
    with pytest.raises(TermbaseError) as raised:
        termbase.parse(text)
    assert raised.value.line == line and says in str(raised.value)
    issues = _check_termbase(tmp_path, text)
    assert len(issues) == 1 and issues[0].line == line and issues[0].severity == "error"


def test_the_glossary_table_is_in_the_alphabetical_order_of_its_language():
    concepts = tuple(termbase.parse(
        "s:\n  en: Scar\n  ro: Cicatrice\n"
        "t:\n  en: Thrombosis\n  ro: Tromboză\n"
        "p:\n  en: Plaque\n  ro: Placă\n  ro_avoid: [placard]\n  definition:\n    en: A raised patch.\n    ro: O zonă reliefată.\n"
        "a:\n  en: Shoulder\n  ro: Umăr\n"
        "b:\n  en: Back\n  ro: Țesut\n"
    ))
    texts = Catalog("ro", {"termbase.term": "Termen", "termbase.other_language": "Engleză", "termbase.definition": "Definiție", "termbase.avoid": "De evitat"}, ())
    html = glossary.glossary_table(concepts, "ro", texts)
    assert re.findall(r"<strong>([^<]*)</strong>", html) == ["Cicatrice", "Placă", "Tromboză", "Țesut", "Umăr"]
    assert "<td>O zonă reliefată.</td><td>placard</td>" in html
    english = glossary.glossary_table(concepts, "en", Catalog("en", {key.replace("Termen", "Term"): value for key, value in texts.texts.items()}, ()))
    assert re.findall(r"<strong>([^<]*)</strong>", english) == ["Back", "Plaque", "Scar", "Shoulder", "Thrombosis"]
