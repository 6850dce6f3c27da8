"""The fast-scan helpers of the link pass find what the slow patterns they stand in for find."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from generator.link.matching import _normalized
from generator.link.references import REQUIRED_TEXT as REFERENCE_HINTS
from generator.link.referrals import _OVERSIZED_HINT
from generator.link.referrals import REQUIRED_TEXT as REFERRAL_HINTS
from generator.link.referrals import HINTS as ALL_REFERRAL_HINTS
from generator.link.scan import FOLDED_TO_ASCII, finds_after_boundary, folded, hinted


def test_folding_maps_every_character_a_case_insensitive_pattern_reads_as_an_ascii_letter() -> None:
    # Python 3.11's re matches these beyond ASCII to ASCII letters under IGNORECASE: İ, ı, ſ, K.
    letter = re.compile(r"[a-z]", re.IGNORECASE)
    beyond_ascii = {chr(code) for code in range(128, 0x110000) if letter.match(chr(code))}
    assert {chr(code) for code in FOLDED_TO_ASCII} == beyond_ascii
    assert folded("VERTROUWELİJK ſtaatsgeheim") == "vertrouwelijk staatsgeheim"


def test_finds_after_a_boundary_are_the_finds_of_the_lookbehind_pattern() -> None:
    # Synthetic: at the start, after a space, right after the find before (after its `)`),
    # never inside a word, never overlapping the find before.
    text = "ab xab ab)ab aab b"
    boundary = re.compile(r"[^\w](?=(?P<find>ab|b|\)ab))")
    lookbehind = re.compile(r"(?<!\w)(?:ab|b|\)ab)")
    found = [(start, end) for _, start, end in finds_after_boundary(boundary, text, "find")]
    assert found == [match.span() for match in lookbehind.finditer(text)] == [(0, 2), (7, 9), (10, 12), (17, 18)]


SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _seed_lines() -> list[str]:
    return [line for path in sorted(SEEDS.glob("*.txt")) for line in path.read_text(encoding="utf-8").splitlines()]


def test_question_text_is_normalized_as_the_word_pattern_defines_it() -> None:
    """`_normalized` splits the words off as ASCII bytes where it can; it gives what its
    definition gives: the words (runs of characters but `[\\W_]`) of the text without accents,
    case-folded, one space between them."""

    def defined(text: str) -> str:
        plain = unicodedata.normalize("NFKD", text)
        plain = "".join(char for char in plain if not unicodedata.combining(char))
        return re.sub(r"[\W_]+", " ", plain.casefold()).strip()

    # Every line of the seeds (quotes, dashes, accents), and synthetic texts for what they lack:
    # words beyond ASCII (ø, ß, ﬁ, İ), an em space, underscores, digits, nothing but punctuation.
    texts = [*_seed_lines(), "Søren’s straße – ﬁnanciën_2024 İstanbul\u2003x", "“…”", "", "a_b__c", "Ⅻ ½ x²"]
    assert [_normalized(text) for text in texts] == [defined(text) for text in texts]
    assert _normalized("Vraag: ‘Belastingdienst’ verplaatst…") == "vraag belastingdienst verplaatst"


@pytest.mark.parametrize(
    ("hint", "pattern"),
    [
        (REFERENCE_HINTS["kamerbrief"], r"\dD\d{5}"),
        (REFERRAL_HINTS["vraag n"], r"[Vv]ra(?:ag|gen)\s+\d"),
        (_OVERSIZED_HINT, r"[Vv]ra(?:ag|gen)\s+\d{5}"),
    ],
)
def test_hints_led_by_a_literal_find_what_the_class_led_patterns_find(hint: re.Pattern[str], pattern: str) -> None:
    # The seeds' lines, and synthetic texts at the edges: at the start, a letter before, a
    # digit or space short, other case.
    texts = [*_seed_lines(), "2025D42960", "D42960", "x 1D12345 y", "12D1234", "Vraag 3", "vragen\t12345", "vraag", "avraag 1", "VRAAG 1", "ra 1"]
    assert [bool(hint.search(text)) for text in texts] == [bool(re.search(pattern, text)) for text in texts]
    assert any(hint.search(text) for text in texts) and not all(hint.search(text) for text in texts)


@pytest.mark.parametrize("hints", [REFERENCE_HINTS, ALL_REFERRAL_HINTS], ids=["references", "referrals"])
def test_hints_searched_in_all_texts_at_once_name_each_text_that_holds_one(hints: dict[str, re.Pattern[str]]) -> None:
    # The seeds' lines as one record's texts: every hint a line holds is named for it; a line is
    # named a hint it does not hold only where a find runs on into the next line (`vraag` / `3`).
    texts = _seed_lines()
    found = hinted(texts, hints)
    alone = [{name for name, hint in hints.items() if hint.search(text)} for text in texts]
    assert all(alone_names <= names for alone_names, names in zip(alone, found))
    assert sum(map(len, alone)) > 10
    extra = [index for index, (alone_names, names) in enumerate(zip(alone, found)) if names - alone_names]
    assert all(any(hint.search(f"{texts[index]}\n{texts[index + 1]}") for hint in hints.values()) for index in extra)
