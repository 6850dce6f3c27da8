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


# The development letters (tests/fixtures/letters/, read off the PDFs): the one referral from one
# answer to another, and sentences of their answers that name no other answer.
DEVELOPMENT_REFERRALS = [
    # ah-tk-20232024-2313, answer 9
    ("Zoals ik in het antwoord op vraag 7 aangeef, zoekt mijn ministerie samen met UWV uit wat de "
     "rapporten waarop de recente berichtgeving is gebaseerd precies inhouden.",
     ["het antwoord op vraag 7"], (7,)),
]
DEVELOPMENT_NON_REFERRALS = [
    # ah-tk-20232024-2129, answer 8: a Kamerbrief, not an answer
    "Graag verwijs ik u naar de Kamerbrief van 14 juli 2023 waarin uitgebreid wordt toegelicht "
    "waarom het aanvullend nationaal beleid, dat van toepassing was op onder andere Saoedi-Arabië "
    "en de Verenigde Arabische Emiraten, is afgeschaft.",
    # ah-tk-20232024-2313, answer 10: earlier answers, no number
    "Zoals in eerdere antwoorden aangegeven, kunnen er aan het vooronderzoek waarover EenVandaag "
    "berichtte geen conclusies worden verbonden aan de juistheid van de beoordelingen.",
    # ah-tk-20232024-1980, question 6
    "Bent u bereid om alle vragen apart te beantwoorden?",
    # ah-tk-20232024-2313, answer 6: years after a word that is no referral
    "De 60-plusmaatregel en de overwerkafspraken hebben er toe geleid dat UWV in 2023 14.000 meer "
    "WIA-claimbeoordelingen heeft kunnen doen dan in 2022.",
]

# Wordings real answer letters use that neither the seeds nor the development letters print:
# synthetic sentences in their shape (with `antwoord`, `beantwoording` or only `vraag`; with `zie`,
# `verwijs`, a possessive or none; to one number or several).
WORDINGS = [
    ("Zie mijn antwoord op vraag 3.", ["mijn antwoord op vraag 3"], (3,)),
    ("Ik verwijs naar de beantwoording van de vragen 2, 6 en 8.", ["de beantwoording van de vragen 2", "6", "8"], (2, 6, 8)),
    ("Voor de beantwoording van deze vraag verwijs ik naar de vragen 2, 6 en 8.", ["vragen 2", "6", "8"], (2, 6, 8)),
    ("Zie antwoord 4.", ["antwoord 4"], (4,)),
    ("Ik verwijs u naar mijn antwoorden 4 en 5.", ["mijn antwoorden 4", "5"], (4, 5)),
    ("Onze antwoorden op vragen 4 en 6 gaan hierop in.", ["Onze antwoorden op vragen 4", "6"], (4, 6)),
    ("Zie hiervoor mijn beantwoording van vraag 1 tot en met 3.", ["mijn beantwoording van vraag 1", "3"], (1, 2, 3)),
    ("Antwoord op vraag 5 geeft dit weer.", ["Antwoord op vraag 5"], (5,)),
    ("Zie vraag 2.", ["vraag 2"], (2,)),
]


@pytest.mark.parametrize(("text", "linked", "numbers"), DEVELOPMENT_REFERRALS + WORDINGS)
def test_referral_wordings_link_every_number(text, linked, numbers):
    (referral,) = find_referrals(text, "antwoord")
    assert referral.role == "antwoord" and referral.numbers == numbers
    assert [text[start:end] for _n, start, end in referral.links] == linked


@pytest.mark.parametrize("text", [*DEVELOPMENT_NON_REFERRALS, "In het antwoord 2024 staat niets."])
def test_sentences_that_name_no_other_answer_link_nothing(text):
    assert find_referrals(text, "antwoord") == ()
