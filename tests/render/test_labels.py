"""Dutch names for letters: readable titles from kind, sender or askers, and date; the vergaderjaar."""

from __future__ import annotations

import datetime
from dataclasses import replace

import pytest

from generator.model import APPENDIX_ANSWERS, LETTER, RECORD_APPENDIX, Member
from generator.render.labels import letter_title, sender_function, session_of

from tests.render.builders import SEED_000, letter, verslag_record, written_questions_record

COVER, COMMITTEE, ANSWERS = verslag_record().letters


def _title(letter_) -> str:
    return letter_title(verslag_record(), letter_)


def test_written_questions_are_titled_by_their_askers_and_subject() -> None:
    record = written_questions_record(subject="de overstap van de Belastingdienst naar Microsoft")
    assert letter_title(record, record.letters[0]) == (
        "Schriftelijke vragen van Kathmann en Six Dijkstra over de overstap van de Belastingdienst naar "
        "Microsoft, 7 oktober 2025"
    )


def test_a_committee_letter_is_titled_by_its_committee() -> None:
    # seeds/001 line 387: the signature prints "commissie voor" twice.
    assert _title(COMMITTEE) == "Brief van de commissie voor Digitalisering, 2 december 2025"
    assert _title(replace(COMMITTEE, sender=None)) == "Brief van de commissie, 2 december 2025"
    # seeds/001 lines 9-11: the cover note of the verslag, signed by the committee's griffier.
    assert _title(COVER) == "Verslag van de commissie voor Digitalisering, 12 februari 2026"


def test_an_answer_letter_names_the_sender_as_far_as_the_printed_heading_does() -> None:
    assert _title(ANSWERS) == (
        "Antwoordbrief van de staatssecretaris van Financiën - Fiscaliteit, Belastingdienst en Douane, 12 februari 2026"
    )
    # The printed heading's double space (seeds/001 line 389) does not matter.
    spaced = replace(ANSWERS, title="BRIEF VAN DE STAATSSECRETARIS VAN FINANCIËN -  FISCALITEIT, BELASTINGDIENST EN\nDOUANE")
    assert sender_function(spaced) == "de staatssecretaris van Financiën - Fiscaliteit, Belastingdienst en Douane"


def test_without_a_matching_heading_the_whole_sender_is_named() -> None:
    untitled = replace(ANSWERS, title=None)
    assert sender_function(untitled) == "de staatssecretaris van Financiën - Fiscaliteit, Belastingdienst en Douane, Eugène Heijnen"
    # A heading that names the sender only part of a word does not cut the sender.
    assert sender_function(replace(ANSWERS, title="BRIEF VAN DE STAATS")) == sender_function(untitled)
    assert _title(replace(ANSWERS, sender=None)) == "Antwoordbrief, 12 februari 2026"


def test_aanhangsel_answers_are_titled_as_answers_to_the_questions() -> None:
    answers = letter(0, APPENDIX_ANSWERS, path=SEED_000, sent_on=datetime.date(2025, 11, 4),
                     askers=(Member("Kathmann", "GroenLinks-PvdA"), Member("Six Dijkstra", None)),
                     subject="de overstap van de Belastingdienst naar Microsoft")
    record = replace(written_questions_record(), kind=RECORD_APPENDIX, letters=(answers,))
    assert letter_title(record, answers) == (
        "Antwoord op schriftelijke vragen van Kathmann en Six Dijkstra over de overstap van de Belastingdienst "
        "naar Microsoft, 4 november 2025"
    )
    bare = replace(answers, askers=(), subject=None, sender="Staatssecretaris Van Oostenbruggen (Financiën)")
    assert letter_title(record, bare) == "Antwoord van Staatssecretaris Van Oostenbruggen (Financiën), 4 november 2025"


def test_any_other_letter_is_named_by_its_kind_and_sender() -> None:
    other = replace(ANSWERS, kind=LETTER, title=None, sender="De minister van Binnenlandse Zaken")
    assert _title(other) == "Brief van de minister van Binnenlandse Zaken, 12 februari 2026"
    assert _title(replace(other, sent_on=None)) == "Brief van de minister van Binnenlandse Zaken, 12 februari 2026"
    assert letter_title(replace(verslag_record(), date=None), replace(other, sent_on=None)).endswith(", zonder datum")


@pytest.mark.parametrize(
    ("date", "session"),
    [
        (datetime.date(2026, 2, 12), "2025/26"),
        (datetime.date(2026, 9, 14), "2025/26"),  # the day before Prinsjesdag 2026
        (datetime.date(2026, 9, 15), "2026/27"),  # Prinsjesdag 2026: the third Tuesday of September
        (datetime.date(2024, 9, 17), "2024/25"),
        (datetime.date(1999, 12, 31), "1999/00"),
    ],
)
def test_the_vergaderjaar_begins_on_prinsjesdag(date: datetime.date, session: str) -> None:
    assert session_of(date) == session
