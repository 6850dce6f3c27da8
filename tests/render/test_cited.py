"""A much-cited letter's page stays the same size however many letters cite it (issue 9): its
"Geciteerd in" line names the newest few and counts the others, and every citing letter is on the
letter's own list of them, continued over numbered pages.

On copies of seeds/000 citing one letter and one record (tests/citing_corpus.py; synthetic: the
seeds hold no letter cited by another): 11 copies, where the record is cited by one letter more
than its page names and the first copy by exactly as many, and 240 copies."""

from __future__ import annotations

import posixpath
import re
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.build import link_sources
from generator.render import render_site
from generator.render.cited import CITED_ON_PAGE, CITING_PER_PAGE, cited_in_list
from tests.citing_corpus import CITED_LETTER, CITED_RECORD, HOSTILE_SUBJECT, copy_page, make_citing_corpus
from tests.golden_files import GLOSSARY
from tests.render.builders import ids, render_markdown
from tests.render.test_dossiers import metadata

SIZES = (CITED_ON_PAGE + 1, 240)


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[int, dict[str, str]]:
    return {
        copies: render_site(link_sources(make_citing_corpus(tmp_path_factory.mktemp(f"citing{copies}"), copies, hostile=True), GLOSSARY))
        for copies in SIZES
    }


def _citing(copies: int, cited: str) -> list[str]:
    """The pages citing `cited`, newest first, as the corpus was written: every copy cites the
    record, every copy but the first (the cited letter itself) the letter."""
    first = 0 if cited == CITED_RECORD else 1
    return [copy_page(number) for number in reversed(range(first, copies))]


def _resolved(page: str, href: str) -> str:
    return posixpath.normpath(posixpath.join(posixpath.dirname(page), href.partition("#")[0]))


def _cited_in_links(site: dict[str, str], page: str) -> list[str]:
    item = metadata(render_markdown(site[page]), "Geciteerd in")
    assert item is not None, page
    return [_resolved(page, anchor["href"]) for anchor in item.find_all("a")]


def _list_pages(site: dict[str, str], first: str) -> list[str]:
    """The pages of a list, from its first, in order, following each page's line of pages."""
    found, todo = [first], [first]
    while todo:
        here = todo.pop()
        line = re.search(r"^Pagina \d+ van \d+: (.*)$", site[here], re.MULTILINE)
        for href in re.findall(r"\]\(([^)]+)\)", line[1] if line else ""):
            target = _resolved(here, href)
            if target not in found:
                found.append(target)
                todo.append(target)
    return sorted(found, key=lambda page: (page != first, len(page), page))


def _listed(site: dict[str, str], page: str) -> list[str]:
    """The letters a page of the list links, in order (its list items)."""
    items = render_markdown(site[page]).find_all("li")
    return [_resolved(page, item.a["href"]) for item in items]


@pytest.mark.parametrize("cited", [CITED_LETTER, CITED_RECORD])
def test_the_page_names_the_newest_citing_letters_and_counts_the_others(sites, cited: str) -> None:
    for copies, site in sites.items():
        citing = _citing(copies, cited)
        links = _cited_in_links(site, cited)
        item = metadata(render_markdown(site[cited]), "Geciteerd in")
        if len(citing) <= CITED_ON_PAGE:  # the first copy among 11: cited by 10, every one named
            assert links == citing and "andere" not in item.get_text(), (copies, cited)
            assert cited_in_list(cited) not in site, (copies, cited)
            continue
        assert links == citing[:CITED_ON_PAGE] + [cited_in_list(cited)], (copies, cited)
        assert f" en {len(citing) - CITED_ON_PAGE} andere (alle {len(citing)} citerende brieven)" in item.get_text()


def test_a_much_cited_page_does_not_grow_with_the_citing_letters(sites) -> None:
    small, large = sites[SIZES[0]], sites[SIZES[1]]
    for cited in (CITED_LETTER, CITED_RECORD):
        sizes = [len(str(render_markdown(site[cited])).encode("utf-8")) for site in (small, large)]
        # the same number of links: a longer date here and there, a count, the link to the list
        assert sizes[1] - sizes[0] < 400, (cited, sizes)


@pytest.mark.parametrize("cited", [CITED_LETTER, CITED_RECORD])
def test_every_citing_letter_is_on_the_list_once_newest_first(sites, cited: str) -> None:
    site = sites[SIZES[1]]
    first = cited_in_list(cited)
    pages = _list_pages(site, first)
    citing = _citing(SIZES[1], cited)
    assert len(pages) == -(-len(citing) // CITING_PER_PAGE) == 3
    assert pages == [first] + [f"{first.removesuffix('.md')}/{number}.md" for number in range(2, len(pages) + 1)]
    assert sorted(page for page in site if page.startswith(cited.removesuffix(".md") + "/")) == sorted(pages)
    listed = [letter for page in pages for letter in _listed(site, page)]
    assert listed == citing  # each once, newest first: the letter's page names the first of them
    for page in pages:
        assert len(_listed(site, page)) <= CITING_PER_PAGE and len(str(render_markdown(site[page]))) < 150_000, page
        soup = render_markdown(site[page])
        assert not [name for name, count in Counter(ids(soup)).items() if count > 1], page
        back = soup.find("a", string=re.compile("Schriftelijke vragen|Verslag"))
        assert _resolved(page, back["href"]) == cited, page
        assert f"Alle {len(citing)} brieven op deze site die" in soup.get_text()
    assert all("‘Kamerstuk 26643, nr. 1315’" in item.get_text() for item in render_markdown(site[first]).find_all("li")) == (cited == CITED_RECORD)


def test_a_list_names_its_letter_as_text_whatever_the_letter_holds(sites) -> None:
    """The first copy's subject holds markup (synthetic): its list's title and link show it as text."""
    site = sites[SIZES[1]]
    soup: BeautifulSoup = render_markdown(site[cited_in_list(CITED_LETTER)])
    title = soup.find("h1").get_text()
    assert title.startswith("Verwijzingen naar Schriftelijke vragen") and HOSTILE_SUBJECT in title
    assert HOSTILE_SUBJECT in soup.find("a", href="../schriftelijke-vragen.md").get_text()
    assert not soup.find_all("b") and not soup.find_all("a", href="https://example.org/")
    # the front matter's title as the letter's own page writes it (escaped for the theme's <title>)
    assert site[cited_in_list(CITED_LETTER)].split("\n")[1] == site[CITED_LETTER].split("\n")[1].replace('title: "', 'title: "Verwijzingen naar ')


def test_the_open_data_of_a_cited_letter_does_not_list_who_cites_it(tmp_path: Path) -> None:
    """A letter's JSON holds what its own text says (its dossiers, the documents it cites): the
    citing letters are in the corpus-wide open data (`data/kamerdossier.json`), a download."""
    site = render_site(link_sources(make_citing_corpus(tmp_path / "c", 12), GLOSSARY), "https://kamerdossier.example/")
    cited = site[CITED_LETTER.removesuffix(".md") + ".json"]
    assert copy_page(11).removesuffix(".md") not in cited and copy_page(11).removesuffix(".md") in site["data/kamerdossier.json"]
