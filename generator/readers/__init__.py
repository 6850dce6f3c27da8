"""Read source files into numbered lines, one reader per suffix. Readers interpret nothing."""

from __future__ import annotations

import tomllib
from pathlib import Path

from generator.errors import ReadError
from generator.model import SourceText

SIDECAR_SUFFIX = ".toml"


def _read_text(path: Path, shown: str) -> tuple[str, ...]:
    """Decode a UTF-8 text file into its lines; refuse empty, binary and mis-encoded files."""
    data = path.read_bytes()
    if not data.strip():
        raise ReadError(shown, 1, "empty file")
    if b"\x00" in data:
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise ReadError(shown, line, "binary file (NUL byte)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        fragment = data[max(0, error.start - 20) : error.start + 20].decode("utf-8", "replace")
        raise ReadError(shown, line, "not valid UTF-8", fragment) from None
    text = text.removeprefix("\ufeff")
    return tuple(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


READERS = {".txt": _read_text}
"""Suffix -> reader. A reader takes (file, display path) and returns the file's lines."""


def _read_sidecar(path: Path, shown: str) -> tuple[tuple[str, object], ...]:
    """Read the optional `<name>.toml` beside a source: facts its text does not carry."""
    sidecar = path.with_suffix(SIDECAR_SUFFIX)
    if not sidecar.exists():
        return ()
    shown_sidecar = str(Path(shown).with_suffix(SIDECAR_SUFFIX))
    try:
        facts = tomllib.loads(sidecar.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ReadError(shown_sidecar, getattr(error, "lineno", 1) or 1, f"bad sidecar: {error}") from None
    return tuple(sorted(facts.items()))


def find_sources(folder: Path) -> list[Path]:
    """List the source files in `folder` that some reader reads, sorted by name."""
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in READERS)


def read_source(path: Path, shown: str) -> SourceText:
    """Read one source file (and its sidecar) as `SourceText`; `shown` is the path in messages.

    Raises `ReadError` for an empty, binary or wrongly encoded file.
    """
    lines = READERS[path.suffix](path, shown)
    return SourceText(shown, lines, _read_sidecar(path, shown))
