"""Referrals resolve to the question or answer they name, or are reported at path:line."""

from __future__ import annotations

from dataclasses import replace

from generator.link.resolve import resolve_record
from generator.model import LetterKey, Target, TextLink

from .builders import SEED_000, SEED_001, answer, heading, letter, paragraph, question, record

A10 = "Zoals aangegeven bij vraag 1 is dit traject gestart in 2021."
A11 = "Ik verwijs u naar het antwoord op vraag 10."
A17 = ("Ik verwijs u hierbij naar het antwoord op de eerste vraag van de leden van de fractie van "
       "GroenLinks-PvdA.")
A24 = ("Hiervoor verwijs ik u naar het antwoord op vraag 18 en 20. De Belastingdienst heeft een "
       "exitstrategie opgesteld, deze kan vertrouwelijk ter inzage worden aangeboden.")


def answer_letter():
    body = [
        heading("Vragen van de leden van de fractie GroenLinks-PvdA", 401, "GroenLinks-PvdA"),
        answer(1, "GroenLinks-PvdA", paragraph("p72", "Het kabinet kan hier geen uitspraken over doen.", 424)),
        heading("Vragen van de leden van de fractie van BBB", 445, "BBB"),
    ]
    for number, (key, text, line) in {
        1: ("p78", "De keuze voor M365 is gemaakt in 2021.", 453),
        10: ("p106", A10, 605),
        11: ("p108", A11, 615),
        17: ("p129", A17, 729),
        18: ("p132", "Inhoudelijk kan ik gezien de vertrouwelijkheid van het document niet ingaan.", 739),
        24: ("p146", A24, 800),
    }.items():
        body.append(answer(number, "BBB", paragraph(key, text, line)))
    return letter(2, "antwoordbrief", *body)


def target(party, number, role="antwoord", path=SEED_001, index=2):
    return Target(LetterKey(path, index), role, party, number)


def test_referrals_link_to_answers_of_the_own_party_unless_named():
    links, diagnostics = resolve_record(record(SEED_001, answer_letter()))
    assert links == (
        TextLink(SEED_001, "p106", 21, 28, target=target("BBB", 1)),
        TextLink(SEED_001, "p108", 18, 42, target=target("BBB", 10)),
        TextLink(SEED_001, "p129", 26, 105, target=target("GroenLinks-PvdA", 1)),
        TextLink(SEED_001, "p146", 27, 51, target=target("BBB", 18)),
    )
    # BBB 24 refers to 18 (linked) and 20 (absent from this small letter): 20 is reported, not dropped
    assert [str(d) for d in diagnostics] == [
        "seeds/001_dfb242f75dbdc9fb.txt:800: referral to antwoord 20 of BBB: no such antwoord in this record"
        " — het antwoord op vraag 18 en 20"
    ]


def test_second_number_links_its_digits_only():
    short = answer_letter()
    full = replace(short, body=short.body + (answer(20, "BBB", paragraph("p136", "Eén van de doelen.", 755)),))
    links, diagnostics = resolve_record(record(SEED_001, full))
    in_24 = [(A24[link.start:link.end], link.target.number) for link in links if link.paragraph == "p146"]
    assert in_24 == [("het antwoord op vraag 18", 18), ("20", 20)]
    assert diagnostics == ()


def test_bare_question_number_in_written_questions_links_to_the_question():
    text = ("Is, met inachtneming van vraag 9, het stallen van gegevens op Microsoft-datacentra binnen de "
            "Europese Economische Ruimte een legitiem middel om risico’s voor de autonomie en nationale "
            "veiligheid weg te nemen?")
    asked = letter(0, "schriftelijke-vragen",
                   question(9, None, paragraph("p11", "Kunt u alle documentatie over de risico-afweging ... delen?", 35, SEED_000)),
                   question(12, None, paragraph("p14", text, 50, SEED_000)), path=SEED_000)
    links, diagnostics = resolve_record(record(SEED_000, asked))
    assert links == (TextLink(SEED_000, "p14", 25, 32, target=target(None, 9, "vraag", SEED_000, 0)),)
    assert diagnostics == ()


def test_referral_to_an_answer_in_another_letter_of_the_record():
    """A follow-up committee letter can point at the answer letter before it."""
    follow_up = letter(3, "commissiebrief", heading("Vragen van de leden van de fractie van BBB", 900, "BBB"),
                       question(1, "BBB", paragraph("p200", A11, 901)))
    links, _ = resolve_record(record(SEED_001, answer_letter(), follow_up))
    assert links[-1] == TextLink(SEED_001, "p200", 18, 42, target=target("BBB", 10))


def test_bare_question_number_in_a_quote_inside_an_answer_names_the_question():
    """An answer letter can repeat a question inside an answer (seeds/001:430, `quoted`)."""
    quoted = paragraph("p73.1", "Is, met inachtneming van vraag 9, het stallen van gegevens een legitiem middel?",
                       430, quoted=True)
    answers = letter(2, "antwoordbrief",
                     question(9, "BBB", paragraph("p102", "Kunt u een gedetailleerd overzicht geven?", 583, quoted=True),
                              quoted=True),
                     answer(9, "BBB", paragraph("p103", "Er bestaat geen gedetailleerd overzicht.", 587)),
                     answer(12, "BBB", quoted))
    (link,), _ = resolve_record(record(SEED_001, answers))
    assert link.target == target("BBB", 9, "vraag")
