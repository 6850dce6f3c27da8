"""Part of a step computed in a forked process (`generator.second_core`) gives what computing it
here gives, and a forked process that fails leaves the work to this one."""

from __future__ import annotations

import os

import pytest

from generator.second_core import SecondCore, SharedOut

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
