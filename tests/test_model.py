"""The model's own behaviour: what its frozen dataclasses promise beyond holding their fields."""

from __future__ import annotations

import itertools
import pickle

from generator.model import LetterKey, Target


def test_a_target_hashes_as_it_compares() -> None:
    """`Target.__hash__` hashes the letter's fields in place of the letter: targets that are equal
    (each with a letter key of its own) hash alike and find each other in a dict, as after pickling."""
    fields = itertools.product(("seeds/a.txt", "seeds/b.txt"), (0, 1), ("vraag", "antwoord"), (None, "BBB"), (1, 2))
    targets = [Target(LetterKey(path, index), role, party, number) for path, index, role, party, number in fields]
    copies = [Target(LetterKey(t.letter.path, t.letter.index), t.role, t.party, t.number) for t in targets]
    found = {target: position for position, target in enumerate(targets)}
    assert len(found) == len(targets) == 32
    assert [found[copy] for copy in copies] == list(range(len(targets)))
    assert all(hash(target) == hash(copy) for target, copy in zip(targets, copies))
    assert [found[pickle.loads(pickle.dumps(copy))] for copy in copies] == list(range(len(targets)))
