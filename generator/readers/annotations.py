"""Read the editorial notes in `annotations/`: Markdown files with YAML front matter.

    ---
    address: eerste-kamer/2026-02-12/antwoordbrief/     # the letter's page, as its URL path
    anchor: bbb-antwoord-24                             # a question, answer or footnote (fn:9) on it
    author: Redactie Kamerdossier
    date: 2026-02-20
    title: Alleen verwijzingen                          # optional
    ---
    Het antwoord verwijst naar de antwoorden op vraag 18 en 20 …

Each file is one note. A file that cannot be a note is reported as `annotations/<file>:<line>:
<what>` and left out; the other notes are kept. Whether the letter and anchor exist is checked
later, against the site (`generator.render.annotations`). The body is kept as written; it is
sanitised when it is rendered.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from generator.errors import SourceError, problem
from generator.model import Annotation, Diagnostic, SourceSpan
from generator.readers._yaml import compose_yaml, line_of, mapping_of, read_text_file, text_of

__all__ = ["read_annotations"]

SUFFIX = ".md"
FIELDS = ("address", "anchor", "author", "date", "title")
REQUIRED = ("address", "anchor", "author", "date")
WHAT = "the front matter"
FENCE = "---"


def read_annotations(folder: Path, shown: str) -> tuple[tuple[Annotation, ...], tuple[Diagnostic, ...]]:
    """Read every `*.md` note in `folder` (`shown` in messages: `annotations`), sorted by name.

    A missing folder holds no notes.
    """
    if not folder.is_dir():
        return (), ()
    notes: list[Annotation] = []
    problems: list[Diagnostic] = []
    for path in sorted(p for p in folder.iterdir() if p.suffix == SUFFIX):  # a folder `x.md` is named, not skipped
        note, found = _read_note(path, f"{shown}/{path.name}")
        problems += found
        if note is not None:
            notes.append(note)
    return tuple(notes), tuple(problems)


def _read_note(path: Path, shown: str) -> tuple[Annotation | None, list[Diagnostic]]:
    try:
        text = read_text_file(path, shown) or ""
    except SourceError as error:
        return None, [error.diagnostic]
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not lines or lines[0].strip() != FENCE:
        return None, [problem(shown, 1, "a note starts with front matter between `---` lines")]
    end = next((number for number in range(1, len(lines)) if lines[number].strip() == FENCE), None)
    if end is None:
        return None, [problem(shown, 1, "the front matter has no closing `---` line")]
    try:
        node = compose_yaml("\n".join(lines[1:end]), shown, first_line=2)
    except SourceError as error:
        return None, [error.diagnostic]
    if node is None:
        return None, [problem(shown, 2, "the front matter is empty; a note needs " + ", ".join(REQUIRED))]
    fields, problems = mapping_of(node, shown, 2, FIELDS, WHAT)
    values: dict[str, str] = {}
    for name, value in fields.items():
        text_value = text_of(value)
        if not text_value or "\n" in text_value:
            problems.append(problem(shown, line_of(value, 2), f"`{name}` must be one line of text"))
        else:
            values[name] = text_value
    missing = [name for name in REQUIRED if name not in fields]
    if missing:
        problems.append(problem(shown, 1, "the front matter needs " + ", ".join(f"`{name}`" for name in missing)))
    date = None
    if "date" in values:
        try:
            date = datetime.date.fromisoformat(values["date"])
        except ValueError:
            problems.append(problem(shown, line_of(fields["date"], 2), "`date` must be a date like 2026-02-20", values["date"]))
    body = "\n".join(lines[end + 1 :]).strip("\n")
    if not body.strip():
        problems.append(problem(shown, end + 2, "the note has no text after its front matter"))
    if problems or date is None:
        return None, problems
    return Annotation(
        address=values["address"],
        anchor=values["anchor"],
        author=values["author"],
        date=date,
        body=body,
        span=SourceSpan(shown, 1, len(lines)),
        title=values.get("title"),
        address_line=line_of(fields["address"], 2),
        anchor_line=line_of(fields["anchor"], 2),
    ), []
