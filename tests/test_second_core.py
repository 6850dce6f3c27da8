"""Part of a step computed in a forked process (`generator.second_core`) gives what computing it
here gives, and a forked process that fails leaves the work to this one. A step computed apart
(`apart`) gives its result, or raises what it raised, and leaves its memory behind."""

from __future__ import annotations

import os

import pytest

import signal
import time

from generator.second_core import SecondCore, SharedOut, apart

PARENT = os.getpid()


def _words(count: int) -> list[str]:
    """Work whose result is larger than a pipe holds at once (64 KB): the reading must not wait for the end."""
    return [f"{number}:{os.getpid() != PARENT}" for number in range(count)]


def test_the_forked_process_computes_the_part_and_sends_it_back() -> None:
    with SecondCore(lambda: _words(50_000)) as second:
        forked = second.pid
        here = _words(10)
        there = second.result()
    assert here == [f"{number}:False" for number in range(10)]
    assert there == [f"{number}:True" for number in range(50_000)]  # computed in the forked process
    _assert_collected(forked)


def _assert_collected(pid: int | None) -> None:
    assert pid is not None
    with pytest.raises(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


def _fails_when_forked() -> str:
    if os.getpid() != PARENT:
        raise RuntimeError("only in the forked process")
    return "computed here"


def test_a_forked_process_that_fails_leaves_the_part_to_this_one() -> None:
    with SecondCore(_fails_when_forked) as second:
        assert second.result() == "computed here"


def _always_fails() -> str:
    raise ValueError("the work itself is wrong")


def test_work_that_raises_raises_here_too() -> None:
    with SecondCore(_always_fails) as second, pytest.raises(ValueError, match="the work itself is wrong"):
        second.result()


def test_leaving_without_the_result_stops_the_forked_process() -> None:
    with pytest.raises(KeyError):
        with SecondCore(lambda: _words(100_000)) as second:  # blocks writing: nobody reads
            forked = second.pid
            raise KeyError("this process's part raised")
    _assert_collected(forked)  # stopped and collected


def test_shared_out_items_go_each_to_one_process_from_both_ends() -> None:
    items = SharedOut(1_000)
    with SecondCore(lambda: list(iter(items.last, None))) as second:
        here = list(iter(items.first, None))
        there = second.result()
    assert here == list(range(len(here)))  # from the first on, in order
    assert there == list(range(999, len(here) - 1, -1))  # from the last back, to where this one stopped
    assert items.first() is None and items.last() is None


def test_a_step_computed_apart_gives_its_result() -> None:
    assert apart(lambda: _words(50_000)) == [f"{number}:True" for number in range(50_000)]


def test_a_step_computed_apart_raises_here_what_it_raised() -> None:
    with pytest.raises(ValueError, match="the work itself is wrong"):
        apart(_always_fails)


class _Unpicklable(Exception):
    def __init__(self, first: str, second: str) -> None:  # pickle calls it with one argument
        super().__init__(f"{first} {second}")


def _raises_unpicklable() -> None:
    raise _Unpicklable("not", "picklable")


def test_an_error_that_cannot_come_back_whole_is_described() -> None:
    with pytest.raises(RuntimeError, match="_Unpicklable.*not picklable"):
        apart(_raises_unpicklable)


def test_a_step_whose_process_ends_without_a_result_says_so() -> None:
    def killed() -> str:
        os.kill(os.getpid(), signal.SIGKILL)
        return "never"

    with pytest.raises(RuntimeError, match=r"ended without its result \(killed"):
        apart(killed)
    assert os.getpid() == PARENT


def _resident_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:")) / 1024


@pytest.mark.skipif(not os.path.exists("/proc/self/status"), reason="reads the resident memory from /proc")
def test_the_memory_a_step_computed_apart_takes_is_not_kept_here() -> None:
    """Many small objects, a few of which outlive the step (as a build's corpus, and its
    diagnostics): computed here, the blocks the survivors sit in stay this process's."""

    def step() -> list[str]:
        made = [f"{number} " * 4 for number in range(2_000_000)]  # about 200 MB
        return made[::20_000]  # a hundred survivors, all over it

    before = _resident_mb()
    kept = apart(step)
    assert len(kept) == 100 and _resident_mb() - before < 20
    kept_here = step()
    assert len(kept_here) == 100 and _resident_mb() - before > 50  # what `apart` spares


def _slow_words() -> list[str]:
    time.sleep(0.5)
    return _words(10)


def test_a_step_interrupted_apart_lets_the_forked_process_end_on_its_own() -> None:
    """As Ctrl-C interrupts this process while the step runs, the forked process (which the
    terminal interrupts too) is given time to end, cleaning up, before it is stopped."""
    def interrupt(*_: object) -> None:
        raise KeyboardInterrupt

    before = set(_children())  # other tests' processes (a browser, a pool) may still run
    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, 0.1)
    try:
        with pytest.raises(KeyboardInterrupt):
            apart(_slow_words)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert set(_children()) <= before  # the step's process collected, not left behind


def test_a_forked_process_that_ends_within_the_grace_is_not_killed() -> None:
    second = SecondCore(_slow_words)
    forked = second.pid
    start = time.monotonic()
    second.stop(grace=5.0)
    assert 0.4 < time.monotonic() - start < 5.0  # it ran to its end (killed at once, it would not take 0.5 s)
    _assert_collected(forked)


def _children() -> list[int]:
    with open(f"/proc/{os.getpid()}/task/{os.getpid()}/children", encoding="ascii") as listed:
        return [int(pid) for pid in listed.read().split()]
