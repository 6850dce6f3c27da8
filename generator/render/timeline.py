"""Render the timeline: every dated event in the corpus, newest first, grouped by year and month.

    tijdlijn.md
      ## 2026
      ### Februari 2026
      - 12 februari 2026 — Antwoordbrief verstuurd: [Verslag van een schriftelijk overleg over …](…) (25 antwoorden)
      ## 2025
      ### Oktober 2025
      - 7 oktober 2025 — Vragen ingezonden door Kathmann (GroenLinks-PvdA) en …: [Schriftelijke vragen …](…) (21 vragen)

Each letter is one event: written questions are submitted (ingezonden) on their date, other
letters are sent on theirs, and the answers of an Aanhangsel are received on the date it prints
(`received_on`). An event about a single question or answer links to its anchor, any other to
the letter's page. Events without a date close the page. One pass over the letters, one sort.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from itertools import groupby

from generator.model import (
    ANSWER_LETTER,
    APPENDIX_ANSWERS,
    COMMITTEE_LETTER,
    COVER_NOTE,
    WRITTEN_QUESTIONS,
    Answer,
    Letter,
    LetterKey,
    Question,
    Record,
)
from generator.render.addresses import answer_anchor, letter_date, question_anchor, record_date, relative_link
from generator.render.context import RenderContext
from generator.render.escape import escape_heading, escape_line, front_matter
from generator.render.markdown import (
    PageIds,
    capitalized,
    dutch_date,
    join_blocks,
    letter_kind_label,
    record_title,
    title_block,
)

__all__ = ["TIMELINE", "render_timeline"]

TIMELINE = "tijdlijn.md"
TITLE = "Tijdlijn"
INTRO = (
    "Alles wat op deze site gebeurt, op datum, nieuwste eerst: wanneer vragen werden ingezonden, "
    "wanneer brieven werden verstuurd en wanneer antwoorden binnenkwamen."
)
UNDATED = "Zonder datum"

EVENTS = {
    WRITTEN_QUESTIONS: "Vragen ingezonden",
    COMMITTEE_LETTER: "Brief van de commissie verstuurd",
    ANSWER_LETTER: "Antwoordbrief verstuurd",
    COVER_NOTE: "Verslag uitgebracht",
    APPENDIX_ANSWERS: "Antwoorden ontvangen",
}
"""What happened on a letter's date, by kind of letter; any other kind of letter is `… verstuurd`."""


@dataclass(frozen=True)
class _Event:
    date: datetime.date | None
    position: int  # the letter's place in the corpus: reading order breaks ties
    text: str  # one list item's Markdown, without the date


def render_timeline(context: RenderContext) -> dict[str, str]:
    """Render `tijdlijn.md`: a letter's event under its year and month, newest first."""
    events = []
    position = 0
    for record in context.corpus.records:
        for letter in record.letters:
            position += 1
            page = context.addresses.letter_page(LetterKey(record.path, letter.index))
            if page is not None:
                events.append(_event(record, letter, page, position))
    events.sort(key=lambda event: (event.date is None, -(event.date.toordinal() if event.date else 0), event.position))
    ids = PageIds()
    blocks = [front_matter(TITLE), title_block(TITLE, ids), INTRO]
    for year, in_year in groupby(events, key=lambda event: event.date.year if event.date else None):
        if year is None:
            blocks.append(_heading(2, UNDATED, "zonder-datum", ids))
            blocks.append("\n".join(f"- {event.text}" for event in in_year))
            continue
        blocks.append(_heading(2, str(year), f"jaar-{year}", ids))
        for month, in_month in groupby(in_year, key=lambda event: event.date.month if event.date else 0):
            month_name = dutch_date(datetime.date(year, month, 1)).partition(" ")[2]  # `februari 2026`
            blocks.append(_heading(3, capitalized(month_name), f"maand-{year}-{month:02d}", ids))
            blocks.append("\n".join(f"- {dutch_date(event.date)} — {event.text}" for event in in_month))
    if not events:
        blocks.append("Er zijn nog geen brieven.")
    return {TIMELINE: join_blocks(blocks)}


def _heading(level: int, text: str, wanted: str, ids: PageIds) -> str:
    return f"{'#' * level} {escape_heading(text)} {{#{ids.claim(wanted)}}}"


def _event(record: Record, letter: Letter, page: str, position: int) -> _Event:
    """Describe what a letter brings about: `Vragen ingezonden door …: [title](page) (21 vragen)`."""
    what = EVENTS.get(letter.kind, f"{capitalized(letter_kind_label(letter.kind))} verstuurd")
    if letter.kind == WRITTEN_QUESTIONS and letter.askers:
        what += " door " + _names(letter)
    date = letter_date(record, letter) or record_date(record)
    if letter.kind == APPENDIX_ANSWERS and letter.received_on is not None:
        date = letter.received_on
    questions = [block for block in letter.body if isinstance(block, Question) and not block.quoted]
    answers = [block for block in letter.body if isinstance(block, Answer)]
    anchor = None
    if len(answers) == 1 and letter.kind in (ANSWER_LETTER, APPENDIX_ANSWERS):
        anchor = answer_anchor(answers[0].party, answers[0].number)  # the first claim of a name is exact
    elif len(questions) == 1 and not answers:
        anchor = question_anchor(questions[0].party, questions[0].number)
    counts = [
        _count(len(questions), "vraag", "vragen") if questions else "",
        _count(len(answers), "antwoord", "antwoorden") if answers else "",
    ]
    tail = f" ({', '.join(filter(None, counts))})" if any(counts) else ""
    link = relative_link(TIMELINE, page, anchor)
    return _Event(date, position, f"{what}: [{escape_line(record_title(record))}]({link}){tail}")


def _names(letter: Letter) -> str:
    """`Kathmann (GroenLinks-PvdA) en Six Dijkstra (Nieuw Sociaal Contract)`, escaped."""
    names = [
        escape_line(member.name) + (f" ({escape_line(member.party)})" if member.party else "")
        for member in letter.askers
    ]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} en {names[-1]}"


def _count(number: int, one: str, more: str) -> str:
    return f"{number} {one if number == 1 else more}"
