"""Clean PDF-extracted text into paragraphs, footnote bodies and footnote markers (the text path).

A record's source lines pass four steps, each a module of its own:

1. `generator.parse.lines`: characters made plainer, page furniture cut off (named by its shape
   and by repetition), page starts found;
2. `generator.parse.footnote_bodies`: the footnote bodies taken off the bottom of each page, each
   line that holds only a number decided (a footnote marker, a number of the title block, a page
   number);
3. `generator.parse.paragraphs`: the lines joined into paragraphs, hyphens at line ends mended;
4. `generator.parse.footnote_markers`: each footnote's marker found in the running text, in
   sequence, and taken out.

A PDF read with its layout takes its own path (`generator.parse.layout`) to the same paragraphs
and footnotes.

Example::

    >>> paragraphs, notes, _, _ = clean_text(("De vaste commissie voor Digitalisering1 heeft", "",
    ...     "1 Samenstelling: Baumgarten (JA21)"), "seeds/x.txt")
    >>> paragraphs[0].text, paragraphs[0].markers, notes[0].text
    ('De vaste commissie voor Digitalisering heeft', (FootnoteMarker(number=1, offset=38),), 'Samenstelling: Baumgarten (JA21)')
"""

from __future__ import annotations

from generator.model import Diagnostic, Furniture
from generator.parse.footnote_bodies import CleanFootnote, lone_markers, split_footnotes
from generator.parse.footnote_markers import CleanParagraph, orphan_markers, take_markers
from generator.parse.lines import PAGE_BREAK, clean_lines, repeated_furniture, split_pages
from generator.parse.paragraphs import join_paragraphs


def clean_text(
    lines: tuple[str, ...], path: str
) -> tuple[list[CleanParagraph], list[CleanFootnote], list[Furniture], list[Diagnostic]]:
    """Turn a record's source lines into paragraphs, footnotes, the furniture dropped, and
    diagnostics (a footnote marker without a body)."""
    cleaned, furniture = clean_lines(lines, path)
    pages, repeated = repeated_furniture(split_pages(cleaned), path)
    pages, footnotes, paren_style, footnote_numbers = split_footnotes(pages, path)
    pages, page_numbers = lone_markers(pages, footnotes, path)
    raw = join_paragraphs(pages, pdftotext=any(PAGE_BREAK in line for line in lines))
    paragraphs, footnotes = take_markers(raw, footnotes, paren_style)
    furniture = sorted([*furniture, *repeated, *footnote_numbers, *page_numbers], key=lambda item: item.span.line)
    return paragraphs, footnotes, furniture, orphan_markers(paragraphs, footnotes, path)
