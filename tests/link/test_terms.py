"""find_terms: uses of glossary terms in the real letters, never inside a citation or an address."""

from __future__ import annotations

from generator.link.terms import find_terms
from generator.model import SourceSpan, Term, TextLink
from tests.link.builders import SEED_001, footnote, letter, paragraph, record

GLOSSARY = (
    Term("M365", "Microsoft 365.", SourceSpan("begrippen.yml", 1, 1), ("M365", "Microsoft 365", "Microsoft365")),
    Term("CLOUD Act", "Amerikaanse wet.", SourceSpan("begrippen.yml", 5, 5), ("CLOUD Act", "Cloud Act")),
    Term("Kamerstuk", "Parlementair document.", SourceSpan("begrippen.yml", 9, 9), ("Kamerstukken", "Kamerstuk")),
)


def _uses(text: str, links: tuple[tuple[int, int], ...] = (), key: str = "p1"):
    found = record(SEED_001, letter(0, "antwoordbrief", paragraph(key, text, 1)))
    text_links = tuple(TextLink(found.path, key, start, end) for start, end in links)
    return [(text[use.start : use.end], use.term) for use in find_terms((found,), GLOSSARY, text_links)]


def test_every_spelling_marks_its_term_and_the_words_stay_as_written() -> None:
    # seeds/001 lines 1-3 and 785: Microsoft365 (M365), US Cloud Act.
    text = ("heeft schriftelijk overleg gevoerd ... naar Microsoft365 (M365). De US Cloud Act en recente "
            "politieke ontwikkelingen; de M365-overeenkomst")
    assert _uses(text) == [("Microsoft365", "M365"), ("M365", "M365"), ("Cloud Act", "CLOUD Act"), ("M365", "M365")]


def test_a_spelling_broken_over_lines_is_one_use() -> None:
    # seeds/000 lines 8-9 print "Microsoft 365" whole; a line break inside it must not lose the term.
    assert _uses("de overstap van de Belastingdienst naar Microsoft\n365 onze overheid") == [("Microsoft\n365", "M365")]


def test_a_term_inside_a_word_or_an_identifier_is_not_a_use() -> None:
    assert _uses("M3650 xM365 M365x kst-M365 2025D42960") == []


def test_no_term_inside_a_citation_or_a_web_address() -> None:
    # seeds/000 line 14: the citation is a text link (characters 35-59); seeds/001 line 11 of the answers' footnotes.
    text = "conform de aangenomen motie-Kathmann c.s. (Kamerstuk 26643, nr. 1315), een onafhankelijke"
    start = text.index("Kamerstuk")
    assert _uses(text, ((start, start + len("Kamerstuk 26643, nr. 1315")),)) == []
    assert _uses("Kamerstuk 26643") == [("Kamerstuk", "Kamerstuk")]  # the same words outside a citation
    url = "https://www.rijksictdashboard.nl/ict-activiteiten/4572eb6d/financi%C3%ABn-uitrol-M365 en M365"
    assert _uses(url) == [("M365", "M365")]
    assert _uses("NOS.nl, 2 oktober 2025; zie www.example.nl/M365") == []


def test_footnotes_are_read_too() -> None:
    found = record(SEED_001, letter(0, "antwoordbrief", footnotes=(footnote(3, "Over Microsoft 365 en de Cloud Act", 96),)))
    uses = find_terms((found,), GLOSSARY, ())
    assert [(use.paragraph, use.term) for use in uses] == [("fn0-3", "M365"), ("fn0-3", "CLOUD Act")]


def test_without_a_glossary_nothing_is_found() -> None:
    found = record(SEED_001, letter(0, "antwoordbrief", paragraph("p1", "M365", 1)))
    assert find_terms((found,), (), ()) == ()


def test_a_long_text_costs_linear_time() -> None:
    # Synthetic: a hostile run of near-misses; must finish at once (no backtracking beyond a spelling).
    text = ("M36" * 20000) + ("a-" * 20000) + ("x." * 20000) + "nl"
    assert _uses(text) == []


def test_the_longest_spelling_that_stands_alone_wins_and_uses_may_touch() -> None:
    # Synthetic (no letter shows these cases): the spellings are grouped by their first character
    # for speed, and must still behave as one alternation of every spelling, longest first.
    glossary = (
        Term("Cloud", "Wolk.", SourceSpan("begrippen.yml", 1, 1), ("Cloud Act", "Cloud")),
        Term("(EU)", "Europese Unie.", SourceSpan("begrippen.yml", 2, 2), ("(EU)",)),
        Term("C", "Letter.", SourceSpan("begrippen.yml", 3, 3), ("C",)),
    )
    found = record(SEED_001, letter(0, "antwoordbrief", paragraph("p1", "Cloud Actor, Cloud Act; (EU)(EU) C Cloud\tAct", 1)))
    uses = [(use.start, use.end, use.term) for use in find_terms((found,), glossary, ())]
    assert uses == [(0, 5, "Cloud"), (13, 22, "Cloud"), (24, 28, "(EU)"), (28, 32, "(EU)"), (33, 34, "C"), (35, 44, "Cloud")]
