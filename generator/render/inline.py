"""Render a paragraph's text as one line of Markdown: its links, glossary terms and footnote
markers in place, the source text escaped (`generator.render.escape.escape_text`).

    >>> from generator.model import FootnoteMarker, Paragraph, SourceSpan
    >>> paragraph = Paragraph("p1", "De overstap naar M365 is gemaakt.", SourceSpan("seeds/x.txt", 1, 1), (FootnoteMarker(1, 21),))
    >>> inline_text(paragraph, [InlineLink(17, 21, "begrippen/m365.md")], frozenset({1}))
    'De overstap naar [M365](begrippen/m365.md)[^1] is gemaakt.'
"""

from __future__ import annotations

import re
from collections import deque
from functools import lru_cache
from typing import NamedTuple

from generator.model import Paragraph, Term
from generator.render.escape import escape_text, html_text


class InlineLink(NamedTuple):
    """A link over characters `start`..`end` of a paragraph, to `destination` (already safe).
    (A named tuple, as `InlineTerm` and the open data's `_Block`: made for every link, and a frozen
    dataclass is several times slower to make.)"""

    start: int
    end: int
    destination: str


class InlineTerm(NamedTuple):
    """A use of a glossary term over characters `start`..`end` of a paragraph, with its explanation."""

    start: int
    end: int
    title: str
    term: str
    """The term's name in the glossary."""


def term_title(term: Term) -> str:
    """The explanation a term's uses show: `Microsoft 365: Het kantoorpakket …`."""
    return f"{term.expansion}: {term.explanation}" if term.expansion else term.explanation


_MARKDOWN_IN_ATTRIBUTE = re.compile(r"[\\`*_{}\[\]]")
"""What an inline pattern running before Python-Markdown's raw HTML one could act on in an attribute."""


def term_markup(text: str, title: str) -> str:
    """Mark a term's text (already escaped Markdown) with its explanation, which shows on hover and
    on keyboard focus (`tabindex`) and is read out by screen readers: `<abbr title="…">M365</abbr>`.

    The explanation is escaped for HTML (`html_text`), and what Markdown could still act on is
    written as character references, so it stays one attribute of plain text."""
    return f'<abbr class="kd-term" title="{_term_attribute(title)}" tabindex="0">{text}</abbr>'


@lru_cache(maxsize=1024)
def _term_attribute(title: str) -> str:
    """A term's explanation as `term_markup` writes it in its attribute (kept: the glossary's few
    explanations are written at every use of a term)."""
    return _MARKDOWN_IN_ATTRIBUTE.sub(lambda m: f"&#{ord(m.group())};", html_text(title))


def inline_text(
    paragraph: Paragraph,
    links: list[InlineLink],
    footnotes: frozenset[int],
    terms: list[InlineTerm] | None = None,
    explained: set[str] | None = None,
) -> str:
    """Render a paragraph's text as one line of Markdown, with its links, terms and footnote markers.

    Markers become `[^N]` at their offset (a number with no footnote on the page stays visible as
    a plain superscript, bracketed as references are: `[N]`); links become `[text](destination)`;
    glossary terms become `<abbr>` with their explanation (`term_markup`), never inside a link,
    each once in its section: a term named in `explained` (marked before in the section) stays
    plain text, and a term marked here is added to it.
    Overlapping links are dropped after the first; a marker that falls inside a link or a term is
    moved to its end.
    """
    text = paragraph.text
    if not (links or terms or paragraph.markers):  # plain text, as most paragraphs are
        plain = text.strip()
        return escape_text(plain) if plain else ""
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    chosen: list[InlineLink] = []
    trimmed = (_trimmed(link, text) for link in links)
    for link in sorted(trimmed, key=lambda link: (link.start, -link.end, link.destination)):
        if start <= link.start < link.end <= end and (not chosen or link.start >= chosen[-1].end):
            chosen.append(link)
    chosen_terms: list[InlineTerm] = []
    following = 0  # the first chosen link that does not end before the term
    for term in sorted(terms or (), key=lambda term: (term.start, -term.end)):
        while following < len(chosen) and chosen[following].end <= term.start:
            following += 1
        in_link = following < len(chosen) and chosen[following].start < term.end
        after_last = not chosen_terms or term.start >= chosen_terms[-1].end
        if start <= term.start < term.end <= end and not in_link and after_last:
            chosen_terms.append(term)
    pieces_in_order: list[InlineLink | InlineTerm] = sorted([*chosen, *chosen_terms], key=lambda piece: piece.start)
    markers = sorted(
        (min(max(marker.offset, start), end), order, marker.number) for order, marker in enumerate(paragraph.markers)
    )
    pieces: list[str] = []
    cursor, pending = start, deque(markers)  # a deque: a paragraph may hold thousands of markers

    def add_text(upto: int) -> None:
        nonlocal cursor
        while pending and pending[0][0] <= upto:
            offset, _, number = pending.popleft()
            offset = max(offset, cursor)
            _add_text(pieces, text[cursor:offset])
            pieces.append(f"[^{number}]" if number in footnotes else f"<sup>\\[{number}\\]</sup>")
            cursor = offset
        _add_text(pieces, text[cursor:upto])
        cursor = upto

    for piece in pieces_in_order:
        add_text(piece.start)
        words = escape_text(text[piece.start : piece.end], at_line_start=False)
        if isinstance(piece, InlineTerm) and (explained is None or piece.term not in explained):
            pieces.append(term_markup(words, piece.title))
            if explained is not None:
                explained.add(piece.term)
        elif isinstance(piece, InlineTerm):
            pieces.append(words)
        else:
            pieces.append(f"[{words}]({piece.destination})")
        cursor = piece.end
    add_text(end)
    return "".join(pieces)


def _trimmed(link: InlineLink, text: str) -> InlineLink:
    """Keep white space at either end of a link's characters outside the link."""
    if not 0 <= link.start <= link.end <= len(text):
        return link  # out of range: left for the caller to drop
    covered = text[link.start : link.end]
    start = link.start + len(covered) - len(covered.lstrip())
    return InlineLink(start, max(start, link.start + len(covered.rstrip())), link.destination)


def _add_text(pieces: list[str], text: str) -> None:
    """Append escaped source text; only text that starts the line gets the line-start escapes."""
    if not text:
        return
    escaped = escape_text(text, at_line_start=not pieces)
    if pieces and pieces[-1].startswith("[^") and escaped.startswith(":") and len(pieces) == 1:
        escaped = "&#58;" + escaped[1:]  # `[^3]:` at the start of a line would define a footnote
    pieces.append(escaped)
