"""Citations: the publication as parliamentary citations name it, the question or answer, the permalink."""

from __future__ import annotations

import datetime
from dataclasses import replace

import pytest

from generator.model import APPENDIX_ANSWERS, RECORD_APPENDIX
from generator.render.citation import citation_text, part_label, permalink, publication_citation

from tests.render.builders import SEED_000, letter, verslag_record, written_questions_record

SITE = "https://kamerdossier.example/"
ANSWERS_PAGE = "eerste-kamer/2026-02-12/antwoordbrief.md"
ANSWER_7_URL = "https://kamerdossier.example/eerste-kamer/2026-02-12/antwoordbrief/#bbb-antwoord-7"
ANSWERS_TITLE = (
    "Antwoordbrief van de staatssecretaris van Financiën - Fiscaliteit, Belastingdienst en Douane, 12 februari 2026"
)


def _verslag(**fields):
    record = replace(verslag_record(), **fields)
    return record, record.letters[2]


def test_an_answer_in_a_verslag_of_two_dossiers_is_cited_as_a_kamerstuk() -> None:
    # seeds/001: Eerste Kamer, 12 februari 2026, dossiers 31066 and 26643 (its sidecar); no number known.
    record, answers = _verslag()
    assert citation_text(record, answers, "antwoord", "BBB", (7,), ANSWER_7_URL) == (
        "Kamerstukken I 2025/26, 31066/26643, antwoordbrief, 12 februari 2026, antwoord op vraag 7 (BBB), "
        + ANSWER_7_URL
    )
    assert publication_citation(record, record.letters[1]) == (
        "Kamerstukken I 2025/26, 31066/26643, brief van de commissie, 2 december 2025"
    )


def test_the_vergaderjaar_is_the_publications() -> None:
    # A letter of June answered in October: the verslag, published in October, is of the new vergaderjaar.
    record, answers = _verslag(date=datetime.date(2025, 10, 2))
    assert publication_citation(record, replace(answers, sent_on=datetime.date(2025, 6, 30))).startswith(
        "Kamerstukken I 2025/26, 31066/26643, antwoordbrief, 30 juni 2025"
    )


@pytest.mark.parametrize(
    ("identifier", "cited"),
    [
        ("kst-31066-1234", "Kamerstukken I 2025/26, 31066/26643, nr. 1234, antwoordbrief, 12 februari 2026"),
        ("kst-26643-AR", "Kamerstukken I 2025/26, 31066/26643, AR, antwoordbrief, 12 februari 2026"),
        # an identifier of another dossier says nothing about this record's number
        ("kst-36600-VII-1", "Kamerstukken I 2025/26, 31066/26643, antwoordbrief, 12 februari 2026"),
    ],
)
def test_the_number_comes_only_from_an_identifier_of_one_of_its_dossiers(identifier: str, cited: str) -> None:
    record, answers = _verslag(identifier=identifier)
    assert publication_citation(record, answers) == cited


def test_a_numbered_single_letter_needs_no_further_name() -> None:
    record = written_questions_record(identifier="kst-36600-VII-12", dossiers=("36600 VII",))
    assert publication_citation(record, record.letters[0]) == "Kamerstukken II 2025/26, 36600 VII, nr. 12"
    # without dossiers in the sidecar, the identifier's dossier is the one
    record = written_questions_record(identifier="kst-36600-VII-12")
    assert publication_citation(record, record.letters[0]) == "Kamerstukken II 2025/26, 36600-VII, nr. 12"


def test_aanhangsel_answers_are_cited_by_their_identifier() -> None:
    answers = replace(letter(0, APPENDIX_ANSWERS, path=SEED_000, sent_on=datetime.date(2025, 11, 4),
                             chamber="Tweede Kamer"), identifiers=("ah-tk-20252026-412",))
    record = replace(written_questions_record(), kind=RECORD_APPENDIX, letters=(answers,), identifier="ah-tk-20252026-412")
    assert citation_text(record, answers, "antwoord", None, (4, 5), "tweede-kamer/2025-11-04/aanhangsel/#antwoord-4") == (
        "Aanhangsel Handelingen II 2025/26, nr. 412, antwoord op vraag 4 en 5, tweede-kamer/2025-11-04/aanhangsel/#antwoord-4"
    )
    first = replace(record, identifier="ah-ek-20242025-12", letters=(replace(answers, identifiers=()),))
    assert publication_citation(first, first.letters[0]) == "Aanhangsel Handelingen I 2024/25, nr. 12"


def test_a_letter_without_a_publication_number_is_cited_by_kind_sender_and_date() -> None:
    record = written_questions_record(subject="de overstap van de Belastingdienst naar Microsoft")
    assert publication_citation(record, record.letters[0]) == (
        "Schriftelijke vragen van Kathmann en Six Dijkstra over de overstap van de Belastingdienst naar "
        "Microsoft, 7 oktober 2025"
    )


def test_what_is_not_known_is_not_cited_as_a_kamerstuk() -> None:
    record, answers = _verslag()
    title = ANSWERS_TITLE
    assert publication_citation(replace(record, dossiers=()), answers) == title
    assert publication_citation(record, replace(answers, chamber="Staten-Generaal")) == title
    undated = replace(record, date=None)
    assert publication_citation(undated, replace(answers, sent_on=None)) == title.replace("12 februari 2026", "zonder datum")


def test_parts_are_named_as_the_headings_name_them() -> None:
    assert part_label("vraag", None, (3,)) == "vraag 3"
    assert part_label("antwoord", "GroenLinks-PvdA", (1,)) == "antwoord op vraag 1 (GroenLinks-PvdA)"
    assert part_label("antwoord", None, (4, 5, 6)) == "antwoord op vraag 4, 5 en 6"


@pytest.mark.parametrize("site", [SITE, "https://kamerdossier.example", " https://kamerdossier.example/ "])
def test_a_permalink_is_absolute_with_the_sites_address(site: str) -> None:
    assert permalink(ANSWERS_PAGE, "bbb-antwoord-7", site) == ANSWER_7_URL


def test_without_the_sites_address_a_permalink_is_relative_to_the_sites_root() -> None:
    assert permalink(ANSWERS_PAGE, "bbb-antwoord-7", None) == "eerste-kamer/2026-02-12/antwoordbrief/#bbb-antwoord-7"
    assert permalink("tweede-kamer/2025-10-07/schriftelijke-vragen.md", "vraag-3", "") == (
        "tweede-kamer/2025-10-07/schriftelijke-vragen/#vraag-3"
    )
