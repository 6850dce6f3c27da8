"""Segmentation, metadata, questions and answers of the two real seed records."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from generator.errors import ParseError, ReadError
from generator.model import Answer, Heading, Member, Paragraph, Question, SourceText
from generator.parse import parse_record
from generator.readers import read_source

SEEDS = Path(__file__).resolve().parent.parent.parent / "seeds"
WRITTEN, _ = parse_record(read_source(SEEDS / "000_04ae587ba6eeb66d.txt", "seeds/000_04ae587ba6eeb66d.txt"))
OVERLEG, OVERLEG_DIAGNOSTICS = parse_record(read_source(SEEDS / "001_dfb242f75dbdc9fb.txt", "seeds/001_dfb242f75dbdc9fb.txt"))
COVER, COMMITTEE, ANSWERS = OVERLEG.letters


def questions(letter, party=None):
    return [b for b in letter.body if isinstance(b, Question) and b.party == party]


def answers(letter, party=None):
    return [b for b in letter.body if isinstance(b, Answer) and b.party == party]


def text_of(block) -> str:
    return " ".join(p.text for p in block.paragraphs)


def test_written_questions_metadata() -> None:
    (letter,) = WRITTEN.letters
    assert (letter.kind, letter.chamber, letter.sent_on) == ("schriftelijke-vragen", "Tweede Kamer", datetime.date(2025, 10, 7))
    assert letter.askers == (Member("Kathmann", "GroenLinks-PvdA"), Member("Six Dijkstra", "Nieuw Sociaal Contract"))
    assert letter.addressee == "de staatssecretarissen van Financiën en van Binnenlandse Zaken en Koninkrijksrelaties"
    assert letter.subject == "de overstap van de Belastingdienst naar Microsoft"


def test_written_questions_are_numbered_1_to_21_with_the_number_taken_off() -> None:
    found = questions(WRITTEN.letters[0])
    assert [q.number for q in found] == list(range(1, 22))
    assert text_of(found[0]).startswith("Bent u bekend met het bericht")  # Vraag 1Bent
    assert text_of(found[9]).startswith("Kunt u de gekozen exitstrategie")  # Vraag 10Kunt
    assert found[0].paragraphs[0].markers[0].number == 1


def test_written_questions_footnotes_belong_to_their_letter() -> None:
    notes = WRITTEN.letters[0].footnotes
    assert [(n.number, n.text) for n in notes][0] == (1, "NOS.nl, 2 oktober 2025")
    assert len(notes) == 4


def test_overleg_holds_cover_note_committee_letter_and_answer_letter() -> None:
    assert (OVERLEG.kind, OVERLEG.chamber) == ("verslag-schriftelijk-overleg", "Eerste Kamer")
    assert [letter.kind for letter in OVERLEG.letters] == ["verslag", "commissiebrief", "antwoordbrief"]
    assert COVER.sender == "De griffier van de vaste commissie voor Digitalisering, Van Dooren"
    assert COMMITTEE.sent_on == datetime.date(2025, 12, 2)
    assert COMMITTEE.sender == "mr. G.V.M. Veldhoen, Voorzitter van de vaste commissie voor commissie voor Digitalisering"
    assert ANSWERS.sent_on == datetime.date(2026, 2, 12)
    assert ANSWERS.addressee == "de Voorzitter van de Eerste Kamer der Staten-Generaal"
    assert ANSWERS.sender.endswith("Eugène Heijnen")
    assert [[n.number for n in letter.footnotes] for letter in OVERLEG.letters] == [[1, 2], [3, 4, 5, 6, 7, 8, 9], [10, 11, 12]]


def test_footnotes_are_keyed_by_letter_index_and_number() -> None:
    assert [n.key for n in COMMITTEE.footnotes] == ["fn1-3", "fn1-4", "fn1-5", "fn1-6", "fn1-7", "fn1-8", "fn1-9"]
    keys = [n.key for letter in OVERLEG.letters for n in letter.footnotes]
    assert keys[:2] == ["fn0-1", "fn0-2"] and keys[-1] == "fn2-12" and len(set(keys)) == len(keys)


def test_cover_note_footnote_without_marker_is_a_warning() -> None:
    assert not COVER.footnotes[0].referenced
    warnings = [d for d in OVERLEG_DIAGNOSTICS if d.severity == "warning"]
    assert [str(d).split(":")[:2] for d in warnings] == [["seeds/001_dfb242f75dbdc9fb.txt", "13"]]


def test_committee_letter_has_one_groenlinks_question_and_24_bbb_questions() -> None:
    (gl,) = questions(COMMITTEE, "GroenLinks-PvdA")
    assert not gl.numbered and gl.number == 1
    assert text_of(gl).startswith("De leden van de fractie van GroenLinks-PvdA vragen u of zij hierin kunnen lezen")
    assert [c.text[:40] for c in gl.context] == ["De Belastingdienst heeft na een lang pro", "De leden van de fractie van GroenLinks-P"]
    assert [q.number for q in questions(COMMITTEE, "BBB")] == list(range(1, 25))


def test_committee_question_context_stays_with_the_question_it_precedes() -> None:
    bbb = questions(COMMITTEE, "BBB")
    assert [c.text[:30] for c in bbb[0].context] == [
        "In uw brief schrijft u dat “de",
        "Tussen het oorspronkelijke bes",
    ]
    assert bbb[1].context == ()
    assert text_of(bbb[13]).endswith("Kunt u dit nader toelichten?")  # question 14 goes on after a break
    assert "Zo nee, waarom niet?" in text_of(bbb[4])


def test_the_bbb_section_opens_with_an_introduction_to_all_its_questions() -> None:
    """seeds/001_… lines 70-82: the heading, then `Ondanks de conclusie … Zij hebben met name vragen
    over … Deze vragen zijn bedoeld om …`: about all 24 questions, so no context of question 1."""
    heading = next(i for i, b in enumerate(COMMITTEE.body) if isinstance(b, Heading) and b.party == "BBB")
    introduction, first = COMMITTEE.body[heading + 1], COMMITTEE.body[heading + 2]
    assert isinstance(introduction, Paragraph) and introduction.text.startswith("Ondanks de conclusie uit uw brief")
    assert isinstance(first, Question) and first.number == 1
    (gl,) = questions(COMMITTEE, "GroenLinks-PvdA")
    assert len(gl.context) == 2  # lines 42-58 lead up to GroenLinks-PvdA's one question: no introduction


def test_committee_closing_is_no_part_of_the_last_question() -> None:
    """seeds/001_… lines 379-387: the closing formula and the signature close the letter."""
    last = questions(COMMITTEE, "BBB")[-1]
    assert text_of(last).endswith("plotselinge blokkade van diensten door Amerikaanse sancties?")
    closing = COMMITTEE.body[COMMITTEE.closing:]
    assert [p.text[:40] for p in closing] == [
        "De leden van de vaste commissie voor Dig",
        "mr. G.V.M. Veldhoen",
        "Voorzitter van de vaste commissie voor c",
    ]
    assert COMMITTEE.body[COMMITTEE.closing - 1] is last
    assert ANSWERS.closing is None  # the answer letter signs its opening note (lines 398-400), not its end


def test_answer_letter_quotes_each_question_then_answers_it() -> None:
    bbb_questions, bbb_answers = questions(ANSWERS, "BBB"), answers(ANSWERS, "BBB")
    assert [q.number for q in bbb_questions] == list(range(1, 25))
    assert [a.number for a in bbb_answers] == list(range(1, 25))
    assert all(q.quoted for q in bbb_questions)
    assert text_of(bbb_answers[23]).startswith("Hiervoor verwijs ik u naar het antwoord op vraag 18 en 20")
    assert "In hoeverre is de monitoring" not in text_of(bbb_answers[23])
    assert text_of(bbb_answers[15]).startswith("De Belastingdienst herkent de genoemde alternatieven.")  # after a page break
    assert text_of(bbb_answers[10]) == "Ik verwijs u naar het antwoord op vraag 10."


def test_answer_letter_context_quotes_are_marked_and_stay_out_of_answers() -> None:
    bbb_questions, bbb_answers = questions(ANSWERS, "BBB"), answers(ANSWERS, "BBB")
    assert [(c.text[:30], c.quoted) for c in bbb_questions[6].context] == [("U heeft het in uw brief over m", True)]
    assert not any(p.quoted for a in bbb_answers for p in a.paragraphs)
    assert "De brief noemt vier scenario" not in text_of(bbb_answers[7])


def test_groenlinks_question_and_answer_are_told_apart_within_paragraphs() -> None:
    """seeds/001_… lines 403-443: the minister quotes the members' reading (403-407), answers it in
    his own words (`Allereerst wil ik graag aangeven dat …`, 409-413), then quotes their question
    (415-422) and answers on, quoting a further question (430) on the way."""
    (question,) = questions(ANSWERS, "GroenLinks-PvdA")
    (answer,) = answers(ANSWERS, "GroenLinks-PvdA")
    assert [(c.text[:40], c.quoted) for c in question.context] == [("De leden van de fractie van GroenLinks-P", True)]
    assert question.paragraphs == ()
    pieces = [(p.text[:40], p.quoted) for p in answer.paragraphs]
    assert pieces == [
        ("Allereerst wil ik graag aangeven dat de ", False),
        ("De leden van de fractie van GroenLinks-P", True),
        ("Wat betreft de situatie met betrekking t", False),
        ("De leden van de fractie van GroenLinks-P", True),
        ("In de risicoanalyse die de Belastingdien", False),
        ("Zoals aangegeven in de brief van 2 oktob", False),
    ]
    assert answer.paragraphs[1].text.endswith("of de Belastingdienst dan nog op een aanvaardbaar niveau kan functioneren.")
    assert answer.paragraphs[3].text.startswith("De leden van de fractie van GroenLinks-PvdA vragen daarnaast")
    assert (answer.span.line, answer.span.end_line) == (409, 443)


def test_section_headings_carry_their_party() -> None:
    headings = [(b.party, b.text) for b in ANSWERS.body if isinstance(b, Heading)]
    assert headings == [
        ("GroenLinks-PvdA", "Vragen van de leden van de fractie GroenLinks-PvdA"),
        ("BBB", "Vragen van de leden van de fractie van BBB"),
    ]


def source(lines: tuple[str, ...]) -> SourceText:
    return SourceText("seeds/bad.txt", lines)


def test_a_letter_without_questions_is_an_error_with_its_place() -> None:
    with pytest.raises(ParseError, match=r"^seeds/bad\.txt:1: no recognisable questions or answers — Geachte voorzitter"):
        parse_record(source(("Geachte voorzitter,", "", "Hierbij bied ik u de stukken aan.")))


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", r"seeds/bad\.txt:1: empty file"),
        (b"  \n\n", r"seeds/bad\.txt:1: empty file"),
        (b"Vraag 1\nBent u\x00", r"seeds/bad\.txt:2: binary file"),
        ("Vraag 1Bent u bekend met het bericht\n".encode("utf-8") + "café".encode("latin-1"), r"seeds/bad\.txt:2: not valid UTF-8"),
    ],
    ids=["empty", "blank", "binary", "latin-1"],
)
def test_unreadable_files_are_errors_with_their_place(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(ReadError, match=message):
        read_source(path, "seeds/bad.txt")


def test_a_paragraph_is_split_only_where_the_source_splits_it() -> None:
    """The committee letter is double-spaced: lines 276-278, 288-296 and 298-314 each wrap inside one
    paragraph after a full line ending a sentence (`… zouden passen. ` / `Kunt u dit nader
    toelichten?`), as the answer letter, single-spaced, prints them (lines 661-662, 671-674, 695-703).
    Lines 150-154 and 234-240 end their paragraph (`… vastleggen?` without a space after it)."""
    bbb = questions(COMMITTEE, "BBB")
    assert [p.text for p in bbb[13].paragraphs] == [
        "U gaat niet in op welke alternatieven zijn bekeken en waarom deze niet zouden passen. Kunt u dit nader toelichten?"
    ]
    assert len(bbb[14].paragraphs) == 1 and bbb[14].paragraphs[0].text.endswith("voor meer soevereiniteit?")
    assert len(bbb[15].context) == 1 and bbb[15].context[0].text.endswith("Nextcloud Talk (Zwitserland), Jitsi Meet of Element.")
    assert bbb[3].paragraphs[0].text.endswith("voor lange tijd vastleggen?") and len(bbb[4].context) == 1
    assert bbb[10].paragraphs[0].text.endswith("de uitkomst beïnvloeden?") and len(bbb[11].context) == 1


def test_signatories_and_the_committees_members_as_printed() -> None:
    """Signatures (seeds/001_… lines 9-11, 385-387, 398-400) and footnote 2's `Samenstelling:` (14-20)."""
    assert [(l.signatory.name, l.signatory.role) for l in OVERLEG.letters] == [
        ("Van Dooren", "De griffier van de vaste commissie voor Digitalisering"),
        ("mr. G.V.M. Veldhoen", "Voorzitter van de vaste commissie voor commissie voor Digitalisering"),
        ("Eugène Heijnen", "De staatssecretaris van Financiën - Fiscaliteit, Belastingdienst en Douane"),
    ]
    members = COVER.committee
    assert len(members) == 26 and members[0] == Member("Baumgarten", "JA21")
    assert Member("Van Gasteren", "BBB", "ondervoorzitter") in members
    assert Member("Veldhoen", "GroenLinks-PvdA", "voorzitter") in members
    assert Member("Van de Sanden", "Fractie-Van de Sanden") in members  # wrapped over lines 18-19
    assert Member("Visseren-Hamakers", "Fractie-Visseren-Hamakers") in members  # hyphen at the line end, 19-20
    assert [m.role for m in members if m.role] == ["ondervoorzitter", "voorzitter"]
    assert COMMITTEE.committee == () and WRITTEN.letters[0].signatory is None
