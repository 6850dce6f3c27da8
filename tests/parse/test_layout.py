"""The layout rules of generator.parse.layout on real PDFs: furniture by place, footnotes at the
page foot, tables in small print, digits on the baseline; synthetic because no real letter here
shows it, a footnote body running on to the next page; and cut and mangled excerpts of the real
PDFs' layout, which parse or are refused with their place, never crash.

The real PDFs are tests/fixtures/letters/ (the development letters) and tests/fixtures/pdf/ (two
more official Aanhangsel PDFs, see the README there); expectations were read off their pages.
"""

from __future__ import annotations

import random
from pathlib import Path

from generator.errors import ParseError
from generator.model import Answer, Heading, Layout, LineLayout, PageLayout, Paragraph, Question, Record, SourceText, TextRun
from generator.parse import parse_record
from generator.parse.layout import clean_layout
from generator.readers import read_source

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"


def _record(path: Path) -> Record:
    record, _ = parse_record(read_source(path, f"seeds/{path.name}"))
    return record


def _paragraphs(record: Record) -> list[Paragraph]:
    letter = record.letters[0]
    found = list(letter.head)
    for block in letter.body:
        if isinstance(block, (Question, Answer)):
            found.extend(block.paragraphs)
        elif isinstance(block, Paragraph):
            found.append(block)
    return found


def test_a_one_page_letters_foot_is_furniture_though_no_page_repeats_it() -> None:
    record = _record(FIXTURES / "pdf" / "ah-tk-20232024-1999.pdf")
    assert {(item.reason, item.text) for item in record.furniture} == {
        ("number in the title block", "2"),  # the Kamer's '2' in the masthead
        ("number in the title block", "1999"),  # the Aanhangsel's number above the header
        ("document id", "ah-tk-20232024-1999"),
        ("ISSN", "ISSN 0921 - 7398"),
        ("place and year of printing", "’s-Gravenhage 2024"),
        ("running head", "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel"),  # no page number
    }
    assert record.identifier == "ah-tk-20232024-1999"
    texts = [p.text for p in _paragraphs(record)]
    for furniture in ("ISSN", "Gravenhage", "vergaderjaar 2023–2024, Aanhangsel", "ah-tk-"):
        assert not [t for t in texts if furniture in t]
    assert texts[0] == "Tweede Kamer der Staten-Generaal"  # the masthead itself is the letter's
    body = record.letters[0].body
    (heading,) = [i for i, block in enumerate(body) if isinstance(block, Heading) and block.text == "Mededeling"]  # own line, bold
    after = body[heading + 1]
    assert isinstance(after, Paragraph)
    assert after.text.startswith("De schriftelijke vragen van de leden Sneller, Chakor, Van Nispen over")


def test_the_footnote_of_a_one_page_letter_is_tied_to_its_marker() -> None:
    record = _record(FIXTURES / "pdf" / "ah-tk-20232024-1999.pdf")
    (note,) = record.letters[0].footnotes
    assert note.number == 1 and note.referenced
    assert note.text.startswith("De Volkskrant, 28 mei 2024 (www.volkskrant.nl/nieuws-achtergrond/ambtenaren-zien-nog-veel")
    (marked,) = [p for p in _paragraphs(record) if p.markers]
    assert marked.text[: marked.markers[0].offset].endswith("een juridische analyse hebben gemaakt van het hoofdlijnenakkoord?")


def test_a_table_in_small_print_stays_text_row_by_row_and_is_no_footnote() -> None:
    record = _record(FIXTURES / "pdf" / "ah-tk-20232024-1314.pdf")
    (answer,) = [b for b in record.letters[0].body if isinstance(b, Answer) and b.number == 6]
    rows = [p.text for p in answer.paragraphs]
    assert rows[:6] == [
        "Bijgaande cijfers zijn aangeleverd door Discriminatie.nl/Fryslân/Tumba:",
        "Meldingen Tumba, kenniscentrum discriminatie en diversiteit",
        "Grond Meldingen in 2021 Meldingen in 2022 Meldingen in 2023",
        "Geslacht(Trans) 2 3 6",
        "Seksuele gerichtheid 10 14 34",
        "TOTAAL 12 17 40",
    ]
    assert rows[-1] == "Seksuele gerichtheid 66 73 74"
    assert not any(p.markers for p in answer.paragraphs)  # the table's digits are no markers
    notes = record.letters[0].footnotes
    assert [n.number for n in notes] == [1, 2]
    assert notes[0].text.startswith("NOS, d.d. 1 maart 2024") and "Meldingen" not in notes[0].text
    assert notes[1].text.startswith("Movisie, d.d. maart 2022, Inventarisatie Regenboogbeleid Regenboogprovincies")


def test_digits_on_the_baseline_are_text_and_a_raised_number_after_a_year_is_a_marker() -> None:
    record = _record(FIXTURES / "letters" / "ah-tk-20232024-1771.pdf")
    texts = [p.text for p in _paragraphs(record)]
    assert any("Voor professioneel vuurwerk (categorie F3 en F4) zijn de veiligheidsafstanden" in t for t in texts)
    (year,) = [p for p in _paragraphs(record) if any(m.number == 4 for m in p.markers)]
    offset = next(m.offset for m in year.markers if m.number == 4)
    assert year.text[:offset].endswith("nader onderzoek uit naar aanleiding van de signaalrapportage uit 2022")
    assert year.text[offset:].startswith(" waaruit blijkt")


def _run(start: int, end: int, x: float, baseline: float, size: float) -> TextRun:
    return TextRun(start, end, x, x + 0.5 * size * max(end - start - 1, 0), baseline, size)


def _two_pages(soft_hyphen: bool = False, second_body: bool = True) -> tuple[tuple[str, ...], Layout]:
    """Two synthetic pages: text at 10 pt from 100 pt down, footnotes at 8 pt at the foot (the
    body of footnote 1 runs on to page 2), the running foot with the page number at 800 pt.
    With `soft_hyphen`, the first word of line 3 holds a soft hyphen (U+00AD) before the runs;
    without `second_body`, footnote 2 has a marker and no body."""
    text = "De minister heeft de Kamer geïnformeerd over de voortgang van het programma en de"
    third = "planning van de volgende fasen die in de komende jaren worden uitgevoerd.1 Daarna"
    shift = 0
    if soft_hyphen:
        third, shift = "plan\u00adning" + third[len("planning") :], 1
    lines = (
        text,  # page 1
        text,
        third,
        "volgt het verslag van de tweede ronde.",
        "1 Kamerstukken II 2023/24, 31 066, nr. 1300, een brief over de voortgang, met als",
        "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 1",
        text,  # page 2
        text,
        "uitvoering van de motie over de planning van de volgende fasen.2",
        "bijlagen het rapport en de reactie van de Belastingdienst.",
        "2 Kamerstukken II 2023/24, 31 066, nr. 1301." if second_body else "",
        "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel 2",
    )
    places = (
        LineLayout(1, 1, (_run(0, 81, 100, 100, 10),)),
        LineLayout(1, 2, (_run(0, 81, 100, 112, 10),)),
        LineLayout(1, 3, (_run(0, 73 + shift, 100, 124, 10), _run(73 + shift, 74 + shift, 466, 120, 6), _run(75 + shift, 81 + shift, 472, 124, 10))),
        LineLayout(1, 4, (_run(0, 38, 100, 136, 10),)),
        LineLayout(1, 5, (_run(0, 1, 100, 698, 5), _run(2, 81, 106, 700, 8))),
        LineLayout(1, 6, (_run(0, 48, 100, 800, 9), _run(49, 50, 500, 800, 9))),
        LineLayout(2, 1, (_run(0, 81, 100, 100, 10),)),
        LineLayout(2, 2, (_run(0, 81, 100, 112, 10),)),
        LineLayout(2, 3, (_run(0, 63, 100, 124, 10), _run(63, 64, 416, 120, 6))),
        LineLayout(2, 4, (_run(0, 58, 100, 690, 8),)),
        LineLayout(2, 5, (_run(0, 1, 100, 698, 5), _run(2, 44, 106, 700, 8)) if second_body else ()),
        LineLayout(2, 6, (_run(0, 48, 100, 800, 9), _run(49, 50, 500, 800, 9))),
    )
    return lines, Layout((PageLayout(600, 842), PageLayout(600, 842)), places)


def test_a_footnote_body_running_on_to_the_next_page_is_joined() -> None:
    # Synthetic: none of the real letters here has a footnote that runs on to the next page.
    lines, layout = _two_pages()
    paragraphs, notes, furniture, problems = clean_layout(lines, layout, "seeds/x.pdf")
    assert [(n.number, n.text) for n in notes] == [
        (1, "Kamerstukken II 2023/24, 31 066, nr. 1300, een brief over de voortgang, met als bijlagen het rapport en de reactie van de Belastingdienst."),
        (2, "Kamerstukken II 2023/24, 31 066, nr. 1301."),
    ]
    assert all(n.referenced for n in notes) and problems == []
    assert {(item.reason, item.text) for item in furniture} == {
        ("running head", "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel"),
        ("page number", "1"),
        ("page number", "2"),
    }
    text = lines[0]
    assert [p.text for p in paragraphs] == [
        f"{text} {text} planning van de volgende fasen die in de komende jaren worden uitgevoerd. Daarna volgt het verslag van de tweede ronde.",
        f"{text} {text} uitvoering van de motie over de planning van de volgende fasen.",
    ]
    assert [m.number for p in paragraphs for m in p.markers] == [1, 2]


def test_a_soft_hyphen_is_dropped_and_the_runs_after_it_keep_their_characters() -> None:
    # Synthetic: no real letter here holds a soft hyphen in its text layer.
    paragraphs, _, _, _ = clean_layout(*_two_pages(soft_hyphen=True), "seeds/x.pdf")
    first = paragraphs[0]
    assert "planning van de volgende fasen die in de komende jaren worden uitgevoerd. Daarna" in first.text
    assert first.text[: first.markers[0].offset].endswith("worden uitgevoerd.")


def test_a_raised_number_without_a_footnote_body_stays_text_with_a_warning() -> None:
    # Synthetic: in the real letters every raised number has its body (an exponent would not).
    paragraphs, notes, _, problems = clean_layout(*_two_pages(second_body=False), "seeds/x.pdf")
    assert [n.number for n in notes] == [1]
    assert paragraphs[-2].text.endswith("de planning van de volgende fasen.2")
    assert [str(p) for p in problems] == [
        "seeds/x.pdf:9: raised number 2 has no footnote body; kept in the text — uitvoering van de motie over de planning van de volgende fasen."
    ]


def _mangled_cases(count: int) -> list[SourceText]:
    """Cut and mangled excerpts of the development PDFs' lines and layout (fixed random seed)."""
    sources = [read_source(path, f"seeds/{path.name}") for path in sorted((FIXTURES / "letters").glob("*.pdf"))]
    generator = random.Random(2026)
    cases = []
    for _ in range(count):
        source = generator.choice(sources)
        assert source.layout is not None
        start = generator.randrange(len(source.lines))
        end = start + generator.randrange(1, 120)
        lines, places = list(source.lines[start:end]), list(source.layout.lines[start:end])
        for _ in range(generator.randrange(4)):
            at = generator.randrange(len(lines))
            roll = generator.random()
            if roll < 0.3:  # a line without its first run
                place = places[at]
                if len(place.runs) > 1:
                    places[at] = LineLayout(place.page, place.line, place.runs[1:])
            elif roll < 0.6:  # a line cut short
                lines[at] = lines[at][: generator.randrange(len(lines[at]) + 1)]
            else:  # a line moved to another page
                place = places[at]
                places[at] = LineLayout(generator.randrange(1, 6), place.line, place.runs)
        cases.append(SourceText(source.path, tuple(lines), layout=Layout(source.layout.pages, tuple(places))))
    return cases


def test_cut_and_mangled_pdf_layouts_parse_or_are_refused_with_their_place() -> None:
    refused = 0
    for source in _mangled_cases(300):
        try:
            parse_record(source)
        except ParseError as error:
            assert str(error).startswith(f"{source.path}:")
            refused += 1
    assert 0 < refused < 300  # both outcomes occur: the cases are neither all letters nor all junk
