"""Read YAML as text, lists and mappings with the line of every value: nothing is constructed.

PyYAML's composer gives each node its place (`start_mark`); reading nodes instead of constructed
Python objects keeps every value plain text (no dates, numbers or tags turned into objects) and
lets every problem be reported at its `file:line`::

    compose_yaml("- term: M365\\n  explanation: Microsoft 365\\n", "begrippen.yml")
    -> SequenceNode([MappingNode(...)]); line_of(node) is 1-based
"""

from __future__ import annotations

import yaml

from generator.errors import ReadError
from generator.model import Diagnostic


def compose_yaml(text: str, shown: str, first_line: int = 1) -> yaml.Node | None:
    """Compose `text` into YAML nodes; refuse text that is not YAML, naming its line.

    `first_line` is the file line the text starts on (front matter starts on line 2).
    """
    try:
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = first_line + (mark.line if mark is not None else 0)
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise ReadError(shown, line, f"not valid YAML: {problem}") from None


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
        return {}, [Diagnostic(shown, line_of(node, first_line), f"{what} must be a mapping of fields")]
    fields: dict[str, yaml.Node] = {}
    problems = []
    for key, value in node.value:
        name = key.value if is_text(key) else None
        line = line_of(key, first_line)
        if name not in allowed:
            known = ", ".join(allowed)
            problems.append(Diagnostic(shown, line, f"unknown field in {what} (known: {known})", str(name)[:40]))
        elif name in fields:
            problems.append(Diagnostic(shown, line, f"field given twice in {what}", name))
        else:
            fields[name] = value
    return fields, problems


def text_of(node: yaml.Node) -> str | None:
    """The text of a scalar node, stripped; None for a list or mapping."""
    return str(node.value).strip() if is_text(node) else None
