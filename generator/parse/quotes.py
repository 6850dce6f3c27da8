"""Tell quoted text from own text: compare sentences against the letter being answered.

An answer letter repeats the committee's context and questions, sometimes word for word,
sometimes lightly edited ("die grondig zijn verkend" -> "die zijn verkend"), and sometimes in a
paraphrase of its own ("De leden … vragen daarnaast of …"). A sentence is *quoted* when most of
its word trigrams occur in the answered letter, or when it paraphrases what the members ask.

    >>> source = shingles("Hoe ziet u dit? En welke in welke mate heeft dit risico meegewogen?")
    >>> containment(shingles("Hoe ziet u dit?"), source)
    1.0
"""

from __future__ import annotations

import re

SHINGLE_SIZE = 3
QUOTED = 0.6
"""A sentence is quoted when at least this share of its word trigrams occurs in the source."""

WORD = re.compile(r"[^\W_]+")

SENTENCE_BREAK = re.compile(r"""(?<=[.?!])[”’"')]*\s+(?=[A-ZÀ-Ý“‘"(\d])""")
"""Where a new sentence starts: after . ? ! (and closing quotes), before a capital or number."""

MEMBERS_ASK = re.compile(
    r"""^(?:De|Deze)\s+leden\b[^.?!]{0,120}?\b(?:vragen|vraagt|willen\s+(?:graag\s+)?weten|wensen\s+te\s+vernemen|verzoeken)\b""",
    re.VERBOSE,
)
"""A paraphrase of the question in the answering letter's own words: `De leden … vragen daarnaast of`."""


def shingles(text: str) -> frozenset[tuple[str, ...]]:
    """Word trigrams of `text`, lower case; a text under three words is one shingle."""
    words = WORD.findall(text.lower())
    if len(words) < SHINGLE_SIZE:
        return frozenset([tuple(words)]) if words else frozenset()
    return frozenset(zip(*(words[start:] for start in range(SHINGLE_SIZE))))  # each run of three words


def containment(part: frozenset, whole: frozenset) -> float:
    """The share of `part`'s shingles that occur in `whole` (0.0 for an empty part)."""
    return len(part & whole) / len(part) if part else 0.0


def sentence_starts(text: str) -> list[int]:
    """Offsets where the sentences of `text` start (the first is 0).

    >>> sentence_starts("Nee, dat is niet het geval. De Belastingdienst volgt hierin het beleid.")
    [0, 28]
    """
    return [0, *(match.end() for match in SENTENCE_BREAK.finditer(text))]


def is_quoted(sentence: str, source: frozenset) -> bool:
    """Whether a sentence repeats the answered letter (`source` shingles)."""
    return containment(shingles(sentence), source) >= QUOTED


def asks(sentence: str) -> bool:
    """Whether a sentence says what the members ask (a paraphrase of their question)."""
    return bool(MEMBERS_ASK.match(sentence))
