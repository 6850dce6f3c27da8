"""Convert the site's Markdown on every core, inside `mkdocs build` (issue 9).

MkDocs reads and converts each page in turn (`commands/build.py::_populate_page`: the `pre_page`
and `page_markdown` events, `Page.read_source`, `Page.render`), on one core. Once the files are
known (the `nav` event), this module forks a pool of workers that do exactly that for every page
MkDocs is about to read, each into its own copy of the page, while MkDocs goes on. When MkDocs
reaches a page, the page's `render` is handed the worker's result instead of converting again:

    worker:  pre_page -> read_source -> page_markdown -> Page.render   (MkDocs' own code)
    MkDocs:  pre_page -> read_source -> page_markdown -> render = the worker's result
             -> page_content -> templates -> validate_anchor_links

The worker runs MkDocs' own `Page.render`, so its own tree processors run as ever: links are made
relative and checked, anchors and the title are gathered. What a worker's render produced
(the HTML, the table of contents, the title, the page's anchors, its links to anchors on other
pages) is handed over as data, and what it logged (a broken link) is logged again in MkDocs'
process when MkDocs reaches the page, so strict mode counts it and the messages keep their order.
A result is used only for the Markdown it was made from (compared by digest); a page whose
conversion failed in the worker, or whose Markdown changed since, is converted by MkDocs itself.

In a dirty build (`mkdocs build --dirty`, told by the `startup` event) only the pages MkDocs will
read again, those changed since they were last built, are converted; kamerdossier's own site build
(generator/site.py), which knows which pages changed by their content, names them with
`convert_only` before the `nav` event. A site of fewer than
MIN_PAGES pages, or a machine with one core, is converted by MkDocs alone; so are the pages left
when a worker dies (killed for memory, say): the build goes on, on one core.
"""

from __future__ import annotations

import hashlib
import logging
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from typing import Any, Iterable, Iterator

from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.pages import Page

MIN_PAGES = 64
"""Below this many pages a pool costs more than it saves."""

CHUNK = 8
"""Pages a worker converts per task: few enough to keep MkDocs fed in order, enough to keep
messages between the processes few."""


@dataclass(frozen=True)
class Rendered:
    """What `Page.render` left on one page, as data that crosses between processes."""

    src_uri: str
    digest: bytes | None
    """Of the Markdown rendered; None when the worker's conversion failed (MkDocs converts it)."""
    content: str = ""
    toc: Any = None
    """The page's TableOfContents."""
    title: str | None = None
    anchors: frozenset[str] = frozenset()
    links_to_anchors: dict[str, dict[str, str]] | None = None
    """Keyed by the linked page's `src_uri`; None when MkDocs does not gather them."""
    records: tuple[tuple[str, logging.LogRecord], ...] = ()
    """What the conversion logged, with the logger's name, in order."""


class _Run:
    """One build's pool and the results not yet handed to their pages."""

    def __init__(self) -> None:
        self.dirty = False
        self.in_serve = False
        self.pool: Any = None
        self.results: Iterator[list[Rendered]] | None = None
        self.waiting: dict[str, Rendered] = {}
        self.only: frozenset[str] | None = None
        """The pages the next build will read, when its builder said so (`convert_only`)."""

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
        self.pool, self.results, self.waiting = None, None, {}


_RUN = _Run()
_WORKER: dict[str, Any] = {}
"""In a worker: the build's config and files (inherited when forked)."""


def on_startup(*, command: str, dirty: bool) -> None:
    """Remember whether the builds to come are dirty (only changed pages are read) or serve previews."""
    _RUN.dirty = dirty
    _RUN.in_serve = command == "serve"


def convert_only(src_uris: Iterable[str]) -> None:
    """Convert, in the next build, only these pages: those its builder will read (the others it
    takes from the site it built before)."""
    _RUN.only = frozenset(src_uris)


def on_nav(nav: Any, *, config: Any, files: Files) -> Any:
    """Start converting, in a pool of forked workers, every page MkDocs is about to read."""
    _RUN.close()
    only, _RUN.only = _RUN.only, None
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    inclusion = InclusionLevel.is_in_serve if _RUN.in_serve else InclusionLevel.is_included
    pages = [
        file
        for file in files.documentation_pages(inclusion=inclusion)
        if (only is None or file.src_uri in only) and (not _RUN.dirty or file.is_modified())
    ]
    if cores < 2 or len(pages) < MIN_PAGES or "fork" not in multiprocessing.get_all_start_methods():
        return nav
    _WORKER.update(config=config, files=files)
    try:
        chunks = [[file.src_uri for file in pages[start : start + CHUNK]] for start in range(0, len(pages), CHUNK)]
        # Forked as the first chunk is handed over, so the workers hold this build's config and files.
        _RUN.pool = ProcessPoolExecutor(cores, mp_context=multiprocessing.get_context("fork"), initializer=_start_worker)
        _RUN.results = _RUN.pool.map(_convert_chunk, chunks)
    finally:
        _WORKER.clear()
    return nav


def on_page_markdown(markdown: str, *, page: Page, **_: Any) -> str:
    """Hand the page, if a worker converted it, its result in place of MkDocs' own conversion."""
    if _RUN.results is not None:
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
    rendered = _result_for(page.file.src_uri)
    if rendered is None or rendered.digest != _digest(page.markdown or ""):
        page.render(config, files)
        return
    for name, record in rendered.records:
        logging.getLogger(name).handle(record)
    page.content = rendered.content
    page.toc = rendered.toc
    page._title_from_render = rendered.title
    page.present_anchor_ids = set(rendered.anchors)
    if rendered.links_to_anchors is not None:
        page.links_to_anchors = {
            files.get_file_from_path(src_uri): links for src_uri, links in rendered.links_to_anchors.items()
        }


def _result_for(src_uri: str) -> Rendered | None:
    """The worker's result for the page `src_uri`, taking results in order until it comes."""
    while src_uri not in _RUN.waiting and _RUN.results is not None:
        try:
            chunk = next(_RUN.results, None)
        except BrokenProcessPool:  # a worker died: MkDocs converts the pages left itself
            logging.getLogger("mkdocs").info("A worker converting pages stopped; the other pages are converted one by one.")
            _RUN.results = None
            break
        if chunk is None:
            break
        _RUN.waiting.update((rendered.src_uri, rendered) for rendered in chunk)
    return _RUN.waiting.pop(src_uri, None)


def _digest(markdown: str) -> bytes:
    return hashlib.blake2b(markdown.encode("utf-8", "surrogatepass"), digest_size=16).digest()


# --- In a worker ---------------------------------------------------------------------------------


def _start_worker() -> None:
    """Make this forked process a worker: no pool of its own; keep what is logged, to hand over."""
    global _RUN
    _RUN = _Run()
    logging.Logger.handle = _keep_record  # type: ignore[method-assign] # this process only


_KEPT: list[tuple[str, logging.LogRecord]] = []


def _keep_record(logger: logging.Logger, record: logging.LogRecord) -> None:
    record.msg, record.args, record.exc_info, record.exc_text = record.getMessage(), None, None, None
    _KEPT.append((logger.name, record))


def _convert_chunk(src_uris: list[str]) -> list[Rendered]:
    return [_convert(src_uri) for src_uri in src_uris]


def _convert(src_uri: str) -> Rendered:
    """Do for one page what `_populate_page` does up to and with `Page.render`, on a copy of it."""
    config, files = _WORKER["config"], _WORKER["files"]
    file = files.get_file_from_path(src_uri)
    _KEPT.clear()
    try:
        page = file.page if file.page is not None else Page(None, file, config)
        config._current_page = page
        page = config.plugins.on_pre_page(page, config=config, files=files)
        page.read_source(config)
        page.markdown = config.plugins.on_page_markdown(page.markdown, page=page, config=config, files=files)
        page.render(config, files)
    except Exception:  # MkDocs converts this page itself, and reports the error where it belongs
        return Rendered(src_uri, None)
    finally:
        config._current_page = None
    links = page.links_to_anchors
    return Rendered(
        src_uri,
        _digest(page.markdown),
        page.content or "",
        page.toc,
        page._title_from_render,
        frozenset(page.present_anchor_ids or ()),
        None if links is None else {target.src_uri: dict(anchors) for target, anchors in links.items()},
        tuple(_KEPT),
    )
