"""Clean a record's source lines: plainer characters, page furniture cut off, page starts found.

PDF text brings page furniture and layout artefacts; the rules here are general, not tuned to
one file:

- a line that starts with a single space starts a new page (the extractor's page break), and so
  does a run of two or more blank lines; in pdftotext output, whose pages end in a form feed,
  only the form feeds do;
- page furniture is named by its shape (identifier, ISSN, place and year of printing, running
  head, page number, also glued to the next heading) and by repetition (a line printed at the
  edge of every page, lone numbers running up at page edges);
- a line that holds only a number stays a `Line` marked `lone_number`: a page number or a
  footnote marker, decided once the footnote bodies are known (`footnote_bodies.lone_markers`).

Example::

    >>> lines, furniture = clean_lines(("Tweede Kamer, vergaderjaar 2024–2025, AanhangselVraag 1", "Bent u"), "seeds/x.txt")
    >>> [(line.number, line.text, line.page_start) for line in lines], [item.reason for item in furniture]
    ([(1, 'Vraag 1', True), (2, 'Bent u', False)], ['running head'])
"""

from __future__ import annotations

import re
from typing import NamedTuple

from generator.model import Furniture, SourceSpan

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
"""A line that starts something of its own (a numbered item, a question or answer heading, a
bullet, a section heading, a place and date, a heading in capitals): it is never a running head
(`repeated_furniture`), and it opens a block of its own (`generator.parse.paragraphs`)."""


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
next footnote marker (see `footnote_bodies.lone_markers`)."""


SPACES = re.compile(r" {2,}")


class Line(NamedTuple):
    """A cleaned source line: its number, text, and whether it starts a page (a tuple: a record
    has thousands, and a frozen dataclass costs a call per field to make)."""

    number: int
    text: str
    page_start: bool
    lone_number: bool = False
    wrapped: bool = False  # the source line ends in a space: its text went on (see `paragraphs.ENDED_FULL_LINE`)


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


def clean_lines(lines: tuple[str, ...], path: str) -> tuple[list[Line | None], list[Furniture]]:
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


def split_pages(lines: list[Line | None]) -> list[list[Line | None]]:
    """Split cleaned lines into pages at page starts."""
    pages: list[list[Line | None]] = [[]]
    for line in lines:
        if line is not None and line.page_start and any(pages[-1]):
            pages.append([])
        pages[-1].append(line)
    return pages


def _page_edges(page: list[Line | None], reach: int) -> list[Line]:
    """The first and last `reach` lines of text of a page (lone numbers left out)."""
    texts = [line for line in page if line is not None and not line.lone_number]
    return texts[:reach] + texts[max(reach, len(texts) - reach) :]


def repeated_furniture(pages: list[list[Line | None]], path: str) -> tuple[list[list[Line | None]], list[Furniture]]:
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
