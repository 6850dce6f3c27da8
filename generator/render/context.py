"""What every renderer needs to know about the whole corpus, gathered once: pages and links."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, TypeVar

from generator.model import Corpus, Letter, LetterKey, Record, Target, Term, TermUse, TextLink, Thread
from generator.render.addresses import Addresses, assign_addresses
from generator.render.mentions import Mentions, index_mentions

T = TypeVar("T")


@dataclass(frozen=True)
class RenderContext:
    """The corpus with its addresses and its links, looked up by what a renderer holds in hand.

    `threads` maps a question to the answers that answer it and an answer to the questions it
    answers; `statuses` maps a question or answer to its status labels; `text_links` maps
    (record path, paragraph key) to the links over that paragraph's text (these three, `terms`
    and `places` make a record's entries when one is first looked up: `ByRecord`). `open_data` says
    whether the letters' JSON files are rendered beside their pages (they need the site's address).
    `site_url` is that address (`https://kamerdossier.example/`) when known: the citation under
    each question and answer gives its permalink with it (relative to the site's root without).
    `mentions` says which letter cites each reference, which dossiers each letter belongs to or
    cites, and where the corpus's own documents are cited (`generator.render.mentions`).
    `terms` maps (record path, paragraph key) to the glossary terms used in it, `glossary` a
    term's name to the term. `notes` maps (page, anchor) to the editorial notes shown there,
    rendered (`generator.render.annotations.placed_notes` fills it). `places` maps (record path,
    paragraph key) to its place on the site (`generator.render.places.text_places` fills it), and
    `events` each letter to the events it dates: their positions in `Links.events`, each with the
    positions of the letter's own sources among the event's (`generator.render.timeline.events_by_letter`).
    """

    corpus: Corpus
    addresses: Addresses
    letters: dict[LetterKey, tuple[Record, Letter]]
    threads: dict[Target, tuple[Target, ...]]
    statuses: dict[Target, tuple[str, ...]]
    text_links: dict[tuple[str, str], tuple[TextLink, ...]]
    open_data: bool = False
    mentions: Mentions = field(default_factory=Mentions)
    site_url: str | None = None
    terms: dict[tuple[str, str], tuple[TermUse, ...]] = field(default_factory=dict)
    glossary: dict[str, Term] = field(default_factory=dict)
    notes: dict[tuple[str, str], tuple[str, ...]] = field(default_factory=dict)
    places: dict = field(default_factory=dict)
    events: dict[LetterKey, tuple[tuple[int, tuple[int, ...]], ...]] = field(default_factory=dict)
    records: dict[str, Record] = field(default_factory=dict)
    """Each record by its source path."""

    def letter(self, key: LetterKey) -> tuple[Record, Letter] | None:
        """The record and letter `key` names, or None when the corpus has no such letter."""
        return self.letters.get(key)


def build_context(
    corpus: Corpus, open_data: bool = False, site_url: str | None = None, addresses: Addresses | None = None
) -> RenderContext:
    """Gather addresses (unless given: `assign_addresses(corpus)`) and index the link pass's findings for rendering."""
    letters = {
        LetterKey(record.path, letter.index): (record, letter)
        for record in corpus.records
        for letter in record.letters
    }
    threads = ByRecord(corpus.records, _by_target(corpus.links.threads), _target_path)
    statuses = ByRecord(corpus.records, _by_target(corpus.links.statuses), _target_path)
    text_links = ByRecord(corpus.records, _by_paragraph(corpus.links.text_links))
    terms = ByRecord(corpus.records, _by_paragraph(corpus.links.terms))
    addresses = addresses if addresses is not None else assign_addresses(corpus)
    return RenderContext(
        corpus,
        addresses,
        letters,
        threads,
        statuses,
        text_links,
        open_data,
        index_mentions(corpus, addresses),
        site_url=site_url,
        terms=terms,
        glossary={term.name: term for term in corpus.glossary},
        records={record.path: record for record in corpus.records},
    )


def _by_paragraph(found: tuple[TextLink, ...] | tuple[TermUse, ...]) -> Callable[[str], list[tuple[tuple[str, str], tuple]]]:
    """Make, for `ByRecord`, a record's entries of `found` (text links or uses of terms) by
    (record path, paragraph key), each paragraph's in order, the same one once."""
    by_record: defaultdict[str, list] = defaultdict(list)
    for item in found:
        by_record[item.path].append(item)

    def make(path: str) -> list[tuple[tuple[str, str], tuple]]:
        index: dict[tuple[str, str], dict] = {}
        for item in by_record.get(path, ()):
            _add(index, (item.path, item.paragraph), item)
        return [(key, tuple(values)) for key, values in index.items()]

    return make


def _by_target(found: tuple[Thread, ...] | tuple[tuple[Target, str], ...]) -> Callable[[str], list[tuple[Target, tuple]]]:
    """Make, for `ByRecord`, a record's entries of the threads (each question to the answers
    threaded to it and each answer to its questions) or of the statuses (each question or answer
    to its labels): by target, each target's in the order found, the same one once. `found` is
    cut by record here, once (before a build's workers fork), each record's entries made in
    whichever process first looks one up."""
    by_record: defaultdict[str, list[tuple[Target, object]]] = defaultdict(list)
    if found and isinstance(found[0], Thread):
        for thread in found:
            question, answer = thread.question, thread.answer
            by_record[question.letter.path].append((question, answer))
            by_record[answer.letter.path].append((answer, question))
    else:
        for item in found:
            by_record[item[0].letter.path].append(item)

    def make(path: str) -> list[tuple[Target, tuple]]:
        index: dict[Target, dict] = {}
        for target, value in by_record.get(path, ()):
            _add(index, target, value)
        return [(target, tuple(values)) for target, values in index.items()]

    return make


def _target_path(target: Target) -> str:
    return target.letter.path


_ABSENT = object()
"""What `ByRecord.get` finds for a key not (yet) in the dict."""


class ByRecord(dict):
    """A dict keyed by (record path, …) (or by what `path_of` finds a record's path in) whose
    entries for a record are made (`make(path)`) when one of them is first looked up: a page reads
    only its own record's, a rebuild renders few pages. Walked over, it holds every one of
    `records`' entries, in corpus order; `entries(path)` gives a record's, in the order made, and
    `of(path)` the same as a dict, where a page looks up its own record's at the cost of one dict
    look-up each (`of_record`).
    """

    def __init__(
        self, records: tuple[Record, ...], make: Callable[[str], Iterable[tuple[object, object]]],
        path_of: Callable[[Any], str] = itemgetter(0),
    ) -> None:
        super().__init__()
        self._records, self._make_entries, self._path_of = records, make, path_of
        self._made: dict[str, dict[object, object]] = {}
        self._keyed: dict[tuple[str, Callable], dict[object, object]] = {}
        self._all = False

    def _make(self, path: str) -> dict[object, object]:
        made = self._made.get(path)
        if made is None:
            made = self._made[path] = dict(self._make_entries(path))
            dict.update(self, made)
        return made

    def of(self, path: str) -> dict[object, object]:
        """The entries of the record at `path`, as a dict (not to be changed)."""
        return self._make(path)

    def keyed(self, path: str, key: Callable[[Any], object]) -> dict[object, object]:
        """The entries of the record at `path`, as a dict by `key` of each entry's key (made once
        per record and `key`; not to be changed)."""
        found = self._keyed.get((path, key))
        if found is None:
            found = self._keyed[(path, key)] = {key(entry): value for entry, value in self._make(path).items()}
        return found

    def entries(self, path: str) -> list[tuple[object, object]]:
        """The entries of the record at `path`, in the order made."""
        return list(self._make(path).items())

    def _make_all(self) -> None:
        if not self._all:
            dict.clear(self)
            self._made.clear()
            self._keyed.clear()
            for record in self._records:
                self._make(record.path)
            self._all = True

    def __missing__(self, key: tuple):
        self._make(self._path_of(key))
        if dict.__contains__(self, key):
            return dict.__getitem__(self, key)
        raise KeyError(key)

    def get(self, key, default=None):
        found = dict.get(self, key, _ABSENT)  # a record's entries, once made, are looked up as in any dict
        return found if found is not _ABSENT else self._make(self._path_of(key)).get(key, default)

    def __contains__(self, key) -> bool:
        return dict.__contains__(self, key) or key in self._make(self._path_of(key))

    def __bool__(self) -> bool:
        return True  # answered without making every entry (an empty corpus has none to make)

    def __len__(self) -> int:
        self._make_all()
        return dict.__len__(self)

    def __iter__(self):
        self._make_all()
        return dict.__iter__(self)

    def keys(self):
        self._make_all()
        return dict.keys(self)

    def values(self):
        self._make_all()
        return dict.values(self)

    def items(self):
        self._make_all()
        return dict.items(self)


def of_record(index: dict[Any, T], path: str) -> dict[Any, T]:
    """The entries of `index` (a `ByRecord`, or any dict with the same keys) that a page of the
    record at `path` looks up: the record's own when `index` makes them by record (`ByRecord.of`)."""
    return index.of(path) if isinstance(index, ByRecord) else index


BlockKey = tuple[int, str, "str | None", int]
"""A question or answer of a record, named within it: (letter index, role, party, number), as its
`Target` names it in the corpus."""


def of_blocks(index: dict[Target, T], path: str) -> dict[BlockKey, T] | _TargetsOf:
    """The entries of `index` (the threads or the statuses: a `ByRecord` by `Target`, or any dict
    with the same keys) of the targets in the record at `path`, to be looked up (`get`) by
    `BlockKey`: a page looks up its questions and answers by a plain tuple, which hashes and
    compares without a call of Python code (a `Target` takes three: its hash, its equality and its
    letter's). Any other dict is looked up by the target each key names (`_TargetsOf`)."""
    if isinstance(index, ByRecord):
        return index.keyed(path, block_key)
    return _TargetsOf(index, path)


def block_key(target: Target) -> BlockKey:
    """The `BlockKey` of `target` (its record's path left out)."""
    return (target.letter.index, target.role, target.party, target.number)


class _TargetsOf:
    """`of_blocks` of a dict that is no `ByRecord`: each `BlockKey` looked up as its `Target`."""

    def __init__(self, index: dict[Target, Any], path: str) -> None:
        self.index, self.path = index, path

    def get(self, key: BlockKey, default: Any = None) -> Any:
        letter, role, party, number = key
        return self.index.get(Target(LetterKey(self.path, letter), role, party, number), default)


def _add(index: dict, key: object, value: object) -> None:
    """Add `value` under `key` unless it is there already (order of first appearance kept).

    The values under a key are a dict used as an ordered set: a paragraph may hold thousands of
    links, and looking each up in a list of the ones before would be quadratic."""
    index.setdefault(key, {})[value] = None
