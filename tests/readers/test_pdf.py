"""The PDF reader on the real development letters (tests/fixtures/letters/): what it gives as
lines and layout facts, what it refuses and how, and its cache.

The reader interprets nothing; these tests check the facts the layout parser builds on, each on a
passage read off the PDF (rendered with `pdftoppm`).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.build import on_page, parse_sources
from generator.errors import ReadError
from generator.model import Diagnostic, LineLayout, TextRun
from generator.readers import pdf as pdf_reader
from generator.readers import read_source
from generator.readers.pdf import read_pdf, read_pdf_bytes

LETTERS = Path(__file__).resolve().parent.parent / "fixtures" / "letters"


def _read(name: str) -> tuple[tuple[str, ...], tuple[LineLayout, ...]]:
    lines, layout = read_pdf_bytes((LETTERS / f"ah-tk-20232024-{name}.pdf").read_bytes(), f"seeds/{name}.pdf")
    return lines, layout.lines


def _line(name: str, starting: str) -> tuple[str, LineLayout]:
    lines, places = _read(name)
    found = [(text, place) for text, place in zip(lines, places) if text.startswith(starting)]
    assert found, f"no line of {name} starts with {starting!r}"
    return found[0]


def _run(text: str, place: LineLayout, run_text: str) -> TextRun:
    found = [run for run in place.runs if text[run.start : run.end] == run_text]
    assert found, f"no run {run_text!r} in {text!r}"
    return found[0]


def test_a_letter_is_read_page_by_page_with_each_lines_place() -> None:
    lines, layout = read_pdf_bytes((LETTERS / "ah-tk-20232024-2313.pdf").read_bytes(), "seeds/x.pdf")
    assert len(layout.pages) == 5  # the PDF has five pages
    assert len(lines) == len(layout.lines)
    for page in layout.pages:
        assert (round(page.width), round(page.height)) == (558, 771)  # the visible (crop) box
    pages = [place.page for place in layout.lines]
    assert pages == sorted(pages) and set(pages) == {1, 2, 3, 4, 5}
    for number in range(1, 6):  # lines are numbered from 1 on each page
        assert [p.line for p in layout.lines if p.page == number] == list(range(1, pages.count(number) + 1))
    assert "Vraag 1" in lines and "Antwoord 10" in lines  # headings stand on lines of their own


def test_a_footnote_marker_is_a_run_raised_above_its_line_in_a_smaller_size() -> None:
    text, place = _line("2313", "gaat vaak mis: «Beoordeling bij driekwart van de patiënten onvoldoende»»?")
    assert text == "gaat vaak mis: «Beoordeling bij driekwart van de patiënten onvoldoende»»?1"
    words = _run(text, place, "gaat vaak mis: «Beoordeling bij driekwart van de patiënten onvoldoende»»?")
    marker = _run(text, place, "1")
    assert marker.size < 0.8 * words.size  # 5.5 pt against 8.5 pt
    assert words.baseline - marker.baseline > 2  # raised (baselines count from the page top)
    assert marker.x > words.x_last


def test_a_year_with_a_raised_number_is_two_runs_and_baseline_digits_stay_in_their_word() -> None:
    # 1771 prints `signaalrapportage uit 2022⁴` (footnote 4 after the year) and, on the
    # baseline, the firework categories `F3 en F4`.
    text, place = _line("1771", "naar aanleiding van de signaalrapportage uit 2022")
    year = place.runs[0]
    assert text[year.start : year.end].endswith("uit 2022")
    marker = place.runs[1]
    assert text[marker.start : marker.end] == "4" and marker.size < year.size and marker.baseline < year.baseline
    text, place = _line("1771", "Voor professioneel vuurwerk (categorie F3 en F4)")
    assert len(place.runs) == 1  # one size, one baseline: F3 and F4 are text


def test_footnote_bodies_stand_at_the_page_foot_in_a_smaller_size_after_their_number() -> None:
    text, place = _line("2313", "1 EenVandaag, 1 juli 2024")
    number, body = place.runs[0], place.runs[1]
    assert text[number.start : number.end] == "1" and text[body.start :].startswith("EenVandaag")
    assert number.size < body.size < 8  # 4.5 pt and 6.9 pt, against 8.5 pt of the text
    text_line = _line("2313", "Vraag 1")[1]
    assert body.baseline > text_line.runs[0].baseline + 150  # far below the text


def test_printed_lines_are_lines_where_pdfium_joins_or_breaks_them() -> None:
    # 1980, page 1: the bodies of footnotes 2, 3 and 4 are three printed lines, which PDFium
    # gives as one; the reader splits them where the text goes back to the left.
    lines, places = _read("1980")
    notes = [(text, place) for text, place in zip(lines, places) if place.page == 1 and text[:2] in ("2 ", "3 ", "4 ")]
    assert [text for text, _ in notes] == [
        "2 Kamerstukken II 2023–34, 23 235, nr. 240.",
        "3 Kamerstukken II 2023–34, 29 509, nr. 80.",
        "4 Kamerstuk 23 235, nr. 240",
    ]
    assert notes[0][1].runs[-1].baseline < notes[1][1].runs[-1].baseline < notes[2][1].runs[-1].baseline
    # 1432, page 1: PDFium breaks `afgewogen¹; hoe rijmt …` after the superscript; one printed line.
    assert "afgewogen1; hoe rijmt u dat met de aangenomen motie van het lid Van" in _read("1432")[0]


def test_a_line_end_hyphen_is_kept_as_printed() -> None:
    lines, _ = _read("2313")
    assert "om een andere reden arbeidsongeschikt worden, recht hebben op duidelijk-" in lines
    assert "heid en zekerheid? Hoe beoordeelt u in dit licht de bevinding uit intern" in lines


def test_the_page_footer_is_read_as_it_stands_for_the_parser_to_name() -> None:
    text, place = _line("2313", "’s-Gravenhage 2024")
    assert [text[r.start : r.end] for r in place.runs] == ["’s-Gravenhage 2024", "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel", "1"]
    place_year, running_head, page_number = place.runs
    assert running_head.x - place_year.x_last > 100 and page_number.x - running_head.x_last > 80
    assert place_year.size < running_head.size
    lines, _ = _read("2313")
    assert "ah-tk-20232024-2313" in lines and "ISSN 0921 - 7398" in lines


# --- What the reader refuses -----------------------------------------------------------------------


def _pdf(objects: list[bytes], trailer: bytes = b"") -> bytes:
    """A minimal PDF file of the given objects (synthetic: no real letter is broken this way)."""
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R " % (len(objects) + 1) + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return out


PAGE = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>", b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"]
ENCRYPTED = _pdf(
    [*PAGE, b"<< /Filter /Standard /V 1 /R 2 /O <" + b"41" * 32 + b"> /U <" + b"42" * 32 + b"> /P -4 >>"],
    b"/Encrypt 4 0 R /ID [<00112233445566778899aabbccddeeff> <00112233445566778899aabbccddeeff>]",
)
"""A PDF encrypted with a user password we do not know."""


def _refused(data: bytes) -> str:
    with pytest.raises(ReadError) as raised:
        read_pdf_bytes(data, "seeds/brief.pdf")
    return str(raised.value)


def test_broken_encrypted_empty_and_textless_pdfs_are_refused_with_their_place() -> None:
    real = (LETTERS / "ah-tk-20232024-1076.pdf").read_bytes()
    assert _refused(real[: len(real) // 3]).startswith("seeds/brief.pdf:1: not a readable PDF")
    assert _refused(b"%PDF-1.4\nthis is no PDF at all").startswith("seeds/brief.pdf:1: not a readable PDF")
    assert _refused(ENCRYPTED) == "seeds/brief.pdf:1: not a readable PDF (Incorrect password error)"
    assert _refused(b"") == "seeds/brief.pdf:1: empty file"
    assert _refused(_pdf(PAGE)) == "seeds/brief.pdf:1: the PDF has no text layer (a scanned image?); nothing to read"


def test_a_bad_pdf_is_reported_and_the_other_letters_still_parse(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "ah-tk-20232024-1076.pdf").write_bytes((LETTERS / "ah-tk-20232024-1076.pdf").read_bytes())
    (seeds / "geheim.pdf").write_bytes(ENCRYPTED)
    (seeds / "scan.pdf").write_bytes(_pdf(PAGE))
    records, diagnostics = parse_sources(seeds)
    assert [record.path for record in records] == ["seeds/ah-tk-20232024-1076.pdf"]
    assert [str(d) for d in diagnostics] == [
        "seeds/geheim.pdf:1: not a readable PDF (Incorrect password error)",
        "seeds/scan.pdf:1: the PDF has no text layer (a scanned image?); nothing to read",
    ]


def test_a_pdf_diagnostic_says_page_and_line_on_the_page() -> None:
    starts = (1, 42, 105)  # pages 1, 2 and 3 start at these source lines
    diagnostic = Diagnostic("seeds/brief.pdf", 50, "footnote 3 has no marker in the text", "Kamerstuk 22 054")
    assert str(on_page(diagnostic, starts)) == "seeds/brief.pdf:2:9: footnote 3 has no marker in the text — Kamerstuk 22 054"
    assert str(on_page(Diagnostic("seeds/brief.pdf", 105, "x"), starts)) == "seeds/brief.pdf:3:1: x"
    assert on_page(diagnostic, ()) == diagnostic  # a text source keeps its line


# --- The cache -------------------------------------------------------------------------------------


def test_an_unchanged_pdf_is_taken_from_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "brief.pdf"
    source.write_bytes((LETTERS / "ah-tk-20232024-1893.pdf").read_bytes())
    cache = tmp_path / ".cache"
    first = read_pdf(source, "seeds/brief.pdf", cache)
    assert len(list((cache / "pdf").glob("*.json"))) == 1

    def no_reading(data: bytes, shown: str) -> None:
        raise AssertionError("read again")

    monkeypatch.setattr(pdf_reader, "read_pdf_bytes", no_reading)
    assert read_pdf(source, "seeds/brief.pdf", cache) == first
    assert read_source(source, "seeds/brief.pdf", cache=cache).layout == first[1]


def test_a_changed_pdf_or_a_damaged_entry_is_read_again(tmp_path: Path) -> None:
    source = tmp_path / "brief.pdf"
    source.write_bytes((LETTERS / "ah-tk-20232024-1893.pdf").read_bytes())
    cache = tmp_path / ".cache"
    first = read_pdf(source, "seeds/brief.pdf", cache)
    (entry,) = (cache / "pdf").glob("*.json")
    entry.write_text('{"lines": ["forged"]', encoding="utf-8")  # cut short
    assert read_pdf(source, "seeds/brief.pdf", cache) == first
    assert json.loads(entry.read_text(encoding="utf-8"))["lines"] == list(first[0])  # written anew
    source.write_bytes((LETTERS / "ah-tk-20232024-2395.pdf").read_bytes())
    assert read_pdf(source, "seeds/brief.pdf", cache)[0] != first[0]
    assert len(list((cache / "pdf").glob("*.json"))) == 2


def test_a_cache_that_cannot_be_written_is_left_alone(tmp_path: Path) -> None:
    source = tmp_path / "brief.pdf"
    source.write_bytes((LETTERS / "ah-tk-20232024-1893.pdf").read_bytes())
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache folder would be", encoding="utf-8")
    assert read_pdf(source, "seeds/brief.pdf", blocked) == read_pdf(source, "seeds/brief.pdf", None)


def test_the_reader_gives_the_same_facts_every_time() -> None:
    data = (LETTERS / "ah-tk-20232024-1771.pdf").read_bytes()
    assert read_pdf_bytes(data, "x") == read_pdf_bytes(bytes(data), "x")
