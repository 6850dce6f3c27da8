"""The footnote extension: the number a reader sees is the number the letter prints."""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup

from generator.mdext import FootnoteLabelExtension

# seeds/001_dfb242f75dbdc9fb.txt lines 60 and 96: the committee letter's first footnote is number 3.
TEXT = (
    "De vaste commissie voor Digitalisering heeft met belangstelling kennisgenomen van uw brief van 2 oktober "
    "2025 over de Overstap van de Belastingdienst, Douane en Toeslagen naar Microsoft365 (M365)[^3], waarin u "
    "een zorgvuldige afweging van alle onderzochte scenario’s toelicht.[^4]\n\n"
    "[^3]: Kamerstukken I, 2025/26, 31066/26643, AO\n\n"
    "[^4]: Kamerstukken I, 2025/26, 31066/26643, AO, p. 2.\n"
)


def _render(text: str, extensions: list | None = None) -> BeautifulSoup:
    md = markdown.Markdown(extensions=extensions or ["footnotes", FootnoteLabelExtension()])
    return BeautifulSoup(md.convert(text), "html.parser")


def test_reference_shows_the_label_in_brackets_and_keeps_its_ids() -> None:
    soup = _render(TEXT)
    sup = soup.find("sup", id="fnref:3")
    assert sup.a["href"] == "#fn:3" and sup.a["class"] == ["footnote-ref"]
    assert sup.a.get_text() == "[3]"
    assert soup.find("sup", id="fnref:4").a.get_text() == "[4]"


def test_the_text_of_the_page_keeps_the_number_apart_from_the_word() -> None:
    # seeds/001 line 60: the PDF printed "(M365)3," with the marker glued to the word.
    text = " ".join(_render(TEXT).get_text().split())
    assert "(M365)[3], waarin" in text and "toelicht.[4]" in text
    assert "(M365)3," not in text


def test_list_items_are_numbered_by_label() -> None:
    items = _render(TEXT).select("div.footnote li")
    assert [(item["id"], item["value"]) for item in items] == [("fn:3", "3"), ("fn:4", "4")]


def test_backlink_title_is_dutch_and_names_the_printed_number() -> None:
    backlink = _render(TEXT).find("li", id="fn:3").find("a", class_="footnote-backref")
    assert backlink["href"] == "#fnref:3"
    assert backlink["title"] == "Terug naar voetnoot 3 in de tekst"


def test_without_the_extension_python_markdown_renumbers() -> None:
    soup = _render(TEXT, ["footnotes"])
    assert soup.find("sup", id="fnref:3").a.get_text() == "1"  # and unbracketed


def test_unreferenced_footnote_is_kept_but_loses_its_dead_backlink() -> None:
    # seeds/001 line 13: footnote 1 of the cover note, which no marker refers to.
    soup = _render("Van Dooren\n\n[^1]: De letters AR hebben alleen betrekking op 31 066.\n")
    item = soup.find("li", id="fn:1")
    assert item.get_text().strip() == "De letters AR hebben alleen betrekking op 31 066."
    assert item["value"] == "1"
    assert not item.find("a", class_="footnote-backref")


def test_repeated_references_all_get_dutch_backlinks() -> None:
    soup = _render("AO[^5] en AO[^5]\n\n[^5]: Kamerstukken I, 2025/26, 31066/26643, AO, p. 2.\n")
    backlinks = soup.find("li", id="fn:5").find_all("a", class_="footnote-backref")
    assert [b["href"] for b in backlinks] == ["#fnref:5", "#fnref2:5"]
    assert {b["title"] for b in backlinks} == {"Terug naar voetnoot 5 in de tekst"}


def test_labels_that_are_not_numbers_keep_python_markdowns_numbering() -> None:
    soup = _render("tekst[^noot]\n\n[^noot]: NOS.nl, 2 oktober 2025\n")
    assert soup.find("sup", id="fnref:noot").a.get_text() == "[1]"
    assert not soup.find("li", id="fn:noot").has_attr("value")


def test_loads_by_its_entry_point_name() -> None:
    soup = _render(TEXT, ["footnotes", "kamerdossier_footnotes"])
    assert soup.find("li", id="fn:3")["value"] == "3"


def test_a_document_without_footnotes_is_left_alone() -> None:
    assert str(_render("Ja.")) == "<p>Ja.</p>"
