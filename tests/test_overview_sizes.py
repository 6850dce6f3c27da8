"""Pages whose size must not grow with the corpus (issue 9): the home page and every page listing
letters, questions, people, dossiers, dates or terms, rendered from 100 and from 300 recombined
benchmark letters over twelve years (benchmarks/corpus.py; synthetic: the seeds are four letters).

Each stays under a bound that does not depend on the number of letters (150 KB of HTML, the
issue's target, and a number of items a page), and what a page no longer lists is on its own
pages: a list continued over numbered pages (generator.render.paging) holds, over all its pages,
exactly what one page would, each page reached from the first by its line of pages."""

from __future__ import annotations

import importlib.util
import posixpath
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

from generator.build import link_sources
from generator.render import dossiers, glossary, indexes, pages, people, render_site, timeline
from generator.render.glossary import GLOSSARY, USES_SHOWN
from generator.render.indexes import PARTIES
from generator.render.timeline import TIMELINE
from tests.golden_files import GLOSSARY as GLOSSARY_FILE
from tests.render.builders import render_markdown

_SPEC = importlib.util.spec_from_file_location("corpus", Path(__file__).parent.parent / "benchmarks" / "corpus.py")
corpus = sys.modules.setdefault("corpus", importlib.util.module_from_spec(_SPEC))
_SPEC.loader.exec_module(corpus)

SIZES = (100, 300)
HTML_BOUND = 150_000
"""No overview page over 150 KB of HTML (issue 9), whatever the number of letters."""
OVERVIEWS = ("index.md", "stukken/", "personen", "partijen", "tijdlijn", "begrippen", "dossiers/")
"""Every page of the site but the letters' and records' own starts with one of these."""


@pytest.fixture(scope="module")
def corpora(tmp_path_factory: pytest.TempPathFactory) -> dict:
    linked = {}
    for letters in SIZES:
        folder = tmp_path_factory.mktemp(f"corpus{letters}")
        corpus.make_corpus(folder, letters)
        linked[letters] = link_sources(folder, GLOSSARY_FILE)
    return linked


@pytest.fixture(scope="module")
def sites(corpora) -> dict[int, dict[str, str]]:
    return {letters: render_site(linked) for letters, linked in corpora.items()}


def _html_size(page: str) -> int:
    return len(str(render_markdown(page)).encode("utf-8"))


def test_the_timeline_page_links_years_and_months_and_holds_no_events(sites) -> None:
    for letters, pages in sites.items():
        own = [page for page in pages if page.startswith("tijdlijn/")]
        # twelve parliamentary years: at most 13 calendar years of 12 months, each a line or a link
        assert _html_size(pages[TIMELINE]) < 20_000, letters
        assert len(own) > 12 and "datum-" not in pages[TIMELINE]
        assert sum(len(pages[page]) for page in own) > 10 * len(pages[TIMELINE])  # the events are elsewhere
    small, large = (_html_size(sites[n][TIMELINE]) for n in SIZES)
    assert large < 1.5 * small  # three times the letters, a few more months linked


def test_the_parties_index_lists_parties_not_questions(sites) -> None:
    for letters, pages in sites.items():
        assert _html_size(pages[PARTIES]) < 5_000, letters
        assert "-vraag-" not in pages[PARTIES]
        questions = sum(pages[page].count("#") for page in pages if page.startswith("partijen/"))
        assert questions > letters  # the questions are on the parties' pages
    small, large = (_html_size(sites[n][PARTIES]) for n in SIZES)
    assert large < 1.2 * small  # a party or two more, never their questions


def test_the_glossary_lists_at_most_the_newest_uses_of_each_term(sites) -> None:
    terms = GLOSSARY_FILE.read_text(encoding="utf-8").count("\n- ")
    for letters, pages in sites.items():
        glossary = render_markdown(pages[GLOSSARY])
        for heading in glossary.find_all("h2"):
            uses = heading.find_next(["ul", "h2"])
            assert uses.name == "h2" or len(uses.find_all("li")) <= USES_SHOWN, (letters, heading["id"])
        # every term at its cap, whatever the corpus: its explanation and USES_SHOWN links (43 terms: 120 KB)
        assert _html_size(pages[GLOSSARY]) < terms * (800 + USES_SHOWN * 200) <= 150_000, letters
        assert any(page.startswith("begrippen/") for page in pages)
    small, large = (_html_size(sites[n][GLOSSARY]) for n in SIZES)
    assert large < 1.5 * small


def test_a_partys_questions_continue_on_numbered_pages_of_bounded_size(sites) -> None:
    from generator.render.indexes import QUESTIONS_PER_PAGE

    for letters, pages in sites.items():
        own = {page: text for page, text in pages.items() if page.startswith("partijen/")}
        continued = [page for page in own if page.count("/") == 2]
        assert continued, letters  # the busiest parties ask more than QUESTIONS_PER_PAGE questions
        for page, text in own.items():
            questions = text.count("    - [")
            assert questions < QUESTIONS_PER_PAGE + 30, (letters, page)  # whole letters: one may go over
            assert _html_size(text) < 150_000, (letters, page)
        # every continuation is reached from the party's first page by its line of pages
        families = _families(pages)
        for page in continued:
            assert page in families[page.rsplit("/", 1)[0] + ".md"], page


def test_every_timeline_page_is_bounded_and_an_events_sources_continue_on_its_own_pages(sites) -> None:
    """A year's or month's page lists at most SOURCES_SHOWN sources of each event (a month has at
    most 31 days), and an event's own pages at most SOURCES_PER_PAGE each."""
    from generator.render.timeline import SOURCES_PER_PAGE, SOURCES_SHOWN

    for letters, pages in sites.items():
        own = {page: text for page, text in pages.items() if page.startswith("tijdlijn/")}
        events = [page for page in own if page.split("/")[1].startswith(("datum-", "maand-", "jaar-", "periode-"))]
        assert events, letters  # some date is mentioned more than SOURCES_SHOWN times
        for page, text in own.items():
            sources = text.count("\n- ")
            assert sources <= (SOURCES_PER_PAGE if page in events else 40 * SOURCES_SHOWN), (letters, page)
            assert _html_size(text) < 150_000, (letters, page)


def test_a_terms_own_pages_list_every_use_a_bounded_number_a_page(sites, monkeypatch) -> None:
    from generator.render import glossary

    pages = sites[300]
    for page, text in pages.items():
        if page.startswith("begrippen/"):
            assert text.count("\n- ") <= glossary.USES_PER_PAGE and _html_size(text) < 150_000, page
    # with 25 a page, M365's uses (synthetic: the benchmark corpus repeats it) continue on numbered pages
    monkeypatch.setattr(glossary, "USES_PER_PAGE", 25)
    small = render_site(link_sources(Path(__file__).parent.parent / "seeds", GLOSSARY_FILE))
    first = render_markdown(small["begrippen/m365.md"])
    listed = [page for page in small if page.startswith("begrippen/m365")]
    assert listed == ["begrippen/m365.md", "begrippen/m365/2.md"]
    assert first.find("a", href="m365/2.md").get_text() == "pagina 2"
    total = sum(small[page].count("\n- ") for page in listed)
    assert f"Alle {total} plaatsen waar M365 voorkomt" in small[GLOSSARY]


def test_no_overview_page_is_over_150_kb_of_html_at_either_size(sites) -> None:
    for letters, site in sites.items():
        overviews = {page: text for page, text in site.items() if page.endswith(".md") and page.startswith(OVERVIEWS)}
        assert len(overviews) > 100, letters
        for prefix in OVERVIEWS:  # Markdown is smaller than its HTML: the largest three of each kind as HTML
            largest = sorted((page for page in overviews if page.startswith(prefix)), key=lambda page: -len(overviews[page]))
            assert largest, (letters, prefix)
            for page in largest[:3]:
                assert _html_size(overviews[page]) < HTML_BOUND, (letters, page)


PAGED = {
    (people, "LINKS_PER_PAGE"): 8,
    (people, "PEOPLE_PER_PAGE"): 7,
    (indexes, "QUESTIONS_PER_PAGE"): 8,
    (dossiers, "LETTERS_PER_PAGE"): 2,
    (dossiers, "DOSSIERS_PER_PAGE"): 5,
    (pages, "RECORDS_PER_PAGE"): 2,
    (timeline, "SOURCES_PER_PAGE"): 3,
    (glossary, "USES_PER_PAGE"): 3,
}
"""Each list's page size, made small enough that the 100-letter corpus continues every kind of list."""
KINDS = (
    (r"personen\.md", "PEOPLE_PER_PAGE", "people"),
    (r"personen/[^/]+\.md", "LINKS_PER_PAGE", "links"),
    (r"partijen/[^/]+\.md", "QUESTIONS_PER_PAGE", "links"),
    (r"dossiers/index\.md", "DOSSIERS_PER_PAGE", "items"),
    (r"dossiers/[^/]+/[^/]+\.md", "LETTERS_PER_PAGE", "items"),
    (r"stukken/[^/]+\.md", "RECORDS_PER_PAGE", "items"),
    (r"tijdlijn/[^/]+\.md", "SOURCES_PER_PAGE", "items"),
    (r"begrippen/[^/]+\.md", "USES_PER_PAGE", "items"),
)
"""A continued list by its first page's address: the size of its pages, and what that counts
(`items`: its list's items; `people`: its people; `links`: the questions and answers linked
under its letters, a letter never split)."""
_PAGES_LINE = re.compile(r"^Pagina (?P<number>\d++) van \d++: (?P<links>.*+)$", re.MULTILINE)
_ITEM = re.compile(r"^(?P<indent> *+)- (?!\*\*[^*:\n]++:\*\* )(?P<text>.*+)$", re.MULTILINE)
"""A list item, but not a line of a page's metadata list (`- **Partij:** BBB`)."""
_LINK = re.compile(r"\[(?P<text>(?:\\.|[^\]\\])*+)\]\((?P<href>[^)\s]++)\)")


def _render_with(corpus_: object, sizes: dict[tuple[object, str], int]) -> dict[str, str]:
    with pytest.MonkeyPatch.context() as patch:
        for (module, name), size in sizes.items():
            patch.setattr(module, name, size)
        return render_site(corpus_)


def _resolved(page: str, href: str) -> str:
    path, _, anchor = href.partition("#")
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page), path)) if path else page
    return f"{target}#{anchor}" if anchor else target


def _items(page: str, text: str) -> Counter[tuple[bool, str, str]]:
    """Every link in a list item of the page: (under another item?, its text, where it leads)."""
    return Counter(
        (bool(item["indent"]), link["text"], _resolved(page, link["href"]))
        for item in _ITEM.finditer(text)
        for link in _LINK.finditer(item["text"])
    )


def _families(site: dict[str, str]) -> dict[str, list[str]]:
    """Each list continued over numbered pages: its first page, and every page reached from it by
    following the lines of pages (`Pagina 2 van 9: …`), in the order of their numbers."""
    families = {}
    for page, text in site.items():
        line = _PAGES_LINE.search(text)
        if line is None or line["number"] != "1":
            continue
        reached, todo = {page: 1}, [page]
        while todo:
            here = todo.pop()
            found = _PAGES_LINE.search(site[here])
            assert found is not None, here
            reached[here] = int(found["number"])
            for link in _LINK.finditer(found["links"]):
                target = _resolved(here, link["href"])
                if target not in reached:
                    reached[target] = 0
                    todo.append(target)
        families[page] = sorted(reached, key=reached.get)
    return families


@pytest.fixture(scope="module")
def paged(corpora) -> tuple[dict[str, str], dict[str, str]]:
    """The 100-letter site with every list cut into small pages, and with every list on one page."""
    return _render_with(corpora[100], PAGED), _render_with(corpora[100], {key: 10**9 for key in PAGED})


def test_every_list_continued_over_numbered_pages_holds_what_one_page_would(paged) -> None:
    small, whole = paged
    families = _families(small)
    continuing = {page for pages_ in families.values() for page in pages_[1:]}
    assert {page for page, text in small.items() if _PAGES_LINE.search(text)} == set(families) | continuing
    assert not any(_PAGES_LINE.search(text) for text in whole.values())
    assert set(small) - continuing == set(whole)  # a list's first page keeps its address
    for page, text in whole.items():
        if page not in families:
            assert small[page] == text, page  # what links a list links its first page, as before
    for first, pages_ in families.items():
        assert sum((_items(page, small[page]) for page in pages_), Counter()) == _items(first, whole[first]), first
        assert all(page.startswith(first.removesuffix(".md") + "/") for page in pages_[1:]), first


def test_every_kind_of_list_continues_and_each_page_holds_a_bounded_number(paged) -> None:
    small, whole = paged
    families = _families(small)
    per_letter = max(int(found) for text in whole.values() for found in re.findall(r"\((\d+) (?:vraag|vragen|antwoord|antwoorden)\):$", text, re.MULTILINE))
    sizes = {name: size for (_, name), size in PAGED.items()}
    for pattern, name, counted in KINDS:
        firsts = [first for first in families if re.fullmatch(pattern, first)]
        assert firsts, name  # the 100 letters fill more than one page of every kind of list
        for first in firsts:
            for page in families[first]:
                items = _items(page, small[page])
                nested = sum(count for (under, _, _), count in items.items() if under)
                top = sum(count for (under, _, _), count in items.items() if not under)
                if counted == "links":  # whole letters: the last may take a page past its size
                    assert nested < sizes[name] + per_letter, page
                else:
                    assert top <= sizes[name], page
