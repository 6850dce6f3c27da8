"""Take the footnote bodies off the bottom of each page, and decide each line that holds only a number.

- footnote bodies stand at the bottom of a page, numbered in sequence across the record
  (`3 Kamerstukken I, …`, `1) NOS.nl, …`, `1NOS.nl, …`, or as pdftotext prints them: each number
  on a line of its own, the bodies after them); they are taken out of the page (a paragraph they
  split is joined again by `generator.parse.paragraphs`);
- a line that holds only a number is the next footnote's marker (glued to the line before it),
  a number of the title block, or a page number.

Example::

    >>> page = [Line(1, "De vaste commissie voor Digitalisering1 heeft", True), None,
    ...     Line(3, "1 Samenstelling: Baumgarten (JA21)", False)]
    >>> pages, notes, paren_style, _ = split_footnotes([page], "seeds/x.txt")
    >>> [line.text for line in pages[0] if line is not None], notes[0].number, notes[0].text, notes[0].span.line
    (['De vaste commissie voor Digitalisering1 heeft'], 1, 'Samenstelling: Baumgarten (JA21)', 3)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.model import Furniture, SourceSpan
from generator.parse.lines import STRUCTURAL_START, Line
from generator.parse.paragraphs import join_lines

FOOTNOTE_BODY = re.compile(
    r"""^(?P<number>\d{1,3})
        (?: (?P<paren>\))\s*      # 1) NOS.nl
          | \s+                   # 3 Kamerstukken I
          | (?=[A-Z“‘"(])         # 1NOS.nl (glued)
        )
        (?P<text>\S.*)$""",
    re.VERBOSE,
)


@dataclass(frozen=True)
class CleanFootnote:
    """A footnote body, its number as printed; `referenced` is false when no marker for it was found.

    The record's parser gives it its letter and key (`model.Footnote`).
    """

    number: int
    text: str
    span: SourceSpan
    referenced: bool = True


def _footnote_zone(page: list[Line | None], expected: int) -> tuple[int, list[tuple[int, list[Line]]]] | None:
    """Find the footnote bodies at the bottom of a page, numbered from `expected` on.

    Returns the index where the zone starts and the bodies as (number, lines), or None.
    A zone starts after a blank line (or at the top of a page of notes only) and runs to the
    page end; each body starts with the next number in sequence.
    """
    failed: set[tuple[int, int, bool]] = set()
    for start, line in enumerate(page):
        if line is None or line.lone_number:
            continue
        match = FOOTNOTE_BODY.match(line.text)
        if not match or int(match["number"]) != expected:
            continue
        glued = not match["paren"] and line.text[len(match["number"])] != " "
        if start > 0 and page[start - 1] is not None and not glued:
            continue  # `3 Kamerstukken` after a blank line; `1NOS.nl` anywhere at the bottom
        bodies = _bodies(page, start, expected, failed)
        if bodies:
            return start, bodies
    return None


def _stacked_zone(page: list[Line | None], expected: int) -> tuple[int, list[tuple[int, list[Line]]]] | None:
    """Find footnotes printed as pdftotext prints them: the numbers on lines of their own, each
    body after its number, or numbers stacked (`5`, `6`) and their bodies after them in order.

    The zone starts at a lone number `expected` followed by a blank line or the next number (a
    marker that stands alone in running text is followed by its sentence), and runs to the page
    end: only numbers in sequence and bodies, no question or answer heading.

    The page's lines and the body lines left below each are gathered once for every start (per
    start they made a page of many lone numbers quadratic).
    """
    texts = [line for line in page if line is not None]
    left = [0] * (len(texts) + 1)  # body lines from each index on
    for index in range(len(texts) - 1, -1, -1):
        left[index] = left[index + 1] + (not texts[index].lone_number)
    position = -1  # the index in `texts` of page line `start`
    for start, line in enumerate(page):
        if line is None:
            continue
        position += 1
        if not line.lone_number or int(line.text) != expected:
            continue
        after = page[start + 1] if start + 1 < len(page) else None
        if after is not None and not (after.lone_number and int(after.text) == expected + 1):
            continue
        bodies = _stacked_bodies(texts, position, left, expected)
        if bodies:
            return start, bodies
    return None


def _stacked_bodies(texts: list[Line], first: int, left: list[int], expected: int) -> list[tuple[int, list[Line]]]:
    """Give each stacked number its body lines, from `texts[first]` to the page end, or [] when
    these lines are no footnote zone (a number out of sequence, a question or answer heading).
    `left` counts the body lines from each index of `texts` on.

    A body line goes to the first number still without a body; with every number served, it
    goes on the body before. Where stacked numbers wait for bodies and more lines remain than
    numbers, a line that goes on in lower case (or after a hyphen, colon or slash) continues the
    body before it, unless a number stands right above it.
    """
    bodies: list[tuple[int, list[Line]]] = []
    following = expected
    for index in range(first, len(texts)):
        line = texts[index]
        if line.lone_number and int(line.text) == following:
            bodies.append((following, []))
            following += 1
            continue
        if line.lone_number or not bodies or WRITTEN_LABEL.match(line.text):
            return []
        waiting = [body for body in bodies if not body[1]]
        remaining = left[index]
        current = next((body for body in reversed(bodies) if body[1]), None)
        goes_on = current is not None and not texts[index - 1].lone_number and (
            line.text[0].islower() or current[1][-1].text.endswith(("-", ":", "/"))
        )
        if waiting and not (goes_on and remaining > len(waiting)):
            waiting[0][1].append(line)
        else:
            (current or bodies[-1])[1].append(line)
    if not bodies or any(not body for _, body in bodies):
        return []
    return bodies


WRITTEN_LABEL = re.compile(r"^(?:Vra(?:ag|gen)|Antwoord(?:en)?)\s+\d{1,3}(?!\d)")
"""A question or answer heading: never part of a footnote zone."""


def _bodies(
    page: list[Line | None], start: int, expected: int, failed: set[tuple[int, int, bool]]
) -> list[tuple[int, list[Line]]]:
    """Read footnote bodies numbered from `expected` from line `start` to the end of the page, or
    [] when the lines are no footnotes: a body goes on only on the lines right below it; after a
    blank line the next body must start.

    `failed` holds the states (line, number expected next, after a blank line) from which a try
    at an earlier start failed: from the same state the rest of the page fails again, so a try
    stops there, and trying every start of a long page stays linear.
    """
    bodies: list[tuple[int, list[Line]]] = []
    following, after_blank = expected, False
    passed: list[tuple[int, int, bool]] = []
    for index in range(start, len(page)):
        candidate = page[index]
        if candidate is None:
            after_blank = True
            continue
        if candidate.lone_number:
            continue
        state = (index, following, after_blank)
        if state in failed:
            failed.update(passed)
            return []
        passed.append(state)
        match = FOOTNOTE_BODY.match(candidate.text)
        if match and int(match["number"]) == following:
            bodies.append((following, [candidate]))
            following += 1
        elif after_blank:
            failed.update(passed)
            return []
        else:
            bodies[-1][1].append(candidate)
        after_blank = False
    return bodies


def _footnote_text(lines: list[Line]) -> str:
    """Join a footnote body's lines and drop its number."""
    match = FOOTNOTE_BODY.match(lines[0].text)
    assert match is not None
    return join_lines([match["text"], *(line.text for line in lines[1:])], frozenset())


def split_footnotes(
    pages: list[list[Line | None]], path: str
) -> tuple[list[list[Line | None]], list[CleanFootnote], bool, list[Furniture]]:
    """Take footnote bodies out of each page; return the pages, the footnotes, whether the
    bodies are in the `1)` style, and the footnote numbers printed on lines of their own.

    Numbers run on from page to page; a page that opens a new letter (`BRIEF VAN …`) may start
    again at 1, as some records number each letter's footnotes on their own.
    """
    footnotes: list[CleanFootnote] = []
    numbers: list[Furniture] = []
    paren_style = False
    kept_pages: list[list[Line | None]] = []
    for page in pages:
        following = footnotes[-1].number + 1 if footnotes else 1
        zone = _footnote_zone(page, following)
        if zone is None and following > 1 and _opens_letter(page):
            zone = _footnote_zone(page, 1)
        stacked = zone is None and (zone := _stacked_zone(page, following)) is not None
        if zone is None:
            kept_pages.append(page)
            continue
        start, bodies = zone
        for number, body_lines in bodies:
            first = FOOTNOTE_BODY.match(body_lines[0].text)
            paren_style = paren_style or bool(not stacked and first and first["paren"])
            span = SourceSpan(path, body_lines[0].number, body_lines[-1].number)
            text = join_lines([line.text for line in body_lines], frozenset()) if stacked else _footnote_text(body_lines)
            footnotes.append(CleanFootnote(number, text, span))
        if stacked:  # the numbers printed on lines of their own are now the footnotes' numbers
            numbers.extend(
                Furniture(SourceSpan(path, line.number, line.number), line.text, "footnote number")
                for line in page[start:]
                if line is not None and line.lone_number
            )
            kept_pages.append(page[:start])
            continue
        kept_pages.append([*page[:start], *(line for line in page[start:] if line is not None and line.lone_number)])
    return kept_pages, footnotes, paren_style, numbers


LETTER_OPENING = re.compile(r"^BRIEF\s+VAN\b")


def _opens_letter(page: list[Line | None]) -> bool:
    """Whether a page opens a letter: its first line is a heading `BRIEF VAN …`."""
    first = next((line for line in page if line is not None), None)
    return first is not None and bool(LETTER_OPENING.match(first.text))


def lone_markers(
    pages: list[list[Line | None]], footnotes: list[CleanFootnote], path: str
) -> tuple[list[list[Line | None]], list[Furniture]]:
    """Decide each line that holds only a number: the next footnote's marker (glued to the line
    before it, as PDF text of a superscript often stands alone), a number of the title block
    above the letter's first heading (the chamber's `2`, the Aanhangsel's `1076`), or else a
    page number."""
    bodies = {note.number for note in footnotes}
    expected = 1
    furniture: list[Furniture] = []
    kept: list[list[Line | None]] = []
    opened = False  # a heading of the letter's own (`Vragen van …`, `Vraag 1`) has been seen
    for page in pages:
        lines: list[Line | None] = []
        previous: int | None = None  # the last line of `lines` that is not blank (kept, not searched for)
        for line in page:
            if line is None or not line.lone_number:
                opened = opened or (line is not None and bool(STRUCTURAL_START.match(line.text)))
                lines.append(line)
                if line is not None:
                    previous = len(lines) - 1
                continue
            if not opened:
                furniture.append(Furniture(SourceSpan(path, line.number, line.number), line.text, "number in the title block"))
            elif int(line.text) == expected and expected in bodies and previous is not None:
                before = lines[previous]
                assert before is not None
                lines[previous] = Line(before.number, before.text + line.text, before.page_start)
                expected += 1
            else:
                furniture.append(Furniture(SourceSpan(path, line.number, line.number), line.text, "page number"))
        kept.append(lines)
    return kept, furniture
