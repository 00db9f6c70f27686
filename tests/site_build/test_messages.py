"""Message files: flattening, and errors that tell a translator which file to fix."""
from __future__ import annotations

import pytest

from site_build.content import messages


def test_flatten_nested_keys():
    assert messages.flatten({"inputs": {"weight": {"label": "Body weight"}}, "title": "T"}) == {
        "inputs.weight.label": "Body weight",
        "title": "T",
    }


def test_missing_key_names_the_files_to_edit():
    catalog = messages.catalog("ro", "ivig-dose")
    with pytest.raises(messages.MissingMessage) as raised:
        catalog["inputs.no_such_field.label"]
    text = str(raised.value)
    assert "inputs.no_such_field.label" in text
    assert "content/ro/messages/ivig-dose.yml" in text


def test_calculator_texts_override_common_ones(tmp_path, monkeypatch):
    (tmp_path / "messages").mkdir()
    (tmp_path / "messages" / "common.yml").write_text("ui:\n  calculate: Calculate\n", encoding="utf-8")
    (tmp_path / "messages" / "demo.yml").write_text("ui:\n  calculate: Compute dose\n", encoding="utf-8")
    monkeypatch.setattr(messages, "content_root", lambda language: tmp_path)
    messages.load_file.cache_clear()
    try:
        assert messages.catalog("en", "demo")["ui.calculate"] == "Compute dose"
    finally:
        messages.load_file.cache_clear()
