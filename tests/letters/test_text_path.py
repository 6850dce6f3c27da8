"""The text path on the development letters: their `pdftotext` output (tests/fixtures/letters/,
default mode, as a user converts an official PDF) built as one corpus, each page checked against
what the PDF itself prints (tests/letters/expected.py, written by reading the PDFs)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.letters import checks
from tests.letters.expected import LETTERS

IDS = [letter.identifier for letter in LETTERS]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> checks.BuiltLetters:
    return checks.build_letters(tmp_path_factory.mktemp("letters-text"), ".txt")


@pytest.mark.parametrize("letter", LETTERS, ids=IDS)
def test_every_question_and_answer_number_has_its_anchor(built, letter) -> None:
    checks.check_anchors(built.pages[letter.identifier], letter)


@pytest.mark.parametrize("letter", LETTERS, ids=IDS)
def test_each_answer_stands_under_its_anchor_and_no_question_holds_it(built, letter) -> None:
    checks.check_answers(built.pages[letter.identifier], letter)


@pytest.mark.parametrize("letter", LETTERS, ids=IDS)
def test_every_footnote_is_on_the_page_referenced_from_its_word(built, letter) -> None:
    checks.check_footnotes(built.pages[letter.identifier], letter)


@pytest.mark.parametrize("letter", LETTERS, ids=IDS)
def test_no_furniture_in_the_text_and_the_identifier_links_to_the_publication(built, letter) -> None:
    checks.check_furniture(built.pages[letter.identifier], letter)


@pytest.mark.parametrize("letter", [letter for letter in LETTERS if letter.referrals], ids=lambda letter: letter.identifier)
def test_every_referral_links_to_the_right_answer(built, letter) -> None:
    checks.check_referrals(built.pages[letter.identifier], letter)


PDFTOTEXT_LOST = frozenset({"vuurwerkrampen-gepresenteerd"})
"""pdftotext joined this web address over its line end and dropped the address's own hyphen
(`vuurwerkrampengepresenteerd`); nothing in the text tells it was there."""


@pytest.mark.parametrize("letter", [letter for letter in LETTERS if letter.hyphens], ids=lambda letter: letter.identifier)
def test_words_split_at_a_line_end_read_whole_or_keep_the_hyphen_of_their_compound(built, letter) -> None:
    checks.check_hyphens(built.pages[letter.identifier], letter, PDFTOTEXT_LOST)


@pytest.mark.parametrize("letter", LETTERS, ids=IDS)
def test_the_metadata_is_read_from_the_document(built, letter) -> None:
    checks.check_metadata(built, letter)


@pytest.mark.parametrize("letter", LETTERS, ids=IDS)
def test_nothing_of_the_letter_is_lost(built, letter) -> None:
    checks.check_nothing_lost(built, letter.identifier)


def test_the_registers_list_askers_and_ministers_once_each(built) -> None:
    items = [checks.normalised(li.get_text()) for li in checks.load_html(built.site / "personen" / "index.html").select("article li")]
    # Dobbe (SP) asks in 1980 and 2129; Minister Bruins Slot answers 1893 (Buitenlandse Zaken) and 2129 (BZ)
    for name, role, page, letters in (
        ("Dobbe", "(SP) — Lid van de Tweede Kamer", "dobbe", 2),
        ("Bruins Slot", "— Minister (Buitenlandse Zaken)", "bruins-slot", 2),
        ("Heijnen", "— Staatssecretaris (Infrastructuur en Waterstaat)", "heijnen", 1),
    ):
        (entry,) = [item for item in items if item.startswith(f"{name} ")]
        assert entry.startswith(f"{name} {role}"), entry
        person = checks.load_html(built.site / "personen" / page / "index.html")
        listed = person.find(id="brieven").find_next("ul").find_all("li")
        assert len(listed) == letters and all("Aanhangsel," in li.get_text() for li in listed), page


def test_the_build_reports_no_problem(built) -> None:
    assert "0 problem(s)" in built.stderr, built.stderr
