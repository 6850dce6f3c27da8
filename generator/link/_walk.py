"""Walk a record's text in source order, saying where each paragraph stands (shared by the steps).

Every step of the link pass looks at paragraphs with the same context: the letter they are in,
the question or answer that encloses them, and the party whose section they belong to. This
module gathers that once, so each step only reads it::

    Record(letters=(Letter(body=(Heading("Vragen ... van BBB", party="BBB"),
                                 Answer(number=11, party="BBB", paragraphs=(p80,))),),))
    -> Place(letter=..., paragraph=p80, block=Answer(11), party="BBB", order=0)
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from typing import NamedTuple, TypeVar

from generator.model import Answer, Footnote, Heading, Letter, Paragraph, Question, Record, TextLink

Found = TypeVar("Found")


class Place(NamedTuple):
    """A paragraph and where it stands: its letter, its enclosing question or answer (or None),
    the party of its section (or None), and its position in the record's reading order.

    A named tuple, not a frozen dataclass: the link pass makes one for every paragraph of the
    corpus several times over, and a tuple is made several times faster."""

    record: Record
    letter: Letter
    paragraph: Paragraph
    block: Question | Answer | None
    party: str | None
    order: int


def footnote_paragraph(footnote: Footnote) -> Paragraph:
    """A footnote body as a paragraph under its key (`fn2-12`), so the text steps can read it like any other."""
    return Paragraph(footnote.key, footnote.text, footnote.span)


def walk_paragraphs(record: Record, footnotes: bool = False) -> Iterator[Place]:
    """Yield every paragraph of `record` in reading order, with its place.

    Per letter: the head, then the body (a question's context and paragraphs, an answer's
    paragraphs), then, with `footnotes`, the footnote bodies as paragraphs under their keys (`fn<letter>-<n>`).
    The section party is set by each heading (a heading naming no party ends the section) and
    by each question or answer that names one.

    The steps that read one record (`generator.link.record`) each walk it, one after the other:
    the places of the record walked last are kept (one record's, per value of `footnotes`) and
    given again, not made again.
    """
    return iter(_places(record, footnotes))


def paragraphs_with(record: Record, find: Callable[[list[str]], Sequence[Found]], footnotes: bool = False) -> Iterator[tuple[Place, Found]]:
    """Each paragraph's place (`walk_paragraphs`) with what `find` gives for its text, `find`
    reading the text of every paragraph of the record at once (one search of the record, not one
    a paragraph: `generator.link.scan.hinted`, `events.date_starts`)."""
    places = _places(record, footnotes)
    return zip(places, find([place.paragraph.text for place in places]))


def _places(record: Record, footnotes: bool) -> tuple[Place, ...]:
    walked = _walked.get(footnotes)
    if walked is None or walked[0] is not record:
        walked = _walked[footnotes] = (record, tuple(_walk(record, footnotes)))
    return walked[1]


_walked: dict[bool, tuple[Record, tuple[Place, ...]]] = {}
"""footnotes -> (the record walked last, its places): see `walk_paragraphs`."""


def _walk(record: Record, footnotes: bool) -> Iterator[Place]:
    order = 0
    for letter in record.letters:
        for paragraph in letter.head:
            yield Place(record, letter, paragraph, None, None, order)
            order += 1
        party: str | None = None
        for block in letter.body:
            if isinstance(block, Heading):
                party = block.party
                continue
            if isinstance(block, Paragraph):
                yield Place(record, letter, block, None, party, order)
                order += 1
                continue
            party = block.party if block.party is not None else party
            inner = (*block.context, *block.paragraphs) if isinstance(block, Question) else block.paragraphs
            for paragraph in inner:
                yield Place(record, letter, paragraph, block, party, order)
                order += 1
        if footnotes:
            for footnote in letter.footnotes:
                yield Place(record, letter, footnote_paragraph(footnote), None, None, order)
                order += 1


ParagraphPlaces = dict[tuple[str, str], tuple[int, int]]
"""(record path, paragraph key) -> (the record's number, the paragraph's place in its reading order)."""


def paragraph_places(records: tuple[Record, ...]) -> ParagraphPlaces:
    """Where each paragraph (footnote bodies last in each letter) stands in the records' reading order."""
    return {
        (record.path, place.paragraph.key): (number, place.order)
        for number, record in enumerate(records)
        for place in walk_paragraphs(record, footnotes=True)
    }


def in_reading_order(
    records: tuple[Record, ...], links: tuple[TextLink, ...], places: ParagraphPlaces | None = None
) -> tuple[TextLink, ...]:
    """Sort text links by record, paragraph (reading order, footnotes last per letter), offset; a
    link to a paragraph no record holds goes last. `places`: the records' `paragraph_places`."""
    places = paragraph_places(records) if places is None else places
    last = (len(records), 0)
    return tuple(sorted(links, key=lambda link: (places.get((link.path, link.paragraph), last), link.start, link.end)))
