"""A rebuild parses only the sources that changed: the parse cache (generator/cache.py, issue 9)."""

from __future__ import annotations

import os
import pickle
import shutil
from pathlib import Path

import pytest

import generator.build
import generator.cache
from generator.build import parse_sources
from generator.cache import PARSED_FOLDER

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ANSWER_SOURCE = "001_dfb242f75dbdc9fb.txt"
EDIT = ("onderzoeken en beproeven van alternatieve", "onderzoeken en testen van alternatieve")
"""A word changed in an answer of the letter of 12 February 2026 (seeds/001_dfb242f75dbdc9fb.txt:686)."""


@pytest.fixture
def seeds(tmp_path: Path) -> Path:
    return Path(shutil.copytree(SEEDS, tmp_path / "seeds"))


def _count_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record the path of every record actually parsed from now on."""
    parsed: list[str] = []
    real = generator.build.parse_record

    def counting(text):
        parsed.append(text.path)
        return real(text)

    monkeypatch.setattr(generator.build, "parse_record", counting)
    return parsed


def test_an_unchanged_source_is_not_parsed_again(seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    first = parse_sources(seeds, cache, workers=1)
    assert len(list((cache / PARSED_FOLDER).glob("*.pickle"))) == 2
    parsed = _count_parses(monkeypatch)
    assert parse_sources(seeds, cache, workers=1) == first
    assert parsed == []


def test_a_changed_source_alone_is_parsed_again(seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    parse_sources(seeds, cache, workers=1)
    source = seeds / ANSWER_SOURCE
    source.write_text(source.read_text(encoding="utf-8").replace(*EDIT), encoding="utf-8")
    parsed = _count_parses(monkeypatch)
    records, diagnostics = parse_sources(seeds, cache, workers=1)
    assert [Path(path).name for path in parsed] == [ANSWER_SOURCE]
    assert (records, diagnostics) == parse_sources(seeds, None, workers=1)  # as without a cache


def test_a_changed_sidecar_is_parsed_again(seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    parse_sources(seeds, cache, workers=1)
    sidecar = seeds / "000_04ae587ba6eeb66d.toml"
    sidecar.write_text(sidecar.read_text(encoding="utf-8") + 'dossiers = ["26643"]\n', encoding="utf-8")
    parsed = _count_parses(monkeypatch)
    records, _ = parse_sources(seeds, cache, workers=1)
    assert [Path(path).name for path in parsed] == ["000_04ae587ba6eeb66d.txt"]
    questions = next(record for record in records if record.path.endswith("000_04ae587ba6eeb66d.txt"))
    assert questions.dossiers == ("26643",)


def test_a_changed_parser_never_meets_an_old_entry(seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    parse_sources(seeds, cache, workers=1)
    monkeypatch.setattr(generator.cache, "parser_version", lambda: "another parser")
    parsed = _count_parses(monkeypatch)
    parse_sources(seeds, cache, workers=1)
    assert len(parsed) == 2


def test_a_broken_entry_is_parsed_again(seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    first = parse_sources(seeds, cache, workers=1)
    for entry in (cache / PARSED_FOLDER).glob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    parsed = _count_parses(monkeypatch)
    assert parse_sources(seeds, cache, workers=1) == first
    assert len(parsed) == 2


def _count_hashed(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record the name of every source file read and hashed to find its parse's key from now on."""
    hashed: list[str] = []
    real = generator.cache._read_digest

    def counting(path):
        hashed.append(Path(path).name)
        return real(path)

    monkeypatch.setattr(generator.cache, "_read_digest", counting)
    return hashed


def test_a_source_unchanged_since_before_the_last_build_is_not_read_again(seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Its status (inode, size, modification and change time) stands for its bytes."""
    cache = tmp_path / "cache"
    monkeypatch.setattr(generator.cache, "SETTLED_NS", 0)  # the files copied just now count as settled
    first = parse_sources(seeds, cache, workers=1)
    hashed = _count_hashed(monkeypatch)
    assert parse_sources(seeds, cache, workers=1) == first
    assert hashed == []


def test_a_source_changed_with_its_size_and_time_put_back_is_parsed_again(seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As `cp -p`, `touch -r` or `rsync -t` leave a file: other bytes, the same size and modification
    time; its change time (which no program sets) tells it."""
    cache = tmp_path / "cache"
    monkeypatch.setattr(generator.cache, "SETTLED_NS", 0)
    parse_sources(seeds, cache, workers=1)
    source = seeds / ANSWER_SOURCE
    before = source.stat()
    source.write_text(source.read_text(encoding="utf-8").replace("beproeven", "proberen!"), encoding="utf-8")
    os.utime(source, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (source.stat().st_size, source.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    parsed = _count_parses(monkeypatch)
    records, diagnostics = parse_sources(seeds, cache, workers=1)
    assert [Path(path).name for path in parsed] == [ANSWER_SOURCE]
    assert (records, diagnostics) == parse_sources(seeds, None, workers=1)
    assert "proberen!" in repr(records)


def test_a_source_changed_just_before_a_build_is_read_again_in_the_next(seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Its status is not kept (a second write within the file system clock's tick would leave it as
    it is): the files copied into the seeds folder just now are hashed again."""
    cache = tmp_path / "cache"
    first = parse_sources(seeds, cache, workers=1)
    hashed = _count_hashed(monkeypatch)
    assert parse_sources(seeds, cache, workers=1) == first
    assert sorted(hashed) == sorted(path.name for path in seeds.iterdir())


def test_a_broken_index_of_the_sources_is_read_past(seeds: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The sources' statuses, when their file is not what the build wrote, count as unknown: every
    source is read and hashed again, and nothing is parsed again."""
    cache = tmp_path / "cache"
    monkeypatch.setattr(generator.cache, "SETTLED_NS", 0)
    first = parse_sources(seeds, cache, workers=1)
    index = cache / generator.cache.SOURCES_FILE
    for broken in (b"not a pickle", pickle.dumps({str(seeds / ANSWER_SOURCE): 5}), pickle.dumps(["a list"])):
        index.write_bytes(broken)
        hashed, parsed = _count_hashed(monkeypatch), _count_parses(monkeypatch)
        assert parse_sources(seeds, cache, workers=1) == first
        assert ANSWER_SOURCE in hashed and parsed == []


def test_a_build_removes_the_temporary_files_a_killed_build_left_in_the_cache(seeds: Path, tmp_path: Path) -> None:
    """Synthetic: what a build killed by SIGKILL while writing leaves in `.cache` is planted (a
    parse worker's entry, the PDF reader's, the site's state, each `.<name>.<pid>.tmp` of a process
    that has ended). A process still running may be writing its own: left; so is any other name."""
    from generator.build import generate
    from tests.render.test_write import _gone_process

    cache = tmp_path / ".cache"
    gone = _gone_process()
    leftovers = [cache / "parsed" / f".{'0' * 64}.pickle.{gone}.tmp", cache / "pdf" / f".{'1' * 64}.json.{gone}.tmp",
                 cache / "site" / f".0123456789abcdef.json.{gone}.tmp", cache / f".sources.pickle.{gone}.tmp"]  # fmt: skip
    kept = [cache / "parsed" / f".{'2' * 64}.pickle.{os.getppid()}.tmp", cache / "notities.tmp", cache / "site" / ".state.json.tmp"]
    for path in leftovers + kept:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"half")
    generate(seeds, tmp_path / "docs", cache=cache)
    assert [path for path in leftovers if path.exists()] == []
    assert all(path.read_bytes() == b"half" for path in kept)
    assert any((cache / PARSED_FOLDER).glob("*.pickle"))  # the build filled the cache as it does


def test_the_parses_a_build_did_not_use_are_removed_and_nothing_else(seeds: Path, tmp_path: Path) -> None:
    """After an edit the cache holds the answer letter's parse before and after it; pruning to the
    parses of the sources now (`Parsed.entries`) leaves those two, and a file of another name."""
    cache = tmp_path / "cache"
    parse_sources(seeds, cache, workers=1)
    source = seeds / ANSWER_SOURCE
    source.write_text(source.read_text(encoding="utf-8").replace(*EDIT), encoding="utf-8")
    parsed = generator.build.parse_and_link_sources(seeds, cache, workers=1)
    assert len(list((cache / PARSED_FOLDER).glob("*.pickle"))) == 3
    (cache / PARSED_FOLDER / "notes.txt").write_text("mine", encoding="utf-8")
    assert generator.cache.prune_parsed(cache, parsed.keys.values()) == 1
    assert sorted(path.name for path in (cache / PARSED_FOLDER).iterdir()) == sorted([*(f"{key}.pickle" for key in parsed.keys.values()), "notes.txt"])
    assert len(parsed.keys) == 2 and parsed.unparsed == frozenset()
    assert generator.cache.prune_parsed(tmp_path / "no cache", parsed.keys.values()) == 0


def test_the_parse_of_a_source_that_gives_no_record_is_kept(seeds: Path, tmp_path: Path) -> None:
    """Its entry keeps its reports (a rebuild reports them again without parsing it): it is used."""
    cache = tmp_path / "cache"
    (seeds / "leeg.txt").write_text("Geen brief.\n", encoding="utf-8")  # synthetic: no real letter fails to parse
    parsed = generator.build.parse_and_link_sources(seeds, cache, workers=1)
    assert len(parsed.unparsed) == 1 and len(parsed.keys) == 2 and any(d.path.endswith("leeg.txt") for d in parsed.diagnostics)
    assert generator.cache.prune_parsed(cache, [*parsed.keys.values(), *parsed.unparsed]) == 0
    assert len(list((cache / PARSED_FOLDER).glob("*.pickle"))) == 3


def test_the_pdf_cache_keeps_the_entries_of_the_pdfs_there_are_and_no_other(tmp_path: Path) -> None:
    """A PDF whose parse is taken from the cache is not read, yet its entry stays (a changed parser
    reads it from there); a PDF replaced by another leaves only the new one's entry, and a file
    of another name stays."""
    from generator.build import generate
    from generator.readers.pdf import CACHE_FOLDER

    letters = Path(__file__).resolve().parent / "fixtures" / "letters"
    seeds, docs, cache = tmp_path / "seeds", tmp_path / "docs", tmp_path / "cache"
    seeds.mkdir()
    for name in ("ah-tk-20232024-1076.pdf", "ah-tk-20232024-1432.pdf"):
        shutil.copy(letters / name, seeds / name)
    generate(seeds, docs, None, None, None, cache)
    entries = {path.name for path in (cache / CACHE_FOLDER).iterdir()}
    assert len(entries) == 2
    (cache / CACHE_FOLDER / "notes.txt").write_text("mine", encoding="utf-8")
    generate(seeds, docs, None, None, None, cache)  # every parse from the cache: no PDF read
    assert {path.name for path in (cache / CACHE_FOLDER).iterdir()} == entries | {"notes.txt"}
    shutil.copy(letters / "ah-tk-20232024-2313.pdf", seeds / "ah-tk-20232024-1432.pdf")  # another PDF in its place
    generate(seeds, docs, None, None, None, cache)
    now = {path.name for path in (cache / CACHE_FOLDER).iterdir()}
    assert len(now) == 3 and "notes.txt" in now and len(now & entries) == 1
