"""What every renderer needs to know about the whole corpus, gathered once: pages and links."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.model import Corpus, Letter, LetterKey, Record, Target, Term, TermUse, TextLink
from generator.render.addresses import Addresses, assign_addresses
from generator.render.mentions import Mentions, index_mentions


@dataclass(frozen=True)
class RenderContext:
    """The corpus with its addresses and its links, looked up by what a renderer holds in hand.

    `threads` maps a question to the answers that answer it and an answer to the questions it
    answers; `statuses` maps a question or answer to its status labels; `text_links` maps
    (record path, paragraph key) to the links over that paragraph's text. `open_data` says
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


def build_context(corpus: Corpus, open_data: bool = False, site_url: str | None = None) -> RenderContext:
    """Gather addresses and index the link pass's findings for rendering."""
    letters = {
        LetterKey(record.path, letter.index): (record, letter)
        for record in corpus.records
        for letter in record.letters
    }
    threads: dict[Target, dict[Target, None]] = {}
    for thread in corpus.links.threads:
        _add(threads, thread.question, thread.answer)
        _add(threads, thread.answer, thread.question)
    statuses: dict[Target, dict[str, None]] = {}
    for target, status in corpus.links.statuses:
        _add(statuses, target, status)
    text_links: dict[tuple[str, str], dict[TextLink, None]] = {}
    for link in corpus.links.text_links:
        _add(text_links, (link.path, link.paragraph), link)
    terms: dict[tuple[str, str], list[TermUse]] = {}
    for use in corpus.links.terms:
        _add(terms, (use.path, use.paragraph), use)
    addresses = assign_addresses(corpus)
    return RenderContext(
        corpus,
        addresses,
        letters,
        {key: tuple(values) for key, values in threads.items()},
        {key: tuple(values) for key, values in statuses.items()},
        {key: tuple(values) for key, values in text_links.items()},
        open_data,
        index_mentions(corpus, addresses),
        site_url=site_url,
        terms={key: tuple(values) for key, values in terms.items()},
        glossary={term.name: term for term in corpus.glossary},
        records={record.path: record for record in corpus.records},
    )


def _add(index: dict, key: object, value: object) -> None:
    """Add `value` under `key` unless it is there already (order of first appearance kept).

    The values under a key are a dict used as an ordered set: a paragraph may hold thousands of
    links, and looking each up in a list of the ones before would be quadratic."""
    index.setdefault(key, {})[value] = None
