"""Editorial notes on the seed pages: at their anchor, outside the citation, the letter untouched;
listed on `annotaties.md` and in the open data; a missing letter or anchor is an error at its line."""

from __future__ import annotations

import datetime
import json
from dataclasses import replace

from bs4 import BeautifulSoup, Tag

from generator.model import Annotation, SourceSpan
from generator.render import render_site
from generator.render.annotations import ANNOTATIONS, annotation_problems
from tests.render.builders import ANSWERS, render_markdown

SITE = "https://kamerdossier.example/"


def _note(anchor: str, address: str = "eerste-kamer/2026-02-12/antwoordbrief/", body: str = "Een noot.") -> Annotation:
    return Annotation(address, anchor, "Redactie", datetime.date(2026, 11, 28), body,
                      SourceSpan("annotations/x.md", 1, 7), address_line=2, anchor_line=3)


def _section(soup: BeautifulSoup, anchor: str) -> list[Tag]:
    """The elements after the heading `anchor`, up to the next heading of its level or higher."""
    start = soup.find(id=anchor)
    found = []
    for element in start.find_next_siblings():
        if element.name in ("h1", "h2", "h3"):
            break
        found.append(element)
    return found


def test_a_note_stands_at_its_answer_after_the_text_and_outside_the_citation(seed_glossary_corpus) -> None:
    corpus = replace(seed_glossary_corpus, annotations=(_note("bbb-antwoord-24"),))
    with_note = render_markdown(render_site(corpus)[ANSWERS])
    without = render_markdown(render_site(seed_glossary_corpus)[ANSWERS])
    section = _section(with_note, "bbb-antwoord-24")
    assert section[-1].name == "aside" and "Een noot." in section[-1].get_text()
    assert section[0]["class"] == ["kd-cite"] and section[0].find("aside") is None
    # Around it, the letter is the same: the same elements with the same text, the note added.
    assert [str(e) for e in section[:-1]] == [str(e) for e in _section(without, "bbb-antwoord-24")]
    assert len(with_note.find_all("aside")) == 1


def test_a_footnote_note_stands_after_the_footnotes_and_names_the_footnote(seed_glossary_corpus) -> None:
    corpus = replace(seed_glossary_corpus, annotations=(_note("fn:10"),))
    soup = render_markdown(render_site(corpus)[ANSWERS])
    aside = soup.find("aside")
    assert aside.find_previous("div", class_="footnote") is not None
    assert aside.find(class_="kd-note-label").get_text() == "Noot van de redactie bij voetnoot 10"


def test_a_missing_letter_or_anchor_is_an_error_at_that_fields_line(seed_glossary_corpus) -> None:
    corpus = replace(seed_glossary_corpus, annotations=(
        _note("bbb-antwoord-25"), _note("vraag-1", address="eerste-kamer/2030-01-01/brief/"), _note("bbb-antwoord-24"),
    ))
    assert [str(d) for d in annotation_problems(corpus)] == [
        "annotations/x.md:3: no question, answer or footnote with this anchor on eerste-kamer/2026-02-12/antwoordbrief/ — bbb-antwoord-25",
        "annotations/x.md:2: no letter page at this address — eerste-kamer/2030-01-01/brief/",
    ]
    pages = render_site(corpus)
    assert pages[ANSWERS].count("<aside") == 1  # only the note that has its place


def test_the_annotations_page_and_the_open_data_list_the_notes(seed_glossary_corpus) -> None:
    corpus = replace(seed_glossary_corpus, annotations=(_note("bbb-antwoord-24", body="Zie *dit*."),))
    pages = render_site(corpus, SITE)
    page = render_markdown(pages[ANNOTATIONS])
    link = page.find("a", href="eerste-kamer/2026-02-12/antwoordbrief.md#bbb-antwoord-24")
    assert link.get_text() == "antwoord op vraag 24 (BBB), antwoordbrief, 12 februari 2026"
    assert page.find("aside").find("em").get_text() == "dit"
    data = json.loads(pages["data/kamerdossier.json"])
    assert data["annotations"] == [{
        "file": "annotations/x.md",
        "letter": SITE + "eerste-kamer/2026-02-12/antwoordbrief/",
        "anchor": "bbb-antwoord-24",
        "url": SITE + "eerste-kamer/2026-02-12/antwoordbrief/#bbb-antwoord-24",
        "about": "antwoord op vraag 24 (BBB), antwoordbrief, 12 februari 2026",
        "author": "Redactie",
        "date": "2026-11-28",
        "title": None,
        "text": "Zie *dit*.",
    }]


def test_without_notes_the_page_says_so(seed_glossary_corpus) -> None:
    assert "Er zijn nog geen annotaties." in render_site(seed_glossary_corpus)[ANNOTATIONS]
