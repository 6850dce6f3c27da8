"""Incremental rebuilds (issue 9): a rebuild renders only the records whose pages can have
changed, and gives docs/ byte for byte what a clean build of the same inputs gives.

Two kinds of test:

- every look-up a record's renderers make in the render context falls in a group that
  `generator.incremental` hashes into the record's fingerprint (checked with a context that
  records each look-up, over the seeds, the development letters and a generated corpus): a
  renderer that starts reading something new fails here;
- for each kind of change (a word in an answer, a question, a sidecar, a letter added or removed,
  the glossary, a note, the generator's code, a page in docs/ edited by hand), a rebuild on the
  folders of an earlier build gives the same docs/ as a clean build, files whose bytes stay the
  same keep their modification time, and only the records whose pages read what changed are
  rendered again.
"""

from __future__ import annotations

import datetime
import hashlib
import os
import pickle
import shutil
import sys
from dataclasses import fields, is_dataclass, replace
from pathlib import Path

import pytest

from generator import emit
from generator.build import generate, link_with_editorial, parse_and_link_sources, read_editorial
from generator.incremental import Incremental, overview_context, record_view, source_digests, view_digest
from generator.incremental.fingerprints import digest as model_digest
from generator.render import render_context, render_record, render_site_pages
from generator.render.data import open_data_lookup

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
DEVELOPMENT = REPO / "tests" / "fixtures" / "letters"
GLOSSARY = REPO / "begrippen.yml"
ANNOTATIONS = REPO / "annotations"
SITE_URL = "https://kamerdossier.example/"

sys.path.insert(0, str(REPO / "benchmarks"))


def _corpus_folder(tmp_path: Path, generated: int = 0) -> Path:
    """The seeds with their sidecars and the development letters' text (or a generated corpus)."""
    seeds = tmp_path / "seeds"
    if generated:
        from corpus import make_corpus

        make_corpus(seeds, generated)
        return seeds
    seeds.mkdir(parents=True)
    for source in SEEDS.iterdir():
        shutil.copy(source, seeds / source.name)
    for source in sorted(DEVELOPMENT.glob("*.txt")):
        shutil.copy(source, seeds / source.name)
    return seeds


# --- Every look-up is declared ----------------------------------------------------------------


ALL = "every key"


class _Recording(dict):
    """A dict that notes every key looked up in it (and any walk over it, as `ALL`)."""

    def __init__(self, data: dict, name: str, reads: list) -> None:
        super().__init__(data)
        self.name, self.reads = name, reads

    def __getitem__(self, key):
        self.reads.append((self.name, key))
        return super().__getitem__(key)

    def get(self, key, default=None):
        self.reads.append((self.name, key))
        return super().get(key, default)

    def __contains__(self, key):
        self.reads.append((self.name, key))
        return super().__contains__(key)

    def __iter__(self):
        self.reads.append((self.name, ALL))
        return super().__iter__()

    def items(self):
        self.reads.append((self.name, ALL))
        return super().items()

    def keys(self):
        self.reads.append((self.name, ALL))
        return super().keys()

    def values(self):
        self.reads.append((self.name, ALL))
        return super().values()


class _RecordingTuple(tuple):
    """A tuple that notes every position looked up in it (and any walk over it, as `ALL`)."""

    def __new__(cls, items, name: str, reads: list):
        made = super().__new__(cls, items)
        made.name, made.reads = name, reads
        return made

    def __getitem__(self, position):
        self.reads.append((self.name, position if isinstance(position, int) else ALL))
        return super().__getitem__(position)

    def __iter__(self):
        self.reads.append((self.name, ALL))
        return super().__iter__()


def _recording(value, name: str, reads: list):
    return _Recording(value, name, reads) if isinstance(value, dict) else value


def _recording_context(context, lookup, reads: list):
    """The render context and open data look-up with every dict (and the corpus's records and
    events) noting what is looked up in it."""
    corpus = context.corpus
    events = tuple(replace(event, sources=_RecordingTuple(event.sources, ("event sources", position), reads)) for position, event in enumerate(corpus.links.events))
    links = replace(corpus.links, events=events)
    links = replace(links, **{f.name: _RecordingTuple(getattr(links, f.name), f"corpus.{f.name}", reads) for f in fields(links)})
    corpus = replace(corpus, **{f.name: _RecordingTuple(getattr(corpus, f.name), f"corpus.{f.name}", reads) for f in fields(corpus) if f.name != "links"}, links=links)
    addresses = replace(context.addresses, **{f.name: _recording(getattr(context.addresses, f.name), f"addresses.{f.name}", reads) for f in fields(context.addresses)})
    mentions = replace(context.mentions, **{f.name: _recording(getattr(context.mentions, f.name), f"mentions.{f.name}", reads) for f in fields(context.mentions)})
    changed = {f.name: _recording(getattr(context, f.name), f.name, reads) for f in fields(context) if isinstance(getattr(context, f.name), dict)}
    context = replace(context, corpus=corpus, addresses=addresses, mentions=mentions, **changed)
    if lookup is not None:
        lookup = replace(lookup, context=context, **{f.name: _recording(getattr(lookup, f.name), f"lookup.{f.name}", reads) for f in fields(lookup) if isinstance(getattr(lookup, f.name), dict)})
    return context, lookup


_GROUP_OF = {
    "letters": lambda key: ("record", key.path),
    "lookup.answers": lambda key: ("record", key.letter.path),
    "addresses.letters": lambda key: ("letter_page", key),
    "addresses.records": lambda key: ("record_page", key),
    "threads": lambda key: ("threads", key.letter),
    "statuses": lambda key: ("statuses", key.letter),
    "text_links": lambda key: ("text_links", key[0]),
    "terms": lambda key: ("terms", key[0]),
    "places": lambda key: ("places", key[0]),
    "notes": lambda key: ("notes", key[0]),
    "events": lambda key: ("events", key),
    "glossary": lambda key: ("site", None),
    "mentions.citations": lambda key: ("citations", key.span.path),
    "mentions.documents": lambda key: ("documents", key),
    "lookup.documents": lambda key: ("documents", key),
    "mentions.cited_in": lambda key: ("cited_in", key),
    "mentions.letter_dossiers": lambda key: ("dossiers", key),
    "mentions.letter_cites": lambda key: ("dossiers", key),
    "lookup.dossiers": lambda key: ("dossiers", key),
    "mentions.record_dossiers": lambda key: ("dossiers", key),
    "mentions.record_cites": lambda key: ("dossiers", key),
    "lookup.references": lambda key: ("references", key),
    "corpus.glossary": lambda key: ("site", None),
    "corpus.annotations": lambda key: ("site", None),
}
"""The group each look-up falls in, by where it was made (the look-ups not named here fall in none)."""


def _undeclared(record, context, lookup, incremental: Incremental) -> list:
    """The look-ups rendering `record` makes outside the groups its fingerprint hashes."""
    reads: list = []
    recording, recording_lookup = _recording_context(context, lookup, reads)
    render_record(record, recording, recording_lookup)
    declared = incremental.declared_groups(record)
    events: dict[int, set[int]] = {}  # the declared letters' own sources of each event they date
    for kind, key in declared:
        for position, sources in context.events.get(key, ()) if kind == "events" else ():
            events.setdefault(position, set()).update(sources)
    undeclared = []
    for name, key in reads:
        if name == "corpus.events" and key in events:
            continue
        if isinstance(name, tuple) and name[1] in events and key in events[name[1]]:  # the letter's own sources of an event
            continue
        group = _GROUP_OF[name](key) if name in _GROUP_OF and (key is not ALL or name.startswith("corpus.")) else None
        if group not in declared:
            undeclared.append((name, key))
    return undeclared


@pytest.mark.parametrize("generated", [0, 60], ids=["seeds-and-development-letters", "generated-corpus"])
def test_every_look_up_a_record_page_makes_is_in_its_fingerprint(tmp_path: Path, generated: int) -> None:
    parsed = parse_and_link_sources(_corpus_folder(tmp_path, generated), tmp_path / ".cache", workers=1)
    records, keys = parsed.records, parsed.keys
    corpus = link_with_editorial(records, parsed.diagnostics, read_editorial(GLOSSARY, ANNOTATIONS))
    context = render_context(corpus, SITE_URL)
    lookup = open_data_lookup(context)
    incremental = Incremental(tmp_path / ".cache", tmp_path / "docs", keys)
    incremental.prepare(context, lookup)
    assert len(records) >= (10 if not generated else 60) and set(keys) == {record.path for record in records}
    for record in records:
        assert _undeclared(record, context, lookup, incremental) == [], record.path
        assert incremental.fingerprint(record) is not None


def test_a_look_up_outside_the_declared_groups_is_caught(tmp_path: Path) -> None:
    """The check above can fail: a record's look-up of another record's text links is undeclared."""
    parsed = parse_and_link_sources(_corpus_folder(tmp_path), tmp_path / ".cache", workers=1)
    records, keys = parsed.records, parsed.keys
    context = render_context(link_with_editorial(records, parsed.diagnostics, read_editorial(GLOSSARY, ANNOTATIONS)), SITE_URL)
    incremental = Incremental(tmp_path / ".cache", tmp_path / "docs", keys)
    incremental.prepare(context, None)
    reads: list = []
    recording, _ = _recording_context(context, None, reads)
    recording.text_links.get((records[1].path, "p1"))
    recording.corpus.records[0]
    group = _GROUP_OF["text_links"](reads[0][1])
    assert group not in incremental.declared_groups(records[0])
    assert reads[1] == ("corpus.records", 0) and "corpus.records" not in _GROUP_OF


# --- A rebuild gives what a clean build gives -------------------------------------------------


class _Rendered:
    """Count the records rendered (the corpora here are rendered in this process)."""

    def __init__(self, monkeypatch) -> None:
        self.paths: list[str] = []
        self.overviews = 0  # how many times the pages that are no record's own were rendered
        original, overviews = emit.render_record, emit.render_site_pages

        def counting(record, *args):
            self.paths.append(record.path)
            return original(record, *args)

        def counting_overviews(*args):
            self.overviews += 1
            return overviews(*args)

        monkeypatch.setattr(emit, "render_record", counting)
        monkeypatch.setattr(emit, "render_site_pages", counting_overviews)


def _build(seeds: Path, docs: Path, cache: Path | None, glossary: Path = GLOSSARY, annotations: Path = ANNOTATIONS):
    return generate(seeds, docs, SITE_URL, glossary, annotations, cache)


def _files(docs: Path) -> dict[str, tuple[bytes, int]]:
    return {path.relative_to(docs).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns) for path in sorted(docs.rglob("*")) if path.is_file()}


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def built(tmp_path: Path, monkeypatch):
    """An earlier build with a cache, of copies of the seeds, development letters, glossary and notes."""
    seeds = _corpus_folder(tmp_path)
    glossary = tmp_path / "begrippen.yml"
    shutil.copy(GLOSSARY, glossary)
    annotations = tmp_path / "annotations"
    shutil.copytree(ANNOTATIONS, annotations)
    docs, cache = tmp_path / "docs", tmp_path / ".cache"
    _build(seeds, docs, cache, glossary, annotations)
    monkeypatch.setattr(emit, "PARALLEL_FROM", 10_000)  # in this process, so rendering can be counted
    return seeds, docs, cache, glossary, annotations


def _rebuild_and_compare(tmp_path: Path, built, monkeypatch, overviews: int | None = None) -> list[str]:
    """Rebuild on the earlier build's folders; check docs/ against a clean build and the
    modification times (and, given `overviews`, how many times the pages that are no record's own
    were rendered); give the records rendered again."""
    seeds, docs, cache, glossary, annotations = built
    before = _files(docs)
    rendered = _Rendered(monkeypatch)
    again = _build(seeds, docs, cache, glossary, annotations)
    rebuilt_paths = list(rendered.paths)
    if overviews is not None:
        assert rendered.overviews == overviews
    clean_docs = tmp_path / "clean"
    clean = _build(seeds, clean_docs, None, glossary, annotations)
    after = _files(docs)
    assert {path: data for path, (data, _) in after.items()} == {path: data for path, (data, _) in _files(clean_docs).items()}
    assert again.pages == clean.pages and again.diagnostics == clean.diagnostics
    for path, (data, mtime) in after.items():
        if path in before and before[path][0] == data:
            assert mtime == before[path][1], f"{path}: same bytes, rewritten"
    return rebuilt_paths


def test_a_rebuild_without_changes_renders_no_record_and_touches_no_file(tmp_path: Path, built, monkeypatch) -> None:
    seeds, docs, cache, *_ = built
    before = _files(docs)
    assert _rebuild_and_compare(tmp_path, built, monkeypatch, overviews=0) == []
    assert _files(docs) == before
    _check_state(docs, cache)


def _check_state(docs: Path, cache: Path) -> None:
    """The hash, size and modification time the build noted of each page (those of the pages it
    took from the last build without looking at them again) are the file's."""
    (state_file,) = (cache / "incremental").glob("*.pickle")
    state = pickle.loads(state_file.read_bytes())[0]
    assert len(state) > 100
    for path, (digest, size, mtime) in state.items():
        found = (docs / path).stat()
        assert (hashlib.sha256((docs / path).read_bytes()).hexdigest(), found.st_size, found.st_mtime_ns) == (digest, size, mtime), path


def test_a_word_added_to_an_answer_renders_its_record_and_those_linked_to_it(tmp_path: Path, built, monkeypatch) -> None:
    seeds = built[0]
    # BBB's answer 18 in the Eerste Kamer's verslag: "Ik wil benadrukken dat de exitstrategie …"
    _edit(seeds / "001_dfb242f75dbdc9fb.txt", "De leden van de fractie van BBB geven aan dat de details omtrent de exitstrategie ontbreken.",
          "De leden van de fractie van BBB geven aan dat de details omtrent de exitstrategie echt ontbreken.")
    rendered = _rebuild_and_compare(tmp_path, built, monkeypatch, overviews=0)  # they show no letter's text
    assert "seeds/001_dfb242f75dbdc9fb.txt" in rendered
    _check_state(built[1], built[2])
    assert len(rendered) < len(list(seeds.glob("*.txt")))


def test_a_question_changed_renders_its_letter_and_the_answers_threaded_to_it(tmp_path: Path, built, monkeypatch) -> None:
    seeds = built[0]
    _edit(seeds / "000_04ae587ba6eeb66d.txt", "Vraag 2Maakt de overstap", "Vraag 2Maakt de geplande overstap")
    rendered = _rebuild_and_compare(tmp_path, built, monkeypatch)
    assert "seeds/000_04ae587ba6eeb66d.txt" in rendered


def test_a_sidecar_changed(tmp_path: Path, built, monkeypatch) -> None:
    seeds = built[0]
    _edit(seeds / "001_dfb242f75dbdc9fb.toml", 'dossiers = ["31066", "26643"]', 'dossiers = ["31066"]')
    assert "seeds/001_dfb242f75dbdc9fb.txt" in _rebuild_and_compare(tmp_path, built, monkeypatch)


def test_a_letter_added_and_then_removed(tmp_path: Path, built, monkeypatch) -> None:
    seeds = built[0]
    # a second copy of a development letter: the same date, kind and sender, so both get a page told apart by file name
    first = sorted(seeds.glob("ah-tk-*.txt"))[0]
    shutil.copy(first, seeds / f"kopie-{first.name}")
    assert f"seeds/kopie-{first.name}" in _rebuild_and_compare(tmp_path, built, monkeypatch, overviews=1)
    (seeds / f"kopie-{first.name}").unlink()
    shutil.rmtree(tmp_path / "clean")
    _rebuild_and_compare(tmp_path, built, monkeypatch, overviews=1)


def test_a_letter_removed(tmp_path: Path, built, monkeypatch) -> None:
    seeds = built[0]
    (seeds / "000_04ae587ba6eeb66d.txt").unlink()
    (seeds / "000_04ae587ba6eeb66d.toml").unlink()
    _rebuild_and_compare(tmp_path, built, monkeypatch)


def test_the_glossary_changed(tmp_path: Path, built, monkeypatch) -> None:
    glossary = built[3]
    _edit(glossary, "- term: BZK\n", "- term: BZK\n  forms: [BZK, Binnenlandse Zaken]\n")
    rendered = _rebuild_and_compare(tmp_path, built, monkeypatch)
    assert len(rendered) == len(list(built[0].glob("*.txt")))  # every page may explain a term


def test_a_note_changed_and_a_note_added(tmp_path: Path, built, monkeypatch) -> None:
    annotations = built[4]
    _edit(annotations / "vraag-10-exitstrategie.md", "Welke vragen dat waren, zegt die brief niet.", "Welke vragen dat waren, zegt die brief niet. Zie ook de Tweede Kamer.")
    _rebuild_and_compare(tmp_path, built, monkeypatch)
    shutil.rmtree(tmp_path / "clean")
    (annotations / "nieuw.md").write_text(
        (annotations / "vraag-10-exitstrategie.md").read_text(encoding="utf-8").replace("anchor: vraag-10", "anchor: vraag-2"), encoding="utf-8"
    )
    _rebuild_and_compare(tmp_path, built, monkeypatch)


def test_the_generators_code_changed_renders_everything(tmp_path: Path, built, monkeypatch) -> None:
    import generator.incremental.fingerprints

    monkeypatch.setattr(generator.incremental.fingerprints, "code_version", lambda: "another version")
    rendered = _rebuild_and_compare(tmp_path, built, monkeypatch)
    assert sorted(rendered) == sorted(f"seeds/{path.name}" for path in built[0].glob("*.txt"))


def test_a_generated_page_edited_by_hand_is_rendered_again(tmp_path: Path, built, monkeypatch) -> None:
    """A generated page changed since the last build is someone's work: the rebuild does not take it
    for the build's own, and refuses it as a clean build over the same folder does."""
    seeds, docs, cache, glossary, annotations = built
    page = docs / "eerste-kamer" / "2026-02-12" / "antwoordbrief.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nmijn aantekening\n", encoding="utf-8")
    rendered = _Rendered(monkeypatch)
    result = _build(seeds, docs, cache, glossary, annotations)
    assert "seeds/001_dfb242f75dbdc9fb.txt" in rendered.paths
    assert any("overwrite a hand-written page" in d.message for d in result.diagnostics)
    assert page.read_text(encoding="utf-8").endswith("mijn aantekening\n")


def test_a_rebuild_of_a_generated_corpus_after_the_benchmarks_edit(tmp_path: Path, monkeypatch) -> None:
    from generate import EDIT

    seeds = _corpus_folder(tmp_path, generated=80)
    docs, cache = tmp_path / "docs", tmp_path / ".cache"
    _build(seeds, docs, cache)
    monkeypatch.setattr(emit, "PARALLEL_FROM", 10_000)
    edited = next(path for path in sorted(seeds.glob("antwoord-*.txt")) if EDIT[0] in path.read_text(encoding="utf-8"))
    _edit(edited, *EDIT)
    rendered = _rebuild_and_compare(tmp_path, (seeds, docs, cache, GLOSSARY, ANNOTATIONS), monkeypatch, overviews=0)
    assert f"seeds/{edited.name}" in rendered and len(rendered) <= 10


# --- The pages that are no record's own -----------------------------------------------------


@pytest.mark.parametrize("generated", [0, 60], ids=["seeds-and-development-letters", "generated-corpus"])
def test_the_overview_pages_render_the_same_from_what_their_digest_hashes(tmp_path: Path, generated: int) -> None:
    """Home, months, shared pages, dossiers, timeline, registers, glossary and notes are rendered
    from `overview_context` (the records without their text, the link pass's findings they read),
    which `overview_digest` hashes in full: they come out the same as from the whole context."""
    parsed = parse_and_link_sources(_corpus_folder(tmp_path, generated), tmp_path / ".cache", workers=1)
    context = render_context(link_with_editorial(parsed.records, parsed.diagnostics, read_editorial(GLOSSARY, ANNOTATIONS)), SITE_URL)
    pages = dict(render_site_pages(context))
    assert len(pages) > 20 and any(path.startswith("personen/") for path in pages)
    seen = overview_context(context)
    assert all(paragraph.text == "" for record in seen.corpus.records for letter in record.letters for paragraph in letter.head)
    assert dict(render_site_pages(seen)) == pages
    assert set(parsed.views) == {record.path for record in parsed.records}
    assert parsed.views == {record.path: view_digest(record) for record in parsed.records}


@pytest.mark.parametrize("generated", [0, 60], ids=["seeds-and-development-letters", "generated-corpus"])
def test_a_views_digest_is_the_hash_of_the_view_made_without_making_it(tmp_path: Path, generated: int) -> None:
    """`view_digest` pickles the record as the view would be pickled, blanking as it goes: byte for
    byte the hash of `record_view` (so a part the view keeps, and only such a part, changes it)."""
    records = parse_and_link_sources(_corpus_folder(tmp_path, generated), None, workers=1).records
    assert len(records) > 2 and any(footnote.text for record in records for letter in record.letters for footnote in letter.footnotes)
    for record in records:
        assert view_digest(record) == model_digest(record_view(record)), record.path
    paged = replace(records[0], page_starts=(1, 50))  # as a PDF's record (these sources are text)
    assert view_digest(paged) == model_digest(record_view(paged)) == view_digest(records[0])


def test_a_view_hides_a_letters_text_but_not_what_overviews_show(tmp_path: Path) -> None:
    """The benchmark's edit (a word added to an answer) leaves the record's view as it was; a
    question's party changed does not."""
    from generate import EDIT

    seeds = _corpus_folder(tmp_path, generated=20)
    edited = next(path for path in sorted(seeds.glob("antwoord-*.txt")) if EDIT[0] in path.read_text(encoding="utf-8"))
    before = parse_and_link_sources(seeds, None, workers=1).records
    _edit(edited, *EDIT)
    after = parse_and_link_sources(seeds, None, workers=1).records
    changed = [(old, new) for old, new in zip(before, after) if old != new]
    assert [new.path for _, new in changed] == [f"seeds/{edited.name}"]
    old, new = changed[0]
    assert view_digest(old) == view_digest(new)
    letter = new.letters[0]
    answer = next(block for block in letter.body if type(block).__name__ == "Answer")
    other = replace(new, letters=(replace(letter, body=tuple(replace(b, party="BBB") if b is answer else b for b in letter.body)),))
    assert view_digest(other) != view_digest(new)


def test_a_letter_added_to_a_corpus_cut_in_shares_renders_only_what_reads_it(tmp_path: Path, monkeypatch) -> None:
    """What a share's records rendered to is kept in one file; a letter added cuts the shares
    otherwise, and each record is still found in the file of the share it was in."""
    from generate import EDIT

    cut = emit._shares
    monkeypatch.setattr(emit, "_shares", lambda records, count: cut(records, 5))  # in this process, so rendering can be counted
    monkeypatch.setattr(emit, "PARALLEL_FROM", 10_000)
    seeds = _corpus_folder(tmp_path, generated=60)
    docs, cache = tmp_path / "docs", tmp_path / ".cache"
    _build(seeds, docs, cache)
    assert len(list((cache / "rendered").glob("*/*.pickle"))) == 5
    edited = next(path for path in sorted(seeds.glob("antwoord-*.txt")) if EDIT[0] in path.read_text(encoding="utf-8"))
    shutil.copy(edited, seeds / "aaa-kopie.txt")  # first in the corpus: every share's records change
    rendered = _rebuild_and_compare(tmp_path, (seeds, docs, cache, GLOSSARY, ANNOTATIONS), monkeypatch)
    assert "seeds/aaa-kopie.txt" in rendered and len(rendered) <= 10
    shutil.rmtree(tmp_path / "clean")
    assert _rebuild_and_compare(tmp_path, (seeds, docs, cache, GLOSSARY, ANNOTATIONS), monkeypatch, overviews=0) == []


def test_the_pages_no_record_owns_rendered_by_a_worker_are_taken_by_the_next_build(tmp_path: Path, monkeypatch) -> None:
    """On two processes the pages that are no record's own are rendered in a worker of their own
    (`generator.emit.SITE_JOB`); the build's process notes what it staged, so a rebuild that
    changes what they show renders them again (in a worker), and the next one takes them as left."""
    monkeypatch.setattr(emit, "PARALLEL_FROM", 1)
    monkeypatch.setattr(emit, "WORKERS", 2)
    noted = tmp_path / "overviews"
    real = emit.render_site_pages

    def render_site_pages(*args):
        with open(noted, "a", encoding="utf-8") as stream:
            stream.write(f"{os.getpid()}\n")
        return real(*args)

    def rendered_in() -> list[str]:
        found = noted.read_text(encoding="utf-8").splitlines() if noted.exists() else []
        noted.unlink(missing_ok=True)
        return found

    monkeypatch.setattr(emit, "render_site_pages", render_site_pages)
    seeds = _corpus_folder(tmp_path)
    docs, cache = tmp_path / "docs", tmp_path / ".cache"
    _build(seeds, docs, cache)
    first = rendered_in()
    assert len(first) == 1 and first != [str(os.getpid())]
    copied = sorted(seeds.glob("ah-tk-*.txt"))[0]
    shutil.copy(copied, seeds / f"kopie-{copied.name}")  # a letter more: the home page and registers list it
    _rebuild_and_compare(tmp_path, (seeds, docs, cache, GLOSSARY, ANNOTATIONS), monkeypatch)
    again = rendered_in()
    assert len(again) == 2 and str(os.getpid()) not in again  # the rebuild's, and the clean build's to compare with
    before = _files(docs)
    _build(seeds, docs, cache)
    assert rendered_in() == [] and _files(docs) == before
    _check_state(docs, cache)


# --- A record's parts by their sources --------------------------------------------------------


def _variants(value):
    """Copies of the dataclass `value`, each with one of its fields (at any depth) changed."""
    for found in fields(value):
        old = getattr(value, found.name)
        if is_dataclass(old):
            changed = [*_variants(old)]
        elif isinstance(old, tuple) and old and is_dataclass(old[0]):  # a tuple of dataclasses: its first one changed
            changed = [(new, *old[1:]) for new in _variants(old[0])]
        else:
            changed = [_other(old)]
        yield from (replace(value, **{found.name: new}) for new in changed)


def _other(old):
    """A value of the same kind as `old`, but another."""
    if isinstance(old, bool):
        return not old
    if isinstance(old, int):
        return old + 1
    if isinstance(old, str):
        return old + "x"
    if isinstance(old, datetime.date):
        return old + datetime.timedelta(days=1)
    if isinstance(old, tuple):
        return (*old, "x")
    assert old is None, old
    return "x"


def _with_links(context, **changed):
    return replace(context, corpus=replace(context.corpus, links=replace(context.corpus.links, **changed)))


def test_the_sources_hashed_as_plain_tuples_change_with_every_field(tmp_path: Path) -> None:
    """The threads, statuses, events and citations are hashed as plain tuples (`SOURCES`): a field
    at any depth (a target's party, an event source's phrase, a citation's page, …) left out of
    them would leave a record's pages as the last build's when that field changed."""
    parsed = parse_and_link_sources(_corpus_folder(tmp_path, generated=40), None, workers=1)
    context = render_context(link_with_editorial(parsed.records, parsed.diagnostics, read_editorial(GLOSSARY, ANNOTATIONS)), SITE_URL)
    links, mentions = context.corpus.links, context.mentions
    assert links.threads and links.statuses and links.events and mentions.citations
    before = source_digests(context)
    event = next(event for event in links.events if event.sources)
    reference, citation = next((reference, citation) for reference, citation in mentions.citations.items() if citation.letter is not None)
    changed = {
        "threads": [_with_links(context, threads=(thread, *links.threads[1:])) for thread in _variants(links.threads[0])],
        "statuses": [_with_links(context, statuses=((target, links.statuses[0][1]), *links.statuses[1:])) for target in _variants(links.statuses[0][0])]
        + [_with_links(context, statuses=((links.statuses[0][0], "anders"), *links.statuses[1:]))],
        "events": [_with_links(context, events=tuple(new if old is event else old for old in links.events)) for new in _variants(event)],
        "citations": [replace(context, mentions=replace(mentions, citations={**mentions.citations, reference: new})) for new in _variants(citation)]
        + [replace(context, mentions=replace(mentions, citations={(new if old is reference else old): value for old, value in mentions.citations.items()}))
           for new in _variants(reference)],
    }
    assert len(changed["events"]) == len(fields(event.date)) + len(fields(event.sources[0])) - 2 + 2 + 3  # a key's and a span's fields
    for name, contexts in changed.items():
        for other in contexts:
            assert source_digests(other)[name] != before[name], name


def test_a_letters_threads_statuses_and_events_in_a_fingerprint_change_with_every_field(tmp_path: Path) -> None:
    """A fingerprint holds the threads, statuses and events of each letter a record reads as plain
    tuples (`Incremental.value`), as their sources are hashed: a field at any depth left out of
    them would leave a record's pages as the last build's when that field changed."""
    parsed = parse_and_link_sources(_corpus_folder(tmp_path, generated=40), None, workers=1)
    corpus = link_with_editorial(parsed.records, parsed.diagnostics, read_editorial(GLOSSARY, ANNOTATIONS))
    links = corpus.links

    def part(corpus, group):
        here = Incremental(tmp_path / ".cache", tmp_path / "docs", parsed.keys)
        here.prepare(render_context(corpus, SITE_URL), None)
        return here._part(group)

    def with_links(**changed):
        return replace(corpus, links=replace(links, **changed))

    thread = links.threads[0]
    target, status = links.statuses[0]
    event = next(event for event in links.events if event.sources)
    cases = {
        ("threads", thread.question.letter): [with_links(threads=(new, *links.threads[1:])) for new in _variants(thread)],
        ("statuses", target.letter): [with_links(statuses=((new, status), *links.statuses[1:])) for new in _variants(target)]
        + [with_links(statuses=((target, "anders"), *links.statuses[1:]))],
        ("events", event.sources[0].letter): [with_links(events=tuple(new if old is event else old for old in links.events)) for new in _variants(event)],
    }
    assert len(cases[("events", event.sources[0].letter)]) == len(fields(event.date)) + len(fields(event.sources[0])) - 2 + 2 + 3
    for group, changed in cases.items():
        before = part(corpus, group)
        assert before[2].startswith("H")  # hashed: not empty
        for other in changed:
            assert part(other, group) != before, group


def _share_files(cache: Path) -> dict[Path, tuple]:
    return {path: pickle.loads(path.read_bytes()) for path in (cache / "rendered").glob("*/*.pickle")}


def test_a_part_whose_source_is_unchanged_is_not_looked_at_and_one_whose_source_changed_is(tmp_path: Path, built, monkeypatch) -> None:
    """A record's parts of a kind are compared one by one only when the kind's source hashes
    otherwise than when its share file was written: a stale threads part goes unseen while the
    threads hash as they did, and makes the record render again once they do not."""
    seeds, docs, cache, *_ = built
    edited = "seeds/001_dfb242f75dbdc9fb.txt"
    for path, (sources, entries) in _share_files(cache).items():
        if edited in entries:
            parts, pages, data = entries[edited]
            stale = tuple((kind, key, "Hstale") if kind == "threads" else (kind, key, value) for kind, key, value in parts)
            assert stale != parts
            path.write_bytes(pickle.dumps((sources, {**entries, edited: (stale, pages, data)})))
            stale_file = path
    assert _rebuild_and_compare(tmp_path, built, monkeypatch, overviews=0) == []
    sources, entries = pickle.loads(stale_file.read_bytes())
    stale_file.write_bytes(pickle.dumps(({**sources, "threads": "another build's"}, entries)))
    shutil.rmtree(tmp_path / "clean")
    assert _rebuild_and_compare(tmp_path, built, monkeypatch, overviews=0) == [edited]


def test_the_sources_hashed_while_the_context_is_made_are_those_hashed_with_it(tmp_path: Path) -> None:
    """`Incremental.hash_links` hashes the sources read from the linked corpus alone in a forked
    process while the render context is made; `prepare` takes them only for a context of that
    corpus, and they are what hashing them with the context gives."""
    parsed = parse_and_link_sources(_corpus_folder(tmp_path, generated=40), tmp_path / ".cache", workers=1)
    corpus = link_with_editorial(parsed.records, parsed.diagnostics, read_editorial(GLOSSARY, ANNOTATIONS))
    context = render_context(corpus, SITE_URL)
    lookup = open_data_lookup(context)
    here = Incremental(tmp_path / ".cache", tmp_path / "docs", parsed.keys, parsed.views)
    here.prepare(context, lookup)
    forked = Incremental(tmp_path / ".cache", tmp_path / "docs", parsed.keys, parsed.views)
    forked.hash_links(corpus, context.addresses)
    hashing = forked._linked[2]
    assert hashing.pid is not None  # hashed in a forked process
    forked.prepare(context, lookup)
    assert forked.sources == here.sources and forked._linked is None and hashing.pid is None
    other = _with_links(context, threads=context.corpus.links.threads[1:])
    forked.hash_links(corpus, context.addresses)  # the corpus before its threads changed: not taken
    forked.prepare(other, lookup)
    assert forked.sources == source_digests(other) != here.sources


# --- What a build did not use is removed from the cache ------------------------------------------


def _cached(cache: Path) -> tuple[set[str], set[str]]:
    """The names of the parses (`parsed/`) and share files (`rendered/<docs folder>/`) in `cache`."""
    return {path.name for path in (cache / "parsed").iterdir()}, {path.name for path in (cache / "rendered").glob("*/*")}


def _shares_in_state(cache: Path) -> set[str]:
    (state_file,) = (cache / "incremental").glob("*.pickle")
    return {f"{name}.pickle" for name in pickle.loads(state_file.read_bytes())[2].values()}


@pytest.fixture
def cut_in_five(tmp_path: Path, monkeypatch):
    """A first build, with a cache, of a generated corpus of 60 letters whose records are cut in 5
    shares (in this process, so rendering can be counted)."""
    cut = emit._shares
    monkeypatch.setattr(emit, "_shares", lambda records, count: cut(records, 5))
    monkeypatch.setattr(emit, "PARALLEL_FROM", 10_000)
    seeds = _corpus_folder(tmp_path, generated=60)
    docs, cache = tmp_path / "docs", tmp_path / ".cache"
    _build(seeds, docs, cache)
    return seeds, docs, cache, GLOSSARY, ANNOTATIONS


def test_a_build_after_letters_came_and_went_leaves_only_the_cache_files_it_used(tmp_path: Path, cut_in_five, monkeypatch) -> None:
    """A letter added first in the corpus (every share's records change, so every share file's
    name) and another removed: the parses of the removed letter and the share files of the first
    build are gone; what is left is one parse a source and the five share files the state names."""
    seeds, docs, cache, *_ = cut_in_five
    parses, shares = _cached(cache)
    assert len(parses) == len(list(seeds.glob("*.txt"))) and len(shares) == 5 and shares == _shares_in_state(cache)
    first = sorted(seeds.glob("antwoord-*.txt"))[0]
    shutil.copy(first, seeds / "aaa-kopie.txt")
    removed = sorted(seeds.glob("vragen-*.txt"))[-1]
    removed.unlink()
    _rebuild_and_compare(tmp_path, cut_in_five, monkeypatch)
    parses_now, shares_now = _cached(cache)
    assert len(parses_now) == len(list(seeds.glob("*.txt")))  # as many as before: one came, one went
    assert len(parses - parses_now) == 1 and len(parses_now - parses) == 1  # the removed letter's, the copy's
    assert len(shares_now) == 5 and shares_now == _shares_in_state(cache) and not shares & shares_now


def test_a_rebuild_after_pruning_is_a_clean_build_and_keeps_the_unchanged_pages(tmp_path: Path, cut_in_five, monkeypatch) -> None:
    """After a build that pruned the cache, a rebuild without changes renders nothing and touches
    no file, and one after the benchmark's edit renders only what reads the edited letter."""
    from generate import EDIT

    seeds, docs, cache, *_ = cut_in_five
    shutil.copy(sorted(seeds.glob("antwoord-*.txt"))[0], seeds / "aaa-kopie.txt")
    _rebuild_and_compare(tmp_path, cut_in_five, monkeypatch)
    shutil.rmtree(tmp_path / "clean")
    before = _files(docs)
    assert _rebuild_and_compare(tmp_path, cut_in_five, monkeypatch, overviews=0) == []
    assert _files(docs) == before
    shutil.rmtree(tmp_path / "clean")
    edited = next(path for path in sorted(seeds.glob("antwoord-*.txt")) if EDIT[0] in path.read_text(encoding="utf-8"))
    _edit(edited, *EDIT)
    rendered = _rebuild_and_compare(tmp_path, cut_in_five, monkeypatch, overviews=0)
    assert f"seeds/{edited.name}" in rendered and len(rendered) <= 5
    _check_state(docs, cache)


def test_pruning_removes_only_the_caches_own_files(tmp_path: Path, cut_in_five, monkeypatch) -> None:
    """Files of other names, links, folders, another docs folder's share files and the files
    being written (`.tmp`) stay; the share files an earlier version kept in `rendered/` itself go."""
    seeds, docs, cache, *_ = cut_in_five
    other_docs = tmp_path / "other-docs"
    _build(seeds, other_docs, cache)  # the same cache for another docs folder: its own share files
    (folder,) = {path.parent for path in (cache / "rendered").glob("*/*.pickle")} - {cache / "rendered" / _docs_key(docs)}
    theirs = set(folder.iterdir())
    outside = tmp_path / "outside.pickle"
    outside.write_bytes(b"not the cache's")
    planted = {
        cache / "parsed" / "notes.txt": b"mine",
        cache / "parsed" / f"{'a' * 64}.pickle.bak": b"mine",
        cache / "parsed" / f".{'b' * 64}.pickle.{os.getpid()}.tmp": b"being written",  # by a build at work (this process)
        cache / "rendered" / "README": b"mine",
        cache / "rendered" / _docs_key(docs) / "share.pickle": b"mine",
        cache / "notes.txt": b"mine",
    }
    for path, data in planted.items():
        path.write_bytes(data)
    (cache / "parsed" / f"{'c' * 64}.pickle").mkdir()  # a folder named as an entry
    (cache / "parsed" / f"{'c' * 64}.pickle" / "inside").write_bytes(b"mine")
    (cache / "parsed" / f"{'e' * 64}.pickle").symlink_to(outside)  # a link named as an entry
    legacy = cache / "rendered" / f"{'f' * 40}.pickle"  # an earlier version's share file: read by no build now
    legacy.write_bytes(pickle.dumps(({}, {})))
    stale = cache / "parsed" / f"{'0' * 64}.pickle"  # the cache's own name, used by no source
    stale.write_bytes(pickle.dumps(None))
    _build(seeds, docs, cache)
    for path, data in planted.items():
        assert path.read_bytes() == data, path
    assert (cache / "parsed" / f"{'c' * 64}.pickle" / "inside").read_bytes() == b"mine"
    assert (cache / "parsed" / f"{'e' * 64}.pickle").is_symlink() and outside.read_bytes() == b"not the cache's"
    assert set(folder.iterdir()) == theirs
    assert not legacy.exists() and not stale.exists()


def _docs_key(docs: Path) -> str:
    from generator.cache import folder_key

    return folder_key(docs)


def test_an_interrupted_or_failed_build_prunes_nothing(tmp_path: Path, cut_in_five, monkeypatch) -> None:
    """A build stopped before its pages are in docs/ (interrupted, or failing) leaves every file
    of the cache there, those the last build used included."""
    seeds, docs, cache, *_ = cut_in_five
    parses, shares = _cached(cache)
    (seeds / sorted(seeds.glob("vragen-*.txt"))[-1].name).unlink()
    shutil.copy(sorted(seeds.glob("antwoord-*.txt"))[0], seeds / "aaa-kopie.txt")

    def stopped(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(emit.Staging, "commit", stopped)
    with pytest.raises(KeyboardInterrupt):
        _build(seeds, docs, cache)
    monkeypatch.setattr(emit, "render_site_pages", lambda *args: 1 / 0)  # an overview page that fails: no record to leave out
    with pytest.raises(ZeroDivisionError):
        _build(seeds, docs, cache)
    parses_now, shares_now = _cached(cache)
    assert parses <= parses_now and shares <= shares_now
