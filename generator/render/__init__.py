"""Render the linked corpus as Markdown pages: pure functions, no I/O.

`render_site(corpus)` maps each page's path inside the docs folder to its Markdown text::

    index.md                                            the home page: the newest records, every month
    stukken/2025-10.md                                  the records of one month
    eerste-kamer/2026-02-12/antwoordbrief.md            one letter
    eerste-kamer/2026-02-12/verslag-schriftelijk-overleg.md   a record of several letters
    dossiers/31066.md, tijdlijn.md, personen.md, partijen.md  pages across the corpus (overviews)

The same model always renders to the same text, byte for byte. No two producers ever share a
path: a dossier page that would land on the dossier overview (or on any other page) is refused,
naming the source that asked for it (`page_sources`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from generator.errors import SourceError
from generator.model import Corpus, DossierMention, LetterKey, Record
from generator.render.annotations import placed_notes
from generator.render.cited import render_cited_in
from generator.render.places import lazy_text_places
from generator.render.context import RenderContext, build_context
from generator.render.data import OpenDataLookup, RecordData, open_data_lookup, render_corpus_data, render_record_data
from generator.render.labels import letter_title
from generator.render.markdown import render_letter_page
from generator.render.metadata import record_title
from generator.render.addresses import Addresses, assign_addresses
from generator.render.mentions import DOSSIER_INDEX, dossier_feed, dossier_page
from generator.render.overviews import render_overviews
from generator.render.pages import HOME, render_home, render_month_pages, render_record_page, render_shared_page
from generator.render.timeline import events_by_letter

__all__ = [
    "PageConflict", "page_sources", "render_context", "render_corpus_data", "render_record", "render_site", "render_site_pages",
]


class PageConflict(SourceError):
    """A page would land where another page of the site is: named at the source that asked for it."""


def render_site(corpus: Corpus, site_url: str | None = None) -> dict[str, str]:
    """Render every page of the site: home, a page a month, multi-letter records, letters, the pages at addresses
    several letters wanted, and the overviews (dossiers, timeline, people, parties); with the
    site's address, also the open data (JSON, CSV, Atom feeds) that needs absolute URLs. Sorted by path.

    All at once, for a small corpus and for tests: a build renders the same pages a record at a
    time (`render_context`, `render_record`, `render_site_pages`, and the corpus-wide open data in
    pieces: `generator.render.data.CorpusData`) and writes each as it comes. Raises `PageConflict` when a dossier's page would be another page of the site (`index`).
    """
    context = render_context(corpus, site_url)
    lookup = open_data_lookup(context) if site_url else None
    pages = dict(render_site_pages(context))
    records = []
    for record in corpus.records:
        own, data = render_record(record, context, lookup)
        pages.update(own)
        records.append(data)
    if lookup is not None:
        entries = [entry for data in records for entry in data.entries]
        pages.update(render_corpus_data(lookup, entries, [data.corpus_items for data in records], [data.pairs for data in records]))
    return dict(sorted(pages.items()))


def render_context(corpus: Corpus, site_url: str | None = None, addresses: Addresses | None = None) -> RenderContext:
    """Gather, once, what every page is rendered from (`build_context`, the notes at their anchors,
    the places of the text, the events each letter dates); with the site's address, the open data
    is rendered too. `addresses`: the corpus's pages, when made already (`assign_addresses`).
    Raises `PageConflict` when a dossier's page would be another page of the site."""
    context = build_context(corpus, open_data=bool(site_url), site_url=site_url, addresses=addresses)
    context = replace(context, notes=placed_notes(context))  # notes at their anchors
    context = replace(context, places=lazy_text_places(context))  # each record's made when first looked up
    context = replace(context, events=events_by_letter(corpus))
    _refuse_shared_dossier_pages(corpus)
    return context


def render_record(
    record: Record, context: RenderContext, lookup: OpenDataLookup | None = None
) -> tuple[list[tuple[str, str]], RecordData | None]:
    """Render one record's own pages: its record page (a record of several letters has one) and its
    letters' pages, each with its list of the letters citing it when its page names only the newest
    (`render_cited_in`); with the open data's `lookup`, its letters' JSON files too, and what the
    corpus-wide open data keeps of them (`render_corpus_data`)."""
    pages = []
    record_page = context.addresses.record_page(record)
    if record_page is not None:
        pages.append((record_page, render_record_page(record, record_page, context)))
        pages += render_cited_in(record_page, record_title(record), context)
    for letter in record.letters:
        page = context.addresses.letter_page(LetterKey(record.path, letter.index))
        if page is not None and page != record_page:
            pages.append((page, render_letter_page(record, letter, page, context)))
            pages += render_cited_in(page, letter_title(record, letter), context)
    if lookup is None:
        return pages, None
    data = render_record_data(record, lookup)
    return pages + list(data.files), data


def render_site_pages(context: RenderContext) -> Iterator[tuple[str, str]]:
    """Render the pages that are no record's own, one after another: the home page, a page a
    month, the pages at addresses several letters wanted, and the overviews."""
    yield HOME, render_home(context)
    yield from render_month_pages(context).items()
    for path, owners in context.addresses.shared.items():
        yield path, render_shared_page(path, owners, context)
    yield from render_overviews(context)  # dossier pages, timeline, registers of people and parties


def _refuse_shared_dossier_pages(corpus: Corpus) -> None:
    """Refuse a dossier whose page is the dossier overview (`index`) or another dossier's page."""
    records = {record.path: record for record in corpus.records}
    claimed: dict[str, str | None] = {DOSSIER_INDEX: None}
    for dossier, mentions in corpus.links.dossiers:
        page = dossier_page(dossier)
        if page in claimed:
            _, path, line = (_dossier_sources(mentions, records) or [("", page, 1)])[0]
            other = "the dossier overview" if claimed[page] is None else f"dossier {claimed[page]!r}"
            raise PageConflict(path, line, f"dossier {dossier!r} would get the page of {other} ({page}); refused", dossier)
        claimed[page] = dossier


def page_sources(corpus: Corpus) -> dict[str, tuple[tuple[str, str, int], ...]]:
    """Name, for each page a record asks for, where it asks: (record path, source path, line).

    A letter's or record's page (and its JSON) comes from the record's text; a dossier's page and
    feed from the sidecar line listing the dossier (`seeds/x.toml:3`), the title block naming it,
    or each reference citing it. Pages of the site itself (home, timeline, …) are not listed.
    """
    addresses = assign_addresses(corpus)
    records = {record.path: record for record in corpus.records}
    sources: dict[str, list[tuple[str, str, int]]] = {}
    for record in corpus.records:
        where = (record.path, record.path, _first_line(record))
        pages = [addresses.record_page(record)] + [addresses.letter_page(LetterKey(record.path, letter.index)) for letter in record.letters]
        for page in filter(None, pages):
            for path in (page, page.removesuffix(".md") + ".json"):
                sources.setdefault(path, []).append(where)
    for path, owners in addresses.shared.items():
        for record_path, _ in owners:
            sources.setdefault(path, []).append((record_path, record_path, _first_line(records[record_path])))
    for dossier, mentions in corpus.links.dossiers:
        for path in (dossier_page(dossier), dossier_feed(dossier)):
            sources.setdefault(path, []).extend(_dossier_sources(mentions, records))
    return {path: tuple(dict.fromkeys(found)) for path, found in sources.items()}


def _dossier_sources(mentions: tuple[DossierMention, ...], records: dict[str, Record]) -> list[tuple[str, str, int]]:
    """Where records ask for a dossier's page: (record path, source path, line) of each mention."""
    found = []
    for mention in mentions:
        record = records.get(mention.path)
        if mention.belongs and record is not None:
            found.append((mention.path, *_dossiers_written(record)))
        found += [(mention.path, cited.span.path, cited.span.line) for cited in mention.citations]
    return found


def _first_line(record: Record) -> int:
    return min((letter.span.line for letter in record.letters), default=1)


def _dossiers_written(record: Record) -> tuple[str, int]:
    """Where a record's dossiers are written: its sidecar's `dossiers` line, else its text."""
    line = dict(record.sidecar.lines).get("dossiers") if record.sidecar is not None else None
    if record.sidecar is not None and line is not None:
        return record.sidecar.path, line
    return record.path, _first_line(record)
