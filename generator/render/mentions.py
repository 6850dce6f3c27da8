"""Who belongs to and cites what, looked up by letter and by page: gathered once for every renderer.

The link pass finds the references and indexes the dossiers (`Links.references`,
`Links.dossiers`); this module says, for rendering, which letter holds each reference, which
dossiers each letter belongs to or cites, and from which pages each document of the corpus is
cited. No Markdown here: letter pages, dossier pages and the open data read the same index::

    seeds/000 (one letter, 7 oktober 2025) cites `Kamerstuk 26643, nr. 1315` on line 13
    -> citations[<that reference>] == Citation(<that reference>, LetterKey("seeds/000…", 0),
                                               "tweede-kamer/2025-10-07/schriftelijke-vragen.md", 2025-10-07)
       letter_cites[LetterKey("seeds/000…", 0)] == ("26643", "36740")   (it cites them: it is in neither)
    a letter citing `kst-31066-506`, the identifier of a record in the corpus
    -> cited_in[<that record's page>] == (Citation(<the reference>, <the citing letter>, …),)

Dossier pages and feeds live at addresses made from the dossier number alone::

    dossier_page("31066") == "dossiers/31066.md"      dossier_feed("31066") == "feeds/dossier-31066.xml"
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from generator.model import Corpus, LetterKey, Record, Reference
from generator.render.addresses import Addresses, letter_date, record_date, slugify

DOSSIER_INDEX = "dossiers/index.md"
DOSSIER_PAGE = "dossiers/{name}.md"
DOSSIER_FEED = "feeds/dossier-{name}.xml"

_PLAIN_DOSSIER = re.compile(r"^[A-Za-z0-9-]+$")
"""A dossier number that can stand in a file name as it is (`31066`, `36600-VII`)."""


def dossier_name(dossier: str) -> str:
    """Name a dossier in file names: `31066` as it is; a number unfit for a file name is slugged."""
    return dossier if _PLAIN_DOSSIER.match(dossier) else slugify(dossier) or "onbekend"


def dossier_page(dossier: str) -> str:
    """`31066` -> `dossiers/31066.md`: the page listing what the corpus holds of a dossier."""
    return DOSSIER_PAGE.format(name=dossier_name(dossier))


def dossier_feed(dossier: str) -> str:
    """`31066` -> `feeds/dossier-31066.xml`: the Atom feed of a dossier's letters (open data)."""
    return DOSSIER_FEED.format(name=dossier_name(dossier))


@dataclass(frozen=True)
class Citation:
    """A reference as cited: by letter `letter` (None when no single letter of its record holds
    it), shown on page `page` (None when that letter has no page), dated by that letter."""

    reference: Reference
    letter: LetterKey | None
    page: str | None
    date: datetime.date | None


@dataclass(frozen=True)
class Mentions:
    """The corpus's references and dossiers, looked up by what a renderer holds in hand.

    `citations` maps every reference of the link pass to where it is cited, in reading order.
    `documents` maps the official identifier of a record or letter in the corpus to its page.
    `letter_dossiers` and `record_dossiers` give the dossiers a letter (a record) belongs to, by
    number, as its heading or sidecar names them; `letter_cites` and `record_cites` those it only
    cites (a letter citing `Kamerstuk 26643, nr. 1315` is not part of dossier 26643). `cited_in` maps a page to the citations, made on other pages, of the
    documents it shows, in reading order.
    """

    citations: dict[Reference, Citation] = field(default_factory=dict)
    documents: dict[str, str] = field(default_factory=dict)
    letter_dossiers: dict[LetterKey, tuple[str, ...]] = field(default_factory=dict)
    record_dossiers: dict[str, tuple[str, ...]] = field(default_factory=dict)
    cited_in: dict[str, tuple[Citation, ...]] = field(default_factory=dict)
    letter_cites: dict[LetterKey, tuple[str, ...]] = field(default_factory=dict)
    record_cites: dict[str, tuple[str, ...]] = field(default_factory=dict)


def index_mentions(corpus: Corpus, addresses: Addresses) -> Mentions:
    """Gather who cites what and which dossiers each letter belongs to or cites; linear in the corpus."""
    records = {record.path: record for record in corpus.records}
    citations = {
        reference: _citation(reference, records.get(reference.span.path), addresses)
        for reference in corpus.links.references
    }
    by_id = (  # each reference's citation by the object; unless two are equal (one entry for both)
        dict(zip(map(id, corpus.links.references), citations.values())) if len(citations) == len(corpus.links.references) else {}
    )
    documents = _documents(corpus.records, addresses)
    letter_dossiers: dict[LetterKey, list[str]] = {}
    record_dossiers: dict[str, list[str]] = {}
    letter_cites: dict[LetterKey, list[str]] = {}
    record_cites: dict[str, list[str]] = {}
    for dossier, mentions in corpus.links.dossiers:
        for mention in mentions:
            record = records.get(mention.path)
            if record is None:
                continue
            if mention.belongs:
                record_dossiers.setdefault(record.path, []).append(dossier)
                for letter in record.letters:
                    letter_dossiers.setdefault(LetterKey(record.path, letter.index), []).append(dossier)
                continue
            record_cites.setdefault(record.path, []).append(dossier)
            for key in dict.fromkeys(key for cited in mention.citations if (key := _cited_by(cited, citations, by_id)) is not None):
                letter_cites.setdefault(key, []).append(dossier)
    cited_in: dict[str, list[Citation]] = {}
    for citation in citations.values():
        target = documents.get(citation.reference.identifier or "")
        if target is not None and target != citation.page:
            cited_in.setdefault(target, []).append(citation)
    return Mentions(
        citations,
        documents,
        {key: tuple(dict.fromkeys(found)) for key, found in letter_dossiers.items()},
        {path: tuple(dict.fromkeys(found)) for path, found in record_dossiers.items()},
        {page: tuple(found) for page, found in cited_in.items()},
        {key: tuple(dict.fromkeys(found)) for key, found in letter_cites.items()},
        {path: tuple(dict.fromkeys(found)) for path, found in record_cites.items()},
    )


def _cited_by(reference: Reference, citations: dict[Reference, Citation], by_id: dict[int, Citation]) -> LetterKey | None:
    """The letter citing `reference`: found by the object (`by_id`: a dossier's mentions hold the
    link pass's references themselves, and a Reference's hash is a call for each of its parts)."""
    citation = by_id.get(id(reference)) or citations.get(reference)
    return citation.letter if citation is not None else None


def _citation(reference: Reference, record: Record | None, addresses: Addresses) -> Citation:
    """Find the letter citing `reference` (`Reference.letter`), else its record's only letter."""
    if record is None:
        return Citation(reference, None, None, None)
    index = reference.letter
    if index is None and len(record.letters) == 1:
        index = record.letters[0].index
    letter = next((letter for letter in record.letters if letter.index == index), None)
    if letter is None:
        return Citation(reference, None, _record_page(record, addresses), record_date(record))
    key = LetterKey(record.path, letter.index)
    return Citation(reference, key, addresses.letter_page(key), letter_date(record, letter) or record_date(record))


def _record_page(record: Record, addresses: Addresses) -> str | None:
    """The page standing for a whole record: its record page, or else its first letter's page."""
    pages = (addresses.letter_page(LetterKey(record.path, letter.index)) for letter in record.letters)
    return addresses.record_page(record) or next(filter(None, pages), None)


def _documents(records: tuple[Record, ...], addresses: Addresses) -> dict[str, str]:
    """Map the official identifiers of records and letters in the corpus to their pages (first one wins)."""
    found: dict[str, str] = {}
    for record in records:
        record_page = _record_page(record, addresses)
        if record.identifier and record_page is not None:
            found.setdefault(record.identifier, record_page)
        for letter in record.letters:
            page = addresses.letter_page(LetterKey(record.path, letter.index))
            for identifier in letter.identifiers if page is not None else ():
                found.setdefault(identifier, page)
    return found
