"""The registers: people (askers, senders) and parties, each leading to letters and question anchors."""

from __future__ import annotations

import posixpath
from collections import Counter
from dataclasses import replace

import pytest
from bs4 import BeautifulSoup

from generator.build import parse_sources
from generator.link import link_corpus
from generator.model import Corpus, Heading, Member
from generator.render import render_site
from generator.render.indexes import PARTIES, PEOPLE
from tests.golden_files import SEEDS
from tests.render.builders import (
    ANSWERS,
    BBB_HEADING,
    BBB_QUESTION_7,
    COMMITTEE,
    SEED_000,
    WRITTEN,
    corpus,
    ids,
    paragraph,
    question,
    render_markdown,
    span,
    verslag_record,
    written_questions_record,
)



@pytest.fixture(scope="module")
def pages(seed_corpus: Corpus) -> dict[str, str]:
    return render_site(seed_corpus)


@pytest.fixture(scope="module")
def html(pages: dict[str, str]) -> dict[str, BeautifulSoup]:
    return {path: render_markdown(text) for path, text in pages.items() if path.endswith(".md")}


def _party_links(soup: BeautifulSoup, party_id: str) -> list[str]:
    """The links of the list under the party's heading."""
    return [anchor["href"] for anchor in soup.find(id=party_id).find_next_sibling("ul").find_all("a")]


def _text(item) -> str:
    return " ".join(item.get_text().split())


def test_parties_list_their_questions_at_their_anchors(html: dict[str, BeautifulSoup]) -> None:
    soup = html[PARTIES]
    assert [heading["id"] for heading in soup.find_all("h2")] == [
        "partij-bbb", "partij-groenlinks-pvda", "partij-nieuw-sociaal-contract",
    ]
    bbb = _party_links(soup, "partij-bbb")
    assert bbb == [COMMITTEE] + [f"{COMMITTEE}#bbb-vraag-{number}" for number in range(1, 25)]
    # GroenLinks-PvdA asks in the committee letter's section and through Kathmann's written questions
    groenlinks = _party_links(soup, "partij-groenlinks-pvda")
    assert groenlinks[:2] == [COMMITTEE, f"{COMMITTEE}#groenlinks-pvda-vraag-1"]
    assert groenlinks[2:] == [WRITTEN] + [f"{WRITTEN}#vraag-{number}" for number in range(1, 22)]
    assert _party_links(soup, "partij-nieuw-sociaal-contract") == groenlinks[2:]


def test_questions_an_answer_letter_quotes_are_left_out(html: dict[str, BeautifulSoup]) -> None:
    assert not [anchor for anchor in html[PARTIES].find_all("a") if anchor["href"].startswith(ANSWERS)]


def test_every_question_link_lands_on_an_id_of_its_page(html: dict[str, BeautifulSoup]) -> None:
    for anchor in html[PARTIES].find_all("a", href=True):
        if "#" not in anchor["href"] or anchor["href"].startswith("#"):
            continue
        page, fragment = anchor["href"].split("#")
        assert html[posixpath.normpath(page)].find(id=fragment) is not None, anchor["href"]


def test_a_repeated_question_number_links_the_id_its_page_gives_it() -> None:
    """A letter asking BBB's question 7 twice: the page names the second `bbb-vraag-7-2`."""
    verslag = verslag_record()
    committee = verslag.letters[1]
    again = question(7, "BBB", paragraph("p41", BBB_QUESTION_7))
    verslag = replace(verslag, letters=(verslag.letters[0], replace(committee, body=(*committee.body, again)),
                                         verslag.letters[2]))
    pages = render_site(corpus(verslag))
    assert {"bbb-vraag-7", "bbb-vraag-7-2"} <= set(ids(render_markdown(pages[COMMITTEE])))
    assert _party_links(render_markdown(pages[PARTIES]), "partij-bbb") == [
        COMMITTEE, f"{COMMITTEE}#bbb-vraag-7", f"{COMMITTEE}#bbb-vraag-7-2",
    ]


def test_names_and_parties_are_escaped_and_get_safe_ids() -> None:
    record = written_questions_record(question(1, None, paragraph("p1", "Vraag?", path=SEED_000)))
    odd = replace(record.letters[0], askers=(Member("*Naam* <b>x</b>", "<i>P</i> [x](y)"),))
    pages = render_site(corpus(replace(record, letters=(odd,))))
    people, parties = render_markdown(pages[PEOPLE]), render_markdown(pages[PARTIES])
    assert "*Naam* <b>x</b> (<i>P</i> [x](y))" in _text(people.find("li"))
    assert people.find("b") is None and people.find("em") is None
    heading = parties.find("h2")
    assert heading["id"] == "partij-i-p-i-x-y" and heading.get_text().rstrip("¶") == "<i>P</i> [x](y)"
    assert parties.find("i") is None


def test_a_party_section_in_a_letter_of_written_questions_counts_for_that_party_alone() -> None:
    record = written_questions_record(
        Heading(BBB_HEADING, span(60), "BBB"),
        question(1, "BBB", paragraph("p1", "Vraag?", path=SEED_000)),
        question(2, None, paragraph("p2", "Nog een vraag?", path=SEED_000)),
    )
    soup = render_markdown(render_site(corpus(record))[PARTIES])
    assert _party_links(soup, "partij-bbb") == [WRITTEN, f"{WRITTEN}#bbb-vraag-1"]
    assert _party_links(soup, "partij-groenlinks-pvda") == [WRITTEN, f"{WRITTEN}#vraag-2"]


def test_empty_registers_say_so() -> None:
    pages = render_site(corpus())
    assert "Nog geen personen." in pages[PEOPLE]
    assert "Nog geen vragen van partijen." in pages[PARTIES]


def test_ids_are_unique_and_the_registers_deterministic(seed_corpus: Corpus, html) -> None:
    for page in (PEOPLE, PARTIES):
        assert not [name for name, count in Counter(ids(html[page])).items() if count > 1], page
        assert not [name for name in ids(html[page]) if "vraag-" in name or "antwoord-" in name], page
    again = render_site(link_corpus(*parse_sources(SEEDS)))
    assert (again[PEOPLE], again[PARTIES]) == (render_site(seed_corpus)[PEOPLE], render_site(seed_corpus)[PARTIES])


def test_home_and_navigation_lead_to_the_overviews(pages: dict[str, str]) -> None:
    home = render_markdown(pages["index.md"])
    hrefs = {anchor["href"] for anchor in home.find_all("a")}
    assert {"tijdlijn.md", "dossiers/index.md", "personen.md", "partijen.md"} <= hrefs
