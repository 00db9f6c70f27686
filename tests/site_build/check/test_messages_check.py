"""Message files: YAML traps a translator can fall into, reported with the line to fix."""
from __future__ import annotations

from site_build.check.messages_check import check_messages, load_message_file
from site_build.content.formatting import placeholders


def problems(tmp_path, english: str, romanian: str) -> list[tuple[str, int | None, str]]:
    (tmp_path / "en.yml").write_text(english, encoding="utf-8")
    (tmp_path / "ro.yml").write_text(romanian, encoding="utf-8")
    files = {
        ("en", "x.yml"): load_message_file(tmp_path / "en.yml", "content/messages/x.yml"),
        ("ro", "x.yml"): load_message_file(tmp_path / "ro.yml", "content/ro/messages/x.yml"),
    }
    return [(issue.path, issue.line, issue.message) for issue in check_messages(files)]


def test_placeholders():
    assert placeholders("From {min} to {max} {unit}, {{literal}}") == ["max", "min", "unit"]
    assert placeholders("Broken {min") is None


def test_an_unquoted_yes_and_an_empty_text(tmp_path):
    found = problems(tmp_path, 'ui:\n  shown: "Yes"\n  note: A note\n', "ui:\n  shown: yes\n  note:\n")
    assert found == [
        ("content/ro/messages/x.yml", 2, '`ui.shown` is read as true, not as text: put the text in quotes, e.g. "Yes".'),
        ("content/ro/messages/x.yml", 3, "`ui.note` has no text: write the text after the colon."),
    ]


def test_a_repeated_section_is_reported(tmp_path):
    # YAML keeps only the last `ui:` block: the texts of the first would silently vanish.
    found = problems(tmp_path, "ui:\n  a: A\n  b: B\n", "ui:\n  a: A\nui:\n  b: B\n")
    assert found == [("content/ro/messages/x.yml", 3, "Key `ui` appears twice (also line 1); merge them into one.")]


def test_invalid_yaml_names_the_line(tmp_path):
    found = problems(tmp_path, "title: Title\n", "title: Titlu\n  bad: [\n")
    assert len(found) == 2  # the file cannot be read, so `title` is missing too
    path, line, message = found[0]
    assert path == "content/ro/messages/x.yml" and message.startswith("This file is not valid YAML")
