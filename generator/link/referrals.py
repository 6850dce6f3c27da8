"""Find referrals to other questions and answers in a paragraph ("zie het antwoord op vraag 9").

A referral names numbered questions ("vraag 10 en 11", "de vragen 2, 6 en 8": three links), an
answer by its number ("zie antwoord 3"), or one question by its place ("de eerste vraag"),
optionally of a party ("van de leden van de fractie van GroenLinks-PvdA"). Its role is
"antwoord" when it says so, with or without an article or a possessive ("het antwoord op vraag
10", "mijn antwoord op de vragen 2 en 3", "de beantwoording van vraag 4", "antwoord 3");
a bare "vraag N" takes the role the
caller gives: inside an answer the writer points at their own answer there ("Zoals aangegeven bij
vraag 1"), inside a question at that letter's question ("met inachtneming van vraag 9")::

    find_referrals("Ik verwijs u naar het antwoord op vraag 10 en 11.", "antwoord")
    -> (Referral(start=18, end=48, role="antwoord", numbers=(10, 11), party=None,
                 links=((10, 18, 42), (11, 46, 48))),)

Every printed number gets a link range: the first covers the phrase up to and including it
(`het antwoord op vraag 10`), the others just their digits. Numbers inside a range
(`vraag 3 t/m 5` -> 3, 4, 5) are in `numbers` but have no range of their own.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from generator.link.spans import Spans

ROLE_QUESTION = "vraag"
ROLE_ANSWER = "antwoord"

ORDINALS = {
    word: number
    for number, word in enumerate(
        "eerste tweede derde vierde vijfde zesde zevende achtste negende tiende elfde twaalfde "
        "dertiende veertiende vijftiende zestiende zeventiende achttiende negentiende twintigste".split(),
        start=1,
    )
}
"""Ordinal words as printed -> question number (`de eerste vraag` -> 1)."""

_DETERMINER = r"(?:(?:[Hh]et|[Dd]e|[Mm]ijn|[Oo]ns|[Oo]nze|[Hh]aar|[Zz]ijn|[Dd]it|[Dd]at|[Dd]eze)\s++)?"
"""`het`, `de`, a possessive (`mijn antwoord`, `onze beantwoording`) or none (`zie antwoord 3`)."""
_ANSWER_TO = rf"(?<![\w]){_DETERMINER}(?:[Aa]ntwoord(?:en)?|[Bb]eantwoording)\s++(?:op|van|bij|onder)\s++"
_NUMBER_DIGITS = r"\d{1,4}+(?!\d)"
"""A question number as printed: at most four digits (`vraag 99999…` is text, never a huge int)."""
_NUMBERS = rf"(?P<numbers>{_NUMBER_DIGITS}(?:\s*+(?:,|\ben\b|t/m|\btot\s++en\s++met\b)\s*+{_NUMBER_DIGITS})*)(?![\d\w])"
_PARTY = r"""
    (?:\s+van\s+(?:de\s+leden\s+van\s+)?
       (?:de\s+)?(?:
           fractie\s+(?:van\s+)?(?:de\s+)?(?P<party>[A-Z0-9][^\s.,;:!?()]*(?:\s+[^\s.,;:!?()]+){0,3})
         | (?P<party_before>[A-Z0-9][^\s.,;:!?()]*?)-fractie
       )
    )?
"""

ANSWER_TO_ORDINAL_QUESTION = re.compile(
    rf"{_ANSWER_TO}de\s+(?P<ordinal>{'|'.join(ORDINALS)})\s+vraag{_PARTY}",
    re.VERBOSE,
)
"""`het antwoord op de eerste vraag van de leden van de fractie van GroenLinks-PvdA`."""

ANSWER_TO_NUMBERED_QUESTIONS = re.compile(
    rf"{_ANSWER_TO}(?:de\s+)?vra(?:ag|gen)\s+{_NUMBERS}{_PARTY}",
    re.VERBOSE,
)
"""`het antwoord op vraag 10`, `het antwoord op vraag 10 en 11`, `het antwoord op vraag 18 en 20`."""

NUMBERED_ANSWERS = re.compile(
    rf"(?<![\w]){_DETERMINER}[Aa]ntwoord(?:en)?\s++(?=\d{{1,3}}(?!\d)){_NUMBERS}{_PARTY}",
    re.VERBOSE,
)
"""`zie antwoord 3`, `mijn antwoorden 4 en 5`: an answer named by its own number (never a year:
`het antwoord 2024` is none)."""

NUMBERED_QUESTIONS = re.compile(
    rf"(?<![\w])[Vv]ra(?:ag|gen)\s+{_NUMBERS}{_PARTY}",
    re.VERBOSE,
)
"""`bij vraag 1`, `met inachtneming van vraag 9`: role from where the referral stands."""

REFERRAL_PATTERNS: tuple[tuple[str, re.Pattern[str], str | None], ...] = (
    ("antwoord op de n-de vraag", ANSWER_TO_ORDINAL_QUESTION, ROLE_ANSWER),
    ("antwoord op vraag n", ANSWER_TO_NUMBERED_QUESTIONS, ROLE_ANSWER),
    ("antwoord n", NUMBERED_ANSWERS, ROLE_ANSWER),
    ("vraag n", NUMBERED_QUESTIONS, None),
)
"""Name, pattern and role (None: the caller's), tried in order; an earlier match wins an overlap."""

OVERSIZED_NUMBER = re.compile(r"(?<![\w])[Vv]ra(?:ag|gen)\s+(?P<digits>\d{5}\d*+)")
"""`vraag 99999…`: a number longer than any question's, which no referral reads (it stays text)."""

_OVERSIZED_HINT = re.compile(r"ra(?<=[Vv]ra)(?:ag|gen)\s+\d{5}")
r"""What every oversized referral holds (`[Vv]ra(?:ag|gen)\s+\d{5}`), found by a fast scan: it starts
with a literal, the `V` or `v` before it looked back at (the lookbehind above, and a pattern that
starts with a character class, make the engine try the whole pattern at every character)."""

REQUIRED_TEXT = {
    "antwoord op de n-de vraag": re.compile(rf"de\s+(?:{'|'.join(ORDINALS)})\s+vraag"),
    "antwoord op vraag n": re.compile(r"ntwoord(?:en|ing)?\s+(?:op|van|bij|onder)\s+(?:de\s+)?vra(?:ag|gen)\s+\d"),
    "antwoord n": re.compile(r"ntwoord(?:en)?\s+\d"),
    "vraag n": re.compile(r"ra(?<=[Vv]ra)(?:ag|gen)\s+\d"),  # [Vv]ra(?:ag|gen)\s+\d, from its literal
}
"""Text each pattern's matches hold: a text without it is not searched with that pattern (the
link pass reads every paragraph, and each pattern starts with a lookbehind, which makes the engine
try it at every character; these start with a literal, which it finds fast: a pattern starting
with a character class, `[Vv]ra…`, is tried at every character too)."""

OVERSIZED = "oversized"
HINTS = {**REQUIRED_TEXT, OVERSIZED: _OVERSIZED_HINT}
"""Every hint of this module by name: a record's paragraphs are searched for them at once (`scan.hinted`)."""

_NUMBER = re.compile(r"\d+")
_RANGE = re.compile(r"(?P<first>\d+)\s*(?:t/m|tot\s+en\s+met)\s*(?P<last>\d+)")


@dataclass(frozen=True)
class Referral:
    """Characters `start`..`end` refer to `role` `numbers` of `party` (None: the writer's own
    section); `links` gives (number, start, end) for every number printed."""

    start: int
    end: int
    role: str
    numbers: tuple[int, ...]
    party: str | None
    links: tuple[tuple[int, int, int], ...]


def _party_key(party: str) -> str:
    """`GroenLinks-PvdA` and `groenlinks pvda` -> `groenlinkspvda`."""
    return re.sub(r"[\W_]+", "", party).casefold()


def _party(match: re.Match[str], parties: tuple[str, ...]) -> tuple[str | None, int]:
    """The party a referral names, and where its mention ends.

    The party is spelled as in `parties` (the letter's own) when it is one of them; otherwise
    `BBB-fractie` gives `BBB` and `fractie van X Y` the first word, `X`.
    """
    group = next((name for name in ("party_before", "party") if match.group(name)), None)
    if group is None:
        return None, match.end()
    named, start = match.group(group), match.start(group)
    for party in sorted(parties, key=len, reverse=True):
        key = _party_key(party)
        if key and _party_key(named).startswith(key):
            return party, match.end() if group == "party_before" else start + _printed_length(named, party)
    if group == "party_before":
        return named, match.end()
    first = named.split()[0]
    return first, start + len(first)


def _printed_length(printed: str, party: str) -> int:
    """How many characters of `printed` spell `party` (ignoring spacing and punctuation)."""
    wanted, seen = len(_party_key(party)), 0
    for index, char in enumerate(printed):
        if _party_key(char):
            seen += 1
            if seen == wanted:
                return index + 1
    return len(printed)


def _numbers(match: re.Match[str], first_start: int) -> tuple[tuple[int, ...], tuple[tuple[int, int, int], ...]]:
    """The numbers a referral covers and the link range of each printed one."""
    printed = match.group("numbers")
    offset = match.start("numbers")
    numbers: list[int] = []
    links: list[tuple[int, int, int]] = []
    for digits in _NUMBER.finditer(printed):
        number = int(digits.group(0))
        start = first_start if not links else offset + digits.start()
        links.append((number, start, offset + digits.end()))
        numbers.append(number)
    for span in _RANGE.finditer(printed):
        first, last = int(span.group("first")), int(span.group("last"))
        if first < last <= first + 50:
            numbers.extend(range(first + 1, last))
    return tuple(sorted(set(numbers))), tuple(links)


def oversized_referrals(text: str, hinted: Collection[str] | None = None) -> tuple[str, ...]:
    """The referrals in `text` to a question number of more than four digits, shortened for a
    message: "zie het antwoord op vraag 99999…9" -> ("vraag 99999…",). `hinted`: the names of
    `HINTS` found in `text` (`scan.hinted`), when they were looked for already."""
    if OVERSIZED not in hinted if hinted is not None else not _OVERSIZED_HINT.search(text):
        return ()
    return tuple(f"{match.group()[: match.start('digits') - match.start() + 5]}…" for match in OVERSIZED_NUMBER.finditer(text))


def find_referrals(
    text: str, bare_role: str, parties: tuple[str, ...] = (), hinted: Collection[str] | None = None
) -> tuple[Referral, ...]:
    """Find every referral to questions or answers in `text`, in text order.

    `bare_role` is the role of a bare "vraag N" ("antwoord" inside an answer, "vraag" elsewhere);
    `parties` are the parties of the letter, to read a named party as the letter spells it;
    `hinted`: the names of `HINTS` found in `text` (`scan.hinted`), when they were looked for already.

    "Zoals aangegeven bij vraag 1 is dit traject gestart in 2021." with "antwoord"
    -> (Referral(start=21, end=28, role="antwoord", numbers=(1,), party=None, links=((1, 21, 28),)),)
    """
    found: list[Referral] = []
    taken = Spans()
    for name, pattern, role in REFERRAL_PATTERNS:
        if name not in hinted if hinted is not None else not REQUIRED_TEXT[name].search(text):
            continue
        for match in pattern.finditer(text):
            party, end = _party(match, parties)
            start = match.start()
            if not taken.add(start, end):
                continue
            if "ordinal" in pattern.groupindex:
                number = ORDINALS[match.group("ordinal")]
                numbers, links = (number,), ((number, start, end),)
            else:
                numbers, links = _numbers(match, start)
            found.append(Referral(start, end, role or bare_role, numbers, party, links))
    return tuple(sorted(found, key=lambda referral: referral.start))
