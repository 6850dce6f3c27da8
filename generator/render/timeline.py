"""Render the timeline: every dated event of the corpus, oldest first, grouped by year and month.

    tijdlijn.md
      ## 2021 {#jaar-2021}                      events dated by a year only stand under the year
      - ‘De keuze voor M365 is genomen in 2021 …’ — [antwoord op vraag 1 (GroenLinks-PvdA), antwoordbrief, 12 februari 2026](…)
      ## 2025 {#jaar-2025}
      ### Voorjaar 2025 {#periode-2025-voorjaar}  a part of a year stands as itself, never as a month
      ### Oktober 2025 {#maand-2025-10}         a month's own events first, then its days
      #### 2 oktober 2025 {#datum-2025-10-02}
      - ‘NOS.nl, 2 oktober 2025’ — [voetnoot 1, schriftelijke vragen, 7 oktober 2025](…#fn:1)
      - ‘… uw brief van 2 oktober 2025 over de Overstap …’ — [brief van de commissie, 2 december 2025](…)
      #### 7 oktober 2025 {#datum-2025-10-07}
      - **Brief: vragen ingezonden** door Kathmann … : [Schriftelijke vragen van …](…) (21 vragen)

The events come from the link pass (`Links.events`, generator.link.events): a date keeps the
precision the letter gives it, and a source whose year was inferred says so beside the words as
written. The letters' own dates stand out (`**Brief: …**`). Each link's text names where it
leads: the question, answer or footnote and its letter. `timeline_slice` gives a letter or
dossier page the events its letters date, each linking to its place on the timeline.
"""

from __future__ import annotations

from itertools import groupby

from generator.model import (
    ANSWER_LETTER,
    APPENDIX_ANSWERS,
    COMMITTEE_LETTER,
    COVER_NOTE,
    WRITTEN_QUESTIONS,
    Answer,
    Event,
    EventDate,
    EventSource,
    Letter,
    LetterKey,
    Question,
    Record,
)
from generator.render.addresses import answer_anchor, question_anchor, relative_link
from generator.render.context import RenderContext
from generator.render.labels import MONTHS, LetterLabels, letter_label, letter_title
from generator.render.escape import escape_heading, escape_line, escape_text, front_matter
from generator.render.blocks import PageIds, heading_block, join_blocks, title_block
from generator.render.labels import capitalized, letter_kind_label
from generator.render.paging import chunked, continued_pages, page_title, pages_line
from generator.render.places import TextPlace, text_places

__all__ = ["TIMELINE", "event_anchor", "event_label", "event_page", "own_event", "render_timeline", "source_place", "timeline_slice"]

TIMELINE = "tijdlijn.md"
TIMELINE_FOLDER = "tijdlijn"
TITLE = "Tijdlijn"
INTRO = (
    "Wat de brieven op deze site dateren, oudste eerst: de data van de brieven zelf (vet, als "
    "‘Brief’) en elke datum die een brief noemt, in de tekst of in een voetnoot. Een datum staat zo "
    "precies als de brief hem geeft: een dag, een maand, een jaar of een deel van een jaar. Noemt "
    "de brief het jaar niet, dan staat erbij hoe het is afgeleid. Elke vermelding citeert een stukje "
    "van de zin en leidt naar de vraag, het antwoord of de voetnoot waarin zij staat."
)
UNDATED = "Zonder datum"
UNDATED_PAGE = f"{TIMELINE_FOLDER}/zonder-datum.md"
SLICE_HEADING = "Data in deze brief"
DOSSIER_SLICE_HEADING = "Tijdlijn van dit dossier"

SOURCES_SHOWN = 10
"""How many sources of one event a year's or month's page lists; every source is on the event's own page."""
SOURCES_PER_PAGE = 200
"""How many sources an event's own page lists before it continues on `…/2.md`."""

OWN_EVENTS = {
    WRITTEN_QUESTIONS: "vragen ingezonden",
    COMMITTEE_LETTER: "brief van de commissie verstuurd",
    ANSWER_LETTER: "antwoordbrief verstuurd",
    COVER_NOTE: "verslag uitgebracht",
    APPENDIX_ANSWERS: "antwoorden ontvangen",
}
"""What happened on a letter's own date, by kind of letter; any other letter is `… verstuurd`."""

def event_label(date: EventDate) -> str:
    """The date as Dutch writes it, as precise as it is: `2 oktober 2025`, `oktober 2025`, `2021`, `begin 2026`."""
    if date.precision == "dag":
        return f"{date.day} {MONTHS[(date.month or 1) - 1]} {date.year}"
    if date.precision == "maand":
        return f"{MONTHS[(date.month or 1) - 1]} {date.year}"
    if date.precision == "periode":
        return f"{date.period} {date.year}"
    return str(date.year)


def event_anchor(date: EventDate) -> str:
    """The timeline's anchor of an event: `datum-2025-10-02`, `maand-2025-10`, `jaar-2021`, `periode-2026-begin`."""
    if date.precision == "dag":
        return f"datum-{date.year}-{date.month:02d}-{date.day:02d}"
    if date.precision == "maand":
        return f"maand-{date.year}-{date.month:02d}"
    if date.precision == "periode":
        return f"periode-{date.year}-{date.period}"
    return f"jaar-{date.year}"


def event_page(date: EventDate) -> str:
    """The timeline page that holds an event: its month's (`tijdlijn/2025-10.md`) for a day or a
    month, its year's (`tijdlijn/2025.md`) for a year or a part of a year."""
    if date.precision in ("dag", "maand"):
        return f"{TIMELINE_FOLDER}/{date.year:04d}-{date.month:02d}.md"
    return f"{TIMELINE_FOLDER}/{date.year:04d}.md"


def render_timeline(context: RenderContext) -> dict[str, str]:
    """Render `tijdlijn.md`, the introduction and a link to each year and month, and the pages
    holding the events: a year's page (`tijdlijn/2025.md`) the events dated by the year or a part
    of it and links to its months, a month's page (`tijdlijn/2025-10.md`) the month's own events
    and then its days, oldest first. No page grows with the number of letters of other months."""
    places = text_places(context)
    ids = PageIds()
    blocks = [front_matter(TITLE), title_block(TITLE, ids), INTRO]
    pages: dict[str, str] = {}
    shown = {id(event): found for event in context.corpus.links.events if (found := _shown_sources(event, places, context))}
    events = [event for event in context.corpus.links.events if id(event) in shown]  # each event's places looked up once
    labels = LetterLabels(context.letters)  # a letter mentioning dates is named at each of them
    index = []
    for year, in_year in groupby(events, key=lambda event: event.date.year):
        year_events = list(in_year)
        year_page = f"{TIMELINE_FOLDER}/{year:04d}.md"
        year_ids = PageIds()
        year_blocks = [front_matter(f"{TITLE}: {year}"), title_block(f"{TITLE}: {year}", year_ids), _up(year_page)]
        year_blocks.append(_heading(2, str(year), f"jaar-{year}", year_ids))
        year_blocks += [_listed(event, shown, labels, context, year_page, pages) for event in year_events if event.date.precision == "jaar"]
        month_links = []
        for (month, kind), in_group in groupby(
            (event for event in year_events if event.date.precision != "jaar"),
            key=lambda event: (event.date.month, event.date.period if event.date.precision == "periode" else ""),
        ):
            group = list(in_group)
            if kind:  # a part of the year: its own heading on the year's page, never a month's
                year_blocks.append(_heading(2, capitalized(event_label(group[0].date)), event_anchor(group[0].date), year_ids))
                year_blocks += [_listed(event, shown, labels, context, year_page, pages) for event in group]
                continue
            name = capitalized(f"{MONTHS[(month or 1) - 1]} {year}")
            month_page = event_page(group[0].date)
            month_links.append((name, month_page, _count(group)))
            pages[month_page] = _month(name, month_page, f"maand-{year}-{month:02d}", group, shown, labels, context, pages)
        if month_links:
            year_blocks.append("Per maand: " + _links(month_links, year_page) + ".")
        pages[year_page] = join_blocks(year_blocks)
        links = f": {_links(month_links, TIMELINE)}" if month_links else ""
        index.append(f"- [{year}]({relative_link(TIMELINE, year_page)}) ({_count(year_events)}){links}")
    if index:
        blocks += [heading_block(2, "Per jaar en maand", ids), "\n".join(index)]
    undated = _undated(context)
    if undated:
        pages.update(_undated_pages(undated))
        blocks.append(f"[Brieven zonder eigen datum]({relative_link(TIMELINE, UNDATED_PAGE)}) ({len(undated)}).")
    if not events and not undated:
        blocks.append("Er zijn nog geen brieven.")
    return {TIMELINE: join_blocks(blocks), **pages}


def _month(
    name: str, page: str, anchor: str, group: list[Event], shown: _Shown, labels: LetterLabels, context: RenderContext, pages: dict[str, str]
) -> str:
    """A month's page: the events dated by the month only, then each day's, oldest first."""
    ids = PageIds()
    blocks = [front_matter(f"{TITLE}: {name.lower()}"), title_block(f"{TITLE}: {name.lower()}", ids), _up(page)]
    blocks.append(_heading(2, name, anchor, ids))
    for event in group:
        if event.date.precision == "dag":
            blocks.append(_heading(3, event_label(event.date), event_anchor(event.date), ids))
        else:
            blocks.append(f"Zonder dag, in {event_label(event.date)}:")
        blocks.append(_listed(event, shown, labels, context, page, pages))
    return join_blocks(blocks)


def _listed(event: Event, shown_of: _Shown, labels: LetterLabels, context: RenderContext, page: str, pages: dict[str, str]) -> str:
    """An event's sources on its year's or month's page: all of them, or the first `SOURCES_SHOWN`
    and a link to the event's own pages (added to `pages`), which list every one."""
    shown = shown_of[id(event)]
    if len(shown) <= SOURCES_SHOWN:
        return _sources(event, labels, context, page, shown)
    label = event_label(event.date)
    chunks = chunked(shown, SOURCES_PER_PAGE)
    addresses = continued_pages(f"{TIMELINE_FOLDER}/{event_anchor(event.date)}.md", len(chunks))
    for number, (address, chunk) in enumerate(zip(addresses, chunks), 1):
        title = page_title(f"{TITLE}: {label}", number)
        pages[address] = join_blocks([
            front_matter(title), title_block(title, PageIds()), _up(address),
            f"Alle {len(shown)} vermeldingen van {escape_line(label)}. "
            f"[Terug naar {escape_line(label)} op de tijdlijn]({relative_link(address, event_page(event.date), event_anchor(event.date))}).",
            pages_line(addresses, number),
            _sources(event, labels, context, address, chunk),
        ])
    more = f"[Alle {len(shown)} vermeldingen van {escape_line(label)}]({relative_link(page, addresses[0], 'titel')})"
    return join_blocks([_sources(event, labels, context, page, shown[:SOURCES_SHOWN]), more])


def _links(months: list[tuple[str, str, str]], page: str) -> str:
    """`[Oktober 2025](2025-10.md) (12 vermeldingen), …`, relative to `page`."""
    return ", ".join(f"[{escape_line(name)}]({relative_link(page, target)}) ({count})" for name, target, count in months)


def _up(page: str) -> str:
    return f"Onderdeel van de [tijdlijn]({relative_link(page, TIMELINE)}): alle jaren en maanden."


def _count(events: list[Event]) -> str:
    count = sum(len(event.sources) for event in events)
    return f"{count} {'vermelding' if count == 1 else 'vermeldingen'}"


def _undated(context: RenderContext) -> list[tuple[Record, Letter, str]]:
    """The letters printing no date of their own (a cover note aside: its letters date its
    record), with their pages."""
    found = []
    for record in context.corpus.records:
        for letter in record.letters:
            page = context.addresses.letter_page(LetterKey(record.path, letter.index))
            if page is not None and not (letter.sent_on or letter.received_on or letter.kind == COVER_NOTE):
                found.append((record, letter, page))
    return found


def _undated_pages(undated: list[tuple[Record, Letter, str]]) -> dict[str, str]:
    """`tijdlijn/zonder-datum.md`, continued on `…/2.md` after `SOURCES_PER_PAGE` letters."""
    chunks = chunked(undated, SOURCES_PER_PAGE)
    addresses = continued_pages(UNDATED_PAGE, len(chunks))
    pages = {}
    for number, (page, chunk) in enumerate(zip(addresses, chunks), 1):
        ids = PageIds()
        title = page_title(f"{TITLE}: {UNDATED.lower()}", number)
        pages[page] = join_blocks([
            front_matter(title), title_block(title, ids), _up(page), pages_line(addresses, number),
            _heading(2, UNDATED, "zonder-datum", ids),
            "\n".join(_own_item(record, letter, letter_page, page) for record, letter, letter_page in chunk),
        ])
    return pages


def _own_item(record, letter, page: str, listed_on: str) -> str:
    """`- **Brief: vragen ingezonden** door …: [title](page#anchor) (21 vragen)`. The letter's event
    lands on its only answer (or only question) when it has one, else on its title."""
    title = escape_line(letter_title(record, letter))
    link = relative_link(listed_on, page, _own_anchor(letter))
    return f"- **Brief: {own_event(record, letter)}**{_askers(letter)}: [{title}]({link}){_counts(letter)}"


def _own_anchor(letter) -> str:
    questions = [block for block in letter.body if isinstance(block, Question) and not block.quoted]
    answers = [block for block in letter.body if isinstance(block, Answer)]
    if len(answers) == 1 and letter.kind in (ANSWER_LETTER, APPENDIX_ANSWERS):
        return answer_anchor(answers[0].party, answers[0].number)  # the first claim of a name is exact
    if len(questions) == 1 and not answers:
        return question_anchor(questions[0].party, questions[0].number)
    return "titel"


def timeline_slice(
    keys: set[LetterKey], page: str, context: RenderContext, ids: PageIds, heading: str = SLICE_HEADING
) -> list[str]:
    """The events the letters `keys` date, for their page: a heading and one item per event, its
    date linking to the event on the timeline. Nothing when they date none.

    On a letter's page (one letter) each item links the places in the letter that mention the date;
    on a dossier's page it names the letters that date it."""
    places = text_places(context)
    items = []
    events = context.corpus.links.events
    by_letter = context.events or events_by_letter(context.corpus)  # each page reads only its own events' sources
    dated: dict[int, set[int]] = {}
    for key in keys:
        for position, indexes in by_letter.get(key, ()):
            dated.setdefault(position, set()).update(indexes)
    for position in sorted(dated):
        event = events[position]
        mine = [source for source in (event.sources[index] for index in sorted(dated[position])) if source_place(source, places, context)]
        if not mine:
            continue
        link = relative_link(page, event_page(event.date), event_anchor(event.date))
        said = _said_here(mine, page, places, context) if len(keys) == 1 else _said_by(mine, context)
        items.append(f"- [{escape_line(event_label(event.date))}]({link}): {said}")
    if not items:
        return []
    return [heading_block(2, heading, ids), "\n".join(items)]


def events_by_letter(corpus) -> dict[LetterKey, tuple[tuple[int, tuple[int, ...]], ...]]:
    """Map each letter to the events it dates: the position of each (in `Links.events`) with the
    positions of the letter's own sources among the event's (`Event.sources`).

    A date such as a month's first day is dated by a share of every letter in the corpus: a page
    reads only its own letter's sources, never the event's whole list (which grows with the corpus).
    """
    index: dict[tuple[str, int], dict[int, list[int]]] = {}  # by (path, index): a LetterKey's hash is a call
    keys: dict[tuple[str, int], LetterKey] = {}
    for position, event in enumerate(corpus.links.events):
        for source_index, source in enumerate(event.sources):
            letter = source.letter
            place = (letter.path, letter.index)
            events = index.get(place)
            if events is None:
                events = index[place] = {}
                keys[place] = letter
            events.setdefault(position, []).append(source_index)
    return {keys[place]: tuple((position, tuple(found)) for position, found in events.items()) for place, events in index.items()}


def _said_here(sources: list[EventSource], page: str, places: dict[tuple[str, str], TextPlace], context: RenderContext) -> str:
    """`**deze brief verstuurd**`, or the places on this page that mention the date, as links."""
    parts = []
    for source in sources:
        if source.role != "vermeld":
            record, letter = context.letters[source.letter]
            parts.append(f"**{own_event(record, letter).replace('brief van de commissie', 'deze brief')}**")
            continue
        place = source_place(source, places, context)
        if place is not None and place.anchor:
            parts.append(f"[{escape_line(place.label)}]({relative_link(page, place.page, place.anchor)})")
        elif place is not None:
            parts.append(f"de {place.label}" if place.label else "de tekst van de brief")
    return "genoemd in " + ", ".join(dict.fromkeys(parts)) if all(s.role == "vermeld" for s in sources) else ", ".join(dict.fromkeys(parts))


def _said_by(sources: list[EventSource], context: RenderContext) -> str:
    """`**brief van de commissie verstuurd**`, or which letters mention the date."""
    parts = []
    for source in sources:
        record, letter = context.letters[source.letter]
        if source.role != "vermeld":
            parts.append(f"**{own_event(record, letter)}**")
        else:
            label = letter_label(record, letter)
            parts.append(f"genoemd in {label[:1].lower() + label[1:]}")
    return "; ".join(dict.fromkeys(parts))


def _heading(level: int, text: str, wanted: str, ids: PageIds) -> str:
    return f"{'#' * level} {escape_heading(text)} {{#{ids.claim(wanted)}}}"


def source_place(source: EventSource, places: dict[tuple[str, str], TextPlace], context: RenderContext) -> TextPlace | None:
    """Where a source stands: its paragraph's place, or, for a letter's own date, its page."""
    if source.paragraph:
        return places.get((source.letter.path, source.paragraph))
    page = context.addresses.letter_page(source.letter)
    return TextPlace(page, None, "", source.letter) if page is not None else None


_Shown = dict[int, list[tuple[EventSource, TextPlace]]]
"""The sources of each event that have a place on the site, with it, by the event's `id` (an
event is a tree of frozen dataclasses: hashing it costs more than finding its places)."""


def _shown_sources(event: Event, places: dict, context: RenderContext) -> list[tuple[EventSource, TextPlace]]:
    """The event's sources that have a place on the site, each with its place."""
    return [(source, place) for source in event.sources if (place := source_place(source, places, context)) is not None]


def _sources(
    event: Event, labels: LetterLabels, context: RenderContext, listed_on: str, sources: list[tuple[EventSource, TextPlace]]
) -> str:
    """One list item per source (with its place: `_shown_sources`): the letter's own date stands out."""
    items = []
    for source, place in sources:
        link = relative_link(listed_on, place.page, place.anchor or "titel")
        if source.role != "vermeld":
            items.append(_own_item(*context.letters[source.letter], place.page, listed_on))
            continue
        where = labels[source.letter]
        where = where[:1].lower() + where[1:]
        text = f"{place.label}, {where}" if place.label else capitalized(where)
        written = _written(event.date, source)
        items.append(f"- ‘{escape_text(source.phrase, at_line_start=False)}’{written} — [{escape_line(text)}]({link})")
    return "\n".join(items)


def _written(date: EventDate, source: EventSource) -> str:
    """Say how the letter writes the date when that is not the label, and how a missing year was found."""
    notes = []
    if " ".join(source.written.split()).lower() != event_label(date).lower():
        notes.append(f"geschreven als ‘{escape_text(source.written, at_line_start=False)}’")
    if source.inferred:
        notes.append(escape_line(source.inferred))
    return f" ({'; '.join(notes)})" if notes else ""


def own_event(record, letter) -> str:
    """What happened on a letter's own date (`OWN_EVENTS`): `antwoordbrief verstuurd`."""
    if letter.kind == APPENDIX_ANSWERS and letter.received_on is not None:
        return OWN_EVENTS[APPENDIX_ANSWERS]
    return OWN_EVENTS.get(letter.kind, f"{letter_kind_label(letter.kind)} verstuurd")


def _askers(letter) -> str:
    """` door Kathmann (GroenLinks-PvdA) en Six Dijkstra (Nieuw Sociaal Contract)`, escaped."""
    if letter.kind != WRITTEN_QUESTIONS or not letter.askers:
        return ""
    names = [
        escape_line(member.name) + (f" ({escape_line(member.party)})" if member.party else "")
        for member in letter.askers
    ]
    return " door " + (names[0] if len(names) == 1 else f"{', '.join(names[:-1])} en {names[-1]}")


def _counts(letter) -> str:
    questions = sum(1 for block in letter.body if isinstance(block, Question) and not block.quoted)
    answers = sum(1 for block in letter.body if isinstance(block, Answer))
    counts = [
        f"{questions} {'vraag' if questions == 1 else 'vragen'}" if questions else "",
        f"{answers} {'antwoord' if answers == 1 else 'antwoorden'}" if answers else "",
    ]
    return f" ({', '.join(filter(None, counts))})" if any(counts) else ""
