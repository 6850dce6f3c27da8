"""Read YAML as text, lists and mappings with the line of every value: nothing is constructed.

PyYAML's composer gives each node its place (`start_mark`); reading nodes instead of constructed
Python objects keeps every value plain text (no dates, numbers or tags turned into objects) and
lets every problem be reported at its `file:line`::

    compose_yaml("- term: M365\\n  explanation: Microsoft 365\\n", "begrippen.yml")
    -> SequenceNode([MappingNode(...)]); line_of(node) is 1-based
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from generator.errors import ReadError, problem
from generator.model import Diagnostic
from generator.readers.files import decode_text

DEPTH_LIMIT = 100
"""Without libyaml, lists and mappings nested deeper than this are refused: PyYAML's own composer
recurses once per level. (libyaml refuses more than 1,000 levels itself, at their place.)"""

SIZE_LIMIT = 1024 * 1024
"""A hand-written YAML file larger than this is refused before it is parsed: about 3 s with
libyaml, 30 s without (`begrippen.yml` is 10 KB for two dozen terms)."""

_NOT_YAML = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
"""A character YAML does not allow in a file (a control character, a surrogate, U+FFFE, U+FFFF)."""


class _PythonLoader(yaml.SafeLoader):
    """PyYAML's safe loader in Python (where PyYAML was built without libyaml), refusing nodes
    nested deeper than `DEPTH_LIMIT` at their place rather than running out of stack."""

    def __init__(self, stream: str):
        super().__init__(stream)
        self.depth = 0

    def compose_node(self, parent: yaml.Node | None, index: object) -> yaml.Node | None:
        if self.depth >= DEPTH_LIMIT:
            mark = self.peek_event().start_mark
            raise yaml.composer.ComposerError(None, None, f"lists or mappings nested more than {DEPTH_LIMIT} deep", mark)
        self.depth += 1
        try:
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


LOADER: type = getattr(yaml, "CSafeLoader", _PythonLoader)
"""libyaml's safe loader where PyYAML has it: ten times faster, and it refuses deep nesting itself."""


def read_text_file(path: Path, shown: str) -> str | None:
    """Read the text of a hand-written file (`begrippen.yml`, a note) at `path`; None when there is none.

    Refuses, naming the line: a file that cannot be read, one larger than `SIZE_LIMIT`, and what
    `decode_text` refuses (UTF-16, a NUL byte, invalid UTF-8). A byte-order mark is dropped; an
    empty file is empty text.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as error:
        raise ReadError(shown, 1, f"cannot be read ({error.strerror})") from None
    if len(data) > SIZE_LIMIT:
        raise ReadError(shown, 1, f"larger than {SIZE_LIMIT // (1024 * 1024)} MB; refused")
    return decode_text(data, shown, empty_ok=True)


def compose_yaml(text: str, shown: str, first_line: int = 1) -> yaml.Node | None:
    """Compose `text` into YAML nodes; refuse text that is not YAML, naming its line (and column).

    `first_line` is the file line the text starts on (front matter starts on line 2).
    """
    unallowed = _NOT_YAML.search(text)
    if unallowed is not None:  # said here at its line: PyYAML names only its offset (libyaml in bytes)
        start = unallowed.start()
        line, column = text.count("\n", 0, start), start - text.rfind("\n", 0, start)
        character = repr(unallowed.group())[1:-1]
        raise ReadError(shown, first_line + line, f"not valid YAML: the character {character} is not allowed (column {column})")
    loader = LOADER(text)
    try:
        return loader.get_single_node()
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line, column = (first_line + mark.line, f" (column {mark.column + 1})") if mark is not None else (first_line, "")
        what = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise ReadError(shown, line, f"not valid YAML: {what}{column}") from None
    finally:
        loader.dispose()


def line_of(node: yaml.Node, first_line: int = 1) -> int:
    """The file line a node starts on."""
    return first_line + node.start_mark.line


def is_text(node: yaml.Node) -> bool:
    """Tell whether a node is a plain value (a scalar), which is read as its text."""
    return isinstance(node, yaml.ScalarNode)


def mapping_of(
    node: yaml.Node, shown: str, first_line: int, allowed: tuple[str, ...], what: str
) -> tuple[dict[str, yaml.Node], list[Diagnostic]]:
    """Read a mapping of text keys: unknown and repeated keys are reported and left out."""
    if not isinstance(node, yaml.MappingNode):
        return {}, [problem(shown, line_of(node, first_line), f"{what} must be a mapping of fields")]
    fields: dict[str, yaml.Node] = {}
    problems = []
    for key, value in node.value:
        name = key.value if is_text(key) else None
        line = line_of(key, first_line)
        if name not in allowed:
            known = ", ".join(allowed)
            problems.append(problem(shown, line, f"unknown field in {what} (known: {known})", str(name)))
        elif name in fields:
            problems.append(problem(shown, line, f"field given twice in {what}", name))
        else:
            fields[name] = value
    return fields, problems


def text_of(node: yaml.Node) -> str | None:
    """The text of a scalar node, stripped; None for a list or mapping."""
    return str(node.value).strip() if is_text(node) else None
