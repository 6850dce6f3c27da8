"""People: one page per person, an index by surname (generator.render.people), on the linked seeds."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from generator.model import Corpus
from generator.render import render_site
from generator.render.people import PEOPLE, surname
from tests.render.builders import ANSWERS, COMMITTEE, WRITTEN, render_markdown


@pytest.fixture(scope="module")
def html(seed_corpus: Corpus) -> dict[str, BeautifulSoup]:
    return {path: render_markdown(text) for path, text in render_site(seed_corpus).items() if path.startswith("personen")}


def test_people_are_listed_by_surname_under_its_initial(html: dict[str, BeautifulSoup]) -> None:
    """The askers (seeds/000_… line 3), the signatories (seeds/001_… lines 9-11, 385-387, 398-400) and
    the committee's members (footnote 2, lines 14-20), each once, by surname: `mr. G.V.M. Veldhoen`
    is `Veldhoen`, `Eugène Heijnen` is `Heijnen`, `Van Dooren` is under V."""
    soup = html[PEOPLE]
    names = [a.get_text() for a in soup.select("li > a")]
    assert len(names) == 30 == len(set(names))
    assert "mr. G.V.M. Veldhoen" not in names and "Veldhoen" in names and "Heijnen" in names
    v = soup.find(id="v").find_next_sibling("ul")
    assert "Van Dooren" in [a.get_text() for a in v.find_all("a")]
    assert names.index("Kanis") < names.index("Kathmann") < names.index("Lievense")
    veldhoen = next(a for a in soup.select("li > a") if a.get_text() == "Veldhoen")
    assert veldhoen["href"] == "personen/veldhoen.md"
    assert "Voorzitter van de vaste commissie voor Digitalisering (Eerste Kamer)" in veldhoen.parent.get_text()


def test_kathmanns_page_links_her_21_questions(html: dict[str, BeautifulSoup]) -> None:
    soup = html["personen/kathmann.md"]
    links = [a["href"] for a in soup.find(id="vragen").find_next_sibling("ul").find_all("a")]
    assert links == ["../" + WRITTEN] + [f"../{WRITTEN}#vraag-{number}" for number in range(1, 22)]
    assert "GroenLinks-PvdA" in soup.get_text() and "Lid van de Tweede Kamer" in soup.get_text()


def test_the_committees_members_have_their_party_and_role(html: dict[str, BeautifulSoup]) -> None:
    """Footnote 2 (seeds/001_… lines 14-20): `Van Gasteren (BBB) (ondervoorzitter)`, `Veldhoen
    (GroenLinks-PvdA) (voorzitter)`; Veldhoen also signs the committee's letter (line 385)."""
    gasteren = html["personen/van-gasteren.md"].get_text()
    assert "BBB" in gasteren and "Ondervoorzitter van de vaste commissie voor Digitalisering (Eerste Kamer)" in gasteren
    veldhoen = html["personen/veldhoen.md"]
    assert "mr. G.V.M. Veldhoen" in veldhoen.get_text() and "GroenLinks-PvdA" in veldhoen.get_text()
    assert [a["href"] for a in veldhoen.find(id="brieven").find_next_sibling("ul").find_all("a")] == ["../" + COMMITTEE]


def test_the_secretary_of_states_page_links_his_answers(html: dict[str, BeautifulSoup]) -> None:
    soup = html["personen/heijnen.md"]
    links = [a["href"] for a in soup.find(id="antwoorden").find_next_sibling("ul").find_all("a")]
    assert len(links) == 1 + 25 and f"../{ANSWERS}#groenlinks-pvda-antwoord-1" in links and f"../{ANSWERS}#bbb-antwoord-24" in links
    assert "Staatssecretaris van Financiën - Fiscaliteit, Belastingdienst en Douane" in soup.get_text()


@pytest.mark.parametrize(
    ("printed", "expected"),
    [("mr. G.V.M. Veldhoen", "Veldhoen"), ("A. van Dooren", "Van Dooren"), ("Van der Linden", "Van der Linden"), ("Six Dijkstra", "Six Dijkstra")],
)
def test_surnames_the_dutch_way(printed: str, expected: str) -> None:
    assert surname(printed) == expected


def test_a_long_register_continues_on_numbered_pages_and_its_first_links_each_initial(seed_corpus: Corpus, monkeypatch) -> None:
    """The seeds' 30 people, 12 a page: B … M on the first page, N … Van Gasteren on the second,
    the other V's and Walenkamp on the third (the golden personen.md lists them in this order)."""
    from generator.render import people

    whole = render_markdown(render_site(seed_corpus)[PEOPLE])
    monkeypatch.setattr(people, "PEOPLE_PER_PAGE", 12)
    pages = render_site(seed_corpus)
    register = [page for page in pages if page == PEOPLE or page.removeprefix("personen/").removesuffix(".md").isdigit()]
    assert register == [PEOPLE, "personen/2.md", "personen/3.md"]
    soups = [render_markdown(pages[page]) for page in register]
    names = [[a.get_text() for a in soup.select("li > a")] for soup in soups]
    assert [len(listed) for listed in names] == [12, 12, 6]
    assert names[0][-1] == "Musa" and names[1][0] == "Nicolaï" and names[1][-1] == "Van Gasteren" and names[2][0] == "Van Hattem"
    assert sum(names, []) == [a.get_text() for a in whole.select("li > a")]
    assert [h2["id"] for h2 in soups[2].find_all("h2")] == ["v", "w"]  # V goes on from page 2
    assert soups[2].find("a", string="Van Hattem")["href"] == "van-hattem.md"
    line = next(p for p in soups[0].find_all("p") if p.get_text().startswith("Op beginletter: "))
    initials = {a.get_text(): a["href"] for a in line.find_all("a")}
    assert initials["B"] == "#b" and initials["N"] == "personen/2.md#n" and initials["V"] == "personen/2.md#v"
    assert soups[1].find("a", string="pagina 3")["href"] == "3.md"
