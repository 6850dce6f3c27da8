"""Check the site built from the two seed letters: anchors, footnotes, sections, search index.

Unlike tests/site/test_site.py these expect what the parser and renderer make of the real seeds:
`seeds/000_…` (21 written questions by Kathmann and Six Dijkstra, 4 footnotes) and `seeds/001_…`
(a verslag schriftelijk overleg: questions by GroenLinks-PvdA and BBB, and the answers).
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from tests.pagefind_index import read_fragments

HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")

QUESTION_ID = re.compile(r"^vraag-\d+$")

FOOTNOTES_000 = (
    "NOS.nl, 2 oktober 2025",
    "Korte toespraak van minister-president Dick Schoof bij de opening van de One Conference, "
    "Den Haag, 30 september 2025",
    "Kamerbrief met nummer 2025D42960",
    "Dit is reeds het geval bij besprekingen over ASML, zoals toegelicht door de toenmalige "
    "Minister van Economische Zaken op 2 juni 2025",
)
"""The footnotes of seeds/000_04ae587ba6eeb66d.txt, lines 89-98, in order."""

ANSWER_24_TEXT = "Hiervoor verwijs ik u naar het antwoord op vraag 18 en 20"
QUESTION_24_TEXT = "In hoeverre is de monitoring gekoppeld aan triggers voor exit"
"""seeds/001_dfb242f75dbdc9fb.txt lines 800 and 797: BBB's question 24 and the start of its answer."""

GLUED_FOOTNOTE_MARKERS = ("(M365)3,", "Digitalisering2")
"""Footnote numbers the PDF glued to a word (seeds/001_… lines 1 and 60); they must not survive."""


def _squash(text: str) -> str:
    """Collapse runs of white space to one space."""
    return " ".join(text.split())




def _section_text(soup: BeautifulSoup, id_: str) -> str:
    """The text of the part of the page that `id_` anchors."""
    start = soup.find(id=id_)
    assert start is not None, f"no element with id {id_!r}"
    if start.name not in HEADINGS:
        return _squash(start.get_text())
    stop_level = max(int(start.name[1]), 3)
    texts: list[str] = []
    for element in start.next_elements:
        if isinstance(element, Tag):
            if element.name in HEADINGS and int(element.name[1]) <= stop_level:
                break
            continue
        texts.append(str(element))
    return _squash(start.get_text() + " " + "".join(texts))


def _section_links(soup: BeautifulSoup, id_: str) -> list[Tag]:
    """The links inside the part of the page that `id_` anchors."""
    start = soup.find(id=id_)
    assert start is not None, f"no element with id {id_!r}"
    if start.name not in HEADINGS:
        return start.find_all("a", href=True)
    stop_level = max(int(start.name[1]), 3)
    links = list(start.find_all("a", href=True))
    for element in start.next_elements:
        if isinstance(element, Tag):
            if element.name in HEADINGS and int(element.name[1]) <= stop_level:
                break
            if element.name == "a" and element.has_attr("href"):
                links.append(element)
    return links


def _pages_holding(parsed_pages: dict[str, BeautifulSoup], ids: set[str]) -> list[str]:
    """The pages on which every one of `ids` is an id."""
    return [
        name for name, soup in parsed_pages.items()
        if ids <= {element["id"] for element in soup.find_all(id=True)}
    ]


def _footnotes(soup: BeautifulSoup) -> list[Tag]:
    """The footnote bodies on a page, in order (Python-Markdown's `<li id="fn:…">`)."""
    return [item for item in soup.find_all("li", id=True) if re.match(r"^fn[:\-]", item["id"])]


def test_written_questions_page_has_questions_1_to_21(parsed_pages: dict[str, BeautifulSoup]) -> None:
    expected = {f"vraag-{number}" for number in range(1, 22)}
    found = {
        name: {element["id"] for element in soup.find_all(id=QUESTION_ID)}
        for name, soup in parsed_pages.items()
    }
    exact = [name for name, ids in found.items() if ids == expected]
    assert len(exact) == 1, (
        "expected one page with exactly the ids vraag-1 … vraag-21; pages with vraag-N ids: "
        + repr({name: sorted(ids, key=lambda i: int(i.split('-')[1])) for name, ids in found.items() if ids})
    )


def test_written_questions_page_has_its_four_footnotes(parsed_pages: dict[str, BeautifulSoup]) -> None:
    pages = [name for name, soup in parsed_pages.items() if soup.find(id="vraag-21") and soup.find(id="vraag-1")]
    assert len(pages) == 1, f"expected one page with vraag-1 and vraag-21, found {pages}"
    soup = parsed_pages[pages[0]]
    footnotes = _footnotes(soup)
    assert len(footnotes) == len(FOOTNOTES_000), [_squash(note.get_text()) for note in footnotes]
    for number, (footnote, expected) in enumerate(zip(footnotes, FOOTNOTES_000), start=1):
        assert expected in _squash(footnote.get_text()), f"footnote {number}: {_squash(footnote.get_text())!r}"


def test_first_footnote_marker_is_in_question_1(parsed_pages: dict[str, BeautifulSoup]) -> None:
    pages = [name for name, soup in parsed_pages.items() if soup.find(id="vraag-21") and soup.find(id="vraag-1")]
    assert len(pages) == 1, f"expected one page with vraag-1 and vraag-21, found {pages}"
    soup = parsed_pages[pages[0]]
    footnotes = _footnotes(soup)
    assert footnotes, "no footnotes on the page"
    first = footnotes[0]["id"]
    assert FOOTNOTES_000[0] in _squash(footnotes[0].get_text())
    markers = [link for link in _section_links(soup, "vraag-1") if link["href"] == f"#{first}"]
    assert markers, f"no link to footnote #{first} inside question 1's section"


def test_committee_questions_page_has_party_question_ids(parsed_pages: dict[str, BeautifulSoup]) -> None:
    expected = {f"bbb-vraag-{number}" for number in range(1, 25)} | {"groenlinks-pvda-vraag-1"}
    assert _pages_holding(parsed_pages, expected), "no page holds bbb-vraag-1 … bbb-vraag-24 and groenlinks-pvda-vraag-1"


def test_answer_page_has_party_answer_ids(parsed_pages: dict[str, BeautifulSoup]) -> None:
    questions = {f"bbb-vraag-{number}" for number in range(1, 25)} | {"groenlinks-pvda-vraag-1"}
    answers = {f"bbb-antwoord-{number}" for number in range(1, 25)} | {"groenlinks-pvda-antwoord-1"}
    answer_pages = _pages_holding(parsed_pages, answers)
    assert answer_pages, "no page holds bbb-antwoord-1 … bbb-antwoord-24 and groenlinks-pvda-antwoord-1"
    question_pages = _pages_holding(parsed_pages, questions)
    assert set(answer_pages) != set(question_pages) or not question_pages, (
        "the answers should be on another page than the questions"
    )


def test_answer_24_section_holds_the_answer_not_the_question(parsed_pages: dict[str, BeautifulSoup]) -> None:
    pages = _pages_holding(parsed_pages, {"bbb-antwoord-24"})
    assert pages, "no page has the id bbb-antwoord-24"
    for name in pages:
        text = _section_text(parsed_pages[name], "bbb-antwoord-24")
        assert ANSWER_24_TEXT in text, f"{name}: section #bbb-antwoord-24 lacks the answer: {text[:300]!r}"
        assert QUESTION_24_TEXT not in text, f"{name}: section #bbb-antwoord-24 repeats question 24: {text[:300]!r}"


def test_no_footnote_number_is_glued_to_a_word(parsed_pages: dict[str, BeautifulSoup]) -> None:
    """The page's plain text, footnote references and all, as a copy or a search index reads it."""
    glued = [
        f"{name}: {fragment!r}"
        for name, soup in parsed_pages.items()
        for fragment in GLUED_FOOTNOTE_MARKERS
        if fragment in _squash(soup.get_text())
    ]
    assert not glued, "footnote numbers glued to a word in the page's text:\n" + "\n".join(glued)
    committee = [soup for soup in parsed_pages.values() if soup.find(id="bbb-vraag-1") and soup.find(id="fnref:3")]
    assert committee and "(M365)[3]," in _squash(committee[0].get_text())


def test_the_search_index_has_answer_7_of_bbb_as_a_section(built_site: Path) -> None:
    """A search hit in BBB's answer 7 lands on its anchor: the heading is a section of the index."""
    sections = [f"{fragment.url}#{anchor}" for fragment in read_fragments(built_site) for anchor, _ in fragment.anchors]
    assert [section for section in sections if section.endswith("#bbb-antwoord-7")], (
        f"no search section ends in #bbb-antwoord-7 among {len(sections)}: {sections[:20]}"
    )


def test_the_answer_letter_offers_a_citation_of_answer_7_with_its_permalink(parsed_pages: dict[str, BeautifulSoup]) -> None:
    from mkdocs.config import load_config

    site_url = load_config(str(Path(__file__).resolve().parents[2] / "mkdocs.yml")).site_url
    answer_pages = _pages_holding(parsed_pages, {"bbb-antwoord-7"})
    assert len(answer_pages) == 1, answer_pages
    soup = parsed_pages[answer_pages[0]]
    heading = soup.find(id="bbb-antwoord-7")
    citation = heading.find_next_sibling("p", class_="kd-cite")
    text = _squash(citation.select_one(".kd-cite-text").get_text())
    permalink = f"{site_url}{answer_pages[0].removesuffix('index.html')}#bbb-antwoord-7"
    assert text.endswith(f", antwoord op vraag 7 (BBB), {permalink}"), text
    assert text.startswith("Kamerstukken I 2025/26, 31066/26643, "), text


def test_citations_links_and_status_badges_stay_out_of_the_search_index(built_site: Path) -> None:
    """The index holds the letters' words: not the citation under each heading ("Citeer als: …",
    its copy button), not the "Antwoord: antwoord op vraag 7 (BBB)" link to the answer, not the
    status badge in a heading. seeds/001 line 562 holds answer 7's own words."""
    letters = [fragment for fragment in read_fragments(built_site) if fragment.anchors and "bbb-antwoord-7" in dict(fragment.anchors)]
    assert len(letters) == 1, [fragment.url for fragment in letters]
    text = letters[0].content
    assert "Er zijn toen geen externe adviseurs met expertise in digitale soevereiniteit betrokken" in text
    assert "Antwoord op vraag 7 (BBB)" in text  # the heading
    for left_out in ("Citeer als", "Kopieer", "Antwoord: antwoord op vraag 7", "Antwoord op vraag 7 (BBB) beantwoord"):
        assert left_out not in text, f"{left_out!r} is in the search index of {letters[0].url}"


ALLEREERST = "Allereerst wil ik graag aangeven"
"""seeds/001_dfb242f75dbdc9fb.txt line 409: the minister's first words to GroenLinks-PvdA, part of the answer."""


def test_the_groenlinks_answer_begins_with_the_ministers_first_paragraph(parsed_pages: dict[str, BeautifulSoup]) -> None:
    (page,) = _pages_holding(parsed_pages, {"groenlinks-pvda-antwoord-1", "bbb-antwoord-1"})
    soup = parsed_pages[page]
    assert ALLEREERST in _section_text(soup, "groenlinks-pvda-antwoord-1")
    assert ALLEREERST not in _section_text(soup, "groenlinks-pvda-vraag-1")


def test_the_groenlinks_answer_in_the_search_index_holds_its_first_paragraph(built_site: Path) -> None:
    (answers,) = [fragment for fragment in read_fragments(built_site) if "groenlinks-pvda-antwoord-1" in dict(fragment.anchors)]
    assert ALLEREERST in answers.section_text("groenlinks-pvda-antwoord-1")
    assert ALLEREERST not in answers.section_text("groenlinks-pvda-vraag-1")


def test_the_committees_closing_and_signature_are_not_in_question_24(parsed_pages: dict[str, BeautifulSoup]) -> None:
    """seeds/001_… lines 379-387 close the letter after question 24 (lines 375-377)."""
    pages = _pages_holding(parsed_pages, {"bbb-vraag-24"})
    assert len(pages) == 2  # the committee's letter asks it, the answer letter quotes it
    for name in pages:
        question = _section_text(parsed_pages[name], "bbb-vraag-24")
        assert QUESTION_24_TEXT in question
        assert "Veldhoen" not in question and "zien uw reactie" not in question
    (page,) = [name for name in pages if "bbb-antwoord-24" not in {e["id"] for e in parsed_pages[name].find_all(id=True)}]
    soup = parsed_pages[page]
    closing = _section_text(soup, "slot-van-de-brief")
    assert "zien uw reactie" in closing and "mr. G.V.M. Veldhoen" in closing


def test_kathmanns_page_and_bbbs_party_page_link_their_questions(parsed_pages: dict[str, BeautifulSoup]) -> None:
    """Kathmann asks the 21 written questions (seeds/000_… lines 3-83); BBB the committee's 24 (seeds/001_… 106-377)."""
    kathmann = parsed_pages["personen/kathmann/index.html"]
    questions = [a["href"] for a in kathmann.find(id="vragen").find_next_sibling("ul").find_all("a") if "#" in a["href"]]
    assert [href.rsplit("#", 1)[1] for href in questions] == [f"vraag-{n}" for n in range(1, 22)]
    index = parsed_pages["partijen/index.html"].find("article")
    assert [a["href"] for a in index.find_all("a", href=True) if a.get_text() == "BBB"] == ["bbb/"]
    bbb = [a["href"] for a in parsed_pages["partijen/bbb/index.html"].find("article").find_all("a", href=True) if "#bbb-vraag" in a["href"]]
    assert [href.rsplit("#", 1)[1] for href in bbb] == [f"bbb-vraag-{n}" for n in range(1, 25)]


def test_no_two_links_say_the_same_and_lead_to_different_places(parsed_pages: dict[str, BeautifulSoup]) -> None:
    """A link's text names where it leads (WCAG 2.4.4, and the issue's `no two links with the same text
    to different places`): on every page, one text, one destination."""
    clashes = []
    for name, soup in parsed_pages.items():
        article = soup.find("article") or soup
        seen: dict[str, set[str]] = {}
        for link in article.find_all("a", href=True):
            if {"headerlink", "footnote-backref"} & set(link.get("class") or []):
                continue
            href = link["href"]
            destination = (name.removesuffix("index.html") + href) if href.startswith("#") else href
            seen.setdefault(" ".join(link.get_text().split()), set()).add(destination)
        clashes += [f"{name}: {text!r} -> {sorted(places)}" for text, places in seen.items() if len(places) > 1]
    assert not clashes, "\n".join(clashes)


def test_search_results_are_titled_without_status_words(built_site: Path) -> None:
    """A result's title is the heading's words (`Vraag 7 (BBB)`); the status beside the heading is not
    part of it (issue 10: no status words in search-result titles)."""
    titled = {
        f"{fragment.url}#{anchor}": title
        for fragment in read_fragments(built_site) for anchor, title in fragment.headings
        if re.search(r"(vraag|antwoord)-\d+$", anchor)
    }
    assert titled["/eerste-kamer/2025-12-02/commissiebrief/#bbb-vraag-7"] == "Vraag 7 (BBB)"
    statuses = ("beantwoord", "verwijzing", "vertrouwelijk", "geen antwoord op deze site")
    assert not [(place, title) for place, title in titled.items() if any(word in title for word in statuses)]


def test_the_home_pages_title_does_not_repeat_the_sites_name(parsed_pages: dict[str, BeautifulSoup]) -> None:
    title = parsed_pages["index.html"].title.get_text()
    assert title.count("Kamerdossier") == 1, title
