"""The answer status rule on the real answers of the seed answer letter (seeds/001)."""

from __future__ import annotations

import pytest

from generator.link.status import answer_status, list_statuses
from generator.model import LetterKey, Target, Thread

from .builders import SEED_000, SEED_001, answer, letter, paragraph, question, record

BBB_ANSWERS = {
    10: (605, "Zoals aangegeven bij vraag 1 is dit traject gestart in 2021. De (geo)politieke situatie was "
              "destijds anders dan nu. Het versterken van de digitale autonomie speelde toen een beperktere "
              "rol in de afweging. De Belastingdienst heeft destijds, net als veel andere "
              "overheidsorganisaties gekozen voor de standaard van Windows 11 en M365."),
    11: (615, "Ik verwijs u naar het antwoord op vraag 10."),
    14: (664, "Ik verwijs u hiervoor naar het antwoord op vraag 9."),
    17: (729, "Ik verwijs u hierbij naar het antwoord op de eerste vraag van de leden van de fractie van "
              "GroenLinks-PvdA."),
    18: (739, "De leden van de fractie van BBB geven aan dat de details omtrent de exitstrategie ontbreken. Ik "
              "wil daarbij graag aangeven dat naar aanleiding van eerdere schriftelijke vragen vanuit de Tweede "
              "Kamer deze exitstrategie vertrouwelijk ter inzage is aangeboden aan de Tweede Kamer. Desgewenst "
              "kan dat ook voor de Eerste Kamer gebeuren. Inhoudelijk kan ik gezien de vertrouwelijkheid van "
              "het document niet ingaan bij de beantwoording van deze vraag."),
    19: (748, "Dit is onderdeel van contracten en afspraken tussen de Belastingdienst, SLM Rijk en Microsoft en "
              "zijn derhalve contractueel vertrouwelijk."),
    21: (770, "Het scenario dat de diensten worden stopgezet nadat statelijke actoren druk uitoefenen op de "
              "leverancier is meegenomen in de risicoanalyse. Voor een dergelijke situatie geldt een "
              "exitstrategie en back-up oplossing zoals aangegeven in het antwoord op vraag 20."),
    24: (800, "Hiervoor verwijs ik u naar het antwoord op vraag 18 en 20. De Belastingdienst heeft een "
              "exitstrategie opgesteld, deze kan vertrouwelijk ter inzage worden aangeboden."),
    5: (526, "Nee, dat is niet het geval. De Belastingdienst volgt hierin het beleid dat geldt voor de hele "
             "Rijksoverheid."),
}


def bbb(number: int):
    line, text = BBB_ANSWERS[number]
    return answer(number, "BBB", paragraph(f"p{line}", text, line))


@pytest.mark.parametrize(
    ("number", "status"),
    [
        (11, "verwijzing"),
        (14, "verwijzing"),
        (17, "verwijzing"),
        (18, "vertrouwelijk"),
        (19, "vertrouwelijk"),
        (24, "verwijzing"),
        (10, "beantwoord"),  # refers on, but says something of its own
        (21, "beantwoord"),
        (5, "beantwoord"),
    ],
)
def test_status_of_real_bbb_answers(number, status):
    assert answer_status(bbb(number)) == status


def test_answer_24_refers_and_only_offers_confidential_inspection():
    """BBB 24 declines nothing: it points to 18 and 20 and offers the exit strategy for inspection."""
    assert answer_status(bbb(24)) == "verwijzing"


def test_quoted_paragraphs_inside_an_answer_are_not_the_answer():
    """GroenLinks-PvdA 1 (seeds/001:424-439) repeats a question inside the answer."""
    quoted = paragraph("p73.1", "De leden van de fractie van GroenLinks-PvdA vragen daarnaast of de Belastingdienst "
                       "nog steeds op een aanvaardbaar niveau kan functioneren indien de Belastingdienst op "
                       "dezelfde wijze zou worden behandeld als het ICC.", 430, quoted=True)
    referral = paragraph("p108", "Ik verwijs u naar het antwoord op vraag 10.", 615)
    assert answer_status(answer(1, "GroenLinks-PvdA", quoted, referral)) == "verwijzing"


def test_an_answer_without_sentences_of_its_own_is_not_yet_answered():
    assert answer_status(answer(3, "BBB")) == "geen antwoord op deze site"


def test_an_answer_that_only_offers_confidential_inspection_is_confidential():
    only_offer = paragraph("p1", "De Belastingdienst heeft een exitstrategie opgesteld, deze kan vertrouwelijk "
                           "ter inzage worden aangeboden.", 800)
    assert answer_status(answer(24, "BBB", only_offer)) == "vertrouwelijk"


def test_list_statuses_gives_questions_the_status_of_their_answer_or_none():
    asked = letter(1, "commissiebrief",
                   question(11, "BBB", paragraph("p35", "Hoe is de weging van criteria gevalideerd?", 234)),
                   question(12, "BBB", paragraph("p37", "Met welke andere uitvoeringsorganisaties?", 248)))
    answered = letter(2, "antwoordbrief", bbb(11))
    thread = Thread(Target(LetterKey(SEED_001, 1), "vraag", "BBB", 11), Target(LetterKey(SEED_001, 2), "antwoord", "BBB", 11))
    statuses = list_statuses((record(SEED_001, letter(0, "verslag"), asked, answered),), (thread,))
    assert statuses == (
        (Target(LetterKey(SEED_001, 1), "vraag", "BBB", 11), "verwijzing"),
        (Target(LetterKey(SEED_001, 1), "vraag", "BBB", 12), "geen antwoord op deze site"),
        (Target(LetterKey(SEED_001, 2), "antwoord", "BBB", 11), "verwijzing"),
    )


def test_written_questions_without_an_aanhangsel_are_not_yet_answered():
    asked = letter(0, "schriftelijke-vragen", question(1, None, paragraph(
        "p3", "Bent u bekend met het bericht ‘Belastingdienst verplaatst mail naar Microsoft, ondanks zorgen "
        "over meekijken VS’?", 7, SEED_000)), path=SEED_000)
    assert list_statuses((record(SEED_000, asked),), ()) == (
        (Target(LetterKey(SEED_000, 0), "vraag", None, 1), "geen antwoord op deze site"),
    )


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Ja.", "beantwoord"),  # answer 1 of ah-tk-20232024-1893, -2129, -2313, -2395
        ("Zie mijn antwoord op vraag 3.", "verwijzing"),  # synthetic: a possessive referral alone
        ("Ik verwijs naar de beantwoording van de vragen 2, 6 en 8.", "verwijzing"),  # synthetic
    ],
)
def test_an_answer_that_is_only_ja_or_only_a_referral(text, status):
    assert answer_status(answer(1, None, paragraph("p1", text, 1))) == status



def test_a_confidentiality_word_with_a_dotted_capital_i_still_declines() -> None:
    # Synthetic (no letter writes so): the rule first looks for `geheim` in the folded sentence.
    assert answer_status(answer(1, "BBB", paragraph("p1", "Daarover kan ik geen uitspraken doen: het is GEHEİM.", 1))) == "vertrouwelijk"
