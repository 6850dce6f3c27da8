"""Writing pages: the only module that writes files, and it never removes what people wrote."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from generator.write import MANIFEST, WriteRefused, write_pages

LETTER = "eerste-kamer/2026-02-12/antwoordbrief.md"
OTHER = "tweede-kamer/2025-10-07/schriftelijke-vragen.md"
LETTER_TEXT, HOME_TEXT, A = "# Antwoordbrief\n\nFinanciën\n", "# Kamerdossier\n", "a\n"


def test_writes_pages_as_utf8_with_line_feeds_and_lists_them(tmp_path: Path) -> None:
    write_pages({LETTER: "# Antwoordbrief\r\n\r\nFinanciën\n", "index.md": "# Kamerdossier\n"}, tmp_path)
    assert (tmp_path / LETTER).read_bytes() == "# Antwoordbrief\n\nFinanciën\n".encode("utf-8")
    assert (tmp_path / MANIFEST).read_text(encoding="utf-8") == (
        f"{_sha256(LETTER_TEXT)}  {LETTER}\n{_sha256(HOME_TEXT)}  index.md\n"
    )


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_removes_pages_an_earlier_run_wrote_and_no_longer_makes(tmp_path: Path) -> None:
    write_pages({LETTER: "a\n", OTHER: "b\n"}, tmp_path)
    write_pages({LETTER: "a\n"}, tmp_path)
    assert not (tmp_path / OTHER).exists()
    assert not (tmp_path / "tweede-kamer").exists(), "folders the removed page leaves empty go too"
    assert (tmp_path / MANIFEST).read_text(encoding="utf-8") == f"{_sha256(A)}  {LETTER}\n"


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
    assert (tmp_path / MANIFEST).read_text(encoding="utf-8") == f"{_sha256(HOME_TEXT)}  index.md\n"


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


# --- Issue 7: the list says what was written; only files that still hold it are removed ----------


def test_a_stale_list_naming_hand_written_files_removes_none_of_them(tmp_path: Path) -> None:
    (tmp_path / "javascripts").mkdir()
    (tmp_path / "javascripts" / "citeren.js").write_text("// eigen code\n", encoding="utf-8")
    (tmp_path / "over.md").write_text("# Over deze site\n", encoding="utf-8")
    # a list from an older version (bare paths) and one edited by hand with made-up hashes
    for listed in ("javascripts/citeren.js\nover.md\n", f"{'0' * 64}  javascripts/citeren.js\n{'f' * 64}  over.md\n"):
        (tmp_path / MANIFEST).write_text(listed, encoding="utf-8")
        kept = write_pages({LETTER: "a\n"}, tmp_path)
        assert kept == ["javascripts/citeren.js", "over.md"], "kept, and said so"
        assert (tmp_path / "javascripts" / "citeren.js").read_text(encoding="utf-8") == "// eigen code\n"
        assert (tmp_path / "over.md").read_text(encoding="utf-8") == "# Over deze site\n"


def test_a_list_with_the_right_hash_of_a_hand_written_file_still_names_only_what_was_written(tmp_path: Path) -> None:
    """The hash is of what a run wrote: a file that holds it is a page, and goes when no longer made."""
    (tmp_path / "over.md").write_text("# Over deze site\n", encoding="utf-8")
    (tmp_path / MANIFEST).write_text(_sha256("# Iets anders\n") + "  over.md\n", encoding="utf-8")
    write_pages({}, tmp_path)
    assert (tmp_path / "over.md").exists()


def test_a_page_changed_by_hand_is_neither_removed_nor_overwritten(tmp_path: Path) -> None:
    write_pages({LETTER: "a\n", OTHER: "b\n"}, tmp_path)
    (tmp_path / OTHER).write_text("b, met een eigen aantekening\n", encoding="utf-8")
    assert write_pages({LETTER: "a\n"}, tmp_path) == [OTHER]
    assert (tmp_path / OTHER).read_text(encoding="utf-8") == "b, met een eigen aantekening\n"
    (tmp_path / LETTER).write_text("eigen\n", encoding="utf-8")
    with pytest.raises(WriteRefused, match="antwoordbrief.md"):
        write_pages({LETTER: "c\n"}, tmp_path)
    assert (tmp_path / LETTER).read_text(encoding="utf-8") == "eigen\n"


def test_pages_listed_by_an_older_version_are_taken_over(tmp_path: Path) -> None:
    (tmp_path / "index.md").write_text("# Oud\n", encoding="utf-8")
    (tmp_path / MANIFEST).write_text("index.md\n", encoding="utf-8")
    write_pages({"index.md": "# Kamerdossier\n"}, tmp_path)
    assert (tmp_path / "index.md").read_text(encoding="utf-8") == "# Kamerdossier\n"
    assert (tmp_path / MANIFEST).read_text(encoding="utf-8") == f"{_sha256(HOME_TEXT)}  index.md\n"


def test_a_page_staged_in_pieces_is_the_page_staged_whole(tmp_path: Path) -> None:
    """A large file (the corpus-wide JSON) is staged a piece at a time as the pieces come: the same
    bytes and hash as staged whole, a CR LF split between two pieces one line end."""
    from generator.write import Staging

    whole, pieces = Staging(tmp_path / "heel"), Staging(tmp_path / "stukken")
    expected = whole.stage("data/x.json", "{\r\n  \"a\": \"Financiën\"\r\n}\r")
    stream = pieces.open("data/x.json")
    for piece in ("{\r", "\n  \"a\": \"Financi", "ën\"\r\n}", "\r"):
        stream.write(piece.encode("utf-8"))
    assert stream.close() == expected
    whole.commit([expected])
    pieces.commit([expected])
    assert (tmp_path / "stukken" / "data" / "x.json").read_bytes() == (tmp_path / "heel" / "data" / "x.json").read_bytes() == (
        '{\n  "a": "Financiën"\n}\n'.encode("utf-8")
    )


def test_a_page_abandoned_while_staged_in_pieces_leaves_nothing(tmp_path: Path) -> None:
    from generator.write import Staging

    write_pages({"data/x.json": "{}\n"}, tmp_path)
    stream = Staging(tmp_path).open("data/x.json")
    stream.write(b'{"half": ')
    stream.abandon()
    assert sorted(path.name for path in (tmp_path / "data").iterdir()) == ["x.json"]
    assert (tmp_path / "data" / "x.json").read_text(encoding="utf-8") == "{}\n"


# --- What a killed build left ---------------------------------------------------------------------


def _gone_process() -> int:
    """The id of a process that has ended (a child, waited for)."""
    import subprocess
    import sys

    child = subprocess.Popen([sys.executable, "-c", ""])
    child.wait()
    return child.pid


def test_the_next_build_removes_what_a_killed_build_left_and_nothing_else(tmp_path: Path) -> None:
    """Synthetic: a build killed by SIGKILL midway is simulated by planting what it leaves (its
    scratch folder, its process gone, and the temporary files beside the pages it was staging), no
    real build being killable at a chosen point. Files of other names, and the scratch folder of a
    process still running, are someone else's and stay."""
    write_pages({LETTER: LETTER_TEXT, "index.md": HOME_TEXT}, tmp_path)
    killed = tmp_path / f".kamerdossier-{_gone_process()}"
    (killed / "deel").mkdir(parents=True)
    (killed / "deel" / "0.json").write_text("[", encoding="utf-8")
    leftovers = [tmp_path / "eerste-kamer/2026-02-12/.antwoordbrief.md.tmp", tmp_path / ".index.md.tmp", tmp_path / f".{MANIFEST}.tmp"]
    for path in leftovers:
        path.write_text("half", encoding="utf-8")
    running = tmp_path / f".kamerdossier-{os.getppid()}"  # the process that started the tests: running
    running.mkdir()
    kept = [tmp_path / "eerste-kamer/2026-02-12/.notities.tmp", tmp_path / ".kamerdossier-notities" / "x", tmp_path / ".over.md.tmp"]
    for path in kept:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("van iemand", encoding="utf-8")

    write_pages({LETTER: LETTER_TEXT, "index.md": HOME_TEXT}, tmp_path)
    assert not killed.exists()
    assert [path for path in leftovers if path.exists()] == []
    assert running.is_dir() and all(path.read_text(encoding="utf-8") == "van iemand" for path in kept)
    assert not (tmp_path / f".kamerdossier-{os.getpid()}").exists()  # this build's own, removed at its end
    assert (tmp_path / LETTER).read_text(encoding="utf-8") == LETTER_TEXT
