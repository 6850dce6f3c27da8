"""Hostile `begrippen.yml` and notes: each one error at its `file:line`, never a traceback.

Every file here is synthetic (a real glossary or note holds none of these). A glossary's hostile
entry starts on line 3, after one good term; a note's front matter starts on line 2, so its lines
are counted from there.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.readers import _yaml
from generator.readers.annotations import read_annotations
from generator.readers.glossary import read_glossary
from tests.security.harness import build, make_seeds

GOOD_TERM = "- term: M365\n  explanation: Microsoft 365\n"
NOTE_HEAD = "---\naddress: eerste-kamer/2026-02-12/antwoordbrief/\nanchor: bbb-antwoord-24\nauthor: R\n"
NOTE_TAIL = "date: 2026-11-28\n---\nTekst.\n"

HOSTILE = {
    # case: (the bytes after the good part, the line at fault, the message)
    "a NUL byte": (b"- term: X\n  explanation: a\x00b\n", 4, "binary file (NUL byte)"),
    "a control character": (b"- term: X\n  explanation: a\x1b[31mb\n", 4, "not valid YAML: the character \\x1b is not allowed (column 17)"),
    "U+FFFE": ("- term: X\n  explanation: a\ufffeb\n".encode(), 4, "not valid YAML: the character \\ufffe is not allowed (column 17)"),
    "invalid UTF-8": (b"- term: X\n  explanation: caf\xe9\n", 4, "not valid UTF-8"),
    "lists nested 5,000 deep": (b"- term: X\n  explanation: " + b"[" * 5000 + b"]" * 5000 + b"\n", 4,
                                "not valid YAML: exceeded maximum nesting depth (column 1014)"),
    "a mapping never closed": (b"- term: X\n  explanation: {a: b\n", 5, "not valid YAML: did not find expected ',' or '}' (column 1)"),
}
"""libyaml refuses more than 1,000 levels of nesting itself (the block sequence and mapping are two)."""


def _glossary(tmp_path: Path, tail: bytes) -> Path:
    path = tmp_path / "begrippen.yml"
    path.write_bytes(GOOD_TERM.encode() + tail)
    return path


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_glossary_is_one_error_at_its_line(tmp_path: Path, case: str) -> None:
    tail, line, message = HOSTILE[case]
    terms, problems = read_glossary(_glossary(tmp_path, tail), "begrippen.yml")
    assert terms == ()
    assert [(p.line, p.message, p.severity) for p in problems] == [(line, message, "error")]


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_note_is_one_error_at_its_line(tmp_path: Path, case: str) -> None:
    tail, line, message = HOSTILE[case]
    field = tail.split(b"\n")[1].replace(b"  explanation", b"title")  # the hostile value, as the note's title
    (tmp_path / "noot.md").write_bytes(NOTE_HEAD.encode() + field + b"\n" + NOTE_TAIL.encode())
    notes, problems = read_annotations(tmp_path, "annotations")
    assert notes == ()
    # The title is the file's line 5, its value starts in column 8 (not 16); one block level, not two.
    message = message.replace("column 17", "column 9").replace("column 1014", "column 1007")
    expected = (5, message) if line == 4 else (6, message.replace("(column 1)", "(column 5)"))  # the flow mapping ends at `date:`
    assert [(p.path, p.line, p.message) for p in problems] == [("annotations/noot.md", *expected)]


def test_deep_nesting_without_libyaml_is_refused_at_its_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """PyYAML's composer in Python recurses once per level: past 100 it is stopped, not the build.

    The entry's list and mapping are levels 1 and 2: the 99th `[` (column 15 + 99) is level 101;
    a block list on line 4 + n, indented 2n, is level n + 2, and n = 99 is on line 103, column 199.
    """
    monkeypatch.setattr(_yaml, "LOADER", _yaml._PythonLoader)
    flow = b"- term: X\n  explanation: " + b"[" * 5000 + b"\n"
    block = b"- term: X\n  explanation:\n" + "".join("  " * level + "-\n" for level in range(1, 300)).encode()
    for tail, line, column in ((flow, 4, 114), (block, 103, 199)):
        terms, problems = read_glossary(_glossary(tmp_path, tail), "begrippen.yml")
        assert terms == ()
        assert [(p.line, p.message) for p in problems] == [(line, f"not valid YAML: lists or mappings nested more than 100 deep (column {column})")]


def test_libyaml_is_used_where_pyyaml_has_it() -> None:
    assert _yaml.LOADER is (yaml.CSafeLoader if yaml.__with_libyaml__ else _yaml._PythonLoader)


def test_a_huge_number_is_text(tmp_path: Path) -> None:
    """Nothing is constructed, so 100,000 digits are an explanation like any other."""
    terms, problems = read_glossary(_glossary(tmp_path, b"- term: X\n  explanation: " + b"9" * 100_000 + b"\n"), "begrippen.yml")
    assert problems == () and terms[1].explanation == "9" * 100_000


def test_utf16_a_byte_order_mark_and_a_file_too_large(tmp_path: Path) -> None:
    path = tmp_path / "begrippen.yml"
    path.write_bytes(GOOD_TERM.encode("utf-16"))
    assert [str(p) for p in read_glossary(path, "begrippen.yml")[1]] == ["begrippen.yml:1: UTF-16 text; save it as UTF-8"]
    path.write_bytes(("\ufeff" + GOOD_TERM).encode())
    assert [term.name for term in read_glossary(path, "begrippen.yml")[0]] == ["M365"]
    path.write_bytes(GOOD_TERM.encode() * (10 * 1024 * 1024 // len(GOOD_TERM)))
    assert [str(p) for p in read_glossary(path, "begrippen.yml")[1]] == ["begrippen.yml:1: larger than 1 MB; refused"]
    (tmp_path / "noten").mkdir()
    (tmp_path / "noten" / "noot.md").write_bytes(NOTE_HEAD.encode() + NOTE_TAIL.encode() * (1024 * 1024 // len(NOTE_TAIL) + 1))
    assert [str(p) for p in read_annotations(tmp_path / "noten", "annotations")[1]] == ["annotations/noot.md:1: larger than 1 MB; refused"]


def test_a_folder_in_the_place_of_a_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "begrippen.yml").mkdir()
    assert [str(p) for p in read_glossary(tmp_path / "begrippen.yml", "begrippen.yml")[1]] == [
        "begrippen.yml:1: cannot be read (Is a directory)"]
    (tmp_path / "begrippen.yml" / "noot.md").mkdir()
    assert [str(p) for p in read_annotations(tmp_path / "begrippen.yml", "annotations")[1]] == [
        "annotations/noot.md:1: cannot be read (Is a directory)"]


def test_a_key_with_an_escape_sequence_is_shown_escaped(tmp_path: Path) -> None:
    """YAML's `"\\e"` is an escape character in a value; a message shows it as `\\x1b`, one line."""
    path = _glossary(tmp_path, b'- term: X\n  explanation: x\n  "\\e[2J\\nkleur": rood\n')
    problems = read_glossary(path, "begrippen.yml")[1]
    assert [str(p) for p in problems] == [
        "begrippen.yml:5: unknown field in a glossary entry (known: term, expansion, explanation, forms, source) — \\x1b[2J kleur"]


@pytest.mark.parametrize("strict", [False, True])
def test_the_build_names_a_hostile_glossary_and_note_and_builds_the_letters(tmp_path: Path, strict: bool) -> None:
    """Through the command line: one line each, no traceback; the letters build; strict fails."""
    glossary = _glossary(tmp_path, HOSTILE["lists nested 5,000 deep"][0])
    (tmp_path / "annotations").mkdir()
    (tmp_path / "annotations" / "noot.md").write_bytes(NOTE_HEAD.encode() + b"title: caf\xe9\n" + NOTE_TAIL.encode())
    built = build(tmp_path, make_seeds(tmp_path), strict=strict, site=False, glossary=glossary)
    assert built.status == (1 if strict else 0)
    assert "error: begrippen.yml:4: not valid YAML: exceeded maximum nesting depth (column 1014)\n" in built.stderr
    assert "error: annotations/noot.md:5: not valid UTF-8 — " in built.stderr
    assert "Traceback" not in built.stderr
    assert (built.docs / "eerste-kamer" / "2026-02-12" / "antwoordbrief.md").is_file()
