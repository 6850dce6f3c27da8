"""List the dated events of the corpus: every letter's own dates and every date its text mentions.

A mention keeps the precision the letter gives it (a day, a month, a year, a part of a year) and
is never rounded to a day it does not name. A year the letter leaves out is inferred, and the
source says how: from the parliamentary year of the document its footnote cites, else as the
most recent such date on or before the letter's own date::

    answer letter of 12 februari 2026, "… van 1 juli.10" with footnote 10 "Kamerstukken II, 2024/25, nr. 2592"
    -> Event(EventDate("dag", 2025, 7, 1), (EventSource(…, written="1 juli",
             inferred="jaar uit het vergaderjaar 2024/25 van voetnoot 10"),))
    "Begin dit jaar heeft de Belastingdienst …"  -> EventDate("periode", 2026, 1, period="begin")
    "mijn brief van oktober jl."                 -> EventDate("maand", 2025, 10)
    "het besluit van 2021"                       -> EventDate("jaar", 2021)

Events on the same date (and precision) are one event with all their sources, in reading order;
events come out in date order. The patterns are one ordered alternation without nested
repetition; every repeat is possessive, so matching is linear in the length of the text.
"""

from __future__ import annotations

import datetime
import re
from bisect import bisect_left, bisect_right

from generator.link._walk import paragraphs_with
from generator.link.scan import finds_after_boundary, folded, starts_near
from generator.model import (
    APPENDIX_ANSWERS,
    WRITTEN_QUESTIONS,
    Event,
    EventDate,
    EventSource,
    Letter,
    LetterKey,
    Paragraph,
    Record,
)

__all__ = ["list_events"]

MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip
_MONTH = "|".join(MONTHS)
_YEAR = r"(?:19|20)\d\d(?![\d/]|[.,]\d)"

PERIODS = {"begin": 1, "voorjaar": 3, "medio": 6, "zomer": 6, "najaar": 9, "eind": 12, "winter": 12}
"""Parts of a year a letter names, with the month each starts in (only for sorting)."""

_BEFORE_DATE = r"[^\w/.-]"
"""A character a date may follow."""

_DATE = re.compile(
    rf"""
    {_BEFORE_DATE}                                                          # after a character no date follows,
    (?=[0-9jfmasondbehvit])                                                 # the first characters of the dates below:
    (?=(?P<date>
        (?P<day>[12]\d|3[01]|0?[1-9])\s++(?P<day_month>{_MONTH})(?!\w)        # 2 oktober (2025) (jl.)
            (?:\s++(?P<day_year>{_YEAR}))?(?P<day_jl>\s++jl\.)?
      | (?P<month>{_MONTH})(?!\w)                                             # oktober 2025, oktober jl.
            (?:\s++(?P<month_year>{_YEAR})|(?P<month_jl>\s++jl\.))
      | (?P<part>begin|medio|eind|half)\s++                                   # begin 2025, begin dit jaar
            (?:(?P<part_year>{_YEAR})|(?P<part_relative>dit|vorig|volgend)\s++jaar(?!\w))
      | (?P<season_lead>(?:het|dit|vorig|afgelopen)\s++)                      # het voorjaar (van 2025)
            (?P<season>voorjaar|zomer|najaar|winter)(?!\w)
            (?:\s++(?:van\s++)?(?P<season_year>{_YEAR}))?
      | (?P<year_lead>(?:in|van|sinds|vanaf|tot|na)\s++)(?P<year>{_YEAR})      # in 2021, van 2021
    ))
    """,
    re.VERBOSE | re.IGNORECASE,
)
"""Dates a letter mentions (group `date`), most precise first; a year alone only after a word that
dates by it. The pattern matches the character before a date (see `finds_after_boundary`)."""

_DATE_WORDS = ("jaar", "zomer", "winter", *MONTHS)
"""What every date `_DATE` finds holds but a year: a month, `jaar` (`dit jaar`, `voorjaar`, `najaar`)
or another season; in lower case in the text `folded`, in whatever case it is written."""
_YEAR_ANCHOR = re.compile(r"(?:19|20)\d\d")
"""Every year `_YEAR` finds (it follows white space, so one found here never overlaps it)."""
_WORDS_BEFORE_ANCHOR = 2
"""How many words a date holds before the word of its first year, month, `jaar` or season:
`begin dit jaar`, `het voorjaar`, `2 oktober`, `in 2021` (`date_starts`)."""
_BEFORE = re.compile(_BEFORE_DATE)


def date_starts(texts: list[str]) -> list[list[int]]:
    """For each of `texts`, the places where a date `_DATE` finds may start (for
    `finds_after_boundary`): near each year and each of `_DATE_WORDS` in any case (`starts_near`),
    found as literals in all of `texts` at once. Most paragraphs hold none and the rest a few:
    `_DATE`, a case-blind pattern tried at every space, costs far more than these searches.

        >>> date_starts(["Het besluit.", "Zie de brief van 2 oktober 2025."])
        [[], [13, 17, 19, 27]]
    """
    joined = "\n".join(texts)  # no date and no word of one holds a line break
    anchors = [found.start() for found in _YEAR_ANCHOR.finditer(joined)]
    lowered = folded(joined)
    for word in _DATE_WORDS:
        at = lowered.find(word)
        while at >= 0:
            anchors.append(at)
            at = lowered.find(word, at + 1)
    offsets = [0]
    for text in texts[:-1]:
        offsets.append(offsets[-1] + len(text) + 1)
    near: list[list[int]] = [[] for _ in texts]
    for anchor in sorted(anchors):
        index = bisect_right(offsets, anchor) - 1
        near[index].append(anchor - offsets[index])
    return [list(starts_near(text, found, _WORDS_BEFORE_ANCHOR, _BEFORE)) if found else [] for text, found in zip(texts, near)]


_VERGADERJAAR = re.compile(r"(?<!\d)(?P<first>(?:19|20)\d\d)/(?:(?P<second>\d\d)(?!\d))")
"""A parliamentary year in a citation: `2024/25`."""

_SENTENCE_END = re.compile(r"[.?!](?=\s++[A-Z‘“(])")
PHRASE_WORDS = 8
"""How many words either side of a date its phrase keeps."""
PHRASE_REACH = 120
"""How many characters either side of a date are read for its phrase."""

OWN_ROLES = {WRITTEN_QUESTIONS: "ingezonden"}
"""The role of a letter's own date by kind of letter; any other letter is `verstuurd`."""


def list_events(
    records: tuple[Record, ...], dated: tuple[tuple[tuple[EventDate, EventSource], ...], ...] | None = None
) -> tuple[Event, ...]:
    """List every dated event of `records`, oldest first, each with all the letters that date it.

    `dated` are the records' `dated_in_record`, when they were found before (by the parse's workers)."""
    found: dict[tuple, tuple[EventDate, list[EventSource]]] = {}  # by the date's fields: hashing an EventDate costs a call
    for dates in dated if dated is not None else map(dated_in_record, records):
        for date, source in dates:
            key = (date.precision, date.year, date.month, date.day, date.period)
            sources = found.get(key)
            if sources is None:
                found[key] = (date, [source])
            else:
                sources[1].append(source)
    # a source names its record: each record's are listed once by `dated_in_record`, unless two records share a path
    unique = len({record.path for record in records}) == len(records)
    return tuple(Event(date, tuple(sources if unique else _unique(sources))) for date, sources in sorted(found.values(), key=_date_order))


def dated_in_record(record: Record) -> tuple[tuple[EventDate, EventSource], ...]:
    """Every date one record gives or mentions, with where, in reading order, each once (`list_events` merges them)."""
    found: list[tuple[EventDate, EventSource]] = []
    letters_dated = {letter.index: _own_date(record, letter) for letter in record.letters}
    footnotes_of = {letter.index: {note.number: note.text for note in letter.footnotes} for letter in record.letters}
    for letter in record.letters:
        found += _own_events(record, letter)
    for place, starts in paragraphs_with(record, date_starts, footnotes=True):
        if not starts:
            continue  # no date (most paragraphs)
        letter = place.letter
        footnotes = footnotes_of[letter.index]
        in_head = any(place.paragraph is paragraph for paragraph in letter.head)
        for date, source in _mentions(record, letter, place.paragraph, letters_dated[letter.index], footnotes, starts):
            if in_head and source.written and _is_own(date, letter):
                continue  # `Den Haag, 2 december 2025`, `(ingezonden 7 oktober 2025)`: the letter's own date
            found.append((date, source))
    return tuple(dict.fromkeys(found))  # each once: the same date in the same words at the same place


def _date_order(item: tuple[EventDate, list[EventSource]]) -> tuple[int, int, int, int]:
    date = item[0]
    rank = {"jaar": 0, "periode": 1, "maand": 2, "dag": 3}[date.precision]
    return (date.year, date.month or 0, rank, date.day or 0)


def _unique(sources: list[EventSource]) -> list[EventSource]:
    """Each source once (the same letter, place and words), in the order found."""
    return list(dict.fromkeys(sources))


def _own_date(record: Record, letter: Letter) -> datetime.date | None:
    """The date a letter's words are dated by: its own, or its record's newest letter's."""
    return letter.sent_on or letter.received_on or max(
        (other.sent_on for other in record.letters if other.sent_on), default=None
    )


def _is_own(date: EventDate, letter: Letter) -> bool:
    own = {letter.sent_on, letter.received_on} - {None}
    return date.precision == "dag" and any(
        (date.year, date.month, date.day) == (day.year, day.month, day.day) for day in own if day
    )


def _own_events(record: Record, letter: Letter) -> list[tuple[EventDate, EventSource]]:
    """The letter's own dates: sent (or submitted) and received. A letter printing no date has none;
    the answers of an Aanhangsel are dated by when they were received, when it prints that."""
    key = LetterKey(record.path, letter.index)
    events = []
    sent_on = None if letter.kind == APPENDIX_ANSWERS and letter.received_on else letter.sent_on  # dated when received
    for day, role in ((sent_on, OWN_ROLES.get(letter.kind, "verstuurd")), (letter.received_on, "ontvangen")):
        if day is not None:
            written = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
            source = EventSource(key, role, "", written, "", letter.span)
            events.append((EventDate("dag", day.year, day.month, day.day), source))
    return events


def _mentions(
    record: Record, letter: Letter, paragraph: Paragraph, dated: datetime.date | None, footnotes: dict[int, str],
    starts: list[int],
) -> list[tuple[EventDate, EventSource]]:
    """Every date `paragraph` mentions, as an event date and its source (`starts`: where one may
    start, `date_starts`)."""
    text = paragraph.text
    key = LetterKey(record.path, letter.index)
    found = []
    ends: list[int] | None = None  # read once a paragraph has a date: most have none
    for match, start, end in finds_after_boundary(_DATE, text, "date", starts):
        date, inferred = _event_date(match, dated, _cited_session(end, paragraph, footnotes))
        if date is None:
            continue
        written = " ".join(match.group("date").split())
        if match.group("year_lead"):  # `in 2021`: the year is what is written as the date
            written = written[len(" ".join(match.group("year_lead").split())) + 1 :]
        ends = _sentence_ends(text) if ends is None else ends
        phrase = _phrase(text, ends, start, end)
        found.append((date, EventSource(key, "vermeld", paragraph.key, written, phrase, paragraph.span, inferred)))
    return found


def _cited_session(end: int, paragraph: Paragraph, footnotes: dict[int, str]) -> tuple[int, int] | None:
    """The parliamentary year (`2024/25` -> (2024, 2025)) of a footnote marked right after the date
    (which ends at character `end`), in the same sentence."""
    for marker in paragraph.markers:
        between = paragraph.text[end : marker.offset]
        if marker.offset >= end and len(between) <= 3 and marker.number in footnotes:
            session = _VERGADERJAAR.search(footnotes[marker.number])
            if session:
                first = int(session["first"])
                if (first + 1) % 100 == int(session["second"]):
                    return first, first + 1
    return None


def _event_date(
    match: re.Match[str], dated: datetime.date | None, session: tuple[int, int] | None
) -> tuple[EventDate | None, str | None]:
    """Turn a match into an event date, inferring a year the text leaves out (None when it cannot)."""
    if match["day"]:
        month, day = MONTHS.index(folded(match["day_month"])) + 1, int(match["day"])
        if match["day_year"]:
            return _day(int(match["day_year"]), month, day), None
        if session is not None:
            start = _prinsjesdag(session[0])
            year = session[0] if (month, day) >= (start.month, start.day) else session[1]
            return _day(year, month, day), f"jaar uit het vergaderjaar {session[0]}/{session[1] % 100:02d} van de geciteerde voetnoot"
        if dated is None:
            return None, None
        year = dated.year if (month, day) <= (dated.month, dated.day) else dated.year - 1
        return _day(year, month, day), "jaar uit de datum van de brief"
    if match["month"]:
        month = MONTHS.index(folded(match["month"])) + 1
        if match["month_year"]:
            return EventDate("maand", int(match["month_year"]), month), None
        if dated is None:
            return None, None
        year = dated.year if month <= dated.month else dated.year - 1
        return EventDate("maand", year, month), "jaar uit de datum van de brief"
    if match["part"]:
        part = "medio" if folded(match["part"]) == "half" else folded(match["part"])
        if match["part_year"]:
            return EventDate("periode", int(match["part_year"]), PERIODS[part], period=part), None
        if dated is None:
            return None, None
        shift = {"dit": 0, "vorig": -1, "volgend": 1}[folded(match["part_relative"])]
        return EventDate("periode", dated.year + shift, PERIODS[part], period=part), "jaar uit de datum van de brief"
    if match["season"]:
        season = folded(match["season"])
        if match["season_year"]:
            return EventDate("periode", int(match["season_year"]), PERIODS[season], period=season), None
        if dated is None:
            return None, None
        lead = folded(match["season_lead"].split()[0])
        year = dated.year if dated.month >= PERIODS[season] else dated.year - 1  # the most recent one
        if lead == "vorig":
            year -= 1
        return EventDate("periode", year, PERIODS[season], period=season), "jaar uit de datum van de brief"
    return EventDate("jaar", int(match["year"])), None


def _day(year: int, month: int, day: int) -> EventDate | None:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return None  # 31 februari: not a date
    return EventDate("dag", year, month, day)


def _prinsjesdag(year: int) -> datetime.date:
    """The third Tuesday of September, when the parliamentary year begins."""
    first = datetime.date(year, 9, 1)
    return first + datetime.timedelta(days=(1 - first.weekday()) % 7 + 14)


def _sentence_ends(text: str) -> list[int]:
    """Where each sentence of `text` ends (one pass)."""
    return [found.end() for found in _SENTENCE_END.finditer(text)]


def _phrase(text: str, ends: list[int], start: int, end: int) -> str:
    """A short phrase around characters `start`..`end`: their sentence, cut to a few words either side.

    Only a bounded stretch of text either side is read, so each phrase costs the same however long
    the paragraph is."""
    at = bisect_right(ends, start)
    sentence_start = ends[at - 1] if at else 0
    after = bisect_left(ends, end)
    sentence_end = ends[after] if after < len(ends) else len(text)
    before_text = text[max(sentence_start, start - PHRASE_REACH) : start]
    behind_text = text[end : min(sentence_end, end + PHRASE_REACH)]
    before, behind = before_text.split(), behind_text.split()
    cut_before = len(before) > PHRASE_WORDS or start - PHRASE_REACH > sentence_start
    cut_behind = len(behind) > PHRASE_WORDS or end + PHRASE_REACH < sentence_end
    lead = " ".join(before[-PHRASE_WORDS:]) + (" " if before and before_text[-1:].isspace() else "")
    tail = (" " if behind and behind_text[:1].isspace() else "") + " ".join(behind[:PHRASE_WORDS])
    words = (lead + " ".join(text[start:end].split()) + tail).lstrip("•· ")
    return ("… " if cut_before else "") + words + (" …" if cut_behind else "")
