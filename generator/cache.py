"""Keep each source's parse by the bytes it came from, so a rebuild parses only the sources that changed.

An entry is what reading and parsing one source gave (its record, or None, its diagnostics, what
the link pass finds in the record alone, `generator.link.record.RecordLinks`, or None, the uses
of the glossary's terms in it, and the hash of what the overview pages see of it,
`generator.incremental.view_digest`), stored in `<cache>/parsed/<key>.pickle` beside the PDF cache. The key is the SHA-256 of:

- the source's bytes, its sidecar's bytes (or that it has none), and the path messages show;
- the parser: the source of every module reading and parsing depend on, and the versions of the
  libraries they call (a changed parser, reader or model never meets an entry it did not write).

The hash of a file's bytes is kept from one build to the next by its status (`SourceDigests`, in
`<cache>/sources.pickle`), so a rebuild reads only the sources that changed.

Once a build is done, the entries none of its sources used (those of sources gone or changed since)
are removed (`prune_parsed`): files of the cache's own names (`PARSED_ENTRY`) only, never another.

Loading an entry is about ten times faster than parsing its letter (measured on 300 benchmark
letters: 1.0 ms against 12 ms, the machine busy). The cache is the builder's own folder: pickle
runs what an entry says, so never point `--cache` at files someone else can write.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import pickle
import re
import stat
import time
from collections.abc import Collection, Iterable, Sequence
from functools import cache as once
from importlib import metadata
from pathlib import Path

PARSED_FOLDER = "parsed"

_CODE = ("readers", "parse", "link", "model.py", "errors.py", "build.py", "cache.py", "incremental")
"""The parts of `generator/` whose code decides what a source parses to (and what is kept with it:
what linking finds in it alone, `generator.link.record`, and the hash of what the overview pages
see of it, `generator.incremental.view_digest`)."""

_LIBRARIES = ("pypdfium2", "wordfreq", "pyyaml")
"""Libraries reading and parsing call (PDF text, the Dutch word list for hyphens, YAML)."""


@once
def parser_version() -> str:
    """Hash the code and libraries a parse depends on (computed once per process)."""
    return _version_of(_CODE, _LIBRARIES)


@once
def code_version() -> str:
    """Hash the code of the whole generator and the libraries it calls (computed once per process):
    what a rendered page depends on besides its inputs (`generator.incremental`)."""
    return _version_of(("",), _LIBRARIES)


def _version_of(parts: tuple[str, ...], libraries: tuple[str, ...]) -> str:
    digest = hashlib.sha256()
    here = Path(__file__).parent
    for part in parts:
        files = sorted((here / part).rglob("*.py")) if (here / part).is_dir() else [here / part]
        for path in files:
            digest.update(path.relative_to(here).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    for library in libraries:
        digest.update(f"{library} {_version(library)}\n".encode())
    return digest.hexdigest()


def _version(library: str) -> str:
    try:
        return metadata.version(library)
    except metadata.PackageNotFoundError:
        return "-"


SOURCES_FILE = "sources.pickle"
"""In the cache folder: each source file's SHA-256 by its path and status (`SourceDigests`)."""

SETTLED_NS = 3_000_000_000
"""How long before a build a file must have last changed for its status to stand for its bytes in
the next build (`SourceDigests`): longer than any file system's clock tick (FAT's is 2 s)."""

_NO_FOLLOW = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)


class SourceDigests:
    """The SHA-256 of each source file's bytes, kept from one build to the next by the file's path
    (as the build names it) and status (device, inode, size, modification and change time), so a
    rebuild reads only the files that changed (the others' bytes would only be hashed, to find their
    parse's key). The device and inode tell the file, whatever folder a relative path starts from.

    Sound where it matters: a file whose bytes change gets a new change time (ctime), which no
    program can set (`touch -r`, `cp -p` and `rsync -t` put an old modification time back, but
    changing it sets the change time to the present), and a file replaced by another has another
    inode. What remains is the clock's tick: two writes within one tick of the file system's clock,
    the second keeping the size, leave the status as it was. So a status is kept only when the
    file had last changed `SETTLED_NS` before it was looked at, and did not change while it was
    read: a file changed just before a build is read and hashed again in the next one. (A file
    system whose clock runs more than that behind this machine's, or that keeps no change time,
    defeats this: build with `--no-cache` there.) Without a cache folder nothing is kept.
    """

    def __init__(self, cache: Path | None):
        self._file = cache / SOURCES_FILE if cache is not None else None
        known = read_entry(self._file) if self._file is not None else None
        self._known: dict[str, tuple] = known if isinstance(known, dict) else {}
        self._found: dict[str, tuple] = {}
        self.seen: dict[str, bytes] = {}
        """The hash of every file this build looked at, by its path."""

    def digest(self, path: str | Path) -> bytes | None:
        """The SHA-256 of the regular file at `path`; None when it is none (a link, a folder) or
        cannot be read (the reader reports it)."""
        path = os.fspath(path)
        now = time.time_ns()
        try:
            status = _status(os.lstat(path))
        except OSError:
            return None
        if status is None:
            return None
        known = self._known.get(path)
        if type(known) is tuple and len(known) == 2 and known[0] == status:  # (an index of another form is not read)
            self._found[path] = known
            self.seen[path] = known[1]
            return known[1]
        read = _read_digest(path)
        if read is None:
            return None
        digest, after = read
        if after == status and max(status[3], status[4]) < now - SETTLED_NS:
            self._found[path] = (status, digest)
        self.seen[path] = digest
        return digest

    def keep(self) -> None:
        """Keep the statuses met in this build for the next one (only those: a file gone is forgotten)."""
        if self._file is not None and self._found != self._known:
            write_entry(self._file, self._found)


def _read_digest(path: str) -> tuple[bytes, tuple | None] | None:
    """Read a file (never through a link) and hash it: its SHA-256 and its status once read."""
    try:
        descriptor = os.open(path, _NO_FOLLOW)
    except OSError:
        return None
    with os.fdopen(descriptor, "rb") as stream:
        try:
            return hashlib.file_digest(stream, "sha256").digest(), _status(os.fstat(descriptor))
        except OSError:
            return None


def _status(found: os.stat_result) -> tuple[int, int, int, int, int] | None:
    if not stat.S_ISREG(found.st_mode):
        return None
    return (found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns, found.st_ctime_ns)


def parsed_key(path: str | Path, shown: str, sidecar: str | Path | None, digests: SourceDigests | None = None) -> str | None:
    """The key of a source's parse; None when a file is not a regular file or cannot be read (the
    reader reports it). `digests`: the files' hashes kept by the last build (`SourceDigests`)."""
    digests = digests or SourceDigests(None)
    data = digests.digest(path)
    beside = digests.digest(sidecar) if sidecar is not None else b"-"
    if data is None or beside is None:
        return None
    digest = hashlib.sha256(f"{parser_version()}\0{shown}\0".encode("utf-8", "surrogatepass"))
    digest.update(data)
    digest.update(beside)
    return digest.hexdigest()


def load_parsed(cache: Path, key: str) -> object | None:
    """The parse stored under `key`, or None when there is no (readable) entry."""
    return read_entry(os.path.join(cache, PARSED_FOLDER, f"{key}.pickle"))


def store_parsed_pickle(cache: Path, key: str, data: bytes) -> None:
    """Store a parse, pickled (`data`), under `key`; a cache that cannot be written is left alone.
    (The parse's workers send the build's process the same pickle: it is made once.)"""
    write_pickled(cache / PARSED_FOLDER / f"{key}.pickle", data)


PARSED_ENTRY = re.compile(r"[0-9a-f]{64}\.pickle")
"""The name of a parse's entry in `<cache>/parsed/`: its key (`parsed_key`)."""


def prune_parsed(cache: Path, keys: Iterable[str]) -> int:
    """Remove the parses in `cache` a build did not use (`keys`: the parse key of each of its
    sources): those of sources that are gone or changed since. Give how many were removed."""
    return prune_folder(cache / PARSED_FOLDER, {f"{key}.pickle" for key in keys}, PARSED_ENTRY)


def prune_folder(folder: Path, used: Collection[str], own: re.Pattern[str]) -> int:
    """Remove each file in `folder` whose whole name `own` matches (the names the cache gives its
    files) and is not among the names `used`: what a build left unused. Nothing else is touched:
    not a file of another name, a link, a subfolder or what it holds. Give how many were removed."""
    removed = 0
    try:
        entries = os.scandir(folder)
    except OSError:  # no folder (nothing kept yet), or one that cannot be read: nothing to remove
        return 0
    with entries:
        for entry in entries:
            if entry.name in used or not own.fullmatch(entry.name):
                continue
            try:
                if entry.is_file(follow_symlinks=False):
                    os.unlink(entry.path)
                    removed += 1
            except OSError:  # gone already (another build pruned it), or not ours to remove
                continue
    return removed


def read_entry(path: str | Path) -> object | None:
    """What a cache file holds, or None when there is no (readable) file."""
    try:
        with open(path, "rb") as stream:
            return pickle.loads(stream.read())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError, TypeError):
        return None


def write_json(path: Path, data: object) -> None:
    """Write a state file as JSON (`replace_file`, through `process_temporary`)."""
    replace_file(path, json.dumps(data, ensure_ascii=False).encode("utf-8"), process_temporary(path))


def temporary_beside(path: Path) -> Path:
    """The temporary file a file is written through before it takes `path`'s place: `.<name>.tmp`."""
    return path.with_name(f".{path.name}.tmp")


def replace_file(path: Path, data: bytes, temporary: Path | None = None) -> None:
    """Write `data` to `path` through a temporary file beside it (`temporary_beside`, unless named),
    so a reader never meets half of it."""
    temporary = temporary or temporary_beside(path)
    try:
        temporary.write_bytes(data)
    except FileNotFoundError:  # the folder is made when missing, not looked for before each file
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_bytes(data)
    os.replace(temporary, path)


def file_digest(path: str | Path) -> str:
    """The SHA-256 of a file's bytes."""
    with open(path, "rb") as stream:
        return hashlib.file_digest(stream, "sha256").hexdigest()


def file_key(path: str | Path, known: Sequence | None, status: tuple[int, int] | None = None) -> tuple[int, int, str]:
    """Size, modification time and SHA-256 of a file; the hash is computed again only when size or
    time differ from `known` (the key the last build kept: the builds rewrite only files whose bytes
    changed, so a file with the same size and time holds the same bytes). `status`: its size and
    time as a scan of its folder found them (else they are looked up)."""
    if status is None:
        found = os.stat(path)
        status = (found.st_size, found.st_mtime_ns)
    if known is not None and status == tuple(known[:2]):
        return tuple(known)
    return (*status, file_digest(path))


def file_status(path: str) -> tuple[int, int] | None:
    """A file's size and modification time; None when it is not a file."""
    try:
        status = os.stat(path)
    except OSError:
        return None
    return (status.st_size, status.st_mtime_ns) if stat.S_ISREG(status.st_mode) else None


def scan_folder(folder: str | Path, prefix: str = "", suffix: str = "") -> dict[str, tuple[int, int]]:
    """Every file under `folder` (links followed) whose name ends in `suffix`, by its path relative
    to it (`/`-separated, after `prefix`), with its size and modification time: one `os.scandir` a
    folder."""
    found: dict[str, tuple[int, int]] = {}
    folders = [(os.fspath(folder), prefix)]
    while folders:
        here, relative = folders.pop()
        with os.scandir(here) as entries:
            for entry in entries:
                if entry.is_dir():
                    folders.append((entry.path, f"{relative}{entry.name}/"))
                elif entry.name.endswith(suffix) and entry.is_file():
                    status = entry.stat()
                    found[relative + entry.name] = (status.st_size, status.st_mtime_ns)
    return found


def folder_key(folder: Path) -> str:
    """Name a build's output folder in the cache (16 hex digits of the SHA-256 of its absolute
    path): what a step remembers of one folder is kept under it."""
    return hashlib.sha256(str(folder.resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:16]


def write_entry(path: Path, value: object) -> None:
    """Write a cache file through a temporary file beside it; a cache that cannot be written is left alone."""
    write_pickled(path, pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))


def write_pickled(path: Path, data: bytes) -> None:
    """Write a cache file's bytes (a pickle: `write_entry`; the PDF reader's JSON) through this
    process's temporary file; a cache that cannot be written is left alone."""
    temporary = process_temporary(path)  # one writer per process: no clash
    try:
        replace_file(path, data, temporary)
    except OSError:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)


def process_temporary(path: Path) -> Path:
    """The temporary file this process writes a cache file through: `.<name>.<pid>.tmp`. (Named by
    the process, so no two clash, and one left by a process that is gone is known: `remove_leftovers`.)"""
    return path.with_name(f".{path.name}.{os.getpid()}.tmp")


def remove_leftovers(cache: Path) -> list[str]:
    """Remove from the `cache` folder (and the folders in it) each temporary file a process that
    is gone left (`process_temporary`: a build killed while writing, by SIGKILL or a power cut);
    give their paths. A file of a process still running (a build at work beside this one) is left,
    and so is every other name. One `os.scandir` a folder (at 10,000 letters, ~10,000 files: ~15 ms).
    """
    removed: list[str] = []
    running: dict[str, bool] = {}
    folders = [os.fspath(cache)]
    while folders:
        try:
            with os.scandir(folders.pop()) as scanned:
                entries = list(scanned)
        except OSError:  # no cache yet, or a folder that cannot be read: nothing of ours to remove
            continue
        for entry in entries:
            if entry.is_dir(follow_symlinks=False):
                folders.append(entry.path)
                continue
            name, _, pid = entry.name[1:-4].rpartition(".")
            if not (entry.name.startswith(".") and entry.name.endswith(".tmp") and name and pid.isdigit()):
                continue
            if pid not in running:
                running[pid] = process_running(int(pid))
            if not running[pid]:
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
                    removed.append(entry.path)
    return removed


def process_running(pid: int) -> bool:
    """Whether a process `pid` runs on this machine. One of another user, or a number too large for
    a process, counts as running: what it may be writing is left alone."""
    if pid == os.getpid():
        return True
    if pid <= 0:  # no process has it (and signalling 0 would reach this process's group)
        return False
    try:
        os.kill(pid, 0)  # signal 0: checks that the process is there, sends nothing
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):
        return True
    return True
