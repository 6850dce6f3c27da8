"""Check that nothing of a source letter is lost: its words appear in its page, in order.

Every character counts, not only letters and digits: `__init__.py` must not come out as
`_init_.py`. Text is compared as tokens (runs of letters, runs of digits, every other character
on its own), in order, apart from white space and the characters the publication rule replaces
or drops (controls and direction formatting, `generator.render.escape`). Question and answer
labels at a line start are not compared (the page moves them into headings); a hyphen that
breaks a word at a line end may be kept (`motie-`/`Kathmann`) or mended (`beoorde-`/`ling`);
a year with a footnote marker glued to it (`uit 20224 waaruit`) may stand on the page as the
year and the footnote reference; a hyphen the page adds inside a word loses nothing (the
compound's hyphen pdftotext dropped and the parser gave back: `JosephAgema` -> `Joseph-Agema`);
footnote bodies are compared against the page's footnotes. Lines the parser named as page
furniture are left out.

    >>> missing_words(("De vaste commissie voor Digitalisering2 heeft",), (), "De vaste commissie voor Digitalisering 2 heeft")
    []
"""

from __future__ import annotations

import re

from generator.model import Furniture, Record
from generator.parse.lines import CHARACTER_MAP

LABEL = re.compile(r"^\s*(?:(?:Vra(?:ag|gen)|Antwoord(?:en)?)\s+\d{1,3}(?:(?:\s*+,\s*+|\s*+en\s++)\d{1,3})*+(?!\d)|\d{1,3}\.(?=\s))")
"""A question or answer label at a line start (`3. `, `Vraag 1`, `Antwoord 4 en 5`): the page
prints it in the heading, which stands before the question's context, so it is not compared."""

TOKEN = re.compile(r"[^\W\d_]+|\d+|\S")
"""What is compared: runs of letters, runs of digits, and every other character on its own."""
HYPHENS = re.compile(r"[-\u2010\u2011\u00ad]")
NOT_COMPARED = re.compile("[\u00a0\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ufffd]")
"""Characters the publication rule replaces or drops (controls, direction formatting; see
`generator.render.escape`), compared as white space, as is the no-break space."""


def words(text: str) -> list[str]:
    """The tokens of `text` for comparison: letter runs, digit runs, every other character.

    >>> words("de motie-Kathmann (M365)3, __init__.py")
    ['de', 'motie', '-', 'Kathmann', '(', 'M', '365', ')', '3', ',', '_', '_', 'init', '_', '_', '.', 'py']
    """
    return TOKEN.findall(NOT_COMPARED.sub(" ", text))


_BROKEN = "\ue000"
"""Stands for the hyphen of a word broken at a line end, while the lines are compared."""


YEAR_MARKER = re.compile(r"(?<!\d)(?P<year>(?:19|20)\d\d)(?P<number>\d{1,2})(?!\d)")
"""A year with a footnote marker glued to it, as text extraction prints a raised number: `20224`."""

PAREN_MARKER = re.compile(r"(?<!\S)(?P<number>\d{1,3})\)(?!\S)")
"""A footnote marker printed as `1)`: the page shows it as a footnote reference, `[1]`."""


def missing_words(
    source_lines: tuple[str, ...], skip: tuple[tuple[int, str], ...], page_text: str, footnotes: frozenset[int] = frozenset()
) -> list[tuple[int, str]]:
    """Source tokens not found in `page_text` in order: [(index into source_lines, token)].

    `skip` holds (index into source_lines, furniture text) to cut from those lines. Source text
    gets the parser's character map first (`CHARACTER_MAP`: a Symbol-font bullet is `•`). A marker
    `N)` of one of the letter's `footnotes` is compared as its number. A word broken
    at a line end with a hyphen may stand on the page with the hyphen (`motie-Kathmann`) or
    without (`beoordeling`). After a missing token the search goes on from the same place, so
    every missing token is listed.
    """
    lines = list(source_lines)
    for index, text in skip:
        lines[index] = lines[index].replace(text, " ", 1)
    lines = [_markers_as_numbers(LABEL.sub(" ", line.translate(CHARACTER_MAP), count=1), footnotes) for line in lines]
    for index in range(len(lines) - 1):  # a word broken at a line end belongs to that line
        after = next((i for i in range(index + 1, len(lines)) if lines[i].strip()), None)
        if after is not None and HYPHENS.search(lines[index].rstrip()[-1:] or " "):
            following = lines[after].lstrip()
            first = re.match(r"\S*", following)
            assert first is not None
            lines[index] = lines[index].rstrip()[:-1] + _BROKEN + first.group()
            lines[after] = following[first.end() :]
    page = words(page_text)
    missing: list[tuple[int, str]] = []
    cursor = 0
    for index, line in enumerate(lines):
        for chunk in line.split():
            ways = [words(chunk.replace(_BROKEN, "-")), words(chunk.replace(_BROKEN, ""))] if _BROKEN in chunk else [words(chunk)]
            if footnotes and YEAR_MARKER.search(chunk):
                ways.append(words(_year_markers_apart(chunk, footnotes)))
            found = [end for way in ways if (end := _find_in_order(page, way, cursor)) is not None]
            if not found:
                found = [end for way in _with_hyphens_given_back(page, ways[0], cursor) if (end := _find_in_order(page, way, cursor)) is not None]
            if found:
                cursor = min(found)
            else:
                missing += _missing_in_order(page, ways[0], cursor, index)
    return missing


def _markers_as_numbers(line: str, footnotes: frozenset[int]) -> str:
    def number(match: re.Match[str]) -> str:
        return match["number"] if int(match["number"]) in footnotes else match.group()

    return PAREN_MARKER.sub(number, line)


def _year_markers_apart(chunk: str, footnotes: frozenset[int]) -> str:
    """`20224` -> `2022 4` where 4 is one of the letter's footnotes."""

    def apart(match: re.Match[str]) -> str:
        return f"{match['year']} {match['number']}" if int(match["number"]) in footnotes else match.group()

    return YEAR_MARKER.sub(apart, chunk)


def _with_hyphens_given_back(page: list[str], tokens: list[str], cursor: int) -> list[list[str]]:
    """`tokens` with a word the page prints as two halves joined by a hyphen (from `cursor` on)
    taken as those three tokens: source `JosephAgema`, page `Joseph`, `-`, `Agema`."""
    for index, token in enumerate(tokens):
        if token.isalpha() and token not in page[cursor:]:
            for position in range(cursor, len(page) - 2):
                first, hyphen, second = page[position : position + 3]
                if hyphen == "-" and len(first) + len(second) == len(token) and first + second == token:
                    return [[*tokens[:index], first, hyphen, second, *tokens[index + 1 :]]]
    return []


def _find_in_order(page: list[str], tokens: list[str], cursor: int) -> int | None:
    """Where the search stands after finding `tokens` in order in `page` from `cursor`; None
    when one of them is not there."""
    for token in tokens:
        try:
            cursor = page.index(token, cursor) + 1
        except ValueError:
            return None
    return cursor


def _missing_in_order(page: list[str], tokens: list[str], cursor: int, index: int) -> list[tuple[int, str]]:
    """The tokens of a chunk not found in order (a found one moves nothing: the chunk is missing)."""
    return [(index, token) for token in tokens if token not in page[cursor:]] or [(index, "".join(tokens))]


def letter_lines(record: Record, index: int, total_lines: int) -> tuple[int, int]:
    """The source lines (first, last; 1-based) that belong to letter `index` of a record:
    from its first line to the line before the next letter (the last letter: to the end)."""
    letters = record.letters
    first = 1 if index == 0 else letters[index].span.line
    last = letters[index + 1].span.line - 1 if index + 1 < len(letters) else total_lines
    return first, last


def furniture_in(furniture: tuple[Furniture, ...], first: int, last: int) -> tuple[tuple[int, str], ...]:
    """Furniture within lines first..last, as (index from `first`, text) for `missing_words`."""
    return tuple((item.span.line - first, item.text) for item in furniture if first <= item.span.line <= last)
