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
depend on those letters alone: they are kept too, pickled, by the hash of the letters' names.

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
import pickle
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from generator.link.matching import LetterAt, WrittenLetters, compared_letters, matching_written
from generator.model import Diagnostic, Letter, Record, Thread

KeptMatch = tuple[str | None, tuple[Diagnostic, ...]]
"""The name of the letter matched (None: none), and the warnings."""

Stored = tuple[bytes | None, dict[str, bytes], dict[bytes, KeptMatch], dict[bytes, bytes]]
"""What a build keeps: `written`, `letters`, `found` and `threads_found`."""


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
    threads_before: Mapping[bytes, bytes] = field(default_factory=dict)
    threads_found: dict[bytes, bytes] = field(default_factory=dict)
    """The threads of each answering letter and its unplaced answers (`threads`), pickled, by
    the hash of the names of the letters they join."""
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
        data = self.threads_before.get(key)
        if data is None:
            threads, unplaced = made = make()
            data = pickle.dumps((tuple(threads), tuple(unplaced)), protocol=pickle.HIGHEST_PROTOCOL)
        else:
            threads, unplaced = pickle.loads(data)
            made = list(threads), list(unplaced)
        self.threads_found[key] = data
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
