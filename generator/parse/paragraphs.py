"""Join a record's cleaned lines into paragraphs.

- lines stand in blocks between blank lines; a page start, a heading, a bullet or the line
  after a short line that ends a sentence opens a block;
- blocks are joined into paragraphs across page breaks and blank lines where the text goes on:
  double-spaced text (a blank line after every line) is joined into paragraphs; a line that ends
  a paragraph is short or ends a sentence, a line that goes on is full or the next starts in
  lower case;
- a hyphen at a line end is kept in a compound (`motie-`/`Kathmann`, `data-`/`overdracht`) and
  dropped in a split word (`beoorde-`/`ling`), decided by words (`generator.parse.hyphens`); a
  web address broken at a line end goes on without a space.

Example::

    >>> join_lines(["in de beoorde-", "ling van de motie-", "Kathmann"], frozenset())
    'in de beoordeling van de motie-Kathmann'
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Container
from typing import NamedTuple

from generator.parse import hyphens
from generator.parse.lines import STRUCTURAL_START, Line

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


FULL_LINE = 0.8
"""A line at least this share of the text width is 'full': the paragraph goes on after it."""

ENDED_FULL_LINE = 0.85
"""In double-spaced text, a line that ends a sentence, fills at least this share of the width and
ends in a space (the text wrapped there) goes on in the next line: `… waarom deze niet zouden
passen. ` (90 of 96 characters) / `Kunt u dit nader toelichten?` is one paragraph (seeds/001_…
lines 276-278, printed as one on lines 661-662; so are 288-296 and 298-314). A paragraph's last
line is shorter (`… Zo nee, waarom niet? `, 77, line 166) or ends without a space (`… voor
lange tijd vastleggen?`, 86, line 154); without the space a line must be full (95%)."""


class RawParagraph(NamedTuple):
    """A paragraph joined from source lines, before footnote markers are taken out (a tuple, as
    `Line`: a record makes one for every paragraph, and a tuple is made several times faster)."""

    text: str
    first: int
    last: int


def _ends_sentence(text: str) -> bool:
    return bool(SENTENCE_END.search(text))


def join_lines(texts: list[str], vocabulary: Container[str]) -> str:
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
"""A line end (the lines joined by line breaks) where `join_lines` decides more than a space
between the lines: after a hyphen, after one of `ADDRESS_BREAKS` or white space (where
`_breaks_address` reads the line's last word); a line holding a line break of its own may be
found here too, which only sends its paragraph the long way."""

JOIN_WINDOW = 1000
"""How much of a paragraph's text, back from its end, a line join reads (see `join_lines`)."""


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
    """Whether a line ends in a hyphen: only there is the vocabulary read (`join_lines`); most
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
        text = join_lines([line.text for line in lines], vocabulary)
        paragraphs.append(RawParagraph(text, lines[0].number, lines[-1].number))
    return paragraphs


def join_paragraphs(pages: list[list[Line | None]], pdftotext: bool) -> list[RawParagraph]:
    """Join the lines of a record's pages, footnote bodies taken out, into paragraphs.

    `pdftotext`: the lines are pdftotext's, which drops a compound's line-end hyphen; every word of
    the record is read to restore it (`hyphens.restore_dropped`).
    """
    body_lines = [line for page in pages for line in page]
    known = _vocabulary(body_lines) if pdftotext else frozenset()  # every word: `restore_dropped` reads them all
    vocabulary: Container[str] = known
    if not pdftotext and _hyphen_at_line_end(body_lines):  # the few words the hyphens' decisions ask for
        vocabulary = hyphens.LetterWords(line.text for line in body_lines if line is not None)
    width = _width(body_lines)
    raw = _paragraphs(_blocks(pages, width), vocabulary, width)
    if pdftotext:
        restored = hyphens.restore_dropped([p.text for p in raw], known)
        raw = [RawParagraph(text, p.first, p.last) for text, p in zip(restored, raw)]
    return raw
