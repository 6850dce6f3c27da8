"""Check that nothing of a source letter is lost: its words appear in its page, in order.

Question and answer labels at a line start are not compared (the page moves them into headings).
Words are compared as runs of letters and runs of digits, with hyphens left out (so a hyphen
mended at a line end, `beoorde-`/`ling`, or kept, `motie-`/`Kathmann`, compares equal), and
with footnote bodies compared against the page's footnotes. Lines the parser named as page
furniture are left out.

    >>> missing_words(("De vaste commissie voor Digitalisering2 heeft",), (), "De vaste commissie voor Digitalisering 2 heeft")
    []
"""

from __future__ import annotations

import re

from generator.model import Furniture, Record

LABEL = re.compile(r"^\s*(?:(?:Vraag|Antwoord)\s+\d{1,3}(?:(?:\s*,\s*|\s+en\s+)\d{1,3})*|\d{1,3}\.(?=\s))")
"""A question or answer label at a line start (`3. `, `Vraag 1`, `Antwoord 4 en 5`): the page
prints it in the heading, which stands before the question's context, so it is not compared."""

TOKEN = re.compile(r"[^\W\d_]+|\d+")
HYPHENS = re.compile(r"[-\u2010\u2011\u00ad]")


def words(text: str) -> list[str]:
    """The words of `text` for comparison: letter runs and digit runs, hyphens dropped.

    >>> words("de motie-Kathmann (M365)3,")
    ['de', 'motieKathmann', 'M', '365', '3']
    """
    return TOKEN.findall(HYPHENS.sub("", text.replace("\u00a0", " ")))


def missing_words(source_lines: tuple[str, ...], skip: tuple[tuple[int, str], ...], page_text: str) -> list[tuple[int, str]]:
    """Source words not found in `page_text` in order: [(index into source_lines, word)].

    `skip` holds (index into source_lines, furniture text) to cut from those lines. After a
    missing word the search goes on from the same place, so every missing word is listed.
    """
    lines = list(source_lines)
    for index, text in skip:
        lines[index] = lines[index].replace(text, " ", 1)
    lines = [LABEL.sub(" ", line, count=1) for line in lines]
    for index in range(len(lines) - 1):  # a word broken at a line end belongs to that line
        after = next((i for i in range(index + 1, len(lines)) if lines[i].strip()), None)
        if after is not None and HYPHENS.search(lines[index].rstrip()[-1:] or " "):
            following = lines[after].lstrip()
            first = re.match(r"\S*", following)
            assert first is not None
            lines[index] = lines[index].rstrip() + first.group()
            lines[after] = following[first.end() :]
    page = words(page_text)
    missing: list[tuple[int, str]] = []
    cursor = 0
    for index, line in enumerate(lines):
        for word in words(line):
            try:
                cursor = page.index(word, cursor) + 1
            except ValueError:
                missing.append((index, word))
    return missing


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
