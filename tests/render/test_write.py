"""Writing pages: the only module that writes files, and it never removes what people wrote."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.write import MANIFEST, WriteRefused, write_pages

LETTER = "eerste-kamer/2026-02-12/antwoordbrief.md"
OTHER = "tweede-kamer/2025-10-07/schriftelijke-vragen.md"


def test_writes_pages_as_utf8_with_line_feeds_and_lists_them(tmp_path: Path) -> None:
    write_pages({LETTER: "# Antwoordbrief\r\n\r\nFinanciën\n", "index.md": "# Kamerdossier\n"}, tmp_path)
    assert (tmp_path / LETTER).read_bytes() == "# Antwoordbrief\n\nFinanciën\n".encode("utf-8")
    assert (tmp_path / MANIFEST).read_text(encoding="utf-8") == f"{LETTER}\nindex.md\n"


def test_removes_pages_an_earlier_run_wrote_and_no_longer_makes(tmp_path: Path) -> None:
    write_pages({LETTER: "a\n", OTHER: "b\n"}, tmp_path)
    write_pages({LETTER: "a\n"}, tmp_path)
    assert not (tmp_path / OTHER).exists()
    assert not (tmp_path / "tweede-kamer").exists(), "folders the removed page leaves empty go too"
    assert (tmp_path / MANIFEST).read_text(encoding="utf-8") == f"{LETTER}\n"


def test_never_removes_hand_written_files(tmp_path: Path) -> None:
    (tmp_path / "stylesheets").mkdir()
    (tmp_path / "over.md").write_text("# Over deze site\n", encoding="utf-8")
    (tmp_path / "stylesheets" / "extra.css").write_text("a {}\n", encoding="utf-8")
    (tmp_path / "tweede-kamer").mkdir()
    (tmp_path / "tweede-kamer" / "notitie.md").write_text("eigen tekst\n", encoding="utf-8")
    write_pages({OTHER: "b\n"}, tmp_path)
    write_pages({}, tmp_path)
    assert (tmp_path / "over.md").read_text(encoding="utf-8") == "# Over deze site\n"
    assert (tmp_path / "stylesheets" / "extra.css").exists()
    assert (tmp_path / "tweede-kamer" / "notitie.md").exists()
    assert not (tmp_path / OTHER).exists()


def test_refuses_to_overwrite_a_hand_written_file(tmp_path: Path) -> None:
    (tmp_path / "over.md").write_text("# Over deze site\n", encoding="utf-8")
    with pytest.raises(WriteRefused, match="over.md"):
        write_pages({"over.md": "# Iets anders\n", LETTER: "a\n"}, tmp_path)
    assert (tmp_path / "over.md").read_text(encoding="utf-8") == "# Over deze site\n"
    assert not (tmp_path / LETTER).exists(), "nothing is written when one page is refused"


def test_a_file_that_already_holds_the_page_is_taken_over(tmp_path: Path) -> None:
    (tmp_path / "index.md").write_text("# Kamerdossier\n", encoding="utf-8")
    write_pages({"index.md": "# Kamerdossier\n"}, tmp_path)
    assert (tmp_path / MANIFEST).read_text(encoding="utf-8") == "index.md\n"


def test_unchanged_pages_are_not_rewritten(tmp_path: Path) -> None:
    write_pages({LETTER: "a\n"}, tmp_path)
    os.utime(tmp_path / LETTER, (1_000_000_000, 1_000_000_000))
    write_pages({LETTER: "a\n"}, tmp_path)
    assert (tmp_path / LETTER).stat().st_mtime == 1_000_000_000
    write_pages({LETTER: "b\n"}, tmp_path)
    assert (tmp_path / LETTER).read_text(encoding="utf-8") == "b\n"


@pytest.mark.parametrize("path", ["../buiten.md", "/etc/passwd", "a/../../b.md", "a//b.md", "./a.md", "a\\b.md", "", MANIFEST])
def test_refuses_paths_outside_the_docs_folder(tmp_path: Path, path: str) -> None:
    with pytest.raises(WriteRefused):
        write_pages({path: "x\n"}, tmp_path / "docs")
    assert not (tmp_path / "buiten.md").exists()


def test_a_tampered_list_cannot_make_it_remove_files_outside_docs(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (tmp_path / "buiten.md").write_text("blijft\n", encoding="utf-8")
    (docs / MANIFEST).write_text("../buiten.md\n/etc/hostname\n", encoding="utf-8")
    write_pages({}, docs)
    assert (tmp_path / "buiten.md").exists()


def test_creates_the_docs_folder(tmp_path: Path) -> None:
    write_pages({"index.md": "# Kamerdossier\n"}, tmp_path / "nieuw" / "docs")
    assert (tmp_path / "nieuw" / "docs" / "index.md").is_file()
