"""Resolve referrals ("het antwoord op vraag 10") to the questions and answers they name.

For each paragraph, `find_referrals` gives the referred role, numbers and party; this step looks
each number up, first in the paragraph's own letter, then in the record's other letters, nearest
first. A referral naming no party means the party of the paragraph's own section. A bare "vraag N"
in an answer's own text names that answer; in a question, or in a question quoted inside an
answer, it names the question::

    answer BBB 11 in letter 2: "Ik verwijs u naar het antwoord op vraag 10."
    -> TextLink("seeds/x.txt", "p108", 18, 42, target=Target(LetterKey("seeds/x.txt", 2),
                "antwoord", "BBB", 10))

A number that names no question or answer in the record is reported as a warning at the
paragraph's `path:line`, never dropped silently.
"""

from __future__ import annotations

import re
from functools import cache

from generator.link._walk import paragraphs_with
from generator.link.referrals import HINTS, ROLE_ANSWER, ROLE_QUESTION, find_referrals, oversized_referrals
from generator.link.scan import hinted
from generator.model import Answer, Diagnostic, Heading, Letter, LetterKey, Question, Record, Target, TextLink

NodeIndex = dict[tuple[str, str, int], Target]


_NON_WORD = re.compile(r"[\W_]+")


@cache
def _party_key(party: str | None) -> str:
    """`GroenLinks-PvdA` -> `groenlinkspvda`; None -> `` (a corpus names few parties: kept once made)."""
    return _NON_WORD.sub("", party or "").casefold()


def _index(record: Record, letter: Letter) -> NodeIndex:
    """(role, party key, number) -> the question or answer covering that number in `letter`."""
    index: NodeIndex = {}
    for block in letter.body:
        if isinstance(block, (Question, Answer)):
            role = ROLE_QUESTION if isinstance(block, Question) else ROLE_ANSWER
            target = Target(LetterKey(record.path, letter.index), role, block.party, block.number)
            for number in block.numbers:
                index.setdefault((role, _party_key(block.party), number), target)
    return index


def _parties(letter: Letter) -> tuple[str, ...]:
    """The parties the letter names in headings, questions and answers, first mention first."""
    named = (block.party for block in letter.body if isinstance(block, (Heading, Question, Answer)))
    return tuple(dict.fromkeys(party for party in named if party))


def _nearest_first(record: Record, letter: Letter) -> list[Letter]:
    """The record's letters by distance from `letter`: itself, then the one before, the one after, …"""
    return sorted(record.letters, key=lambda other: (abs(other.index - letter.index), other.index > letter.index))


def _lookup(
    record: Record, indexes: dict[int, NodeIndex], order: list[Letter], role: str, party: str | None, explicit: bool, number: int
) -> Target | None:
    """The question or answer `number` of `party` with `role`, nearest letter first (each
    letter's index is made when first needed: most letters have no referral)."""
    keys = [_party_key(party)] if explicit or party is None else [_party_key(party), ""]
    for letter in order:
        if letter.index not in indexes:
            indexes[letter.index] = _index(record, letter)
        for key in keys:
            target = indexes[letter.index].get((role, key, number))
            if target is not None:
                return target
    return None


def resolve_record(record: Record) -> tuple[tuple[TextLink, ...], tuple[Diagnostic, ...]]:
    """Link every referral in one record to the question or answer it names (one of its own
    record's), in reading order."""
    links: list[TextLink] = []
    diagnostics: list[Diagnostic] = []
    indexes: dict[int, NodeIndex] = {}
    parties = {letter.index: _parties(letter) for letter in record.letters}
    orders = {letter.index: _nearest_first(record, letter) for letter in record.letters}
    for place, hints in paragraphs_with(record, lambda texts: hinted(texts, HINTS)):
        if not hints:
            continue  # no referral (most paragraphs)
        paragraph, letter = place.paragraph, place.letter
        in_answer = isinstance(place.block, Answer) and not paragraph.quoted
        bare = ROLE_ANSWER if in_answer else ROLE_QUESTION
        for fragment in oversized_referrals(paragraph.text, hints):
            diagnostics.append(Diagnostic(
                paragraph.span.path, paragraph.span.line,
                "referral to a question number of more than four digits: no such question; left as text",
                fragment, "warning",
            ))
        for referral in find_referrals(paragraph.text, bare, parties[letter.index], hints):
            party = referral.party or place.party
            printed = {number: (start, end) for number, start, end in referral.links}
            for number in referral.numbers:
                target = _lookup(record, indexes, orders[letter.index], referral.role, party,
                                 referral.party is not None, number)
                if target is None:
                    of = f" of {party}" if party else ""
                    diagnostics.append(Diagnostic(
                        paragraph.span.path, paragraph.span.line,
                        f"referral to {referral.role} {number}{of}: no such {referral.role} in this record",
                        paragraph.text[referral.start : referral.end], "warning",
                    ))
                elif number in printed:
                    start, end = printed[number]
                    links.append(TextLink(record.path, paragraph.key, start, end, target=target))
    return tuple(links), tuple(diagnostics)
