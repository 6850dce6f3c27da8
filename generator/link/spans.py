"""Character ranges of a text taken by earlier finds, so that a later find may not overlap them.

Finders try their patterns in order and an earlier find wins an overlap. Comparing each new find
with every find so far is quadratic on a paragraph of thousands of referrals or citations;
`Spans` looks the neighbours up by bisection instead::

    >>> taken = Spans()
    >>> taken.add(4, 10), taken.add(8, 12), taken.add(10, 12)
    (True, False, True)
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator


class Spans:
    """Non-empty ranges `start..end` (end exclusive) of a text, none overlapping another."""

    def __init__(self) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []

    def overlaps(self, start: int, end: int) -> bool:
        """Whether `start..end` overlaps a range taken so far.

        The ranges that start before `end` are the first ones in order; as none overlaps
        another, the last of them ends last, so only it needs comparing.
        """
        before = bisect_left(self._starts, end)
        return before > 0 and self._ends[before - 1] > start

    def add(self, start: int, end: int) -> bool:
        """Take `start..end` unless it overlaps a range taken so far; whether it was taken."""
        if self.overlaps(start, end):
            return False
        at = bisect_left(self._starts, start)
        self._starts.insert(at, start)
        self._ends.insert(at, end)
        return True


def finds_after_boundary(pattern: re.Pattern[str], text: str, group: str) -> Iterator[tuple[re.Match[str], int, int]]:
    """Yield each find of `pattern`'s `group` in `text`, left to right and never overlapping, as
    (match, start, end) with `start`..`end` the group's characters in `text`.

    `pattern` matches the one character that may stand before a find and holds the find in a
    lookahead (`[^\\w@](?=(?P<find>…))`): the regular expression engine then skips quickly over
    every character that cannot stand before one, where a lookbehind (`(?<![\\w@])…`) keeps it
    trying the whole pattern at every character. The text is read with a space before it, so a
    find may stand at its start; a find that starts inside the one before it is left out, as
    `finditer` on the lookbehind pattern would::

        >>> pattern = re.compile(r"[^\\w](?=(?P<find>ab|b))")
        >>> [(start, end) for _, start, end in finds_after_boundary(pattern, "ab b", "find")]
        [(0, 2), (3, 4)]
    """
    end = 0
    for match in pattern.finditer(" " + text):
        start = match.start(group) - 1
        if start >= end:
            end = match.end(group) - 1
            yield match, start, end
