"""Clean a PDF's lines into paragraphs, footnote bodies and page furniture, using their layout.

The text path (`generator.parse.text`) guesses from plain text what a PDF shows plainly; here
the reader's layout facts (`model.Layout`: each run's position, baseline and font size) decide,
by general rules, never by the wording of one publication:

- **the title block**: a number standing alone above the first line in the text's size (the
  chamber's `2`, the Aanhangsel's number) is furniture `number in the title block`, as the text
  path names it;
- **page furniture** stands in a page's head or foot block (set apart from the text by a wide
  vertical gap, in the outer band of the page) and is either repeated on other pages in the same
  place (running heads and feet; their numbers vary: page numbers), a lone number, or small
  print in the margin left of the text (document id, ISSN, place and year of printing). It is
  named by its shape (`FURNITURE` of the text path: `document id`, `ISSN`, …);
- **footnote bodies** are the lines at the foot of a page (below the text, furniture aside) in
  a smaller size than the text, each opening with its number; lines at the top of the next foot
  that open with no number go on with the body before;
- **footnote markers** are digits raised above the line's baseline in a smaller size (a year
  followed by a raised `1` is the year and footnote 1; `M365`, `CO2` on the baseline are text);
- **paragraphs** break where the vertical gap is wider than the line spacing, where the size,
  the weight (a heading in bold) or the left edge changes, where a list item opens (`–`, `•`,
  `1.`) or a table row stands (cells apart on one line), and after a line that ends
  while the next line's first word would still have fitted on it (a heading such as `Vraag 1`,
  the last line of a paragraph); across a page break the text goes on unless it ended a
  sentence there and the next page opens a new one.

Example, the first footnote of a real answer (ah-tk-20232024-2313, page 1), in short::

    'gaat vaak mis: … onvoldoende»»?' size 8.53 | '1' size 5.49, raised 3.5
    -> paragraph '… onvoldoende»»?' with FootnoteMarker(1, after the question mark)
    '1' size 4.49, raised | 'EenVandaag, 1 juli 2024, …' size 6.93, at the page foot
    -> CleanFootnote(1, 'EenVandaag, 1 juli 2024, …')
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Container
from dataclasses import dataclass

from generator.model import Diagnostic, FootnoteMarker, Furniture, Layout, LineLayout, SourceSpan, TextRun
from generator.parse import hyphens
from generator.parse.footnote_bodies import CleanFootnote
from generator.parse.footnote_markers import CleanParagraph
from generator.parse.lines import CHARACTER_MAP, FURNITURE
from generator.parse.paragraphs import join_lines

SMALLER = 0.9
"""A line whose size is below this share of the text size is small print (footnotes, margins)."""
RAISED = 0.2
"""A run whose baseline is this share of the line's size above the line's baseline is raised."""
BLOCK_GAP = 3.0
"""A vertical gap of this many line pitches sets a page's head or foot block apart."""
PARAGRAPH_GAP = 1.4
"""A vertical gap wider than this many line pitches ends a paragraph."""
OUTER_BAND = 0.15
"""Head and foot blocks lie within this share of the page height from its top or bottom edge."""
COLUMN_GAP = 2.0
"""A horizontal gap wider than this many font sizes separates two cells of a line."""
BOLD = 600
"""A font of this weight or more is bold."""
FIT_SLACK = 1.3
"""A word is taken to need this much more room than its characters' average advance."""
SHORT_LINE = 0.6
"""A line shorter than this share of the text width is short (a heading, a label)."""
FOOT_LEADING = 2.0
"""Lines of a page foot follow each other within this many font sizes (a table in small print
further up the page is no footnote)."""
REPEATED = 0.5
"""A running head or foot stands in the same place on at least this share of the pages."""
SAME_PLACE = 2.0
"""Points within which a repeated line counts as standing in the same place."""

TITLE_NUMBER = "number in the title block"
"""A number standing alone above the letter's text (the chamber's `2`, the Aanhangsel's `2313`);
named as the text path names it, so the record's parser reads it the same way."""
MARKER_TEXT = re.compile(r"\d{1,3}")
LIST_ITEM = re.compile(r"^(?:[–—•·▪■◦‣∙*-]|\(?\d{1,2}[.)]|\(?[a-z][.)])(?=\s|$)")
"""A list item's opening: a dash or bullet, `1.`, `2)`, `a.`, `(b)`."""
FOOTNOTE_NUMBER = re.compile(r"^(?P<number>\d{1,3})(?:\)|\s)\s*")
"""A footnote body's number printed on the baseline: `3 Kamerstukken …`, `1) NOS.nl`."""
SENTENCE_END = re.compile(r"[.?!:;]['’”»)\]]*$")
MARKER_SENTINEL = "\ufdd0"
"""Stands in a line's text for a footnote marker while lines are joined (a noncharacter)."""


@dataclass(frozen=True)
class _Line:
    """A source line with what the layout says about it."""

    number: int  # 1-based, in the record's lines
    page: int
    text: str
    runs: tuple[TextRun, ...]
    main: TextRun  # the run that sets the line's baseline and size

    @property
    def size(self) -> float:
        return self.main.size

    @property
    def baseline(self) -> float:
        return self.main.baseline

    @property
    def x(self) -> float:
        return self.runs[0].x

    @property
    def plain(self) -> str:
        """The line's text without its raised small runs (footnote markers): `zijn?²` -> `zijn?`."""
        kept = [run for run in self.runs if run is self.main or not _raised(run, self.main)]
        if len(kept) == len(self.runs):
            return self.text
        cuts = [(run.start, run.end) for run in self.runs if run not in kept]
        text, cursor = "", 0
        for start, end in cuts:
            text, cursor = text + self.text[cursor:start], end
        return (text + self.text[cursor:]).rstrip()

    @property
    def right(self) -> float:
        last = self.runs[-1]
        return last.x_last + _advance(last)


def _advance(run: TextRun) -> float:
    """The average advance of a run's characters (an estimate for a single character)."""
    count = run.end - run.start
    return (run.x_last - run.x) / (count - 1) if count > 1 else 0.5 * run.size


def _main_run(runs: tuple[TextRun, ...]) -> TextRun:
    """The run of the most characters; on a tie, the larger."""
    return max(runs, key=lambda run: (run.end - run.start, run.size))


def _raised(run: TextRun, main: TextRun) -> bool:
    return run.size < SMALLER * main.size and main.baseline - run.baseline > RAISED * main.size


def clean_layout(
    lines: tuple[str, ...], layout: Layout, path: str
) -> tuple[list[CleanParagraph], list[CleanFootnote], list[Furniture], list[Diagnostic]]:
    """Turn a PDF's lines and layout into paragraphs, footnotes, the furniture dropped, and
    diagnostics; the same four things the text path's `clean_text` returns."""
    prepared = [
        line
        for number, (text, place) in enumerate(zip(lines, layout.lines), start=1)
        if (line := _prepared(number, text, place)) is not None
    ]
    if not prepared:
        return [], [], [], []
    body_size = _text_size(prepared)
    pitch = _pitch(prepared, body_size)
    pages = _by_page(prepared)
    title_end = next((line.number for line in prepared if abs(line.size - body_size) < 0.1), 0)
    furniture, furniture_cells = _furniture(pages, layout, body_size, pitch, path, title_end)
    rest = [
        kept
        for line in prepared
        if (kept := _without(line, furniture_cells[line.number]) if line.number in furniture_cells else line) is not None
    ]
    title_numbers = [line for line in rest if line.number < title_end and line.text.strip().isdigit()]
    furniture.extend(Furniture(SourceSpan(path, line.number, line.number), line.text.strip(), TITLE_NUMBER) for line in title_numbers)
    rest = [line for line in rest if line not in title_numbers]
    footnotes, note_lines = _footnotes(_by_page(rest), body_size, path)
    text_lines = [line for line in rest if line.number not in note_lines]
    numbers = {note.number for note in footnotes}
    paragraphs = _paragraphs(text_lines, numbers, body_size, pitch)
    problems = [
        Diagnostic(path, line.number, f"raised number {digits} has no footnote body; kept in the text", line.plain, "warning")
        for line in text_lines
        for digits in _raised_numbers(line)
        if int(digits) not in numbers
    ]
    referenced = {marker.number for paragraph in paragraphs for marker in paragraph.markers}
    footnotes = [
        note if note.number in referenced else CleanFootnote(note.number, note.text, note.span, referenced=False)
        for note in footnotes
    ]
    return paragraphs, footnotes, sorted(furniture, key=lambda item: item.span.line), problems


def _prepared(number: int, text: str, place: LineLayout) -> _Line | None:
    """A source line with its characters normalised as the text path does (`CHARACTER_MAP`: a
    no-break space is a space, a soft hyphen is dropped), its runs kept on their characters;
    None for a line with no text or no runs (a line cut off from its layout)."""
    cleaned = text.translate(CLEANING) if NEEDS_CLEANING.search(text) else text
    if len(cleaned) == len(text):  # nothing dropped: the runs stand where they stood
        runs = tuple(run for run in place.runs if 0 <= run.start < run.end <= len(text))
        return _Line(number, place.page, cleaned, runs, _main_run(runs)) if runs and cleaned.strip() else None
    mapped = [char.translate(CLEANING) for char in text]
    offsets = [0]
    for part in mapped:
        offsets.append(offsets[-1] + len(part))
    cleaned = "".join(mapped)
    runs = tuple(
        TextRun(offsets[run.start], offsets[run.end], run.x, run.x_last, run.baseline, run.size, run.weight)
        for run in place.runs
        if 0 <= run.start < run.end <= len(text) and offsets[run.start] < offsets[run.end]
    )
    if not runs or not cleaned.strip():
        return None
    return _Line(number, place.page, cleaned, runs, _main_run(runs))


CLEANING = {**CHARACTER_MAP, **{code: None for code in range(0xFDD0, 0xFDDB)}}
"""The text path's character map, and the noncharacters this module uses as markers dropped."""
NEEDS_CLEANING = re.compile("[" + "".join(re.escape(chr(code)) for code in CLEANING) + "]")


def _text_size(lines: list[_Line]) -> float:
    """The size most characters are set in: the size of the running text."""
    sizes: Counter[float] = Counter()
    for line in lines:
        for run in line.runs:
            sizes[round(run.size, 1)] += run.end - run.start
    return sizes.most_common(1)[0][0]


def _pitch(lines: list[_Line], body_size: float) -> float:
    """The usual distance between the baselines of two lines of running text."""
    gaps = [
        round(after.baseline - before.baseline, 1)
        for before, after in zip(lines, lines[1:])
        if before.page == after.page
        and abs(before.size - body_size) < 0.1
        and abs(after.size - body_size) < 0.1
        and after.baseline > before.baseline
    ]
    return Counter(gaps).most_common(1)[0][0] if gaps else 1.2 * body_size


def _by_page(lines: list[_Line]) -> list[list[_Line]]:
    pages: dict[int, list[_Line]] = {}
    for line in lines:
        pages.setdefault(line.page, []).append(line)
    return [pages[number] for number in sorted(pages)]


# --- Page furniture ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Cell:
    """Part of a line set apart by a wide horizontal gap: `start`..`end` of the line's text."""

    line: _Line
    start: int
    end: int
    x: float
    size: float

    @property
    def text(self) -> str:
        return self.line.text[self.start : self.end].strip()


def _cells(line: _Line) -> list[_Cell]:
    """Split a line at wide horizontal gaps (`’s-Gravenhage 2024` … `Tweede Kamer, …` … `1`)."""
    cells: list[_Cell] = []
    first = line.runs[0]
    previous = first
    for run in line.runs[1:]:
        gap = run.x - (previous.x_last + _advance(previous))
        if gap > COLUMN_GAP * max(run.size, previous.size):
            cells.append(_Cell(line, first.start, previous.end, first.x, first.size))
            first = run
        previous = run
    cells.append(_Cell(line, first.start, previous.end, first.x, first.size))
    return cells


def _outer_blocks(page: list[_Line], height: float, pitch: float) -> tuple[list[_Line], list[_Line]]:
    """The lines of a page's head block and foot block: the lines before the first (after the
    last) vertical gap of `BLOCK_GAP` pitches, when they lie in the page's outer band."""
    ordered = sorted(page, key=lambda line: line.baseline)
    gaps = [index for index in range(1, len(ordered)) if ordered[index].baseline - ordered[index - 1].baseline > BLOCK_GAP * pitch]
    if not gaps:
        return [], []
    head, foot = ordered[: gaps[0]], ordered[gaps[-1] :]
    return (
        head if head[-1].baseline <= OUTER_BAND * height else [],
        foot if foot[0].baseline >= (1 - OUTER_BAND) * height else [],
    )


def _shape(text: str) -> str:
    """A cell's text with its numbers masked, to find it repeated with another page number."""
    return re.sub(r"\d+", "#", text)


def _furniture(
    pages: list[list[_Line]], layout: Layout, body_size: float, pitch: float, path: str, title_end: int
) -> tuple[list[Furniture], dict[int, list[_Cell]]]:
    """Find the page furniture among the cells of each page's head and foot blocks: a cell
    repeated in the same place on at least half the pages (two at least: running heads and
    feet), a lone number (page numbers), and in the foot, small print left of the text's left
    edge (document id, ISSN, place and year). The bottom line of a foot that holds furniture is
    furniture whole: the running foot of a letter of one page, which no other page repeats.
    Returns the furniture, named, and the furniture cells of each line (by line number)."""
    text_left = Counter(round(line.x) for page in pages for line in page if abs(line.size - body_size) < 0.1).most_common(1)
    left = text_left[0][0] if text_left else min(line.x for page in pages for line in page)
    candidates: list[tuple[_Cell, int, str]] = []  # cell, page, where: "head", "foot" or "bottom"
    for page in pages:
        number = page[0].page
        height = layout.pages[number - 1].height if number - 1 < len(layout.pages) else max(line.baseline for line in page)
        head, foot = _outer_blocks(page, height, pitch)
        for line in (*head, *foot):
            where = "head" if line in head else "bottom" if line is foot[-1] else "foot"
            candidates.extend((cell, number, where) for cell in _cells(line) if cell.text)
    places: dict[str, set[tuple[int, int]]] = {}
    for cell, number, _ in candidates:
        places.setdefault(_shape(cell.text), set()).add((number, round(cell.line.baseline)))
    repeated_on = max(2, math.ceil(REPEATED * len(pages)))
    reasons: dict[tuple[int, int], str] = {}  # (line, cell start) -> why it is furniture
    for cell, _, where in candidates:
        same_place = {page for page, baseline in places[_shape(cell.text)] if abs(baseline - cell.line.baseline) <= SAME_PLACE}
        if len(same_place) >= repeated_on:
            reasons[cell.line.number, cell.start] = "running head"
        elif cell.text.isdigit() or (where != "head" and cell.size < SMALLER * body_size and cell.x < left - body_size):
            reasons[cell.line.number, cell.start] = "margin print"
    marked = {line for line, _ in reasons}
    for cell, _, where in candidates:
        if where == "bottom" and cell.line.number in marked:
            reasons.setdefault((cell.line.number, cell.start), "running head")
    found: list[Furniture] = []
    lines: dict[int, list[_Cell]] = {}
    for cell, number, _ in candidates:
        reason = reasons.get((cell.line.number, cell.start))
        if reason is not None:
            lines.setdefault(cell.line.number, []).append(cell)
            found.extend(_named(cell, number, path, TITLE_NUMBER if cell.line.number < title_end and cell.text.isdigit() else reason))
    return found, lines


def _without(line: _Line, cells: list[_Cell]) -> _Line | None:
    """A line with its furniture cells blanked out (positions kept), or None when nothing is left."""
    text = line.text
    for cell in cells:
        text = text[: cell.start] + " " * (cell.end - cell.start) + text[cell.end :]
    runs = tuple(run for run in line.runs if not any(cell.start <= run.start < cell.end for cell in cells))
    if not runs or not text.strip():
        return None
    return _Line(line.number, line.page, text, runs, _main_run(runs))


def _named(cell: _Cell, page: int, path: str, reason: str) -> list[Furniture]:
    """Name a furniture cell by its shape, with the patterns of the text path; a part no pattern
    names is named by why it is furniture (`reason`)."""
    span = SourceSpan(path, cell.line.number, cell.line.number)
    text = cell.text
    if reason == TITLE_NUMBER:
        return [Furniture(span, text, reason)]
    if text.isdigit():
        return [Furniture(span, text, "page number" if int(text) == page else "number in the margin")]
    named: list[Furniture] = []
    while text:
        for shape, pattern in FURNITURE:
            match = pattern.match(text)
            if match and match.end() and (shape != "page number" or match.end() == len(text)):
                named.append(Furniture(span, match["furniture"], shape))
                text = text[match.end() :].strip()
                break
        else:
            named.append(Furniture(span, text, reason))
            break
    return named


# --- Footnote bodies -----------------------------------------------------------------------------


def _footnote_start(line: _Line, expected: int | None) -> tuple[int, int] | None:
    """The number a line opens as a footnote body, and where its text starts; or None.

    A number set raised or smaller than the body's text opens a body whatever it is; a number
    on the baseline (`3 Kamerstukken …`) only when it is the `expected` one (None: any).
    """
    first = line.runs[0]
    digits = line.text[first.start : first.end].strip()
    if len(line.runs) > 1 and MARKER_TEXT.fullmatch(digits) and (first.size < line.size or first.baseline < line.baseline):
        return int(digits), line.runs[1].start
    match = FOOTNOTE_NUMBER.match(line.text)
    if match and match.end() < len(line.text) and expected in (None, int(match["number"])):
        return int(match["number"]), match.end()
    return None


def _footnotes(pages: list[list[_Line]], body_size: float, path: str) -> tuple[list[CleanFootnote], set[int]]:
    """Take the footnote bodies from the foot of each page: the last lines of the page set in
    small print, each body opening with its number; small lines at the top of a foot that open
    with no number go on with the body before (a footnote running on to the next page)."""
    notes: list[tuple[int, list[_Line], int]] = []  # number, lines, where the first line's text starts
    taken: set[int] = set()
    for page in pages:
        zone_start = len(page)
        while zone_start > 0 and page[zone_start - 1].size < SMALLER * body_size:
            zone_start -= 1
        zone = page[zone_start:]
        expected = notes[-1][0] + 1 if notes else None
        opening = next((i for i, line in enumerate(zone) if _footnote_start(line, expected)), None)
        if opening is None:
            continue
        top = opening  # small print above the first body belongs to the foot only if set close above it
        while top > 0 and 0 < zone[top].baseline - zone[top - 1].baseline <= FOOT_LEADING * zone[top].size:
            top -= 1
        zone, opening = zone[top:], opening - top
        if opening and notes:
            notes[-1][1].extend(zone[:opening])  # runs on from the page before
            taken.update(line.number for line in zone[:opening])
        for line in zone[opening:]:
            start = _footnote_start(line, notes[-1][0] + 1 if notes else None)
            if start is not None:
                notes.append((start[0], [line], start[1]))
            else:
                notes[-1][1].append(line)
            taken.add(line.number)
    footnotes = []
    for number, note_lines, start in notes:
        texts = [note_lines[0].text[start:].strip(), *(line.text.strip() for line in note_lines[1:])]
        span = SourceSpan(path, note_lines[0].number, note_lines[-1].number)
        footnotes.append(CleanFootnote(number, _join(texts, frozenset()), span))
    return footnotes, taken


# --- Paragraphs ----------------------------------------------------------------------------------


def _raised_numbers(line: _Line) -> list[str]:
    """The numbers set raised and smaller than the line: footnote markers, or exponents (`m²`)."""
    return [
        line.text[run.start : run.end]
        for run in line.runs
        if run is not line.main and _raised(run, line.main) and MARKER_TEXT.fullmatch(line.text[run.start : run.end])
    ]


def _marked_text(line: _Line, numbers: set[int]) -> str:
    """The line's text with each footnote marker (raised small digits of a footnote that
    exists) replaced by `MARKER_SENTINEL` followed by its number's digits in private form."""
    if len(line.runs) == 1:
        return line.text
    parts: list[str] = []
    cursor = 0
    for run in line.runs:
        digits = line.text[run.start : run.end]
        if run is not line.main and _raised(run, line.main) and MARKER_TEXT.fullmatch(digits) and int(digits) in numbers:
            parts.append(line.text[cursor : run.start])
            parts.append(MARKER_SENTINEL + _hide_digits(digits))
            cursor = run.end
    parts.append(line.text[cursor:])
    return "".join(parts)


HIDDEN_DIGITS = str.maketrans("0123456789", "\ufdd1\ufdd2\ufdd3\ufdd4\ufdd5\ufdd6\ufdd7\ufdd8\ufdd9\ufdda")
SHOWN_DIGITS = {ord(hidden): str(digit) for digit, hidden in enumerate("\ufdd1\ufdd2\ufdd3\ufdd4\ufdd5\ufdd6\ufdd7\ufdd8\ufdd9\ufdda")}
HIDDEN_MARKER = re.compile("\ufdd0(?P<digits>[\ufdd1-\ufdda]++)")


def _hide_digits(digits: str) -> str:
    return digits.translate(HIDDEN_DIGITS)


def _take_markers(text: str) -> tuple[str, tuple[FootnoteMarker, ...]]:
    """Take the hidden markers out of a joined paragraph: 'zijn?\\ufdd0\\ufdd3 Hoe' -> 'zijn? Hoe', marker 2 at 5."""
    out, markers, cursor = "", [], 0
    for match in HIDDEN_MARKER.finditer(text):
        out += text[cursor : match.start()]
        if out.endswith(" ") and text[match.end() : match.end() + 1] in (" ", ""):
            out = out[:-1]  # the marker opened a line: it stands after the word before
        markers.append(FootnoteMarker(int(match["digits"].translate(SHOWN_DIGITS)), len(out)))
        cursor = match.end()
    out += text[cursor:]
    return out.strip(), tuple(markers)


def _list_item(line: _Line) -> bool:
    return bool(LIST_ITEM.match(line.text))


def _text_x(line: _Line) -> float:
    """Where a line's text starts: after a list item's opening, else at the line's left edge."""
    if _list_item(line) and len(line.runs) > 1 and LIST_ITEM.match(line.text[line.runs[0].start : line.runs[0].end].strip() + " "):
        return line.runs[1].x
    return line.x


def _bold(line: _Line) -> bool:
    """Whether the whole line is set in a bold font (weight 600 or more)."""
    return all(run.weight >= BOLD for run in line.runs)


def _would_fit(before: _Line, after: _Line, left: float, right: float) -> bool:
    """Whether `before` ended on purpose: the first word of `after` would have fitted after it
    (measured generously), and `before` ends a sentence or is short (`Vraag 1`). A long line
    that stops mid-sentence with room left kept a unit together (`22 augustus`): it goes on.
    """
    if after.text[:1].islower():
        return False
    word = after.text.split(" ", 1)[0]
    room = right - before.right
    if room < FIT_SLACK * _advance(before.main) * (len(word) + 1):
        return False
    return bool(SENTENCE_END.search(before.plain)) or before.right - left < SHORT_LINE * (right - left)


def _breaks(before: _Line, after: _Line, pitch: float, left: float, right: float, rows: set[int]) -> bool:
    """Whether a paragraph ends between two consecutive lines of text."""
    if abs(before.size - after.size) > (1 - SMALLER) * before.size:
        return True
    if _bold(before) != _bold(after):
        return True  # a heading in bold (`Mededeling`), or the text after one
    if _list_item(after) or before.number in rows or after.number in rows:
        return True  # a list item, or a table row: cells apart on one line
    if _would_fit(before, after, left, right):
        return True
    if after.page != before.page:
        return bool(SENTENCE_END.search(before.plain)) and not after.text[:1].islower()
    if after.baseline - before.baseline > PARAGRAPH_GAP * pitch or after.baseline < before.baseline:
        return True
    return abs(after.x - _text_x(before)) > 1.5 and abs(after.x - before.x) > 1.5


def _paragraphs(lines: list[_Line], numbers: set[int], body_size: float, pitch: float) -> list[CleanParagraph]:
    """Group lines of text into paragraphs and join each, taking out its footnote markers."""
    if not lines:
        return []
    text_lines = [line for line in lines if abs(line.size - body_size) < 0.1] or lines
    right = max(line.right for line in text_lines)
    left = Counter(round(line.x, 1) for line in text_lines).most_common(1)[0][0]
    rows = {line.number for line in lines if len(line.runs) > 1 and len(_cells(line)) > 1}  # table rows
    groups: list[list[_Line]] = [[lines[0]]]
    for before, after in zip(lines, lines[1:]):
        if _breaks(before, after, pitch * after.size / body_size, left, right, rows):
            groups.append([after])
        else:
            groups[-1].append(after)
    vocabulary = _vocabulary(lines)
    paragraphs = []
    for group in groups:
        joined = _join([_marked_text(line, numbers).strip() for line in group], vocabulary)
        text, markers = _take_markers(re.sub(r" {2,}", " ", joined))
        if text or markers:
            paragraphs.append(CleanParagraph(text, group[0].number, group[-1].number, markers))
    return paragraphs


def _vocabulary(lines: list[_Line]) -> Container[str]:
    """The words of the record's text for the hyphen rule (`generator.parse.hyphens`), leaving
    out the second half of a word split at a line end (`duidelijk-`/`heid`: `heid` is no word)."""
    texts = []
    for before, line in zip([None, *lines], lines):
        text = line.text
        if before is not None and before.text.endswith("-"):
            text = text.split(" ", 1)[1] if " " in text else ""
        texts.append(text)
    return hyphens.LetterWords(texts)


def _join(texts: list[str], vocabulary: Container[str]) -> str:
    """Join the lines of one paragraph or footnote as the text path joins them: each line-end
    hyphen decided by `generator.parse.hyphens`, a web address broken after `/` joined whole."""
    return join_lines(texts, vocabulary)
