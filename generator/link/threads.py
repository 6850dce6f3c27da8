"""Thread questions to the answers that answer them, within a record and across records.

An answering letter (an `antwoordbrief` or an `aanhangsel`) answers:

- the questions it quotes itself (`Question(quoted=True)` in the same letter);
- in a verslag of a schriftelijk overleg, the nearest committee letter before it in the record;
- otherwise, the written-questions letter elsewhere in the corpus whose questions (or, when it
  quotes none, whose subject) match its own best (`generator.link.matching`).

`Answer(party, number)` answers `Question(party, number)`; a combined answer (`numbers == (4, 5)`)
answers questions 4 and 5, and a combined question (`Vraag 4 en 5`) is answered by the answer to
each of its numbers. A thread names each number it covers (a combined answer has an anchor for
every number it covers, `#antwoord-4` and `#antwoord-5`)::

    committee letter: Question("BBB", 11); answer letter: Question("BBB", 11, quoted), Answer("BBB", 11)
    -> (Thread(Target(committee, "vraag", "BBB", 11), Target(answers, "antwoord", "BBB", 11)),
        Thread(Target(answers, "vraag", "BBB", 11), Target(answers, "antwoord", "BBB", 11)))

An answer that answers no question, where the letter it answers is known, is reported as a
warning at the answer's `path:line`.

Each answering letter is threaded on its own: in a large corpus whose matches are to be found,
a process forked for it, on the second core, threads them from the last back while this one
threads them from the first on (`SPLIT_FROM`, `generator.second_core.SharedOut`), with the same result.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from generator.link.kept import Found, KeptMatches
from generator.second_core import SecondCore, SharedOut
from generator.link.matching import (
    LetterAt,
    WrittenLetters,
    answers_of,
    matching_written,
    party_key,
    questions_of,
    texts_kept,
)
from generator.model import (
    ANSWER_LETTER,
    APPENDIX_ANSWERS,
    COMMITTEE_LETTER,
    WRITTEN_QUESTIONS,
    Answer,
    Diagnostic,
    Letter,
    LetterKey,
    Record,
    Target,
    Thread,
)


def _answered(
    record: Record, letter: Letter, written: WrittenLetters, kept: KeptMatches | None
) -> tuple[list[LetterAt], list[Diagnostic]]:
    """The letters (other than itself) whose questions `letter` answers, and what kept it from
    comparing every candidate (`matching_written`, or its match `kept` from an earlier build)."""
    if letter.kind not in (ANSWER_LETTER, APPENDIX_ANSWERS):
        return [], []
    if letter.kind == ANSWER_LETTER:
        before = [other for other in record.letters[: letter.index] if other.kind == COMMITTEE_LETTER]
        if before:
            return [(record, before[-1])], []
    match, problems = kept.matching(record, letter, written) if kept is not None else matching_written(letter, written)
    return ([match] if match else []), problems


AnswerIndex = dict[tuple[str, int], Answer]


def _answer_index(answers: tuple[Answer, ...]) -> tuple[AnswerIndex, bool]:
    """(party key, number) -> answer, for every number each answer covers (the first answer wins),
    and whether the letter's answers name parties at all (if not, the key's party is empty)."""
    by_party = any(answer.party for answer in answers)
    index: AnswerIndex = {}
    for answer in answers:
        for number in answer.numbers:
            index.setdefault((party_key(answer.party) if by_party else "", number), answer)
    return index, by_party


def _thread_letter(
    record: Record, letter: Letter, written: WrittenLetters, kept: KeptMatches | None
) -> tuple[list[Thread], list[Diagnostic]]:
    """The threads from the questions `letter` answers to its answers, and its unplaced answers
    (made again only when `kept` has not those of the same letters)."""
    answered, problems = _answered(record, letter, written, kept)
    sources = [*answered, (record, letter)]
    if kept is None:
        threads, unplaced = _threads_of(record, letter, sources)
    else:
        threads, unplaced = kept.threads(sources, lambda: _threads_of(record, letter, sources))
    return threads, problems + unplaced


def _threads_of(record: Record, letter: Letter, sources: list[LetterAt]) -> tuple[list[Thread], list[Diagnostic]]:
    """The threads from the questions of `sources` to the answers of `letter`, and a warning for
    each of its answers that answers none of them."""
    own_answers = answers_of(letter)
    answers, by_party = _answer_index(own_answers)
    here = LetterKey(record.path, letter.index)
    threads: list[Thread] = []
    made: set[tuple[int, str | None, int]] = set()  # (source, party, number): each thread once, without hashing it
    used: set[int] = set()
    for source, (asked_record, asked) in enumerate(sources):
        there = LetterKey(asked_record.path, asked.index)
        for question in questions_of(asked):
            for number in question.numbers:
                answer = answers.get((party_key(question.party) if by_party else "", number))
                if answer is not None and (source, question.party, number) not in made:
                    made.add((source, question.party, number))
                    used.add(id(answer))
                    threads.append(Thread(  # each number to its own anchor: `Vraag 4 en 5` -> #antwoord-5 too
                        Target(there, "vraag", question.party, number),
                        Target(here, "antwoord", answer.party, number),
                    ))
    if not any(questions_of(asked) for _record, asked in sources):
        return threads, []
    return threads, [
        Diagnostic(
            answer.span.path, answer.span.line,
            f"answer {answer.number}{f' ({answer.party})' if answer.party else ''} answers no question "
            "of the letter it answers",
            " ".join(paragraph.text for paragraph in answer.paragraphs)[:80], "warning",
        )
        for answer in own_answers
        if id(answer) not in used
    ]


def thread_corpus(
    records: tuple[Record, ...], texts: tuple[tuple[str, ...] | None, ...] | None = None, kept: KeptMatches | None = None
) -> tuple[tuple[Thread, ...], tuple[Diagnostic, ...]]:
    """Thread every question in the corpus to the answers that answer it (module docstring).

    Returns the threads in reading order of the answering letters, and a warning for every
    answer that answers no question of a letter it is known to answer. `texts` are the records'
    `record_question_texts`, where they were found before (by the parse's workers). With `kept`,
    an answering letter whose match an earlier build found from the same inputs is not compared
    again (`generator.link.kept`).
    """
    with threading_begun(records, texts, kept) as threading:
        return threading.result()


@contextmanager
def threading_begun(
    records: tuple[Record, ...], texts: tuple[tuple[str, ...] | None, ...] | None = None, kept: KeptMatches | None = None
) -> Iterator[Threading]:
    """`thread_corpus`, begun: in a large corpus whose matches are to be found, a process forked for
    it threads the answering letters from the last back at once (`SPLIT_FROM`); the block works
    on this core meanwhile, and `Threading.result()` threads here the letters it has not taken,
    from the first on, and gives them all::

        with threading_begun(records) as threading:
            events = list_events(records)   # needs no threads: done while the second core threads
            threads, problems = threading.result()
    """
    with texts_kept(records, texts):
        threading = Threading(records, kept)
        try:
            yield threading
        finally:
            threading.stop()


SPLIT_FROM = 200
"""From how many answering letters on, when their matches are to be found (none kept from an
earlier build), a process forked for it threads part of them (`generator.second_core`)."""

LetterFound = tuple[list[Thread], list[Diagnostic]]
"""An answering letter's threads and what went wrong (`_thread_letter`)."""


class Threading:
    """The answering letters of a corpus being threaded (`threading_begun`)."""

    def __init__(self, records: tuple[Record, ...], kept: KeptMatches | None) -> None:
        self.written = WrittenLetters([
            (record, letter) for record in records for letter in record.letters if letter.kind == WRITTEN_QUESTIONS
        ])
        self.answering = [
            (record, letter) for record in records for letter in record.letters if any(isinstance(block, Answer) for block in letter.body)
        ]
        self.kept = kept
        self._second: SecondCore[tuple[list[tuple[int, LetterFound]], Found | None]] | None = None
        if len(self.answering) >= SPLIT_FROM and not (kept is not None and kept.before):
            # matching is the costly part, each letter's on its own: dealt out to the second core too
            self.written.make_indexes()  # once, here: the forked process reads them as they are
            self._shared = SharedOut(len(self.answering))
            part = kept.part() if kept is not None else None
            self._second = SecondCore(lambda: self._thread_from_last(part))

    def result(self) -> tuple[tuple[Thread, ...], tuple[Diagnostic, ...]]:
        """The threads in reading order of the answering letters, and the warnings (`thread_corpus`)."""
        if self._second is None:
            found = [self._thread(at, self.kept) for at in range(len(self.answering))]
        else:
            threaded: list[LetterFound | None] = [None] * len(self.answering)
            for at in iter(self._shared.first, None):
                threaded[at] = self._thread(at, self.kept)
            later, found_later = self._second.result()
            self._second = None
            for at, letter_found in later:
                threaded[at] = letter_found
            if self.kept is not None and found_later is not None:
                self.kept.add(found_later)
            # a letter the second core took but sent nothing for (it failed) is threaded here
            found = [self._thread(at, self.kept) if letter_found is None else letter_found for at, letter_found in enumerate(threaded)]
        threads = tuple(thread for letter_threads, _ in found for thread in letter_threads)  # no two letters make the same thread
        return threads, tuple(problem for _, problems in found for problem in problems)

    def stop(self) -> None:
        """Stop the forked process, unless its result was taken."""
        if self._second is not None:
            self._second.stop()
            self._second = None

    def _thread(self, at: int, kept: KeptMatches | None) -> LetterFound:
        record, letter = self.answering[at]
        return _thread_letter(record, letter, self.written, kept)

    def _thread_from_last(self, part: KeptMatches | None) -> tuple[list[tuple[int, LetterFound]], Found | None]:
        """In the forked process: thread the letters from the last back until this process's meet
        them, each with its place; and the matches found, in corpus order (`KeptMatches.part`)."""
        threaded = [(at, self._thread(at, part)) for at in iter(self._shared.last, None)]
        return threaded, (_in_corpus_order(part.found_now()) if part is not None else None)


def _in_corpus_order(found: Found) -> Found:
    """What a part of the kept matches found threading letters from the last back, in the order
    threading them from the first on finds it (each letter finds at most one entry of each, its own)."""
    matches, letters, threads, compared, written = found
    return dict(reversed(matches.items())), dict(reversed(letters.items())), dict(reversed(threads.items())), compared, written
