"""One test per cleaning rule, on excerpts of the real seed letters (synthetic only where no
real passage shows the case)."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.parse.text import clean_text

SEEDS = Path(__file__).resolve().parent.parent.parent / "seeds"
WRITTEN = (SEEDS / "000_04ae587ba6eeb66d.txt").read_text(encoding="utf-8").split("\n")
OVERLEG = (SEEDS / "001_dfb242f75dbdc9fb.txt").read_text(encoding="utf-8").split("\n")


CLEANED = {
    "written": clean_text(tuple(WRITTEN), "seeds/000_04ae587ba6eeb66d.txt"),
    "overleg": clean_text(tuple(OVERLEG), "seeds/001_dfb242f75dbdc9fb.txt"),
}


def excerpt(lines: list[str], first: int, last: int) -> tuple[str, ...]:
    """Source lines first..last (1-based, inclusive), as the reader gives them."""
    return tuple(lines[first - 1 : last])


def texts(lines: tuple[str, ...]) -> list[str]:
    paragraphs, _, _, _ = clean_text(lines, "seeds/x.txt")
    return [p.text for p in paragraphs]


def test_double_spaced_lines_join_into_one_paragraph() -> None:
    joined = texts(excerpt(OVERLEG, 28, 38))
    assert len(joined) == 1
    assert joined[0].startswith("De vaste commissie voor Digitalisering heeft met belangstelling kennisgenomen van uw brief van 2 oktober 2025")
    assert joined[0].endswith("Binnenlandse Zaken en Koninkrijksrelaties.")


def test_double_spaced_paragraph_break_after_a_short_closing_line() -> None:
    paragraphs = texts(excerpt(OVERLEG, 42, 58))
    assert [p[:30] for p in paragraphs] == ["De Belastingdienst heeft na ee", "De leden van de fractie van Gr"]


def test_heading_line_stands_alone_in_double_spaced_text() -> None:
    paragraphs = texts(excerpt(OVERLEG, 40, 44))
    assert paragraphs[0] == "Vragen en opmerkingen van de leden van de fractie van GroenLinks-PvdA"


def test_footnote_bodies_at_page_bottom_leave_the_text_and_the_split_paragraph_joins() -> None:
    # lines 641-646: "… niet per definitie" / footnote 12 / page break / "voor meer digitale autonomie."
    paragraphs, notes, _, _ = CLEANED["overleg"]
    joined = [p.text for p in paragraphs if p.text.startswith("De Belastingdienst heeft niet actief")]
    assert joined == [
        "De Belastingdienst heeft niet actief de cloud-strategieën van de decentrale overheden zoals de gemeente "
        "Amsterdam geëvalueerd. Een hybride cloud-strategie zorgt daarnaast niet per definitie voor meer digitale "
        "autonomie. De leverancier kan in het geval van een hybride cloud-strategie nog steeds diensten intrekken."
    ]
    assert (12, "Kamerstukken II, 2025/26, 31066, nr. 506") in [(n.number, n.text) for n in notes]
    assert not any(p.text.startswith("12 Kamerstukken") or "nr. 506" in p.text for p in paragraphs)


def test_footnote_bodies_are_numbered_in_sequence_across_pages() -> None:
    assert [n.number for n in CLEANED["overleg"][1]] == list(range(1, 13))
    assert [n.number for n in CLEANED["written"][1]] == [1, 2, 3, 4]
    assert CLEANED["written"][1][1].text == (
        "Korte toespraak van minister-president Dick Schoof bij de opening van de One Conference, Den Haag, 30 september 2025"
    )


def test_page_break_between_sentences_is_a_paragraph_break() -> None:
    # line 707 starts a page: "… afgevallen? " / " De Belastingdienst herkent …"
    paragraphs = texts(excerpt(OVERLEG, 705, 708))
    assert paragraphs[0].endswith("op welke criteria deze zijn afgevallen?")
    assert paragraphs[1].startswith("De Belastingdienst herkent de genoemde alternatieven.")


def test_page_break_by_blank_run_inside_a_sentence_joins() -> None:
    paragraphs = texts(excerpt(WRITTEN, 43, 48))
    assert paragraphs == [
        "Vraag 11Bent u zich ervan bewust dat Amerikaanse bedrijven die gegevens op Europees grondgebied stallen, "
        "alsnog moeten voldoen aan surveillanceverplichtingen die volgen vanuit nationale wetgeving, zoals de CLOUD Act "
        "en de Foreign Intelligence Surveillance Act?"
    ]


def test_non_breaking_spaces_become_spaces() -> None:
    paragraphs = texts(excerpt(WRITTEN, 39, 41))
    assert "negen maanden" in paragraphs[0] and "\u00a0" not in paragraphs[0]


def test_private_use_bullet_becomes_a_bullet_item() -> None:
    assert texts(excerpt(OVERLEG, 6, 7)) == ["• De uitgaande brief van 2 december 2025.", "• De antwoordbrief van 12 februari 2026."]


@pytest.mark.parametrize(
    ("source", "compound"),
    [
        ("written", "de motie-Kathmann/Six Dijkstra"),
        ("overleg", "niet-nakoming van data-overdracht of vernietiging"),
        ("overleg", "ten gunste van open-source alternatieven"),
        ("overleg", "voldoet aan strenge EU-privacyregels"),
        ("overleg", "bij andere (on-premises) varianten"),
        ("overleg", "Visseren-Hamakers (Fractie-Visseren-Hamakers)"),
    ],
)
def test_hyphen_of_a_compound_is_kept_at_a_line_end(source: str, compound: str) -> None:
    paragraphs, notes, _, _ = CLEANED[source]
    assert any(compound in text for text in [*(p.text for p in paragraphs), *(n.text for n in notes)])


def test_hyphen_of_a_split_word_is_dropped() -> None:
    # No seed letter splits a word at a line end; the record's own words decide.
    lines = ("De beoordeling van de alternatieven is gedaan.", "", "Na een zorgvuldige beoorde-", "ling is besloten.")
    assert texts(lines)[1] == "Na een zorgvuldige beoordeling is besloten."


@pytest.mark.parametrize(
    ("source", "number", "before"),
    [
        ("written", 1, "ondanks zorgen over meekijken VS’?"),
        ("written", 2, "bestuurders dit prioriteit moeten geven?"),
        ("overleg", 2, "De vaste commissie voor Digitalisering"),
        ("overleg", 3, "naar Microsoft365 (M365)"),
        ("overleg", 7, "kan besparen”."),
        ("overleg", 10, "van 1 juli."),
        ("overleg", 11, "(dit bedrag is inclusief 2026)."),
    ],
    ids=["VS’? 1)", "geven? 2)", "Digitalisering2", "(M365)3,", "besparen”.7", "juli.10", "2026).11"],
)
def test_footnote_markers_are_found_and_taken_out(source: str, number: int, before: str) -> None:
    paragraphs, _, _, _ = CLEANED[source]
    marked = [(p.text[: m.offset], p.text) for p in paragraphs for m in p.markers if m.number == number]
    assert len(marked) == 1
    text_before, text = marked[0]
    assert text_before.endswith(before)
    assert f"{before}{number}" not in text and f"{before} {number})" not in text


@pytest.mark.parametrize(
    ("lines", "text"),
    [
        ((OVERLEG, 144, 148), "Bij de drie diensten werken 34000 fte"),
        ((OVERLEG, 96, 97), "2025/26"),
        ((WRITTEN, 13, 15), "(Kamerstuk 26643, nr. 1315)"),
        ((OVERLEG, 134, 138), "15 tot 30 minuten per medewerker"),
        ((OVERLEG, 504, 510), "is door de Belastingdienst in 2021 gestart."),
    ],
    ids=["34000 fte", "2025/26", "nr. 1315", "30 minuten", "2021 gestart"],
)
def test_numbers_that_are_not_markers_stay_text(lines: tuple, text: str) -> None:
    source, first, last = lines
    page = (*excerpt(source, first, last), "", "1 Kamerstukken I, 2025/26, 31066/26643, AO")
    paragraphs, _, _, _ = clean_text(page, "seeds/x.txt")
    assert any(text in p.text for p in paragraphs)


def test_footnote_body_without_marker_is_kept_and_flagged() -> None:
    _, notes, _, _ = clean_text(excerpt(OVERLEG, 1, 20), "seeds/x.txt")
    assert [(n.number, n.referenced) for n in notes] == [(1, False), (2, True)]
    assert notes[1].text.startswith("Samenstelling: Baumgarten (JA21)")
    assert "Visseren-Hamakers (Fractie-Visseren-Hamakers)" in notes[1].text


def test_footnote_marker_without_body_is_reported() -> None:
    lines = (*excerpt(WRITTEN, 7, 11), "", "Vraag 3Is dat zo? 2)", "", "", "", "1) NOS.nl, 2 oktober 2025")
    _, notes, _, problems = clean_text(lines, "seeds/x.txt")
    assert [n.number for n in notes] == [1]
    assert [str(p).split(": ", 1)[1] for p in problems] == ["footnote marker 2 has no footnote body — Vraag 3Is dat zo? 2)"]
    assert problems[0].line == 7
