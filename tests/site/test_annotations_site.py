"""The built seed site shows the shipped editorial notes at their anchors, marked as notes, out of
the parliamentary text's search entries, and lists them on Annotaties."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from tests.pagefind_index import read_fragments

ANSWERS = "eerste-kamer/2026-02-12/antwoordbrief/index.html"
NOTES = "annotaties/index.html"


def test_the_note_on_bbb_answer_24_stands_at_its_anchor_marked_as_a_note(parsed_pages: dict[str, BeautifulSoup]) -> None:
    page = parsed_pages[ANSWERS]
    heading = page.find(id="bbb-antwoord-24")
    note = heading.find_next("aside")
    assert note["class"] == ["kd-note"] and note["aria-label"] == "Noot van de redactie"
    assert note.find(class_="kd-note-label").get_text() == "Noot van de redactie"
    assert "verwijst naar de antwoorden op vraag 18 en 20" in note.get_text()
    # it belongs to answer 24's section: no heading stands between them, and the answer's own text comes first
    assert note.find_previous(["h2", "h3"]) is heading
    answer = heading.find_next("p", class_=False)
    assert answer.get_text().startswith("Hiervoor verwijs ik u naar het antwoord op vraag")
    assert note.find_previous("p", class_="kd-cite").find_previous(["h2", "h3"]) is heading


def test_every_shipped_note_is_listed_with_a_link_to_its_place(parsed_pages: dict[str, BeautifulSoup]) -> None:
    page = parsed_pages[NOTES]
    notes = page.find("article").find_all("aside", class_="kd-note")
    assert len(notes) >= 5
    links = [a["href"] for a in page.find("article").find_all("a", href=True)]
    assert "../eerste-kamer/2026-02-12/antwoordbrief/#bbb-antwoord-24" in links
    assert "../tweede-kamer/2025-10-07/schriftelijke-vragen/#vraag-10" in links


def test_notes_stay_out_of_the_search_entries(built_site: Path) -> None:
    """The notes carry data-pagefind-ignore: Pagefind leaves them out of the letters' pages (the
    Annotaties page lists them, and is found by them)."""
    letters = [fragment for fragment in read_fragments(built_site) if not fragment.url.startswith("/annotaties/")]
    assert letters and not [
        fragment.url for fragment in letters if "Noot van de redactie" in fragment.content or "Redactie Kamerdossier" in fragment.content
    ]
    answers = next(fragment for fragment in letters if fragment.url == "/" + ANSWERS.removesuffix("index.html"))
    assert "Hiervoor verwijs ik u naar het antwoord op vraag" in answers.section_text("bbb-antwoord-24")
    assert "verwijst naar de antwoorden op vraag 18 en 20" not in answers.content
