"""Write the rendered pages into the docs folder: the only module that writes files.

The pages a run writes are listed in `docs/.generated`, one path a line. The next run removes the
listed pages it no longer produces (and folders they leave empty); a file not on that list is
hand-written and is never removed, nor overwritten with different text.
"""

from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

from generator.errors import KamerdossierError

MANIFEST = ".generated"


class WriteRefused(KamerdossierError):
    """A page would overwrite a hand-written file, or a page path points outside the docs folder."""


def write_pages(pages: dict[str, str], docs: Path) -> None:
    """Write each page under `docs` (UTF-8, `\\n` line ends) and remove pages of earlier runs.

    `pages` maps a docs-relative POSIX path (`eerste-kamer/2026-02-12/antwoordbrief.md`) to its
    text. A file whose text is already right is left untouched, so unchanged pages keep their
    modification time.
    """
    for path in pages:
        _check_path(path)
    earlier = _read_manifest(docs)
    for path, text in sorted(pages.items()):
        target = docs / path
        if path not in earlier and target.exists() and _read(target) != _normalised(text):
            raise WriteRefused(f"{target}: not written by kamerdossier before; refusing to overwrite it")
    # List old and new pages first: a run that stops halfway still knows every page it wrote.
    _write_manifest(docs, earlier | set(pages))
    for path, text in sorted(pages.items()):
        _write_if_changed(docs / path, _normalised(text))
    for path in sorted(earlier - set(pages), reverse=True):
        _remove_page(docs, path)
    _write_manifest(docs, set(pages))


def write_files(files: dict[str, str], root: Path) -> None:
    """Write each file under `root` (UTF-8, `\\n` line ends), replacing what is there.

    For the files that are not pages: the redirect pages and anchor maps written into the built
    site, and the list of published addresses. `files` maps a root-relative POSIX path to its text.
    """
    for path in files:
        _check_path(path)
    for path, text in sorted(files.items()):
        _write_if_changed(root / path, _normalised(text))


def _check_path(path: str) -> None:
    """Refuse a page path that is absolute, climbs out of the folder, or is the manifest itself."""
    parts = PurePosixPath(path).parts
    if (
        not parts
        or "\\" in path
        or PurePosixPath(path).is_absolute()
        or any(part in ("..", ".", "") for part in parts)
        or path != "/".join(parts)
        or path == MANIFEST
    ):
        raise WriteRefused(f"{path!r}: not a page path inside the docs folder")


def _normalised(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _read_manifest(docs: Path) -> set[str]:
    """Read the pages an earlier run wrote; lines that are not page paths inside docs are ignored."""
    text = _read(docs / MANIFEST) or ""
    paths = set()
    for line in text.splitlines():
        try:
            _check_path(line)
        except WriteRefused:
            continue
        paths.add(line)
    return paths


def _write_manifest(docs: Path, paths: set[str]) -> None:
    _write_if_changed(docs / MANIFEST, "".join(f"{path}\n" for path in sorted(paths)))


def _write_if_changed(target: Path, text: str) -> None:
    """Write `text` to `target` through a temporary file beside it, unless it holds that text already."""
    if _read(target) == text:
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.tmp")
    with open(temporary, "w", encoding="utf-8", newline="\n") as stream:
        stream.write(text)
    os.replace(temporary, target)


def _remove_page(docs: Path, path: str) -> None:
    """Remove a page an earlier run wrote, then the folders it leaves empty (never `docs` itself)."""
    target = docs / path
    if target.is_symlink() or target.is_file():
        target.unlink()
    folder = target.parent
    root = docs.resolve()
    while folder.resolve() != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
