"""A match kept from an earlier build (`generator.link.kept`) links as comparing again does, and an
edit to a letter the answering letter was compared with makes it compare again.

The written questions are the real seed letter (seeds/000, Kathmann and Six Dijkstra, sent
7 October 2025); the Aanhangsel answering them is tests/fixtures/aanhangsel (synthetic, in the
published shape), which quotes questions 1 to 10 and is threaded to them by comparing texts."""

from __future__ import annotations

import pickle
import shutil
import sys
from pathlib import Path

import pytest

from generator.build import _KEPT_VERSION, KEPT_MATCHES, generate, parse_and_link_sources
from generator.cache import read_entry, write_entry
from generator.link import KeptMatches, link_corpus
from generator.link import kept as kept_module
from generator.link import matching, threads
from generator.model import LetterKey

ROOT = Path(__file__).resolve().parent.parent.parent
WRITTEN = "000_04ae587ba6eeb66d.txt"
ANSWERS = "ah-tk-20252026-412.txt"


def _seeds(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    shutil.copy(ROOT / "seeds" / WRITTEN, seeds / WRITTEN)
    shutil.copy(ROOT / "seeds" / WRITTEN.replace(".txt", ".toml"), seeds / WRITTEN.replace(".txt", ".toml"))
    shutil.copy(ROOT / "tests/fixtures/aanhangsel" / ANSWERS, seeds / ANSWERS)
    return seeds


def _linked(seeds: Path, cache: Path, kept_before: dict | None = None):
    parsed = parse_and_link_sources(seeds, cache, workers=1)
    kept = KeptMatches.restored(parsed.keys, kept_before) if kept_before is not None else None
    return link_corpus(parsed.records, parsed.diagnostics, (), parsed.alone, parsed.terms, kept), kept


def _written_threads(corpus) -> list[tuple[int, int]]:
    written = LetterKey(f"seeds/{WRITTEN}", 0)
    return sorted((t.question.number, t.answer.number) for t in corpus.links.threads if t.question.letter == written)


def _same(first, second) -> None:
    for name in ("threads", "statuses", "text_links", "events"):
        assert repr(getattr(first.links, name)) == repr(getattr(second.links, name)), name
    assert repr(first.diagnostics) == repr(second.diagnostics)


def _count_comparisons(monkeypatch) -> list[str]:
    compared: list[str] = []
    original = kept_module.matching_written

    def counting(answering, written):
        compared.append(answering.span.path)
        return original(answering, written)

    monkeypatch.setattr(kept_module, "matching_written", counting)
    return compared


def test_a_kept_match_threads_as_comparing_again(tmp_path: Path, monkeypatch) -> None:
    seeds, cache = _seeds(tmp_path), tmp_path / ".cache"
    fresh, _ = _linked(seeds, cache)
    assert _written_threads(fresh) == [(n, n) for n in range(1, 11)]  # found by comparing the quoted questions
    first, kept = _linked(seeds, cache, {})
    assert kept.compared == 1 and len(kept.found) == 1 and kept.changed()
    _same(first, fresh)
    compared = _count_comparisons(monkeypatch)
    for unneeded in ("_index_written", "_reprint_keys"):  # the same written letters: no index is made
        monkeypatch.setattr(matching, unneeded, _unneeded)
    monkeypatch.setattr(threads, "_threads_of", _unneeded)  # nor threads: the same letters' are kept
    again, kept_again = _linked(seeds, cache, kept.stored())
    assert compared == [] and kept_again.compared == 0 and kept_again.stored() == kept.stored() and not kept_again.changed()
    _same(again, fresh)


def _unneeded(*args):
    raise AssertionError("made an index or threads although every match and thread was kept")


def test_an_edit_to_the_answering_letter_compares_it_again(tmp_path: Path, monkeypatch) -> None:
    seeds, cache = _seeds(tmp_path), tmp_path / ".cache"
    _, kept = _linked(seeds, cache, {})
    answers = seeds / ANSWERS
    answers.write_text(answers.read_text(encoding="utf-8").replace("Antwoord 1\nJa.", "Antwoord 1\nJa, dat ben ik."), encoding="utf-8")
    fresh, _ = _linked(seeds, cache)
    compared = _count_comparisons(monkeypatch)
    edited, kept_after = _linked(seeds, cache, kept.stored())
    assert compared == [f"seeds/{ANSWERS}"] and kept_after.written == kept.written  # the written letters are the same
    _same(edited, fresh)
    assert _written_threads(edited) == [(n, n) for n in range(1, 11)]


def _rot13_questions(text: str, numbers: range) -> str:
    """Scramble the words of the written letter's questions `numbers` (`Vraag 3…` up to the next `Vraag`)."""
    lines, scrambling = text.splitlines(keepends=True), False
    for at, line in enumerate(lines):
        if line.startswith("Vraag"):
            number = int("".join(char for char in line[5:8] if char.isdigit()))
            scrambling = number in numbers
            if scrambling:
                lines[at] = line[:5] + str(number) + line[5 + len(str(number)):].translate(_ROT13)
        elif scrambling:
            lines[at] = line.translate(_ROT13)
    return "".join(lines)


_ROT13 = str.maketrans(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", "nopqrstuvwxyzabcdefghijklmNOPQRSTUVWXYZABCDEFGHIJKLM"
)


EDITS = {
    # its asker and day still make it the candidate; whether it still matches is decided by the texts
    "questions-it-quotes": (lambda text: _rot13_questions(text, range(1, 11)), []),
    "a-question-it-does-not-quote": (lambda text: _rot13_questions(text, range(19, 20)), [(n, n) for n in range(1, 11)]),
    # still the letter it answers (nine of its ten numbers), but question 10 is now 20: no thread to it
    "a-quoted-question-renumbered": (lambda text: text.replace("\nVraag 10", "\nVraag 20", 1), [(n, n) for n in range(1, 10)]),
}


@pytest.mark.parametrize("edit", EDITS)
def test_an_edit_to_a_candidate_compares_the_answering_letter_again(tmp_path: Path, monkeypatch, edit: str) -> None:
    seeds, cache = _seeds(tmp_path), tmp_path / ".cache"
    _, kept = _linked(seeds, cache, {})
    written = seeds / WRITTEN
    change, expected = EDITS[edit]
    written.write_text(change(written.read_text(encoding="utf-8")), encoding="utf-8")
    fresh, _ = _linked(seeds, cache)
    compared = _count_comparisons(monkeypatch)
    edited, kept_after = _linked(seeds, cache, kept.stored())
    assert compared == [f"seeds/{ANSWERS}"] and kept_after.found.keys().isdisjoint(kept.found)
    assert kept_after.threads_found.keys().isdisjoint(kept.threads_found)
    _same(edited, fresh)
    assert _written_threads(edited) == expected


def test_a_build_keeps_its_matches_in_the_cache_and_a_rebuild_reuses_them(tmp_path: Path, monkeypatch) -> None:
    seeds, cache = _seeds(tmp_path), tmp_path / ".cache"
    generate(seeds, tmp_path / "docs", cache=cache)
    stored = read_entry(cache / KEPT_MATCHES)
    assert isinstance(stored, tuple) and len(stored[1][2]) == 1
    compared = _count_comparisons(monkeypatch)
    generate(seeds, tmp_path / "docs", cache=cache)
    assert compared == []


def test_matches_kept_in_another_form_are_not_read(tmp_path: Path, monkeypatch) -> None:
    """A cache the code before `kept.FORMAT` 2 wrote (each letter's threads pickled, tagged with the
    Python's version alone) is passed over: the letter is compared again, and the build keeps its
    matches in the present form."""
    seeds, cache = _seeds(tmp_path), tmp_path / ".cache"
    generate(seeds, tmp_path / "docs", cache=cache)
    _, stored = read_entry(cache / KEPT_MATCHES)
    written, letters, found, threads_found = stored
    old = {key: pickle.dumps(([], [])) for key in threads_found}  # the old form, holding no threads
    write_entry(cache / KEPT_MATCHES, (sys.version, (written, letters, found, old)))
    compared = _count_comparisons(monkeypatch)
    generate(seeds, tmp_path / "docs", cache=cache)
    assert compared == [f"seeds/{ANSWERS}"]
    assert read_entry(cache / KEPT_MATCHES) == (_KEPT_VERSION, stored)
