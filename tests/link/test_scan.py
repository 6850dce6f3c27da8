"""The fast-scan helpers of the link pass find what the slow patterns they stand in for find."""

from __future__ import annotations

import re

from generator.link.scan import FOLDED_TO_ASCII, finds_after_boundary, folded


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
