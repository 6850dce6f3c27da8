"""Line-end hyphens decided by words: the cases are taken from the development letters
(tests/fixtures/letters/, read off their PDFs) and the seeds; each says where it comes from."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.parse.hyphens import LetterWords, join_broken_line, keeps_hyphen, restore_dropped, vocabulary
from tests.letters.expected import LETTERS

IN_ADDRESSES = {"vuurwerkrampen-gepresenteerd"}
"""Hyphens inside a footnote's web address: tested below with the address around them."""
LETTER_FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "letters"


@pytest.mark.parametrize(
    ("letter", "hyphen"),
    [(letter.identifier, hyphen) for letter in LETTERS for hyphen in letter.hyphens if hyphen.word not in IN_ADDRESSES],
    ids=lambda value: getattr(value, "printed", value),
)
def test_the_printed_line_end_hyphens_of_the_development_letters(letter: str, hyphen) -> None:
    before, after = hyphen.printed.split("|")
    text = _letter_text(letter)
    joined = join_broken_line(f"tekst {before}", f"{after} tekst", vocabulary(text.splitlines()))
    assert joined == f"tekst {hyphen.word} tekst"


def _letter_text(identifier: str) -> str:
    return (LETTER_FIXTURES / f"{identifier}.txt").read_text(encoding="utf-8")


def test_the_letter_vocabulary_decides_first() -> None:
    # ah-tk-20232024-1980 prints `zorgaanbie-`|`der` across a page break, and `zorgaanbieder` whole.
    assert not keeps_hyphen("zorgaanbie", "der", frozenset({"zorgaanbieder"}))
    # a letter that prints the compound with its hyphen keeps it (seed: `motie-Kathmann`)
    assert keeps_hyphen("motie", "kathmann", frozenset({"motie-kathmann"}))


@pytest.mark.parametrize(
    ("before", "after", "joined"),
    [
        ("de beoorde-", "ling van", "de beoordeling van"),  # a split word: the lexicon knows it
        ("de consumentenvuurwerkop-", "slag te soepel", "de consumentenvuurwerkopslag te soepel"),  # 1771
        ("van de Universi-", "teit Twente", "van de Universiteit Twente"),  # 1771
        ("de motie Joseph-", "Agema,", "de motie Joseph-Agema,"),  # 1980: a capital after the hyphen
        ("een te lage WIA-", "uitkering", "een te lage WIA-uitkering"),  # 2313: capitals before it
        ("van mogelijke massa-", "explosies", "van mogelijke massa-explosies"),  # 1771: a-e run together
        ("naar sociaal-", "medische beoordelingen", "naar sociaal-medische beoordelingen"),  # 2313: two words
        ("aan de kwaliteits-", "en transporteisen", "aan de kwaliteits- en transporteisen"),  # 1771: cut short
        ("het vergaderjaar 2023-", "2024", "het vergaderjaar 2023-2024"),  # digits: no word to decide
    ],
)
def test_spelling_rules_and_the_lexicon(before: str, after: str, joined: str) -> None:
    assert join_broken_line(before, after) == joined


def test_a_hyphen_inside_a_web_address_is_the_address_own() -> None:
    # ah-tk-20232024-1771, footnote 3, as printed over two lines
    before = "www.utwente.nl/nieuws/2023/12/1262709/ut-rapport-lessen-van-twee-vuurwerkrampen-"
    assert join_broken_line(before, "gepresenteerd#kamermotie).") == before + "gepresenteerd#kamermotie)."


@pytest.mark.parametrize(
    ("letter", "line", "restored"),
    [
        # pdftotext joins `Joseph-`/`Agema,` into `JosephAgema,`; the letter prints `Joseph-Agema` before
        ("ah-tk-20232024-1980", "komt te vervallen door uitvoering te geven aan de motie JosephAgema,7 blijft",
         "komt te vervallen door uitvoering te geven aan de motie Joseph-Agema,7 blijft"),
        ("ah-tk-20232024-2313", "in staat zijn? Hoeveel personen hebben te maken met een te lage WIAuitkering vanwege",
         "in staat zijn? Hoeveel personen hebben te maken met een te lage WIA-uitkering vanwege"),
    ],
)
def test_a_compound_hyphen_pdftotext_dropped_comes_back_from_the_letter_vocabulary(letter, line, restored):
    known = vocabulary(_letter_text(letter).splitlines())
    assert restore_dropped([line], known) == [restored]


def test_no_other_word_of_the_development_letters_changes() -> None:
    changed = 0
    for letter in LETTERS:
        lines = _letter_text(letter.identifier).splitlines()
        known = vocabulary(lines)
        changed += sum(new != old for new, old in zip(restore_dropped(lines, known), lines))
    assert changed == 2


@pytest.mark.parametrize("letter", [letter.identifier for letter in LETTERS])
def test_the_letter_words_found_in_the_text_are_the_vocabulary(letter: str) -> None:
    # LetterWords answers `word in` by finding the word in the letter's text: for every word of the
    # development letter, and every near miss (a compound's halves and its letters run together, a
    # word cut short or lengthened, a hyphen before it), it answers as the vocabulary's set does.
    lines = _letter_text(letter).splitlines()
    known = vocabulary(lines)
    near = {variant for word in known for variant in (word[1:], word[:-1], f"{word}e", f"-{word}", word.replace("-", ""))}
    near |= {part for word in known for part in word.split("-")}
    for word in sorted(known | near):
        assert (word in LetterWords(lines)) == (word in known), word


@pytest.mark.parametrize(
    "lines",
    [
        ["de İnspectie-", "rapporten en de İnspectie"],  # lower-casing makes İ two characters
        ["de ΣΤΑΣΗ-", "beweging en ΣΤΑΣΗ’s"],  # a final sigma is lower-cased by what follows it
        ["de motie-Kathmann " * 40 + "en-", "de"] * 30,  # more asked for than is searched: read into a set
    ],
)
def test_letter_words_where_lower_casing_or_searching_costs_read_every_word(lines: list[str]) -> None:
    # Synthetic lines (no letter prints these characters): the answers are still the vocabulary's.
    known = vocabulary(lines)
    words = LetterWords(lines)
    for _ in range(LetterWords.SEARCH_BUDGET):  # each word asked for again and again
        for word in sorted(known | {"inspectie", "i̇nspectie", "σταση", "στασης", "motie", "kathmann", "en-de"}):
            assert (word in words) == (word in known), word
    assert words._words is not None  # in the end every word was read, once
