"""Clean PDF-extracted text into paragraphs, footnote bodies and footnote markers.

PDF text brings page furniture and layout artefacts; the rules here are general, not tuned to
one file:

- a line that starts with a single space starts a new page (the extractor's page break), and so
  does a run of two or more blank lines; in pdftotext output, whose pages end in a form feed,
  only the form feeds do;
- page furniture is named by its shape (identifier, ISSN, place and year of printing, running
  head, page number, also glued to the next heading) and by repetition (a line printed at the
  edge of every page, lone numbers running up at page edges);
- footnote bodies stand at the bottom of a page, numbered in sequence across the record
  (`3 Kamerstukken I, …`, `1) NOS.nl, …`, `1NOS.nl, …`, or as pdftotext prints them: each number
  on a line of its own, the bodies after them); they are taken out of the running text and a
  paragraph they split is joined again;
- double-spaced text (a blank line after every line) is joined into paragraphs; a line that
  ends a paragraph is short or ends a sentence, a line that goes on is full or the next starts
  in lower case;
- a hyphen at a line end is kept in a compound (`motie-`/`Kathmann`, `data-`/`overdracht`) and
  dropped in a split word (`beoorde-`/`ling`), decided by words (`generator.parse.hyphens`);
- footnote markers are found where PDF text leaves them (`VS’? 1)`, `Digitalisering2 heeft`,
  `(M365)3,`, `besparen”.7 De`, `uit 20224 waaruit`), using the fact that markers run in
  sequence, each has a body, and a marker stands on or before the page of its body.

Example::

    >>> paragraphs, notes, _, _ = clean_text(("De vaste commissie voor Digitalisering1 heeft", "",
    ...     "1 Samenstelling: Baumgarten (JA21)"), "seeds/x.txt")
    >>> paragraphs[0].text, paragraphs[0].markers, notes[0].text
    ('De vaste commissie voor Digitalisering heeft', (FootnoteMarker(number=1, offset=38),), 'Samenstelling: Baumgarten (JA21)')
"""

from __future__ import annotations

import re
import statistics
from bisect import bisect_left
from collections.abc import Container
from dataclasses import dataclass
from typing import NamedTuple

from generator.model import Diagnostic, FootnoteMarker, Furniture, SourceSpan
from generator.parse import hyphens

# Characters PDF extraction leaves that mean something plainer.
CHARACTER_MAP = str.maketrans(
    {
        "\u00a0": " ",  # no-break space
        "\u2009": " ",  # thin space
        "\u202f": " ",  # narrow no-break space
        "\t": " ",
        "\uf0b7": "•",  # private-use bullet glyph of the Symbol font
        "\uf0a7": "•",
        "\u200b": "",  # zero-width space
        "\u00ad": "",  # soft hyphen
        "\ufeff": "",
    }
)

MAPPED = re.compile("[" + re.escape("".join(map(chr, CHARACTER_MAP))) + "]")
"""A character that CHARACTER_MAP changes: a line without one is left as it is (most are)."""

BLANK_RUN_PAGE_BREAK = 2
"""This many blank lines in a row (or more) mark a page break."""

FOOTNOTE_BODY = re.compile(
    r"""^(?P<number>\d{1,3})
        (?: (?P<paren>\))\s*      # 1) NOS.nl
          | \s+                   # 3 Kamerstukken I
          | (?=[A-Z“‘"(])         # 1NOS.nl (glued)
        )
        (?P<text>\S.*)$""",
    re.VERBOSE,
)

STRUCTURAL_START = re.compile(
    r"""^(?: \d{1,3}\.\s                            # 3. De leden …
         | (?:Vraag|Antwoord|Vragen|Antwoorden)\s+\d  # Vraag 1Bent …, Antwoord 4 en 5
         | •                                         # bullet
         | (?:Vragen(?:\s+en\s+opmerkingen)?|Inbreng|Opmerkingen\s+en\s+vragen)\s+van\s+(?:de\s+leden|het\s+lid)\s
                                                     # Vragen en opmerkingen van de leden …
         | (?:Antwoord|Mededeling)\s+van\s
         | Mededeling\s*$
         | Zie\s+ook\s+(?:Aanhangsel|Handelingen|Kamerstuk)
         | [A-Z][a-zë]+(?:\s[A-Z][a-z]+)?,\s+\d{1,2}\s+[a-z]+\s+\d{4}\s*$   # Den Haag, 2 december 2025
         | [A-ZÀ-Ý][A-ZÀ-Ý\s\-–,.]{8,}$             # BRIEF VAN DE VOORZITTER …
        )""",
    re.VERBOSE,
)

HEADING_LINE = re.compile(
    r"""^(?: (?:Vragen(?:\s+en\s+opmerkingen)?|Inbreng|Opmerkingen\s+en\s+vragen)\s+van\s.*[^.?!]$
         | Mededeling\s*$
         | [A-Z][a-zë]+(?:\s[A-Z][a-z]+)?,\s+\d{1,2}\s+[a-z]+\s+\d{4}\s*$
         | [A-ZÀ-Ý][A-ZÀ-Ý\s\-–,.]{8,}+$
        )""",
    re.VERBOSE,
)
"""A line that stands alone: a section heading, a place and date, a heading in capitals.

Linear on any line: a section heading is one whose last character is no `.?!` (white space at
the end included, which the last character may be), and the class of a heading in capitals
holds white space, so neither ends in a run of white space that two quantifiers share."""

SENTENCE_END = re.compile(r"""(?:[.?!:;][”’"')\]]*|[”"])\d{0,3}$""")
"""A line that ends a sentence (a footnote marker may follow: `afgewogen.”5`)."""

GLUED_MARKER = r"""(?:(?<=[^\W\d_])|(?<=[)”’"»?!])|(?<=[^\W\d_][.,])|(?<=[)”’"»]\.)|(?<=\b(?:19|20)\d\d))(?P<number>{n})(?!\d|[^\W\d_])"""
"""A marker glued to the word before it: `Digitalisering2`, `(M365)3,`, `juli.10 Het`,
`vuurwerkrampen»3`, `Agema,7`, and to a year (`uit 20224 waaruit`: 2022 and footnote 4)."""

PAREN_MARKER = r"""(?:(?<=[^\s\d(])|(?<=[^\s\d(]\s))(?P<number>{n})\)(?=\s|$|[.,;:])"""
"""A marker in the `1)` style of written questions: `VS’? 1)`, `geven? 2)`."""

FURNITURE = (
    ("document id", re.compile(r"^(?P<furniture>(?:ah|h)-(?:tk|ek)-\d{8}-\d+[a-z]?)\s*")),
    ("document id", re.compile(r"^(?P<furniture>kst-\d{5}(?:-[A-Z]+)?-[A-Za-z0-9]+)\s*")),
    ("ISSN", re.compile(r"^(?P<furniture>ISSN\s+\d{4}\s*+[-–]\s*+\d{3}[\dX])\s*")),
    ("place and year of printing", re.compile(r"^(?P<furniture>['’]s-Gravenhage\s+\d{4})\s*")),
    (
        "running head",
        re.compile(
            r"""^(?P<furniture>(?:Tweede|Eerste)\s+Kamer,\s+vergaderjaar\s+\d{4}\s*[–-]\s*\d{4},\s+
                (?:Aanhangsel                                               # … , Aanhangsel
                  |\d{2}\s?\d{3}(?:[\s-][A-Z]+)?(?:\s*,\s*(?:nr\.\s*\d+|[A-Z]{1,3}))?   # … , 31 066, nr. 506 / AR
                )(?:\s*\d{1,4}(?!\d))?)\s*""",                              # and the page number
            re.VERBOSE,
        ),
    ),
    ("page number", re.compile(r"^(?P<furniture>\d{1,4})\s*$")),
    ("page number before a heading", re.compile(r"^(?P<furniture>\d{1,4})(?=(?:Vraag|Antwoord)\s+\d)")),
)
"""Page furniture of typeset publications, in the order tried: (reason, pattern). Footers may be
glued onto the next heading (`Tweede Kamer, vergaderjaar 2024–2025, AanhangselVraag 5`): the
furniture is cut off and the rest of the line stays text (`Aanhangsel1Antwoord 3`, `2Antwoord 3`:
the page number glued to the next heading too). A lone number is a page number unless it is the
next footnote marker (see `_lone_markers`)."""

SPACES = re.compile(r" {2,}")

FULL_LINE = 0.8
"""A line at least this share of the text width is 'full': the paragraph goes on after it."""
ENDED_FULL_LINE = 0.85
"""In double-spaced text, a line that ends a sentence, fills at least this share of the width and
ends in a space (the text wrapped there) goes on in the next line: `… waarom deze niet zouden
passen. ` (90 of 96 characters) / `Kunt u dit nader toelichten?` is one paragraph (seeds/001_…
lines 276-278, printed as one on lines 661-662; so are 288-296 and 298-314). A paragraph's last
line is shorter (`… Zo nee, waarom niet? `, 77, line 166) or ends without a space (`… voor
lange tijd vastleggen?`, 86, line 154); without the space a line must be full (95%)."""


class Line(NamedTuple):
    """A cleaned source line: its number, text, and whether it starts a page (a tuple: a record
    has thousands, and a frozen dataclass costs a call per field to make)."""

    number: int
    text: str
    page_start: bool
    lone_number: bool = False
    wrapped: bool = False  # the source line ends in a space: its text went on (see ENDED_FULL_LINE)


class RawParagraph(NamedTuple):
    """A paragraph joined from source lines, before footnote markers are taken out (a tuple, as
    `Line`: a record makes one for every paragraph, and a tuple is made several times faster)."""

    text: str
    first: int
    last: int


class CleanParagraph(NamedTuple):
    """A paragraph with its footnote markers taken out (a tuple, as `RawParagraph`)."""

    text: str
    first: int
    last: int
    markers: tuple[FootnoteMarker, ...]


@dataclass(frozen=True)
class CleanFootnote:
    """A footnote body, its number as printed; `referenced` is false when no marker for it was found.

    The record's parser gives it its letter and key (`model.Footnote`).
    """

    number: int
    text: str
    span: SourceSpan
    referenced: bool = True


FURNITURE_START = re.compile(r"(?:ah|h|kst)-|ISSN|['’]s-|Tweede|Eerste|\d")
"""How every pattern of FURNITURE starts (keep the two in step): a line that starts otherwise (most
lines) is not tried against each of them."""


def _strip_furniture(text: str, number: int, path: str, found: list[Furniture]) -> str:
    """Cut page furniture off the start of a line (repeatedly); return what is left."""
    while text and FURNITURE_START.match(text):
        for reason, pattern in FURNITURE:
            match = pattern.match(text)
            if match and (reason != "page number" or match.end() == len(text)):
                found.append(Furniture(SourceSpan(path, number, number), match["furniture"], reason))
                text = text[match.end() :]
                break
        else:
            return text
    return text


PAGE_BREAK = "\f"
"""The form feed pdftotext writes between pages: where a source has them, they alone mark pages."""


def _clean_lines(lines: tuple[str, ...], path: str) -> tuple[list[Line | None], list[Furniture]]:
    """Normalise characters, cut off page furniture and find page starts; a blank line becomes None.

    In a source with form feeds (pdftotext's), a page starts at a form feed. Otherwise a page
    starts at a line with one leading space, after a run of blank lines, and after a line of
    page furniture.
    """
    cleaned: list[Line | None] = []
    furniture: list[Furniture] = []
    blank_run = 0
    after_furniture = False
    whole = "\n".join(lines)  # searched once for what most records have on no line
    form_feeds = PAGE_BREAK in whole
    mapped = MAPPED.search(whole) is not None
    fed = False
    for number, raw in enumerate(lines, start=1):
        text = raw.translate(CHARACTER_MAP) if mapped and MAPPED.search(raw) else raw
        if form_feeds:
            fed = PAGE_BREAK in text
            text = text.replace(PAGE_BREAK, "")
        stripped = text.strip()
        if not stripped:
            cleaned.append(None)
            blank_run += 1
            continue
        if FURNITURE_START.match(stripped):  # most lines start otherwise: no furniture to cut
            before = len(furniture)
            stripped = _strip_furniture(stripped, number, path, furniture)
            if len(furniture) > before:
                if furniture[-1].reason == "page number":
                    furniture.pop()  # decided later: a page number or a footnote marker
                    cleaned.append(Line(number, stripped or furniture_number(raw), fed, lone_number=True))
                    continue
                after_furniture = True
            if not stripped:
                cleaned.append(None)
                continue
        if form_feeds:
            page_start = fed or number == 1
        else:
            leading_space = text.startswith(" ") and not text.startswith("  ")
            page_start = leading_space or blank_run >= BLANK_RUN_PAGE_BREAK or after_furniture or number == 1
        if "  " in stripped:
            stripped = SPACES.sub(" ", stripped)
        wrapped = raw.endswith(" ") or (raw.endswith(("\r", "\n")) and raw.rstrip("\r\n").endswith(" "))
        cleaned.append(Line(number, stripped, page_start, False, wrapped))
        blank_run, after_furniture = 0, False
    return cleaned, furniture


def _page_edges(page: list[Line | None], reach: int) -> list[Line]:
    """The first and last `reach` lines of text of a page (lone numbers left out)."""
    texts = [line for line in page if line is not None and not line.lone_number]
    return texts[:reach] + texts[max(reach, len(texts) - reach) :]


def _repeated_furniture(pages: list[list[Line | None]], path: str) -> tuple[list[list[Line | None]], list[Furniture]]:
    """Name as furniture what repeats at the edge of every page, and the page numbers there.

    A line of text printed the same at the top or foot of every page of a record of two pages or
    more is a running head or foot; a lone number that is the first or last line of a page, on
    pages where the numbers run up, is a page number. Question and answer headings never are.
    """
    if len(pages) < 2:
        return pages, []
    edges = [{line.text for line in _page_edges(page, 2)} for page in pages]
    repeated = {text for text in set.intersection(*edges) if not STRUCTURAL_START.match(text) and len(text) <= 100}
    numbers = [_edge_number(page) for page in pages]
    found: list[Furniture] = []
    kept: list[list[Line | None]] = []
    previous = 0
    for page, number in zip(pages, numbers):
        lines: list[Line | None] = []
        for line in page:
            if line is not None and line.text in repeated:
                found.append(Furniture(SourceSpan(path, line.number, line.number), line.text, "running head"))
            elif line is not None and line is number and int(line.text) > previous:
                found.append(Furniture(SourceSpan(path, line.number, line.number), line.text, "page number"))
                previous = int(line.text)
            else:
                lines.append(line)
                continue
            lines.append(None)
        kept.append(lines)
    return kept, found


def _edge_number(page: list[Line | None]) -> Line | None:
    """The lone number that is the last (else the first) line of a page, if any."""
    texts = [line for line in page if line is not None]
    for line in (texts[-1:] + texts[:1]) if texts else []:
        if line.lone_number:
            return line
    return None


def furniture_number(raw: str) -> str:
    return raw.strip()


def _lone_markers(
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


def _pages(lines: list[Line | None]) -> list[list[Line | None]]:
    """Split cleaned lines into pages at page starts."""
    pages: list[list[Line | None]] = [[]]
    for line in lines:
        if line is not None and line.page_start and any(pages[-1]):
            pages.append([])
        pages[-1].append(line)
    return pages


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
    return _join_lines([match["text"], *(line.text for line in lines[1:])], frozenset())


def _split_footnotes(
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
            text = _join_lines([line.text for line in body_lines], frozenset()) if stacked else _footnote_text(body_lines)
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


def _ends_sentence(text: str) -> bool:
    return bool(SENTENCE_END.search(text))


def _join_lines(texts: list[str], vocabulary: Container[str]) -> str:
    """Join the lines of one paragraph, mending hyphens at line ends.

    Each decision reads the end of the text joined so far, its last `JOIN_WINDOW` characters
    (the last word, a web address included): reading all of it at every line made joining a
    paragraph of thousands of lines quadratic.
    """
    if all(texts) and not _JOIN_DECIDED.search("\n".join(texts[:-1]) + "\n"):
        return " ".join(texts)  # no line ends in a hyphen, an address break or a space (most paragraphs)
    parts: list[str] = []
    tail = ""  # the last JOIN_WINDOW characters of "".join(parts)
    for text in texts:
        if not tail:
            parts, tail = [text], text[-JOIN_WINDOW:]
            continue
        if tail.endswith("-") and not tail.endswith(" -"):
            joined = hyphens.join_broken_line(tail, text, vocabulary)
            if joined == f"{tail} {text}":
                parts.append(" ")  # kwaliteits- en transporteisen
            elif joined != tail + text:
                parts[-1] = parts[-1][:-1]  # the hyphen only broke a word
        elif _breaks_address(tail):
            joined = tail + text  # `(https://www.ad.nl/rijswijk/` on one line, the rest on the next
        else:
            joined = f"{tail} {text}"
            parts.append(" ")
        parts.append(text)
        tail = joined[-JOIN_WINDOW:]
    return "".join(parts)


ADDRESS_BREAKS = ("/", "=", "?", "&", "#", "_", "~")
"""A web address broken at a line end after one of these goes on at the start of the next line."""
_JOIN_DECIDED = re.compile(r"[-/=?&#_~\s]\n")
"""A line end (the lines joined by line breaks) where `_join_lines` decides more than a space
between the lines: after a hyphen, after one of `ADDRESS_BREAKS` or white space (where
`_breaks_address` reads the line's last word); a line holding a line break of its own may be
found here too, which only sends its paragraph the long way."""
JOIN_WINDOW = 1000
"""How much of a paragraph's text, back from its end, a line join reads (see `_join_lines`)."""


def _breaks_address(text: str) -> bool:
    """Whether `text` ends inside a web address, after one of `ADDRESS_BREAKS`."""
    if not text.endswith(ADDRESS_BREAKS) and not text[-1:].isspace():
        return False  # its last word, which ends the text, ends in no break (most lines)
    token = text.rsplit(None, 1)[-1] if text.strip() else ""
    return ("://" in token or "www." in token) and token.endswith(ADDRESS_BREAKS)


def _vocabulary(lines: list[Line | None]) -> frozenset[str]:
    """Every word of the record (lower case), hyphenated compounds included, for hyphen mending."""
    return hyphens.vocabulary(line.text for line in lines if line is not None)


def _hyphen_at_line_end(lines: list[Line | None]) -> bool:
    """Whether a line ends in a hyphen: only there is the vocabulary read (`_join_lines`); most
    records have none, and gathering it costs more than all of their joins."""
    return any(line is not None and line.text.endswith("-") for line in lines)


MIN_WIDTH = 75
"""No page of a letter is narrower than this many characters (a short excerpt may suggest so)."""


def _width(lines: list[Line | None]) -> int:
    """The text width: a high quantile of line lengths."""
    lengths = sorted(len(line.text) for line in lines if line is not None)
    if len(lengths) < 4:
        return max(lengths + [MIN_WIDTH])
    return max(MIN_WIDTH, int(statistics.quantiles(lengths, n=10)[7]))


class _Block(NamedTuple):
    """Consecutive non-blank lines, and how it is separated from the block before it (a tuple, as `RawParagraph`)."""

    lines: tuple[Line, ...]
    after_page_break: bool


def _blocks(pages: list[list[Line | None]], width: int) -> list[_Block]:
    """Group lines into blocks of consecutive non-blank lines; a page start or bullet opens one,
    and so does the line after a short line that ends a sentence (in justified text, the last
    line of a paragraph: `… in kaart te brengen.` / `Een van de aspecten …`)."""
    blocks: list[_Block] = []
    current: list[Line] = []
    page_break = True

    def close() -> None:
        nonlocal current, page_break
        if current:
            blocks.append(_Block(tuple(current), page_break))
            page_break = False
        current = []

    for page_number, page in enumerate(pages):
        if page_number:
            close()
            page_break = True
        for line in page:
            if line is None:
                close()
                continue
            if current and (line.page_start or STRUCTURAL_START.match(line.text) or _ends_paragraph(current, width)):
                close()
                page_break = page_break or line.page_start
            current.append(line)
    close()
    return blocks


LIST_ITEM = re.compile(r"^[•–]\s")
"""A bullet item's start: `• Toegankelijkheid`, `– …` (a numbered item `1. …` may be a question of a
committee letter whose lines are short; it ends at a sentence end)."""


def _ends_paragraph(lines: list[Line], width: int) -> bool:
    """Whether the last of `lines` ends its paragraph though no blank line follows: it stops well
    short of the text width and ends a sentence, or ends a list item (`• Geografische spreiding`)."""
    last = lines[-1].text
    return len(last) < FULL_LINE * width and (_ends_sentence(last) or bool(LIST_ITEM.match(lines[0].text)))


def _continues(paragraph: list[_Block], after: _Block, width: int) -> bool:
    """Whether block `after` continues the paragraph whose blocks so far are `paragraph`.

    Across a page break: when the text before does not end a sentence, or goes on in lower case.
    Across a blank line in single-spaced text: only when the text goes on in lower case.
    In double-spaced text (one-line blocks): when the paragraph is already under way and its
    sentence is not finished, or the line before is full and does not end a sentence (or is
    full to the margin), or the next line goes on in lower case.
    """
    before = paragraph[-1]
    last, first = before.lines[-1].text, after.lines[0].text
    if STRUCTURAL_START.match(first) or HEADING_LINE.match(last):
        return False
    ended = _ends_sentence(last)
    lower = first[0].islower() and not (ended and first.split(" ", 1)[0].endswith("."))  # mr. Veldhoen
    if after.after_page_break:
        return lower or last.endswith("-") or not ended
    if len(before.lines) > 1:
        return lower and not ended
    if lower or last.endswith("-"):
        return True
    if ended:
        full = 0.95 if not before.lines[-1].wrapped else ENDED_FULL_LINE
        return len(last) >= full * width and not last.endswith(("”", '"', ":"))
    return len(paragraph) > 1 or len(last) >= FULL_LINE * width


def _paragraphs(blocks: list[_Block], vocabulary: Container[str], width: int) -> list[RawParagraph]:
    """Join blocks into paragraphs."""
    groups: list[list[_Block]] = []
    for block in blocks:
        if groups and _continues(groups[-1], block, width):
            groups[-1].append(block)
        else:
            groups.append([block])
    paragraphs = []
    for group in groups:
        lines = [line for block in group for line in block.lines]
        text = _join_lines([line.text for line in lines], vocabulary)
        paragraphs.append(RawParagraph(text, lines[0].number, lines[-1].number))
    return paragraphs


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


def _take_markers(
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


def _orphan_markers(paragraphs: list[CleanParagraph], footnotes: list[CleanFootnote], path: str) -> list[Diagnostic]:
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


def clean_text(
    lines: tuple[str, ...], path: str
) -> tuple[list[CleanParagraph], list[CleanFootnote], list[Furniture], list[Diagnostic]]:
    """Turn a record's source lines into paragraphs, footnotes, the furniture dropped, and
    diagnostics (a footnote marker without a body)."""
    cleaned, furniture = _clean_lines(lines, path)
    pages, repeated = _repeated_furniture(_pages(cleaned), path)
    pages, footnotes, paren_style, footnote_numbers = _split_footnotes(pages, path)
    pages, page_numbers = _lone_markers(pages, footnotes, path)
    body_lines = [line for page in pages for line in page]
    pdftotext = any(PAGE_BREAK in line for line in lines)
    known = _vocabulary(body_lines) if pdftotext else frozenset()  # every word: `restore_dropped` reads them all
    vocabulary: Container[str] = known
    if not pdftotext and _hyphen_at_line_end(body_lines):  # the few words the hyphens' decisions ask for
        vocabulary = hyphens.LetterWords(line.text for line in body_lines if line is not None)
    width = _width(body_lines)
    raw = _paragraphs(_blocks(pages, width), vocabulary, width)
    if pdftotext:  # pdftotext, which drops a compound's line-end hyphen
        restored = hyphens.restore_dropped([p.text for p in raw], known)
        raw = [RawParagraph(text, p.first, p.last) for text, p in zip(restored, raw)]
    paragraphs, footnotes = _take_markers(raw, footnotes, paren_style)
    furniture = sorted([*furniture, *repeated, *footnote_numbers, *page_numbers], key=lambda item: item.span.line)
    return paragraphs, footnotes, furniture, _orphan_markers(paragraphs, footnotes, path)
