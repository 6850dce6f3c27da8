"""What a built site holds, kept between builds (generator/site.py): each page's state, each file's digest.

The state file (`.cache/site/<key>.json`) remembers, of the build that made the site: a fingerprint
of everything each page's HTML depends on beside its own Markdown, what every page shows of the
pages in the navigation, and per page its Markdown's size, time and SHA-256, the ids its HTML
holds, its links to anchors on other pages, its warnings (and, for a page in the navigation, its
title); per file of the site, the SHA-256 of its bytes; per copied static file, its source's size
and time and its copy's; every file of MkDocs' collection, in its order, with the folder it came
from, whether it is included and its place in the site (so a rebuild makes MkDocs' objects only for
the files it needs, generator/site_files.py); the warnings the navigation gave; and the pages with
a link to an anchor that is not there. It is read and written with orjson
(at 10,000 letters it is tens of MB: the standard library's json took seconds for it). A state that
cannot be read, or of another version, is none: the build is full.
"""

from __future__ import annotations

import hashlib
import os
import sys
from importlib import metadata
from pathlib import Path

import orjson

from generator.cache import file_digest, file_status, process_temporary, replace_file, temporary_beside

STATE_VERSION = 5
"""Bumped when the state file's shape changes: an older state then forces a full build."""

PACKAGES = ("mkdocs", "mkdocs-material", "markdown")
"""Installed packages whose version is part of every page's HTML."""

OWN_CODE = ("mdext.py", "mdext_syntax.py", "render/qa_marks.py", "site.py", "site_files.py", "site_pages.py", "site_state.py", "site_theme.py")
"""Our modules that shape every page's HTML (beside the hooks the configuration names); the site's
Markdown extension takes the classes of a heading's statuses from render/qa_marks.py."""


Links = list[str] | dict[str, str]
"""A page's links to the anchors of one page: `[prefix, anchor, ...]`, each link being the prefix
and its anchor (`../2014-11-03/aanhangsel.md#` + `antwoord-1`), or else `{anchor: link}`."""


def compact_links(links: dict[str, str]) -> Links:
    """Keep MkDocs' `{anchor: link}` of one linked page small: the prefix its links share, once, and
    the anchors, each held once by every page that names it (`sys.intern`).

        >>> compact_links({"vraag-1": "../a.md#vraag-1", "vraag-2": "../a.md#vraag-2"})
        ['../a.md#', 'vraag-1', 'vraag-2']
        >>> compact_links({"vraag-1": "../a.md#vraag-1", "vraag-2": "a.md#vraag-2"})
        {'vraag-1': '../a.md#vraag-1', 'vraag-2': 'a.md#vraag-2'}
    """
    anchor, link = next(iter(links.items()))
    prefix = link.removesuffix(anchor)
    if all(link == prefix + anchor for anchor, link in links.items()):
        return [prefix, *map(sys.intern, links)]
    return dict(links)


def expand_links(links: Links) -> dict[str, str]:
    """MkDocs' `{anchor: link}` again from `compact_links`."""
    if isinstance(links, dict):
        return links
    prefix, *anchors = links
    return {anchor: prefix + anchor for anchor in anchors}


class PageState:
    """What the build keeps of one page: its Markdown's key (size, mtime_ns, SHA-256), its ids, its
    links to anchors by the linked page's `src_uri` (see `compact_links`), its warnings and, for a
    page in the navigation, the title its conversion found.

    Read from the state, its ids and links stay the JSON text they were written as until they are
    asked for: a rebuild reads few pages' links, and making tens of thousands of small strings
    that nobody reads took most of the time the state took to read.
    """

    __slots__ = ("source", "_ids", "_links", "warnings", "title")

    def __init__(
        self,
        source: tuple[int, int, str],
        ids: list[str] | str = "[]",
        links: dict[str, Links] | str = "{}",
        warnings: list[tuple[int, str]] | None = None,
        title: str | None = None,
    ) -> None:
        self.source, self._ids, self._links = source, ids, links
        self.warnings, self.title = warnings or [], title

    @property
    def ids(self) -> list[str]:
        if isinstance(self._ids, str):
            self._ids = [*map(sys.intern, orjson.loads(self._ids))]
        return self._ids

    @property
    def links(self) -> dict[str, Links]:
        if isinstance(self._links, str):
            self._links = orjson.loads(self._links)
        return self._links

    def but(self, **changes) -> "PageState":
        """This state with some of its fields changed."""
        fields = {"source": self.source, "ids": self._ids, "links": self._links, "warnings": self.warnings, "title": self.title}
        return PageState(**(fields | changes))

    def data(self) -> list:
        """How the state file holds it: `[size, mtime_ns, sha256, ids, links, warnings, title]`, the
        ids and links as JSON text."""
        ids = self._ids if isinstance(self._ids, str) else orjson.dumps(self._ids).decode()
        links = self._links if isinstance(self._links, str) else orjson.dumps(self._links).decode()
        return [*self.source, ids, links, self.warnings, self.title]

    @classmethod
    def of(cls, data: list) -> "PageState":
        """A page's state from `data()`."""
        size, mtime, digest, ids, links, warnings, title = data
        if not (isinstance(ids, str) and isinstance(links, str)):
            raise TypeError("a page's ids and links are JSON text")
        return cls((size, mtime, digest), ids, links, [tuple(warning) for warning in warnings], title)


class Writer:
    """Write files into the site only when their bytes change, and remember what each holds."""

    def __init__(self, site: Path, previous: dict[str, str], previous_static: dict[str, list[int]]):
        self.site, self.previous, self.outputs = site, previous, {}
        self.previous_static, self.static = previous_static, {}  # a copied file's source and copy: [size, mtime_ns] each

    def write(self, relative: str, data: bytes) -> None:
        self.outputs[relative] = write_if_changed(self.site / relative, data, self.previous.get(relative))

    def record(self, relative: str, digest: str | None) -> None:
        """A file written elsewhere (by a worker) with these bytes; None: none was written."""
        if digest is not None:
            self.outputs[relative] = digest

    def copy(self, relative: str, source: str) -> None:
        """Copy a static file, unless its source and its copy in the site both have the size and time
        they had when it was last copied (a copy edited or removed by hand is copied again)."""
        status = os.stat(source)
        known = self.previous_static.get(relative)
        if known is not None and known[:2] == [status.st_size, status.st_mtime_ns] and relative in self.previous:
            copy = file_status(os.path.join(self.site, relative))
            if copy is not None and tuple(known[2:]) == copy:
                self.outputs[relative], self.static[relative] = self.previous[relative], known
                return
        with open(source, "rb") as stream:  # the copy's bytes are compared, not its digest: it may have been edited
            self.outputs[relative] = write_if_changed(self.site / relative, stream.read(), None)
        self.static[relative] = [status.st_size, status.st_mtime_ns, *(file_status(os.path.join(self.site, relative)) or ())]

    def can_keep(self, relative: str) -> bool:
        """Whether the previous build wrote the file `relative` and it is still there."""
        return relative in self.previous and os.path.isfile(self.site / relative)

    def keep(self, relative: str) -> None:
        """A skipped page: its file stays as the previous build wrote it."""
        self.outputs[relative] = self.previous[relative] if relative in self.previous else file_digest(self.site / relative)

    def remove_stale(self, full_clean: bool) -> None:
        """Remove the files the previous build wrote that this one did not, and the folders left empty.

        Without a previous build's state, remove every file this build did not write, but hidden
        ones, as MkDocs' clean build does (the search index and redirect pages are written after).
        A build killed while writing the site leaves no state (`forget_state`), and the temporary
        file it was writing a file through (`.<name>.tmp` beside it): one beside a file this build
        wrote is removed then too (a static host would serve it).
        """
        if full_clean:
            stale = []
            left = {temporary_beside(Path(output)).as_posix() for output in self.outputs}  # what a killed build wrote them through
            for path in self.site.rglob("*"):
                relative = path.relative_to(self.site).as_posix()
                if path.is_file() and (not any(part.startswith(".") for part in relative.split("/")) or relative in left):
                    stale.append(relative)
        else:
            stale = list(self.previous)
        for relative in sorted(set(stale) - set(self.outputs), reverse=True):
            target = self.site / relative
            if target.is_file() and not target.is_symlink():
                target.unlink()
            folder = target.parent
            while folder != self.site and folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
                folder = folder.parent


def write_if_changed(target: Path, data: bytes, known: str | None) -> str:
    """Write `data` to `target` unless it holds those bytes already (its digest is `known`, or its
    bytes are the same); give their SHA-256."""
    digest = hashlib.sha256(data).hexdigest()
    if target.is_file() and (known == digest or _same_bytes(target, data)):
        return digest  # a file the permanence check changed afterwards (an anchor map) counts as the same
    replace_file(target, data)
    return digest


def _same_bytes(path: Path, data: bytes) -> bool:
    return path.stat().st_size == len(data) and path.read_bytes() == data


def fingerprint_of(config, src_uris: list[str]) -> str:
    """Hash what every page's HTML depends on beside its own Markdown and the navigation's pages (see
    generator/site.py's docstring); `src_uris` are the docs folder's files (the theme's files follow
    from the theme, hashed here)."""
    digest = hashlib.sha256(f"state {STATE_VERSION}\n".encode())
    digest.update(Path(config.config_file_path).read_bytes())
    for package in PACKAGES:
        digest.update(f"{package} {metadata.version(package)}\n".encode())
    here = Path(__file__).parent
    for path in [here / name for name in OWN_CODE] + [Path(hook.__file__) for hook in config.hooks.values()]:
        digest.update(path.read_bytes())
    packages = {Path(metadata.distribution(p).locate_file("")).resolve() for p in PACKAGES}
    for folder in map(Path, config.theme.dirs):
        if not any(folder.resolve().is_relative_to(root) for root in packages):  # overrides/: hash its files
            for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                digest.update(f"{path.relative_to(folder).as_posix()}\n".encode() + path.read_bytes())
    digest.update("\n".join(src_uris).encode())
    return digest.hexdigest()


def read_state(path: Path | None) -> dict | None:
    if path is None:
        return None
    try:
        data = orjson.loads(path.read_bytes())
        if data.get("version") != STATE_VERSION or not isinstance(data["static"], dict) or not isinstance(data["outputs"], dict):
            return None
        if not all(isinstance(data[name], list) for name in ("nav_warnings", "anchor_failures")) or not isinstance(data["files"], list | None):
            return None
        data["pages"] = {uri: PageState.of(page) for uri, page in data["pages"].items()}
        if not isinstance(data["shown"], str):
            return None
        return data
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # no state, or one we cannot read: a full build


def forget_state(path: Path | None) -> None:
    if path is not None:
        path.unlink(missing_ok=True)


def write_state(
    path: Path | None,
    fingerprint: str,
    shown: str,
    pages: dict[str, PageState],
    writer: Writer,
    files: list[tuple[str, int, int, str]] | None,
    nav_warnings: list[tuple[int, str]],
    anchor_failures: list[str],
) -> None:
    """Remember the build: see the module's docstring. `files` are MkDocs' files in order, each
    `(src_uri, folder, inclusion, dest_uri)` (None: a file not read from a folder, made by a
    plugin); `anchor_failures`: the pages with a link to an anchor that is not there."""
    if path is None:
        return
    data = {
        "version": STATE_VERSION,
        "fingerprint": fingerprint,
        "shown": shown,
        "pages": {uri: page.data() for uri, page in sorted(pages.items())},
        "outputs": dict(sorted(writer.outputs.items())),
        "static": dict(sorted(writer.static.items())),
        "files": files,
        "nav_warnings": nav_warnings,
        "anchor_failures": anchor_failures,
    }
    replace_file(path, orjson.dumps(data), process_temporary(path))  # in the cache: `remove_leftovers`
