"""Name what the model holds in Dutch: dates, kinds of letter and record, numbers, letters.

    dutch_date(2026-02-12)             ->  12 februari 2026
    letter_label(record, letter)       ->  Antwoordbrief, 12 februari 2026
    letter_title(record, letter)       ->  Antwoordbrief van de staatssecretaris van Financiën -
                                           Fiscaliteit, Belastingdienst en Douane, 12 februari 2026
    session_of(2026-02-12)             ->  2025/26

A letter's title is made from its kind, its sender (or askers) and its date, never by rewriting
the heading it prints: that heading, often in capitals (`BRIEF VAN DE STAATSSECRETARIS VAN
FINANCIËN - …`), stays on the page as it was printed.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Mapping

from generator.model import (
    ANSWER_LETTER,
    APPENDIX_ANSWERS,
    COMMITTEE_LETTER,
    COVER_NOTE,
    LETTER,
    RECORD_APPENDIX,
    RECORD_WRITTEN_OVERLEG,
    RECORD_WRITTEN_QUESTIONS,
    WRITTEN_QUESTIONS,
    Answer,
    Letter,
    LetterKey,
    Question,
    Record,
)
from generator.render.addresses import letter_date

MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip

LETTER_KINDS = {
    WRITTEN_QUESTIONS: "schriftelijke vragen",
    COMMITTEE_LETTER: "brief van de commissie",
    ANSWER_LETTER: "antwoordbrief",
    COVER_NOTE: "verslag",
    APPENDIX_ANSWERS: "aanhangsel",
    LETTER: "brief",
}

RECORD_KINDS = {
    RECORD_WRITTEN_QUESTIONS: "schriftelijke vragen",
    RECORD_WRITTEN_OVERLEG: "verslag van een schriftelijk overleg",
    RECORD_APPENDIX: "aanhangsel van de Handelingen",
}


def dutch_date(date: datetime.date | None) -> str:
    """Write a date as Dutch prose: `2 december 2025`; `zonder datum` when there is none."""
    if date is None:
        return "zonder datum"
    return f"{date.day} {MONTHS[date.month - 1]} {date.year}"


def letter_kind_label(kind: str) -> str:
    """Name a kind of letter in Dutch: `commissiebrief` -> `brief van de commissie`."""
    return LETTER_KINDS.get(kind, kind.replace("-", " "))


def record_kind_label(kind: str) -> str:
    """Name a kind of record in Dutch: `verslag-schriftelijk-overleg` -> `verslag van een schriftelijk overleg`."""
    return RECORD_KINDS.get(kind, kind.replace("-", " "))


def capitalized(text: str) -> str:
    """Give text a capital first letter: `brief van de commissie` -> `Brief van de commissie`."""
    return text[:1].upper() + text[1:]


def letter_label(record: Record, letter: Letter) -> str:
    """Describe a letter in a few words: `Brief van de commissie, 2 december 2025`; a cover note
    that prints no date is `Verslag` (its record is listed by the dates of its letters)."""
    return capitalized(letter_kind_label(letter.kind)) + _dated(record, letter)


class LetterLabels(dict):
    """Each letter's `letter_label` by its key, made when first asked for (`labels[key]`): a list
    names a letter at every use of a term or mention of a date it holds, and the same letters on
    page after page."""

    def __init__(self, letters: Mapping[LetterKey, tuple[Record, Letter]]) -> None:
        super().__init__()
        self._letters = letters

    def __missing__(self, key: LetterKey) -> str:
        label = self[key] = letter_label(*self._letters[key])
        return label


def _dated(record: Record, letter: Letter) -> str:
    """`, 2 december 2025`; `, zonder datum`; nothing for an undated cover note."""
    date = letter_date(record, letter)
    return "" if date is None and letter.kind == COVER_NOTE else f", {dutch_date(date)}"


def dates_label(dates: tuple[datetime.date, ...]) -> str:
    """`2 december 2025 en 12 februari 2026`; `zonder datum` for none."""
    return _listed([dutch_date(date) for date in dates]) if dates else dutch_date(None)


def covered_numbers(block: Question | Answer) -> tuple[int, ...]:
    """The numbers a question or answer covers, its own number first (`Antwoord 4 en 5`: 4, 5).

    (Most blocks cover their own number alone: that one is answered without walking `numbers`,
    as every page, place and open-data block asks for it.)"""
    own, numbers = block.number, block.numbers
    if not numbers or (len(numbers) == 1 and numbers[0] == own):
        return (own,)
    return (own, *[number for number in numbers if number != own])


@functools.lru_cache(maxsize=1024)
def numbers_label(numbers: tuple[int, ...]) -> str:
    """Write question numbers as Dutch prose: `4`, `4 en 5`, `4, 5 en 6` (kept: a letter's
    questions and answers are labelled in its page, its places and its citations alike)."""
    return _listed([str(number) for number in numbers])


def _listed(words: list[str]) -> str:
    """Join words as Dutch prose: `a`, `a en b`, `a, b en c`."""
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} en {words[-1]}"


# --- Vergaderjaar --------------------------------------------------------------------------------


def session_of(date: datetime.date) -> str:
    """Name the vergaderjaar a date falls in, as citations write it.

    A vergaderjaar of either Kamer begins on the third Tuesday of September (Prinsjesdag) and ends
    the day before the next one; Prinsjesdag 2025 was 16 September.

    >>> session_of(datetime.date(2026, 2, 12)), session_of(datetime.date(2025, 12, 2))
    ('2025/26', '2025/26')
    >>> session_of(datetime.date(2025, 9, 16)), session_of(datetime.date(2025, 9, 15))
    ('2025/26', '2024/25')
    >>> session_of(datetime.date(2099, 10, 1))
    '2099/00'
    """
    first = date.year if date >= _prinsjesdag(date.year) else date.year - 1
    return f"{first}/{(first + 1) % 100:02d}"


def _prinsjesdag(year: int) -> datetime.date:
    """The third Tuesday of September of `year`."""
    first = datetime.date(year, 9, 1)
    return first + datetime.timedelta(days=(1 - first.weekday()) % 7 + 14)


# --- Letter titles -------------------------------------------------------------------------------

PRINTED_LETTER_HEADING = re.compile(r"^(?:Nr\.\s*[0-9A-Z]+\s+)?BRIEF\s+VAN\s+(?P<sender>.+?)$", re.IGNORECASE)
"""A letter's printed heading naming its sender: `BRIEF VAN DE STAATSSECRETARIS VAN FINANCIËN - …`."""

COMMITTEE_NAME = re.compile(r"\b[Cc]ommissie\s+voor\s+(?P<subject>[A-ZÀ-ÖØ-Þ][^,]*?)\s*(?:,|$)")
"""A committee named in a sender, from its first capital: `… vaste commissie voor commissie voor
Digitalisering` -> `Digitalisering` (the heading printed `commissie voor` twice)."""


def letter_title(record: Record, letter: Letter) -> str:
    """Title a letter readably: what it is, from whom, and its date.

    - schriftelijke vragen: `Schriftelijke vragen van Kathmann en Six Dijkstra over de overstap van
      de Belastingdienst naar Microsoft, 7 oktober 2025` (askers by name, the subject as printed)
    - a committee's letter: `Brief van de commissie voor Digitalisering, 2 december 2025`; its
      cover note of a verslag (signed by the griffier): `Verslag van de commissie voor Digitalisering`
    - an answer letter or any other: `Antwoordbrief van de staatssecretaris van Financiën -
      Fiscaliteit, Belastingdienst en Douane, 12 februari 2026`: the sender as far as the printed
      heading names it (`BRIEF VAN DE STAATSSECRETARIS …`), so without the signatory's name;
      else the whole sender as printed
    - Aanhangsel answers: `Antwoord op schriftelijke vragen van Kathmann en Six Dijkstra over …`

    What the letter does not say is left out (`Antwoordbrief, 12 februari 2026`).
    """
    if letter.kind in (WRITTEN_QUESTIONS, APPENDIX_ANSWERS):
        name = _questions_title(letter)
    elif letter.kind in (COMMITTEE_LETTER, COVER_NOTE):
        committee = COMMITTEE_NAME.search(" ".join((letter.sender or "").split()))
        name = "Brief van de commissie" if letter.kind == COMMITTEE_LETTER else "Verslag van de commissie"
        name += f" voor {committee['subject']}" if committee else ""
    else:
        sender = sender_function(letter)
        name = capitalized(letter_kind_label(letter.kind)) + (f" van {sender}" if sender else "")
    return name + _dated(record, letter)


def _questions_title(letter: Letter) -> str:
    """`Schriftelijke vragen van A en B over X`; an Aanhangsel letter answers them."""
    askers = [" ".join(member.name.split()) for member in letter.askers if member.name.strip()]
    subject = " ".join((letter.subject or "").split())
    if letter.kind == APPENDIX_ANSWERS and not askers and not subject:
        sender = sender_function(letter)
        return f"Antwoord van {sender}" if sender else capitalized(record_kind_label(RECORD_APPENDIX))
    name = "Schriftelijke vragen" if letter.kind == WRITTEN_QUESTIONS else "Antwoord op schriftelijke vragen"
    return name + (f" van {_listed(askers)}" if askers else "") + (f" over {subject}" if subject else "")


def sender_function(letter: Letter) -> str:
    """Name who sent a letter, as `van …` continues: `de staatssecretaris van Financiën - …`.

    Where the printed heading names the sender (`BRIEF VAN DE STAATSSECRETARIS VAN FINANCIËN -
    FISCALITEIT, BELASTINGDIENST EN DOUANE`), the same words are taken from the sender in its own
    letter case, which leaves out the signatory (`…, Eugène Heijnen`); else the whole sender.
    A leading `De` becomes `de`. Empty when the letter names no sender.
    """
    sender = " ".join((letter.sender or "").split())
    heading = PRINTED_LETTER_HEADING.match(" ".join((letter.title or "").split()))
    if heading and len(sender.lower()) == len(sender):
        named = heading["sender"].lower()
        at = sender.lower().find(named)
        end = at + len(named)
        if at >= 0 and (at == 0 or sender[at - 1] in " ,") and (end == len(sender) or sender[end] in " ,"):
            sender = sender[at:end]
    return "de" + sender[2:] if sender.startswith("De ") else sender
