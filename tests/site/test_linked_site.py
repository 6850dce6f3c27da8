"""The built seed site, checked for what the link pass and the open data must show (issues 3, 4)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from bs4 import BeautifulSoup, Tag

COMMITTEE = "eerste-kamer/2025-12-02/commissiebrief/index.html"
ANSWERS = "eerste-kamer/2026-02-12/antwoordbrief/index.html"
WRITTEN = "tweede-kamer/2025-10-07/schriftelijke-vragen/index.html"
SECTION_ENDS = ("h1", "h2", "h3")


def section_links(page: BeautifulSoup, id_: str) -> list[str]:
    """The targets of the links in the part of a page that the heading `id_` opens."""
    start = page.find(id=id_)
    assert isinstance(start, Tag), f"no element with id {id_!r}"
    links = []
    for element in start.find_all_next():
        if element.name in SECTION_ENDS:
            break
        if element.name == "a" and element.get("href"):
            links.append(element["href"])
    return links


def status(page: BeautifulSoup, id_: str) -> str:
    heading = page.find(id=id_)
    assert isinstance(heading, Tag)
    return heading.select_one(".kd-status").get_text()


@pytest.mark.parametrize("number", range(1, 25))
def test_each_bbb_question_links_to_its_answer_and_back(parsed_pages: dict[str, BeautifulSoup], number: int) -> None:
    to_answer = section_links(parsed_pages[COMMITTEE], f"bbb-vraag-{number}")
    assert any(href.endswith(f"antwoordbrief/#bbb-antwoord-{number}") for href in to_answer)
    to_question = section_links(parsed_pages[ANSWERS], f"bbb-antwoord-{number}")
    assert any(href.endswith(f"commissiebrief/#bbb-vraag-{number}") for href in to_question)


def test_the_groenlinks_question_links_to_its_answer_and_back(parsed_pages: dict[str, BeautifulSoup]) -> None:
    assert any(h.endswith("antwoordbrief/#groenlinks-pvda-antwoord-1") for h in section_links(parsed_pages[COMMITTEE], "groenlinks-pvda-vraag-1"))
    assert any(h.endswith("commissiebrief/#groenlinks-pvda-vraag-1") for h in section_links(parsed_pages[ANSWERS], "groenlinks-pvda-antwoord-1"))


@pytest.mark.parametrize(
    ("page", "section", "targets"),
    [
        (ANSWERS, "bbb-antwoord-11", ["#bbb-antwoord-10"]),
        (ANSWERS, "bbb-antwoord-24", ["#bbb-antwoord-18", "#bbb-antwoord-20"]),
        (ANSWERS, "bbb-antwoord-17", ["#groenlinks-pvda-antwoord-1"]),
        (WRITTEN, "vraag-12", ["#vraag-9"]),
    ],
)
def test_referrals_are_links(parsed_pages: dict[str, BeautifulSoup], page: str, section: str, targets: list[str]) -> None:
    links = section_links(parsed_pages[page], section)
    for target in targets:
        assert target in links, f"{section} does not link to {target}: {links}"


def test_statuses_on_the_seed_letters(parsed_pages: dict[str, BeautifulSoup]) -> None:
    answers, written = parsed_pages[ANSWERS], parsed_pages[WRITTEN]
    assert [status(answers, f"bbb-antwoord-{n}") for n in (11, 14, 18, 19)] == ["verwijzing", "verwijzing", "vertrouwelijk", "vertrouwelijk"]
    assert {status(written, f"vraag-{n}") for n in range(1, 22)} == {"geen antwoord op deze site"}


def test_footnote_12_links_to_the_official_kamerstuk(parsed_pages: dict[str, BeautifulSoup]) -> None:
    note = parsed_pages[ANSWERS].find(id="fn:12")
    assert isinstance(note, Tag)
    assert any("kst-31066-506" in a["href"] for a in note.find_all("a", href=True))


@pytest.mark.parametrize(
    ("dossier", "letters"),
    [
        ("26643", ["tweede-kamer/2025-10-07/schriftelijke-vragen/", "eerste-kamer/2026-02-12/verslag-schriftelijk-overleg/"]),
        ("31066", ["eerste-kamer/2026-02-12/verslag-schriftelijk-overleg/"]),
    ],
)
def test_dossier_pages_list_their_letters(parsed_pages: dict[str, BeautifulSoup], dossier: str, letters: list[str]) -> None:
    page = parsed_pages[f"dossiers/{dossier}/index.html"]
    hrefs = [a["href"] for a in page.select("article a[href]")]
    for letter in letters:
        assert any(href.endswith(letter) for href in hrefs), f"dossier {dossier} does not list {letter}"


def test_the_json_export_in_the_site_is_valid_and_complete(built_site: Path) -> None:
    schema = json.loads((built_site / "data" / "kamerdossier.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    written = json.loads((built_site / "tweede-kamer/2025-10-07/schriftelijke-vragen.json").read_text(encoding="utf-8"))
    answers = json.loads((built_site / "eerste-kamer/2026-02-12/antwoordbrief.json").read_text(encoding="utf-8"))
    corpus = json.loads((built_site / "data" / "kamerdossier.json").read_text(encoding="utf-8"))
    for document in (written, answers, corpus):
        assert not list(validator.iter_errors(document))
    questions = written["letter"]["questions"]
    assert len(questions) == 21
    assert all(q["url"].startswith("https://") and q["url"].endswith(f"#vraag-{q['number']}") for q in questions)
    bbb = [a for a in answers["letter"]["answers"] if a["party"] == "BBB"]
    assert len(bbb) == 24
    assert all(a["url"].startswith("https://") and a["url"].endswith(f"#bbb-antwoord-{a['number']}") for a in bbb)
