"""Render again only the records whose pages can have changed since the last build (issue 9).

A record's pages (its letters' pages, its record page, its letters' JSON files) and what the
corpus-wide open data keeps of it are a pure function of the record and of the parts of the
linked corpus its renderers look up. Those parts are named here as groups, each a (kind, key)
pair whose value is read from the render context:

    ("record", path)            the record itself, by its parse key (its source's and sidecar's
                                bytes and the parser: `generator.cache.parsed_key`)
    ("letter_page", key)        the page of a letter; ("record_page", path) that of a record
    ("threads", key)            what the questions and answers of letter `key` are threaded to
    ("statuses", key)           the statuses of the questions and answers of letter `key`
    ("text_links", path)        the text links in the record's paragraphs and footnotes; ("terms",
                                path) the uses of glossary terms there; ("references", path) the
                                documents it cites. The link pass finds these in the record alone
                                (`generator.link.record`): they are hashed as its parse key
    ("places", path)            where each paragraph and footnote of the record stands (page, anchor):
                                they follow from the record and its letters' pages (`letter_page`
                                groups, declared with it), so they are hashed as its parse key
    ("events", key)             the events letter `key` dates: the date of each, and the letter's
                                own sources of it (what its page shows: `timeline_slice`)
    ("notes", page)             the editorial notes placed on a page
    ("cited_in", page)          the citations, on other pages, of the documents a page shows
    ("citations", path)         where the record's references are cited
    ("documents", identifier)   the page of the corpus's own document with that identifier
    ("dossiers", key)           the dossiers letter `key` belongs to and cites; ("dossiers", path)
                                those of the record
    ("site", None)              what every page may show: the site's address, the glossary, the
                                notes, the list of dossiers, the code of the whole generator

`declared_groups(record)` lists the groups a record's pages read: its own, and those of every
letter they are threaded to, link to, or are cited by. The record's fingerprint is the
hash of those groups' values, each written out as a part (`_part_of`: the group, and its value
as text where it is text or nothing, else its hash). `tests/test_incremental.py` renders every record of the seeds and
of a generated corpus with a context that records every look-up, and checks that each falls in
a declared group: a renderer that starts reading something new fails that test, not a rebuild.

What each record rendered to (the parts its fingerprint hashed, its pages' paths and hashes, and
its open data's pieces) is kept with the other records of its share of the corpus
(`generator.emit`) in one file, `<cache>/rendered/<docs folder>/<share>.pickle`, named after the
docs folder and the share's records (the same share in the next build, unless records came or went,
has the same name, and its file is replaced), with the hash of each source in that build. A rebuild reads the
share files once, and takes a record's pages from there when every part its fingerprint hashed is
as it is now (then so are the groups it declares, which follow from those parts, and so its
fingerprint: it is not computed again) and every one of its files in `docs/` is as the last build
left it (the same hash, size and modification time, kept in `<cache>/incremental/` with the share
file of each record): those files are not touched. Most parts are not looked at one by one: every
group of a kind is read from one source (the threads, the statuses, the events, the addresses, …:
`SOURCES`), each hashed whole once a build and kept in the share file, and a record's parts of a
kind whose source hashes as it did when its share file was written are as they were then. Every
other record is rendered as in a full build. The pages that are no record's own (home, months,
overviews) are taken from the last build when what they show is unchanged (see `overview_digest`
below: an edit to a letter's text leaves them as they are); the corpus-wide open data is always
rendered.

Once a build's pages are in `docs/` and its state is written, the share files of its docs folder
that it did not keep its records in (those of an earlier build whose shares were cut otherwise,
when records came or went) are removed (`Incremental.prune`), as are the parses of sources that
are gone or changed (`generator.cache.prune_parsed`): the cache holds what the next build can use,
not every build's. A build that fails or is interrupted before that removes nothing.
"""

from __future__ import annotations

import copyreg
import hashlib
import io
import os
import pickle
import re
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from operator import attrgetter
from pathlib import Path

from generator.cache import code_version, folder_key, prune_folder, read_entry, write_entry
from generator.model import Answer, Corpus, Event, Footnote, LetterKey, Paragraph, Question, Record, Reference, SourceSpan, Target
from generator.render.addresses import Addresses
from generator.render.context import ByRecord, RenderContext
from generator.render.data import OpenDataLookup, RecordData
from generator.render.mentions import Citation
from generator.render.places import lazy_text_places
from generator.second_core import SecondCore
from generator.write import SAME, StagedPage

RENDERED_FOLDER = "rendered"
STATE_FOLDER = "incremental"

Group = tuple[str, object]


@dataclass
class _Index:
    """The render context's look-ups gathered by the groups that hold them (built once per build)."""

    text_links: dict[str, list] = field(default_factory=dict)
    notes: dict[str, list] = field(default_factory=dict)
    citations: dict[str, list] = field(default_factory=dict)
    references: dict[str, list] = field(default_factory=dict)


class Incremental:
    """Decide, record by record, whether its pages can be taken from the last build.

    Made in the build's process with the parse keys of the records (`keys`, by path), the cache
    folder and the docs folder; `prepare` is called once the render context is built (before
    workers fork, so they share it); `kept` and `remember` are called for each record, in
    whichever process renders it; `committed` once the build's pages are in `docs/`.
    """

    def __init__(self, cache: Path, docs: Path, keys: dict[str, str], views: dict[str, str] | None = None) -> None:
        self.folder = cache / RENDERED_FOLDER / folder_key(docs)  # this docs folder's share files
        self._rendered = cache / RENDERED_FOLDER
        self.state_file = cache / STATE_FOLDER / f"{folder_key(docs)}.pickle"
        self._docs = os.fspath(docs)
        self.keys = keys
        self.views = views or {}
        found = read_entry(self.state_file)
        found = found if isinstance(found, tuple) and len(found) == 3 else ({}, None, {})
        self.state: dict[str, tuple[str, int, int]] = found[0]
        self.overviews: tuple[str, list[tuple[str, str]]] | None = found[1]
        self.kept_in: dict[str, str] = found[2]
        """By record path, the share file the last build kept what the record rendered to in."""
        self._overviews: tuple[str, list[tuple[str, str]]] | None = None  # what this build's overview pages are
        self.context: RenderContext | None = None
        self.lookup: OpenDataLookup | None = None
        self._index: _Index | None = None
        self.site = ""
        self.sources: dict[str, str] = {}
        """This build's hash of each source of the groups' values (`SOURCES`)."""
        self._fingerprints: dict[str, tuple[_Part, ...] | None] = {}
        self._parts: dict[Group, _Part | object] = {}
        self._texts: dict[tuple[str, str], str] = {}  # each group's part's value text, by its kind and key text
        self._of_letters: dict[tuple[str, str], dict[int, list[tuple[Target, tuple]]]] = {}  # `_of_letter`
        self._kept: dict[str, tuple[list[StagedPage], RecordData | None] | None] = {}
        self._share_of: dict[str, str] = {}  # this build's share file of each record
        self._files: dict[str, _File] = {}  # the last few share files read, by name
        self._same: dict[str, frozenset[str]] = {}  # by share file, the kinds of group whose source is as it was (`_same_kinds`)
        self._entries: dict[str, _Entry] = {}  # what each record of the shares in hand rendered to
        self._untouched_pages: set[str] = set()  # the pages found as the last build left them (`_untouched`)
        self._linked: tuple[Corpus, Addresses, SecondCore[dict[str, str]]] | None = None  # `hash_links`
        self._committed = False  # whether this build's state is written (`committed`): then `prune` may remove

    def prepare(self, context: RenderContext, lookup: OpenDataLookup | None) -> None:
        """Hash what every page may show, and each source of the groups' values (`SOURCES`)."""
        self.context, self.lookup = context, lookup
        self._fingerprints, self._parts, self._texts, self._kept, self._of_letters = {}, {}, {}, {}, {}
        self._share_of, self._files, self._same, self._entries = {}, {}, {}, {}
        self._overviews, self._index, self._untouched_pages, self._committed = None, None, set(), False
        corpus = context.corpus
        self.site = _digest((
            code_version(), context.site_url, context.open_data, corpus.glossary, corpus.annotations,
            bool(corpus.links.dossiers), lookup.dossier_order if lookup is not None else None,
        ))
        self.sources = source_digests(context, self._linked_digests(context))

    def hash_links(self, corpus: Corpus, addresses: Addresses) -> None:
        """Start hashing the sources read from the linked `corpus` and its `addresses` alone
        (`linked_digests`) in a process forked for it (`generator.second_core`), while this one
        makes the render context; `prepare` takes them, when its context is of this corpus."""
        self._stop_hashing()
        self._linked = (corpus, addresses, SecondCore(lambda: linked_digests(corpus, addresses)))

    def _linked_digests(self, context: RenderContext) -> dict[str, str] | None:
        """What `hash_links` found, when it hashed the corpus and addresses of `context`."""
        if self._linked is None:
            return None
        corpus, addresses, hashing = self._linked
        if corpus is not context.corpus or addresses is not context.addresses:
            self._stop_hashing()
            return None
        self._linked = None
        return hashing.result()

    def _stop_hashing(self) -> None:
        if self._linked is not None:
            self._linked[2].stop()
            self._linked = None

    @property
    def index(self) -> _Index:
        """The context's look-ups by group, gathered when first wanted (a rebuild whose records
        are all kept wants none)."""
        return self._gathered()

    def _gathered(self) -> _Index:
        if self._index is None:
            assert self.context is not None
            self._index = _gather(self.context)
        return self._index

    def declared_groups(self, record: Record) -> set[Group]:
        """The groups the pages of `record` read (see the module's docstring)."""
        context = self.context
        assert context is not None
        own = [LetterKey(record.path, letter.index) for letter in record.letters]
        pages = {page for key in own if (page := context.addresses.letter_page(key)) is not None}
        if (record_page := context.addresses.record_page(record)) is not None:
            pages.add(record_page)
        groups: set[Group] = {("site", None), ("record_page", record.path), ("text_links", record.path), ("terms", record.path),
                              ("places", record.path), ("citations", record.path), ("references", record.path),
                              ("dossiers", record.path)}
        letters: set[LetterKey] = set(own)
        for page in pages:
            groups |= {("notes", page), ("cited_in", page)}
            letters.update(citation.letter for citation in context.mentions.cited_in.get(page, ()) if citation.letter is not None)
            letters.update(LetterKey(citation.reference.span.path, 0) for citation in context.mentions.cited_in.get(page, ()))
        for key in own:
            groups.add(("events", key))
            for _, targets in self._of_letter("threads", key):
                letters.update(target.letter for target in targets)
        for link in self.index.text_links.get(record.path, ()):
            if link.target is not None:
                letters.add(link.target.letter)
        for reference in self.index.references.get(record.path, ()):
            groups.add(("documents", reference.identifier or ""))
        for key in letters:
            groups |= {("record", key.path), ("letter_page", key), ("threads", key), ("statuses", key), ("dossiers", key)}
        return groups

    def fingerprint(self, record: Record) -> str | None:
        """The hash of every group the record's pages read; None when a record's parse key is unknown."""
        parts = self._record_parts(record)
        return _digest(parts) if parts is not None else None

    def _record_parts(self, record: Record) -> tuple[_Part, ...] | None:
        """What the record's fingerprint hashes: the part (`_part_of`) of each group its pages read, in order."""
        if record.path not in self._fingerprints:
            self._fingerprints[record.path] = self._parts_now(record)
        return self._fingerprints[record.path]

    def _parts_now(self, record: Record) -> tuple[_Part, ...] | None:
        parts = []
        for group in {_hashed_as(group) for group in self.declared_groups(record)}:
            part = self._part(group)
            if part is _UNKNOWN:
                return None
            parts.append(part)
        parts.sort()
        return tuple(parts)

    def _part(self, group: Group) -> _Part | object:
        part = self._parts.get(group)
        if part is None:
            part = self._parts[group] = _part_of(group, self.value(group))
        return part

    def _unchanged(self, parts: tuple[_Part, ...], same: frozenset[str]) -> bool:
        """Whether every part a record's fingerprint hashed in the last build is as it is now: then
        so is its fingerprint (its groups follow from those parts' values: `declared_groups` reads
        only groups it declares), which is not computed again. A part of a kind in `same` (whose
        source is as it was when the part was hashed: `_File`) is not looked at."""
        now = self._texts
        for kind, key_text, value_text in parts:
            if kind in same:
                continue
            found = now.get((kind, key_text))
            if found is None:
                key = _key_of(key_text)
                part = self._part((kind, key)) if key is not _UNKNOWN else _UNKNOWN
                found = now[(kind, key_text)] = part[2] if part is not _UNKNOWN else ""
            if found != value_text:
                return False
        return True

    def value(self, group: Group) -> object:
        """What the render context holds for `group` now."""
        kind, key = group
        context, index = self.context, self.index
        assert context is not None
        if kind == "site":
            return self.site
        if kind == "record":
            return self.keys.get(key, _UNKNOWN)
        if kind == "letter_page":
            return context.addresses.letter_page(key)
        if kind == "record_page":
            return context.addresses.records.get(key)
        if kind == "dossiers":
            mentions = context.mentions
            if isinstance(key, LetterKey):
                found = mentions.letter_dossiers.get(key), mentions.letter_cites.get(key)
            else:
                found = mentions.record_dossiers.get(key), mentions.record_cites.get(key)
            return None if found == (None, None) else found  # most letters: written out, not hashed (`_part_of`)
        # the events, threads and statuses as plain tuples: hashed several times faster than as the dataclasses they are
        if kind == "events":  # a page shows of each event its date and the letter's own sources (`timeline_slice`)
            events = context.corpus.links.events  # in the order of their dates, each date once
            return [
                (_PLAIN_DATE(events[position].date), [_PLAIN_EVENT_SOURCE(events[position].sources[source]) for source in sources])
                for position, sources in context.events.get(key, ())
            ]
        if kind == "documents":
            return context.mentions.documents.get(key)
        if kind == "cited_in":
            return context.mentions.cited_in.get(key)
        if kind in _FOUND_IN_THE_RECORD_ALONE:
            return self.keys.get(key, _UNKNOWN)
        if kind == "threads":
            return [(_plain(target), list(map(_plain, others))) for target, others in self._of_letter(kind, key)]
        if kind == "statuses":
            return [(_plain(target), statuses) for target, statuses in self._of_letter(kind, key)]
        return getattr(index, kind).get(key)

    def _of_letter(self, kind: str, key: LetterKey) -> list[tuple[Target, tuple]]:
        """The entries of the threads or statuses (`kind`: the `RenderContext`'s) of the targets in
        letter `key`, in order: a record's are cut by letter once, for all its letters."""
        letters = self._of_letters.get((kind, key.path))
        if letters is None:
            letters = self._of_letters[(kind, key.path)] = _by_letter(getattr(self.context, kind), key.path)
        return letters.get(key.index, [])

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
        found = self._kept.pop(record.path, _UNKNOWN)
        return self._kept_now(record) if found is _UNKNOWN else found

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
        return frozenset(kind for kind, source in _SOURCE_OF.items() if source in same)

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


_UNKNOWN = object()

_Part = tuple[str, str, str]
"""A group and its value as a fingerprint holds them (`_part_of`)."""

_Entry = tuple[tuple[_Part, ...], list[tuple[str, str]], "RecordData | None"]
"""What a record rendered to: the parts its fingerprint hashes, its pages (path, hash) and its open
data (without its files)."""

_File = tuple[dict[str, str], dict[str, "_Entry"]]
"""A share file: the hash of each source (`SOURCES`) in the build that wrote it, and what each of
the share's records rendered to (valid for the groups' values in that build)."""

_SHARE_FILE = re.compile(r"[0-9a-f]{32,40}\.pickle")
"""The name of a share file (`Incremental._share_name`; 40 digits in earlier versions)."""

_FILES_HELD = 4
"""How many share files of the last build are held at once (a share's records were in one or two)."""

_FOUND_IN_THE_RECORD_ALONE = ("text_links", "terms", "references", "places")
"""Groups whose value follows from the record alone (its parse key), the glossary and the code,
all hashed into every fingerprint: the link pass takes a record's text links, references and uses
of terms from `generator.link.record` (`link_record`, `find_record_terms`), which read that record
only. A record's places (`generator.render.places`) follow from it and its letters' pages, whose
groups are declared with it. Hashed as the record's parse key, not value by value."""


def _part_of(group: Group, value: object) -> tuple[str, str, str] | object:
    """What a fingerprint holds of a group and its value: the group, written out, and the value
    itself where it is None, empty or text (most groups: a letter's page, a parse key, no notes, no
    citations), else the hash of its pickle (`_digest`); `_UNKNOWN` for an unknown value. Each
    part is told apart from every other by its first letters (the type of key and value)."""
    if value is _UNKNOWN:
        return _UNKNOWN
    kind, key = group
    if isinstance(key, LetterKey):
        key_text = f"L{key.path}\0{key.index}"  # a path holds no NUL
    else:
        key_text = f"S{key}" if isinstance(key, str) else f"R{key!r}"  # a str, else None
    if value is None:
        value_text = "N"
    elif isinstance(value, str):
        value_text = f"S{value}"
    elif isinstance(value, (list, tuple)) and not value:
        value_text = f"E{type(value).__name__}"
    else:
        value_text = "H" + _digest((kind, key_text, value))
    return kind, key_text, value_text


def _key_of(key_text: str) -> object:
    """The group key a part's key text writes out (`_part_of`); `_UNKNOWN` for one it cannot read back."""
    if key_text.startswith("L"):
        path, _, index = key_text[1:].rpartition("\0")
        return LetterKey(path, int(index))
    if key_text.startswith("S"):
        return key_text[1:]
    return None if key_text == "RNone" else _UNKNOWN


def _hashed_as(group: Group) -> Group:
    """The group whose value is the same as `group`'s: a group found in the record alone is its record's."""
    return ("record", group[1]) if group[0] in _FOUND_IN_THE_RECORD_ALONE else group


LINKED_SOURCES: dict[str, Callable[[Corpus, Addresses], object]] = {
    "addresses": lambda corpus, addresses: addresses,
    "threads": lambda corpus, _: [(_plain(thread.question), _plain(thread.answer)) for thread in corpus.links.threads],
    "statuses": lambda corpus, _: [(_plain(target), status) for target, status in corpus.links.statuses],
    "events": lambda corpus, _: [_plain_event(event) for event in corpus.links.events],
    "dossier_index": lambda corpus, _: corpus.links.dossiers,
    "terms": lambda corpus, _: list(map(_PLAIN_TERM_USE, corpus.links.terms)),
}
"""The `SOURCES` read from the linked corpus and its addresses alone: hashed as soon as the corpus
is linked, while the render context is made (`Incremental.hash_links`)."""

SOURCES: dict[str, Callable[[RenderContext], object]] = {
    **{name: (lambda context, read=read: read(context.corpus, context.addresses)) for name, read in LINKED_SOURCES.items()},
    "citations": lambda context: [_plain_citation(reference, citation) for reference, citation in context.mentions.citations.items()],
    "documents": lambda context: context.mentions.documents,
    "cited_in": lambda context: context.mentions.cited_in,
    "dossiers": lambda context: (context.mentions.letter_dossiers, context.mentions.record_dossiers,
                                 context.mentions.letter_cites, context.mentions.record_cites),
    "notes": lambda context: context.notes,
}
"""What the groups' values (and the pages that are no record's own: `overview_digest`) are read
from, each hashed whole once a build (`source_digests`): every group of a kind is read from one
source (`_SOURCE_OF`), so when that source hashes as it did when a share file was written, every
group of the kind is as it was then, and its records' parts of that kind are not looked at again.
The link pass's findings are hashed as plain tuples (several times faster than their dataclasses)."""

_SOURCE_OF = {
    "letter_page": "addresses", "record_page": "addresses", "threads": "threads", "statuses": "statuses",
    "events": "events", "citations": "citations", "documents": "documents", "cited_in": "cited_in",
    "dossiers": "dossiers", "notes": "notes",
}
"""The source (`SOURCES`) each kind of group's value is read from (`Incremental.value`); a kind
not named here (a record's parse key, the site) is compared group by group, as text."""


def source_digests(context: RenderContext, linked: dict[str, str] | None = None) -> dict[str, str]:
    """Hash each of the `SOURCES` of `context`; those `linked` holds (`linked_digests`) are taken from there."""
    linked = linked or {}
    return {name: linked[name] if name in linked else _digest(read(context)) for name, read in SOURCES.items()}


def linked_digests(corpus: Corpus, addresses: Addresses) -> dict[str, str]:
    """Hash each of the `LINKED_SOURCES` of the linked `corpus` and its `addresses`."""
    return {name: _digest(read(corpus, addresses)) for name, read in LINKED_SOURCES.items()}


def _plain_event(event: Event) -> tuple:
    return _PLAIN_DATE(event.date), list(map(_PLAIN_EVENT_SOURCE, event.sources))


_PLAIN_DATE = attrgetter("precision", "year", "month", "day", "period")
_PLAIN_EVENT_SOURCE = attrgetter(
    "letter.path", "letter.index", "role", "paragraph", "written", "phrase", "span.path", "span.line", "span.end_line", "inferred"
)
_PLAIN_TERM_USE = attrgetter("path", "paragraph", "term")


def _plain_citation(reference: Reference, citation: Citation) -> tuple:
    letter = (citation.letter.path, citation.letter.index) if citation.letter is not None else None
    cited = None if citation.reference is reference else citation.reference  # the same reference (`index_mentions`)
    return reference, cited, letter, citation.page, citation.date


def _gather(context: RenderContext) -> _Index:
    """Gather the context's look-ups by group: linear in the corpus."""
    index = _Index()
    for link in context.corpus.links.text_links:  # not the render context's: it makes a record's when first looked up
        index.text_links.setdefault(link.path, []).append(link)
    for (page, anchor), notes in context.notes.items():
        index.notes.setdefault(page, []).append((anchor, notes))
    for reference, citation in context.mentions.citations.items():
        index.citations.setdefault(reference.span.path, []).append((reference, citation))
    for reference in context.corpus.links.references:
        index.references.setdefault(reference.span.path, []).append(reference)
    return index


def _by_letter(found: dict[Target, tuple], path: str) -> dict[int, list[tuple[Target, tuple]]]:
    """The entries of the threads or statuses (`RenderContext`) of the targets in the record at
    `path`, in order, by the index of their letter."""
    entries = found.entries(path) if isinstance(found, ByRecord) else [item for item in found.items() if item[0].letter.path == path]
    letters: dict[int, list[tuple[Target, tuple]]] = {}
    for entry in entries:
        letters.setdefault(entry[0].letter.index, []).append(entry)
    return letters


_plain = attrgetter("letter.path", "letter.index", "role", "party", "number")
"""A target as a plain tuple (its letter's path and index, its role, party and number)."""


def _digest(value: object, pickler_class: type[pickle.Pickler] = pickle.Pickler) -> str:
    """Hash a value of the model (frozen dataclasses, tuples, strings, numbers, dates) by what it
    holds: pickled without its memo, so equal values give equal bytes however their parts are
    shared (a value read from a cache shares strings otherwise than one just made). One pickler
    of each class a thread serves every call (a fingerprint hashes a dozen small values)."""
    picklers = _PICKLERS.__dict__
    found = picklers.get(pickler_class)
    if found is None:
        stream = io.BytesIO()
        pickler = pickler_class(stream, protocol=pickle.HIGHEST_PROTOCOL)
        pickler.fast = True  # no memo: every part written out in full (the model holds no cycles)
        found = picklers[pickler_class] = (stream, pickler)
    stream, pickler = found
    stream.seek(0)
    stream.truncate()
    try:
        pickler.dump(value)
    except BaseException:
        del picklers[pickler_class]  # a pickler a dump failed in is not used again
        raise
    return hashlib.blake2b(stream.getbuffer(), digest_size=20).hexdigest()


_PICKLERS = threading.local()
"""By pickler class, the stream and pickler `_digest` writes with in this thread."""


def _stat(path: str) -> tuple[int, int]:
    try:
        found = os.stat(path, follow_symlinks=False)
    except OSError:
        return (-1, -1)
    return (found.st_size, found.st_mtime_ns)


# --- The pages that are no record's own --------------------------------------------------------
#
# The home page, the months, the shared pages and the overviews (dossiers, timeline, registers,
# glossary, notes) list every record, but none shows a letter's text: they show what a record is
# (its kind, dates, title, askers, questions and answers by number and party, footnotes by
# number) and what the link pass found (statuses, events, dossiers, places, uses of terms). They
# are rendered from `overview_context`: the render context with each record's `record_view` (its
# texts, source lines and page furniture blanked) and only the parts of the link pass they read;
# `tests/test_incremental.py` checks that they render the same from it as from the whole context.
# `overview_digest` hashes exactly what `overview_context` keeps, each record's view by the hash
# the parse kept with it (`view_digest`): when it is the last build's, so are those pages, and a
# rebuild after an edit to a letter's text takes them from there.

_BLANK = ""


def record_view(record: Record) -> Record:
    """`record` as the pages that are no record's own see it: every paragraph's and footnote's text,
    every source line and footnote marker, and the page furniture blanked."""
    return replace(
        record,
        letters=tuple(
            replace(
                letter,
                head=tuple(_blank_paragraph(paragraph) for paragraph in letter.head),
                body=tuple(_blank_block(block) for block in letter.body),
                footnotes=tuple(replace(footnote, text=_BLANK, span=_blank_span(footnote.span)) for footnote in letter.footnotes),
                span=_blank_span(letter.span),
            )
            for letter in record.letters
        ),
        furniture=(),
        page_starts=(),
    )


def view_digest(record: Record) -> str:
    """The hash of `record_view(record)` (kept with the record's parse: `generator.build`), made
    without making the view: `_ViewPickler` writes `record` as `_digest` writes its view, byte for
    byte (`tests/test_incremental.py` checks it on every record of the seeds, the development
    letters and a generated corpus), in half the time (0.29 ms a benchmark letter against 0.64 ms)."""
    return _digest(record, _ViewPickler)


_BLANKED = {
    SourceSpan: {"line": 0, "end_line": 0},
    Paragraph: {"text": _BLANK, "markers": ()},
    Footnote: {"text": _BLANK},
    Record: {"furniture": (), "page_starts": ()},
}
"""What `record_view` blanks, by the type of the node holding it: the source lines of every span
(every span a record holds is a letter's, a block's, a paragraph's or a footnote's; the
furniture's go with it), every paragraph's and footnote's text and markers, the page furniture."""


def _blanked_reduce(blanked: dict[str, object]) -> Callable[[object], tuple]:
    """How `_ViewPickler` writes a node of a type `_BLANKED` names: as the default pickling writes
    it (its class and its fields), the fields `blanked` names blanked."""
    return lambda node: (copyreg.__newobj__, (type(node),), {**node.__dict__, **blanked}, None, None)


class _ViewPickler(pickle.Pickler):
    """Pickle a record as its `record_view`: each node `_BLANKED` names is written as the default
    pickling writes it (its class and its fields), those fields blanked; every other as it is.
    By a dispatch table, looked up by the pickler itself: a node of another type calls no Python."""

    dispatch_table = {node_type: _blanked_reduce(blanked) for node_type, blanked in _BLANKED.items()}


def _blank_span(span):
    return replace(span, line=0, end_line=0)


def _blank_paragraph(paragraph):
    return replace(paragraph, text=_BLANK, span=_blank_span(paragraph.span), markers=())


def _blank_block(block):
    if isinstance(block, Paragraph):
        return _blank_paragraph(block)
    if isinstance(block, Question):
        return replace(block, context=tuple(map(_blank_paragraph, block.context)),
                       paragraphs=tuple(map(_blank_paragraph, block.paragraphs)), span=_blank_span(block.span))
    if isinstance(block, Answer):
        return replace(block, paragraphs=tuple(map(_blank_paragraph, block.paragraphs)), span=_blank_span(block.span))
    return replace(block, span=_blank_span(block.span))  # a heading keeps its text


def overview_context(context: RenderContext, views: dict[str, Record] | None = None) -> RenderContext:
    """The render context as the pages that are no record's own read it: the records' views
    (`views` by path, else made here) and, of the rest, only what `overview_digest` hashes."""
    corpus = context.corpus
    views = views if views is not None else {record.path: record_view(record) for record in corpus.records}
    records = tuple(views[record.path] for record in corpus.records)
    links = replace(
        corpus.links, threads=(), text_links=(), references=(), statuses=(),
        terms=tuple(replace(use, start=0, end=0) for use in corpus.links.terms),
    )
    seen = replace(
        context,
        corpus=replace(corpus, records=records, links=links, diagnostics=()),
        letters={LetterKey(record.path, letter.index): (record, letter) for record in records for letter in record.letters},
        records={record.path: record for record in records},
        threads={}, text_links={}, terms={},
    )
    return replace(seen, places=lazy_text_places(seen))  # made from the views and the addresses


def overview_digest(context: RenderContext, site: str, view_digests: dict[str, str], sources: dict[str, str] | None = None) -> str | None:
    """Hash what `overview_context` keeps: `site` (the code, the site's address, the glossary and
    the notes: `Incremental.site`), each record's view by its hash, and the link pass's findings
    the overviews read, by their sources' hashes (`source_digests`, unless given: the addresses,
    the mentions, the notes, the dossiers, the events, the uses of terms, the statuses). None when
    a record's view hash is unknown."""
    corpus = context.corpus
    views = [(record.path, view_digests.get(record.path)) for record in corpus.records]
    if any(digest is None for _, digest in views):
        return None
    sources = sources if sources is not None else source_digests(context)
    return _digest((site, views, [(name, sources[name]) for name in _OVERVIEW_SOURCES]))


_OVERVIEW_SOURCES = (
    "addresses", "citations", "documents", "cited_in", "dossiers", "notes", "dossier_index", "events", "terms", "statuses",
)
"""The sources (`SOURCES`) the pages that are no record's own read: all but the threads, which
`overview_context` leaves out (the mentions are hashed as their parts: citations, documents, cited_in, dossiers)."""
