"""Build small model objects for the link tests; the texts passed in are copied from `seeds/`."""

from __future__ import annotations

import datetime
from dataclasses import replace

from generator.model import (
    Answer,
    Footnote,
    FootnoteMarker,
    Heading,
    Letter,
    Member,
    Paragraph,
    Question,
    Record,
    SourceSpan,
)

SEED_000 = "seeds/000_04ae587ba6eeb66d.txt"
SEED_001 = "seeds/001_dfb242f75dbdc9fb.txt"


def span(line: int, path: str = SEED_001) -> SourceSpan:
    """One source line."""
    return SourceSpan(path, line, line)


def paragraph(key: str, text: str, line: int, path: str = SEED_001, quoted: bool = False,
              markers: tuple[tuple[int, int], ...] = ()) -> Paragraph:
    """A paragraph at `path:line`; `markers` are (footnote number, offset) pairs."""
    return Paragraph(key, text, span(line, path), tuple(FootnoteMarker(n, o) for n, o in markers), quoted)


def question(number: int, party: str | None, *paragraphs: Paragraph, numbers: tuple[int, ...] = (),
             quoted: bool = False, numbered: bool = True) -> Question:
    """A question made of `paragraphs`."""
    first = paragraphs[0].span if paragraphs else span(1)
    return Question(number, numbers or (number,), numbered, party, (), tuple(paragraphs), first, quoted)


def answer(number: int, party: str | None, *paragraphs: Paragraph, numbers: tuple[int, ...] = ()) -> Answer:
    """An answer made of `paragraphs`."""
    first = paragraphs[0].span if paragraphs else span(1)
    return Answer(number, numbers or (number,), party, tuple(paragraphs), first)


def heading(text: str, line: int, party: str | None, path: str = SEED_001) -> Heading:
    """A section heading naming a party."""
    return Heading(text, span(line, path), party)


def footnote(number: int, text: str, line: int, path: str = SEED_001) -> Footnote:
    """A footnote body, keyed by `letter()` when it is put in a letter."""
    return Footnote(number, text, span(line, path), key="")


def letter(index: int, kind: str, *body, path: str = SEED_001, footnotes: tuple[Footnote, ...] = (),
           askers: tuple[Member, ...] = (), subject: str | None = None, chamber: str = "Eerste Kamer",
           sent_on: datetime.date | None = None, received_on: datetime.date | None = None,
           head: tuple[Paragraph, ...] = ()) -> Letter:
    """A letter holding `body` in order, its footnotes under the keys the parser gives them (`fn2-12`)."""
    return Letter(
        index, kind, chamber, sent_on, None, None, subject, askers, None, head, tuple(body),
        tuple(replace(note, key=f"fn{index}-{note.number}") for note in footnotes), span(1, path), received_on,
    )


def record(path: str, *letters: Letter, kind: str = "verslag-schriftelijk-overleg",
           dossiers: tuple[str, ...] = ()) -> Record:
    """A record holding `letters`."""
    return Record(path, kind, "Eerste Kamer", None, "titel", tuple(letters), (), dossiers=dossiers)
