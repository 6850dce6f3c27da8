"""Keep, across builds, which written-questions letter each answering letter answers
(`generator.link.matching`), so a rebuild compares texts only for the letters whose inputs changed.

What `matching_written` finds for an answering letter depends on the letter itself and on the
letters the indexes offer it: its candidates, in corpus order, and the letters holding its texts
word for word (`compared_letters`). Each letter is named by its record's parse key (the SHA-256
of the source's bytes, its sidecar, the path shown and the code that parses and links it,
`generator.cache.parsed_key`) and its index in the record, so the key of a match is the hash of::

    (answering letter, (candidate, …), ((letter holding text 1, …), …) or None)

and a kept match is the candidate it chose (by its place among the candidates) with the warning
it gave. An edit to the answering letter or to any letter the indexes offer it changes the key,
and the letter is compared again; a letter whose record has no parse key is always compared.
Nothing here reads or writes files: the build loads what an earlier build found (`before`) and
stores what this one found (`found`)::

    kept = KeptMatches(parse_keys, before=matches_of_the_last_build)
    thread_corpus(records, kept=kept)   # kept.found: the matches of this corpus, by key
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass, field

from generator.link.matching import LetterAt, WrittenLetters, compared_letters, matching_written
from generator.model import Diagnostic, Letter, Record

KeptMatch = tuple[int | None, tuple[Diagnostic, ...]]
"""The place of the letter matched among the candidates (None: none), and the warnings."""


@dataclass
class KeptMatches:
    """The matches an earlier build found (`before`) and those of this build (`found`), by the
    hash of their inputs; `keys` gives each record's parse key by its path."""

    keys: Mapping[str, str]
    before: Mapping[bytes, KeptMatch] = field(default_factory=dict)
    found: dict[bytes, KeptMatch] = field(default_factory=dict)
    compared: int = 0
    """How many answering letters were matched by comparing (not taken from `before`)."""
    _named: tuple[WrittenLetters | None, list[str | None]] = field(default=(None, []), repr=False, compare=False)

    def matching(self, record: Record, answering: Letter, written: WrittenLetters) -> tuple[LetterAt | None, list[Diagnostic]]:
        """`matching_written(answering, written)`, taken from `before` when its inputs are unchanged."""
        candidates, holding = compared_letters(answering, written)
        key = self._key(record, answering, written, candidates, holding)
        kept = self.before.get(key) if key is not None else None
        if kept is None:
            self.compared += 1
            match, problems = matching_written(answering, written)
            place = next((at for at, position in enumerate(candidates) if written.letters[position] is match), None)
            kept = (place, tuple(problems))
        if key is not None:
            self.found[key] = kept
        place, problems = kept
        return (written.letters[candidates[place]] if place is not None else None), list(problems)

    def _key(
        self, record: Record, answering: Letter, written: WrittenLetters, candidates: list[int], holding: list[list[int]] | None
    ) -> bytes | None:
        """The hash of what the match of `answering` depends on; None when a letter has no parse key."""
        named = self._names(written)
        own = self.keys.get(record.path)
        inputs = (
            f"{own}:{answering.index}" if own is not None else None,
            tuple(named[position] for position in candidates),
            None if holding is None else tuple(tuple(named[position] for position in held) for held in holding),
        )
        if inputs[0] is None or None in inputs[1] or any(None in held for held in inputs[2] or ()):
            return None
        return hashlib.sha256(repr(inputs).encode("utf-8", "surrogatepass")).digest()

    def _names(self, written: WrittenLetters) -> list[str | None]:
        """Each written-questions letter named by its record's parse key and its index (found once per index)."""
        if self._named[0] is not written:
            self._named = written, [
                f"{self.keys[record.path]}:{letter.index}" if record.path in self.keys else None
                for record, letter in written.letters
            ]
        return self._named[1]
