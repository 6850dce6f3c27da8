"""Referrals on the real sentences: the nine in the answer letter (seeds/001 from line 388) and
the one in the written questions (seeds/000:50)."""

from __future__ import annotations

import pytest

from generator.link.referrals import find_referrals

PARTIES = ("GroenLinks-PvdA", "BBB")

# (seed line, paragraph text as parsed, referred text, numbers, party, linked texts)
ANSWER_LETTER_REFERRALS = [
    (605, "Zoals aangegeven bij vraag 1 is dit traject gestart in 2021. De (geo)politieke situatie was "
          "destijds anders dan nu.",
     "vraag 1", (1,), None, ["vraag 1"]),
    (615, "Ik verwijs u naar het antwoord op vraag 10.",
     "het antwoord op vraag 10", (10,), None, ["het antwoord op vraag 10"]),
    (626, "Zoals aangegeven in het antwoord op vraag 10 en 11 is het traject gestart in 2021. De "
          "Belastingdienst is toen uitgegaan van de standaard voor M365 en Windows 11.",
     "het antwoord op vraag 10 en 11", (10, 11), None, ["het antwoord op vraag 10", "11"]),
    (664, "Ik verwijs u hiervoor naar het antwoord op vraag 9.",
     "het antwoord op vraag 9", (9,), None, ["het antwoord op vraag 9"]),
    (684, "Zoals benadrukt in onder andere het antwoord op vraag 1 is het traject gestart in 2021.",
     "het antwoord op vraag 1", (1,), None, ["het antwoord op vraag 1"]),
    (712, "Er heeft, zoals eerder aangegeven, geen uitgebreide verkenning naar Europese alternatieven "
          "plaatsgevonden. Zoals aangegeven in het antwoord op vraag 9 heeft de Belastingdienst zich op "
          "bestaande openbare rapportages gebaseerd die in algemene zin spraken over de Europese markt "
          "voor cloud en software.",
     "het antwoord op vraag 9", (9,), None, ["het antwoord op vraag 9"]),
    (729, "Ik verwijs u hierbij naar het antwoord op de eerste vraag van de leden van de fractie van "
          "GroenLinks-PvdA.",
     "het antwoord op de eerste vraag van de leden van de fractie van GroenLinks-PvdA", (1,),
     "GroenLinks-PvdA", ["het antwoord op de eerste vraag van de leden van de fractie van GroenLinks-PvdA"]),
    (770, "Voor een dergelijke situatie geldt een exitstrategie en back-up oplossing zoals aangegeven in "
          "het antwoord op vraag 20.",
     "het antwoord op vraag 20", (20,), None, ["het antwoord op vraag 20"]),
    (800, "Hiervoor verwijs ik u naar het antwoord op vraag 18 en 20. De Belastingdienst heeft een "
          "exitstrategie opgesteld, deze kan vertrouwelijk ter inzage worden aangeboden.",
     "het antwoord op vraag 18 en 20", (18, 20), None, ["het antwoord op vraag 18", "20"]),
]


@pytest.mark.parametrize(("line", "text", "referred", "numbers", "party", "linked"), ANSWER_LETTER_REFERRALS)
def test_answer_letter_referrals(line, text, referred, numbers, party, linked):
    (referral,) = find_referrals(text, "antwoord", PARTIES)
    assert text[referral.start : referral.end] == referred
    assert (referral.role, referral.numbers, referral.party) == ("antwoord", numbers, party)
    assert [text[start:end] for _n, start, end in referral.links] == linked
    assert [number for number, _s, _e in referral.links] == list(numbers)


def test_there_are_nine_in_the_answer_letter():
    assert len(ANSWER_LETTER_REFERRALS) == 9


def test_bare_question_number_inside_a_written_question_points_at_a_question():
    """Question 12 of the written questions (seeds/000:50)."""
    text = ("Is, met inachtneming van vraag 9, het stallen van gegevens op Microsoft-datacentra binnen de "
            "Europese Economische Ruimte een legitiem middel om risico’s voor de autonomie en nationale "
            "veiligheid weg te nemen?")
    (referral,) = find_referrals(text, "vraag")
    assert text[referral.start : referral.end] == "vraag 9"
    assert (referral.role, referral.numbers, referral.party) == ("vraag", (9,), None)


def test_zie_het_antwoord_op_vraag():
    (referral,) = find_referrals("Zie het antwoord op vraag 22.", "antwoord")
    assert (referral.start, referral.end, referral.numbers) == (4, 28, (22,))


def test_party_as_prefix_and_a_range():
    text = "Zie het antwoord op vraag 3 t/m 5 van de BBB-fractie."
    (referral,) = find_referrals(text, "antwoord", PARTIES)
    assert (referral.numbers, referral.party) == ((3, 4, 5), "BBB")
    assert text[referral.start : referral.end] == "het antwoord op vraag 3 t/m 5 van de BBB-fractie"
    assert [n for n, _s, _e in referral.links] == [3, 5]  # 4 is covered but not printed


def test_unknown_party_is_read_as_its_first_word():
    (referral,) = find_referrals("het antwoord op vraag 2 van de leden van de fractie van SGP en", "antwoord")
    assert referral.party == "SGP"


@pytest.mark.parametrize(
    "text",
    [
        "De leden van de fractie van BBB vragen in hoeverre het besluit van 2021 met de kennis van nu nog "
        "hetzelfde zou luiden?",  # seeds/001:450
        "Inhoudelijk kan ik gezien de vertrouwelijkheid van het document niet ingaan bij de beantwoording "
        "van deze vraag.",  # seeds/001:742
        "Hierbij stuur ik u de beantwoording van het schriftelijk overleg dat uw Kamer heeft ingediend",
    ],
)
def test_no_referral(text):
    assert find_referrals(text, "antwoord", PARTIES) == ()
