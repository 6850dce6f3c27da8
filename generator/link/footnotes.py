"""Check that every footnote marker has a body and every footnote body has a marker.

The parser has already paired markers with numbers (`FootnoteMarker(number, offset)`) and
collected the bodies (`Footnote(number, text)`); this step only checks the pairing. A marker is
paired with a body of the same number in its own letter, else with one elsewhere in the record
(a verslag numbers its footnotes across its letters, and a page's footnotes can land in the
letter before)::

    Letter(body=(Paragraph("… (M365)3, waarin …", markers=(FootnoteMarker(3, 7),)),),
           footnotes=(Footnote(3, "Kamerstukken I, …"), Footnote(4, "…")))
    -> (Diagnostic("seeds/x.txt", 97, "footnote 4 has no marker in the text", "…", "warning"),)

A marker without a body is an error (the reader meets a number that leads nowhere), reported at
the paragraph's `path:line`; a body without a marker is a warning (it is still shown), reported
at the footnote's.
"""

from __future__ import annotations

from generator.link._walk import walk_paragraphs
from generator.model import Diagnostic, Footnote, Paragraph, Record

FRAGMENT_WIDTH = 60
"""Characters of text shown before a marker that has no body."""


def check_footnotes(record: Record) -> tuple[Diagnostic, ...]:
    """Report unpaired footnote markers (errors) and bodies (warnings) in `record`, by line."""
    markers: dict[int, list[tuple[int, Paragraph, int]]] = {}
    for place in walk_paragraphs(record):
        for marker in place.paragraph.markers:
            markers.setdefault(place.letter.index, []).append((marker.number, place.paragraph, marker.offset))
    bodies = {letter.index: list(letter.footnotes) for letter in record.letters}

    loose_markers: list[tuple[int, Paragraph, int]] = []
    for index, found in markers.items():
        numbers = {footnote.number for footnote in bodies.get(index, ())}
        loose_markers.extend(item for item in found if item[0] not in numbers)
    marked = {(index, number) for index, found in markers.items() for number, _p, _o in found}
    loose_bodies: list[Footnote] = [
        footnote
        for index, footnotes in bodies.items()
        for footnote in footnotes
        if (index, footnote.number) not in marked
    ]

    diagnostics: list[Diagnostic] = []
    body_numbers = {footnote.number for footnote in loose_bodies}
    for number, paragraph, offset in loose_markers:
        if number not in body_numbers:
            fragment = paragraph.text[max(0, offset - FRAGMENT_WIDTH) : offset]
            diagnostics.append(Diagnostic(
                paragraph.span.path, paragraph.span.line,
                f"footnote marker {number} has no footnote text", fragment, "error",
            ))
    marker_numbers = {number for number, _p, _o in loose_markers}
    for footnote in loose_bodies:
        if footnote.number not in marker_numbers:
            diagnostics.append(Diagnostic(
                footnote.span.path, footnote.span.line,
                f"footnote {footnote.number} has no marker in the text", footnote.text[:80], "warning",
            ))
    return tuple(sorted(diagnostics, key=lambda d: (d.line, d.message)))
