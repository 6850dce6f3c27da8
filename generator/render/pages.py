"""Render the pages around the letters: the home page and the page of a multi-letter record."""

from __future__ import annotations

import datetime
from collections import Counter

from generator.model import Letter, LetterKey, Record
from generator.render.addresses import cover_note, letter_dates, record_date, relative_link
from generator.render.cited import mention_metadata
from generator.render.context import RenderContext
from generator.render.labels import MONTHS, dates_label
from generator.render.statuses import corpus_status_summary, letter_status_summary
from generator.render.escape import escape_line, front_matter
from generator.render.blocks import PageIds, heading_block, join_blocks, metadata_block, title_block
from generator.render.labels import capitalized, dutch_date, letter_label, letter_title, record_kind_label
from generator.render.markdown import LetterText
from generator.render.metadata import identifiers_text, letter_metadata, open_data_metadata, record_title
from generator.render.overviews import overview_links
from generator.render.paging import chunked, continued_pages, page_title, pages_line
from generator.render.timeline import timeline_slice

HOME = "index.md"
HOME_TITLE = "Brieven, vragen en antwoorden"
"""The home page's title: what it holds. The theme adds the site's name (`… - Kamerdossier`), so
the title does not say it again (`Kamerdossier - Kamerdossier`)."""

HOME_INTRO = (
    "Kamerdossier zet brieven tussen de Staten-Generaal en de regering op een rij: schriftelijke "
    "vragen, brieven van Kamercommissies en de antwoorden daarop. Elke vraag en elk antwoord "
    "heeft een eigen, vast adres, zodat u er rechtstreeks naar kunt verwijzen."
)
HOME_LINKS = (
    "Lees [waar de teksten vandaan komen](over.md) en [hoe u een vraag of antwoord citeert](citeren.md)."
)


NEWEST_ON_HOME = 20
"""How many records the home page lists itself, newest first; every record is on its month's page."""
RECORDS_PER_PAGE = 100
"""How many records a month's page lists before it continues on `stukken/2025-10/2.md`."""
MONTHS_FOLDER = "stukken"
UNDATED = f"{MONTHS_FOLDER}/zonder-datum.md"


def render_home(context: RenderContext) -> str:
    """Render the home page: a short introduction, the newest records with their letters, and a
    link to every month's page (`render_month_pages`), so its size does not grow with the corpus."""
    ids = PageIds()
    blocks = [front_matter(HOME_TITLE), title_block(HOME_TITLE, ids), HOME_INTRO, HOME_LINKS, overview_links(HOME)]
    records = sorted(context.corpus.records, key=_newest_first)
    blocks.append(heading_block(2, "Stukken", ids))
    summary = corpus_status_summary(context)
    if summary:
        blocks.append(f"Alle vragen samen: {summary}.")
    newest = records[:NEWEST_ON_HOME]
    blocks.append("\n".join(_record_item(record, HOME, context) for record in newest) or "Er zijn nog geen stukken.")
    if records:
        blocks.append(heading_block(2, "Alle stukken per maand", ids))
        blocks.append(_month_index(records))
    return join_blocks(blocks)


def month_page(record: Record) -> str:
    """The page listing the records of `record`'s month: `stukken/2025-10.md` (by `record_date`)."""
    date = record_date(record)
    return f"{MONTHS_FOLDER}/{date.year:04d}-{date.month:02d}.md" if date else UNDATED


def _month_index(records: list[Record]) -> str:
    """One line a year, newest first, linking each month's page with its number of records:
    `- 2025: [oktober](stukken/2025-10.md) (1), [december](stukken/2025-12.md) (3)`."""
    counts = Counter(month_page(record) for record in records)
    years: dict[str, list[str]] = {}
    for page in sorted(counts, reverse=True):
        if page != UNDATED:
            year, month = page.removeprefix(f"{MONTHS_FOLDER}/").removesuffix(".md").split("-")
            years.setdefault(year, []).insert(0, f"[{MONTHS[int(month) - 1]}]({page}) ({counts[page]})")
    lines = [f"- {year}: {', '.join(months)}" for year, months in years.items()]
    if UNDATED in counts:
        lines.append(f"- [Zonder datum]({UNDATED}) ({counts[UNDATED]})")
    return "\n".join(lines)


def render_month_pages(context: RenderContext) -> dict[str, str]:
    """Render one page a month listing its records, newest first, as the home page lists them
    (continued on `stukken/2025-10/2.md`, … after `RECORDS_PER_PAGE`)."""
    by_month: dict[str, list[Record]] = {}
    for record in sorted(context.corpus.records, key=_newest_first):
        by_month.setdefault(month_page(record), []).append(record)
    pages = {}
    for first, records in by_month.items():
        date = record_date(records[0])
        chunks = chunked(records, RECORDS_PER_PAGE)
        addresses = continued_pages(first, len(chunks))
        for number, (page, chunk) in enumerate(zip(addresses, chunks), 1):
            title = page_title(f"Stukken van {MONTHS[date.month - 1]} {date.year}" if date else "Stukken zonder datum", number)
            back = f"Alle maanden staan op de [beginpagina]({relative_link(page, HOME)}#alle-stukken-per-maand)."
            items = "\n".join(_record_item(record, page, context) for record in chunk)
            pages[page] = join_blocks([front_matter(title), title_block(title, PageIds()), back, pages_line(addresses, number), items])
    return pages


def _newest_first(record: Record) -> tuple[bool, int, str]:
    date = record_date(record)
    return (date is None, -(date or datetime.date.min).toordinal(), record.path)


def _record_item(record: Record, listed_on: str, context: RenderContext) -> str:
    """List a record on the page `listed_on`; a multi-letter record lists its letters beneath it."""
    record_page = context.addresses.record_page(record)
    dated = dutch_date(record.date) if record.date is not None else dates_label(letter_dates(record))
    about = f"{escape_line(record.chamber)}, {record_kind_label(record.kind)}, {dated}"
    if record_page is None:
        page = next((context.addresses.letter_page(LetterKey(record.path, letter.index)) for letter in record.letters), None)
        title = f"[{escape_line(record_title(record))}]({relative_link(listed_on, page)})" if page else escape_line(record_title(record))
        summaries = "; ".join(filter(None, (letter_status_summary(record, letter, context) for letter in record.letters)))
        return f"- {title} — {about}" + (f"; {summaries}" if summaries else "")
    lines = [f"- [{escape_line(record_title(record))}]({relative_link(listed_on, record_page)}) — {about}"]
    for letter in record.letters:
        page = context.addresses.letter_page(LetterKey(record.path, letter.index))
        if page is not None and page != record_page:
            summary = letter_status_summary(record, letter, context)
            lines.append(f"    - [{escape_line(letter_title(record, letter))}]({relative_link(listed_on, page)})" + (f" — {summary}" if summary else ""))
    return "\n".join(lines)


def render_record_page(record: Record, page: str, context: RenderContext) -> str:
    """Render a multi-letter record: its metadata, links to its letters, and its cover note in full."""
    ids = PageIds()
    note = cover_note(record)
    text = LetterText(record, note, page, context, ids) if note is not None else None
    items = [
        ("Kamer", escape_line(record.chamber)),
        ("Soort", record_kind_label(record.kind)),
        _record_date_item(record, note),
        ("Kenmerken", identifiers_text((record.identifier,))),
        *mention_metadata(record, page, context),
    ]
    title = record_title(record)
    blocks = [front_matter(title), title_block(title, ids), metadata_block(items)]
    blocks.append(heading_block(2, "Brieven", ids))
    blocks.append("\n".join(_letter_item(record, letter, page, context) for letter in record.letters))
    if note is not None and text is not None:
        blocks.append(heading_block(2, letter_label(record, note), ids))
        blocks.append(metadata_block(letter_metadata(record, note, note.identifiers) + text.metadata() + open_data_metadata(page, context)))
        blocks.extend(text.blocks())
        blocks += timeline_slice({text.key}, page, context, ids)
    return join_blocks(blocks)


def _record_date_item(record: Record, note: Letter | None) -> tuple[str, str]:
    """The record's date, said for what it is: its own (the cover note's `Vastgesteld …`, or its
    sidecar's) is its `Datum`; without one, it is listed by the dates of its letters."""
    if record.date is not None:
        return ("Datum", dutch_date(record.date))
    return ("Data van de brieven", dates_label(letter_dates(record)))


def _letter_item(record: Record, letter: Letter, page: str, context: RenderContext) -> str:
    """List a letter on its record's page: a link, or a note that the page itself shows it."""
    target = context.addresses.letter_page(LetterKey(record.path, letter.index))
    label = escape_line(letter_title(record, letter))
    if target is None or target == page:
        return f"- {label} (hieronder)"
    return f"- [{label}]({relative_link(page, target)})"


def render_shared_page(path: str, owners: tuple[tuple[str, int], ...], context: RenderContext) -> str:
    """Render the page at an address several letters wanted: a list leading to each of them.

    An address cited when only one letter had it keeps working once a second one arrives.
    """
    ids = PageIds()
    items = []
    for record_path, index in owners:
        if index < 0:
            record = context.records[record_path]
            target = context.addresses.record_page(record)
            label = capitalized(record_kind_label(record.kind))
        else:
            record, letter = context.letters[LetterKey(record_path, index)]
            target = context.addresses.letter_page(LetterKey(record_path, index))
            label = letter_label(record, letter)
        items.append(f"- [{label}]({relative_link(path, target or path)}): {escape_line(record_title(record))}")
    title = "Meer stukken op dit adres"
    intro = (
        "Op dit adres staan meer stukken van dezelfde soort, van dezelfde Kamer en dezelfde datum. "
        "Kies het stuk dat u zoekt; een vraag of antwoord heeft daar hetzelfde anker (`#vraag-3`)."
    )
    return join_blocks([front_matter(title), title_block(title, ids), intro, "\n".join(items)])
