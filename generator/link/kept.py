"""Keep, across builds, which written-questions letter each answering letter answers
(`generator.link.matching`), so a rebuild compares texts only for the letters whose inputs changed.

What `matching_written` finds for an answering letter depends on the letter itself and on the
letters the indexes offer it: its candidates, in corpus order, and the letters holding its texts
word for word (`compared_letters`). Each letter is named by its record's parse key (the SHA-256
of the source's bytes, its sidecar, the path shown and the code that parses and links it,
`generator.cache.parsed_key`) and its index in the record, so the key of a match is the hash of::

    (answering letter, (candidate, …), ((letter holding text 1, …), …) or None)

and a kept match is the name of the letter it chose (or None) with the warning it gave. An edit
to the answering letter or to any letter the indexes offer it changes the key, and the letter is
compared again; a letter whose record has no parse key is always compared.

The threads an answering letter makes with the letters it answers (`generator.link.threads`)
depend on those letters alone: they are kept too, by the hash of the letters' names, each as a
plain tuple naming its letters by their place among those (`_plain_threads`): pickled once with
the rest, and several times faster to pickle than the threads themselves.

The indexes are made of every written-questions letter of the corpus: when those are the same
letters, in the same order, as in the build that kept the matches (`written`, the hash of their
names), every unchanged answering letter has the key it had then (`letters`), found without
making the indexes. Nothing here reads or writes files: the build loads what an earlier build
kept (`restored`) and stores `stored()` when it `changed()`::

    kept = KeptMatches.restored(parse_keys, stored_by_the_last_build)
    thread_corpus(records, kept=kept)
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from generator.link.matching import LetterAt, WrittenLetters, compared_letters, matching_written
from generator.model import Diagnostic, Letter, LetterKey, Record, Target, Thread

KeptMatch = tuple[str | None, tuple[Diagnostic, ...]]
"""The name of the letter matched (None: none), and the warnings."""

PlainThreads = tuple[tuple[tuple[int, str, str | None, int, int, str, str | None, int], ...], tuple[Diagnostic, ...]]
"""The threads an answering letter makes, each as (place of the question's letter among the letters
joined, role, party, number, and the same of the answer), and its unplaced answers (`_plain_threads`)."""

Stored = tuple[bytes | None, dict[str, bytes], dict[bytes, KeptMatch], dict[bytes, PlainThreads]]
"""What a build keeps: `written`, `letters`, `found` and `threads_found`."""

Found = tuple[dict[bytes, KeptMatch], dict[str, bytes], dict[bytes, PlainThreads], int, bytes | None]
"""What a build found: `found`, `letters`, `threads_found`, `compared` and `written`."""

FORMAT = 2
"""The form `Stored` has (kept with it by the build: a cache of another form is not read)."""


@dataclass
class KeptMatches:
    """The matches an earlier build kept (`before`, by the hash of their inputs; `letters_before`,
    each answering letter's key then, for the written letters named by `written_before`) and this
    build's (`found`, `letters`, `written`); `keys` gives each record's parse key by its path."""

    keys: Mapping[str, str]
    before: Mapping[bytes, KeptMatch] = field(default_factory=dict)
    letters_before: Mapping[str, bytes] = field(default_factory=dict)
    written_before: bytes | None = None
    found: dict[bytes, KeptMatch] = field(default_factory=dict)
    letters: dict[str, bytes] = field(default_factory=dict)
    written: bytes | None = None
    threads_before: Mapping[bytes, PlainThreads] = field(default_factory=dict)
    threads_found: dict[bytes, PlainThreads] = field(default_factory=dict)
    """The threads of each answering letter and its unplaced answers (`threads`), as plain tuples,
    by the hash of the names of the letters they join."""
    compared: int = 0
    """How many answering letters were matched by comparing (not taken from `before`)."""
    _named: tuple[WrittenLetters | None, list[str | None], dict[str, int]] = field(default=(None, [], {}), repr=False, compare=False)

    @classmethod
    def restored(cls, keys: Mapping[str, str], stored: object) -> KeptMatches:
        """The matches `stored()` kept (anything else, a cache written by other code: none)."""
        if not (isinstance(stored, tuple) and len(stored) == 4 and all(isinstance(part, dict) for part in stored[1:])):
            return cls(keys)
        written, letters, found, threads = stored
        return cls(keys, found, letters, written, threads_before=threads)

    def part(self) -> KeptMatches:
        """Matches that look up what this one's earlier build kept, and find their own: for a part
        of the answering letters, given back with `found_now` and added with `add`."""
        return KeptMatches(self.keys, self.before, self.letters_before, self.written_before, threads_before=self.threads_before)

    def found_now(self) -> Found:
        """What this build found (sent back by a part: `part`)."""
        return self.found, self.letters, self.threads_found, self.compared, self.written

    def add(self, found: Found) -> None:
        """Add what a part found (`found_now`), after this one's own."""
        matches, letters, threads, compared, written = found
        self.found.update(matches)
        self.letters.update(letters)
        self.threads_found.update(threads)
        self.compared += compared
        self.written = self.written if self.written is not None else written

    def stored(self) -> Stored:
        """What to keep for the next build."""
        return self.written, self.letters, self.found, self.threads_found

    def changed(self) -> bool:
        """Whether this build found other matches or threads than the earlier build kept."""
        return self.stored() != (self.written_before, self.letters_before, self.before, self.threads_before)

    def threads(self, sources: list[LetterAt], make: Callable[[], tuple[list[Thread], list[Diagnostic]]]) -> tuple[list[Thread], list[Diagnostic]]:
        """The threads of the answering letter last in `sources` to the questions of `sources`, and
        its unplaced answers: `make()`, or what it gave an earlier build for the same letters."""
        names = [self._name(record, letter) for record, letter in sources]
        if None in names:
            return make()
        key = hashlib.sha256(repr(names).encode("utf-8", "surrogatepass")).digest()
        plain = self.threads_before.get(key)
        if plain is None:
            made = make()
            plain = _plain_threads(sources, *made)
        else:
            made = _threads_from_plain(sources, plain)
        self.threads_found[key] = plain
        return made

    def _name(self, record: Record, letter: Letter) -> str | None:
        """A letter named by its record's parse key and its index; None when its record has none."""
        key = self.keys.get(record.path)
        return f"{key}:{letter.index}" if key is not None else None

    def matching(self, record: Record, answering: Letter, written: WrittenLetters) -> tuple[LetterAt | None, list[Diagnostic]]:
        """`matching_written(answering, written)`, taken from `before` when its inputs are unchanged."""
        names, positions = self._names(written)
        own = self._name(record, answering)
        key = self.letters_before.get(own) if own is not None and self.written == self.written_before else None
        if key is None or key not in self.before:
            key = self._key(own, answering, written, names)
        kept = self.before.get(key) if key is not None else None
        if kept is not None and kept[0] is not None and kept[0] not in positions:
            kept = None  # never, while the key names the candidates: a kept match is one of them
        if kept is None:
            self.compared += 1
            match, problems = matching_written(answering, written)
            place = written.position(match) if match is not None else None
            kept = (names[place] if place is not None else None, tuple(problems))
        if key is not None:
            self.found[key] = kept
            self.letters[own] = key
        name, problems = kept
        return (written.letters[positions[name]] if name is not None else None), list(problems)

    def _key(self, own: str | None, answering: Letter, written: WrittenLetters, names: list[str | None]) -> bytes | None:
        """The hash of what the match of `answering` depends on; None when a letter has no parse key."""
        candidates, holding = compared_letters(answering, written)
        inputs = (
            own,
            tuple(names[position] for position in candidates),
            None if holding is None else tuple(tuple(names[position] for position in held) for held in holding),
        )
        if own is None or None in inputs[1] or any(None in held for held in inputs[2] or ()):
            return None
        return hashlib.sha256(repr(inputs).encode("utf-8", "surrogatepass")).digest()

    def _names(self, written: WrittenLetters) -> tuple[list[str | None], dict[str, int]]:
        """Each written-questions letter named by its record's parse key and its index, and the
        position of each name (found once for `written`, with `written` itself: the hash of the names)."""
        if self._named[0] is not written:
            names = [self._name(record, letter) for record, letter in written.letters]
            positions = {name: position for position, name in enumerate(names) if name is not None}
            if len(positions) < len(names) - names.count(None):  # one record twice: no name tells them apart
                names, positions = [None] * len(names), {}
            self._named = written, names, positions
            self.written = None if None in names else hashlib.sha256("\n".join(names).encode()).digest()
        return self._named[1], self._named[2]


def _plain_threads(sources: list[LetterAt], threads: list[Thread], unplaced: list[Diagnostic]) -> PlainThreads:
    """`threads` (between letters of `sources`) as plain tuples, and the `unplaced` answers."""
    places = {(record.path, letter.index): place for place, (record, letter) in enumerate(sources)}
    return tuple(
        (places[question.letter.path, question.letter.index], question.role, question.party, question.number,
         places[answer.letter.path, answer.letter.index], answer.role, answer.party, answer.number)
        for question, answer in ((thread.question, thread.answer) for thread in threads)
    ), tuple(unplaced)


def _threads_from_plain(sources: list[LetterAt], plain: PlainThreads) -> tuple[list[Thread], list[Diagnostic]]:
    """The threads and unplaced answers `_plain_threads` gave, between the letters of `sources`."""
    keys = [LetterKey(record.path, letter.index) for record, letter in sources]
    threads, unplaced = plain
    return [
        Thread(Target(keys[question], question_role, question_party, question_number), Target(keys[answer], answer_role, answer_party, answer_number))
        for question, question_role, question_party, question_number, answer, answer_role, answer_party, answer_number in threads
    ], list(unplaced)
