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


def _party_links(pages: dict[str, str], party: str) -> list[str]:
    """The links of the party's page (which the index links by the party's name) to its letters and
    questions, as addresses from the site's root."""
    index = render_markdown(pages[PARTIES])
    (page,) = [anchor["href"] for anchor in index.find_all("a", href=True) if anchor.get_text() == party]
    soup = render_markdown(pages[page])
    links = [anchor["href"] for anchor in soup.find("ul").find_all("a")]
    return [posixpath.normpath(posixpath.join(posixpath.dirname(page), link.partition("#")[0])) + (
        "#" + link.partition("#")[2] if "#" in link else "") for link in links]


def _text(item) -> str:
    return " ".join(item.get_text().split())


def test_parties_list_their_questions_at_their_anchors(pages: dict[str, str], html: dict[str, BeautifulSoup]) -> None:
    # the index: each party, its page and how many questions it asks; its questions are on its page
    assert [_text(item) for item in html[PARTIES].find_all("li")] == [
        "BBB (24 vragen)", "GroenLinks-PvdA (22 vragen)", "Nieuw Sociaal Contract (21 vragen)",
    ]
    assert [anchor["href"] for anchor in html[PARTIES].find("ul").find_all("a")] == [
        "partijen/bbb.md", "partijen/groenlinks-pvda.md", "partijen/nieuw-sociaal-contract.md",
    ]
    bbb = _party_links(pages, "BBB")
    assert bbb == [COMMITTEE] + [f"{COMMITTEE}#bbb-vraag-{number}" for number in range(1, 25)]
    # GroenLinks-PvdA asks in the committee letter's section and through Kathmann's written questions
    groenlinks = _party_links(pages, "GroenLinks-PvdA")
    assert groenlinks[:2] == [COMMITTEE, f"{COMMITTEE}#groenlinks-pvda-vraag-1"]
    assert groenlinks[2:] == [WRITTEN] + [f"{WRITTEN}#vraag-{number}" for number in range(1, 22)]
    assert _party_links(pages, "Nieuw Sociaal Contract") == groenlinks[2:]


def test_questions_an_answer_letter_quotes_are_left_out(pages: dict[str, str]) -> None:
    for party in ("BBB", "GroenLinks-PvdA", "Nieuw Sociaal Contract"):
        assert not [link for link in _party_links(pages, party) if link.startswith(ANSWERS)]


def test_every_question_link_lands_on_an_id_of_its_page(pages: dict[str, str], html: dict[str, BeautifulSoup]) -> None:
    for party in ("BBB", "GroenLinks-PvdA", "Nieuw Sociaal Contract"):
        for link in _party_links(pages, party):
            if "#" in link:
                page, fragment = link.split("#")
                assert html[page].find(id=fragment) is not None, link


def test_a_repeated_question_number_links_the_id_its_page_gives_it() -> None:
    """A letter asking BBB's question 7 twice: the page names the second `bbb-vraag-7-2`."""
    verslag = verslag_record()
    committee = verslag.letters[1]
    again = question(7, "BBB", paragraph("p41", BBB_QUESTION_7))
    verslag = replace(verslag, letters=(verslag.letters[0], replace(committee, body=(*committee.body, again)),
                                         verslag.letters[2]))
    pages = render_site(corpus(verslag))
    assert {"bbb-vraag-7", "bbb-vraag-7-2"} <= set(ids(render_markdown(pages[COMMITTEE])))
    assert _party_links(pages, "BBB") == [
        COMMITTEE, f"{COMMITTEE}#bbb-vraag-7", f"{COMMITTEE}#bbb-vraag-7-2",
    ]


def test_names_and_parties_are_escaped_and_get_safe_ids() -> None:
    record = written_questions_record(question(1, None, paragraph("p1", "Vraag?", path=SEED_000)))
    odd = replace(record.letters[0], askers=(Member("*Naam* <b>x</b>", "<i>P</i> [x](y)"),))
    pages = render_site(corpus(replace(record, letters=(odd,))))
    people, parties = render_markdown(pages[PEOPLE]), render_markdown(pages[PARTIES])
    assert "*Naam* <b>x</b> (<i>P</i> [x](y))" in _text(people.find("li"))
    assert people.find("b") is None and people.find("em") is None
    link = parties.find("ul").a
    assert link["href"] == "partijen/i-p-i-x-y.md" and link.get_text() == "<i>P</i> [x](y)"
    party = render_markdown(pages["partijen/i-p-i-x-y.md"])
    assert party.find("h1").get_text().rstrip("¶") == "<i>P</i> [x](y)"
    assert parties.find("i") is None and party.find("i") is None and party.find("a", href="y") is None


def test_a_party_section_in_a_letter_of_written_questions_counts_for_that_party_alone() -> None:
    record = written_questions_record(
        Heading(BBB_HEADING, span(60), "BBB"),
        question(1, "BBB", paragraph("p1", "Vraag?", path=SEED_000)),
        question(2, None, paragraph("p2", "Nog een vraag?", path=SEED_000)),
    )
    pages = render_site(corpus(record))
    assert _party_links(pages, "BBB") == [WRITTEN, f"{WRITTEN}#bbb-vraag-1"]
    assert _party_links(pages, "GroenLinks-PvdA") == [WRITTEN, f"{WRITTEN}#vraag-2"]


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
