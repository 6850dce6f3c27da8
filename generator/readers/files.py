"""Find and open the files of the seeds folder: only regular files inside it are ever read.

A symbolic link (to `/etc/passwd`, to a letter elsewhere), a folder, a device or a pipe is
refused with a message naming the file and never showing what it points to. A suffix is matched
without regard to case (`x.TXT` is a letter); a file no reader reads is reported, never skipped
in silence (hidden files, such as `.gitkeep`, excepted, unless their suffix is a letter's). A sidecar (`x.toml`) belongs to the
source of the same name (`x.txt`); one without a source is reported.

    list_sources(seeds) -> ((Source(seeds/x.txt, seeds/x.toml), …), (Diagnostic(…), …))
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from generator.errors import ReadError, printable, problem
from generator.model import Diagnostic

SIDECAR_SUFFIX = ".toml"

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
"""Never follow a symbolic link; never wait on a pipe."""

REFUSED_LINK = "symbolic link refused: only regular files inside the seeds folder are read"


@dataclass(frozen=True)
class Source:
    """A source file to read, and its sidecar file when it has one: their paths, as text (a corpus
    has thousands of files, and a path is only opened)."""

    path: str
    sidecar: str | None = None


def shown_path(path: str | Path, folder: Path) -> str:
    """The path as messages show it: `seeds/<file>`, relative to the seeds folder's parent, with
    what a terminal would act on escaped (a file name may hold anything but `/`)."""
    return printable(f"{folder.name}/{os.path.basename(path)}")


def read_regular_file(path: Path, shown: str) -> bytes:
    """Read the bytes of `path` when it is a regular file (never through a symbolic link).

    Raises `ReadError` naming `shown` otherwise; the message never shows what a link points to.
    """
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        if error.errno == errno.ELOOP:
            raise ReadError(shown, 1, REFUSED_LINK) from None
        raise ReadError(shown, 1, f"cannot be read ({error.strerror})") from None
    with os.fdopen(descriptor, "rb") as stream:
        if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
            raise ReadError(shown, 1, "not a regular file; refused")
        return stream.read()


def list_sources(folder: Path, suffixes: Collection[str]) -> tuple[tuple[Source, ...], tuple[Diagnostic, ...]]:
    """List the sources in `folder` with a suffix in `suffixes` (lower case), each with its sidecar.

    Sorted by name. Every other entry that is not hidden is reported: a symbolic link, folder or
    special file is an error, a file no reader reads a warning, a sidecar without a source an error
    (its facts would be lost). (Names and paths are text: one `os.scandir` of the folder.)
    """
    sources: list[str] = []
    sidecars: dict[str, list[str]] = {}
    problems: list[Diagnostic] = []
    read = (*suffixes, SIDECAR_SUFFIX)

    def shown(name: str) -> str:
        return printable(f"{folder.name}/{name}")

    with os.scandir(folder) as scan:
        entries = sorted(scan, key=lambda entry: entry.name)
    for entry in entries:
        name = entry.name
        stem, suffix = _split_suffix(name)
        if name.startswith("."):  # `.gitkeep`, editor files: not letters, unless they look like one
            if suffix in read:
                problems.append(problem(shown(name), 1, "a hidden file; not read (its name starts with a dot)", severity="warning"))
            continue
        if entry.is_symlink() and suffix not in read:
            problems.append(problem(shown(name), 1, REFUSED_LINK))
        elif entry.is_symlink():  # listed, so its reading refuses it and its letter is not built without it
            (sidecars.setdefault(stem, []) if suffix == SIDECAR_SUFFIX else sources).append(name)
        elif entry.is_dir(follow_symlinks=False):
            problems.append(problem(shown(name), 1, "a folder; not read (letters are read from the seeds folder itself)", severity="warning"))
        elif not entry.is_file(follow_symlinks=False):
            problems.append(problem(shown(name), 1, "not a regular file; refused"))
        elif suffix == SIDECAR_SUFFIX:
            sidecars.setdefault(stem, []).append(name)
        elif suffix in suffixes:
            sources.append(name)
        else:
            known = ", ".join(sorted(read))
            problems.append(problem(shown(name), 1, f"not read: no reader for {suffix or 'files without a suffix'} (known: {known})", severity="warning"))
    stems = {_split_suffix(name)[0]: name for name in sources}
    folded = {stem.casefold(): name for stem, name in stems.items()}
    for stem, names in sorted(sidecars.items()):
        if stem not in stems:
            near = folded.get(stem.casefold())
            hint = f" (the letter {near} differs in case)" if near else ""
            for name in names:
                problems.append(problem(shown(name), 1, f"sidecar without a letter: no {stem}.txt (or other source) beside it{hint}; its facts are not used"))
        elif len(names) > 1:
            problems.append(problem(shown(names[0]), 1, f"two sidecars for one letter: {' and '.join(names)}; keep one (the letter is not built)"))
    found = []
    here = os.fspath(folder)
    for name in sources:
        beside = sidecars.get(_split_suffix(name)[0], ())
        if len(beside) <= 1:
            found.append(Source(os.path.join(here, name), os.path.join(here, beside[0]) if beside else None))
    return tuple(found), tuple(problems)


def _split_suffix(name: str) -> tuple[str, str]:
    """A file name's stem and its suffix in lower case, as `Path.stem` and `Path.suffix` split
    them (`x.TXT` -> `x`, `.txt`; `.gitkeep` -> `.gitkeep`, ``; `x.` -> `x.`, ``)."""
    dot = name.rfind(".")
    if 0 < dot < len(name) - 1:
        return name[:dot], name[dot:].lower()
    return name, ""


_UTF_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"),
    (b"\xfe\xff", "UTF-16"),
)


def decode_text(data: bytes, shown: str, empty_ok: bool = False) -> str:
    """Decode the bytes of a text file as UTF-8, without its byte-order mark.

    Refuses, naming the line: an empty file (unless `empty_ok`: then it is empty text), UTF-16 or
    UTF-32 text (by its byte-order mark, or by NUL bytes on every other place), any other file
    holding a NUL byte (binary), invalid UTF-8.
    """
    if not data.strip():
        if empty_ok:
            return ""
        raise ReadError(shown, 1, "empty file")
    for mark, encoding in _UTF_BOMS:
        if data.startswith(mark):
            raise ReadError(shown, 1, f"{encoding} text; save it as UTF-8")
    if b"\x00" in data:
        if _looks_like_utf16(data):
            raise ReadError(shown, 1, "UTF-16 text (no byte-order mark); save it as UTF-8")
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise ReadError(shown, line, "binary file (NUL byte)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        fragment = data[max(0, error.start - 20) : error.start + 20].decode("utf-8", "replace")
        raise ReadError(shown, line, "not valid UTF-8", fragment) from None
    return text.removeprefix("\ufeff")


def _looks_like_utf16(data: bytes) -> bool:
    """Tell UTF-16 without a byte-order mark: mostly NUL bytes on the odd or on the even places."""
    sample = data[:4096]
    halves = (sample[0::2], sample[1::2])
    return len(sample) >= 4 and any(half.count(0) >= 0.9 * len(half) for half in halves)
