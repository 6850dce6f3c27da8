"""Find each footnote's marker in the running text, in sequence, and take it out.

Markers are found where PDF text leaves them (`VS’? 1)`, `Digitalisering2 heeft`, `(M365)3,`,
`besparen”.7 De`, `uit 20224 waaruit`), using the fact that markers run in sequence, each has a
body, and a marker stands on or before the page of its body. A body whose marker is not found is
marked unreferenced; a marker numbered after the last body is reported (`orphan_markers`).

Example::

    >>> from generator.model import SourceSpan
    >>> note = CleanFootnote(1, "Samenstelling: Baumgarten (JA21)", SourceSpan("seeds/x.txt", 3, 3))
    >>> paragraphs, notes = take_markers([RawParagraph("De vaste commissie voor Digitalisering1 heeft", 1, 1)], [note], False)
    >>> paragraphs[0].text, paragraphs[0].markers, notes[0].referenced
    ('De vaste commissie voor Digitalisering heeft', (FootnoteMarker(number=1, offset=38),), True)
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import NamedTuple

from generator.model import Diagnostic, FootnoteMarker
from generator.parse.footnote_bodies import CleanFootnote
from generator.parse.paragraphs import RawParagraph

GLUED_MARKER = r"""(?:(?<=[^\W\d_])|(?<=[)”’"»?!])|(?<=[^\W\d_][.,])|(?<=[)”’"»]\.)|(?<=\b(?:19|20)\d\d))(?P<number>{n})(?!\d|[^\W\d_])"""
"""A marker glued to the word before it: `Digitalisering2`, `(M365)3,`, `juli.10 Het`,
`vuurwerkrampen»3`, `Agema,7`, and to a year (`uit 20224 waaruit`: 2022 and footnote 4)."""

PAREN_MARKER = r"""(?:(?<=[^\s\d(])|(?<=[^\s\d(]\s))(?P<number>{n})\)(?=\s|$|[.,;:])"""
"""A marker in the `1)` style of written questions: `VS’? 1)`, `geven? 2)`."""


class CleanParagraph(NamedTuple):
    """A paragraph with its footnote markers taken out (a tuple, as `RawParagraph`)."""

    text: str
    first: int
    last: int
    markers: tuple[FootnoteMarker, ...]


DIGIT_RUN = re.compile(r"\d+")

YEAR_DIGITS = 4


class _MarkerCandidates:
    """Every place a footnote marker could stand in the paragraphs, found in one pass, and the
    marker of a footnote looked up among them.

    The marker patterns are written for one number (`GLUED_MARKER.format(n=3)`): what must
    stand before the number, the number, what must follow; no digit may follow the number. So
    a marker's number ends a run of digits, and starts it (no pattern lets a digit stand before
    a marker) or follows a year that starts it (`juli 20235`: 2023 and footnote 5, which
    `GLUED_MARKER` reads): those two places of each run are tried, with the template's own
    parts before and after the number. Looking each footnote's marker up here instead of
    searching the paragraphs with its own pattern gives the same marker, and a record with
    thousands of footnote bodies and no markers (each body searched for from the last marker
    on) stays linear. Only the places of `numbers` (the footnotes' own) are kept: no other is
    looked up, and most digits in a letter (dates, amounts, article numbers) are none of them.
    """

    def __init__(self, paragraphs: list[RawParagraph], paren_style: bool, numbers: set[int]) -> None:
        before, after = (PAREN_MARKER if paren_style else GLUED_MARKER).split("(?P<number>{n})")
        fits_before, fits_after = re.compile(before), re.compile(after)
        self.paragraphs = paragraphs
        self.at: dict[int, list[tuple[int, int, int, bool]]] = {}
        """number -> (paragraph index, start, end, inside brackets) of every place, in order"""
        self.firsts: dict[int, list[tuple[int, int, int]]] = {}
        """number -> (paragraph index, start, end) of its first place in a paragraph, for the
        paragraphs where that place is outside brackets"""
        for index, paragraph in enumerate(paragraphs):
            opened = closed = last = 0
            seen: set[int] = set()
            places = (
                (start, run.end())
                for run in DIGIT_RUN.finditer(paragraph.text)
                for start in (run.start(), run.start() + YEAR_DIGITS)
                if start < run.end()
            )
            for start, run_end in places:
                digits = paragraph.text[start:run_end]
                if len(digits) > 3 or int(digits) not in numbers or digits != str(int(digits)):
                    continue  # no footnote's number (more than three digits, another, a leading zero)
                if not fits_before.match(paragraph.text, start):
                    continue  # no marker
                following = fits_after.match(paragraph.text, run_end)
                if following is None:
                    continue
                number, end = int(digits), following.end()
                opened += paragraph.text.count("(", last, start)
                closed += paragraph.text.count(")", last, start)
                last = start
                inside = opened > closed  # as `_inside_brackets`, counted once
                self.at.setdefault(number, []).append((index, start, end, inside))
                if number not in seen:
                    seen.add(number)
                    if not inside:
                        self.firsts.setdefault(number, []).append((index, start, end))

    def first(self, number: int, position: tuple[int, int], line: int) -> tuple[int, int, int] | None:
        """Where the marker `number` is: searching from `position` (paragraph index, offset), the
        first place in a paragraph (or in the rest of the first), if it is outside brackets;
        else the same in the next paragraph; only in paragraphs that start on or before `line`.
        """
        index, offset = position
        if offset:
            places = self.at.get(number, [])
            at = bisect_left(places, (index, offset, -1, False))
            if at < len(places) and places[at][0] == index:
                if self.paragraphs[index].first > line:
                    return None
                if not places[at][3]:
                    return places[at][:3]
            index += 1
        firsts = self.firsts.get(number, [])
        at = bisect_left(firsts, (index, -1, -1))
        if at < len(firsts) and self.paragraphs[firsts[at][0]].first <= line:
            return firsts[at]
        return None


def take_markers(
    paragraphs: list[RawParagraph], footnotes: list[CleanFootnote], paren_style: bool
) -> tuple[list[CleanParagraph], list[CleanFootnote]]:
    """Find each footnote's marker in the running text, in sequence, and take it out.

    Marker N is looked for after marker N-1, in paragraphs that start on or before the line of
    body N. A body whose marker is not found stays, marked `referenced=False`.
    """
    found: dict[int, list[tuple[int, int, int]]] = {i: [] for i in range(len(paragraphs))}
    # (paragraph index, start, end) per footnote, in order
    position = (0, 0)
    referenced: set[int] = set()
    candidates = _MarkerCandidates(paragraphs if footnotes else [], paren_style, {note.number for note in footnotes})
    for note in footnotes:
        match = candidates.first(note.number, position, note.span.line)
        if match is not None:
            index, start, end = match
            if paren_style and start and paragraphs[index].text[start - 1] == " ":
                start -= 1
            found[index].append((note.number, start, end))
            referenced.add(note.number)
            position = (index, end)
    cleaned = []
    for index, paragraph in enumerate(paragraphs):
        text, markers, cursor = "", [], 0
        for number, start, end in found[index]:
            text += paragraph.text[cursor:start]
            markers.append(FootnoteMarker(number, len(text)))
            cursor = end
        text += paragraph.text[cursor:]
        cleaned.append(CleanParagraph(text, paragraph.first, paragraph.last, tuple(markers)))
    notes = [
        note if note.number in referenced else CleanFootnote(note.number, note.text, note.span, referenced=False)
        for note in footnotes
    ]
    return cleaned, notes


ORPHAN_MARKER = r"""(?:(?<=[.?!”’"])|(?<=[.?!”’"]\s))(?P<number>{n})\)?(?=\s|$)"""
"""A marker after the end of a sentence, for the number after the last body: `geven? 5)`."""


def orphan_markers(paragraphs: list[CleanParagraph], footnotes: list[CleanFootnote], path: str) -> list[Diagnostic]:
    """Report a marker numbered after the last footnote body: it has no body."""
    following = (footnotes[-1].number if footnotes else 0) + 1
    pattern = re.compile(ORPHAN_MARKER.format(n=following))
    start = 0
    for index, paragraph in enumerate(paragraphs):
        if paragraph.markers and paragraph.markers[-1].number == following - 1:
            start = index
    digits = str(following)
    for paragraph in paragraphs[start:]:
        match = _search_at(pattern, paragraph.text, digits)
        if match and not _inside_brackets(paragraph.text, match.start()):
            fragment = paragraph.text[max(0, match.start() - 30) : match.end() + 10]
            return [Diagnostic(path, paragraph.first, f"footnote marker {following} has no footnote body", fragment)]
    return []


def _search_at(pattern: re.Pattern[str], text: str, digits: str) -> re.Match[str] | None:
    """`pattern.search(text)` for a pattern whose every find starts with `digits`: tried only where
    they stand (most paragraphs hold them nowhere or a few times), where a pattern that opens with
    a lookbehind is tried at every character."""
    at = text.find(digits)
    while at >= 0:
        match = pattern.match(text, at)  # its lookbehind sees the text before `at`
        if match:
            return match
        at = text.find(digits, at + 1)
    return None


def _inside_brackets(text: str, position: int) -> bool:
    """Whether `position` lies inside an unclosed parenthesis: `(zie bijlage 1)` is no marker."""
    before = text[:position]
    return before.count("(") > before.count(")")
