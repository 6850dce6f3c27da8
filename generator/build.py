"""The whole build as one readable function: read, parse, link, render, write, mkdocs build."""

from __future__ import annotations

import bisect
import gc
import hashlib
import itertools
import os
import pickle
import sys
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from generator.cache import (
    SourceDigests, folder_key, load_parsed, parsed_key, prune_parsed, read_entry, remove_leftovers, store_parsed_pickle, write_entry,
)
from generator.emit import emit_site
from generator.errors import BuildFailed, SourceError, problem
from generator.incremental import Incremental, view_digest
from generator.link import KEPT_FORMAT, KeptMatches, RecordLinks, find_record_terms, link_corpus, link_record
from generator.model import Corpus, Diagnostic, Record, SourceSpan, Term, TermUse
from generator.parse import page_starts, parse_record
from generator.permanence import (
    address_sort_key,
    citable,
    format_manifest,
    missing_addresses,
    missing_report,
    read_manifest,
    read_published,
    require_manifest,
    site_addresses,
)
from generator.readers import Source, read_source, survey_sources
from generator.readers.annotations import read_annotations
from generator.readers.files import shown_path
from generator.readers.glossary import read_glossary
from generator.readers.pdf import prune_cached as prune_cached_pdfs
from generator.render.addresses import Addresses, assign_addresses
from generator.render.annotations import annotation_problems
from generator.redirects import NO_REDIRECTS, Redirects, page_file, read_redirects, redirect_files, redirect_problems, split_address
from generator.render import page_sources, render_site
from generator.search import index_site
from generator.second_core import apart
from generator.site import build_site
from generator.stopwatch import Stopwatch
from generator.write import MANIFEST, REFUSED, Staging, WriteRefused, refusal, write_files


@dataclass(frozen=True)
class BuildResult:
    """What a build produced: the pages it wrote, every diagnostic it met, the addresses its site serves."""

    pages: tuple[str, ...]
    diagnostics: tuple[Diagnostic, ...]
    addresses: frozenset[str] = frozenset()  # filled when the permanence check ran (issue 4)
    timings: tuple[tuple[str, float], ...] = ()
    """Seconds each stage took, in order (`("mkdocs build", 31.6)`): what the benchmark reports."""


PARALLEL_FROM = 200
"""From how many sources on parsing uses every core (below it, starting the workers costs more)."""
CHUNK = 32
"""At most this many sources go to a parse worker at a time (`_chunk_size`)."""


@dataclass(frozen=True)
class Parsed:
    """What reading and parsing the sources gave: the records, every diagnostic, and by record
    path its parse key (with a cache), what linking found in it alone (`link_record`) and the uses
    of the glossary's terms in it (`find_record_terms`)."""

    records: tuple[Record, ...]
    diagnostics: tuple[Diagnostic, ...]
    keys: dict[str, str]
    alone: dict[str, RecordLinks]
    terms: dict[str, tuple[TermUse, ...]]
    glossary: tuple[Term, ...] = ()  # the terms `terms` are uses of
    views: dict[str, str] = field(default_factory=dict)
    """By record path, the hash of what the pages that are no record's own see of it
    (`generator.incremental.view_digest`), with a cache."""
    unparsed: frozenset[str] = frozenset()
    """The parse key of each source that gave no record (its entry keeps its reports), with a cache."""
    pdfs: frozenset[bytes] = frozenset()
    """The SHA-256 of every PDF source's bytes, with a cache (its entry in the PDF cache: `read_pdf`)."""


def parse_sources(
    seeds: Path, cache: Path | None = None, workers: int | None = None
) -> tuple[tuple[Record, ...], tuple[Diagnostic, ...]]:
    """Read and parse every source in `seeds` (`parse_and_link_sources`): the records and diagnostics."""
    parsed = parse_and_link_sources(seeds, cache, workers)
    return parsed.records, parsed.diagnostics


def parse_and_link_sources(
    seeds: Path, cache: Path | None = None, workers: int | None = None, glossary: tuple[Term, ...] = ()
) -> Parsed:
    """Read and parse every source in `seeds`; a bad one is reported and the rest still parse.

    Every file there that is not read (a link, a file no reader reads, a sidecar without a
    letter) is reported too, first. A PDF read before is taken from the `cache` folder (see
    `generator.readers.pdf`); a PDF's diagnostics say `path:page:line`. Each source is read and
    parsed on its own, so from `PARALLEL_FROM` sources on they are spread over `workers` processes
    (default: every core); records and reports come back in the order of the sources. Each record
    is linked alone there too (`generator.link.record`), and the `glossary`'s terms found in it,
    and kept so in the cache (the terms with the glossary they were found with).
    """
    sources, diagnostics = survey_sources(seeds)
    digests = SourceDigests(cache) if cache is not None else None  # a source's key reads it only when it changed
    glossary_key = hashlib.sha256(repr(glossary).encode("utf-8", "surrogatepass")).hexdigest()
    workers = workers or os.cpu_count() or 1
    results: list[tuple | None] = []
    pending: list[tuple[int, tuple]] = []  # (number, job) of each source not in the cache

    def uncached() -> Iterator[tuple]:
        """Make each source's job (its key reads the source); a source parsed before is taken from
        the cache here (a worker would load it, then pickle it again to send it); yield the others' jobs."""
        for source in sources:
            job = _job(source, seeds, cache, glossary, glossary_key, digests)
            results.append(_cached_source(job))
            if results[-1] is None:
                pending.append((len(results) - 1, job))
                yield job

    with _cycle_collector_paused():  # taking records in
        jobs = uncached()
        first = list(itertools.islice(jobs, PARALLEL_FROM if workers > 1 else None))  # with workers, the rest as the pool takes them
        if len(first) >= PARALLEL_FROM and workers > 1:
            with ProcessPoolExecutor(max_workers=workers) as pool:  # the workers parse while the rest's jobs are made
                parsed = pool.map(_parse_source_to_send, itertools.chain(first, jobs), chunksize=_chunk_size(len(sources), workers))
                for (number, job), found in zip(pending, parsed):
                    results[number] = _received(found, job)
        else:
            for number, job in pending:
                results[number] = _parse_source(job)
    if digests is not None:
        digests.keep()
    records = tuple(record for record, *_ in results if record is not None)
    return Parsed(
        records,
        (*diagnostics, *(found for _, reports, *_ in results for found in reports)),
        {record.path: key for record, _, _, _, key, _ in results if record is not None and key is not None},
        {record.path: alone for record, _, alone, *_ in results if record is not None and alone is not None},
        {record.path: terms for record, _, _, terms, *_ in results if record is not None and terms is not None},
        glossary,
        {record.path: view for record, *_, view in results if record is not None and view is not None},
        frozenset(key for record, *_, key, _ in results if record is None and key is not None),
        frozenset(digests.seen[source.path] for source in sources if source.path.lower().endswith(".pdf") and source.path in digests.seen)
        if digests is not None else frozenset(),
    )


def _job(
    source: Source, seeds: Path, cache: Path | None, glossary: tuple[Term, ...], glossary_key: str, digests: SourceDigests | None
) -> tuple:
    """What parsing one source needs, its parse key included (computed once, here: it reads the
    source's bytes, unless `digests` holds their hash)."""
    shown = shown_path(source.path, seeds)
    key = parsed_key(source.path, shown, source.sidecar, digests) if cache is not None else None
    return source.path, shown, source.sidecar, cache, glossary, glossary_key, key


def _parse_source(
    job: tuple,
) -> tuple[Record | None, tuple[Diagnostic, ...], RecordLinks | None, tuple[TermUse, ...] | None, str | None, str | None]:
    """Read and parse one source: its record (None when it fails), what was found wrong in it, what
    linking finds in it alone and the glossary's terms in it (None when that fails: the link stage
    reports it), its parse key and the hash of its view (`view_digest`; both None without a cache).

    With a `cache` folder, a source parsed before (the same bytes, sidecar and parser) is taken
    from there (generator/cache.py), and its terms too when the glossary is the same."""
    entry, _ = _parse_entry(job)
    return _result(entry, job[-1])


def _parse_entry(job: tuple) -> tuple[tuple, bytes | None]:
    """Read and parse one source (or take it from the cache): its cache entry (record, reports,
    what linking finds in it alone, (glossary key, terms), view), and the entry's pickle when it
    was stored just now (else None)."""
    path, shown, sidecar, cache, glossary, glossary_key, key = job
    found = load_parsed(cache, key) if key is not None else None
    changed = found is None
    if found is None:
        record, reports = _read_and_parse(path, shown, sidecar, cache)
        found = (record, reports, _link_alone(record), None, _view_alone(record) if key is not None else None)
    record, reports, alone, terms, view = found
    if terms is None or terms[0] != glossary_key:
        terms, changed = (glossary_key, _terms_alone(record, alone, glossary)), True
    entry = (record, reports, alone, terms, view)
    if changed and key is not None:
        data = pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL)
        store_parsed_pickle(cache, key, data)
        return entry, data
    return entry, None


def _result(entry: tuple, key: str | None) -> tuple:
    """What `_parse_source` gives for a cache entry: its terms without their glossary key, and the parse key."""
    record, reports, alone, (_, terms), view = entry
    return record, reports, alone, terms, key, view


def _parse_source_to_send(job: tuple) -> tuple | bytes:
    """`_parse_source` in a worker: a source's entry as the cache stores it, its pickle, when it
    was stored just now (the build's process unpickles it, `_received`): pickled once, not once for
    the cache and again to be sent."""
    entry, data = _parse_entry(job)
    return data if data is not None else _result(entry, job[-1])


def _received(found: tuple | bytes, job: tuple) -> tuple:
    """What `_parse_source` gives, from what `_parse_source_to_send` sent."""
    return _result(pickle.loads(found), job[-1]) if isinstance(found, bytes) else found


def _chunk_size(sources: int, workers: int) -> int:
    """How many sources a worker takes at a time: enough that handing them out costs little, few
    enough that the workers finish close together (with a few large chunks one worker may parse
    the last alone) and the build's process takes the records in as they come."""
    return max(1, min(CHUNK, sources // (8 * workers)))


def _cached_source(job: tuple) -> tuple | None:
    """What `_parse_source` gives for a source the cache holds, terms found with this glossary
    included; None when it has to be read, parsed or linked (again)."""
    *_, cache, _, glossary_key, key = job
    found = load_parsed(cache, key) if key is not None else None
    if found is None or found[3] is None or found[3][0] != glossary_key:
        return None
    return _result(found, key)


def _link_alone(record: Record | None) -> RecordLinks | None:
    if record is None:
        return None
    try:
        return link_record(record)
    except Exception:  # the link stage links it again, and reports what fails at its place
        return None


def _view_alone(record: Record | None) -> str | None:
    if record is None:
        return None
    try:
        return view_digest(record)
    except Exception:  # never: the view only blanks the record's parts; without it the overviews are rendered
        return None


def _terms_alone(record: Record | None, alone: RecordLinks | None, glossary: tuple[Term, ...]) -> tuple[TermUse, ...] | None:
    if record is None or alone is None:
        return None
    try:
        return find_record_terms(record, alone, glossary)
    except Exception:  # the link stage finds them again, and reports what fails at its place
        return None


def _read_and_parse(path: str, shown: str, sidecar: str | None, cache: Path | None) -> tuple[Record | None, tuple[Diagnostic, ...]]:
    starts: tuple[int, ...] = ()
    try:
        text = read_source(Path(path), shown, Path(sidecar) if sidecar is not None else None, cache)
        starts = page_starts(text)
        record, found = parse_record(text)
    except SourceError as error:
        return None, tuple(on_page(diagnostic, starts) for diagnostic in error.diagnostics)
    except Exception as error:  # a parser bug must not stop the other letters: report it as an error
        return None, (_internal_error(shown, 1, "parsing", error),)
    return record, tuple(on_page(diagnostic, starts) for diagnostic in found)




@dataclass(frozen=True)
class Editorial:
    """What the site's editors wrote beside the letters: glossary terms and notes, with their problems."""

    terms: tuple = ()
    notes: tuple = ()
    diagnostics: tuple[Diagnostic, ...] = ()


def read_editorial(glossary: Path | None = None, annotations: Path | None = None) -> Editorial:
    """Read the `glossary` (`begrippen.yml`) and the editorial notes in `annotations/`."""
    terms, glossary_diagnostics = read_glossary(glossary, glossary.name) if glossary else ((), ())
    notes, note_diagnostics = read_annotations(annotations, annotations.name) if annotations else ((), ())
    return Editorial(tuple(terms), tuple(notes), tuple(glossary_diagnostics) + tuple(note_diagnostics))


def link_with_editorial(
    records: tuple[Record, ...], diagnostics: tuple[Diagnostic, ...], editorial: Editorial, parsed: Parsed | None = None
) -> Corpus:
    """Link `records` with the glossary's terms and the notes; a note naming a letter or anchor the
    corpus lacks is an error. `parsed`: what linking found in records alone before (`link_record`,
    `find_record_terms` with the editorial glossary)."""
    return link_and_address(records, diagnostics, editorial, parsed)[0]


def link_and_address(
    records: tuple[Record, ...],
    diagnostics: tuple[Diagnostic, ...],
    editorial: Editorial,
    parsed: Parsed | None = None,
    cache: Path | None = None,
) -> tuple[Corpus, Addresses]:
    """`link_with_editorial`, giving the pages of the corpus's letters and records too
    (`assign_addresses`): made once, for the notes' check and for rendering (`emit_site`). With a
    `cache` folder, the matches of answering letters the last build found are kept there
    (`generator.link.kept`, by `parsed`'s parse keys)."""
    alone = parsed.alone if parsed is not None else None
    terms = parsed.terms if parsed is not None and parsed.glossary == editorial.terms else None
    kept = _kept_matches(cache, parsed)
    with _cycle_collector_paused():
        corpus = link_corpus(records, diagnostics + editorial.diagnostics, editorial.terms, alone, terms, kept)
        if kept is not None and kept.changed():
            write_entry(cache / KEPT_MATCHES, (_KEPT_VERSION, kept.stored()))
        corpus = replace(corpus, annotations=editorial.notes)
        addresses = assign_addresses(corpus)
        return replace(corpus, diagnostics=corpus.diagnostics + annotation_problems(corpus, addresses)), addresses


KEPT_MATCHES = Path("link") / "matches.pickle"
"""Where in the cache folder the matches of answering letters are kept (`KeptMatches`), with
the Python they were found with (difflib compares the texts)."""

_KEPT_VERSION = f"{sys.version} kept {KEPT_FORMAT}"
"""What the matches are kept with: the Python, and the form they are kept in (`generator.link.kept.FORMAT`)."""


def _kept_matches(cache: Path | None, parsed: Parsed | None) -> KeptMatches | None:
    """The matches the last build kept in `cache`, to be looked up by `parsed`'s parse keys."""
    if cache is None or parsed is None:
        return None
    found = read_entry(cache / KEPT_MATCHES)
    return KeptMatches.restored(parsed.keys, found[1] if isinstance(found, tuple) and len(found) == 2 and found[0] == _KEPT_VERSION else None)


@contextmanager
def _cycle_collector_paused() -> Iterator[None]:
    """Pause Python's cycle collector while a stage makes millions of small objects and no cycles
    (unpickling the parsed records, linking): each of its full collections walks every object held
    so far, the whole corpus, which at 10,000 letters costs seconds per stage. Reference counting
    still frees what is dropped; a cycle made meanwhile is collected once the collector runs again."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def link_sources(seeds: Path, glossary: Path | None = None, annotations: Path | None = None) -> Corpus:
    """Read, parse and link the letters in `seeds` with the glossary and notes (for tests and tools)."""
    records, parse_diagnostics = parse_sources(seeds)
    return link_with_editorial(records, parse_diagnostics, read_editorial(glossary, annotations))


def on_page(diagnostic: Diagnostic, starts: tuple[int, ...]) -> Diagnostic:
    """Say a PDF source's diagnostic as `path:page:line` (the line on its page), given the line
    each page starts at; a diagnostic of a text source, or placed already, stays as it is."""
    if not starts or diagnostic.page is not None or diagnostic.line < starts[0]:
        return diagnostic
    page = bisect.bisect_right(starts, diagnostic.line)
    return replace(diagnostic, page=page, line=diagnostic.line - starts[page - 1] + 1)


SCHEMA = Path(__file__).parent / "schema" / "kamerdossier.schema.json"
"""The JSON Schema of the open data, published beside it as data/kamerdossier.schema.json."""


def generate(
    seeds: Path,
    docs: Path,
    site_url: str | None = None,
    glossary: Path | None = None,
    annotations: Path | None = None,
    cache: Path | None = None,
) -> BuildResult:
    """Turn the letters in `seeds` into Markdown pages in `docs` (read, parse, link, render, write).

    With the site's address (`site_url`), the open data (JSON with absolute URLs, CSV, Atom
    feeds, the JSON Schema) is rendered beside the pages too. The `glossary` file's terms
    (`begrippen.yml`) are explained wherever a letter uses them, and the editorial notes in
    `annotations` stand at their anchors. A letter that fails in any stage, or whose page would
    overwrite a hand-written one, is reported at its `path:line` and left out; the others still
    build. PDFs read before come from the `cache` folder. Pages are written as they are rendered
    (`generator.emit`), and `docs` changes only once every page is rendered.
    """
    timings = Stopwatch()
    extra = (("data/kamerdossier.schema.json", SCHEMA.read_text(encoding="utf-8")),) if site_url else ()
    stages: dict[str, float] = {}
    # the records live until the end: no collection walks them again and again. Paused once, from
    # the first record taken in: resumed between parse and link, the collector's next (youngest)
    # collection would walk every object parsed so far (0.85 s at 3,000 letters, ~1.3 s at 10,000)
    with _cycle_collector_paused():
        with timings("read + parse"):
            if cache is not None:
                remove_leftovers(cache)  # the temporary files a build killed while writing left there
            editorial = read_editorial(glossary, annotations)
            parsed = parse_and_link_sources(seeds, cache, glossary=editorial.terms)
            records, parse_diagnostics = parsed.records, parsed.diagnostics
        reuse = Incremental(cache, docs, parsed.keys, parsed.views) if cache is not None else None  # a rebuild renders only what changed
        corpus, pages, problems = link_render_and_write(
            records, parse_diagnostics, site_url, docs, editorial, extra, stages, reuse, parsed, cache
        )
        if reuse is not None:  # the build is done and its state written: what it left unused in the cache goes
            prune_parsed(cache, itertools.chain(parsed.keys.values(), parsed.unparsed))
            prune_cached_pdfs(cache, parsed.pdfs)
            reuse.prune()
    timings.laps += tuple(stages.items())  # "link", "render + write": each summed over the passes it took
    pages_of = {record.path: record.page_starts for record in records if record.page_starts}
    diagnostics = tuple(on_page(d, pages_of.get(d.path, ())) for d in (*corpus.diagnostics, *problems))
    return BuildResult(tuple(sorted(pages)), diagnostics, timings=timings.laps)


def link_render_and_write(
    records: tuple[Record, ...],
    diagnostics: tuple[Diagnostic, ...],
    site_url: str | None,
    docs: Path,
    editorial: Editorial = Editorial(),
    extra: tuple[tuple[str, str], ...] = (),
    timings: dict[str, float] | None = None,
    reuse: Incremental | None = None,
    parsed: Parsed | None = None,
    cache: Path | None = None,
) -> tuple[Corpus, list[str], list[Diagnostic]]:
    """Link `records`, then render and write their pages and the `extra` ones into `docs`, leaving
    out (and reporting at its `path:line`) each record that makes linking or rendering fail, or
    whose page would overwrite a hand-written page. Give the corpus, the pages written and the reports.

    When nothing fails, the corpus is linked and rendered once. A record whose own pages raise is
    left out and the rest linked and rendered again; should a page that is no record's own raise
    (an overview), the records that cause it are found by `_leave_out_failing`. `timings`
    gets the seconds spent linking (`link`) and rendering and writing (`render + write`). With
    `reuse`, records whose pages the last build left as they would be now are not rendered again;
    `parsed` holds what linking found in each record alone before (`link_record`); the `cache`
    folder keeps what linking the corpus found (`link_and_address`).
    """
    timings = {} if timings is None else timings
    timings.setdefault("link", 0.0)
    timings.setdefault("render + write", 0.0)
    problems: list[Diagnostic] = []
    kept = records
    while True:
        start = time.perf_counter()
        try:
            corpus, addresses = link_and_address(kept, diagnostics, editorial, parsed, cache)
        except Exception:
            kept, found = _leave_out_failing_or_raise(kept, diagnostics, site_url, editorial)
            problems += found
            continue
        finally:
            timings["link"] += time.perf_counter() - start
        start = time.perf_counter()
        if reuse is not None:
            reuse.hash_links(corpus, addresses)  # on the second core, while emit_site makes the render context
        staging = Staging(docs)
        try:
            emitted = emit_site(corpus, site_url, staging, _rendering_failure, extra, reuse=reuse, addresses=addresses)
        except Exception:  # a page that is no record's own failed: find the records that make it fail
            kept, found = _leave_out_failing_or_raise(kept, diagnostics, site_url, editorial)
            problems += found
            continue
        finally:
            timings["render + write"] += time.perf_counter() - start
        left_out = set(emitted.failures)
        problems += [found for reports in emitted.failures.values() for found in reports]
        refused = [page.path for page in emitted.pages if page.state == REFUSED]
        if refused and not left_out:
            sources = page_sources(corpus)
            problems += _overwriting(refused, sources, docs)
            left_out = {record for page in refused for record, _, _ in sources.get(page, ())}
            if not left_out:  # a page of the site itself would overwrite one: refuse, naming the file
                staging.discard(emitted.pages)
                raise WriteRefused(refusal(refused, docs))
        if left_out:
            staging.discard(emitted.pages)
            kept = tuple(record for record in kept if record.path not in left_out)
            continue
        start = time.perf_counter()
        kept_files = staging.commit(emitted.pages)
        if reuse is not None:
            reuse.committed(emitted.pages)
        timings["render + write"] += time.perf_counter() - start
        problems += [
            problem(f"{docs.name}/{path}", 1, f"listed in {docs.name}/{MANIFEST} but changed since it was written (or listed without its hash); not removed", severity="warning")
            for path in kept_files
        ]
        return corpus, [page.path for page in emitted.pages], problems


def _leave_out_failing_or_raise(
    records: tuple[Record, ...], diagnostics: tuple[Diagnostic, ...], site_url: str | None, editorial: Editorial
) -> tuple[tuple[Record, ...], list[Diagnostic]]:
    """`_leave_out_failing`, called while an exception is handled: should no record make linking or
    rendering fail (then streaming them did, not the records), that exception goes on."""
    kept, found = _leave_out_failing(records, diagnostics, site_url, editorial)
    if len(kept) == len(records):
        raise
    return kept, found


def _rendering_failure(record: Record, error: Exception) -> tuple[Diagnostic, ...]:
    return _failure(record, _StageFailed("rendering", error))


def _overwriting(pages: list[str], sources: dict[str, tuple[tuple[str, str, int], ...]], docs: Path) -> list[Diagnostic]:
    """Report each record asking for a page that would overwrite a hand-written page in `docs`."""
    return [
        problem(path, line, f"asks for the page {page}, which would overwrite a hand-written page ({docs.name}/{page}); this letter is left out", record)
        for page in pages for record, path, line in sources.get(page, ())
    ]


# --- Every stage fails per letter (issue 7) -----------------------------------------------------


class _StageFailed(Exception):
    """Linking or rendering a set of records raised: `stage` says which, `error` what."""

    def __init__(self, stage: str, error: Exception):
        super().__init__(stage)
        self.stage, self.error = stage, error


def _link_then_render(
    records: tuple[Record, ...], diagnostics: tuple[Diagnostic, ...], site_url: str | None, editorial: Editorial
) -> tuple[Corpus, dict[str, str]]:
    try:
        corpus = link_with_editorial(records, diagnostics, editorial)
    except Exception as error:
        raise _StageFailed("linking", error) from error
    try:
        return corpus, render_site(corpus, site_url)
    except Exception as error:
        raise _StageFailed("rendering", error) from error


def _leave_out_failing(
    records: tuple[Record, ...], diagnostics: tuple[Diagnostic, ...], site_url: str | None, editorial: Editorial
) -> tuple[tuple[Record, ...], list[Diagnostic]]:
    """Find the records that make linking or rendering fail; give the others and the reports.

    Each record is tried alone, and those that fail alone are left out; should the rest still fail
    together, records are added one at a time and each that makes the set fail is left out.
    """
    problems: list[Diagnostic] = []
    alone: list[Record] = []
    for record in records:
        try:
            _link_then_render((record,), diagnostics, site_url, editorial)
            alone.append(record)
        except _StageFailed as failed:
            problems += _failure(record, failed)
    try:
        _link_then_render(tuple(alone), diagnostics, site_url, editorial)
        return tuple(alone), problems
    except _StageFailed:
        pass
    together: list[Record] = []
    for record in alone:
        try:
            _link_then_render((*together, record), diagnostics, site_url, editorial)
            together.append(record)
        except _StageFailed as failed:
            problems += _failure(record, failed)
    return tuple(together), problems


def _failure(record: Record, failed: _StageFailed) -> tuple[Diagnostic, ...]:
    """Report a record left out: the error's own place when it is a source error, else an internal error."""
    if isinstance(failed.error, SourceError):
        return failed.error.diagnostics
    return (_internal_error(record.path, _line_of_failure(failed.error, record), failed.stage, failed.error),)


def _line_of_failure(error: Exception, record: Record) -> int:
    """Find the source line a stage was working on when it raised: the innermost frame holding a
    `SourceSpan` of `record` (or a node with one); else the record's first line."""
    frames = []
    trace = error.__traceback__
    while trace is not None:
        frames.append(trace.tb_frame)
        trace = trace.tb_next
    for frame in reversed(frames):
        for value in frame.f_locals.values():
            span = value if isinstance(value, SourceSpan) else getattr(value, "span", None)
            if isinstance(span, SourceSpan) and span.path == record.path:
                return span.line
    return min((letter.span.line for letter in record.letters), default=1)


def _internal_error(path: str, line: int, stage: str, error: Exception) -> Diagnostic:
    return problem(
        path, line, f"internal error while {stage} ({type(error).__name__}); please report it; this letter is left out", str(error)
    )


def site_url_of(config: Path) -> str | None:
    """The `site_url` of a MkDocs configuration, or None when it has none."""
    from mkdocs.config import load_config

    return load_config(str(config)).site_url or None


def build(
    seeds: Path,
    docs: Path,
    site: Path | None,
    config: Path,
    strict: bool = False,
    manifest: Path | None = None,
    redirects: Path | None = None,
    new_site: bool = False,
    glossary: Path | None = None,
    annotations: Path | None = None,
    cache: Path | None = None,
) -> BuildResult:
    """Generate the pages, report every diagnostic, then build the site with MkDocs.

    In strict mode any error (bad input: an unreadable file, a letter without questions, a
    footnote marker without a body) fails the build after all diagnostics are reported, and
    MkDocs runs strict too. Warnings (what the source itself lacks, such as a footnote that no
    marker refers to, or a citation too vague to link) are reported and never fail it.

    Given a `manifest` (published.txt), the built site must still serve every address in it, or a
    redirect declared in `redirects` (redirects.toml) must lead there; the redirects are then
    written into the site. A published address that is gone fails the build, strict or not; so
    does a missing `manifest`, unless `new_site` (a site that has published nothing yet).
    The redirects are read and checked first, before anything is generated (a bad file fails the
    build at once, naming each problem at its line), and a missing `manifest` fails it then too.
    PDFs read before come from the `cache` folder (none: every PDF is read).
    """
    declared = NO_REDIRECTS
    if site is not None and manifest is not None:  # the permanence check's inputs, checked before anything is built
        require_manifest(manifest, missing_ok=new_site)
        declared = read_redirects(redirects) if redirects is not None else NO_REDIRECTS

    def generated() -> BuildResult:
        return generate(seeds, docs, site_url_of(config), glossary, annotations, cache)

    result = apart(generated)  # the corpus's memory goes back to the system before MkDocs and Pagefind run
    for diagnostic in result.diagnostics:
        print(f"{diagnostic.severity}: {diagnostic}", file=sys.stderr)
    errors = [d for d in result.diagnostics if d.severity == "error"]
    if strict and errors:
        raise BuildFailed(f"{len(errors)} error(s) in the sources; strict build stopped")
    if site is not None:
        timings = Stopwatch()
        with timings("mkdocs build"):
            built = build_site(config, docs, site, strict, site_state(cache, site))
        with timings("search index"):
            index_site(site, state=site_state(cache, site, "search"))  # search (issue 9): Pagefind indexes the changed parts
        if manifest is not None:
            with timings("permanence check"):
                kept = keep_published_addresses(site, manifest, declared, built.site_url, new_site, built.addresses, manifest_state(cache, manifest))
            result = replace(result, addresses=frozenset(kept))
        result = replace(result, timings=(*result.timings, *timings.laps))
    return result


def site_state(cache: Path | None, site: Path, step: str = "site") -> Path | None:
    """Where a `step` of the build (the site build, the search index) remembers what `site` holds
    (in the `cache` folder, one file per site folder), so the next build redoes only what changed;
    None without a cache."""
    return cache / step / f"{folder_key(site)}.json" if cache is not None else None


# --- Permanence (issue 4): a published address keeps working -------------------------------------


def manifest_state(cache: Path | None, manifest: Path) -> Path | None:
    """Where the addresses a `manifest` lists are kept between builds (`read_published`); None without a cache."""
    return cache / "permanence" / f"{folder_key(manifest)}.pickle" if cache is not None else None


def keep_published_addresses(
    site: Path,
    manifest: Path,
    declared: Redirects = NO_REDIRECTS,
    site_url: str | None = None,
    new_site: bool = False,
    served: Iterable[str] | None = None,
    state: Path | None = None,
) -> set[str]:
    """Check that every published address still leads somewhere, then write the redirects into `site`.

    Fails with BuildFailed naming, as `published.txt:<line>: no longer produced — <address>`, each
    address in `manifest` that the built site no longer serves and no redirect `declared` (in
    redirects.toml, read before the build: `read_redirects`) leads to, and each declared redirect
    that cannot work; and, unless `new_site`, when there is no `manifest`. Returns the addresses
    the site serves (its own pages and their citable ids, without the redirect pages).

    `served` are the addresses the site build emitted (each page and each id in its content, as
    MkDocs converted it); without them every built page is read for its ids. Only the few pages
    that get an anchor map are read, to add the script that loads it. The `state` file keeps the
    manifest's addresses for the next build (`read_published`).
    """
    reachable = (served if isinstance(served, (set, frozenset)) else set(served)) if served is not None else site_addresses(site)  # every id: a redirect may lead to any of them
    published = read_published(manifest, state, missing_ok=new_site)
    missing = missing_addresses(published, reachable, declared)
    problems = [missing_report(missing, read_manifest(manifest, missing_ok=new_site), manifest.name)] if missing else []  # each one's line
    problems += redirect_problems(declared, reachable)  # after the report's heading: every line below it is a problem
    if problems:
        raise BuildFailed("\n".join(problems))
    anchored = {split_address(old)[0] for old in declared.anchors} & reachable  # pages that get an anchor map
    pages = {page: (site / page_file(page)).read_text(encoding="utf-8") for page in sorted(anchored)}
    write_files(redirect_files(declared, reachable, pages, site_url), site)
    return citable(reachable)


def publish(manifest: Path, addresses: Iterable[str]) -> list[str]:
    """Add to `manifest` every address not listed yet, never removing one; return the added ones.

    Run after a build that checked the manifest (or was told the site is new), so a missing one is
    created.
    """
    published = read_manifest(manifest, missing_ok=True)
    added = sorted(set(addresses) - set(published), key=address_sort_key)
    write_files({manifest.name: format_manifest(set(published) | set(addresses))}, manifest.parent)
    return added
