"""Decide each answer's status, and each question's from the answer threaded to it.

The rule reads the answer's own sentences (paragraphs marked `quoted` repeat the question and are
skipped) and sorts each sentence into one kind, first match wins:

1. **weigering** -- names confidentiality and declines on it: `vertrouwelijk…`/`geheim` with a
   refusal (`niet ingaan`, `niet delen`, `niet openbaar`, `geen uitspraken`, …), or states that the
   matter *is* confidential (`… zijn derhalve contractueel vertrouwelijk`).
2. **inzage** -- offers a document for confidential inspection (`vertrouwelijk ter inzage`).
3. **verwijzing** -- only points to other answers: it holds a referral and a verb of pointing
   (`verwijs`, `zie`), and nothing else but filler words (`Ik verwijs u hiervoor naar …`).
4. **inhoud** -- anything else.

The answer's status, first match wins:

- `geen antwoord op deze site` -- the answer has no sentence of its own;
- `vertrouwelijk` -- a sentence declines on confidentiality, or every sentence is an inzage offer;
- `verwijzing` -- every sentence is a verwijzing or an inzage offer, and at least one is a
  verwijzing;
- `beantwoord` -- otherwise: the answer says something of its own, even if it also refers on
  (`Zoals aangegeven bij vraag 1 is dit traject gestart in 2021.` is beantwoord).

A question's status is that of the first answer threaded to it; without one it is `uitgesteld`
where its letter prints a `Mededeling` in place of the answers (they come later, or came by
letter), else `geen antwoord op deze site`.

On the seed answer letter (BBB): 11 (`Ik verwijs u naar het antwoord op vraag 10.`) and 14 are
`verwijzing`; 18 (`Inhoudelijk kan ik gezien de vertrouwelijkheid van het document niet
ingaan …`) and 19 (`… zijn derhalve contractueel vertrouwelijk.`) are `vertrouwelijk`. BBB 24
(`Hiervoor verwijs ik u naar het antwoord op vraag 18 en 20. De Belastingdienst heeft een
exitstrategie opgesteld, deze kan vertrouwelijk ter inzage worden aangeboden.`) is `verwijzing`:
its first sentence only points on, and its second adds nothing of its own beyond an offer to see a
document in confidence -- the exit strategy answer 18 already describes. It declines nothing, so
it is not `vertrouwelijk`; the reader follows the links to 18 (vertrouwelijk) and 20 (beantwoord)::

    answer_status(Answer(24, (24,), "BBB", (Paragraph("p1", "Hiervoor verwijs ik u naar het
        antwoord op vraag 18 en 20. De Belastingdienst heeft een exitstrategie opgesteld, deze kan
        vertrouwelijk ter inzage worden aangeboden.", span),), span))
    -> "verwijzing"
"""

from __future__ import annotations

import re

from generator.link.referrals import ROLE_ANSWER, find_referrals
from generator.link.scan import folded as _folded
from generator.model import (
    ANSWERED,
    CONFIDENTIAL,
    POSTPONED,
    REFERRED,
    UNANSWERED,
    Answer,
    LetterKey,
    Question,
    Record,
    Target,
    Thread,
)

SENTENCE_END = re.compile(r"(?<=[.?!])[\s)]+(?=[A-Z0-9À-Ý“‘\"'(])")
"""Where one sentence ends and the next begins: `… vraag 10. De Belastingdienst …`."""

CONFIDENTIALITY = re.compile(r"\b(?:vertrouwelijk\w*|(?:staats)?geheim\w*)\b", re.IGNORECASE)
"""`vertrouwelijk`, `vertrouwelijkheid`, `geheim`, `staatsgeheim`."""

REFUSAL = re.compile(
    r"""
    \bniet\s+(?:nader\s+|inhoudelijk\s+|verder\s+|openbaar\s+)?
        (?:ingaan|in\s+gaan|delen|openbaar\w*|verstrekken|beantwoorden|toelichten|mededelen|uitweiden)\b
    | \bgeen\s+(?:uitspraken?|mededelingen|informatie|inzicht|inhoudelijke)\b
    """,
    re.VERBOSE | re.IGNORECASE,
)
"""`kan ik … niet ingaan`, `niet openbaar`, `geen uitspraken`."""

IS_CONFIDENTIAL = re.compile(
    r"\b(?:is|zijn|blijft|blijven)\b(?:\s+[\w-]+){0,3}?\s+(?:vertrouwelijk|geheim)\b(?!\s+ter\s+inzage)",
    re.IGNORECASE,
)
"""`… zijn derhalve contractueel vertrouwelijk` (but not `… is vertrouwelijk ter inzage gelegd`)."""

INSPECTION_OFFER = re.compile(r"\bvertrouwelijk\w*\s+ter\s+inzage\b", re.IGNORECASE)
"""`deze kan vertrouwelijk ter inzage worden aangeboden`."""

POINTING_VERB = re.compile(r"\b(?:verwijs|verwijzen|verwezen|zie)\b", re.IGNORECASE)
"""The verb of a sentence that points elsewhere: `Ik verwijs u …`, `Zie …`."""

FILLER_WORDS = frozenset(
    """
    ik u uw wij we verwijs verwijzen verwezen zie naar hier hiervoor hierbij hiernaar daarvoor
    daarbij daarnaar voor het de antwoord antwoorden beantwoording op deze vraag vragen graag
    kortheidshalve volledigheidshalve ook mede tevens eerder gegeven bij in dit verband met en
    wordt worden kan mijn ons onze
    """.split()
)
"""Words a pure referral sentence may hold besides its referrals."""

_WORD = re.compile(r"\w+")

DECLINE, INSPECTION, REFERRAL, CONTENT = "weigering", "inzage", "verwijzing", "inhoud"


# Each test below first looks in the folded sentence for a word its patterns need: most sentences
# hold none, and each pattern's scan (a case-insensitive pattern starting with `\b`) is slow.


def _declines(sentence: str, folded: str) -> bool:
    """Whether the sentence declines on confidentiality grounds."""
    if not ("vertrouwelijk" in folded or "geheim" in folded) or not CONFIDENTIALITY.search(sentence):
        return False
    return bool(REFUSAL.search(sentence) or IS_CONFIDENTIAL.search(sentence))


def _offers_inspection(sentence: str, folded: str) -> bool:
    """Whether the sentence offers a document for confidential inspection."""
    return "vertrouwelijk" in folded and bool(INSPECTION_OFFER.search(sentence))


def _only_refers(sentence: str, folded: str) -> bool:
    """Whether the sentence only points to other answers (`Ik verwijs u naar het antwoord op vraag 10.`)."""
    if not any(verb in folded for verb in ("verwij", "verwezen", "zie")) or not POINTING_VERB.search(sentence):
        return False
    referrals = find_referrals(sentence, ROLE_ANSWER)
    if not referrals:
        return False
    rest, last = [], 0
    for referral in referrals:
        rest.append(sentence[last : referral.start])
        last = referral.end
    rest.append(sentence[last:])
    return all(word.casefold() in FILLER_WORDS for word in _WORD.findall(" ".join(rest)))


SENTENCE_KINDS = (
    (DECLINE, _declines),
    (INSPECTION, _offers_inspection),
    (REFERRAL, _only_refers),
)
"""Kind and test, tried in order; a sentence that passes none is `inhoud`."""


def _sentences(answer: Answer) -> tuple[str, ...]:
    """The answer's own sentences, from its paragraphs that are not quoted."""
    found: list[str] = []
    for paragraph in answer.paragraphs:
        if not paragraph.quoted:
            found.extend(part.strip() for part in SENTENCE_END.split(paragraph.text) if part.strip())
    return tuple(found)


def _kind(sentence: str) -> str:
    """Sort one sentence into weigering, inzage, verwijzing or inhoud."""
    folded = _folded(sentence)
    return next((kind for kind, test in SENTENCE_KINDS if test(sentence, folded)), CONTENT)


def answer_status(answer: Answer) -> str:
    """Decide an answer's status by the module's rule.

    "Ik verwijs u naar het antwoord op vraag 10." -> "verwijzing";
    "Dit is onderdeel van contracten … en zijn derhalve contractueel vertrouwelijk." -> "vertrouwelijk".
    """
    kinds = [_kind(sentence) for sentence in _sentences(answer)]
    if not kinds:
        return UNANSWERED
    if DECLINE in kinds or all(kind == INSPECTION for kind in kinds):
        return CONFIDENTIAL
    if REFERRAL in kinds and all(kind in (REFERRAL, INSPECTION) for kind in kinds):
        return REFERRED
    return ANSWERED


Place = tuple[str, int, str | None, int]
"""A question's or answer's place: record path, letter index, party, number (`_place`)."""


def list_statuses(
    records: tuple[Record, ...], threads: tuple[Thread, ...], answered: tuple[tuple[tuple[Target, str], ...], ...] | None = None
) -> tuple[tuple[Target, str], ...]:
    """Give every question and every answer in the corpus its status, in reading order.

    (Question BBB 11, Answer BBB 11 "Ik verwijs u naar …"), thread between them
    -> ((Target(…, "vraag", "BBB", 11), "verwijzing"), (Target(…, "antwoord", "BBB", 11), "verwijzing"))

    `answered` are the records' `answer_statuses`, when they were found before (by the parse's workers).
    """
    answers: dict[Place, tuple[Target, str]] = {}  # keyed by `_place`, written out: hashing a Target costs more
    for found in answered if answered is not None else map(answer_statuses, records):
        for entry in found:
            target = entry[0]
            answers[target.letter.path, target.letter.index, target.party, target.number] = entry
    first_answer: dict[Place, tuple[Target, Place]] = {}
    for thread in threads:
        question = thread.question
        place = (question.letter.path, question.letter.index, question.party, question.number)
        if place not in first_answer:
            first_answer[place] = (question, _place(thread.answer))
    statuses: list[tuple[Target, str]] = []  # each target made once: the threads' and the answers' own where they have it
    for record in records:
        for letter in record.letters:
            key = None
            unanswered = POSTPONED if letter.notice is not None else UNANSWERED
            for block in letter.body:
                if isinstance(block, Answer):
                    statuses.append(answers[(record.path, letter.index, block.party, block.number)])
                elif isinstance(block, Question):
                    threaded = first_answer.get((record.path, letter.index, block.party, block.number))
                    if threaded is not None:
                        answer = answers.get(threaded[1])
                        statuses.append((threaded[0], answer[1] if answer is not None else unanswered))
                    else:
                        key = key or LetterKey(record.path, letter.index)
                        statuses.append((Target(key, "vraag", block.party, block.number), unanswered))
    return tuple(statuses)


def _place(target: Target) -> Place:
    """`Target(LetterKey(path, 2), "antwoord", "BBB", 11)` -> `(path, 2, "BBB", 11)` (the role is
    known where it is used)."""
    return target.letter.path, target.letter.index, target.party, target.number


def answer_statuses(record: Record) -> tuple[tuple[Target, str], ...]:
    """The status of each answer of one record by its text alone, under every number it answers
    (`Antwoord 5 en 6`: a thread may lead to 6)."""
    found: list[tuple[Target, str]] = []
    for letter in record.letters:
        for block in letter.body:
            if isinstance(block, Answer):
                status = answer_status(block)
                key = LetterKey(record.path, letter.index)
                found += [(Target(key, "antwoord", block.party, number), status) for number in block.numbers]
    return tuple(found)

