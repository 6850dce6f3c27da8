"""The built seed site explains its jargon: `<abbr title>` on every use, and the glossary page."""

from __future__ import annotations

from bs4 import BeautifulSoup

ANSWERS = "eerste-kamer/2026-02-12/antwoordbrief/index.html"
GLOSSARY = "begrippen/index.html"
LETTERS = (
    "tweede-kamer/2025-10-07/schriftelijke-vragen/index.html",
    "eerste-kamer/2025-12-02/commissiebrief/index.html",
    ANSWERS,
    "eerste-kamer/2026-02-12/verslag-schriftelijk-overleg/index.html",
)


def test_the_answer_letter_explains_m365_on_hover_and_focus(parsed_pages: dict[str, BeautifulSoup]) -> None:
    page = parsed_pages[ANSWERS]
    m365 = [abbr for abbr in page.find_all("abbr") if abbr.get_text() == "M365"]
    assert len(m365) > 10  # seeds/001 uses M365 throughout the answers
    for abbr in m365:
        assert abbr["title"].startswith("Microsoft 365: Het kantoorpakket van Microsoft")
        assert abbr["tabindex"] == "0"  # reachable with the keyboard; the stylesheet shows the title on focus


def test_terms_never_fire_in_links_headings_citations_or_metadata(parsed_pages: dict[str, BeautifulSoup]) -> None:
    for name in LETTERS:
        page = parsed_pages[name]
        article = page.find("article")
        for abbr in article.find_all("abbr"):
            assert abbr.find_parent("a") is None, (name, abbr)
            assert abbr.find_parent(["h1", "h2", "h3", "h4"]) is None, (name, abbr)
            assert abbr.find_parent(class_="kd-cite") is None, (name, abbr)
            assert abbr.find_parent("ul") is None or abbr.find_parent(class_="footnote") is not None, (name, abbr)


def test_the_glossary_page_lists_at_least_20_terms_with_links_to_each_use(parsed_pages: dict[str, BeautifulSoup]) -> None:
    page = parsed_pages[GLOSSARY]
    terms = page.find("article").find_all("h2")
    assert len(terms) >= 20
    hcl = page.find(id="hcl")
    assert hcl is not None
    links = hcl.find_next("ul").find_all("a")
    assert links[0]["href"] == "../eerste-kamer/2026-02-12/antwoordbrief/#groenlinks-pvda-antwoord-1"
    texts = [a.get_text() for a in page.find("article").find_all("a", href=True) if not a["href"].startswith("http")]
    # no two links with the same text lead to different places
    targets: dict[str, set[str]] = {}
    for a in page.find("article").find_all("a", href=True):
        targets.setdefault(a.get_text(), set()).add(a["href"])
    assert all(len(hrefs) == 1 for text, hrefs in targets.items() if text.strip() and text != "¶"), texts


def test_the_glossary_is_in_the_navigation(parsed_pages: dict[str, BeautifulSoup]) -> None:
    nav = parsed_pages["index.html"].find("nav", class_="md-nav--primary")
    assert any(a.get_text(strip=True) == "Begrippen" for a in nav.find_all("a"))
