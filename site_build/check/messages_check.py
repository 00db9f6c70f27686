"""Message files: the same keys in both languages, the same ``{placeholders}`` in each text.

A placeholder is ``{name}`` and a literal brace is ``{{``/``}}``, the one grammar the build and
the page script fill texts by (site_build.content.formatting); any other brace is an error.
The English file is the reference: a Romanian key it lacks is a stray (a typo, or a key the
code no longer uses), an English key the Romanian file lacks is a missing text.

YAML reads an unquoted ``yes``/``no``/``on``/``off`` as true/false and an empty value as
nothing, which the page would then show as ``True`` or a blank: those are reported too.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from site_build.content.formatting import placeholders
from site_build.paths import DEFAULT_LANGUAGE, TRANSLATION_LANGUAGES

from .report import Issue, error
from .tree import ContentTree

CHECK = "messages"


@dataclass(frozen=True)
class Entry:
    value: Any  # as YAML constructs it: normally a string
    line: int

    @property
    def text(self) -> str:
        return "" if self.value is None else str(self.value)


@dataclass
class MessageFile:
    path: Path
    display_path: str
    entries: dict[str, Entry] = field(default_factory=dict)  # flat dotted keys, as the build uses them
    problems: list[Issue] = field(default_factory=list)  # the file cannot be read, or repeats a key


def load_message_file(path: Path, display_path: str) -> MessageFile:
    """Read one message file, keeping each key's line."""
    loaded = MessageFile(path, display_path)
    text = path.read_bytes().decode("utf-8", errors="replace")
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
        if root is None:
            return loaded
        if not isinstance(root, yaml.MappingNode):
            loaded.problems.append(error(CHECK, display_path, root.start_mark.line + 1,
                                         "A message file must be a list of `key: text` lines."))
            return loaded
        _collect(loader, root, "", loaded)
    except yaml.YAMLError as failure:
        mark = getattr(failure, "problem_mark", None)
        problem = getattr(failure, "problem", None) or str(failure)
        loaded.problems.append(error(
            CHECK, display_path, mark.line + 1 if mark else None,
            f"This file is not valid YAML ({problem}): check the indentation and put a text with a "
            "colon or a # in quotes.",
        ))
    finally:
        loader.dispose()
    return loaded


def _collect(loader: yaml.SafeLoader, node: yaml.MappingNode, prefix: str, loaded: MessageFile) -> None:
    seen: dict[str, int] = {}
    for key_node, value_node in node.value:
        key = f"{prefix}{loader.construct_object(key_node)}"
        line = key_node.start_mark.line + 1
        if key in seen:
            # YAML keeps only the last one: the texts under the first silently disappear.
            loaded.problems.append(error(
                CHECK, loaded.display_path, line,
                f"Key `{key}` appears twice (also line {seen[key]}); merge them into one.",
            ))
        seen[key] = line
        if isinstance(value_node, yaml.MappingNode):
            _collect(loader, value_node, key + ".", loaded)
        else:
            loaded.entries[key] = Entry(loader.construct_object(value_node, deep=True), line)


def message_files(tree: ContentTree) -> dict[tuple[str, str], MessageFile]:
    """Every message file of every language, read once."""
    files = {}
    for name in tree.all_message_names():
        for language in (DEFAULT_LANGUAGE, *TRANSLATION_LANGUAGES):
            path = tree.message_file(language, name)
            if path.is_file():
                files[(language, name)] = load_message_file(path, tree.display_path(path))
    return files


def check_messages(files: dict[tuple[str, str], MessageFile]) -> list[Issue]:
    issues: list[Issue] = []
    for message_file in files.values():
        issues.extend(message_file.problems)
        issues.extend(_value_problems(message_file))
    for (language, name), translated in files.items():
        if language == DEFAULT_LANGUAGE or (DEFAULT_LANGUAGE, name) not in files:
            continue
        issues.extend(_compare(files[(DEFAULT_LANGUAGE, name)], translated))
    return issues


def _value_problems(message_file: MessageFile) -> list[Issue]:
    issues = []
    for key, entry in message_file.entries.items():
        where = (CHECK, message_file.display_path, entry.line)
        if isinstance(entry.value, bool):
            issues.append(error(*where, f"`{key}` is read as {str(entry.value).lower()}, not as text: put the text in quotes, e.g. \"Yes\"."))
        elif entry.value is None or entry.text.strip() == "":
            issues.append(error(*where, f"`{key}` has no text: write the text after the colon."))
        elif isinstance(entry.value, (list, dict)):
            issues.append(error(*where, f"`{key}` must be one text, not a list."))
        elif placeholders(entry.text) is None:
            issues.append(error(*where, f"`{key}` has an unmatched {{ or }}: placeholders look like {{name}}; write a literal brace as {{{{ or }}}}."))
    return issues


def _compare(english: MessageFile, translated: MessageFile) -> list[Issue]:
    issues = []
    for key, entry in english.entries.items():
        if key not in translated.entries:
            issues.append(error(
                CHECK, translated.display_path, None,
                f"Missing key `{key}` (English line {entry.line}: \"{_shorten(entry.text)}\"): add it with its translation.",
            ))
    for key, entry in translated.entries.items():
        if key not in english.entries:
            issues.append(error(
                CHECK, translated.display_path, entry.line,
                f"Stray key `{key}`: it is not in {english.display_path}; remove it, or fix its spelling to match the English key.",
            ))
            continue
        expected = placeholders(english.entries[key].text)
        found = placeholders(entry.text)
        if expected is not None and found is not None and expected != found:
            issues.append(error(
                CHECK, translated.display_path, entry.line,
                f"`{key}` has placeholders {_braced(found)} but the English text has {_braced(expected)}: "
                "keep every {placeholder} exactly as in English and translate only the words around it.",
            ))
    return issues


def _braced(names: list[str]) -> str:
    return " ".join("{" + name + "}" for name in names) if names else "none"


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
