"""The notes reader: the shipped notes, and bad files reported at their `annotations/<file>:<line>`.

The bad files are synthetic (each a few lines; no real note holds these mistakes).
"""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from generator.readers.annotations import read_annotations
from tests.golden_files import ANNOTATIONS


def _read(tmp_path: Path, text: str, name: str = "noot.md"):
    (tmp_path / name).write_text(text, encoding="utf-8")
    return read_annotations(tmp_path, "annotations")


def test_the_shipped_notes_read_without_problems() -> None:
    notes, problems = read_annotations(ANNOTATIONS, "annotations")
    assert problems == ()
    assert len(notes) >= 4
    by_file = {note.span.path: note for note in notes}
    note = by_file["annotations/bbb-24-alleen-verwijzingen.md"]
    assert (note.address, note.anchor, note.author) == ("eerste-kamer/2026-02-12/antwoordbrief/", "bbb-antwoord-24", "Redactie Kamerdossier")
    assert note.date == datetime.date(2026, 11, 28) and note.title == "Dit antwoord verwijst alleen"
    assert (note.address_line, note.anchor_line) == (2, 3)
    assert note.body.startswith("Dit antwoord beantwoordt de vraag niet zelf")


def test_a_missing_folder_holds_no_notes(tmp_path: Path) -> None:
    assert read_annotations(tmp_path / "annotations", "annotations") == ((), ())


GOOD = "---\naddress: a/\nanchor: vraag-1\nauthor: R\ndate: 2026-11-28\n---\nTekst.\n"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("Tekst zonder front matter.\n", 1, "a note starts with front matter between `---` lines"),
        ("---\naddress: a/\n", 1, "the front matter has no closing `---` line"),
        ("---\n---\nTekst.\n", 2, "the front matter is empty"),
        (GOOD.replace("anchor: vraag-1\n", ""), 1, "the front matter needs `anchor`"),
        (GOOD.replace("date: 2026-11-28", "date: 28 november"), 5, "`date` must be a date like 2026-02-20"),
        (GOOD.replace("author: R", "author: R\nkleur: rood"), 5, "unknown field in the front matter"),
        (GOOD.replace("author: R", "author: [R, S]"), 4, "`author` must be one line of text"),
        (GOOD.replace("Tekst.\n", "\n"), 7, "the note has no text after its front matter"),
        (GOOD.replace("anchor: vraag-1", "anchor: [vraag-1"), 4, "not valid YAML"),
    ],
)
def test_a_bad_note_is_reported_at_its_line_and_left_out(tmp_path: Path, text: str, line: int, message: str) -> None:
    notes, problems = _read(tmp_path, text)
    assert notes == ()
    assert [(p.path, p.line) for p in problems][:1] == [("annotations/noot.md", line)]
    assert problems[0].message.startswith(message) and problems[0].severity == "error"


def test_one_bad_note_leaves_the_others(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b.md").write_text("geen noot\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("geen noot, en geen .md\n", encoding="utf-8")
    notes, problems = read_annotations(tmp_path, "annotations")
    assert [note.span.path for note in notes] == ["annotations/a.md"]
    assert [str(p) for p in problems] == ["annotations/b.md:1: a note starts with front matter between `---` lines"]
