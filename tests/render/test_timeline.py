"""The timeline: every letter's event under its year and month, newest first, linking its page."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from generator.build import parse_sources
from generator.link import link_corpus
from generator.model import APPENDIX_ANSWERS, RECORD_APPENDIX, Corpus, Member, Record
from generator.parse import parse_record
from generator.readers import read_source
from generator.render import render_site
from generator.render.timeline import TIMELINE
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
    verslag_record,
    written_questions_record,
)

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "aanhangsel" / "ah-tk-20252026-412.txt"


@pytest.fixture(scope="module")
def timeline(seed_corpus: Corpus) -> BeautifulSoup:
    return render_markdown(render_site(seed_corpus)[TIMELINE])


def _items(soup: BeautifulSoup) -> list[str]:
    return [" ".join(item.get_text().split()) for item in soup.find_all("li")]


def test_years_and_months_run_newest_first(timeline: BeautifulSoup) -> None:
    headings = [heading["id"] for heading in timeline.find_all(["h2", "h3"])]
    assert headings == ["jaar-2026", "maand-2026-02", "jaar-2025", "maand-2025-12", "maand-2025-10"]
    assert [heading.get_text().rstrip("¶") for heading in timeline.find_all("h3")] == [
        "Februari 2026", "December 2025", "Oktober 2025",
    ]


def test_each_seed_letter_is_one_event_linking_its_page(timeline: BeautifulSoup) -> None:
    hrefs = [anchor["href"] for anchor in timeline.find_all("a") if not anchor.get("class")]
    assert hrefs == [RECORD, ANSWERS, COMMITTEE, WRITTEN]
    items = _items(timeline)
    assert items[0].startswith("12 februari 2026 — Verslag uitgebracht:")
    assert items[1].startswith("12 februari 2026 — Antwoordbrief verstuurd:") and items[1].endswith("(25 antwoorden)")
    assert items[2].startswith("2 december 2025 — Brief van de commissie verstuurd:") and items[2].endswith("(25 vragen)")
    assert items[3].startswith(
        "7 oktober 2025 — Vragen ingezonden door Kathmann (GroenLinks-PvdA) en Six Dijkstra (Nieuw Sociaal Contract):"
    )
    assert items[3].endswith("(21 vragen)")


def test_the_answers_of_an_aanhangsel_are_dated_when_received(seed_corpus: Corpus) -> None:
    record, _ = parse_record(read_source(FIXTURE, "fixtures/ah-tk-20252026-412.txt"))
    received = datetime.date(2025, 11, 1)  # a day other than the letter's own, to tell them apart
    record = replace(record, letters=(replace(record.letters[0], received_on=received),))
    linked = link_corpus((*seed_corpus.records, record), ())
    pages = render_site(linked)
    soup = render_markdown(pages[TIMELINE])
    november = soup.find(id="maand-2025-11")
    assert november is not None
    item = november.find_next("li")
    assert " ".join(item.get_text().split()).startswith("1 november 2025 — Antwoorden ontvangen:")
    assert item.a["href"] in pages and item.a["href"].startswith("tweede-kamer/2025-11-04/")


def test_an_event_about_one_answer_links_its_anchor() -> None:
    single = Record(
        "seeds/ah.txt", RECORD_APPENDIX, "Tweede Kamer", datetime.date(2025, 11, 4), "Antwoord", (
            letter(0, APPENDIX_ANSWERS, question(1, None, paragraph("p1", "Vraag?", path="seeds/ah.txt")),
                   answer(1, None, paragraph("p2", "Ja.", path="seeds/ah.txt")),
                   path="seeds/ah.txt", sent_on=datetime.date(2025, 11, 4), chamber="Tweede Kamer"),
        ), ())
    soup = render_markdown(render_site(corpus(single))[TIMELINE])
    assert soup.find("li").a["href"] == "tweede-kamer/2025-11-04/aanhangsel.md#antwoord-1"


def test_undated_letters_close_the_timeline() -> None:
    undated = replace(written_questions_record(question(1, None, paragraph("p1", "Vraag?", path=SEED_000))),
                      letters=(replace(written_questions_record().letters[0], sent_on=None),))
    soup = render_markdown(render_site(corpus(verslag_record(), undated))[TIMELINE])
    assert [heading["id"] for heading in soup.find_all("h2")] == ["jaar-2026", "jaar-2025", "zonder-datum"]
    assert soup.find_all("li")[-1].a["href"] == "tweede-kamer/zonder-datum/schriftelijke-vragen.md"


def test_names_and_titles_are_escaped() -> None:
    record = written_questions_record(question(1, None, paragraph("p1", "Vraag?", path=SEED_000)))
    asking = replace(record.letters[0], askers=(Member("[Naam](javascript:x)", "_P_"),))
    record = replace(record, title="*Vragen* <script>x</script>", letters=(asking,))
    soup = render_markdown(render_site(corpus(record))[TIMELINE])
    item = soup.find("li")
    assert "[Naam](javascript:x) (_P_)" in item.get_text() and "*Vragen* <script>x</script>" in item.get_text()
    assert item.find("script") is None and item.find("em") is None and len(item.find_all("a")) == 1
    assert item.a["href"] == f"{WRITTEN}#vraag-1"  # the event of a single question lands on it


def test_an_empty_corpus_has_a_timeline_that_says_so() -> None:
    assert "Er zijn nog geen brieven." in render_site(corpus())[TIMELINE]


def test_ids_are_unique_and_the_timeline_is_deterministic(seed_corpus: Corpus, timeline: BeautifulSoup) -> None:
    assert not [name for name, count in Counter(ids(timeline)).items() if count > 1]
    assert render_site(seed_corpus)[TIMELINE] == render_site(link_corpus(*parse_sources(SEEDS)))[TIMELINE]
