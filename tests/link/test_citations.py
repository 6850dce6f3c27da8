"""Cited documents in paragraphs and footnotes become text links and references."""

from __future__ import annotations

from generator.link.citations import cite_record

from .builders import SEED_000, SEED_001, footnote, letter, paragraph, record

AO = "Kamerstukken I, 2025/26, 31066/26643, AO, p. 2."


def test_footnote_citations_link_by_footnote_key():
    answers = letter(2, "antwoordbrief", paragraph("p80", "Sinds 2021 is er 14,4 miljoen euro geïnvesteerd.", 466),
                     footnotes=(footnote(12, "Kamerstukken II, 2025/26, 31066, nr. 506", 644),))
    links, references, diagnostics = cite_record(record(SEED_001, answers))
    (link,) = links
    assert (link.path, link.paragraph, link.start, link.end) == (SEED_001, "fn2-12", 0, 40)
    assert link.reference == references[0] and references[0].identifier == "kst-31066-506"
    assert references[0].letter == 2
    assert diagnostics == ()


def test_paragraph_citations_link_by_paragraph_key():
    text = "Is er, conform de aangenomen motie-Kathmann c.s. (Kamerstuk 26643, nr. 1315), een onafhankelijke onderbouwing?"
    asked = letter(0, "schriftelijke-vragen", paragraph("p5", text, 13, SEED_000), path=SEED_000)
    (link,), _refs, _diags = cite_record(record(SEED_000, asked))
    assert (link.paragraph, text[link.start:link.end]) == ("p5", "Kamerstuk 26643, nr. 1315")
    assert link.reference.letter == 0


def test_a_document_without_identifier_is_reported_once_per_record():
    notes = tuple(footnote(n, AO, line) for n, line in ((4, 97), (5, 174), (6, 175)))
    committee = letter(1, "commissiebrief", footnotes=notes)
    links, references, diagnostics = cite_record(record(SEED_001, committee))
    assert len(links) == len(references) == 3
    (diagnostic,) = diagnostics
    assert (diagnostic.line, diagnostic.severity, diagnostic.fragment) == (97, "warning", AO.rstrip("."))
    assert diagnostic.message.startswith("joint Kamerstuk of dossiers 31066/26643")
    assert diagnostic.message.endswith("(also cited on line 174, 175)")
