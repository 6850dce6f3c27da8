"""Where each paragraph of a letter stands on the site: its page, the anchor nearest it, a label.

The glossary, the timeline and the editorial notes link to the place in a letter where something
is said; this module names those places once, with the anchors the letter's page really gives::

    answer 3 of BBB in the answer letter
    -> TextPlace("eerste-kamer/2026-02-12/antwoordbrief.md", "bbb-antwoord-3",
                 "antwoord op vraag 3 (BBB)", LetterKey(…, 2))
    footnote 9 of the committee letter -> TextPlace(…, "fn:9", "voetnoot 9", …)
    the opening of a letter -> TextPlace(…, None, "aanhef", …)  the page itself
    a paragraph outside any question or answer -> TextPlace(…, None, "", …)

`letter_anchors` lists every anchor a letter's page holds for its questions, answers and footnotes.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from generator.model import Answer, Letter, LetterKey, Paragraph, Question, Record
from generator.render.context import ByRecord, RenderContext
from generator.render.labels import covered_numbers, numbers_label
from generator.render.blocks import qa_anchors

__all__ = ["OPENING", "TextPlace", "footnote_anchor", "lazy_text_places", "letter_anchors", "text_places"]

OPENING = "aanhef"
"""The label of a letter's opening lines (addressee, place and date): they have no anchor of their own."""


class TextPlace(NamedTuple):
    """A paragraph's place: `page` (docs-relative), `anchor` (None: the page itself), `label` (what
    the anchor leads to, `antwoord op vraag 3 (BBB)`, empty for the page) and its letter. (A named
    tuple: made for every question and answer a page's timeline looks in, and a frozen dataclass is
    several times slower to make.)"""

    page: str
    anchor: str | None
    label: str
    letter: LetterKey


def footnote_anchor(number: int) -> str:
    """The id Python-Markdown's footnotes give footnote `number`: `fn:9`."""
    return f"fn:{number}"


def text_places(context: RenderContext) -> dict[tuple[str, str], TextPlace]:
    """Map (record path, paragraph or footnote key) to its place, for every letter with a page
    (gathered once per site: the context holds them when `render_site` rendered it)."""
    return context.places or lazy_text_places(context)


def lazy_text_places(context: RenderContext) -> ByRecord:
    """`text_places`, each record's places made when one of them is first looked up: a page reads
    only its own letters' places (a rebuild renders few pages), every one only when walked over."""
    records = context.records or {record.path: record for record in context.corpus.records}

    def make(path: str) -> Iterator[tuple[tuple[str, str], TextPlace]]:
        record = records.get(path)
        for letter in record.letters if record is not None else ():
            for key, place in _letter_places(record, letter, context).items():
                yield (path, key), place

    return ByRecord(context.corpus.records, make)


def letter_anchors(record: Record, letter: Letter, context: RenderContext) -> dict[str, str]:
    """Every anchor a letter's page gives its questions, answers and footnotes, with its label."""
    if context.addresses.letter_page(LetterKey(record.path, letter.index)) is None:
        return {}
    anchors: dict[str, str] = {}
    for place in _letter_places(record, letter, context).values():
        if place.anchor is not None:
            anchors.setdefault(place.anchor, place.label)
    for primary, extra in qa_anchors(letter).values():
        for name in extra:
            anchors.setdefault(name, anchors.get(primary, ""))
    return anchors


def _letter_places(record: Record, letter: Letter, context: RenderContext) -> dict[str, TextPlace]:
    key = LetterKey(record.path, letter.index)
    page = context.addresses.letter_page(key)  # a cover note's page is its record's page
    if page is None:
        return {}
    anchors = qa_anchors(letter)
    opening, plain = TextPlace(page, None, OPENING, key), TextPlace(page, None, "", key)  # one each: they are alike
    places = dict.fromkeys((paragraph.key for paragraph in letter.head), opening)
    for position, block in enumerate(letter.body):
        if isinstance(block, Paragraph):
            places[block.key] = plain
        elif isinstance(block, (Question, Answer)):
            anchor = anchors[position][0]
            party = f" ({block.party})" if block.party else ""
            numbers = numbers_label(covered_numbers(block))
            what = "vraag" if isinstance(block, Question) else "antwoord op vraag"
            place = TextPlace(page, anchor, f"{what} {numbers}{party}", key)
            inner = (*block.context, *block.paragraphs) if isinstance(block, Question) else block.paragraphs
            places.update(dict.fromkeys((paragraph.key for paragraph in inner), place))
    for footnote in letter.footnotes:
        places[footnote.key] = TextPlace(page, footnote_anchor(footnote.number), f"voetnoot {footnote.number}", key)
    return places
