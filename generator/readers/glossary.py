"""Read the glossary (`begrippen.yml`): the terms the team explains, each with its place.

The file is a YAML list; every entry names a term and explains it::

    - term: SLM Rijk
      expansion: Strategisch Leveranciersmanagement Rijk
      explanation: Onderhandelt voor de hele Rijksoverheid met grote ICT-leveranciers.
      forms: [SLM Rijk]                 # optional: the spellings marked in letters (default: term)
      source: https://…                 # optional: where to read more (http or https)

A bad entry is reported as `begrippen.yml:<line>: <what>` and left out; the other terms are kept.
A file that is not UTF-8 text, is larger than 1 MB or is not YAML is one error at its line.
A term or spelling given twice is an error at its second place. A missing file is no glossary.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from generator.errors import SourceError, problem
from generator.model import Diagnostic, SourceSpan, Term
from generator.readers._yaml import compose_yaml, is_text, line_of, mapping_of, read_text_file, text_of

__all__ = ["read_glossary"]

FIELDS = ("term", "expansion", "explanation", "forms", "source")
WHAT = "a glossary entry"


def read_glossary(path: Path, shown: str) -> tuple[tuple[Term, ...], tuple[Diagnostic, ...]]:
    """Read the glossary at `path` (`shown` in messages); a missing file gives no terms."""
    try:
        text = read_text_file(path, shown)
        root = compose_yaml(text, shown) if text is not None else None
    except SourceError as error:
        return (), (error.diagnostic,)
    if root is None:
        return (), ()
    if not isinstance(root, yaml.SequenceNode):
        return (), (problem(shown, line_of(root), "the glossary must be a list of entries (`- term: …`)"),)
    terms: list[Term] = []
    problems: list[Diagnostic] = []
    names: dict[str, int] = {}
    spellings: dict[str, str] = {}
    for node in root.value:
        term, found = _term(node, shown)
        problems += found
        if term is None:
            continue
        line = term.span.line
        if term.name.casefold() in names:
            problems.append(problem(shown, line, f"term given twice (first on line {names[term.name.casefold()]})", term.name))
            continue
        taken = [form for form in term.forms if form in spellings]
        if taken:
            problems.append(problem(shown, line, f"spelling already marks the term {spellings[taken[0]]}", taken[0]))
            continue
        names[term.name.casefold()] = line
        spellings.update(dict.fromkeys(term.forms, term.name))
        terms.append(term)
    return tuple(terms), tuple(problems)


def _term(node: yaml.Node, shown: str) -> tuple[Term | None, list[Diagnostic]]:
    """Read one entry, or report why it cannot be a term."""
    line = line_of(node)
    fields, problems = mapping_of(node, shown, 1, FIELDS, WHAT)
    if not isinstance(node, yaml.MappingNode):
        return None, problems
    values: dict[str, str | None] = {}
    for name in ("term", "expansion", "explanation", "source"):
        if name in fields:
            values[name] = text_of(fields[name])
            if not values[name]:
                problems.append(problem(shown, line_of(fields[name]), f"`{name}` must be a line of text"))
    forms: list[str] = []
    if "forms" in fields:
        items = fields["forms"].value if isinstance(fields["forms"], yaml.SequenceNode) else [fields["forms"]]
        for item in items:
            form = text_of(item) if is_text(item) else None
            if not form or "\n" in form:
                problems.append(problem(shown, line_of(item), "each of `forms` must be a spelling on one line"))
            else:
                forms.append(" ".join(form.split()))
    for required in ("term", "explanation"):
        if required not in fields:
            problems.append(problem(shown, line, f"{WHAT} needs `{required}`"))
    source = values.get("source")
    if source and not source.lower().startswith(("https://", "http://")):
        problems.append(problem(shown, line_of(fields["source"]), "`source` must be a web address (http or https)", source))
    if problems:
        return None, problems
    name = " ".join(str(values["term"]).split())
    span = SourceSpan(shown, line, node.end_mark.line)
    return Term(
        name,
        " ".join(str(values["explanation"]).split()),
        span,
        tuple(dict.fromkeys(forms or [name])),
        " ".join(values["expansion"].split()) if values.get("expansion") else None,
        source,
    ), []
