"""The built timeline (issue 10's must-show): the seed site's dated events in order, each date as
Dutch writes it, and every link leading to an anchor its target page has."""

from __future__ import annotations

import posixpath

from bs4 import BeautifulSoup, Tag

TIMELINE = "tijdlijn/index.html"
"""The timeline's main page: its introduction and a link to each year's and month's page, in order."""
DATES = ("2021", "15 januari 2025", "2 juni 2025", "1 juli 2025", "30 september 2025", "2 oktober 2025",
         "7 oktober 2025", "2 december 2025", "12 februari 2026")
HEADINGS = ("h1", "h2", "h3", "h4")


def _heading_text(heading: Tag) -> str:
    return " ".join(heading.get_text().split()).rstrip("¶").strip()


def _links_under(heading: Tag) -> list[Tag]:
    """The links of the event under `heading`, up to the next heading."""
    links = []
    for element in heading.find_all_next(True):
        if element.name in HEADINGS:
            break
        if element.name == "a" and element.has_attr("href") and "headerlink" not in element.get("class", []):
            links.append(element)
    return links


def _target(href: str, on: str = TIMELINE) -> tuple[str, str]:
    """The site path of the page a link on page `on` leads to, and its anchor."""
    path, _, anchor = href.partition("#")
    page = posixpath.normpath(posixpath.join(posixpath.dirname(on), path))
    return (page + "/index.html" if page != "." else "index.html"), anchor


def _timeline_pages(parsed_pages: dict[str, BeautifulSoup]) -> list[str]:
    """The pages of the timeline, in the order its main page links them (each year, then its months)."""
    article = parsed_pages[TIMELINE].find("article")
    pages = [_target(a["href"])[0] for a in article.find_all("a", href=True) if "headerlink" not in a.get("class", [])]
    assert all(page.startswith("tijdlijn/") for page in pages), pages
    return list(dict.fromkeys(pages))


def test_the_timeline_lists_the_seed_events_in_order_with_links_to_existing_anchors(
    parsed_pages: dict[str, BeautifulSoup],
) -> None:
    headings = [(page, h) for page in _timeline_pages(parsed_pages) for h in parsed_pages[page].find("article").find_all(HEADINGS)]
    texts = [_heading_text(h) for _, h in headings]
    positions = [texts.index(date) for date in DATES]  # each date shown as Dutch writes it
    assert positions == sorted(positions), texts
    for date in DATES:
        on, heading = headings[texts.index(date)]
        links = _links_under(heading)
        assert links, f"no link under {date}"
        for link in links:
            page, anchor = _target(link["href"], on)
            assert page in parsed_pages, (date, link["href"])
            assert anchor and parsed_pages[page].find(id=anchor) is not None, (date, link["href"])


def test_no_timeline_page_lists_all_events(parsed_pages: dict[str, BeautifulSoup]) -> None:
    """The main page links the years and months; each event stands on its month's or year's page only."""
    assert not parsed_pages[TIMELINE].find("article").find(id="datum-2025-10-02")
    holding = [page for page in _timeline_pages(parsed_pages) if parsed_pages[page].find(id="datum-2025-10-02")]
    assert holding == ["tijdlijn/2025-10/index.html"]


def test_the_letters_own_dates_stand_out(parsed_pages: dict[str, BeautifulSoup]) -> None:
    articles = [parsed_pages[page].find("article") for page in _timeline_pages(parsed_pages)]
    own = [strong.get_text() for article in articles for strong in article.find_all("strong") if strong.get_text().startswith("Brief: ")]
    assert own == ["Brief: vragen ingezonden", "Brief: brief van de commissie verstuurd", "Brief: antwoordbrief verstuurd"]


def test_every_letter_page_links_its_dates_on_the_timeline(parsed_pages: dict[str, BeautifulSoup]) -> None:
    for page in ("tweede-kamer/2025-10-07/schriftelijke-vragen/index.html",
                 "eerste-kamer/2025-12-02/commissiebrief/index.html",
                 "eerste-kamer/2026-02-12/antwoordbrief/index.html",
                 "eerste-kamer/2026-02-12/verslag-schriftelijk-overleg/index.html"):
        heading = parsed_pages[page].find(id="data-in-deze-brief")
        assert heading is not None, page
        for link in heading.find_next("ul").find_all("a", href=True):
            if "tijdlijn/" in link["href"]:
                target, anchor = _target(link["href"], page)
                assert target.startswith("tijdlijn/") and target != TIMELINE, (page, link["href"])
                assert parsed_pages[target].find(id=anchor) is not None, (page, link["href"])
