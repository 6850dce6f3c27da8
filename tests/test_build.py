"""The build as a whole: bad input is reported with its place, the other letters still build,
strict mode fails; the same input gives byte-identical pages."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import pytest

from generator.build import generate
from generator.cli import main

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

BAD_FILES = {
    "empty.txt": (b"", "seeds/empty.txt:1: empty file"),
    "binary.txt": (b"Vraag 1\n\x00\x01\x02", "seeds/binary.txt:2: binary file (NUL byte)"),
    "latin1.txt": ("Vraag 1Bent u bekend met het café?\n".encode("latin-1"), "seeds/latin1.txt:1: not valid UTF-8"),
    "noquestions.txt": (
        "Geachte voorzitter,\n\nHierbij bied ik u de stukken aan.\n".encode(),
        "seeds/noquestions.txt:1: no recognisable questions or answers — Geachte voorzitter,",
    ),
    "orphan.txt": (
        "Vragen van het lid Kathmann (GroenLinks-PvdA) aan de staatssecretaris van Financiën over Microsoft (ingezonden 7 oktober 2025)\n\n"
        "Vraag 1Bent u bekend met het bericht? 1)\n".encode(),
        "seeds/orphan.txt:3: footnote marker 1 has no footnote body — ",
    ),
}


@pytest.fixture
def seeds_with(tmp_path: Path):
    def make(name: str) -> Path:
        seeds = tmp_path / "seeds"
        seeds.mkdir()
        for source in SEEDS.iterdir():
            shutil.copy(source, seeds / source.name)
        (seeds / name).write_bytes(BAD_FILES[name][0])
        return seeds

    return make


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_bad_input_is_reported_and_the_other_letters_still_build(tmp_path: Path, seeds_with, name: str) -> None:
    result = generate(seeds_with(name), tmp_path / "docs")
    assert any(str(d).startswith(BAD_FILES[name][1]) for d in result.diagnostics)
    assert "tweede-kamer/2025-10-07/schriftelijke-vragen.md" in result.pages
    assert "eerste-kamer/2026-02-12/antwoordbrief.md" in result.pages


@pytest.mark.parametrize("name", sorted(BAD_FILES))
def test_strict_build_fails_on_bad_input_and_says_where(tmp_path: Path, seeds_with, name: str, capsys) -> None:
    seeds = seeds_with(name)
    args = ["build", "--seeds", str(seeds), "--docs", str(tmp_path / "docs"), "--no-site"]
    assert main(args) == 0
    assert main([*args, "--strict"]) == 1
    assert f"error: {BAD_FILES[name][1]}" in capsys.readouterr().err


def test_same_input_gives_byte_identical_pages(tmp_path: Path) -> None:
    first, second = tmp_path / "one", tmp_path / "two"
    generate(SEEDS, first, "https://kamerdossier.example/")
    generate(SEEDS, second, "https://kamerdossier.example/")
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert files and files == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    for relative in files:
        assert (first / relative).read_bytes() == (second / relative).read_bytes(), relative


def test_strict_build_says_why_mkdocs_stopped(tmp_path: Path, capsys) -> None:
    docs = tmp_path / "docs"
    for page in ("over.md", "citeren.md"):
        (docs / page).parent.mkdir(parents=True, exist_ok=True)
        (docs / page).write_text("# Pagina\n\nZie [de pagina die er niet is](nergens.md).\n", encoding="utf-8")
    config = Path(__file__).resolve().parent.parent / "mkdocs.yml"
    args = ["build", "--seeds", str(SEEDS), "--docs", str(docs), "--site", str(tmp_path / "site"), "--config", str(config),
            "--manifest", str(tmp_path / "none.txt"), "--new-site", "--strict"]  # new: no published list yet
    assert main(args) == 1
    err = capsys.readouterr().err
    assert "nergens.md" in err and "mkdocs WARNING" in err
    assert "kamerdossier: mkdocs: Aborted with" in err


# --- Issue 7: every stage fails per letter --------------------------------------------------------


def test_parse_sources_reports_the_files_it_does_not_read(tmp_path: Path) -> None:
    from generator.build import parse_sources

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for source in SEEDS.iterdir():
        shutil.copy(source, seeds / source.name)
    (seeds / "notitie.md").write_text("# notitie\n", encoding="utf-8")
    records, diagnostics = parse_sources(seeds)
    assert len(records) == 2
    assert [str(d) for d in diagnostics if "notitie" in d.path] == [
        "seeds/notitie.md:1: not read: no reader for .md (known: .pdf, .toml, .txt)"
    ]


# An editorial note naming an anchor the answer letter does not have (synthetic: the answer letter
# of seeds/001 has answers 1-24 of BBB, no 25). Line 3 of the file names the anchor.
MISSING_ANCHOR_NOTE = """---
address: eerste-kamer/2026-02-12/antwoordbrief/
anchor: bbb-antwoord-25
author: Redactie Kamerdossier
date: 2026-11-28
---
Een noot bij een antwoord dat er niet is.
"""


def test_a_note_naming_a_missing_anchor_fails_the_strict_build_with_its_file_and_line(tmp_path: Path, capsys) -> None:
    notes = tmp_path / "annotations"
    shutil.copytree(SEEDS.parent / "annotations", notes)
    (notes / "bbb-25.md").write_text(MISSING_ANCHOR_NOTE, encoding="utf-8")
    args = ["build", "--seeds", str(SEEDS), "--docs", str(tmp_path / "docs"), "--no-site", "--annotations", str(notes)]
    assert main(args) == 0  # not strict: reported, the note left out, the site still built
    assert "error: annotations/bbb-25.md:3: no question, answer or footnote with this anchor on eerste-kamer/2026-02-12/antwoordbrief/ — bbb-antwoord-25" in capsys.readouterr().err
    assert main([*args, "--strict"]) == 1
    err = capsys.readouterr().err
    assert "error: annotations/bbb-25.md:3: no question, answer or footnote with this anchor" in err
    assert "strict build stopped" in err
    page = (tmp_path / "docs" / "eerste-kamer/2026-02-12/antwoordbrief.md").read_text(encoding="utf-8")
    assert "Een noot bij een antwoord dat er niet is." not in page
    assert page.count('<aside class="kd-note"') == 4  # the shipped notes on this letter are there


def test_a_note_naming_a_missing_letter_is_an_error_at_its_address_line(tmp_path: Path) -> None:
    notes = tmp_path / "annotations"
    notes.mkdir()
    (notes / "weg.md").write_text(MISSING_ANCHOR_NOTE.replace("2026-02-12/antwoordbrief", "2026-02-13/antwoordbrief"), encoding="utf-8")
    result = generate(SEEDS, tmp_path / "docs", annotations=notes)
    assert [str(d) for d in result.diagnostics if d.path.startswith("annotations/")] == [
        "annotations/weg.md:2: no letter page at this address — eerste-kamer/2026-02-13/antwoordbrief/"
    ]


def test_parsing_on_several_cores_gives_what_one_core_gives(monkeypatch, tmp_path) -> None:
    """The sources are parsed in worker processes (issue 9) and come back in the same order, with
    the same reports: the seeds, a bad file and a file no reader reads."""
    import generator.build as build_module

    for source in SEEDS.iterdir():
        shutil.copy(source, tmp_path / source.name)
    (tmp_path / "002_leeg.txt").write_text("\n", encoding="utf-8")
    (tmp_path / "notities.md").write_text("x\n", encoding="utf-8")
    monkeypatch.setattr(build_module, "PARALLEL_FROM", 1)
    alone = build_module.parse_sources(tmp_path, workers=1)
    shared = build_module.parse_sources(tmp_path, workers=2)
    assert shared == alone
    assert len(alone[0]) == 2 and len(alone[1]) >= 2


# --- Render and write stream, on every core (issue 9) -----------------------------------------------

SITE_URL = "https://kamerdossier.example/"
QUESTIONS_PAGE = "tweede-kamer/2025-10-07/schriftelijke-vragen"
VERSLAG_PAGE = "eerste-kamer/2026-02-12/antwoordbrief"


def _files(docs: Path) -> dict[str, bytes]:
    return {path.relative_to(docs).as_posix(): path.read_bytes() for path in sorted(docs.rglob("*")) if path.is_file()}


def _on_every_core(monkeypatch) -> None:
    """Render the records' pages in two worker processes, however small the corpus."""
    import generator.emit

    monkeypatch.setattr(generator.emit, "PARALLEL_FROM", 1)
    monkeypatch.setattr(generator.emit, "WORKERS", 2)


def test_two_processes_write_the_bytes_one_writes(tmp_path: Path, monkeypatch) -> None:
    one = generate(SEEDS, tmp_path / "een", SITE_URL)
    _on_every_core(monkeypatch)
    two = generate(SEEDS, tmp_path / "twee", SITE_URL)
    assert one.pages == two.pages and one.diagnostics == two.diagnostics
    assert _files(tmp_path / "een") == _files(tmp_path / "twee")
    assert "data/kamerdossier.json" in two.pages and f"{QUESTIONS_PAGE}.json" in two.pages


def test_each_share_is_rendered_by_a_worker_of_its_own(tmp_path: Path, monkeypatch) -> None:
    """A forked worker copies the corpus's memory as it writes to it: each renders one share and
    exits (here a share is one record), and together they still write every page, byte for byte."""
    import generator.emit
    import generator.render

    one = generate(SEEDS, tmp_path / "een", SITE_URL)
    _on_every_core(monkeypatch)
    monkeypatch.setattr(generator.emit, "SHARES_PER_WORKER", 1)
    monkeypatch.setattr(generator.emit, "RECORDS_PER_SHARE", 1)
    seen = tmp_path / "pids"
    real = generator.render.render_record

    def render_record(record, *args):
        with open(seen, "a", encoding="utf-8") as stream:
            stream.write(f"{os.getpid()} {record.path}\n")
        return real(record, *args)

    monkeypatch.setattr(generator.emit, "render_record", render_record)
    two = generate(SEEDS, tmp_path / "twee", SITE_URL)
    rendered = dict(line.split(" ", 1)[::-1] for line in seen.read_text(encoding="utf-8").splitlines())
    assert len(rendered) == 2 and len(set(rendered.values())) == 2, rendered  # two records, two workers
    assert str(os.getpid()) not in rendered.values()
    assert one.pages == two.pages and _files(tmp_path / "een") == _files(tmp_path / "twee")


def test_the_pages_no_record_owns_are_a_worker_of_their_own_forked_first(tmp_path: Path, monkeypatch) -> None:
    """Home, months, overviews and the extra pages are staged by a worker forked before any
    share's (the longest job first); the build's process renders no page while workers run, and
    the pages are the bytes one process writes."""
    import generator.emit

    one = generate(SEEDS, tmp_path / "een", SITE_URL)
    _on_every_core(monkeypatch)
    seen = tmp_path / "pids"

    def noting(what, real):
        def render(*args):
            with open(seen, "a", encoding="utf-8") as stream:
                stream.write(f"{os.getpid()} {what}\n")
            return real(*args)

        return render

    monkeypatch.setattr(generator.emit, "render_site_pages", noting("site", generator.emit.render_site_pages))
    monkeypatch.setattr(generator.emit, "render_record", noting("record", generator.emit.render_record))
    jobs: list[list[int]] = []

    class Forked(generator.emit._Forked):
        def __init__(self, workers, given, *args) -> None:
            jobs.append(list(given))
            super().__init__(workers, given, *args)

    monkeypatch.setattr(generator.emit, "_Forked", Forked)
    two = generate(SEEDS, tmp_path / "twee", SITE_URL)
    assert jobs == [[generator.emit.SITE_JOB, 0, 1]]
    processes = [line.split(" ", 1) for line in seen.read_text(encoding="utf-8").splitlines()]
    assert sorted(what for _, what in processes) == ["record", "record", "site"]
    assert len({pid for pid, _ in processes}) == 3 and str(os.getpid()) not in {pid for pid, _ in processes}
    assert one.pages == two.pages and _files(tmp_path / "een") == _files(tmp_path / "twee")


def test_the_worker_of_the_pages_no_record_owns_ending_without_its_result_fails_the_build(tmp_path: Path, monkeypatch) -> None:
    """Synthetic: the worker staging the pages that are no record's own ends abruptly after the home
    page (as one killed for lack of memory would): the build fails naming it, and neither what it
    staged nor what the shares staged is left in docs/."""
    import generator.emit

    _on_every_core(monkeypatch)
    real = generator.emit.render_site_pages

    def render_site_pages(context):
        pages = real(context)
        yield next(pages)
        time.sleep(0.5)  # the shares stage their pages meanwhile
        os._exit(9)

    monkeypatch.setattr(generator.emit, "render_site_pages", render_site_pages)
    docs = tmp_path / "docs"
    with pytest.raises(RuntimeError, match=r"the worker rendering the pages that are no record's own ended without its result \(exit status 9\)"):
        generate(SEEDS, docs, SITE_URL)
    assert not [path for path in docs.rglob(".*")], "nothing staged is left"


def _a_share_a_record_the_first_slow(monkeypatch, finished: Path, fail: str | None = None) -> None:
    """Render each record in a worker of its own (two at a time), the first record's worker a second
    late, so the second share is done first; `fail` names a record whose pages raise;
    `finished` notes each record as its worker is done with it."""
    import generator.emit
    import generator.render

    _on_every_core(monkeypatch)
    monkeypatch.setattr(generator.emit, "SHARES_PER_WORKER", 1)
    monkeypatch.setattr(generator.emit, "RECORDS_PER_SHARE", 1)
    real = generator.render.render_record

    def render_record(record, *args):
        if record.path.endswith("000_04ae587ba6eeb66d.txt"):
            time.sleep(1)
        if fail and record.path.endswith(fail):
            raise RuntimeError("kapot")
        rendered = real(record, *args)
        with open(finished, "a", encoding="utf-8") as stream:
            stream.write(f"{record.path}\n")
        return rendered

    monkeypatch.setattr(generator.emit, "render_record", render_record)


def test_shares_done_out_of_order_give_the_corpus_data_in_corpus_order(tmp_path: Path, monkeypatch) -> None:
    """The corpus-wide open data is written as the shares are done, each share's piece once the
    shares before it are done: the second share done first still comes second, byte for byte."""
    one = generate(SEEDS, tmp_path / "een", SITE_URL)
    finished = tmp_path / "klaar"
    _a_share_a_record_the_first_slow(monkeypatch, finished)
    two = generate(SEEDS, tmp_path / "twee", SITE_URL)
    order = finished.read_text(encoding="utf-8").splitlines()
    assert [Path(path).name for path in order] == ["001_dfb242f75dbdc9fb.txt", "000_04ae587ba6eeb66d.txt"]
    assert one.pages == two.pages and _files(tmp_path / "een") == _files(tmp_path / "twee")


def test_a_record_failing_after_the_corpus_data_was_begun_leaves_no_half_file(tmp_path: Path, monkeypatch) -> None:
    """Synthetic: the second record's pages raise in its worker, which is done first; the first
    share's piece goes in `data/kamerdossier.json` when it is done, then the failure is met. No
    half-written file (nor any staged file) is left, and the build renders again without the record."""
    import generator.emit

    docs = tmp_path / "docs"
    _a_share_a_record_the_first_slow(monkeypatch, tmp_path / "klaar", fail="001_dfb242f75dbdc9fb.txt")
    left_when_rendering: list[list[Path]] = []
    real = generator.emit.render_context

    def render_context(*args):
        left_when_rendering.append(list(docs.rglob(".*.tmp")))
        return real(*args)

    monkeypatch.setattr(generator.emit, "render_context", render_context)
    result = generate(SEEDS, docs, SITE_URL)
    assert left_when_rendering == [[], []], "the first pass left nothing staged when the second began"
    assert [str(d) for d in result.diagnostics if "internal error" in d.message] == [
        "seeds/001_dfb242f75dbdc9fb.txt:1: internal error while rendering (RuntimeError); please report it; this letter is left out — kapot"
    ]
    corpus_data = json.loads((docs / "data" / "kamerdossier.json").read_text(encoding="utf-8"))
    assert [letter["record"]["source_path"] for letter in corpus_data["letters"]] == ["seeds/000_04ae587ba6eeb66d.txt"]
    assert not [path for path in docs.rglob(".*") if path.name != ".generated"], "nothing staged is left"


def test_a_worker_ending_without_its_result_fails_the_build_naming_it(tmp_path: Path, monkeypatch) -> None:
    """Synthetic: a worker process that ends abruptly (as one killed for lack of memory would)
    makes the build fail with an error naming its share, and leaves docs/ without staged files."""
    import generator.emit

    _on_every_core(monkeypatch)
    real = generator.emit.render_record

    def render_record(record, *args):
        if record.path.endswith("000_04ae587ba6eeb66d.txt"):
            os._exit(9)
        return real(record, *args)

    monkeypatch.setattr(generator.emit, "render_record", render_record)
    docs = tmp_path / "docs"
    with pytest.raises(RuntimeError, match=r"the worker rendering share 0 ended without its result \(exit status 9\)"):
        generate(SEEDS, docs, SITE_URL)
    assert not [path for path in docs.rglob(".*")], "nothing staged is left"


@pytest.mark.parametrize("writer", ["the pages that are no record's own", "a share"])
def test_a_worker_stopped_while_it_writes_a_page_leaves_no_file_behind(tmp_path: Path, monkeypatch, writer: str) -> None:
    """Synthetic: share 0's worker ends abruptly while another worker is writing a page (its
    temporary file written, the page not yet in its list): the worker of the pages that are no
    record's own writing the home page, or share 1's writing the first of its letter's several
    pages. The build stops that worker; it ends only once every page it wrote is listed, so the
    build removes every file. No timing: share 0 ends once the other is inside its write, and the
    write ends once the stop has come."""
    import signal

    import generator.emit
    from generator.write import Staging

    _on_every_core(monkeypatch)
    inside = tmp_path / "inside"
    real_render, real_stage = generator.emit.render_record, Staging.stage
    slow = "index.md" if writer.startswith("the pages") else None

    def until(done) -> None:
        for _ in range(1000):
            if done():
                return
            time.sleep(0.01)
        raise AssertionError("the other worker never came")

    def render_record(record, *args):
        if record.path.endswith("000_04ae587ba6eeb66d.txt"):
            until(inside.exists)
            os._exit(9)
        return real_render(record, *args)

    def stage(self, path, text):
        staged = real_stage(self, path, text)
        if (path == slow or slow is None and path.startswith("eerste-kamer/")) and not inside.exists():  # only share 1 writes there
            inside.touch()
            until(lambda: signal.SIGTERM in signal.sigpending())  # written, not yet listed: where a stop used to leave it
        return staged

    monkeypatch.setattr(generator.emit, "render_record", render_record)
    monkeypatch.setattr(Staging, "stage", stage)
    docs = tmp_path / "docs"
    with pytest.raises(RuntimeError, match=r"share 0 ended without its result"):
        generate(SEEDS, docs, SITE_URL)
    assert inside.exists(), "the other worker was inside its write"
    assert not [path for path in docs.rglob(".*")], "nothing staged is left"


@pytest.mark.parametrize("cores", ["one process", "two processes"])
def test_a_page_raising_while_rendering_leaves_out_its_letter_only(tmp_path: Path, monkeypatch, cores: str) -> None:
    """Synthetic: rendering the written questions' page raises (no real letter makes it raise). The
    error names the letter's file and line; the other letter is written, with its open data, and
    no staged page or scratch folder is left behind. So in the worker processes too."""
    import generator.render

    if cores == "two processes":
        _on_every_core(monkeypatch)
    real = generator.render.render_letter_page

    def render_letter_page(record, *args):
        if record.path.endswith("000_04ae587ba6eeb66d.txt"):
            raise RuntimeError("kapot")
        return real(record, *args)

    monkeypatch.setattr(generator.render, "render_letter_page", render_letter_page)
    docs = tmp_path / "docs"
    result = generate(SEEDS, docs, SITE_URL)
    assert [str(d) for d in result.diagnostics if "internal error" in d.message] == [
        "seeds/000_04ae587ba6eeb66d.txt:1: internal error while rendering (RuntimeError); please report it; this letter is left out — kapot"
    ]
    assert not (docs / f"{QUESTIONS_PAGE}.md").exists() and not (docs / f"{QUESTIONS_PAGE}.json").exists()
    assert (docs / f"{VERSLAG_PAGE}.md").is_file() and (docs / f"{VERSLAG_PAGE}.json").is_file()
    assert "000_04ae587ba6eeb66d" not in (docs / "data" / "kamerdossier.json").read_text(encoding="utf-8")
    assert not [path for path in docs.rglob(".*") if path.name != ".generated"], "nothing staged is left"


@pytest.mark.parametrize("cores", ["one process", "two processes"])
def test_a_failure_only_two_letters_together_cause_leaves_out_the_later_one(tmp_path: Path, monkeypatch, cores: str) -> None:
    """Synthetic: the register of people raises only when both seeds are in the corpus (each alone
    renders; no real letter makes it raise). The records are added one at a time and the one that
    makes the set fail is left out and reported; the other is written, and nothing staged is left."""
    import generator.render.overviews as overviews

    if cores == "two processes":
        _on_every_core(monkeypatch)
    real = overviews.render_indexes

    def render_indexes(context):
        if len(context.corpus.records) > 1:
            raise KeyError("samen kapot")
        return real(context)

    monkeypatch.setattr(overviews, "render_indexes", render_indexes)
    docs = tmp_path / "docs"
    result = generate(SEEDS, docs, SITE_URL)
    assert [str(d) for d in result.diagnostics if "internal error" in d.message] == [
        "seeds/001_dfb242f75dbdc9fb.txt:1: internal error while rendering (KeyError); please report it; this letter is left out — 'samen kapot'"
    ]
    assert f"{QUESTIONS_PAGE}.md" in result.pages and not (docs / f"{VERSLAG_PAGE}.md").exists()
    assert not [path for path in docs.rglob(".*") if path.name != ".generated"], "nothing staged is left"


def test_without_failures_generate_renders_the_corpus_once(tmp_path: Path, monkeypatch) -> None:
    import generator.emit

    import generator.build as build_module

    calls, links = [], []
    real = generator.emit.render_context
    monkeypatch.setattr(generator.emit, "render_context", lambda *args: calls.append(args) or real(*args))
    real_link = build_module.link_corpus
    monkeypatch.setattr(build_module, "link_corpus", lambda *args: links.append(args) or real_link(*args))
    result = generate(SEEDS, tmp_path / "docs", SITE_URL)
    assert len(calls) == 1 and len(links) == 1 and not [d for d in result.diagnostics if "internal error" in d.message]
    assert [stage for stage, _ in result.timings] == ["read + parse", "link", "render + write"]


@pytest.mark.parametrize("cores", ["one process", "two processes"])
def test_a_refused_page_leaves_the_docs_folder_as_it_was(tmp_path: Path, monkeypatch, cores: str) -> None:
    """The timeline page, changed by hand since it was written, is refused when the next build
    would change it: the build fails naming it, and no file of docs/ changed, not even its time."""
    from generator.write import WriteRefused

    if cores == "two processes":
        _on_every_core(monkeypatch)
    docs = tmp_path / "docs"
    generate(SEEDS, docs, SITE_URL)
    (docs / "tijdlijn.md").write_text("# Mijn tijdlijn\n", encoding="utf-8")
    before = {path: (data, (docs / path).stat().st_mtime_ns) for path, data in _files(docs).items()}
    with pytest.raises(WriteRefused, match="tijdlijn.md: not written by kamerdossier, or changed since"):
        generate(SEEDS, docs, "https://elders.example/")  # every page citing its address changes
    assert {path: (data, (docs / path).stat().st_mtime_ns) for path, data in _files(docs).items()} == before
