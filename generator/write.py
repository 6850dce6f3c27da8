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
import shutil
from collections.abc import Iterable
from typing import BinaryIO, NamedTuple, TextIO
from pathlib import Path, PurePosixPath

from generator.cache import process_running, replace_file, temporary_beside
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
    since (or were listed without their hash), for the build to report. Nothing is written when
    one page would overwrite a hand-written file (`WriteRefused`, naming each).
    """
    for path in pages:
        _check_path(path)
    staging = Staging(docs)
    staged = [staging.stage(path, text) for path, text in sorted(pages.items())]
    refused = [page.path for page in staged if page.state == REFUSED]
    if refused:
        staging.discard(staged)
        raise WriteRefused(refusal(refused, docs))
    return staging.commit(staged)


def refusal(paths: Iterable[str], docs: Path) -> str:
    """Say which files a build refused to overwrite."""
    return "\n".join(f"{docs / path}: not written by kamerdossier, or changed since; refusing to overwrite it" for path in paths)


SAME, STAGED, REFUSED = "same", "staged", "refused"


class StagedPage(NamedTuple):
    """A page handed to `Staging.stage`: its path, the SHA-256 of its text, and what became of it:
    `SAME` (the file holds it already), `STAGED` (written beside its file, to replace it on
    commit), `REFUSED` (the file there is someone's work)."""

    path: str
    digest: str
    state: str


class StagingStream:
    """A page being staged in pieces (`Staging.open`): `write` appends UTF-8 bytes to its temporary
    file, line ends made `\\n` (a CR ending one piece and the LF opening the next are one line end);
    `close` finishes it and tells what became of it, as `Staging.stage` does; `abandon` removes
    what was written."""

    def __init__(self, staging: Staging, path: str, stream: BinaryIO) -> None:
        self.staging, self.path, self.stream = staging, path, stream
        self.hasher = hashlib.sha256()
        self.carried = b""

    def write(self, data: bytes) -> None:
        if self.carried:
            data = self.carried + data
        self.carried = b"\r" if data.endswith(b"\r") else b""
        data = _normalised_bytes(data[: len(data) - len(self.carried)])
        self.hasher.update(data)
        self.stream.write(data)

    def close(self) -> StagedPage:
        if self.carried:
            self.carried = b""
            self.write(b"\n")
        self.stream.close()
        digest = self.hasher.hexdigest()
        target = self.staging.docs / self.path
        current = _hash_of_file(target, follow=True)
        state = SAME if current == digest else REFUSED if self.staging._refused(self.path, target, current) else STAGED
        if state != STAGED:
            temporary_beside(target).unlink()
        return StagedPage(self.path, digest, state)

    def abandon(self) -> None:
        self.stream.close()
        temporary_beside(self.staging.docs / self.path).unlink(missing_ok=True)


class Staging:
    """Write pages as they are rendered, and replace the files of the docs folder only once every
    page has been seen, so a refused page (or a failed letter) leaves the folder as it was.

    `stage` writes a changed page to a temporary file beside its file (`.<name>.tmp`), in whichever
    process renders it; `commit` lists every page in `docs/.generated`, moves the staged ones into
    place, and removes the pages of earlier runs no longer made; `discard` removes what was staged.
    Whether a page may overwrite its file is decided as the page is staged: a file there that holds
    neither the page's text nor the text `docs/.generated` lists for it is refused (`REFUSED`).
    `scratch` is a folder inside `docs` for the build's own pieces of work, made at once and removed
    by either: one a killed build left tells the next to remove its leftovers (`remove_killed_staging`).
    """

    def __init__(self, docs: Path) -> None:
        self.docs = docs
        self.earlier = _read_manifest(docs)
        self.scratch = docs / f"{SCRATCH_PREFIX}{os.getpid()}"
        remove_killed_staging(docs, self.earlier)
        _made_folder(self.scratch)  # there until commit or discard: a build killed before leaves it (`remove_killed_staging`)
        self._folders: dict[Path, bool] = {}
        """Each folder a page was staged in, and whether this staging made it (then it holds no page)."""

    def stage(self, path: str, text: str | Iterable[str]) -> StagedPage:
        """Stage one page; `text` may come in pieces (a large file, never held whole)."""
        _check_path(path)
        target = self.docs / path
        temporary = temporary_beside(target)
        if isinstance(text, str):
            data = _normalised(text).encode("utf-8")
            digest = hashlib.sha256(data).hexdigest()
            current = None if self._folder(target.parent) else _read_bytes(target)  # a folder made now holds no page
            if current == data:
                return StagedPage(path, digest, SAME)
            if self._refused(path, target, current):
                return StagedPage(path, digest, REFUSED)
            _write_new(temporary, data)
            return StagedPage(path, digest, STAGED)
        stream = self.open(path)
        try:
            for piece in text:
                stream.write(piece.encode("utf-8"))
        except BaseException:
            stream.abandon()
            raise
        return stream.close()

    def open(self, path: str) -> StagingStream:
        """Stage one page written in pieces as they come (`StagingStream`): a large file, never held
        whole, whose pieces need not be ready at once."""
        _check_path(path)
        target = self.docs / path
        self._folder(target.parent)
        return StagingStream(self, path, open(temporary_beside(target), "wb"))

    def _refused(self, path: str, target: Path, current: object) -> bool:
        """A file is there that is not the page's (checked before): refuse it unless the list names
        it with what it holds (or without a hash, as older versions listed pages)."""
        if current is None or target.is_symlink():
            return False
        digest = current if isinstance(current, str) else hashlib.sha256(current).hexdigest()
        return not (path in self.earlier and self.earlier[path] in (None, digest))

    def _folder(self, folder: Path) -> bool:
        """Make sure `folder` is there; tell whether this staging made it (a fresh build makes
        most: no page is looked for in them)."""
        made = self._folders.get(folder)
        if made is None:
            made = self._folders[folder] = _made_folder(folder)
        return made

    def commit(self, staged: Iterable[StagedPage]) -> list[str]:
        """Put every staged page in place, list them all, and remove pages of earlier runs that are
        no longer made; return those kept because they changed since (see `write_pages`)."""
        written: dict[str, str] = {}
        for page in staged:
            if page.state == REFUSED or page.path in written:
                raise ValueError(f"{page.path}: refused, or made twice; not committed")
            written[page.path] = page.digest
        staged_paths = [page.path for page in staged if page.state == STAGED]
        # List old and new pages first: a run that stops halfway still knows every page it wrote.
        _write_manifest(self.docs, {**self.earlier, **written})
        for path in sorted(staged_paths):
            target = self.docs / path
            os.replace(temporary_beside(target), target)
        kept = []
        for path in sorted(set(self.earlier) - set(written), reverse=True):
            if self.earlier[path] is not None and _hash_of_file(self.docs / path) in (self.earlier[path], None):
                _remove_page(self.docs, path)
            else:
                kept.append(path)
        _write_manifest(self.docs, written)
        self._remove_scratch()
        return sorted(kept)

    def discard(self, staged: Iterable[StagedPage]) -> None:
        """Remove the staged pages' temporary files and the scratch folder: the docs folder is as it was."""
        for page in staged:
            if page.state == STAGED:
                temporary_beside(self.docs / page.path).unlink(missing_ok=True)
        self._remove_scratch()

    def keep(self, name: str, text: str) -> None:
        """Keep a piece of the build's work (`name`, a file name) in the scratch folder until commit or discard."""
        with open(self.scratch / name, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)

    def kept(self, name: str) -> str:
        """Give back what `keep` kept under `name`."""
        with open(self.scratch / name, encoding="utf-8", newline="") as stream:
            return stream.read()

    def keep_bytes(self, name: str, data: bytes) -> None:
        """`keep`, for bytes."""
        (self.scratch / name).write_bytes(data)

    def kept_bytes(self, name: str) -> bytes:
        """Give back what `keep_bytes` kept under `name`."""
        return (self.scratch / name).read_bytes()

    def keep_lines(self, name: str) -> TextIO:
        """Open a scratch file `name` to keep lines in as they come, each on disk once written
        (line-buffered); `kept` gives them back."""
        return open(self.scratch / name, "w", encoding="utf-8", newline="", buffering=1)

    def _remove_scratch(self) -> None:
        if self.scratch.is_dir():
            shutil.rmtree(self.scratch)


def _made_folder(folder: Path) -> bool:
    """Make `folder` and the folders above it that are missing; tell whether it was missing."""
    try:
        folder.mkdir()
        return True
    except FileNotFoundError:
        _made_folder(folder.parent)
        folder.mkdir(exist_ok=True)
        return True
    except FileExistsError:
        if not folder.is_dir():
            raise
        return False


def _write_new(path: Path, data: bytes) -> None:
    """Write `data` to the file `path` (replacing one there), with no buffer in between: one write call."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o666)
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view) :]
    finally:
        os.close(descriptor)


def _read_bytes(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None


def write_files(files: dict[str, str], root: Path) -> None:
    """Write each file under `root` (UTF-8, `\\n` line ends), replacing what is there.

    For the files that are not pages: the redirect pages and anchor maps written into the built
    site, and the list of published addresses. `files` maps a root-relative POSIX path to its text.
    """
    for path in files:
        _check_path(path)
    for path, text in sorted(files.items()):
        _write_if_changed(root / path, _normalised(text))


_PLAIN_PATH = re.compile(r"[\w-]++(?:\.[\w-]++)*+(?:/[\w-]++(?:\.[\w-]++)*+)*+")
"""A relative path of names of letters, digits, `_`, `-` and single dots, none starting or
ending with a dot (what every page the build makes has): `_check_path` lets it pass at once."""


def _check_path(path: str) -> None:
    """Refuse a page path that is absolute, climbs out of the folder, or is the manifest itself."""
    if _PLAIN_PATH.fullmatch(path):
        return
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
    return text.replace("\r\n", "\n").replace("\r", "\n") if "\r" in text else text


def _normalised_bytes(data: bytes) -> bytes:
    """`_normalised`, for UTF-8 bytes (no byte of a multi-byte character is a CR or LF)."""
    return data.replace(b"\r\n", b"\n").replace(b"\r", b"\n") if b"\r" in data else data


def _hash_of_file(path: Path, follow: bool = False) -> str | None:
    """The SHA-256 of a regular file's bytes, read in pieces; None when there is none (a link or
    folder is not one, unless `follow`ing links)."""
    if (path.is_symlink() and not follow) or not path.is_file():
        return None
    try:
        with open(path, "rb") as stream:
            return hashlib.file_digest(stream, "sha256").hexdigest()
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
    if _read(target) != text:
        replace_file(target, text.encode("utf-8"))


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


SCRATCH_PREFIX = ".kamerdossier-"
"""A staging's scratch folder in the docs folder is this and its process's id (`Staging.scratch`)."""


def remove_killed_staging(docs: Path, listed: Iterable[str]) -> list[str]:
    """Remove what a build killed while writing (by SIGKILL, a power cut) left in `docs`; give the
    paths removed, relative to it.

    Such a build leaves its scratch folder (`.kamerdossier-<pid>`, made as staging starts and
    removed at its end: `Staging`), its process gone. Only then is anything else looked for: the
    temporary file beside each page it staged (`.<name>.tmp`), for the pages `listed` in
    `docs/.generated` and the list itself (a killed commit lists its new pages first). Never another
    file: a name not of a listed page may be someone's. (The temporary file of a page new in the
    killed build, listed nowhere, is written over when a build makes that page again; else it
    stays.) Without a killed build this costs one look at the docs folder, not one at each of its
    thousands of folders.
    """
    try:
        with os.scandir(docs) as entries:
            killed = [
                entry.name for entry in entries
                if entry.name.startswith(SCRATCH_PREFIX) and entry.name[len(SCRATCH_PREFIX) :].isdigit()
                and entry.is_dir(follow_symlinks=False) and not process_running(int(entry.name[len(SCRATCH_PREFIX) :]))
            ]  # fmt: skip
    except OSError:  # no docs folder yet
        return []
    if not killed:
        return []
    removed = []
    for name in killed:
        shutil.rmtree(docs / name, ignore_errors=True)
        removed.append(name)
    for path in (*listed, MANIFEST):
        temporary = temporary_beside(docs / path)
        try:
            if not temporary.is_symlink() and temporary.is_file():
                temporary.unlink()
                removed.append(temporary.relative_to(docs).as_posix())
        except OSError:
            continue
    return removed
