"""Write the rendered pages into the docs folder: the only module that writes files.

The pages a run writes are listed in `docs/.generated`, one a line with the SHA-256 of the text
written (`<hash>  <path>`, as `sha256sum` prints). The next run removes a listed page it no longer
produces only while the file still holds that text (and then the folders it leaves empty), and
overwrites a file only when it holds the text listed for it, or already the page's own text. A
file not on the list, or changed since it was written, is someone's work: never removed, never
overwritten. So a stale or edited list cannot make a build delete `over.md`.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path, PurePosixPath

from generator.errors import KamerdossierError

MANIFEST = ".generated"

_MANIFEST_LINE = re.compile(r"(?:(?P<hash>[0-9a-f]{64})  )?(?P<path>.+)")
"""`<sha256>  <path>`; a bare path (as earlier versions wrote) is listed without what it held."""


class WriteRefused(KamerdossierError):
    """A page would overwrite a hand-written file, or a page path points outside the docs folder."""


def write_pages(pages: dict[str, str], docs: Path) -> list[str]:
    """Write each page under `docs` (UTF-8, `\\n` line ends) and remove pages of earlier runs.

    `pages` maps a docs-relative POSIX path (`eerste-kamer/2026-02-12/antwoordbrief.md`) to its
    text. A file whose text is already right is left untouched, so unchanged pages keep their
    modification time. Returns the pages an earlier run listed that were kept because they changed
    since (or were listed without their hash), for the build to report.
    """
    for path in pages:
        _check_path(path)
    refused = refused_pages(pages, docs)
    if refused:
        raise WriteRefused("\n".join(f"{docs / path}: not written by kamerdossier, or changed since; refusing to overwrite it" for path in refused))
    earlier = _read_manifest(docs)
    texts = {path: _normalised(text) for path, text in pages.items()}
    written = {path: _hash(text) for path, text in texts.items()}
    # List old and new pages first: a run that stops halfway still knows every page it wrote.
    _write_manifest(docs, {**earlier, **written})
    for path, text in sorted(texts.items()):
        _write_if_changed(docs / path, text)
    kept = []
    for path in sorted(set(earlier) - set(pages), reverse=True):
        if earlier[path] is not None and _hash_of_file(docs / path) in (earlier[path], None):
            _remove_page(docs, path)
        else:
            kept.append(path)
    _write_manifest(docs, written)
    return sorted(kept)


def refused_pages(pages: dict[str, str], docs: Path) -> list[str]:
    """List the pages that would overwrite a file kamerdossier did not write (or that changed since):
    a file there that holds neither the page's text nor the text `docs/.generated` lists for it.

    A path listed without its hash (by an earlier version) may be overwritten: a page goes there.
    """
    earlier = _read_manifest(docs)
    refused = []
    for path, text in sorted(pages.items()):
        current = _hash_of_file(docs / path)
        if current is None or current == _hash(_normalised(text)):
            continue
        if path in earlier and earlier[path] in (None, current):
            continue
        refused.append(path)
    return refused


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
        or "\n" in path
        or PurePosixPath(path).is_absolute()
        or any(part in ("..", ".", "") for part in parts)
        or path != "/".join(parts)
        or path == MANIFEST
    ):
        raise WriteRefused(f"{path!r}: not a page path inside the docs folder")


def _normalised(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _hash_of_file(path: Path) -> str | None:
    """The SHA-256 of a regular file's bytes; None when there is none (a link or folder is not one)."""
    if path.is_symlink() or not path.is_file():
        return None
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _read(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def _read_manifest(docs: Path) -> dict[str, str | None]:
    """Read the pages an earlier run wrote, each with the hash of what it wrote (None if not listed);
    lines that are not page paths inside docs are ignored."""
    text = _read(docs / MANIFEST) or ""
    paths: dict[str, str | None] = {}
    for line in text.splitlines():
        match = _MANIFEST_LINE.fullmatch(line)
        if match is None:
            continue
        try:
            _check_path(match["path"])
        except WriteRefused:
            continue
        paths[match["path"]] = match["hash"]
    return paths


def _write_manifest(docs: Path, paths: dict[str, str | None]) -> None:
    lines = (f"{digest}  {path}\n" if digest else f"{path}\n" for path, digest in sorted(paths.items()))
    _write_if_changed(docs / MANIFEST, "".join(lines))


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
    if target.is_file() and not target.is_symlink():
        target.unlink()
    folder = target.parent
    root = docs.resolve()
    while folder.resolve() != root and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
