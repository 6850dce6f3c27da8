"""Render the dossier pages: one per dossier number the corpus belongs to or cites, and their index.

    dossiers/index.md     Dossiers: every dossier by number, with how many letters are in it or cite it
    dossiers/31066.md     Dossier 31066: the letters in it, the letters citing it, the documents cited
                          (the newest `NEWEST_ON_PAGE` of each), and a link to each year's page
    dossiers/31066/2025.md  every letter of 2025 in the dossier or citing it (continued on
                            `dossiers/31066/2025/2.md` after `LETTERS_PER_PAGE`; the index on
                            `dossiers/index/2.md` after `DOSSIERS_PER_PAGE`)

A letter is in a dossier when its record's sidecar says so (`DossierMention.belongs`: every letter
of the record); it cites the dossier when one of its references names it. Letters and cited
documents are listed newest first (a cited document by the date of the letter citing it); a
document cited several times in one letter is listed once, with the count.
"""

from __future__ import annotations

from collections import Counter

from generator.model import DossierMention, LetterKey, Record, Reference
from generator.render.addresses import letter_date, record_date, relative_link
from generator.render.cited import citing_label, letters_newest_first, newest_first
from generator.render.context import RenderContext
from generator.render.escape import escape_line, front_matter, safe_url
from generator.render.blocks import PageIds, heading_block, join_blocks, metadata_block, title_block
from generator.render.labels import letter_label
from generator.render.metadata import record_title
from generator.render.mentions import DOSSIER_INDEX, dossier_feed, dossier_page
from generator.render.paging import chunked, continued_pages, page_title, pages_line
from generator.render.timeline import DOSSIER_SLICE_HEADING, timeline_slice

__all__ = ["render_dossiers"]

INDEX_TITLE = "Dossiers"
INDEX_INTRO = (
    "Een Kamerdossier bundelt de stukken over één onderwerp onder één nummer. Hier staat elk dossier "
    "waar een brief op deze site bij hoort of naar verwijst, met de brieven en de geciteerde stukken."
)
PAGE_INTRO = (
    "De brieven op deze site die bij dossier {number} horen of ernaar verwijzen, en de stukken uit het "
    "dossier die zij citeren. Nieuwste eerst."
)


NEWEST_ON_PAGE = 50
"""How many letters (and cited documents) of each list a dossier's page shows, newest first; the
dossier's page per year lists every one of its year, so no page grows with the corpus."""
LETTERS_PER_PAGE = 100
"""How many letters a dossier's page per year lists before it continues on `dossiers/31066/2025/2.md`."""
DOSSIERS_PER_PAGE = 500
"""How many dossiers the dossier index lists before it continues on `dossiers/index/2.md`."""


def render_dossiers(context: RenderContext) -> dict[str, str]:
    """Render the dossier index, one page per dossier the link pass indexed (`Links.dossiers`),
    and a page per year of each dossier's letters (`dossiers/31066/2025.md`)."""
    records = {record.path: record for record in context.corpus.records}
    listed = {
        dossier: _letters(mentions, records, context) for dossier, mentions in context.corpus.links.dossiers
    }
    pages = _render_index(listed)
    for dossier, mentions in context.corpus.links.dossiers:
        pages[dossier_page(dossier)] = _render_dossier(dossier, mentions, listed[dossier], records, context)
        pages.update(_render_years(dossier, listed[dossier], context))
    return pages


def _year(key: LetterKey, context: RenderContext) -> int | None:
    record, letter = context.letters[key]
    date = letter_date(record, letter) or record_date(record)
    return date.year if date else None


def year_page(dossier: str, year: int | None) -> str:
    """`dossiers/31066/2025.md`; letters without a date: `dossiers/31066/zonder-datum.md`."""
    return dossier_page(dossier).removesuffix(".md") + (f"/{year}.md" if year else "/zonder-datum.md")


def _render_years(dossier: str, listed: tuple[list[LetterKey], list[LetterKey]], context: RenderContext) -> dict[str, str]:
    """Render a page for each year of the dossier's letters: those in it and those citing it,
    `LETTERS_PER_PAGE` a page, continued on `dossiers/31066/2025/2.md`, …"""
    by_year: dict[int | None, list[tuple[int, LetterKey]]] = {}
    for position, keys in enumerate(listed):
        for key in keys:
            by_year.setdefault(_year(key, context), []).append((position, key))
    pages = {}
    for year, in_year in by_year.items():
        chunks = chunked(in_year, LETTERS_PER_PAGE)
        addresses = continued_pages(year_page(dossier, year), len(chunks))
        for number, (page, chunk) in enumerate(zip(addresses, chunks), 1):
            ids = PageIds()
            title = page_title(f"Dossier {dossier}, {year}" if year else f"Dossier {dossier}, zonder datum", number)
            blocks = [
                front_matter(title), title_block(title, ids),
                f"Alle brieven van {year or 'zonder datum'} die bij dossier {escape_line(dossier)} horen of ernaar verwijzen, "
                f"nieuwste eerst. Terug naar [dossier {escape_line(dossier)}]({relative_link(page, dossier_page(dossier))}).",
                pages_line(addresses, number),
            ]
            members = [key for position, key in chunk if position == 0]
            citing = [key for position, key in chunk if position == 1]
            blocks += _letter_lists(members, citing, page, context, ids)
            pages[page] = join_blocks(blocks)
    return pages


def _year_links(dossier: str, listed: tuple[list[LetterKey], list[LetterKey]], page: str, context: RenderContext) -> str:
    """`Per jaar: [2026](31066/2026.md) (3 brieven), [2025](31066/2025.md) (1 brief)`, newest first."""
    counts = Counter(_year(key, context) for keys in listed for key in keys)
    years = sorted(counts, key=lambda year: (year is None, -(year or 0)))
    links = [
        f"[{year or 'zonder datum'}]({relative_link(page, year_page(dossier, year))}) ({_count(counts[year], 'brief', 'brieven')})"
        for year in years
    ]
    return "Per jaar: " + ", ".join(links) + "."


def _letter_lists(
    members: list[LetterKey], citing: list[LetterKey], page: str, context: RenderContext, ids: PageIds
) -> list[str]:
    blocks = []
    for heading, keys in (("Brieven in dit dossier", members), ("Brieven die dit dossier citeren", citing)):
        if keys:
            blocks.append(heading_block(2, heading, ids))
            blocks.append("\n".join(_letter_item(key, page, context) for key in keys))
    return blocks


def _render_index(listed: dict[str, tuple[list[LetterKey], list[LetterKey]]]) -> dict[str, str]:
    """List every dossier by number, with how many letters are in it and how many cite it:
    `DOSSIERS_PER_PAGE` a page, continued on `dossiers/index/2.md`, …"""
    items = []
    for dossier, (members, citing) in listed.items():
        counts = [
            f"{_count(len(members), 'brief', 'brieven')} in het dossier" if members else "",
            f"{_count(len(citing), 'brief citeert', 'brieven citeren')} het" if citing else "",
        ]
        about = f" — {', '.join(filter(None, counts))}" if any(counts) else ""
        items.append((dossier, about))
    chunks = chunked(items, DOSSIERS_PER_PAGE)
    addresses = continued_pages(DOSSIER_INDEX, len(chunks))
    pages = {}
    for number, (page, chunk) in enumerate(zip(addresses, chunks), 1):
        lines = [f"- [Dossier {escape_line(dossier)}]({relative_link(page, dossier_page(dossier))}){about}" for dossier, about in chunk]
        title = page_title(INDEX_TITLE, number)
        pages[page] = join_blocks([
            front_matter(title), title_block(title, PageIds()), INDEX_INTRO, pages_line(addresses, number),
            "\n".join(lines) or "Er zijn nog geen dossiers.",
        ])
    return pages


def _count(number: int, one: str, more: str) -> str:
    """`1 brief`, `3 brieven`."""
    return f"{number} {one if number == 1 else more}"


def _render_dossier(
    dossier: str,
    mentions: tuple[DossierMention, ...],
    listed: tuple[list[LetterKey], list[LetterKey]],
    records: dict[str, Record],
    context: RenderContext,
) -> str:
    """Render one dossier: its letters, the letters citing it, and the documents of it they cite."""
    page = dossier_page(dossier)
    ids = PageIds()
    title = f"Dossier {dossier}"
    members, citing = listed
    feed = (
        f"[nieuwe brieven in dossier {escape_line(dossier)}]({relative_link(page, dossier_feed(dossier))})"
        if context.open_data and (members or citing)  # the open data has a feed for each dossier with letters
        else ""
    )
    blocks = [
        front_matter(title),
        title_block(title, ids),
        PAGE_INTRO.format(number=escape_line(dossier)),
        metadata_block([("Atom-feed", feed), ("Alle dossiers", f"[overzicht]({relative_link(page, DOSSIER_INDEX)})")]),
    ]
    if members or citing:
        blocks.append(_year_links(dossier, listed, page, context))
    shown = {*members[:NEWEST_ON_PAGE], *citing[:NEWEST_ON_PAGE]}
    shortened = len(shown) < len(members) + len(citing)
    if shortened:
        blocks.append(f"Hieronder de {NEWEST_ON_PAGE} nieuwste brieven van elke lijst; de pagina's per jaar noemen ze alle.")
    blocks += _letter_lists(members[:NEWEST_ON_PAGE], citing[:NEWEST_ON_PAGE], page, context, ids)
    cited = _cited_documents(mentions, page, context)
    if cited:
        blocks.append(heading_block(2, "Geciteerde stukken", ids))
        blocks.append("\n".join(cited[:NEWEST_ON_PAGE]))
    in_dossier = {  # from the dossier's own mentions, not a pass over the corpus for every dossier
        LetterKey(m.path, letter.index) for m in mentions if m.belongs and m.path in records for letter in records[m.path].letters
    }
    if shortened:
        in_dossier &= shown  # the events of the letters the page shows
    blocks += timeline_slice(in_dossier, page, context, ids, DOSSIER_SLICE_HEADING)
    return join_blocks(blocks)


def _letters(
    mentions: tuple[DossierMention, ...], records: dict, context: RenderContext
) -> tuple[list[LetterKey], list[LetterKey]]:
    """The letters in the dossier, and those citing it without being in it: one per page, newest first."""
    members: list[LetterKey] = []
    citing: list[LetterKey] = []
    for mention in mentions:
        record = records.get(mention.path)
        if record is not None and mention.belongs:
            members += [LetterKey(record.path, letter.index) for letter in record.letters]
        for reference in mention.citations:
            citation = context.mentions.citations.get(reference)
            if citation is not None and citation.letter is not None:
                citing.append(citation.letter)
    members = _one_per_page(members, context)
    shown = {context.addresses.letter_page(key) for key in members}
    return members, [key for key in _one_per_page(citing, context) if context.addresses.letter_page(key) not in shown]


def _one_per_page(keys: list[LetterKey], context: RenderContext) -> list[LetterKey]:
    """Keep the first letter shown on each page (a record page shows its cover note), newest first."""
    by_page: dict[str, LetterKey] = {}
    for key in keys:
        page = context.addresses.letter_page(key)
        if page is not None:
            by_page.setdefault(page, key)
    return letters_newest_first(by_page.values(), context)


def _letter_item(key: LetterKey, page: str, context: RenderContext) -> str:
    """`- [Antwoordbrief, 12 februari 2026](…) — Verslag van een schriftelijk overleg over …`."""
    record, letter = context.letters[key]
    target = context.addresses.letter_page(key) or page
    return f"- [{letter_label(record, letter)}]({relative_link(page, target)}) — {escape_line(record_title(record))}"


def _cited_documents(mentions: tuple[DossierMention, ...], page: str, context: RenderContext) -> list[str]:
    """List the documents of the dossier cited in the corpus, as printed, newest citing letter first.

    `- Kamerstukken II, 2025/26, 31066, nr. 506 ([officiële publicatie](https://…)) — geciteerd in
    [Antwoordbrief, 12 februari 2026](…)`; a document the corpus holds links to its page too.
    """
    citations = [
        citation
        for mention in mentions
        for reference in mention.citations
        if (citation := context.mentions.citations.get(reference)) is not None
    ]
    grouped: dict[tuple[str, str | None, str | None], list[Reference]] = {}
    for citation in newest_first(citations):
        reference = citation.reference
        grouped.setdefault((" ".join(reference.text.split()), safe_url(reference.url), citation.page), []).append(reference)
    items = []
    for (text, url, citing_page), references in grouped.items():
        links = [f"[officiële publicatie]({url})"] if url else []
        in_corpus = context.mentions.documents.get(references[0].identifier or "")
        if in_corpus is not None:
            links.append(f"[op deze site]({relative_link(page, in_corpus)})")
        shown = escape_line(text) + (f" ({', '.join(links)})" if links else "")
        times = f"{len(references)} keer " if len(references) > 1 else ""
        citation = context.mentions.citations[references[0]]
        where = (
            f"[{citing_label(citation, context)}]({relative_link(page, citing_page)})"
            if citing_page is not None
            else citing_label(citation, context)
        )
        items.append(f"- {shown} — {times}geciteerd in {where}")
    return items
