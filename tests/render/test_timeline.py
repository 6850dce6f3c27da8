"""The timeline: every dated event, oldest first, under its year and month, each source linking
the question, answer or footnote that dates it; and the slices on letter and dossier pages."""

from __future__ import annotations

import datetime
import posixpath
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.build import link_sources
from generator.link import link_corpus
from generator.model import APPENDIX_ANSWERS, RECORD_APPENDIX, Corpus, Member, Record
from generator.parse import parse_record
from generator.readers import read_source
from generator.render import render_site
from generator.render.timeline import TIMELINE, events_by_letter
from tests.golden_files import SEEDS
from tests.render.builders import (
    ANSWERS,
    COMMITTEE,
    RECORD,
    SEED_000,
    WRITTEN,
    answer,
    corpus,
    ids,
    letter,
    paragraph,
    question,
    render_markdown,
    written_questions_record,
)

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "aanhangsel" / "ah-tk-20252026-412.txt"


@pytest.fixture(scope="module")
def pages(seed_corpus: Corpus) -> dict[str, str]:
    return render_site(seed_corpus)


def whole_timeline(pages: dict[str, str]) -> BeautifulSoup:
    """The timeline's pages (`tijdlijn/2025.md`, `tijdlijn/2025-10.md`, …) as one document, in the
    order the main page links them. Their links are relative to `tijdlijn/`."""
    index = render_markdown(pages[TIMELINE])
    order = list(dict.fromkeys(a["href"] for a in index.find_all("a", href=True) if a["href"].startswith("tijdlijn/")))
    assert all(page in pages for page in order), order
    return BeautifulSoup("".join(str(render_markdown(pages[page])) for page in order), "html.parser")


@pytest.fixture(scope="module")
def timeline(pages: dict[str, str]) -> BeautifulSoup:
    return whole_timeline(pages)


def _squash(text: str) -> str:
    return " ".join(text.split())


def test_the_dates_run_oldest_first_as_dutch_writes_them(timeline: BeautifulSoup) -> None:
    headings = [_squash(h.get_text()).rstrip("¶") for h in timeline.find_all(["h2", "h3", "h4"])]
    wanted = ["2021", "15 januari 2025", "2 juni 2025", "1 juli 2025", "30 september 2025", "2 oktober 2025",
              "7 oktober 2025", "2 december 2025", "12 februari 2026"]
    positions = [headings.index(date) for date in wanted]
    assert positions == sorted(positions), headings
    # a month and parts of a year stand as themselves, never as a day
    assert headings.index("Voorjaar 2025") < headings.index("Juni 2025")
    assert headings.index("Begin 2026") < headings.index("Februari 2026")
    assert "Zonder dag, in oktober 2025:" in timeline.get_text()


def test_an_event_several_letters_date_is_one_event_with_all_sources(timeline: BeautifulSoup) -> None:
    heading = timeline.find(id="datum-2025-10-02")
    items = heading.find_next("ul").find_all("li")
    assert [item.a["href"] for item in items] == [
        f"../{WRITTEN}#fn:1", f"../{COMMITTEE}#titel", f"../{ANSWERS}#groenlinks-pvda-antwoord-1", f"../{ANSWERS}#bbb-antwoord-3",
    ]
    assert [item.a.get_text() for item in items] == [
        "voetnoot 1, schriftelijke vragen, 7 oktober 2025",
        "Brief van de commissie, 2 december 2025",
        "antwoord op vraag 1 (GroenLinks-PvdA), antwoordbrief, 12 februari 2026",
        "antwoord op vraag 3 (BBB), antwoordbrief, 12 februari 2026",
    ]
    # a year the letter does not write is said to be inferred, beside the words as written
    assert "(geschreven als ‘2 oktober jl.’; jaar uit de datum van de brief)" in _squash(items[2].get_text())
    assert _squash(items[0].get_text()).startswith("‘NOS.nl, 2 oktober 2025’")


def test_the_letters_own_dates_stand_out_and_name_the_letter(timeline: BeautifulSoup) -> None:
    own = [item for item in timeline.find_all("li") if item.strong and item.strong.get_text().startswith("Brief: ")]
    assert [_squash(item.strong.get_text()) for item in own] == [
        "Brief: vragen ingezonden", "Brief: brief van de commissie verstuurd", "Brief: antwoordbrief verstuurd",
    ]
    answers = own[2]
    assert answers.a.get_text().startswith("Antwoordbrief van de staatssecretaris van Financiën")  # not the record's title
    assert answers.a["href"] == f"../{ANSWERS}#titel" and _squash(answers.get_text()).endswith("(25 antwoorden)")
    assert _squash(own[0].get_text()).startswith(
        "Brief: vragen ingezonden door Kathmann (GroenLinks-PvdA) en Six Dijkstra (Nieuw Sociaal Contract):")
    # the verslag's cover note prints no date: no event of its own, only what it mentions
    assert not [item for item in own if RECORD in item.a["href"]]


def test_no_two_links_with_the_same_text_lead_to_different_places(timeline: BeautifulSoup) -> None:
    places: dict[str, set[str]] = {}
    for anchor in timeline.find_all("a", href=True, class_=lambda css: css != "headerlink"):
        places.setdefault(anchor.get_text(), set()).add(anchor["href"])
    assert not {text: hrefs for text, hrefs in places.items() if len(hrefs) > 1}


def test_letter_and_dossier_pages_show_their_slice_linking_the_timeline(pages: dict[str, str]) -> None:
    committee = render_markdown(pages[COMMITTEE])
    heading = committee.find(id="data-in-deze-brief")
    items = [_squash(item.get_text()) for item in heading.find_next("ul").find_all("li", recursive=False)]
    assert items == [
        "2021: genoemd in vraag 1 (BBB), vraag 2 (BBB)",
        "15 januari 2025: genoemd in voetnoot 9",
        "2 oktober 2025: genoemd in de tekst van de brief",
        "2 december 2025: deze brief verstuurd",
    ]
    assert heading.find_next("ul").a["href"] == "../../tijdlijn/2021.md#jaar-2021"
    assert [a["href"] for a in heading.find_next("ul").find_all("a") if "tijdlijn" in a["href"]][1:] == [
        "../../tijdlijn/2025-01.md#datum-2025-01-15", "../../tijdlijn/2025-10.md#datum-2025-10-02",
        "../../tijdlijn/2025-12.md#datum-2025-12-02",
    ]
    dossier = render_markdown(pages["dossiers/31066.md"])
    slice_ = dossier.find(id="tijdlijn-van-dit-dossier").find_next("ul")
    assert "2 december 2025: brief van de commissie verstuurd; genoemd in verslag" in _squash(slice_.get_text())


def test_each_letter_is_indexed_with_its_own_sources_of_an_event(seed_corpus: Corpus) -> None:
    """A page's slice reads its letter's sources through this index, never an event's whole list
    (a common date is dated by a share of every letter in the corpus)."""
    events = seed_corpus.links.events
    by_letter = events_by_letter(seed_corpus)
    assert set(by_letter) == {source.letter for event in events for source in event.sources}
    for key, dated in by_letter.items():
        positions = [position for position, _ in dated]
        assert positions == sorted(set(positions))
        for position, indexes in dated:
            assert all(events[position].sources[index].letter == key for index in indexes)
    for position, event in enumerate(events):  # every source is indexed once, under its own letter
        indexed = sorted(index for dated in by_letter.values() for at, indexes in dated if at == position for index in indexes)
        assert indexed == list(range(len(event.sources)))
    october = next(p for p, event in enumerate(events) if (event.date.year, event.date.month, event.date.day) == (2025, 10, 2))
    own = {key: indexes for key, dated in by_letter.items() for at, indexes in dated if at == october}
    # the written questions' footnote, the committee's letter, two answers of the answer letter
    assert sorted(len(indexes) for indexes in own.values()) == [1, 1, 2]


def test_the_answers_of_an_aanhangsel_are_dated_when_received(seed_corpus: Corpus) -> None:
    record, _ = parse_record(read_source(FIXTURE, "fixtures/ah-tk-20252026-412.txt"))
    received = datetime.date(2025, 11, 1)  # a day other than the letter's own, to tell them apart
    record = replace(record, letters=(replace(record.letters[0], received_on=received),))
    linked = link_corpus((*seed_corpus.records, record), ())
    pages = render_site(linked)
    soup = whole_timeline(pages)
    item = soup.find(id="datum-2025-11-01").find_next("li")
    assert _squash(item.get_text()).startswith("Brief: antwoorden ontvangen:")
    page = item.a["href"].split("#")[0].removeprefix("../")
    assert page in pages and page.startswith("tweede-kamer/2025-11-04/")


def test_an_event_about_one_answer_links_its_anchor() -> None:
    single = Record(
        "seeds/ah.txt", RECORD_APPENDIX, "Tweede Kamer", datetime.date(2025, 11, 4), "Antwoord", (
            letter(0, APPENDIX_ANSWERS, question(1, None, paragraph("p1", "Vraag?", path="seeds/ah.txt")),
                   answer(1, None, paragraph("p2", "Ja.", path="seeds/ah.txt")),
                   path="seeds/ah.txt", sent_on=datetime.date(2025, 11, 4), chamber="Tweede Kamer"),
        ), ())
    soup = whole_timeline(render_site(link_corpus((single,), ())))
    assert soup.find("li").a["href"] == "../tweede-kamer/2025-11-04/aanhangsel.md#antwoord-1"


def test_undated_letters_close_the_timeline() -> None:
    undated = replace(written_questions_record(question(1, None, paragraph("p1", "Vraag?", path=SEED_000))),
                      letters=(replace(written_questions_record().letters[0], sent_on=None),))
    pages = render_site(corpus(undated))
    assert render_markdown(pages[TIMELINE]).find("a", href="tijdlijn/zonder-datum.md").get_text() == "Brieven zonder eigen datum"
    soup = render_markdown(pages["tijdlijn/zonder-datum.md"])
    assert [heading["id"] for heading in soup.find_all("h2")] == ["zonder-datum"]
    assert soup.find_all("li")[-1].a["href"] == "../tweede-kamer/zonder-datum/schriftelijke-vragen.md#titel"


def test_many_undated_letters_continue_on_numbered_pages_each_linking_its_letters(monkeypatch) -> None:
    """Synthetic: the seeds print their dates. Three copies of seeds/000 without a date, two a page."""
    from generator.render import timeline

    monkeypatch.setattr(timeline, "SOURCES_PER_PAGE", 2)
    base = written_questions_record(question(1, None, paragraph("p1", "Vraag?", path=SEED_000)))
    copies = []
    for number in range(3):
        path = f"seeds/undated-{number}.txt"
        undated_letter = replace(base.letters[0], sent_on=None, span=replace(base.letters[0].span, path=path))
        copies.append(replace(base, path=path, letters=(undated_letter,)))
    pages = render_site(corpus(*copies))
    listed = ["tijdlijn/zonder-datum.md", "tijdlijn/zonder-datum/2.md"]
    assert [page for page in pages if page.startswith("tijdlijn/zonder-datum")] == listed
    targets = []
    for page in listed:
        soup = render_markdown(pages[page])
        for item in soup.find_all("li"):
            target = posixpath.normpath(posixpath.join(posixpath.dirname(page), item.a["href"].split("#")[0]))
            assert target in pages, (page, target)  # each link resolves from the page it is on
            targets.append(target)
    assert len(set(targets)) == 3
    assert render_markdown(pages[listed[1]]).find("a", string="pagina 1")["href"] == "../zonder-datum.md"


def test_names_titles_and_phrases_are_escaped() -> None:
    record = written_questions_record(question(1, None, paragraph("p1", "Vraag *x* <b>in 2021</b>?", path=SEED_000)))
    asking = replace(record.letters[0], askers=(Member("[Naam](javascript:x)", "_P_"),))
    record = replace(record, title="*Vragen* <script>x</script>", letters=(asking,))
    soup = whole_timeline(render_site(link_corpus((record,), ())))
    text = soup.get_text()
    assert "[Naam](javascript:x) (_P_)" in text and "‘Vraag *x* <b>in 2021</b>?’" in text
    assert soup.find("script") is None and soup.find("em") is None and soup.find("b") is None


def test_an_empty_corpus_has_a_timeline_that_says_so() -> None:
    assert "Er zijn nog geen brieven." in render_site(corpus())[TIMELINE]


def test_ids_are_unique_and_the_timeline_is_deterministic(
    seed_corpus: Corpus, pages: dict[str, str], timeline: BeautifulSoup
) -> None:
    # each event's anchor stands on one page of the timeline only; every page has its own title
    assert not [name for name, count in Counter(ids(timeline)).items() if count > 1 and name != "titel"]
    shown = sorted(page for page in pages if page == TIMELINE or page.startswith("tijdlijn/"))
    for page in shown:
        assert not [name for name, count in Counter(ids(render_markdown(pages[page]))).items() if count > 1], page
    again = render_site(link_sources(SEEDS))
    assert [pages[page] for page in shown] == [again[page] for page in shown]
