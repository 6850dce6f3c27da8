"""Character ranges of a text taken by earlier finds, so that a later find may not overlap them.

Finders try their patterns in order and an earlier find wins an overlap. Comparing each new find
with every find so far is quadratic on a paragraph of thousands of referrals or citations;
`Spans` looks the neighbours up by bisection instead::

    >>> taken = Spans()
    >>> taken.add(4, 10), taken.add(8, 12), taken.add(10, 12)
    (True, False, True)
"""

from __future__ import annotations

from bisect import bisect_left


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
