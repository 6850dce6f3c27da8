"""Status counts per letter and on the home page, on the seed letters."""

from __future__ import annotations

from pathlib import Path

from generator.build import parse_sources
from generator.link import link_corpus
from generator.render import render_site

PAGES = render_site(link_corpus(*parse_sources(Path(__file__).resolve().parent.parent.parent / "seeds")))


def _status_line(page: str) -> str:
    return next(line for line in PAGES[page].splitlines() if line.startswith("- **Status:**"))


def test_each_letter_counts_its_questions_or_answers_by_status() -> None:
    assert _status_line("tweede-kamer/2025-10-07/schriftelijke-vragen.md") == "- **Status:** 21 vragen (21 zonder antwoord op deze site)"
    # BBB 11, 14, 17 and 24 only refer to other answers; 18 and 19 decline on confidentiality
    assert _status_line("eerste-kamer/2025-12-02/commissiebrief.md") == (
        "- **Status:** 25 vragen (19 beantwoord, 4 verwijzingen, 2 vertrouwelijk)"
    )
    assert _status_line("eerste-kamer/2026-02-12/antwoordbrief.md") == (
        "- **Status:** 25 antwoorden (19 beantwoord, 4 verwijzingen, 2 vertrouwelijk)"
    )


def test_the_home_page_counts_every_question_once() -> None:
    home = PAGES["index.md"]
    assert "Alle vragen samen: 46 vragen (19 beantwoord, 4 verwijzingen, 2 vertrouwelijk, 21 zonder antwoord op deze site)." in home
    assert "schriftelijke vragen, 7 oktober 2025; 21 vragen (21 zonder antwoord op deze site)" in home
    assert "::" not in home and ": 46 vragen:" not in home


def test_a_count_of_one_is_singular_and_of_more_plural() -> None:
    from generator.render.statuses import counted

    assert (counted(1, "verwijzing"), counted(4, "verwijzing"), counted(2, "vertrouwelijk")) == ("1 verwijzing", "4 verwijzingen", "2 vertrouwelijk")
