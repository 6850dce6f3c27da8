"""Read source files into numbered lines, one reader per suffix. Readers interpret nothing.

Only regular files inside the seeds folder are read (`files`); a sidecar's facts are checked
against their schema before the parser sees them (`sidecar`).
"""

from __future__ import annotations

from pathlib import Path, PurePosixPath

from generator.model import Diagnostic, Layout, SourceText
from generator.readers.files import SIDECAR_SUFFIX, Source, decode_text, list_sources, read_regular_file
from generator.readers.pdf import read_pdf
from generator.readers.sidecar import read_sidecar

__all__ = ["READERS", "Source", "find_sources", "read_source", "survey_sources"]


def _read_text(path: Path, shown: str) -> tuple[str, ...]:
    """Decode a UTF-8 text file into its lines; refuse empty, binary and mis-encoded files."""
    text = decode_text(read_regular_file(path, shown), shown)
    return tuple(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


def _read_plain(path: Path, shown: str, cache: Path | None) -> tuple[tuple[str, ...], Layout | None]:
    """Read a text file: its lines, no layout (text is read as fast as it could be hashed: no cache)."""
    return _read_text(path, shown), None


READERS = {".txt": _read_plain, ".pdf": read_pdf}
"""Suffix (lower case) -> reader. A reader takes (file, display path, cache folder or None) and
returns the file's lines and, for a PDF, their layout (`generator.readers.pdf`)."""


def survey_sources(folder: Path) -> tuple[tuple[Source, ...], tuple[Diagnostic, ...]]:
    """List the sources in `folder` some reader reads, each with its sidecar, sorted by name, and
    report every other file there (a link, a file no reader reads, a sidecar without a letter)."""
    return list_sources(folder, READERS)


def find_sources(folder: Path) -> list[Path]:
    """List the source files in `folder` that some reader reads, sorted by name."""
    return [Path(source.path) for source in survey_sources(folder)[0]]


def read_source(path: Path, shown: str, sidecar: Path | None | bool = True, cache: Path | None = None) -> SourceText:
    """Read one source file (and its sidecar) as `SourceText`; `shown` is the path in messages.

    `sidecar` is the sidecar's path, None for none, or True to look for `<name>.toml` beside it.
    A PDF already read into the `cache` folder is taken from there.
    Raises `ReadError` for a file that is not a regular file, is empty, binary or wrongly
    encoded, for a PDF that is broken, encrypted or has no text layer, and for a sidecar that is
    not valid (every problem, each at its line).
    """
    lines, layout = READERS[path.suffix.lower()](path, shown, cache)
    if sidecar is True:
        beside = path.with_suffix(SIDECAR_SUFFIX)
        sidecar = beside if beside.exists() or beside.is_symlink() else None
    if not sidecar:
        return SourceText(shown, lines, layout=layout)
    shown_sidecar = str(PurePosixPath(shown).with_name(sidecar.name))
    facts, warnings = read_sidecar(read_regular_file(sidecar, shown_sidecar), shown_sidecar)
    return SourceText(shown, lines, facts, warnings, layout)
