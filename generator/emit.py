"""Render the pages and write them as they come, a record at a time, on every core.

The render and write stages, streamed: no page is held once it is written, so memory does not grow
with the site. The records are cut into shares in corpus order; from `PARALLEL_FROM` records on,
worker processes forked after the render context is built (they share the linked corpus with this
process, copy-on-write) each render and stage their shares' pages and open data, and send back
only paths, hashes, what the corpus-wide open data keeps of each letter, and the letters that
failed. Meanwhile this process renders the pages that are no record's own (home, months,
overviews). The corpus-wide open data (`data/kamerdossier.json`, the CSV) is then written from
the pieces each share left in the scratch folder, in corpus order: the same bytes on any number
of cores.

A record whose pages raise while rendering is left out of the pages written and reported with
what `report` says of it; the caller links and renders again without it.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

from generator.model import Corpus, Diagnostic, Record
from generator.render import render_context, render_corpus_data, render_record, render_site_pages
from generator.render.data import LetterEntry, join_corpus_items, open_data_lookup
from generator.write import StagedPage, Staging

__all__ = ["Emitted", "PARALLEL_FROM", "WORKERS", "emit_site"]

PARALLEL_FROM = 200
"""From how many records on the records' pages are rendered on every core (below it, forking costs more)."""
WORKERS: int | None = None
"""How many processes render the records' pages from `PARALLEL_FROM` on (None: one a core)."""
SHARES_PER_WORKER = 8
"""Into how many shares per worker the records are cut, so workers finishing early take more."""

Report = Callable[[Record, Exception], tuple[Diagnostic, ...]]


@dataclass(frozen=True)
class Emitted:
    """What rendering and staging the site gave: every page staged, and the records that failed
    (by path, with their reports), whose pages were left out."""

    pages: tuple[StagedPage, ...]
    failures: dict[str, tuple[Diagnostic, ...]]


@dataclass(frozen=True)
class _Job:
    """What the workers are forked with: the render context and everything a share needs."""

    context: object
    lookup: object
    staging: Staging
    report: Report
    shares: tuple[tuple[Record, ...], ...]
    reuse: object = None


_job: _Job | None = None
"""The job of the current `emit_site`, set before the workers fork so they inherit it."""


def emit_site(
    corpus: Corpus,
    site_url: str | None,
    staging: Staging,
    report: Report,
    extra: Iterable[tuple[str, str]] = (),
    workers: int | None = None,
    reuse=None,
) -> Emitted:
    """Render every page of the site (`generator.render.render_site`'s pages) and stage each as it
    comes, with the `extra` pages (docs-relative path, text); commit or discard with `staging`.
    With `reuse` (a `generator.incremental.Incremental`), a record whose pages the last build left
    as they would be now is not rendered again: its pages and open data are taken from there.

    Raises what rendering a page that is no record's own raises (after discarding what was
    staged): the caller finds the records that cause it.
    """
    global _job
    context = render_context(corpus, site_url)
    lookup = open_data_lookup(context) if site_url else None
    if reuse is not None:
        reuse.prepare(context, lookup)
    workers = workers or WORKERS or os.cpu_count() or 1
    parallel = workers > 1 and len(corpus.records) >= PARALLEL_FROM
    shares = _shares(corpus.records, workers * SHARES_PER_WORKER if parallel else 1)
    _job = _Job(context, lookup, staging, report, shares, reuse)
    site: list[StagedPage] = []
    failed: Exception | None = None
    try:
        if parallel:
            gc.freeze()  # the workers never collect (and so copy) what they inherit
            with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
                futures = [pool.submit(_emit_share, index) for index in range(len(shares))]
                failed = _stage_all(staging, _site_pages(context, extra), site)
                results = [future.result() for future in futures]
        else:
            results = [_emit_share(index) for index in range(len(shares))]
            failed = _stage_all(staging, _site_pages(context, extra), site)
    finally:
        _job = None
        gc.unfreeze()
    pages = [*site, *(page for staged, _, _ in results for page in staged)]
    failures = {path: found for _, _, share_failures in results for path, found in share_failures.items()}
    if failed is None and lookup is not None and not failures:
        entries = [entry for _, share_entries, _ in results for entry in share_entries]
        parts = range(len(shares))
        data = render_corpus_data(lookup, entries, _read_parts(staging, parts, ".json"), _read_parts(staging, parts, ".csv"))
        failed = _stage_all(staging, data, pages)
    if failed is not None:
        staging.discard(pages)
        raise failed
    return Emitted(tuple(pages), failures)


def _site_pages(context, extra: Iterable[tuple[str, str]]) -> Iterator[tuple[str, str]]:
    yield from render_site_pages(context)
    yield from extra


def _stage_all(staging: Staging, pages: Iterable[tuple[str, object]], into: list[StagedPage]) -> Exception | None:
    """Stage each page as it is rendered; give what rendering raised, if it did (having staged the ones before)."""
    try:
        for path, text in pages:
            into.append(staging.stage(path, text))
    except Exception as error:
        return error
    return None


def _shares(records: tuple[Record, ...], count: int) -> tuple[tuple[Record, ...], ...]:
    """Cut the records into at most `count` shares of consecutive records, sizes differing by at most one."""
    count = max(1, min(count, len(records)))
    size, more = divmod(len(records), count)
    shares, start = [], 0
    for index in range(count):
        stop = start + size + (index < more)
        shares.append(records[start:stop])
        start = stop
    return tuple(shares)


def _emit_share(index: int) -> tuple[list[StagedPage], list[LetterEntry], dict[str, tuple[Diagnostic, ...]]]:
    """Render and stage the pages of the records in share `index`, leaving in the scratch folder the
    share's pieces of the corpus-wide open data; give the pages staged, the letters' entries, and
    the records that failed with their reports."""
    job = _job
    assert job is not None
    staged: list[StagedPage] = []
    entries: list[LetterEntry] = []
    failures: dict[str, tuple[Diagnostic, ...]] = {}
    items, pairs = [], []
    for record in job.shares[index]:
        kept = job.reuse.kept(record) if job.reuse is not None else None
        if kept is not None:
            staged += kept[0]
            data = kept[1]
        else:
            try:
                pages, data = render_record(record, job.context, job.lookup)
            except Exception as error:  # a renderer bug must not stop the other letters: report it as an error
                failures[record.path] = job.report(record, error)
                continue
            own = [job.staging.stage(path, text) for path, text in pages]
            staged += own
            if job.reuse is not None:
                job.reuse.remember(record, own, data)
        if data is not None:
            entries += data.entries
            if data.corpus_items:
                items.append(data.corpus_items)
            pairs.append(data.pairs)
    if job.lookup is not None:
        job.staging.keep(f"{index:05d}.json", join_corpus_items(items))
        job.staging.keep(f"{index:05d}.csv", "".join(pairs))
    return staged, entries, failures


def _read_parts(staging: Staging, indexes: Iterable[int], suffix: str) -> Iterator[str]:
    """Give the shares' pieces in order, each read when it is wanted."""
    for index in indexes:
        yield staging.kept(f"{index:05d}{suffix}")
