"""Do MkDocs' work for each page on every core: a pool of forked workers (issue 9).

`PagePool` runs a job for each page (named by its `src_uri`) in workers forked from the build's
process, so they hold its config, files, navigation and theme as they are when the pool starts,
and hands each page's result back in the order the pages were given. What a job logged in the
worker (a broken link) comes back with its result, to be logged again in the build's process
when the build reaches the page, so strict mode counts it and messages keep their order. A job
that raised in a worker, and every page left when a worker dies (killed for its memory, say),
comes back as None: the build's process does that page itself, and reports its error where it
belongs. A machine with one core, or fewer than MIN_PAGES pages, gets no pool (`start` gives None).

Two builds use it:

- kamerdossier's own site build (generator/site.py) hands the workers the whole job of a page:
  convert it, render it into the theme's template and write the file, returning only what the
  build needs to know (its ids, links to anchors, a digest of its file);
- MkDocs' own build (`mkdocs build`, with this module's hooks, mkdocs.yml `hooks:`) is given
  only the conversion: once the files are known (the `nav` event) the workers run MkDocs'
  `pre_page`, `read_source`, `page_markdown` and `Page.render` for every page MkDocs is about to
  read, while MkDocs goes on; when MkDocs reaches a page, its `render` is handed the worker's
  result (the HTML, table of contents, title, anchors and links to anchors) instead of converting
  again, if it was made from the very same Markdown (compared by digest):

      worker:  pre_page -> read_source -> page_markdown -> Page.render   (MkDocs' own code)
      MkDocs:  pre_page -> read_source -> page_markdown -> render = the worker's result
               -> page_content -> templates -> validate_anchor_links

  In a dirty build (`mkdocs build --dirty`, told by the `startup` event) only the pages MkDocs
  will read again, those changed since they were last built, are converted.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.pages import Page

MIN_PAGES = 64
"""Below this many pages a pool costs more than it saves."""

CHUNK = 8
"""Pages a worker does per task: few enough to keep the build fed in order, enough to keep
messages between the processes few."""

Result = TypeVar("Result")
Records = tuple[tuple[str, logging.LogRecord], ...]
"""What a job logged, with each logger's name, in order."""


@dataclass(frozen=True)
class Done(Generic[Result]):
    """One page's job done in a worker: its result (None when the job raised) and what it logged."""

    src_uri: str
    result: Result | None
    records: Records = ()

    def log_again(self) -> None:
        """Log what the job logged in the worker, here, through the same loggers."""
        for name, record in self.records:
            logging.getLogger(name).handle(record)


class PagePool(Generic[Result]):
    """Workers forked from this process, running `job(src_uri)` for each of the pages given."""

    def __init__(self, job: Callable[[str], Result], src_uris: list[str], cores: int) -> None:
        chunks = [src_uris[start : start + CHUNK] for start in range(0, len(src_uris), CHUNK)]
        _WORKER["job"] = job
        gc.freeze()  # the build's objects stay out of the workers' collections: no copy of their pages
        try:
            # Forked as the first chunk is handed over, so the workers hold the job and this build's state.
            self._pool: ProcessPoolExecutor | None = ProcessPoolExecutor(
                cores, mp_context=multiprocessing.get_context("fork"), initializer=_start_worker
            )
            self._results: Iterator[list[Done[Result]]] | None = self._pool.map(_run_chunk, chunks)
        finally:
            _WORKER.clear()
            gc.unfreeze()
        self._waiting: dict[str, Done[Result]] = {}

    def take(self, src_uri: str) -> Done[Result] | None:
        """The job's outcome for the page `src_uri`, taking results in order until it comes; None
        when no worker did it (a worker died: this process does the pages left)."""
        while src_uri not in self._waiting and self._results is not None:
            try:
                chunk = next(self._results, None)
            except BrokenProcessPool:
                logging.getLogger("mkdocs").info("A worker building pages stopped; the other pages are built one by one.")
                self._results = None
                break
            if chunk is None:
                break
            self._waiting.update((done.src_uri, done) for done in chunk)
        return self._waiting.pop(src_uri, None)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        self._pool, self._results, self._waiting = None, None, {}


def start(job: Callable[[str], Result], src_uris: Iterable[str]) -> PagePool[Result] | None:
    """Start workers doing `job` for these pages, or None where a pool would not pay (see the module)."""
    pages = list(src_uris)
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if cores < 2 or len(pages) < MIN_PAGES or "fork" not in multiprocessing.get_all_start_methods():
        return None
    return PagePool(job, pages, cores)


# --- In a worker ---------------------------------------------------------------------------------

_WORKER: dict[str, Any] = {}
"""While a pool starts, the job its workers inherit when forked (and keep)."""

_KEPT: list[tuple[str, logging.LogRecord]] = []


def _start_worker() -> None:
    """Make this forked process a worker: no pool of its own; keep what is logged, to hand over."""
    _RUN.pool = None
    logging.Logger.handle = _keep_record  # type: ignore[method-assign] # this process only


def _keep_record(logger: logging.Logger, record: logging.LogRecord) -> None:
    record.msg, record.args, record.exc_info, record.exc_text = record.getMessage(), None, None, None
    _KEPT.append((logger.name, record))


def _run_chunk(src_uris: list[str]) -> list[Done]:
    return [_run_job(src_uri) for src_uri in src_uris]


def _run_job(src_uri: str) -> Done:
    _KEPT.clear()
    try:
        result = _WORKER["job"](src_uri)
    except Exception:  # the build's process does this page itself, and reports the error where it belongs
        return Done(src_uri, None)
    return Done(src_uri, result, tuple(_KEPT))


# --- MkDocs' own build: the hooks ----------------------------------------------------------------


@dataclass(frozen=True)
class Rendered:
    """What `Page.render` left on one page, as data that crosses between processes."""

    digest: bytes
    """Of the Markdown rendered."""
    content: str = ""
    toc: Any = None
    """The page's TableOfContents."""
    title: str | None = None
    anchors: frozenset[str] = frozenset()
    links_to_anchors: dict[str, dict[str, str]] | None = None
    """Keyed by the linked page's `src_uri`; None when MkDocs does not gather them."""


class _Run:
    """One MkDocs build's pool."""

    def __init__(self) -> None:
        self.dirty = False
        self.in_serve = False
        self.pool: PagePool[Rendered] | None = None
        self.only: frozenset[str] | None = None
        """The pages the next build will read, when its builder said so (`convert_only`)."""
        self.config: Any = None
        self.files: Files | None = None

    def close(self) -> None:
        if self.pool is not None:
            self.pool.close()
        self.pool = self.config = self.files = None


_RUN = _Run()


def on_startup(*, command: str, dirty: bool) -> None:
    """Remember whether the builds to come are dirty (only changed pages are read) or serve previews."""
    _RUN.dirty = dirty
    _RUN.in_serve = command == "serve"


def convert_only(src_uris: Iterable[str]) -> None:
    """Convert, in the next build, only these pages (none: the builder does its pages itself)."""
    _RUN.only = frozenset(src_uris)


def on_nav(nav: Any, *, config: Any, files: Files) -> Any:
    """Start converting, in a pool of forked workers, every page MkDocs is about to read."""
    _RUN.close()
    only, _RUN.only = _RUN.only, None
    if only is not None and not only:  # its builder does the pages itself
        return nav
    inclusion = InclusionLevel.is_in_serve if _RUN.in_serve else InclusionLevel.is_included
    pages = [
        file.src_uri
        for file in files.documentation_pages(inclusion=inclusion)
        if (only is None or file.src_uri in only) and (not _RUN.dirty or file.is_modified())
    ]
    _RUN.config, _RUN.files = config, files
    _RUN.pool = start(_convert, pages)
    return nav


def on_page_markdown(markdown: str, *, page: Page, **_: Any) -> str:
    """Hand the page, if a worker converted it, its result in place of MkDocs' own conversion."""
    if _RUN.pool is not None:
        page.render = _use_rendered.__get__(page)  # type: ignore[method-assign] # this page only
    return markdown


def on_post_build(**_: Any) -> None:
    _RUN.close()


def on_build_error(**_: Any) -> None:
    _RUN.close()


def on_shutdown() -> None:
    _RUN.close()


def _use_rendered(page: Page, config: Any, files: Files) -> None:
    """`Page.render` for one page: set what the worker's render set, or render here when it has no
    result for this very Markdown."""
    del page.render  # type: ignore[method-assign] # back to Page.render
    done = _RUN.pool.take(page.file.src_uri) if _RUN.pool is not None else None
    rendered = done.result if done is not None else None
    if rendered is None or rendered.digest != _digest(page.markdown or ""):
        page.render(config, files)
        return
    done.log_again()
    page.content = rendered.content
    page.toc = rendered.toc
    page._title_from_render = rendered.title
    page.present_anchor_ids = set(rendered.anchors)
    if rendered.links_to_anchors is not None:
        page.links_to_anchors = {
            files.get_file_from_path(src_uri): links for src_uri, links in rendered.links_to_anchors.items()
        }


def _digest(markdown: str) -> bytes:
    return hashlib.blake2b(markdown.encode("utf-8", "surrogatepass"), digest_size=16).digest()


def _convert(src_uri: str) -> Rendered:
    """In a worker: do for one page what `_populate_page` does up to and with `Page.render`, on a copy of it."""
    config, files = _RUN.config, _RUN.files
    file = files.get_file_from_path(src_uri)
    try:
        page = file.page if file.page is not None else Page(None, file, config)
        config._current_page = page
        page = config.plugins.on_pre_page(page, config=config, files=files)
        page.read_source(config)
        page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
        page.render(config, files)
    finally:
        config._current_page = None
    links = page.links_to_anchors
    return Rendered(
        _digest(page.markdown),
        page.content or "",
        page.toc,
        page._title_from_render,
        frozenset(page.present_anchor_ids or ()),
        None if links is None else {target.src_uri: dict(anchors) for target, anchors in links.items()},
    )
