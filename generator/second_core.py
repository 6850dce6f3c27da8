"""Compute part of a pure step in a forked process while this one computes the rest (issue 9).

Between parsing and rendering the build's process works alone, and the machine's second core sits
idle. A step whose work splits into independent parts (threading the answering letters of the
corpus, each matched on its own) gives one part to a process forked for it: it shares the corpus
with this one (copy-on-write), computes its part, sends the result back pickled through a pipe,
and exits. The result is the same as computing that part here, after the rest; and it is computed
here when the fork fails, or the forked process ends without a result (it raised: computed here,
it raises here too)::

    with SecondCore(lambda: work(second_half)) as second:
        first = work(first_half)
        both = first + second.result()

Leaving the block without the result (this process's part raised) stops the forked process.

Only for work whose result is small beside what it reads: the result is pickled, sent and
unpickled, and forking costs time in proportion to the memory of this process.

Work made of many like items need not be cut in two before the fork: `SharedOut` deals them out to
both processes as they go, this one taking them from the first on and the forked one from the last
back, so the one with less else to do takes more::

    items = SharedOut(len(letters))
    with SecondCore(lambda: [(at, work(letters[at])) for at in iter(items.last, None)]) as second:
        other_work()                       # meanwhile, on this core
        here = [(at, work(letters[at])) for at in iter(items.first, None)]
        there = second.result()            # what the forked process took, unless it failed
"""

from __future__ import annotations

import mmap
import multiprocessing
import os
import pickle
import signal
import struct
import sys
import time
from collections.abc import Callable
from typing import Generic, TypeVar

Result = TypeVar("Result")


class SecondCore(Generic[Result]):
    """`work()`, computed in a process forked now; its result is taken with `result()`."""

    def __init__(self, work: Callable[[], Result]) -> None:
        self.work = work
        self.pid: int | None = None
        self.reading: int | None = None
        if not hasattr(os, "fork"):
            return
        reading, writing = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(reading)
            os.close(writing)
            return
        if pid == 0:  # the forked process: compute, send, never return
            os.close(reading)
            _compute_and_send(work, writing)
        os.close(writing)
        self.pid, self.reading = pid, reading

    def __enter__(self) -> SecondCore[Result]:
        return self

    def __exit__(self, *_: object) -> None:
        self.stop()

    def stop(self, grace: float = 0.0) -> None:
        """Stop and collect the forked process, unless its result was taken; first give it `grace`
        seconds to end on its own."""
        if self.pid is not None:
            if not _ended_within(self.pid, grace):
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            self.pid = None
        if self.reading is not None:
            os.close(self.reading)
            self.reading = None

    def result(self) -> Result:
        """The result of `work()`: as the forked process sent it, or computed here when it sent none."""
        data = self._received()
        return pickle.loads(data) if data else self.work()

    def _received(self) -> bytes:
        """What the forked process sent (nothing when it failed), once it has ended."""
        if self.pid is None or self.reading is None:
            return b""
        chunks = []
        with os.fdopen(self.reading, "rb") as stream:  # read while it writes: a pipe holds 64 KB
            self.reading = None
            while chunk := stream.read(1 << 20):
                chunks.append(chunk)
        _, status = os.waitpid(self.pid, 0)
        self.pid = None
        return b"".join(chunks) if os.waitstatus_to_exitcode(status) == 0 else b""


def _compute_and_send(work: Callable[[], object], writing: int) -> None:
    """In the forked process: send `work()`'s result pickled, and exit (1 when it raised or could
    not be sent), without running anything the forking process would on its way out."""
    status = 1
    try:
        data = pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(writing, "wb") as stream:
            stream.write(data)
        status = 0
    finally:
        os._exit(status)


def apart(work: Callable[[], Result]) -> Result:
    """`work()`, computed in a process forked for it while this one waits: what it raises is
    raised here. The memory it takes goes back to the system when that process ends, where this
    process would keep most of it (Python's allocator keeps a block of memory while one object in
    it lives, and a few of a build's objects outlive its corpus): the later stages, and the
    processes they start, run beside less. Computed here when forking fails.

    Raises `RuntimeError` when the forked process ends without a result (killed, out of memory).
    """
    for stream in (sys.stdout, sys.stderr):  # or what they hold would be written twice
        stream.flush()
    forked = SecondCore(lambda: _outcome(work))
    if forked.pid is None:  # it could not fork
        return work()
    try:
        data = forked._received()
    except BaseException:  # interrupted (Ctrl-C reaches the forked process too): it ends, cleaning up, or is stopped
        forked.stop(grace=STOPPING_SECONDS)
        raise
    if not data:
        raise RuntimeError(f"the process forked for {getattr(work, '__qualname__', 'a step')} ended without its result (killed, or out of memory)")
    succeeded, value = pickle.loads(data)
    if not succeeded:
        raise value
    return value


STOPPING_SECONDS = 10.0
"""How long `apart` waits, when interrupted, for the forked process to end on its own (Ctrl-C
reaches it too: it removes what it began writing) before stopping it."""


def _ended_within(pid: int, seconds: float) -> bool:
    """Whether process `pid` ends within `seconds` (then it is collected)."""
    deadline = time.monotonic() + seconds
    while os.waitpid(pid, os.WNOHANG)[0] == 0:
        if time.monotonic() >= deadline:
            return False
        time.sleep(0.02)
    return True


def _outcome(work: Callable[[], Result]) -> tuple[bool, object]:
    """(True, `work()`), or (False, what it raised, made picklable); what it printed written out
    (`os._exit` writes out no buffer)."""
    try:
        return True, work()
    except BaseException as error:  # given back to the waiting process, which raises it
        return False, picklable(error)
    finally:
        for stream in (sys.stdout, sys.stderr):
            stream.flush()


def picklable(error: BaseException) -> BaseException:
    """`error`, or a `RuntimeError` describing it should it not come back whole through pickle."""
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        return RuntimeError(repr(error))
    return error


_ENDS = struct.Struct("qq")
"""The first and the end (past the last) of the items not yet taken (`SharedOut`)."""


class SharedOut:
    """Items 0 .. `count` - 1 dealt out between this process and one forked after it was made
    (`SecondCore`): `first()` takes the first item not yet taken, `last()` the last, each item
    once, until they meet (then both give None). The ends are in memory both processes share, and
    a lock makes each take whole."""

    def __init__(self, count: int) -> None:
        self._ends = mmap.mmap(-1, _ENDS.size)  # anonymous and shared: a forked process sees the same
        _ENDS.pack_into(self._ends, 0, 0, count)
        self._lock = multiprocessing.Lock()

    def first(self) -> int | None:
        """Take the first item not yet taken (None when none is left)."""
        with self._lock:
            start, end = _ENDS.unpack_from(self._ends)
            if start >= end:
                return None
            _ENDS.pack_into(self._ends, 0, start + 1, end)
            return start

    def last(self) -> int | None:
        """Take the last item not yet taken (None when none is left)."""
        with self._lock:
            start, end = _ENDS.unpack_from(self._ends)
            if start >= end:
                return None
            _ENDS.pack_into(self._ends, 0, start, end - 1)
            return end - 1
