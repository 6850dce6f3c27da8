"""An editorial note's Markdown is rendered sanitised: it cannot run script or load anything.

The hostile inputs are synthetic: they are what an editor's file must never be able to do.
"""

from __future__ import annotations

import datetime

import pytest
from bs4 import BeautifulSoup

from generator.model import Annotation, SourceSpan
from generator.render.notes import note_block, note_html
from tests.render.builders import render_markdown


def _soup(text: str) -> BeautifulSoup:
    return BeautifulSoup(note_html(text), "html.parser")


def test_markdown_works_links_to_the_web_stay() -> None:
    soup = _soup("Zie **vraag 18** en [de brief](https://www.eerstekamer.nl/) of [vraag 3](../commissiebrief/#bbb-vraag-3).")
    assert soup.find("strong").get_text() == "vraag 18"
    assert [a["href"] for a in soup.find_all("a")] == ["https://www.eerstekamer.nl/", "../commissiebrief/#bbb-vraag-3"]


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        '<a href="javascript:alert(1)">x</a>',
        "<div onclick=alert(1)>x</div>\n\nna",
        "<iframe src=https://example.com></iframe>",
    ],
)
def test_raw_html_is_text(text: str) -> None:
    soup = _soup(text)
    assert soup.find(["script", "img", "iframe", "div"]) is None
    assert not any(attribute.startswith("on") for tag in soup.find_all(True) for attribute in tag.attrs)
    assert soup.find("a") is None
    assert "<" in soup.get_text()  # shown as the characters it is


@pytest.mark.parametrize(
    "href",
    ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)", "&#106;avascript:alert(1)",
     "data:text/html,<script>alert(1)</script>", "vbscript:x", " javascript:alert(1)", "javascript&colon;alert(1)"],
)
def test_a_link_that_is_not_to_the_web_loses_its_address(href: str) -> None:
    soup = _soup(f"[klik]({href}) en <{href}>")
    for a in soup.find_all("a"):
        assert a["href"].lower().startswith(("http", "mailto")), a


def test_images_are_never_loaded() -> None:
    soup = _soup("![logo](https://example.com/logo.png) ![x][ref]\n\n[ref]: https://example.com/x.png")
    assert soup.find("img") is None


def test_the_block_is_a_labelled_aside_out_of_search_with_author_and_date() -> None:
    note = Annotation("a/", "vraag-1", "Redactie <Kamerdossier>", datetime.date(2026, 11, 28), "Tekst *met* nadruk.",
                      SourceSpan("annotations/x.md", 1, 7), title='Titel "met" <b>')
    soup = render_markdown(note_block(note, "voetnoot 10") + "\n")
    aside = soup.find("aside")
    assert aside["class"] == ["kd-note"] and aside["aria-label"] == "Noot van de redactie"
    assert aside.has_attr("data-search-exclude") and aside.has_attr("data-pagefind-ignore")
    assert aside.find(class_="kd-note-label").get_text() == "Noot van de redactie bij voetnoot 10"
    assert aside.find(class_="kd-note-title").get_text() == 'Titel "met" <b>'
    assert aside.find("em").get_text() == "met"
    assert aside.find(class_="kd-note-byline").get_text() == "Redactie <Kamerdossier>, 28 november 2026"
    assert soup.find("b") is None and not aside.find_all(id=True)
