"""Render the pages and write them as they come, a record at a time, on every core.

The render and write stages, streamed: no page is held once it is written, so memory does not grow
with the site. The records are cut into shares in corpus order; from `PARALLEL_FROM` records on,
each share is rendered by a worker process forked for it after the render context is built (it
shares the linked corpus with this process, copy-on-write), at most one a core at a time. A worker
renders and stages its share's pages and open data, leaves in the scratch folder only paths,
hashes, what the corpus-wide open data keeps of each letter and the letters that failed, and
exits. The pages that are no record's own (home, months, overviews) are a job of their own, the
longest, forked first (`SITE_JOB`): the shares fill the other cores around it. Meanwhile this
process renders nothing: it sleeps until a worker ends, forks the next job in its place at once,
and takes in what the ended one gave. So no core waits for this process to fork, and this
process touches next to none of the corpus's memory: when it rendered those pages itself between
forks, a long page left a finished worker unreplaced for seconds, and every fork made it copy
again (copy-on-write) the corpus's memory its pages touched (forking at once as workers ended
made its pages 2 to 4 times slower).

A worker per share, not one per core for the whole run: a forked process copies every page of
memory it writes to, and rendering writes all over the corpus's memory (reference counts, new
objects placed in the free slots left between the corpus's objects), about a quarter of a
megabyte a record. A worker that rendered half the corpus held a copy of nearly all of it (at
100,000 letters, two processes of over 5 GB); one that renders `RECORDS_PER_SHARE` records copies
at most what that many records touch. But forking, and ending, a process costs time in proportion
to the memory of the process forked (its page tables and the count of every page it maps): about
35 ms a gigabyte each on this machine, so a share a quarter of a thousand records would make the
cost of all the forks grow with the square of the corpus. Beyond `MAX_SHARES` shares (16,000
records) the shares grow instead of their number: a worker then copies a larger part of the
corpus's memory (a 64th of what its records touch), and forking stays a fixed part of the time.
The corpus-wide open data (`data/kamerdossier.json`, the CSV) is written from the pieces each
share leaves in the scratch folder, in corpus order, as the shares are done: this process appends
a share's pieces once it and every share before it are done, while the workers render
(`_CorpusDataWriter`). The same bytes on any number of cores, and only the feeds and the last
share's pieces are left once the last worker has ended.

A record whose pages raise while rendering is left out of the pages written and reported with
what `report` says of it; the caller links and renders again without it.
"""

from __future__ import annotations

import gc
import math
import os
import pickle
import signal
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from generator.incremental import Incremental
from generator.model import Corpus, Diagnostic, Record
from generator.render import render_context, render_record, render_site_pages
from generator.render.addresses import Addresses
from generator.render.context import RenderContext
from generator.render.data import CORPUS_JSON, PAIRS_CSV, CorpusData, LetterEntry, OpenDataLookup, join_corpus_items, open_data_lookup
from generator.second_core import picklable
from generator.write import STAGED, StagedPage, Staging, StagingStream

__all__ = ["Emitted", "PARALLEL_FROM", "WORKERS", "emit_site"]

PARALLEL_FROM = 200
"""From how many records on the records' pages are rendered on every core (below it, forking costs more)."""
WORKERS: int | None = None
"""How many processes render the records' pages from `PARALLEL_FROM` on (None: one a core)."""
SHARES_PER_WORKER = 8
"""Into how many shares per worker the records are cut at least, so workers finishing early take more."""
RECORDS_PER_SHARE = 250
"""How many records a share holds at most, up to `MAX_SHARES` shares: what one forked worker renders before it exits."""
MAX_SHARES = 64
"""How many shares (forked workers) the records are cut into at most, however many there are
(`_share_count`): forking and ending a worker costs time in proportion to the corpus's memory."""

Report = Callable[[Record, Exception], tuple[Diagnostic, ...]]


@dataclass(frozen=True)
class Emitted:
    """What rendering and staging the site gave: every page staged, and the records that failed
    (by path, with their reports), whose pages were left out."""

    pages: tuple[StagedPage, ...]
    failures: dict[str, tuple[Diagnostic, ...]]


@dataclass(frozen=True)
class _Job:
    """What the workers are forked with: the render context and everything a share needs, and the
    `extra` pages the site's own job stages."""

    context: RenderContext
    lookup: OpenDataLookup | None
    staging: Staging
    report: Report
    shares: tuple[tuple[Record, ...], ...]
    reuse: Incremental | None = None
    extra: Iterable[tuple[str, str]] = ()


_job: _Job | None = None
"""The job of the current `emit_site`, set before the workers fork so they inherit it."""

SITE_JOB = -1
"""The job of staging the pages that are no record's own (`_stage_site`), beside the shares' jobs (their indexes)."""


def emit_site(
    corpus: Corpus,
    site_url: str | None,
    staging: Staging,
    report: Report,
    extra: Iterable[tuple[str, str]] = (),
    workers: int | None = None,
    reuse: Incremental | None = None,
    addresses: Addresses | None = None,
) -> Emitted:
    """Render every page of the site (`generator.render.render_site`'s pages) and stage each as it
    comes, with the `extra` pages (docs-relative path, text); commit or discard with `staging`.
    With `reuse` (a `generator.incremental.Incremental`), a record whose pages the last build left
    as they would be now is not rendered again: its pages and open data are taken from there.
    `addresses`: the corpus's pages, when the build made them already (`assign_addresses`).

    Raises what rendering a page that is no record's own raises (after discarding what was
    staged): the caller finds the records that cause it.
    """
    global _job
    workers = workers or WORKERS or os.cpu_count() or 1
    parallel = workers > 1 and len(corpus.records) >= PARALLEL_FROM
    count = _share_count(len(corpus.records), workers) if parallel else 1
    site: SiteResult = ([], 0, None)
    corpus_data: _CorpusDataWriter | None = None
    gc.freeze()  # the corpus lives until the end: no collection walks it again, here or in the workers
    try:
        context = render_context(corpus, site_url, addresses)
        lookup = open_data_lookup(context) if site_url else None
        if reuse is not None:
            reuse.prepare(context, lookup)
        kept = reuse.kept_overviews() if reuse is not None else None
        shares = _shares(corpus.records, count)
        _job = _Job(context, lookup, staging, report, shares, reuse, extra)
        done: dict[int, ShareResult] = {}
        if lookup is not None:
            corpus_data = _CorpusDataWriter(staging, lookup, done, len(shares))
        take = corpus_data.take if corpus_data is not None else lambda: None
        # a share whose every record is as the last build left it is taken here: a worker forked to
        # read it would copy more memory than reading it costs (a rebuild forks for the changed ones)
        for index, share in enumerate(shares):
            if reuse is not None and reuse.all_kept(share):
                done[index] = _emit_share(index)
                take()
        forking = [index for index in range(len(shares)) if index not in done]
        if parallel and sum(len(shares[index]) for index in forking) >= PARALLEL_FROM:
            gc.freeze()  # nor what the context added: the workers never collect (and so copy) what they inherit
            if kept is not None:  # nothing to render: the last build's pages, and the extra ones
                site = _stage_site(staging, context, extra, kept)

            def collected(index: int, value: object) -> None:
                nonlocal site
                if index == SITE_JOB:
                    site = value
                else:
                    done[index] = value
                    take()

            forked = _Forked(workers, [SITE_JOB] * (kept is None) + forking, staging, collected)
            try:
                forked.wait()
            except BaseException:  # a worker failed: nothing it or the others staged is left behind
                forked.stop()
                staging.discard([*site[0], *forked.staged(), *(page for staged, _, _ in done.values() for page in staged)])
                raise
        else:
            for index in forking:
                done[index] = _emit_share(index)
                take()
            site = _stage_site(staging, context, extra, kept)
        if reuse is not None and kept is None and site[2] is None:
            reuse.remember_overviews(site[0][: site[1]])
        results = [done[index] for index in range(len(shares))]
    except BaseException:
        if corpus_data is not None:
            corpus_data.abandon()
        raise
    finally:
        _job = None
        gc.unfreeze()
    failed = site[2]
    pages = [*site[0], *(page for staged, _, _ in results for page in staged)]
    failures = {path: found for _, _, share_failures in results for path, found in share_failures.items()}
    if corpus_data is not None:
        if failed is None and not failures:
            try:
                pages += corpus_data.finish()
            except Exception as error:  # as a page that is no record's own: the caller finds the records that cause it
                failed = error
        if failed is not None or failures:
            corpus_data.abandon()
    if failed is not None:
        staging.discard(pages)
        raise failed
    return Emitted(tuple(pages), failures)


SiteResult = tuple[list[StagedPage], int, "Exception | None"]
"""What staging the pages that are no record's own gave (`_stage_site`): the pages staged, how many
of them (the first) are `render_site_pages`' (the rest are the extra ones), and what rendering raised."""


def _stage_site(
    staging: Staging,
    context: RenderContext,
    extra: Iterable[tuple[str, str]],
    kept: list[StagedPage] | None,
    on_staged: Callable[[StagedPage], None] = lambda page: None,
) -> SiteResult:
    """Stage the pages that are no record's own (`render_site_pages`), unless `kept` gives them as
    the last build left them (`Incremental.kept_overviews`), then the `extra` ones, as `_stage_all`
    does (telling `on_staged` of each)."""
    pages = list(kept) if kept is not None else []
    failed = _stage_all(staging, render_site_pages(context), pages, on_staged) if kept is None else None
    overviews = len(pages)
    if failed is None:
        failed = _stage_all(staging, extra, pages, on_staged)
    return pages, overviews, failed


def _stage_all(
    staging: Staging, pages: Iterable[tuple[str, object]], into: list[StagedPage], on_staged: Callable[[StagedPage], None] = lambda page: None
) -> Exception | None:
    """Stage each page as it is rendered, telling `on_staged` of each; give what rendering raised,
    if it did (having staged the ones before). What `on_staged` raises goes on."""
    pages = iter(pages)
    while True:
        try:
            page = next(pages, None)
            if page is None:
                return None
            staged = staging.stage(*page)
            into.append(staged)
        except Exception as error:
            return error
        on_staged(staged)


ShareResult = tuple[list[StagedPage], list[LetterEntry], dict[str, tuple[Diagnostic, ...]]]


class _CorpusDataWriter:
    """Stage the corpus-wide open data (`CorpusData`: `CORPUS_JSON`, the CSV, the feeds) as the
    shares are done, in share order: `take` appends the pieces of every share done (in `done`)
    whose shares before it are done too, as bytes, as it left them in the scratch folder; `finish`
    closes the two files and stages the feeds once every share is done. So the files grow while the
    workers render, and the same bytes come on any number of cores. A share with a failed record
    stops it (the caller renders again without the record); `abandon` removes what it staged.
    """

    def __init__(self, staging: Staging, lookup: OpenDataLookup, done: dict[int, ShareResult], shares: int) -> None:
        self.staging, self.done, self.shares = staging, done, shares
        self.data = CorpusData(lookup)
        self.entries: list[LetterEntry] = []
        self.taken = 0
        """How many shares, from the first, are in the files."""
        self.streams: dict[str, StagingStream] = {}
        self.staged: list[StagedPage] = []
        self.failed = False
        for path, head in self.data.head().items():
            self.streams[path] = staging.open(path)
            self.streams[path].write(head.encode("utf-8"))

    def take(self) -> None:
        """Append the pieces of the shares done that come next in share order."""
        while not self.failed and self.taken in self.done:
            _, entries, failures = self.done[self.taken]
            if failures:  # no corpus-wide data is made: the build renders again without them
                self.failed = True
                return
            self.entries += entries
            items = self.staging.kept_bytes(_part_name(self.taken, ".json"))
            if items:
                self.streams[CORPUS_JSON].write(self.data.separator().encode("utf-8") + items)
            self.streams[PAIRS_CSV].write(self.staging.kept_bytes(_part_name(self.taken, ".csv")))
            self.taken += 1

    def finish(self) -> list[StagedPage]:
        """Close the files (every share taken) and stage the feeds; give the pages staged."""
        self.take()
        assert not self.failed and self.taken == self.shares, "every share is done first"
        end, feeds = self.data.tail(self.entries)
        self.streams[CORPUS_JSON].write(end.encode("utf-8"))
        for path in list(self.streams):
            self.staged.append(self.streams.pop(path).close())
        for path, text in feeds:
            self.staged.append(self.staging.stage(path, text))
        return self.staged

    def abandon(self) -> None:
        """Remove what was staged, and the files begun."""
        for stream in self.streams.values():
            stream.abandon()
        self.streams.clear()
        self.staging.discard(self.staged)
        self.staged = []


class _Forked:
    """Run each of the `jobs` (a share's index, or `SITE_JOB`) in a process forked for it, in the
    order given, at most `workers` at a time.

    `wait` forks the first ones, then sleeps until a worker ends, collects it, forks the next job
    in its place at once, and tells `on_done` what the ended one gave (its job, and the value);
    so until every job is done. What a job raised is raised. A worker leaves what it gives back in
    the scratch folder (`Staging.keep`) and exits; should one end without (killed, out of memory),
    the build fails naming its job. On leaving, workers still running are stopped.
    """

    def __init__(self, workers: int, jobs: list[int], staging: Staging, on_done: Callable[[int, object], None]) -> None:
        self.workers, self.jobs, self.staging, self.on_done = workers, jobs, staging, on_done
        self.waiting = iter(jobs)
        self.running: dict[int, int] = {}  # process id -> job
        self.done: set[int] = set()

    def wait(self) -> None:
        """Run every job, forking a worker for the next one as soon as one has ended."""
        self._fork()
        while self.running:
            index, status = self._finish(self._next_finished())
            self._fork()  # before taking in what the ended one gave: the core is not left waiting
            self.on_done(index, self._result(index, status))
            self.done.add(index)

    def _fork(self) -> None:
        while len(self.running) < self.workers:
            index = next(self.waiting, None)
            if index is None:
                return
            pid = os.fork()
            if pid == 0:  # the worker: run the job, leave the result, never return
                _run_job(index, self.staging)
            self.running[pid] = index

    def _next_finished(self) -> int:
        """Wait until a worker has ended (left to be collected); which one, when it is ours (else any of ours)."""
        ended = os.waitid(os.P_ALL, 0, os.WEXITED | os.WNOWAIT)
        return ended.si_pid if ended is not None and ended.si_pid in self.running else next(iter(self.running))

    def _finish(self, pid: int) -> tuple[int, int]:
        """Collect the worker `pid` (waiting for it should it still run); give its job and exit status."""
        _, status = os.waitpid(pid, 0)
        return self.running.pop(pid), status

    def _result(self, index: int, status: int) -> object:
        """What job `index` gave, its worker having ended with `status`; raise what it raised."""
        code = os.waitstatus_to_exitcode(status)
        if code != 0:
            raise RuntimeError(f"the worker rendering {_job_title(index)} ended without its result (exit status {code})")
        succeeded, value = pickle.loads(self.staging.kept_bytes(_result_name(index)))
        if not succeeded:
            raise value
        return value

    def staged(self) -> list[StagedPage]:
        """Every page the workers staged so far whose job's result was not taken in, as they listed them."""
        pages = []
        for index in self.jobs:
            if index in self.done:
                continue
            try:
                listed = self.staging.kept(_staged_name(index)).splitlines()
            except FileNotFoundError:  # not started
                continue
            pages += (StagedPage(path, "", STAGED) for path in listed)
        return pages

    def stop(self) -> None:
        """Stop the workers still running, and collect them."""
        for pid in self.running:
            os.kill(pid, signal.SIGTERM)
        for pid in self.running:
            os.waitpid(pid, 0)
        self.running.clear()


def _job_title(index: int) -> str:
    return "the pages that are no record's own" if index == SITE_JOB else f"share {index}"


def _job_name(index: int) -> str:
    return "site" if index == SITE_JOB else f"{index:05d}"


def _result_name(index: int) -> str:
    return f"{_job_name(index)}.result"


def _staged_name(index: int) -> str:
    """The scratch file where a worker lists each page it stages, as it stages it."""
    return f"{_job_name(index)}.staged"


def _run_job(index: int, staging: Staging) -> None:
    """In a forked worker: run job `index` (stage share `index`, or the pages that are no record's
    own), keep what it gives (or what it raised) in the scratch folder, and exit, without running
    anything the forking process would on its way out.

    Stopped (`_Forked.stop`, when another job failed), it ends only between two pages, once the
    page staged last is in its list: SIGTERM is held back while a page is written, so no page's
    temporary file is left that the list does not name (the build removes what the lists name)."""
    status = 1
    try:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGTERM})
        with staging.keep_lines(_staged_name(index)) as log:

            def note(page: StagedPage) -> None:
                if page.state == STAGED:
                    log.write(f"{page.path}\n")
                if signal.SIGTERM in signal.sigpending():  # stopped: the page is listed, end here
                    os._exit(1)

            try:
                outcome = (True, _emit_site_pages(note) if index == SITE_JOB else _emit_share(index, note))
            except BaseException as error:  # given back to the build process, which raises it
                outcome = (False, picklable(error))
        staging.keep_bytes(_result_name(index), pickle.dumps(outcome))
        status = 0
    finally:
        os._exit(status)


def _emit_site_pages(on_staged: Callable[[StagedPage], None]) -> SiteResult:
    """Stage the pages that are no record's own and the extra ones (`_stage_site`), telling `on_staged` of each."""
    job = _job
    assert job is not None
    pages, overviews, failed = _stage_site(job.staging, job.context, job.extra, None, on_staged)
    return pages, overviews, picklable(failed) if failed is not None else None


def _share_count(records: int, workers: int) -> int:
    """How many shares `records` records are cut into for `workers` processes: `SHARES_PER_WORKER`
    a worker at least, so workers finishing early take more; shares of at most `RECORDS_PER_SHARE`
    records, up to `MAX_SHARES` shares.

    >>> _share_count(1_000, 2), _share_count(10_000, 2), _share_count(100_000, 2)
    (16, 40, 64)
    """
    return max(workers * SHARES_PER_WORKER, min(MAX_SHARES, math.ceil(records / RECORDS_PER_SHARE)))


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


def _emit_share(index: int, on_staged: Callable[[StagedPage], None] = lambda page: None) -> ShareResult:
    """Render and stage the pages of the records in share `index` (telling `on_staged` of each),
    leaving in the scratch folder the share's pieces of the corpus-wide open data; give the pages
    staged, the letters' entries, and the records that failed with their reports."""
    job = _job
    assert job is not None
    staged: list[StagedPage] = []
    entries: list[LetterEntry] = []
    failures: dict[str, tuple[Diagnostic, ...]] = {}
    items, pairs = [], []
    for record in job.shares[index]:
        kept = job.reuse.kept(record) if job.reuse is not None else None
        if kept is not None:
            own, data = kept
            for page in own:
                on_staged(page)
        else:
            try:
                pages, data = render_record(record, job.context, job.lookup)
            except Exception as error:  # a renderer bug must not stop the other letters: report it as an error
                failures[record.path] = job.report(record, error)
                continue
            own = []
            for path, text in pages:  # each page told of before the next is written: a stop may end the worker there
                own.append(job.staging.stage(path, text))
                on_staged(own[-1])
            if job.reuse is not None:
                job.reuse.remember(record, own, data)
        staged += own
        if data is not None:
            entries += data.entries
            if data.corpus_items:
                items.append(data.corpus_items)
            pairs.append(data.pairs)
    if job.reuse is not None:
        job.reuse.remember_share(job.shares[index])
    if job.lookup is not None:
        job.staging.keep(_part_name(index, ".json"), join_corpus_items(items))
        job.staging.keep(_part_name(index, ".csv"), "".join(pairs))
    return staged, entries, failures


def _part_name(index: int, suffix: str) -> str:
    """The scratch file where share `index` leaves its piece of the corpus-wide open data (`suffix`: `.json`, `.csv`)."""
    return f"{index:05d}{suffix}"
