"""Time the stages of a build, so the benchmark can report each (issue 9); nothing else reads it."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager


class Stopwatch:
    """The seconds each named stage took, in the order the stages ran: `laps`."""

    def __init__(self) -> None:
        self.laps: tuple[tuple[str, float], ...] = ()

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        """Time the block as `stage` (a stage that raises is not recorded)."""
        start = time.perf_counter()
        yield
        self.laps += ((stage, time.perf_counter() - start),)
