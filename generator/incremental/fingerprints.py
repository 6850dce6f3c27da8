"""Name what a record's pages read, as groups of the render context, and hash them: its fingerprint.

The groups, their values and how a fingerprint holds them are described in `generator.incremental`;
`Fingerprints` finds them for a record (`declared_groups`, `fingerprint`), and tells whether the
parts a fingerprint hashed in the last build are as they are now (`_unchanged`). `SOURCES` are what
every group of a kind is read from, each hashed whole once a build (`source_digests`).
"""

from __future__ import annotations

import hashlib
import io
import pickle
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from operator import attrgetter

from generator.cache import code_version
from generator.model import Corpus, Event, LetterKey, Record, Reference, Target
from generator.render.addresses import Addresses
from generator.render.context import ByRecord, RenderContext
from generator.render.data import OpenDataLookup
from generator.render.mentions import Citation
from generator.second_core import SecondCore

Group = tuple[str, object]


@dataclass
class _Index:
    """The render context's look-ups gathered by the groups that hold them (built once per build)."""

    text_links: dict[str, list] = field(default_factory=dict)
    notes: dict[str, list] = field(default_factory=dict)
    citations: dict[str, list] = field(default_factory=dict)
    references: dict[str, list] = field(default_factory=dict)


class Fingerprints:
    """Find the groups a record's pages read and hash them, for the render context of one build.

    Made in the build's process with the parse keys of the records (`keys`, by path); `prepare`
    is called once the render context is built (before workers fork, so they share what it hashed).
    """

    def __init__(self, keys: dict[str, str]) -> None:
        self.keys = keys
        self.context: RenderContext | None = None
        self.lookup: OpenDataLookup | None = None
        self._index: _Index | None = None
        self.site = ""
        self.sources: dict[str, str] = {}
        """This build's hash of each source of the groups' values (`SOURCES`)."""
        self._fingerprints: dict[str, tuple[Part, ...] | None] = {}
        self._parts: dict[Group, Part | object] = {}
        self._texts: dict[tuple[str, str], str] = {}  # each group's part's value text, by its kind and key text
        self._of_letters: dict[tuple[str, str], dict[int, list[tuple[Target, tuple]]]] = {}  # `_of_letter`
        self._linked: tuple[Corpus, Addresses, SecondCore[dict[str, str]]] | None = None  # `hash_links`

    def prepare(self, context: RenderContext, lookup: OpenDataLookup | None) -> None:
        """Hash what every page may show, and each source of the groups' values (`SOURCES`)."""
        self.context, self.lookup = context, lookup
        self._fingerprints, self._parts, self._texts, self._of_letters, self._index = {}, {}, {}, {}, None
        corpus = context.corpus
        self.site = digest((
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
        """The groups the pages of `record` read (see `generator.incremental`)."""
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
        return digest(parts) if parts is not None else None

    def _record_parts(self, record: Record) -> tuple[Part, ...] | None:
        """What the record's fingerprint hashes: the part (`_part_of`) of each group its pages read, in order."""
        if record.path not in self._fingerprints:
            self._fingerprints[record.path] = self._parts_now(record)
        return self._fingerprints[record.path]

    def _parts_now(self, record: Record) -> tuple[Part, ...] | None:
        parts = []
        for group in {_hashed_as(group) for group in self.declared_groups(record)}:
            part = self._part(group)
            if part is UNKNOWN:
                return None
            parts.append(part)
        parts.sort()
        return tuple(parts)

    def _part(self, group: Group) -> Part | object:
        part = self._parts.get(group)
        if part is None:
            part = self._parts[group] = _part_of(group, self.value(group))
        return part

    def _unchanged(self, parts: tuple[Part, ...], same: frozenset[str]) -> bool:
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
                part = self._part((kind, key)) if key is not UNKNOWN else UNKNOWN
                found = now[(kind, key_text)] = part[2] if part is not UNKNOWN else ""
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
            return self.keys.get(key, UNKNOWN)
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
            return self.keys.get(key, UNKNOWN)
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


UNKNOWN = object()

Part = tuple[str, str, str]
"""A group and its value as a fingerprint holds them (`_part_of`)."""


_FOUND_IN_THE_RECORD_ALONE = ("text_links", "terms", "references", "places")
"""Groups whose value follows from the record alone (its parse key), the glossary and the code,
all hashed into every fingerprint: the link pass takes a record's text links, references and uses
of terms from `generator.link.record` (`link_record`, `find_record_terms`), which read that record
only. A record's places (`generator.render.places`) follow from it and its letters' pages, whose
groups are declared with it. Hashed as the record's parse key, not value by value."""


def _part_of(group: Group, value: object) -> tuple[str, str, str] | object:
    """What a fingerprint holds of a group and its value: the group, written out, and the value
    itself where it is None, empty or text (most groups: a letter's page, a parse key, no notes, no
    citations), else the hash of its pickle (`digest`); `UNKNOWN` for an unknown value. Each
    part is told apart from every other by its first letters (the type of key and value)."""
    if value is UNKNOWN:
        return UNKNOWN
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
        value_text = "H" + digest((kind, key_text, value))
    return kind, key_text, value_text


def _key_of(key_text: str) -> object:
    """The group key a part's key text writes out (`_part_of`); `UNKNOWN` for one it cannot read back."""
    if key_text.startswith("L"):
        path, _, index = key_text[1:].rpartition("\0")
        return LetterKey(path, int(index))
    if key_text.startswith("S"):
        return key_text[1:]
    return None if key_text == "RNone" else UNKNOWN


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
source (`SOURCE_OF`), so when that source hashes as it did when a share file was written, every
group of the kind is as it was then, and its records' parts of that kind are not looked at again.
The link pass's findings are hashed as plain tuples (several times faster than their dataclasses)."""

SOURCE_OF = {
    "letter_page": "addresses", "record_page": "addresses", "threads": "threads", "statuses": "statuses",
    "events": "events", "citations": "citations", "documents": "documents", "cited_in": "cited_in",
    "dossiers": "dossiers", "notes": "notes",
}
"""The source (`SOURCES`) each kind of group's value is read from (`Incremental.value`); a kind
not named here (a record's parse key, the site) is compared group by group, as text."""


def source_digests(context: RenderContext, linked: dict[str, str] | None = None) -> dict[str, str]:
    """Hash each of the `SOURCES` of `context`; those `linked` holds (`linked_digests`) are taken from there."""
    linked = linked or {}
    return {name: linked[name] if name in linked else digest(read(context)) for name, read in SOURCES.items()}


def linked_digests(corpus: Corpus, addresses: Addresses) -> dict[str, str]:
    """Hash each of the `LINKED_SOURCES` of the linked `corpus` and its `addresses`."""
    return {name: digest(read(corpus, addresses)) for name, read in LINKED_SOURCES.items()}


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


def digest(value: object, pickler_class: type[pickle.Pickler] = pickle.Pickler) -> str:
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
"""By pickler class, the stream and pickler `digest` writes with in this thread."""
