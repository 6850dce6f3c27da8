"""The cleaning rules for pdftotext output, one test each, on excerpts of the development
letters' pdftotext output (tests/fixtures/letters/; synthetic only where said)."""

from __future__ import annotations

from pathlib import Path

from generator.parse.text import clean_text

LETTERS = Path(__file__).resolve().parent.parent / "fixtures" / "letters"


def lines_of(identifier: str) -> list[str]:
    return (LETTERS / f"{identifier}.txt").read_text(encoding="utf-8").split("\n")


def excerpt(identifier: str, first: int, last: int) -> tuple[str, ...]:
    """Lines first..last (1-based, inclusive) of a development letter's pdftotext output."""
    return tuple(lines_of(identifier)[first - 1 : last])


def cleaned(identifier: str):
    return clean_text(tuple(lines_of(identifier)), f"seeds/{identifier}.txt")


def test_stacked_footnote_numbers_take_their_bodies_in_order_and_a_word_split_over_the_page_joins() -> None:
    # ah-tk-20232024-1980, the end of page 2 and the start of page 3: `zorgaanbie-`, footnotes 5
    # and 6 stacked (numbers first, bodies after), the running foot, the page number, `der …`.
    paragraphs, notes, furniture, problems = cleaned("ah-tk-20232024-1980")
    text = " ".join(p.text for p in paragraphs)
    assert "tussen zorgverzekeraar en zorgaanbieder over passende zorg" in text
    assert [(n.number, n.text) for n in notes if n.number in (5, 6)] == [
        (5, "Kamerstukken II 2023–34, 23 235, nr. 240."),
        (6, "Kamerstukken II2015–16, 34 104, nr. 128."),
    ]
    on_page_2 = {(f.text, f.reason) for f in furniture if 106 <= f.span.line <= 116}
    assert on_page_2 == {
        ("5", "footnote number"), ("6", "footnote number"),
        ("Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel", "running head"), ("2", "page number"),
    }
    assert not problems


def test_a_footnote_body_after_the_identifier_block_stays_a_footnote() -> None:
    # ah-tk-20232024-1893, page 1: the number, the identifier, ISSN and place of printing, then
    # the body over two lines.
    paragraphs, notes, furniture, _ = cleaned("ah-tk-20232024-1893")
    assert [n.number for n in notes] == [1]
    assert notes[0].text.startswith("NRC, 16 april 2024") and notes[0].text.endswith("– NRC)")
    assert {f.reason for f in furniture} >= {"document id", "ISSN", "place and year of printing"}
    assert not any("ISSN" in p.text or "Gravenhage" in p.text for p in paragraphs)


def test_a_marker_glued_to_a_year_is_the_year_and_the_footnote() -> None:
    # ah-tk-20232024-2129, answer 8: `Kamerbrief van 14 juli 20235 waarin`
    paragraphs, _, _, _ = cleaned("ah-tk-20232024-2129")
    answer = next(p for p in paragraphs if p.text.startswith("Antwoord 8"))
    assert "naar de Kamerbrief van 14 juli 2023 waarin" in answer.text
    marker = answer.markers[0]
    assert marker.number == 5 and answer.text[: marker.offset].endswith("14 juli 2023")


def test_a_lone_number_inside_running_text_is_no_footnote_zone() -> None:
    # A marker standing alone in running text is followed by its sentence, not by a blank line.
    # Synthetic: the seeds and the development letters print no such line.
    source = ("Vraag 1", "Bent u bekend met het bericht", "1", "over de brandweer?", "", "1", "", "Brandweer.nl, 2 mei 2024", "\f")
    paragraphs, notes, _, _ = clean_text(source, "seeds/x.txt")
    assert [n.text for n in notes] == ["Brandweer.nl, 2 mei 2024"]
    assert "over de brandweer?" in " ".join(p.text for p in paragraphs)


def test_a_footer_glued_to_the_next_heading_is_cut_off() -> None:
    # ah-tk-20232024-1076, the foot of page 1 and answer 3, with the running foot and the page
    # number glued to `Antwoord 3` as other extractions print it (synthetic glue).
    lines = list(excerpt("ah-tk-20232024-1076", 57, 64))
    for glued in ("Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 1", "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel1", "2"):
        source = (*lines[:4], glued + lines[4], *lines[5:])
        paragraphs, _, furniture, _ = clean_text(tuple(source), "seeds/x.txt")
        assert [p.text[:14] for p in paragraphs] == ["Vraag 3 Deelt ", "Antwoord 3 Het"], glued
        assert any(f.text == glued for f in furniture)


def test_a_running_foot_of_unknown_shape_is_named_by_repetition() -> None:
    # ah-tk-20232024-1432 (four pages) with its running foot replaced by one no shape rule knows
    # (synthetic wording): printed at the foot of every page, it is furniture all the same.
    foot = "Aanhangsel Handelingen II, 2023/24"
    lines = tuple(line.replace("Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel", foot) for line in lines_of("ah-tk-20232024-1432"))
    paragraphs, notes, furniture, _ = clean_text(lines, "seeds/x.txt")
    assert [f.reason for f in furniture if f.text == foot] == ["running head"] * 4
    assert not any(foot in p.text for p in paragraphs)
    assert [n.number for n in notes] == [1, 2, 3]
    assert [f.text for f in furniture if f.reason == "page number"] == ["1", "2", "3", "4"]


def test_paragraphs_and_bullet_items_end_where_the_pdf_ends_them() -> None:
    # ah-tk-20232024-1432, answer 4: a paragraph, five bullet items without end punctuation, then
    # paragraphs whose last lines are short, with no blank line between any of them.
    paragraphs, _, _, _ = cleaned("ah-tk-20232024-1432")
    texts = [p.text for p in paragraphs]
    start = next(i for i, text in enumerate(texts) if text.startswith("Antwoord 4"))
    assert texts[start + 1 : start + 6] == [
        "• Artistieke en/of inhoudelijke kwaliteit", "• Maatschappelijke betekenis", "• Toegankelijkheid",
        "• Bedrijfsmatige gezondheid", "• Geografische spreiding",
    ]
    assert [text[:30] for text in texts[start + 6 : start + 10]] == [
        "De aanvragen van instellingen ", "Aangezien de Code Diversiteit ",
        "Het criterium «toegankelijkhei", "Het criterium «maatschappelijk",
    ]
