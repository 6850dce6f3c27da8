"""Shapes real answer letters have that the eight development letters do not all show: a group
heading `Vraag 3, 4 en 5` (printed carelessly), separate questions answered by one `Antwoord 5
en 6`, and a `Mededeling` in place of the answers. Each case is the real text of
ah-tk-20232024-1893 (its pdftotext output) with its headings regrouped or its answers replaced:
the regrouping and the notice's wording are synthetic, everything else is as printed.
Answers that are only `Ja.` and a numbered list inside an answer are in the real letters
(tests/letters/test_text_path.py checks them against the PDFs)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.letters.checks import FIXTURES
from tests.security.harness import build, make_seeds

LETTER = "ah-tk-20232024-1893"
SOURCE = (FIXTURES / f"{LETTER}.txt").read_text(encoding="utf-8")


def _section(text: str, start: str, end: str) -> str:
    return text[text.index(start) + len(start) : text.index(end)]


def _built_page(tmp_path: Path, text: str) -> str:
    """Build `text` as the only letter (no site) and return its page's Markdown."""
    seeds = make_seeds(tmp_path, {f"{LETTER}.txt": text}, keep_seeds=False)
    built = build(tmp_path, seeds, strict=True, site=False)
    assert built.status == 0, built.stderr
    pages = [p for p in built.pages() if "aanhangsel" in p.name]
    assert len(pages) == 1
    return pages[0].read_text(encoding="utf-8")


def _headings(page: str) -> list[tuple[str, str]]:
    """(status, anchor) of each question and answer heading, in order (its first status)."""
    found = re.findall(r'^### .*\{#((?:vraag|antwoord)-\d+) [^}]*data-kd-status="([^",]+)', page, re.MULTILINE)
    return [(status, anchor) for anchor, status in found]


def _anchors(page: str) -> set[str]:
    """Every question and answer anchor of the page: each heading's, and its further ones."""
    anchors = set(re.findall(r"\{#((?:vraag|antwoord)-\d+)", page))
    for further in re.findall(r'data-kd-anchors="([^"]*)"', page):
        anchors.update(further.split())
    return anchors


def test_one_answer_to_separate_questions_covers_each_of_them(tmp_path: Path) -> None:
    # `Vraag 5` and `Vraag 6` as printed, then one `Antwoord 5 en 6` holding both answers.
    answer5, answer6 = _section(SOURCE, "Antwoord 5\n", "Vraag 6\n"), _section(SOURCE, "Antwoord 6\n", "Vraag 7\n")
    question6 = "Vraag 6\n" + _section(SOURCE, "Vraag 6\n", "Antwoord 6\n")
    text = SOURCE.replace("Antwoord 5\n" + answer5 + question6 + "Antwoord 6\n" + answer6, question6 + "Antwoord 5 en 6\n" + answer5 + answer6)
    page = _built_page(tmp_path, text)
    assert {"vraag-5", "vraag-6", "antwoord-5", "antwoord-6"} <= _anchors(page)
    vraag6 = page[page.index("{#vraag-6") : page.index("{#antwoord-5")]
    assert "Bent u bereid een onderzoek te starten" in vraag6 and "Het kabinet onderzoekt" not in vraag6
    assert "Beantwoord in: [antwoord op vraag 6](#antwoord-6)" in vraag6  # the answer's anchor for 6
    assert ("beantwoord", "vraag-6") in _headings(page)


@pytest.mark.parametrize("printed", ["Vraag 3, 4 en 5", "Vraag 3,4 en 5", "Vraag 3 , 4 en 5", "Vraag 3, 4en 5", "Vragen 3, 4 en 5"])
def test_a_group_heading_covers_each_number(tmp_path: Path, printed: str) -> None:
    questions = "".join(_section(SOURCE, f"Vraag {n}\n", f"Antwoord {n}\n") for n in (3, 4, 5))
    answers = "".join(_section(SOURCE, f"Antwoord {n}\n", f"Vraag {n + 1}\n") for n in (3, 4, 5))
    start, end = SOURCE.index("Vraag 3\n"), SOURCE.index("Vraag 6\n")
    answer_heading = printed.replace("Vragen", "Antwoorden").replace("Vraag", "Antwoord")
    text = SOURCE[:start] + f"{printed}\n{questions}{answer_heading}\n{answers}" + SOURCE[end:]
    page = _built_page(tmp_path, text)
    assert {f"{role}-{n}" for role in ("vraag", "antwoord") for n in (3, 4, 5)} <= _anchors(page), printed
    answer = page[page.index("{#antwoord-3") : page.index("{#vraag-6")]
    for words in ("Nederland heeft samen met de andere EU-lidstaten", "Het kabinet heeft hier geen inzicht in.", "Het kabinet onderzoekt voortdurend"):
        assert words in answer, printed


def test_a_mededeling_in_place_of_answers_makes_the_questions_postponed(tmp_path: Path) -> None:
    header_end = SOURCE.index("Vraag 1\n")
    questions = "".join(
        f"Vraag {n}\n" + _section(SOURCE, f"Vraag {n}\n", f"Antwoord {n}\n") for n in range(1, 8)
    )
    notice = (
        "Mededeling van Minister Bruins Slot (Buitenlandse Zaken) (ontvangen 8 mei 2024).\n"
        "De vragen van het lid Klaver (GroenLinks-PvdA) over het bericht dat Corendon Russische\n"
        "toeristen naar de zon blijft vliegen kunnen niet binnen de gebruikelijke termijn worden\n"
        "beantwoord, omdat voor de beantwoording afstemming nodig is.\n"
    )
    head = SOURCE[:header_end].replace(
        "Antwoord van Minister Bruins Slot (Buitenlandse Zaken) (ontvangen 3 juni\n2024).\n", ""
    )
    page = _built_page(tmp_path, head + questions + notice)
    statuses = _headings(page)
    assert [anchor for _, anchor in statuses] == [f"vraag-{n}" for n in range(1, 8)]
    assert {status for status, _ in statuses} == {"uitgesteld"}
    assert "7 vragen (7 uitgesteld)" in page
    last = page[page.index("{#vraag-7") :]
    assert "Gaat u in gesprek met Corendon" in last
    # the notice is shown, under its own heading, not inside question 7
    question7 = last[: last.index("Mededeling van Minister")]
    assert "kunnen niet binnen de gebruikelijke termijn" not in question7
    assert "kunnen niet binnen de gebruikelijke termijn" in last
