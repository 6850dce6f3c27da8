"""Threading part of the answering letters in a forked process (`threads.SPLIT_FROM`,
`generator.second_core.SharedOut`: it takes them from the last back while this one takes them from
the first on) links the corpus as threading every letter here does: the same threads, statuses and
diagnostics, and the same matches kept for the next build, in the same order."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from generator.build import parse_and_link_sources
from generator.link import KeptMatches, link_corpus
from generator.link import threads
from generator.second_core import SecondCore

REPO = Path(__file__).resolve().parent.parent.parent


class _Counted(SecondCore):
    """A `SecondCore` that counts the results the forked process sent."""

    sent = 0

    def _received(self) -> bytes:
        data = super()._received()
        _Counted.sent += bool(data)
        return data


def test_the_later_half_threaded_in_a_forked_process_links_as_threading_here(tmp_path: Path, monkeypatch) -> None:
    sys.path.insert(0, str(REPO / "benchmarks"))
    from corpus import make_corpus

    make_corpus(tmp_path / "seeds", 60)
    parsed = parse_and_link_sources(tmp_path / "seeds", tmp_path / ".cache", workers=1)

    def linked(kept: KeptMatches | None):
        return link_corpus(parsed.records, parsed.diagnostics, (), parsed.alone, parsed.terms, kept)

    here_kept = KeptMatches(parsed.keys)
    here, here_plain = linked(here_kept), linked(None)
    monkeypatch.setattr(threads, "SPLIT_FROM", 2)
    monkeypatch.setattr(threads, "SecondCore", _Counted)
    split_kept = KeptMatches(parsed.keys)
    split, split_plain = linked(split_kept), linked(None)
    assert _Counted.sent == 2  # each time, the forked process sent the letters it took
    assert len(here.links.threads) > 100
    assert repr(split) == repr(here) and repr(split_plain) == repr(here_plain) == repr(here)
    assert split_kept.stored() == here_kept.stored() and split_kept.compared == here_kept.compared > 10
    assert list(split_kept.found) == list(here_kept.found)  # kept in the same order
    again = KeptMatches.restored(parsed.keys, split_kept.stored())  # a rebuild keeps them all: threaded here
    assert repr(linked(again)) == repr(here) and again.compared == 0 and _Counted.sent == 2


def test_letters_the_forked_process_took_are_threaded_here_when_it_fails(tmp_path: Path, monkeypatch) -> None:
    sys.path.insert(0, str(REPO / "benchmarks"))
    from corpus import make_corpus

    make_corpus(tmp_path / "seeds", 60)
    parsed = parse_and_link_sources(tmp_path / "seeds", tmp_path / ".cache", workers=1)
    here_kept = KeptMatches(parsed.keys)
    here = link_corpus(parsed.records, parsed.diagnostics, (), parsed.alone, parsed.terms, here_kept)
    parent, took = os.getpid(), threads.Threading._thread_from_last

    def fails_after_taking_three(self, part):
        if os.getpid() != parent:
            for _ in range(3):
                self._shared.last()
            raise RuntimeError("the forked process fails")
        return took(self, part)

    monkeypatch.setattr(threads, "SPLIT_FROM", 2)
    monkeypatch.setattr(threads.Threading, "_thread_from_last", fails_after_taking_three)
    split_kept = KeptMatches(parsed.keys)
    split = link_corpus(parsed.records, parsed.diagnostics, (), parsed.alone, parsed.terms, split_kept)
    assert repr(split) == repr(here) and len(here.links.threads) > 100
    assert split_kept.stored() == here_kept.stored() and list(split_kept.found) == list(here_kept.found)
