"""Thread questions to the answers that answer them, within a record and across records.

An answering letter (an `antwoordbrief` or an `aanhangsel`) answers:

- the questions it quotes itself (`Question(quoted=True)` in the same letter);
- in a verslag of a schriftelijk overleg, the nearest committee letter before it in the record;
- otherwise, the written-questions letter elsewhere in the corpus whose questions match its own
  quoted questions (normalized text similarity per question number, at least
  `QUESTION_SIMILARITY` on average over at least half its questions), or -- when it quotes no
  questions -- whose subject matches (`SUBJECT_SIMILARITY`). Candidates come from an index of
  written-questions letters by asker name (by subject word when no askers are printed), so each
  answering letter is compared with a handful of letters, never with the whole corpus.

`Answer(party, number)` answers `Question(party, number)`; a combined answer (`numbers == (4, 5)`)
answers questions 4 and 5, and a combined question (`Vraag 4 en 5`) is answered by the answer to
each of its numbers. A thread names each number it covers (a combined answer has an anchor for
every number it covers, `#antwoord-4` and `#antwoord-5`)::

    committee letter: Question("BBB", 11); answer letter: Question("BBB", 11, quoted), Answer("BBB", 11)
    -> (Thread(Target(committee, "vraag", "BBB", 11), Target(answers, "antwoord", "BBB", 11)),
        Thread(Target(answers, "vraag", "BBB", 11), Target(answers, "antwoord", "BBB", 11)))

An answer that answers no question, where the letter it answers is known, is reported as a
warning at the answer's `path:line`.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections import Counter, defaultdict
from difflib import SequenceMatcher
from collections.abc import Iterator

from generator.model import (
    ANSWER_LETTER,
    APPENDIX_ANSWERS,
    COMMITTEE_LETTER,
    WRITTEN_QUESTIONS,
    Answer,
    Diagnostic,
    Letter,
    LetterKey,
    Question,
    Record,
    Target,
    Thread,
)

QUESTION_SIMILARITY = 0.75
"""Least average similarity of the quoted questions for an answering letter to match."""

SUBJECT_SIMILARITY = 0.8
"""Least similarity of the subjects when the answering letter quotes no questions."""

SUBJECT_STOPWORDS = frozenset(
    "bericht berichten artikel inzake betreffende vragen minister ministers staatssecretaris "
    "staatssecretarissen zaken onder andere tussen zoals welke".split()
)
"""Subject words too common to index letters by."""

_NON_WORD = re.compile(r"[\W_]+")

LetterAt = tuple[Record, Letter]


def _normalized(text: str) -> str:
    """`Vraag: ‘Belastingdienst’ verplaatst…` -> `vraag belastingdienst verplaatst`."""
    plain = unicodedata.normalize("NFKD", text)
    if not plain.isascii():  # drop the accents (combining marks), looking at each character once
        marks = [char for char in set(plain) if unicodedata.combining(char)]
        plain = plain.translate(dict.fromkeys(map(ord, marks))) if marks else plain
    return _NON_WORD.sub(" ", plain.casefold()).strip()


def _party_key(party: str | None) -> str:
    """`GroenLinks-PvdA` -> `groenlinkspvda`; None -> ``."""
    return _NON_WORD.sub("", party or "").casefold()


def _questions(letter: Letter) -> tuple[Question, ...]:
    """The letter's questions, in order."""
    return tuple(block for block in letter.body if isinstance(block, Question))


def _answers(letter: Letter) -> tuple[Answer, ...]:
    """The letter's answers, in order."""
    return tuple(block for block in letter.body if isinstance(block, Answer))


def _question_text(question: Question) -> str:
    """A question's text, normalized for comparing (kept, while `thread_corpus` runs, for the next
    comparisons: a written letter's questions are compared with every answer letter that has it as
    a candidate)."""
    if _texts is None:
        return question_text(question)
    text = _texts.get(id(question))
    if text is None:
        text = _texts[id(question)] = question_text(question)
    return text


def question_text(question: Question) -> str:
    """A question's text, normalized for comparing: `Vraag: ‘Belastingdienst’ …` -> `vraag belastingdienst …`."""
    return _normalized(" ".join(paragraph.text for paragraph in question.paragraphs))


def record_question_texts(record: Record) -> tuple[str, ...]:
    """`question_text` of every question of a record, in reading order (`generator.link.record`)."""
    return tuple(question_text(question) for question in _record_questions(record))


def _record_questions(record: Record) -> Iterator[Question]:
    for letter in record.letters:
        yield from _questions(letter)


_texts: dict[int, str] | None = None
"""The normalized texts of the corpus's questions by `id` while `thread_corpus` runs (the records,
and so the ids, live as long as it does); None otherwise."""


COMPARED_CHARACTERS = 2000
"""How much of two texts `_similarity` compares: a question is a few hundred characters, and
comparing takes time that grows with the product of the lengths (a question of 100 KB would hang
the build)."""


def _similarity(first: str, second: str) -> float:
    """How alike two normalized texts are, 0..1 (their first `COMPARED_CHARACTERS` characters)."""
    first, second = first[:COMPARED_CHARACTERS], second[:COMPARED_CHARACTERS]
    return SequenceMatcher(None, first, second, autojunk=False).ratio() if first and second else 0.0


_ROUNDING = 1e-9
"""Slack for `_score`'s bound: a candidate is dropped only when it falls short by more than the
rounding of its sums could account for."""


def _similarity_bound(first: str, second: str) -> float:
    """At least `_similarity(first, second)`, from the lengths alone: the texts compared can have
    no more characters in common than the shorter holds."""
    shorter, longer = sorted((min(len(first), COMPARED_CHARACTERS), min(len(second), COMPARED_CHARACTERS)))
    return 2 * shorter / (shorter + longer) if shorter else 0.0


def _asker_keys(letter: Letter) -> tuple[str, ...]:
    """`Kathmann (GroenLinks-PvdA)`, `Six Dijkstra` -> ("asker:kathmann", "asker:six dijkstra")."""
    return tuple(f"asker:{_normalized(member.name)}" for member in letter.askers if member.name.strip())


def _subject_keys(letter: Letter) -> tuple[str, ...]:
    """The subject's telling words: `de overstap van de Belastingdienst naar Microsoft`
    -> ("subject:overstap", "subject:belastingdienst", "subject:microsoft")."""
    words = _normalized(letter.subject or "").split()
    return tuple(dict.fromkeys(f"subject:{w}" for w in words if len(w) >= 5 and w not in SUBJECT_STOPWORDS))


def _date_key(date: datetime.date) -> str:
    return f"date:{date.isoformat()}"


WrittenIndex = dict[str | tuple[str, str], list[int]]


def _index_written(written: list[LetterAt]) -> WrittenIndex:
    """Index written-questions letters by asker name, subject word and the date they were sent,
    and by each asker name and subject word together with that date (`(date key, key)`)."""
    index: WrittenIndex = defaultdict(list)
    for position, (_record, letter) in enumerate(written):
        sent = _date_key(letter.sent_on) if letter.sent_on is not None else None
        for key in (*_asker_keys(letter), *_subject_keys(letter)):
            index[key].append(position)
            if sent is not None:
                index[(sent, key)].append(position)
        if sent is not None:
            index[sent].append(position)
    return index


def _candidates(letter: Letter, index: WrittenIndex) -> list[int]:
    """Written-questions letters sharing the most askers with `letter` (or, without askers in
    common, at least two subject words), in corpus order.

    An Aanhangsel answer prints the day its questions were sent in: the letters sent that day are
    looked at first, so a member's hundredth set of questions is not compared with the other 99
    (and not even counted: they are looked up by asker and day together).
    """
    sent = _date_key(letter.asked_on) if letter.asked_on and index.get(_date_key(letter.asked_on)) else None
    for day in ((sent,) if sent else ()) + (None,):
        for keys, least in ((_asker_keys(letter), 1), (_subject_keys(letter), 2)):
            shared = Counter(position for key in keys for position in index.get((day, key) if day else key, ()))
            if shared:
                most = max(shared.values())
                if most >= least:
                    return sorted(position for position, count in shared.items() if count == most)
    return []


def _score(answering: Letter, asked: Letter, bar: float = 0.0) -> float:
    """How well `asked` fits as the letter `answering` answers, 0..1 (see the module docstring);
    0 too as soon as the score is known to be at most `bar` (a better candidate's).

    A quoted question that covers several numbers (`Vraag 4 en 5`) is compared with the text of
    the questions asked under those numbers together, and counts once for each of them. Comparing
    two texts is the costly step (`_similarity`): before each comparison the score is bounded by
    taking this question's similarity at most what the two lengths allow and the questions not yet
    compared as alike, and a candidate that cannot reach the threshold or beat `bar` is dropped
    there. The score of a candidate that is kept is the same sum in the same order.
    """
    mine = {n: q for q in _questions(answering) for n in q.numbers}
    if mine:
        theirs = {n: q for q in _questions(asked) for n in q.numbers}
        shared = mine.keys() & theirs.keys()
        if len(shared) * 2 < len(mine):
            return 0.0
        covered: dict[int, list[int]] = {}  # id of a quoted question -> its shared numbers
        for n in sorted(shared):
            covered.setdefault(id(mine[n]), []).append(n)
        least = max(QUESTION_SIMILARITY, bar) * len(shared) - _ROUNDING
        total, left = 0.0, len(shared)
        for numbers in covered.values():
            left -= len(numbers)
            quoted = _question_text(mine[numbers[0]])
            original = " ".join(_question_text(q) for q in {id(theirs[n]): theirs[n] for n in numbers}.values())
            if quoted and quoted == original:
                total += len(numbers) * 1.0
                continue
            if total + len(numbers) * _similarity_bound(quoted, original) + left < least:
                return 0.0
            total += len(numbers) * _similarity(quoted, original)
        score = total / len(shared)
        return score if score >= QUESTION_SIMILARITY else 0.0
    score = _similarity(_normalized(answering.subject or ""), _normalized(asked.subject or ""))
    return score if score >= SUBJECT_SIMILARITY else 0.0


def _is_before(asked: Letter, answering: Letter) -> bool:
    """Whether the questions were sent no later than the answer (True when a date is unknown)."""
    answered_on = answering.received_on or answering.sent_on
    return asked.sent_on is None or answered_on is None or asked.sent_on <= answered_on


def _matching_written(
    answering: Letter, written: list[LetterAt], index: WrittenIndex
) -> LetterAt | None:
    """The written-questions letter `answering` answers, or None."""
    best: tuple[float, int] | None = None
    for position in _candidates(answering, index):
        asked = written[position][1]
        if asked is answering or not _is_before(asked, answering):
            continue
        score = _score(answering, asked, best[0] if best else 0.0)
        if score > 0 and (best is None or score > best[0]):
            best = (score, position)
    return written[best[1]] if best else None


def _answered(record: Record, letter: Letter, written: list[LetterAt], index: WrittenIndex) -> list[LetterAt]:
    """The letters (other than itself) whose questions `letter` answers."""
    if letter.kind not in (ANSWER_LETTER, APPENDIX_ANSWERS):
        return []
    if letter.kind == ANSWER_LETTER:
        before = [other for other in record.letters[: letter.index] if other.kind == COMMITTEE_LETTER]
        if before:
            return [(record, before[-1])]
    match = _matching_written(letter, written, index)
    return [match] if match else []


AnswerIndex = dict[tuple[str, int], Answer]


def _answer_index(answers: tuple[Answer, ...]) -> tuple[AnswerIndex, bool]:
    """(party key, number) -> answer, for every number each answer covers (the first answer wins),
    and whether the letter's answers name parties at all (if not, the key's party is empty)."""
    by_party = any(answer.party for answer in answers)
    index: AnswerIndex = {}
    for answer in answers:
        for number in answer.numbers:
            index.setdefault((_party_key(answer.party) if by_party else "", number), answer)
    return index, by_party


def _thread_letter(
    record: Record, letter: Letter, written: list[LetterAt], index: WrittenIndex
) -> tuple[list[Thread], list[Diagnostic]]:
    """The threads from the questions `letter` answers to its answers, and its unplaced answers."""
    own_answers = _answers(letter)
    answers, by_party = _answer_index(own_answers)
    here = LetterKey(record.path, letter.index)
    sources = [*_answered(record, letter, written, index), (record, letter)]
    threads: list[Thread] = []
    used: set[int] = set()
    for asked_record, asked in sources:
        there = LetterKey(asked_record.path, asked.index)
        for question in _questions(asked):
            for number in question.numbers:
                answer = answers.get((_party_key(question.party) if by_party else "", number))
                if answer is not None:
                    used.add(id(answer))
                    threads.append(Thread(  # each number to its own anchor: `Vraag 4 en 5` -> #antwoord-5 too
                        Target(there, "vraag", question.party, number),
                        Target(here, "antwoord", answer.party, number),
                    ))
    if not any(_questions(asked) for _record, asked in sources):
        return threads, []
    diagnostics = [
        Diagnostic(
            answer.span.path, answer.span.line,
            f"answer {answer.number}{f' ({answer.party})' if answer.party else ''} answers no question "
            "of the letter it answers",
            " ".join(paragraph.text for paragraph in answer.paragraphs)[:80], "warning",
        )
        for answer in own_answers
        if id(answer) not in used
    ]
    return threads, diagnostics


def thread_corpus(
    records: tuple[Record, ...], texts: tuple[tuple[str, ...] | None, ...] | None = None
) -> tuple[tuple[Thread, ...], tuple[Diagnostic, ...]]:
    """Thread every question in the corpus to the answers that answer it (module docstring).

    Returns the threads in reading order of the answering letters, and a warning for every
    answer that answers no question of a letter it is known to answer. `texts` are the records'
    `record_question_texts`, where they were found before (by the parse's workers).
    """
    global _texts
    _texts = {}
    for record, found in zip(records, texts or ()):
        if found is not None:
            _texts.update((id(question), text) for question, text in zip(_record_questions(record), found))
    try:
        return _thread_corpus(records)
    finally:
        _texts = None


def _thread_corpus(records: tuple[Record, ...]) -> tuple[tuple[Thread, ...], tuple[Diagnostic, ...]]:
    written = [
        (record, letter) for record in records for letter in record.letters if letter.kind == WRITTEN_QUESTIONS
    ]
    index = _index_written(written)
    threads: dict[Thread, None] = {}
    diagnostics: list[Diagnostic] = []
    for record in records:
        for letter in record.letters:
            if any(isinstance(block, Answer) for block in letter.body):
                found, problems = _thread_letter(record, letter, written, index)
                threads.update(dict.fromkeys(found))
                diagnostics.extend(problems)
    return tuple(threads), tuple(diagnostics)
