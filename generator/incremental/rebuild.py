"""Decide, record by record, whether its pages can be taken from the last build, and keep what each rendered to.

The decision, the share files (`<cache>/rendered/<docs folder>/<share>.pickle`) and the state of
the docs folder (`<cache>/incremental/<docs folder>.pickle`) are described in `generator.incremental`.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from generator.cache import folder_key, prune_folder, read_entry, write_entry
from generator.incremental.fingerprints import SOURCE_OF, UNKNOWN, Fingerprints, Part
from generator.incremental.views import overview_digest
from generator.model import Record
from generator.render.context import RenderContext
from generator.render.data import OpenDataLookup, RecordData
from generator.write import SAME, StagedPage

RENDERED_FOLDER = "rendered"
STATE_FOLDER = "incremental"


class Incremental(Fingerprints):
    """Decide, record by record, whether its pages can be taken from the last build.

    Made in the build's process with the parse keys of the records (`keys`, by path), the cache
    folder and the docs folder; `prepare` is called once the render context is built (before
    workers fork, so they share it); `kept` and `remember` are called for each record, in
    whichever process renders it; `committed` once the build's pages are in `docs/`.
    """

    def __init__(self, cache: Path, docs: Path, keys: dict[str, str], views: dict[str, str] | None = None) -> None:
        super().__init__(keys)
        self.folder = cache / RENDERED_FOLDER / folder_key(docs)  # this docs folder's share files
        self._rendered = cache / RENDERED_FOLDER
        self.state_file = cache / STATE_FOLDER / f"{folder_key(docs)}.pickle"
        self._docs = os.fspath(docs)
        self.views = views or {}
        found = read_entry(self.state_file)
        found = found if isinstance(found, tuple) and len(found) == 3 else ({}, None, {})
        self.state: dict[str, tuple[str, int, int]] = found[0]
        self.overviews: tuple[str, list[tuple[str, str]]] | None = found[1]
        self.kept_in: dict[str, str] = found[2]
        """By record path, the share file the last build kept what the record rendered to in."""
        self._overviews: tuple[str, list[tuple[str, str]]] | None = None  # what this build's overview pages are
        self._kept: dict[str, tuple[list[StagedPage], RecordData | None] | None] = {}
        self._share_of: dict[str, str] = {}  # this build's share file of each record
        self._files: dict[str, _File] = {}  # the last few share files read, by name
        self._same: dict[str, frozenset[str]] = {}  # by share file, the kinds of group whose source is as it was (`_same_kinds`)
        self._entries: dict[str, _Entry] = {}  # what each record of the shares in hand rendered to
        self._untouched_pages: set[str] = set()  # the pages found as the last build left them (`_untouched`)
        self._committed = False  # whether this build's state is written (`committed`): then `prune` may remove

    def prepare(self, context: RenderContext, lookup: OpenDataLookup | None) -> None:
        """Hash what every page may show, and each source of the groups' values (`Fingerprints.prepare`)."""
        self._kept, self._share_of, self._files, self._same, self._entries = {}, {}, {}, {}, {}
        self._overviews, self._untouched_pages, self._committed = None, set(), False
        super().prepare(context, lookup)

    def all_kept(self, records: Iterable[Record]) -> bool:
        """Whether the last build left the pages of every one of `records` (a share of the corpus,
        called for each share in turn) as they would be now (`kept`, which then gives what it found
        here, once). What the share's records render to is kept in one file (`remember_share`)."""
        records = tuple(records)
        name = self._share_name(records)
        for record in records:
            self._share_of[record.path] = name
        if not self.state:  # a first build: every record is rendered, and its fingerprint wants the index
            self._gathered()  # gathered here, before the workers fork, not once in each of them
            return False
        for record in records:
            if record.path not in self._kept:
                self._kept[record.path] = self._kept_now(record)
            if self._kept[record.path] is None:
                self._gathered()  # before the workers rendering the share fork, so they share it
                return False
        return True

    def kept(self, record: Record) -> tuple[list[StagedPage], RecordData | None] | None:
        """The record's staged pages and open data as the last build left them, when its
        fingerprint is unchanged and its files in docs/ are untouched since; else None."""
        found = self._kept.pop(record.path, UNKNOWN)
        return self._kept_now(record) if found is UNKNOWN else found

    def _kept_now(self, record: Record) -> tuple[list[StagedPage], RecordData | None] | None:
        found = self._last_entry(record.path)
        if found is None:
            return None
        entry, same = found
        if not self._unchanged(entry[0], same):
            return None
        _, pages, data = entry
        if not self._untouched(pages):
            return None
        self._entries[record.path] = entry
        return [StagedPage(path, digest, SAME) for path, digest in pages], data

    def _last_entry(self, path: str) -> tuple[_Entry, frozenset[str]] | None:
        """What the record at `path` rendered to in the last build, from the share file it was kept
        in, with the kinds of group whose source is as it was when that file was written."""
        name = self.kept_in.get(path)
        if name is None:
            return None
        if name not in self._files:
            if len(self._files) >= _FILES_HELD:  # a share's records were kept in one or two files: drop the oldest
                del self._files[next(iter(self._files))]
            found = read_entry(self.folder / f"{name}.pickle")
            self._files[name] = found if isinstance(found, tuple) and len(found) == 2 and isinstance(found[1], dict) else ({}, {})
            self._same[name] = self._same_kinds(self._files[name][0])
        entry = self._files[name][1].get(path)
        return (entry, self._same[name]) if entry is not None else None

    def _same_kinds(self, sources: dict[str, str]) -> frozenset[str]:
        """The kinds of group whose source (`SOURCES`) hashes as it did in `sources` (a share file's)."""
        same = {name for name, digest in self.sources.items() if sources.get(name) == digest}
        return frozenset(kind for kind, source in SOURCE_OF.items() if source in same)

    def remember(self, record: Record, staged: Iterable[StagedPage], data: RecordData | None) -> None:
        """Note what the record rendered to under its fingerprint (its JSON files' text is left out:
        they are among its pages), to be kept with its share's (`remember_share`)."""
        parts = self._record_parts(record)
        if parts is None:
            return
        kept = replace(data, files=()) if data is not None else None
        self._entries[record.path] = (parts, [(page.path, page.digest) for page in staged], kept)

    def remember_share(self, records: Iterable[Record]) -> None:
        """Keep what the records of a share rendered to (`remember`) or were taken from (`kept`) in
        one file, read at once by the next build; unless that file holds exactly that already."""
        records = tuple(records)
        name = self._share_name(records)
        entries = {record.path: entry for record in records if (entry := self._entries.pop(record.path, None)) is not None}
        sources, last = self._files.get(name, (None, None))
        if sources == self.sources and last.keys() == entries.keys() and all(last[path] is entry for path, entry in entries.items()):
            return
        write_entry(self.folder / f"{name}.pickle", (self.sources, entries))

    def _share_name(self, records: tuple[Record, ...]) -> str:
        """Name the file of a share: the hash of the docs folder's and its records' paths (the same
        share in the next build of the same folder, unless records came or went, has the same name)."""
        digest = hashlib.blake2b(self._docs.encode("utf-8", "surrogatepass"), digest_size=16)
        for record in records:
            digest.update(b"\0" + record.path.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def kept_overviews(self) -> list[StagedPage] | None:
        """The pages that are no record's own (`generator.render.render_site_pages`) as the last
        build left them, when what they show is unchanged (`overview_digest`) and their files in
        docs/ are untouched since; else None (and `remember_overviews` is to be told what they are)."""
        assert self.context is not None
        digest = overview_digest(self.context, self.site, self.views, self.sources)
        self._overviews = (digest, []) if digest is not None else None
        if digest is None or self.overviews is None or self.overviews[0] != digest:
            return None
        pages = self.overviews[1]
        if not self._untouched(pages):
            return None
        self._overviews = self.overviews
        return [StagedPage(path, page_digest, SAME) for path, page_digest in pages]

    def remember_overviews(self, staged: Iterable[StagedPage]) -> None:
        """Note the pages that are no record's own this build rendered (kept once committed)."""
        if self._overviews is not None:
            self._overviews = (self._overviews[0], [(page.path, page.digest) for page in staged])

    def _untouched(self, pages: list[tuple[str, str]]) -> bool:
        """Whether each of `pages` (path, hash) is in docs/ as the last build left it (noted, for `committed`)."""
        for path, digest in pages:
            if self.state.get(path) != (digest, *_stat(os.path.join(self._docs, path))):
                return False
        self._untouched_pages.update(path for path, _ in pages)
        return True

    def committed(self, pages: Iterable[StagedPage]) -> None:
        """Note each page now in docs/ with its hash, size and modification time, what the pages
        that are no record's own were rendered from, and the share file of each record. A page
        found untouched in this process and left as it was (`SAME`) is not looked at again."""
        state = {}
        for page in pages:
            if page.state == SAME and page.path in self._untouched_pages and self.state[page.path][0] == page.digest:
                state[page.path] = self.state[page.path]
                continue
            found = _stat(os.path.join(self._docs, page.path))
            if found != (-1, -1):
                state[page.path] = (page.digest, *found)
        write_entry(self.state_file, (state, self._overviews, self._share_of))
        self._committed = True

    def prune(self) -> int:
        """Remove the share files of this docs folder that this build did not keep its records in
        (shares cut otherwise, before records came or went), and those an earlier version kept
        beside the folders (`<cache>/rendered/<share>.pickle`, read by no build now): only once
        this build's state is written (`committed`), never another docs folder's. Give how many."""
        if not self._committed:
            return 0
        used = {f"{name}.pickle" for name in self._share_of.values()}
        return prune_folder(self.folder, used, _SHARE_FILE) + prune_folder(self._rendered, (), _SHARE_FILE)


_Entry = tuple[tuple[Part, ...], list[tuple[str, str]], "RecordData | None"]
"""What a record rendered to: the parts its fingerprint hashes, its pages (path, hash) and its open
data (without its files)."""

_File = tuple[dict[str, str], dict[str, "_Entry"]]
"""A share file: the hash of each source (`SOURCES`) in the build that wrote it, and what each of
the share's records rendered to (valid for the groups' values in that build)."""

_SHARE_FILE = re.compile(r"[0-9a-f]{32,40}\.pickle")
"""The name of a share file (`Incremental._share_name`; 40 digits in earlier versions)."""

_FILES_HELD = 4
"""How many share files of the last build are held at once (a share's records were in one or two)."""


def _stat(path: str) -> tuple[int, int]:
    try:
        found = os.stat(path, follow_symlinks=False)
    except OSError:
        return (-1, -1)
    return (found.st_size, found.st_mtime_ns)
