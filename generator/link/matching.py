"""Find the written-questions letter elsewhere in the corpus that an answering letter answers
(`generator.link.threads` threads their questions and answers).

The letter whose questions match the answering letter's own quoted questions (normalized text
similarity per question number, at least `QUESTION_SIMILARITY` on average over at least half its
questions), or -- when it quotes no questions -- whose subject matches (`SUBJECT_SIMILARITY`); the
best match wins, the first in corpus order among equals. Candidates come from an index of
written-questions letters by asker name (by subject word when no askers are printed) and the day
they were sent, so each answering letter is compared with a handful of letters, never with the
whole corpus. A letter that reprints its questions word for word (the usual case) is found by their
text in a second index, without comparing (`_reprinted`); the costly comparison of texts (difflib)
is left for the rest, at most `COMPARISONS_PER_LETTER` of them (and `CANDIDATES_PER_LETTER` letters
scored) for one answering letter however crowded its askers' day: a letter that would need more is
reported at its `path:line`, and threaded to the best of those compared.
"""

from __future__ import annotations

import datetime
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from functools import cached_property
from difflib import SequenceMatcher
from heapq import merge
from itertools import groupby, islice

from generator.model import Answer, Diagnostic, Letter, Question, Record

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


_ASCII_NON_WORD_TO_SPACE = bytes(b" "[0] if _NON_WORD.match(chr(byte)) else byte for byte in range(256))
"""A `bytes.translate` table: each ASCII character `_NON_WORD` matches becomes a space."""


_ASCII = frozenset(map(chr, range(128)))
"""The ASCII characters: no accent, and `_ASCII_NON_WORD_TO_SPACE` spaces those that are no word's."""


def _normalized(text: str) -> str:
    """`Vraag: ‘Belastingdienst’ verplaatst…` -> `vraag belastingdienst verplaatst`.

    The words (runs of characters but `_NON_WORD`'s) of the text without accents, case-folded,
    with one space between them. Once the few kinds of character beyond ASCII that are no word's
    (quotes, dashes) are spaces, a text is ASCII (nearly always) and its words are split off as
    bytes, several times faster than the pattern replaces the spaces between them."""
    plain = unicodedata.normalize("NFKD", text)
    if not plain.isascii():  # drop the accents (combining marks), looking at each kind of character once
        for mark in [char for char in set(plain).difference(_ASCII) if unicodedata.combining(char)]:
            plain = plain.replace(mark, "")  # a text holds few kinds (a dict's `translate` reads char by char)
    plain = plain.casefold()
    if not plain.isascii():
        for char in set(plain).difference(_ASCII):
            if _NON_WORD.match(char):
                plain = plain.replace(char, " ")
        if not plain.isascii():  # a word beyond ASCII (`ø`)
            return _NON_WORD.sub(" ", plain).strip()
    return b" ".join(plain.encode("ascii").translate(_ASCII_NON_WORD_TO_SPACE).split()).decode("ascii")


def party_key(party: str | None) -> str:
    """`GroenLinks-PvdA` -> `groenlinkspvda`; None -> ``."""
    return _NON_WORD.sub("", party or "").casefold()


def questions_of(letter: Letter) -> tuple[Question, ...]:
    """The letter's questions, in order."""
    return tuple(block for block in letter.body if isinstance(block, Question))


def answers_of(letter: Letter) -> tuple[Answer, ...]:
    """The letter's answers, in order."""
    return tuple(block for block in letter.body if isinstance(block, Answer))


def _question_text(question: Question) -> str:
    """A question's text, normalized for comparing (kept, while `thread_corpus` runs, for the next
    comparisons: a written letter's questions are compared with every answer letter that has it as
    a candidate)."""
    if _texts is None:
        return question_text(question)
    if _texts_found:
        _take_texts_found()
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
        yield from questions_of(letter)


_texts: dict[int, str] | None = None
"""The normalized texts of the corpus's questions by `id` while `thread_corpus` runs (the records,
and so the ids, live as long as it does); None otherwise."""

_texts_found: list[tuple[Record, tuple[str, ...]]] = []
"""The texts found before (`texts_kept`) not yet in `_texts`: taken in when a text is first looked up."""


@contextmanager
def texts_kept(records: tuple[Record, ...], texts: tuple[tuple[str, ...] | None, ...] | None) -> Iterator[None]:
    """Keep the normalized texts of the records' questions for `_question_text` while the block
    runs: `texts` are the records' `record_question_texts` where they were found before (by the
    parse's workers), and the others are kept as they are first made."""
    global _texts, _texts_found
    _texts, _texts_found = {}, [(record, found) for record, found in zip(records, texts or ()) if found is not None]
    try:
        yield
    finally:
        _texts, _texts_found = None, []


def _take_texts_found() -> None:
    """Take the texts found before into `_texts` (once: a rebuild that keeps every match needs none)."""
    global _texts_found
    found, _texts_found = _texts_found, []
    for record, texts in found:
        _texts.update((id(question), text) for question, text in zip(_record_questions(record), texts))


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


def _characters_bound(first: str, second: str) -> float:
    """At least `_similarity(first, second)`, and closer than `_similarity_bound`: the texts
    compared can have no more characters in common than both hold of each (difflib's `quick_ratio`),
    found in microseconds where comparing takes milliseconds."""
    first, second = first[:COMPARED_CHARACTERS], second[:COMPARED_CHARACTERS]
    if not first or not second:
        return 0.0
    return 2.0 * sum((Counter(first) & Counter(second)).values()) / (len(first) + len(second))


def _asker_keys(letter: Letter) -> tuple[str, ...]:
    """`Kathmann (GroenLinks-PvdA)`, `Six Dijkstra` -> ("asker:kathmann", "asker:six dijkstra"), each once."""
    return tuple(dict.fromkeys(f"asker:{_normalized(member.name)}" for member in letter.askers if member.name.strip()))


def _subject_keys(letter: Letter) -> tuple[str, ...]:
    """The subject's telling words: `de overstap van de Belastingdienst naar Microsoft`
    -> ("subject:overstap", "subject:belastingdienst", "subject:microsoft")."""
    words = _normalized(letter.subject or "").split()
    return tuple(dict.fromkeys(f"subject:{w}" for w in words if len(w) >= 5 and w not in SUBJECT_STOPWORDS))


def _date_key(date: datetime.date) -> str:
    return f"date:{date.isoformat()}"


WrittenIndex = dict[str | tuple[str, str], list[int]]

LetterKeys = tuple[tuple[str, ...], tuple[str, ...]]
"""A letter's `_asker_keys` and `_subject_keys`."""


def _index_written(written: list[LetterAt], keys: list[LetterKeys]) -> WrittenIndex:
    """Index written-questions letters by asker name, subject word and the date they were sent,
    and by each asker name and subject word together with that date (`(date key, key)`)."""
    index: WrittenIndex = defaultdict(list)
    for position, ((_record, letter), (askers, subjects)) in enumerate(zip(written, keys)):
        sent = _date_key(letter.sent_on) if letter.sent_on is not None else None
        for key in (*askers, *subjects):
            index[key].append(position)
            if sent is not None:
                index[(sent, key)].append(position)
        if sent is not None:
            index[sent].append(position)
    return index


def _candidates(letter: Letter, keys: LetterKeys, index: WrittenIndex, sharing=None) -> list[int]:
    """Written-questions letters sharing the most askers with `letter` (or, without askers in
    common, at least two subject words), in corpus order; `keys` are the letter's, and `sharing`
    gives `_sharing_most` (found once for each day and keys, by `WrittenLetters`).

    An Aanhangsel answer prints the day its questions were sent in: the letters sent that day are
    looked at first, so a member's hundredth set of questions is not compared with the other 99
    (and not even counted: they are looked up by asker and day together).
    """
    sharing = sharing or (lambda day, found, least: _sharing_most(index, day, found, least))
    sent = _date_key(letter.asked_on) if letter.asked_on and index.get(_date_key(letter.asked_on)) else None
    for day in ((sent,) if sent else ()) + (None,):
        for found, least in zip(keys, (1, 2)):
            positions = sharing(day, found, least)
            if positions is not None:
                return positions
    return []


def _sharing_most(index: WrittenIndex, day: str | None, keys: tuple[str, ...], least: int) -> list[int] | None:
    """The letters (sent on `day`, if given) holding the most of `keys`, in corpus order, if
    they hold at least `least`; else None."""
    shared = Counter(position for key in keys for position in index.get((day, key) if day else key, ()))
    if shared:
        most = max(shared.values())
        if most >= least:
            return sorted(position for position, count in shared.items() if count == most)
    return None


Compared = tuple[float, list[tuple[int, str, str]]]
"""What `_score` compares: the least score to match, and (weight, the answering letter's text,
the asked letter's text) pairs."""


def _compared(answering: Letter, asked: Letter) -> Compared | None:
    """The texts `_score` compares, or None when `asked` lacks more than half the numbers of the
    questions `answering` quotes.

    A quoted question that covers several numbers (`Vraag 4 en 5`) is compared with the text of
    the questions asked under those numbers together, and weighs once for each of them; without
    quoted questions the subjects are compared.
    """
    mine = {n: q for q in questions_of(answering) for n in q.numbers}
    if not mine:
        return SUBJECT_SIMILARITY, [(1, _normalized(answering.subject or ""), _normalized(asked.subject or ""))]
    theirs = {n: q for q in questions_of(asked) for n in q.numbers}
    shared = mine.keys() & theirs.keys()
    if len(shared) * 2 < len(mine):
        return None
    covered: dict[int, list[int]] = {}  # id of a quoted question -> its shared numbers
    for n in sorted(shared):
        covered.setdefault(id(mine[n]), []).append(n)
    return QUESTION_SIMILARITY, [
        (len(numbers), _question_text(mine[numbers[0]]),
         " ".join(_question_text(q) for q in {id(theirs[n]): theirs[n] for n in numbers}.values()))
        for numbers in covered.values()
    ]


class _Comparisons:
    """How many more texts `_score` may compare for one answering letter."""

    def __init__(self, left: int) -> None:
        self.left = left


def _score(answering: Letter, asked: Letter, bar: float = 0.0, budget: _Comparisons | None = None) -> float | None:
    """How well `asked` fits as the letter `answering` answers, 0..1 (see the module docstring);
    0 too as soon as the score is known to be at most `bar` (a better candidate's); None when
    the `budget` of comparisons runs out first.

    Comparing two texts is the costly step (`_similarity`): before each comparison the score is
    bounded by taking this text's similarity at most what the two lengths allow, then at most what
    the characters they hold allow, and the texts not yet compared as alike, and a candidate that
    cannot reach the threshold or beat `bar` is dropped there. The score of a candidate that is
    kept is the same sum in the same order.
    """
    compared = _compared(answering, asked)
    if compared is None:
        return 0.0
    threshold, pairs = compared
    weight = sum(count for count, _, _ in pairs)
    least = max(threshold, bar) * weight - _ROUNDING
    total, left = 0.0, weight
    for count, quoted, original in pairs:
        left -= count
        if quoted and quoted == original:
            total += count * 1.0
            continue
        if total + count * _similarity_bound(quoted, original) + left < least:
            return 0.0
        if total + count * _characters_bound(quoted, original) + left < least:
            return 0.0
        if budget is not None:
            if budget.left <= 0:
                return None
            budget.left -= 1
        total += count * _similarity(quoted, original)
    score = total / weight
    return score if score >= threshold else 0.0


def _reprints(answering: Letter, asked: Letter) -> bool:
    """Whether `answering` reprints the questions of `asked` it quotes (or, quoting none, its
    subject) word for word, as far as `_similarity` compares: `_score` is then 1, the most."""
    compared = _compared(answering, asked)
    return compared is not None and all(
        quoted and quoted[:COMPARED_CHARACTERS] == original[:COMPARED_CHARACTERS] for _, quoted, original in compared[1]
    )


def _is_before(asked: Letter, answering: Letter) -> bool:
    """Whether the questions were sent no later than the answer (True when a date is unknown)."""
    answered_on = answering.received_on or answering.sent_on
    return asked.sent_on is None or answered_on is None or asked.sent_on <= answered_on


COMPARISONS_PER_LETTER = 60
"""Most texts `_similarity` compares for one answering letter that reprints no candidate's
questions word for word (a comparison takes milliseconds). Letters of one member on one day
each cost a few before the bound drops them; a letter that would need more is reported."""

CANDIDATES_PER_LETTER = 200
"""Most candidates scored for one answering letter (each costs microseconds at least); past it
the letter is reported as past `COMPARISONS_PER_LETTER`."""

REPRINTS_LOOKED_UP = 100
"""Most letters holding an answering letter's texts that `_reprinted` looks at; past it (one
text asked in many letters), it looks at the answering letter's candidates instead."""


class WrittenLetters:
    """The corpus's written-questions letters, looked up by asker, subject word and day
    (`_index_written`, `_candidates`) and by the texts an answering letter reprints."""

    def __init__(self, letters: list[LetterAt]) -> None:
        self.letters = letters
        self._keys: dict[int, LetterKeys] = {}  # by id of the letter: each letter's, found once
        self._candidates: dict[tuple, tuple[list[int], frozenset[int]]] = {}
        self._sharing: dict[tuple[str | None, tuple[str, ...], int], list[int] | None] = {}
        self._held: dict[int, list[list[int]] | None] = {}  # `_holding` by id of the answering letter

    # The indexes are made when first looked at: a rebuild that keeps every match looks at none.

    def make_indexes(self) -> None:
        """Make every index now, with the texts they are made of, not when first looked at: before
        a process is forked that reads them too (`generator.link.threads`)."""
        _ = self.askers, self.index, self.by_text, self._positions  # each made once, on first look

    @cached_property
    def askers(self) -> list[frozenset[str]]:
        """Each letter's `_asker_keys`, by position."""
        return [frozenset(self.keys(letter)[0]) for _record, letter in self.letters]

    @cached_property
    def index(self) -> WrittenIndex:
        """`_index_written` of the letters."""
        return _index_written(self.letters, [self.keys(letter) for _record, letter in self.letters])

    @cached_property
    def by_text(self) -> dict[int, list[int]]:
        """The positions of the letters holding each text (`_reprint_keys`, `_subject_reprint_keys`)."""
        by_text: dict[int, list[int]] = defaultdict(list)
        for position, (_record, letter) in enumerate(self.letters):
            for key in dict.fromkeys((*_reprint_keys(letter), *_subject_reprint_keys(letter))):
                by_text[key].append(position)
        return by_text

    @cached_property
    def _positions(self) -> dict[int, int]:
        """Each letter's position, by the `id` of its (record, letter) pair in `letters`."""
        return {id(at): position for position, at in enumerate(self.letters)}

    def position(self, at: LetterAt) -> int:
        """The position of `at`, one of `letters` (`matching_written` gives one)."""
        return self._positions[id(at)]

    def holding(self, answering: Letter) -> list[list[int]] | None:
        """`_holding(answering, self)`, found once for each answering letter (`compared_letters`
        and `matching_written` both read it)."""
        if id(answering) not in self._held:
            self._held[id(answering)] = _holding(answering, self)
        return self._held[id(answering)]

    def keys(self, letter: Letter) -> LetterKeys:
        """The letter's `_asker_keys` and `_subject_keys`."""
        found = self._keys.get(id(letter))
        if found is None:
            found = self._keys[id(letter)] = (_asker_keys(letter), _subject_keys(letter))
        return found

    def candidates(self, answering: Letter) -> tuple[list[int], frozenset[int]]:
        """`_candidates` of `answering`, in corpus order and as a set; found once for each
        (day, askers, subject words): the Aanhangsels of one member's busy day share them."""
        keys = self.keys(answering)
        found = self._candidates.get((answering.asked_on, keys))
        if found is None:
            positions = _candidates(answering, keys, self.index, self.sharing_most)
            found = self._candidates[(answering.asked_on, keys)] = (positions, frozenset(positions))
        return found

    def sharing_most(self, day: str | None, keys: tuple[str, ...], least: int) -> list[int] | None:
        """`_sharing_most`, found once for each day and keys: the Aanhangsels answering one
        member's letters of one day share them, whatever their subjects."""
        if (day, keys, least) not in self._sharing:
            self._sharing[(day, keys, least)] = _sharing_most(self.index, day, keys, least)
        return self._sharing[(day, keys, least)]

    def is_candidate(self, answering: Letter, position: int) -> bool:
        """Whether `position` is among `_candidates(answering)`: at once when it was sent on the
        day `answering` names and has all of its askers (they share the most there)."""
        askers = self.keys(answering)[0]
        if askers and answering.asked_on is not None and self.letters[position][1].sent_on == answering.asked_on:
            if self.askers[position].issuperset(askers):
                return True
        return position in self.candidates(answering)[1]


def _reprint_keys(letter: Letter) -> tuple[int, ...]:
    """Keys under which a letter that reprints one of `letter`'s questions finds it: the hash of
    each number with the text of the question asked under it (as far as `_similarity` compares)."""
    return tuple(
        hash((n, _question_text(q)[:COMPARED_CHARACTERS])) for q in questions_of(letter) for n in q.numbers
    )


def _subject_reprint_keys(letter: Letter) -> tuple[int, ...]:
    """The key under which a letter that quotes no questions and reprints `letter`'s subject finds it."""
    subject = _normalized(letter.subject or "")
    return (hash(("subject", subject[:COMPARED_CHARACTERS])),) if subject else ()


def _holding(answering: Letter, written: WrittenLetters) -> list[list[int]] | None:
    """For each text of `answering` (`_reprint_keys`, or its subject's when it quotes no
    questions), the letters holding it word for word, in corpus order; None when more than
    `REPRINTS_LOOKED_UP` letters hold them (one text asked many times)."""
    texts = _reprint_keys(answering) or _subject_reprint_keys(answering)
    holding = [written.by_text[key] for key in dict.fromkeys(texts) if key in written.by_text]
    return holding if sum(map(len, holding)) <= REPRINTS_LOOKED_UP else None


def compared_letters(answering: Letter, written: WrittenLetters) -> tuple[list[int], list[list[int]] | None]:
    """The written-questions letters `matching_written` reads for `answering`, by position: its
    candidates (`_candidates`), and the letters holding each of its texts (`_holding`)."""
    return written.candidates(answering)[0], written.holding(answering)


def _reprinted(answering: Letter, written: WrittenLetters) -> int | None:
    """The first of `answering`'s candidates (`_candidates`) that it reprints word for word
    (`_reprints`), or None.

    Such a letter shares with it at least one number asked in the same words (`_reprint_keys`),
    unless more than half its numbers are quoted in combined questions (`Vraag 4 en 5`): the
    letters holding its texts are looked at where they are fewer than its candidates (one
    member's crowded day), else its candidates (one text asked in many letters, more than
    `REPRINTS_LOOKED_UP`; or a letter that may share none).
    """
    mine = {n: q for q in questions_of(answering) for n in q.numbers}
    holding = written.holding(answering)
    candidates = written.candidates(answering)[0]
    combined = sum(1 for q in mine.values() if len(q.numbers) > 1)
    if (mine and combined * 2 >= len(mine)) or holding is None or len(candidates) <= sum(map(len, holding)):
        looked_at: Iterable[int] = candidates
    else:
        looked_at = (position for position, _ in groupby(merge(*holding)))
    for position in islice(looked_at, CANDIDATES_PER_LETTER):  # past it, `matching_written` reports it
        asked = written.letters[position][1]
        if asked is not answering and _is_before(asked, answering) and written.is_candidate(answering, position):
            if _reprints(answering, asked):
                return position
    return None


def matching_written(answering: Letter, written: WrittenLetters) -> tuple[LetterAt | None, list[Diagnostic]]:
    """The written-questions letter `answering` answers, or None; and a warning when it could not
    be compared with every candidate within `COMPARISONS_PER_LETTER`.

    The best-scoring candidate wins, the first in corpus order among equals. Candidates are scored
    in order of how many of its texts they hold word for word (`_reprint_keys`), most first: a
    letter reprinted all but a word (`data-overdracht` broken over two lines) is scored first,
    and its score bounds the others' at once.
    """
    position = _reprinted(answering, written)
    if position is not None:
        return written.letters[position], []
    candidates = written.candidates(answering)[0]
    holding = Counter(at for held in written.holding(answering) or () for at in held)
    ordered = sorted(candidates, key=lambda at: (-holding[at], at))
    budget = _Comparisons(COMPARISONS_PER_LETTER)
    best: tuple[float, int] | None = None
    for looked, position in enumerate(ordered):
        asked = written.letters[position][1]
        if asked is answering or not _is_before(asked, answering):
            continue
        score = _score(answering, asked, best[0] if best else 0.0, budget) if looked < CANDIDATES_PER_LETTER else None
        if score is None:
            return (written.letters[best[1]] if best else None), [
                _too_many_candidates(answering, looked, len(candidates), best is not None)
            ]
        if score > 0 and (best is None or (score, -position) > (best[0], -best[1])):
            best = (score, position)
    return (written.letters[best[1]] if best else None), []


def _too_many_candidates(answering: Letter, looked: int, candidates: int, found: bool) -> Diagnostic:
    """The warning for an answering letter compared with only `looked` of its `candidates`."""
    return Diagnostic(
        answering.span.path, answering.span.line,
        f"compared with {looked} of the {candidates} letters it could answer (at most "
        f"{COMPARISONS_PER_LETTER} comparisons of texts and {CANDIDATES_PER_LETTER} letters a letter): "
        + ("threaded to the best of those" if found else "threaded to none of them"),
        (answering.subject or "")[:80], "warning",
    )
