"""Render where a letter or record stands in the corpus: the dossiers it belongs to or cites, and
the letters that cite it. Lines of its page's metadata list, values already Markdown::

    - **Dossiers:** [31066](../../dossiers/31066.md), [26643](../../dossiers/26643.md)
    - **Citeert uit dossiers:** [36740](../../dossiers/36740.md)   (cited, not part of it)
    - **Geciteerd in:** [Antwoordbrief, 12 februari 2026](../2026-02-12/antwoordbrief.md) (‘Kamerstukken II, 2025/26, 31066, nr. 506’)

A letter is cited where a reference elsewhere in the corpus carries the official identifier of
its record or of the letter itself (`generator.render.mentions`). A page nobody cites has no
"Geciteerd in" line at all, as a page without dossiers has no "Dossiers" line: the metadata
list shows what is known and leaves out what is not.

The line names the newest `CITED_ON_PAGE` citing letters, so a much-cited letter's page does not
grow with the corpus; the others are counted, and every one is listed, newest first, on pages of
its own in a folder of the letter's page (`render_cited_in`)::

    - **Geciteerd in:** [Antwoordbrief, 12 februari 2026](…) (‘…’), … en 212 andere ([alle 222 citerende brieven](antwoordbrief/geciteerd-in.md))
    eerste-kamer/2026-02-12/antwoordbrief/geciteerd-in.md, …/geciteerd-in/2.md, …   (`CITING_PER_PAGE` a page)
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from generator.model import Letter, LetterKey, Record
from generator.render.addresses import letter_date, record_date, relative_link
from generator.render.context import RenderContext
from generator.render.blocks import PageIds, join_blocks, title_block
from generator.render.escape import escape_line, front_matter
from generator.render.labels import letter_label
from generator.render.metadata import record_title, source_metadata
from generator.render.mentions import Citation, dossier_page
from generator.render.paging import chunked, continued_pages, page_title, pages_line

__all__ = ["cited_in_list", "citing_label", "letters_newest_first", "mention_metadata", "newest_first", "render_cited_in"]

CITED_IN = "Geciteerd in"
CITES_DOSSIERS = "Citeert uit dossiers"
"""The dossiers a letter cites without being part of them (`Kamerstuk 26643, nr. 1315`)."""
CITED_ON_PAGE = 10
"""How many citing letters a page's "Geciteerd in" line links, newest first; more are counted,
and listed on the page's own list of them (`render_cited_in`)."""
CITING_PER_PAGE = 100
"""How many citing letters a page of that list holds before it continues on `…/geciteerd-in/2.md`."""
CITED_IN_FOLDER = "geciteerd-in"
"""The name of that list's first page, in a folder of the cited page's name (no letter's page is there)."""


def mention_metadata(
    record: Record, page: str, context: RenderContext, letter: Letter | None = None
) -> list[tuple[str, str]]:
    """List where a letter (or, without `letter`, a record) comes from and where it stands:
    its dossiers as links to their pages, its source, and the letters citing what `page` shows."""
    cites = (CITES_DOSSIERS, _dossier_links(record, page, context, letter, cited=True))
    return [*source_metadata(record, _dossier_links(record, page, context, letter)), cites, _cited_in(page, context)]


def _dossier_links(record: Record, page: str, context: RenderContext, letter: Letter | None, cited: bool = False) -> str:
    """Link the dossiers the letter (or record) belongs to, or with `cited` those it only cites;
    unlinked corpora show the sidecar's."""
    if not context.corpus.links.dossiers:  # the link pass did not run: no dossier pages either
        return "" if cited else ", ".join(escape_line(dossier) for dossier in record.dossiers)
    mentions = context.mentions
    on_own_page = letter is not None and context.addresses.record_page(record) not in (None, page)
    by_letter, by_record = (mentions.letter_cites, mentions.record_cites) if cited else (mentions.letter_dossiers, mentions.record_dossiers)
    dossiers = (
        by_letter.get(LetterKey(record.path, letter.index), ())
        if on_own_page and letter is not None
        else by_record.get(record.path, ())
    )
    return ", ".join(f"[{escape_line(dossier)}]({relative_link(page, dossier_page(dossier))})" for dossier in dossiers)


def _cited_in(page: str, context: RenderContext) -> tuple[str, str]:
    """Link the newest `CITED_ON_PAGE` letters citing a document the page shows, each with what it
    cites as printed; count the others, and link the list of all of them (`render_cited_in`)."""
    citing = _citing_pages(page, context)
    items = [_citing_item(page, citing_page, citations, context) for citing_page, citations in citing[:CITED_ON_PAGE]]
    if len(citing) > CITED_ON_PAGE:
        everyone = f"[alle {len(citing)} citerende brieven]({relative_link(page, cited_in_list(page))})"
        return (CITED_IN, f"{', '.join(items)} en {len(citing) - CITED_ON_PAGE} andere ({everyone})")
    return (CITED_IN, ", ".join(items))


def cited_in_list(page: str) -> str:
    """The first page of the list of letters citing `page`: `x/y.md` -> `x/y/geciteerd-in.md`."""
    return f"{page.removesuffix('.md')}/{CITED_IN_FOLDER}.md"


def render_cited_in(page: str, title: str, context: RenderContext) -> list[tuple[str, str]]:
    """Render the list of every letter citing a document `page` (titled `title`) shows, newest first,
    `CITING_PER_PAGE` a page (`x/y/geciteerd-in.md`, `x/y/geciteerd-in/2.md`, …): only for a page
    whose "Geciteerd in" line names fewer than there are (`CITED_ON_PAGE`)."""
    citing = _citing_pages(page, context)
    if len(citing) <= CITED_ON_PAGE:
        return []
    chunks = chunked(citing, CITING_PER_PAGE)
    addresses = continued_pages(cited_in_list(page), len(chunks))
    rendered = []
    for number, (here, chunk) in enumerate(zip(addresses, chunks), 1):
        heading = page_title(f"Verwijzingen naar {title}", number)
        intro = (
            f"Alle {len(citing)} brieven op deze site die [{escape_line(title)}]({relative_link(here, page)}) citeren, "
            "nieuwste eerst, met wat zij citeren zoals het er staat."
        )
        items = "\n".join(f"- {_citing_item(here, citing_page, citations, context)}" for citing_page, citations in chunk)
        rendered.append((here, join_blocks([front_matter(heading), title_block(heading, PageIds()), intro, pages_line(addresses, number), items])))
    return rendered


def _citing_pages(page: str, context: RenderContext) -> list[tuple[str, list[Citation]]]:
    """The pages of the letters citing a document `page` shows, newest first, each with its citations."""
    by_page: dict[str, list[Citation]] = {}
    for citation in newest_first(context.mentions.cited_in.get(page, ())):
        if citation.page is not None:
            by_page.setdefault(citation.page, []).append(citation)
    return list(by_page.items())


def _citing_item(page: str, citing_page: str, citations: list[Citation], context: RenderContext) -> str:
    """`[Antwoordbrief, 12 februari 2026](…) (‘Kamerstukken II, 2025/26, 31066, nr. 506’)`, linked from `page`."""
    texts = "; ".join(f"‘{escape_line(text)}’" for text in dict.fromkeys(c.reference.text for c in citations))
    return f"[{citing_label(citations[0], context)}]({relative_link(page, citing_page)}) ({texts})"


def citing_label(citation: Citation, context: RenderContext) -> str:
    """Name the letter a citation stands in (`Antwoordbrief, 12 februari 2026`), or its record (escaped)."""
    found = context.letter(citation.letter) if citation.letter is not None else None
    if found is not None:
        return letter_label(*found)
    first = context.letter(LetterKey(citation.reference.span.path, 0))  # any letter of the record names it
    return escape_line(record_title(first[0])) if first is not None else escape_line(citation.reference.span.path)


def newest_first(citations: tuple[Citation, ...] | list[Citation]) -> list[Citation]:
    """Sort citations by their letters' dates, newest first, undated last; reading order otherwise."""
    return sorted(citations, key=lambda citation: _newest_first_key(citation.date))


def letters_newest_first(keys: Iterable[LetterKey], context: RenderContext) -> list[LetterKey]:
    """The letters once each, newest first (by their own date, else their record's), undated last,
    then by source path and place in the record."""
    letters = context.letters

    def order(key: LetterKey) -> tuple[bool, int, str, int]:  # two calls a letter, not five: the overviews sort thousands
        found = letters.get(key)
        date = (letter_date(*found) or record_date(found[0])) if found is not None else None
        return (*_newest_first_key(date), key.path, key.index)

    return sorted(dict.fromkeys(keys), key=order)


def _newest_first_key(date: datetime.date | None) -> tuple[bool, int]:
    return (date is None, -date.toordinal() if date else 0)
