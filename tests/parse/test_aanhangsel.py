"""An Aanhangsel answer letter (synthetic, in the published shape: tests/fixtures/aanhangsel)."""

from __future__ import annotations

import datetime
from pathlib import Path

from generator.model import Answer, Question
from generator.parse import parse_record
from generator.readers import read_source
from generator.render.dump import dump_record
from tests.golden_files import check_golden

FIXTURE = Path(__file__).resolve().parent.parent / "fixtures" / "aanhangsel" / "ah-tk-20252026-412.txt"
RECORD, DIAGNOSTICS = parse_record(read_source(FIXTURE, "fixtures/ah-tk-20252026-412.txt"))
(LETTER,) = RECORD.letters


def test_aanhangsel_metadata() -> None:
    assert (RECORD.kind, LETTER.kind, LETTER.chamber) == ("aanhangsel", "aanhangsel", "Tweede Kamer")
    assert LETTER.sent_on == datetime.date(2025, 11, 4)  # (ontvangen 4 november / 2025).
    assert LETTER.asked_on == datetime.date(2025, 10, 7)  # … over de overstap … (ingezonden 7 oktober 2025).
    assert LETTER.identifiers == ("ah-tk-20252026-412",) and RECORD.identifier == "ah-tk-20252026-412"
    assert [m.name for m in LETTER.askers] == ["Kathmann", "Six Dijkstra"]
    assert LETTER.sender.startswith("Staatssecretaris Van Oostenbruggen (Financiën)")
    assert LETTER.head[-1].text == "Zie ook Aanhangsel Handelingen, vergaderjaar 2025–2026, nr. 398."
    assert DIAGNOSTICS == ()


def test_aanhangsel_pairs_questions_and_answers_also_combined() -> None:
    asked = [b.numbers for b in LETTER.body if isinstance(b, Question)]
    answered = [b.numbers for b in LETTER.body if isinstance(b, Answer)]
    assert asked == answered == [(1,), (2, 3), (4, 5), (6,), (7,), (8,), (9,), (10,)]
    first = next(b for b in LETTER.body if isinstance(b, Question))
    assert first.paragraphs[0].text.startswith("Bent u bekend met het bericht")
    assert first.paragraphs[0].markers[0].number == 1  # the marker stood alone on its line


def test_aanhangsel_page_furniture_is_named_and_cut_off_the_heading() -> None:
    reasons = [(item.span.line, item.reason, item.text) for item in RECORD.furniture]
    assert (1, "document id", "ah-tk-20252026-412") in reasons
    assert (3, "page number", "412") in reasons
    assert any(reason == "ISSN" for _, reason, _ in reasons)
    assert any(reason == "running head" and line > 40 for line, reason, _ in reasons)
    sixth = next(b for b in LETTER.body if isinstance(b, Question) and b.number == 6)
    assert sixth.paragraphs[0].text.startswith("Acht u het onafhankelijk")
    assert [(n.number, n.text) for n in LETTER.footnotes] == [(1, "NOS.nl, 2 oktober 2025")]


def test_aanhangsel_model_matches_golden() -> None:
    check_golden(dump_record(RECORD), "model/aanhangsel-ah-tk-20252026-412.txt")
