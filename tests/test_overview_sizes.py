"""Overview pages whose size must not grow with the corpus (issue 9): the timeline's main page, the
parties' index and the glossary, rendered from 100 and from 300 recombined benchmark letters over
twelve years (benchmarks/corpus.py; synthetic: the seeds are four letters). Each stays under a
bound that does not depend on the number of letters, and what it no longer lists is on its own pages."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from generator.build import link_sources
from generator.render import render_site
from generator.render.glossary import GLOSSARY, USES_SHOWN
from generator.render.indexes import PARTIES
from generator.render.timeline import TIMELINE
from tests.golden_files import GLOSSARY as GLOSSARY_FILE
from tests.render.builders import render_markdown

_SPEC = importlib.util.spec_from_file_location("corpus", Path(__file__).parent.parent / "benchmarks" / "corpus.py")
corpus = sys.modules.setdefault("corpus", importlib.util.module_from_spec(_SPEC))
_SPEC.loader.exec_module(corpus)

SIZES = (100, 300)


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[int, dict[str, str]]:
    built = {}
    for letters in SIZES:
        folder = tmp_path_factory.mktemp(f"corpus{letters}")
        corpus.make_corpus(folder, letters)
        built[letters] = render_site(link_sources(folder, GLOSSARY_FILE))
    return built


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
        # every continuation is linked from the party's first page
        for page in continued:
            first = page.rsplit("/", 1)[0] + ".md"
            assert f"({page.rsplit('/', 2)[1]}/{page.rsplit('/', 1)[1]})" in own[first], page


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
