"""Odd files in the seeds folder (issue 7, items 6 and 9): only regular files inside it are read;
a symbolic link is refused without showing what it points to; upper-case suffixes are read or
reported; a sidecar without a letter and a UTF-16 letter are named for what they are."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.security.harness import QUESTIONS, build, injected, make_seeds, seed_text

OTHER_PAGE = "eerste-kamer/2026-02-12/antwoordbrief.md"
MARK = "Zeldzaamwoordbuitenaf"
"""A word no seed holds, injected to see where a letter's text ends up."""


def _site_text(built) -> str:
    texts = [page.read_text(encoding="utf-8") for page in built.pages()]
    texts += [page.read_text(encoding="utf-8") for page in built.html()]
    return "\n".join(texts)


def test_a_symlink_to_etc_passwd_is_refused_without_showing_its_content(tmp_path: Path) -> None:
    seeds = make_seeds(tmp_path)
    os.symlink("/etc/passwd", seeds / "x.txt")
    built = build(tmp_path, seeds)
    assert "error: seeds/x.txt:1: symbolic link refused: only regular files inside the seeds folder are read" in built.stderr
    first_line = Path("/etc/passwd").read_text(encoding="utf-8").splitlines()[0]
    assert first_line not in built.stderr and "root:" not in built.stderr
    assert "root:" not in _site_text(built)
    assert (built.docs / OTHER_PAGE).is_file(), "the other letters still build"
    assert build(tmp_path / "strict", make_seeds(tmp_path / "strict"), strict=True, site=False).status == 0
    strict_seeds = tmp_path / "strict" / "seeds"
    os.symlink("/etc/passwd", strict_seeds / "x.txt")
    assert build(tmp_path / "strict", strict_seeds, strict=True, site=False).status == 1


def test_a_symlink_to_a_letter_outside_the_seeds_folder_is_not_published(tmp_path: Path) -> None:
    outside = tmp_path / "elders"
    outside.mkdir()
    (outside / "brief.txt").write_text(injected(QUESTIONS, "de overstap van de Belastingdienst", f"de overstap van de {MARK}"), encoding="utf-8")
    seeds = make_seeds(tmp_path / "bouw")
    os.symlink(outside / "brief.txt", seeds / "brief.txt")
    os.symlink(outside / "brief.txt", seeds / "LINK.TXT")
    built = build(tmp_path / "bouw", seeds)
    assert "error: seeds/brief.txt:1: symbolic link refused" in built.stderr
    assert "error: seeds/LINK.TXT:1: symbolic link refused" in built.stderr
    assert MARK not in built.stderr and MARK not in _site_text(built)
    assert (built.docs / OTHER_PAGE).is_file()


def test_a_symlinked_sidecar_is_refused_and_its_letter_not_built_without_it(tmp_path: Path) -> None:
    seeds = make_seeds(tmp_path)
    (seeds / f"{QUESTIONS}.toml").unlink()
    os.symlink("/etc/passwd", seeds / f"{QUESTIONS}.toml")
    built = build(tmp_path, seeds, site=False)
    assert f"error: seeds/{QUESTIONS}.toml:1: symbolic link refused" in built.stderr
    assert "root:" not in built.stderr
    assert not (built.docs / "tweede-kamer").exists()
    assert (built.docs / OTHER_PAGE).is_file()


def test_a_symlinked_folder_and_a_pipe_are_refused_and_nothing_hangs(tmp_path: Path) -> None:
    seeds = make_seeds(tmp_path)
    os.symlink("/etc", seeds / "etc")
    os.mkfifo(seeds / "pijp.txt")
    built = build(tmp_path, seeds, site=False)
    assert "error: seeds/etc:1: symbolic link refused" in built.stderr
    assert "error: seeds/pijp.txt:1: not a regular file; refused" in built.stderr
    assert (built.docs / OTHER_PAGE).is_file()


def test_an_upper_case_suffix_is_read(tmp_path: Path) -> None:
    letter = injected(QUESTIONS, "de overstap van de Belastingdienst", f"de overstap van de {MARK}")
    seeds = make_seeds(tmp_path, {"kopie.TXT": letter})
    built = build(tmp_path, seeds, site=False)
    assert any(MARK in page.read_text(encoding="utf-8") for page in built.pages()), built.stderr
    assert "seeds/kopie.TXT:1: the text names no chamber" in built.stderr


def test_a_file_no_reader_reads_is_reported_not_skipped(tmp_path: Path) -> None:
    seeds = make_seeds(tmp_path, {"brief.PDF": b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "notitie.docx": b"PK\x03\x04", ".gitkeep": b"",
                                  ".verborgen.txt": seed_text(QUESTIONS)})
    built = build(tmp_path, seeds, site=False)
    assert "seeds/brief.PDF:" in built.stderr, "read by a PDF reader, or reported: never skipped in silence"
    assert "warning: seeds/notitie.docx:1: not read: no reader for .docx" in built.stderr
    assert ".gitkeep" not in built.stderr, "hidden files are no one's letters"
    assert "warning: seeds/.verborgen.txt:1: a hidden file; not read" in built.stderr, "unless they look like one"


def test_a_sidecar_without_a_letter_is_reported(tmp_path: Path) -> None:
    seeds = make_seeds(tmp_path, {"wees.toml": 'dossiers = ["31066"]\n', "Kopie.toml": 'chamber = "Eerste Kamer"\n',
                                  "kopie.txt": seed_text(QUESTIONS)})
    built = build(tmp_path, seeds, strict=True, site=False)
    assert built.status == 1
    assert "error: seeds/wees.toml:1: sidecar without a letter: no wees.txt (or other source) beside it; its facts" in built.stderr
    assert "error: seeds/Kopie.toml:1: sidecar without a letter: no Kopie.txt (or other source) beside it (the letter kopie.txt differs in case)" in built.stderr


def test_two_sidecars_for_one_letter_are_an_error(tmp_path: Path) -> None:
    seeds = make_seeds(tmp_path, {f"{QUESTIONS}.TOML": 'chamber = "Eerste Kamer"\n'})
    built = build(tmp_path, seeds, site=False)
    assert "two sidecars for one letter" in built.stderr
    assert not (built.docs / "eerste-kamer" / "2025-10-07").exists(), "neither sidecar is guessed to be the one"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_utf16_letter_is_named_utf16_not_binary(tmp_path: Path, encoding: str) -> None:
    seeds = make_seeds(tmp_path, {"utf16.txt": seed_text(QUESTIONS).encode(encoding)})
    built = build(tmp_path, seeds, site=False)
    assert "error: seeds/utf16.txt:1: UTF-16 text" in built.stderr
    assert "binary" not in built.stderr
    assert (built.docs / OTHER_PAGE).is_file()


def test_a_folder_in_the_seeds_folder_is_reported(tmp_path: Path) -> None:
    seeds = make_seeds(tmp_path)
    (seeds / "oud").mkdir()
    (seeds / "oud" / "brief.txt").write_text(seed_text(QUESTIONS), encoding="utf-8")
    built = build(tmp_path, seeds, site=False)
    assert "warning: seeds/oud:1: a folder; not read" in built.stderr


def test_a_file_name_that_would_drive_the_terminal_is_shown_escaped(tmp_path: Path) -> None:
    seeds = make_seeds(tmp_path, {"x\x1b[2J\u202e.txt": b"", "y\x1b[31m.docx": b"PK"})
    built = build(tmp_path, seeds, site=False)
    assert "\x1b" not in built.stderr and "\u202e" not in built.stderr
    assert "error: seeds/x\\x1b[2J\\u202e.txt:1: empty file" in built.stderr
