"""Text is text: source text that looks like Markdown, HTML or template syntax renders literally.

Each case is put in every place source text goes (a paragraph, a quoted paragraph, a question's
context, a heading, a footnote, the printed title, the page title, a citation, the metadata, a
party name, a link's text), rendered to HTML as MkDocs would, and checked twice: the words appear
as they are, and the page has exactly the elements and attributes it has with harmless text in
the same place.
"""

from __future__ import annotations

import html
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from bs4 import BeautifulSoup
from mkdocs.utils.meta import get_data

from generator.model import Heading, Links, TextLink
from generator.render import render_site
from generator.render.escape import escape_text

from tests.render.builders import (
    QUESTION_1,
    SEED_000,
    corpus,
    footnote,
    paragraph,
    question,
    render_markdown,
    span,
    target,
    written_questions_record,
)

PAGE = "tweede-kamer/2025-10-07/schriftelijke-vragen.md"

CASES = {
    "script-tag": "<script>alert(1)</script>",
    "strong": "**x**",
    "javascript-link": "[x](javascript:alert(1))",
    "snippet": '--8<-- "/etc/passwd"',
    "attribute-list": "tekst {#id}",
    "attribute-list-alone": "{: #id .klasse }",
    "template": "{{ x }} {% if x %}",
    "admonition": "!!! note",
    "heading-line": "# kop",
    "table-line": "| a | b |",
    "ordered-list-line": "1. punt",
    "blockquote-line": "> citaat",
    "list-line": "- punt",
    "entity": "&amp;",
    "numeric-entity": "&#60;b&#62;",
    "fence": "~~~",
    "code": "`code`",
    "emphasis-underscore": "_x_",
    "toc-marker": "[TOC]",
    "footnote-reference": "[^1]",
    "footnote-definition": "[^1]: tekst",
    "html-comment": "<!-- c -->",
    "autolink": "<https://example.org>",
    "footnotes-place-marker": "///Footnotes Go Here///",
    "backslash": "\\*",
    "rule": "***",
    "image": "![x](https://example.org/x.png)",
    "reference-definition": "[x]: https://example.org",
    "dunder": "__init__.py",
    "underscores-around": "_init_ en __x__",
    "abbreviation": "*[HTML]: Hyper Text",
    "attribute-list-onclick": "{: onclick=alert(1) }",
    "template-comment": "{# x #}",
    "data-url-image": "![x](data:image/svg+xml,<svg onload=alert(1)>)",
    "raw-html-attribute": '<a href="javascript:alert(1)" onclick="x">a</a>',
}

NEUTRAL = "tekst"
"""Harmless text: what the page looks like when nothing in the text can act."""


@dataclass(frozen=True)
class Place:
    """Where source text goes: a corpus holding `text` there, and the element that shows it."""

    build: Callable[[str], object]
    shows: Callable[[BeautifulSoup], str]


def _in_paragraph(text: str):
    return written_questions_record(paragraph("p9", text, path=SEED_000))


def _in_quote(text: str):
    return written_questions_record(paragraph("p9", text, quoted=True, path=SEED_000))


def _in_context(text: str):
    return written_questions_record(
        question(1, None, paragraph("p10", QUESTION_1, path=SEED_000), context=(paragraph("p9", text, path=SEED_000),))
    )


def _in_heading(text: str):
    return written_questions_record(Heading(text, span(3, SEED_000)))


def _in_footnote(text: str):
    body = paragraph("p9", QUESTION_1, (1, len(QUESTION_1)), path=SEED_000)
    return written_questions_record(body, footnotes=(footnote(1, text, 89, SEED_000),))


def _in_title(text: str):
    return written_questions_record(paragraph("p9", QUESTION_1, path=SEED_000), title=text)


def _in_subject(text: str):
    return written_questions_record(paragraph("p9", QUESTION_1, path=SEED_000), subject=text)


def _in_citation(text: str):
    """In the citation under a question: a letter without a Kamerstuk number is cited by its title."""
    return written_questions_record(question(1, None, paragraph("p10", QUESTION_1, path=SEED_000)), subject=text)


def _in_metadata(text: str):
    return written_questions_record(paragraph("p9", QUESTION_1, path=SEED_000), sender=text)


def _in_party(text: str):
    return written_questions_record(question(1, text, paragraph("p10", QUESTION_1, path=SEED_000)))


def _text_of(selector: str) -> Callable[[BeautifulSoup], str]:
    return lambda soup: " ".join(element.get_text() for element in soup.select(selector))


PLACES = {
    "paragraph": Place(_in_paragraph, _text_of("p")),
    "quoted": Place(_in_quote, _text_of("blockquote p")),
    "context": Place(_in_context, _text_of("p.kd-context")),
    "heading": Place(_in_heading, _text_of("h2")),
    "footnote": Place(_in_footnote, _text_of("div.footnote li")),
    "title": Place(_in_title, _text_of("p.kd-printed-heading")),
    "subject-in-title": Place(_in_subject, _text_of("h1")),
    "citation": Place(_in_citation, _text_of("p.kd-cite .kd-cite-text")),
    "metadata": Place(_in_metadata, _text_of("li")),
    "party": Place(_in_party, _text_of("h3")),
}


def _linked(text: str):
    record = written_questions_record(
        paragraph("p9", text, path=SEED_000), question(1, None, paragraph("p10", QUESTION_1, path=SEED_000))
    )
    link = TextLink(SEED_000, "p9", 0, len(text), target=target(SEED_000, 0, "vraag", None, 1))
    return record, Links(text_links=(link,))


def _render(record, links: Links = Links()) -> tuple[str, BeautifulSoup]:
    markdown = render_site(corpus(record, links=links))[PAGE]
    return markdown, render_markdown(markdown)


def _shape(soup: BeautifulSoup) -> Counter:
    """The page's elements and the attributes each carries, without their values or text."""
    return Counter((element.name, tuple(sorted(element.attrs))) for element in soup.find_all(True))


def _squash(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("case", CASES)
@pytest.mark.parametrize("place", PLACES)
def test_source_text_renders_literally_and_creates_no_element(case: str, place: str) -> None:
    text = CASES[case]
    _, soup = _render(PLACES[place].build(text))
    _, neutral = _render(PLACES[place].build(NEUTRAL))
    assert text in _squash(PLACES[place].shows(soup)), PLACES[place].shows(soup)
    assert _shape(soup) == _shape(neutral)
    assert not soup.find(id="id")
    assert not [a for a in soup.find_all("a", href=True) if a["href"].startswith("javascript:")]


@pytest.mark.parametrize("case", CASES)
def test_source_text_as_link_text_renders_literally_inside_the_link(case: str) -> None:
    text = CASES[case]
    _, soup = _render(*_linked(text))
    _, neutral = _render(*_linked(NEUTRAL))
    links = [a for a in soup.find_all("a", href="#vraag-1") if "headerlink" not in a.get("class", [])]
    assert [_squash(a.get_text()) for a in links] == [text]
    assert _shape(soup) == _shape(neutral)


TITLE = "Schriftelijke vragen van Kathmann en Six Dijkstra over {}, 7 oktober 2025"
"""The page title of the written questions with `{}` as their subject."""


@pytest.mark.parametrize("case", CASES)
def test_titles_survive_the_front_matter_as_html_escaped_once(case: str) -> None:
    """The theme prints `page.meta.title` as HTML: the front matter holds it escaped exactly once."""
    markdown, _ = _render(_in_subject(CASES[case]))
    _, meta = get_data(markdown)
    assert list(meta) == ["title"]
    assert html.unescape(meta["title"]) == TITLE.format(CASES[case])
    assert meta["title"] == html.escape(TITLE.format(CASES[case]), quote=True)


def test_control_characters_in_a_title_are_shown_and_keep_the_front_matter_valid() -> None:
    """NEL is white space; C1 controls and DEL are shown as U+FFFD (generator.render.escape)."""
    markdown, _ = _render(_in_subject("Vragen\u0085 van de leden\u0090 Kathmann\u007f"))
    _, meta = get_data(markdown)
    assert meta["title"] == TITLE.format("Vragen van de leden\ufffd Kathmann\ufffd")


def test_python_markdowns_placeholder_characters_cannot_smuggle_stashed_html() -> None:
    _, soup = _render(_in_paragraph("\u0002wzxhzdk:0\u0003 \u0002klzzwxh:0\u0003"))
    assert "wzxhzdk:0" in soup.get_text()
    assert "\u0002" not in str(soup)


def test_markdown_stays_readable_only_what_can_act_is_escaped() -> None:
    sentence = "Is, met inachtneming van vraag 9, het stallen van gegevens op Microsoft-datacentra (EER) 100% veilig?"
    assert escape_text(sentence) == sentence
    assert escape_text("_x_ en snake_case") == "\\_x\\_ en snake_case"
    assert escape_text("A & B &amp; C") == "A & B &amp;amp; C"


def test_line_breaks_in_source_text_become_spaces_so_no_line_can_start_a_block() -> None:
    _, soup = _render(_in_paragraph("Kunt u deze delen?\n# kop\n> citaat\n\n- punt\n    code"))
    _, neutral = _render(_in_paragraph(NEUTRAL))
    assert _shape(soup) == _shape(neutral)
    assert "Kunt u deze delen? # kop > citaat - punt code" in _squash(soup.get_text())


def test_a_footnote_marker_opening_a_paragraph_before_a_colon_defines_no_footnote() -> None:
    record = written_questions_record(
        paragraph("p9", ": zie de brief", (1, 0), path=SEED_000),
        footnotes=(footnote(1, "NOS.nl, 2 oktober 2025", 89, SEED_000),),
    )
    _, soup = _render(record)
    assert soup.find("sup", id="fnref:1")
    assert ": zie de brief" in soup.get_text()


def test_every_white_space_run_is_joined_and_non_breaking_spaces_stay() -> None:
    """`_joined_spaces` looks for a run in printable text as two spaces only: that holds because
    every white-space character but the space is not printable (checked here over all of Unicode)."""
    white = [chr(code) for code in range(sys.maxunicode + 1) if chr(code).isspace()]
    assert [character for character in white if character.isprintable()] == [" "]
    for character in white:
        joined = "a b" if character not in "\u00a0\u2007\u202f" else f"a{character * 2}b"
        assert escape_text(f"a{character * 2}b") == joined, repr(character)
        assert escape_text(f"a {character}b") == ("a b" if character not in "\u00a0\u2007\u202f" else f"a {character}b")
    assert escape_text("a  b") == "a b"
