"""Link every cited document in the corpus: paragraphs and footnote bodies, in reading order.

Runs `find_references` over each paragraph and footnote, and turns each find into a `TextLink`
carrying the `Reference` (offsets into the paragraph's or footnote's text; `Reference.letter` is
the index of the letter holding the text) and an entry in the corpus' reference list. A citation whose identifier cannot be formed is reported once per record
and document, as a warning at its first `path:line`, naming the other lines::

    footnote 12 of letter 2: "Kamerstukken II, 2025/26, 31066, nr. 506"
    -> TextLink("seeds/x.txt", "fn2-12", 0, 40, reference=Reference("kamerstuk", …,
                identifier="kst-31066-506", letter=2)), no diagnostic
"""

from __future__ import annotations

from dataclasses import replace

from generator.link._walk import paragraphs_with
from generator.link.references import REQUIRED_TEXT, find_references
from generator.link.scan import hinted
from generator.model import Diagnostic, Record, Reference, TextLink


def _report(problem: str, references: list[Reference]) -> Diagnostic:
    """One warning for every citation of a document that got no identifier."""
    first = references[0]
    others = sorted({reference.span.line for reference in references[1:]} - {first.span.line})
    also = f" (also cited on line {', '.join(map(str, others))})" if others else ""
    return Diagnostic(first.span.path, first.span.line, problem + also, first.text, "warning")


def cite_record(record: Record) -> tuple[tuple[TextLink, ...], tuple[Reference, ...], tuple[Diagnostic, ...]]:
    """Find every cited document in every paragraph and footnote of one record (it needs no other).

    Returns the text links and references in reading order, and the warnings for citations that
    could not be given an identifier.
    """
    links: list[TextLink] = []
    references: list[Reference] = []
    problems: dict[str, list[Reference]] = {}
    for place, hints in paragraphs_with(record, lambda texts: hinted(texts, REQUIRED_TEXT), footnotes=True):
        paragraph = place.paragraph
        for found in find_references(paragraph.text, paragraph.span, hints) if hints else ():
            reference = replace(found.reference, letter=place.letter.index)
            links.append(TextLink(record.path, paragraph.key, found.start, found.end, reference=reference))
            references.append(reference)
            if found.problem:
                problems.setdefault(found.problem, []).append(reference)
    return tuple(links), tuple(references), tuple(_report(problem, found) for problem, found in problems.items())
