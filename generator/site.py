"""Build the site from the docs folder with MkDocs, converting only the pages whose Markdown changed.

MkDocs' own build (`mkdocs.commands.build.build`) empties `site/` and converts every page; its
`dirty` mode converts only pages whose source is newer than their HTML, but it keeps the HTML of
removed pages, never validates links into pages it skipped, stamps skipped pages with today's date
(so `sitemap.xml.gz` changes), forgets the warnings of skipped pages (a strict dirty build passes
where a full one fails), and rewrites every template and, by mtime, static file. This module runs
the same stages with MkDocs' own objects (files, navigation, pages, plugins, theme templates) and:

- converts a page only when its Markdown changed since the build recorded in the state file (by
  size and time, then by SHA-256), or its HTML is missing, or the build must be full;
- writes a file only when its bytes change, so unchanged files keep their modification times (a
  static file whose source kept its size and time since it was copied is not even read);
- removes the files the previous build wrote that this one does not (a page that went away);
- keeps, per page, the ids its HTML holds, its links to anchors on other pages and the warnings its
  conversion gave, so a skipped page still serves anchor validation, strict mode and the
  permanence check exactly as a converted one (`BuiltSite.addresses`);
- builds the pages on every core (generator/mkdocs_parallel.py): each worker does a page's whole
  job, converting it, rendering it into the theme's template and writing its file, and hands back
  only its ids, links to anchors, warnings and the digest of its file, so no process holds more
  than one page's Markdown or HTML at a time. What a page's template shows of other pages is
  known before: the navigation (whose pages are converted first, in the build's own process, for
  their titles and front matter) and the configuration. So the `env` event comes before the other
  pages are converted (in MkDocs, after): a plugin whose `on_env` needs every page converted
  would see a difference (the site's hooks have none);
- converts every page of a build with one Markdown converter, reset between pages, where MkDocs'
  `Page.render` builds a new one for every page, and renders Material's navigation once for all
  the pages that show it alike (generator/site_theme.py).

One page's job (convert, render, write, keep its state) is generator/site_pages.py's.

A rebuild of the same set of files, with the same configuration and theme and only our own hooks,
makes MkDocs' `File` and `Page` objects only for the files it needs (generator/site_files.py): the
pages in the navigation, the pages it converts and the files their links name; a skipped page is
its state, and a static file whose source and copy kept their sizes and times is not touched. It
keeps the sitemap unrendered (its template reads nothing of the pages but their addresses, which
the same files and configuration keep), and checks links to anchors only where they can have
changed (the changed pages, and every page when a page's ids changed) and where they failed before.

A build is full (every page converted) when there is no state, or when anything a page's HTML
depends on besides its own Markdown changed: the MkDocs configuration, the theme and its overrides,
the installed MkDocs, Material and Python-Markdown, our Markdown extensions, the configuration's
hooks (generator/mkdocs_hooks.py), this module and the state it keeps (generator/site_state.py),
the titles and front matter of the pages in the navigation, or the set of files in the docs folder
(a link's URL depends on whether its target exists). Either way the site's bytes are those of a
full MkDocs build (tests/test_site.py checks it).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.cache import file_key
from generator.errors import BuildFailed
from generator.site_pages import Made, Recorder, let_go, make_page, populate, take_title
from generator.site_state import PageState, Writer, fingerprint_of, forget_state, read_state, write_state
from generator.site_theme import navigation_once, one_converter, template_cache, write_theme_templates


@dataclass(frozen=True)
class BuiltSite:
    """What one site build did: the configured `site_url`, every address its pages serve (each page,
    and each page + id), the pages it converted, and whether it was full."""

    site_url: str | None
    addresses: frozenset[str]
    converted: tuple[str, ...] = ()
    full: bool = True
    pages: int = 0


def build_site(config_file: Path, docs: Path, site: Path, strict: bool, state: Path | None = None) -> BuiltSite:
    """Build `site` from `docs` with the MkDocs configuration `config_file`; see the module's docstring.

    `state` is the file that remembers the previous build (None: none is kept, every page is
    converted, still writing only changed files). Fails with BuildFailed on MkDocs' errors and, in
    `strict` mode, on any warning.
    """
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    config = load_config(str(config_file), docs_dir=str(docs.resolve()), site_dir=str(site.resolve()), strict=strict)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        with one_converter(config):
            return _build(config, state)
    except MkDocsException as error:  # strict mode's Abort after its warnings, a theme or plugin error
        raise BuildFailed(f"mkdocs: {error}") from None
    finally:
        config.plugins.on_shutdown()


def _build(config, state_file: Path | None) -> BuiltSite:
    """The build's stages, MkDocs' events between them: what the previous build left, the files
    and navigation, the navigation's pages converted first, every other page built (on every
    core), the static files and the theme's templates, links to anchors checked, the state kept."""
    from mkdocs import utils
    from mkdocs.exceptions import Abort, BuildError

    from generator.mkdocs_parallel import convert_only
    from generator.site_files import scan_docs

    logger = logging.getLogger("mkdocs")
    counter = utils.CountHandler()
    counter.setLevel(logging.WARNING)
    if config.strict:
        logger.addHandler(counter)
    pool = None
    try:
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        scanned = scan_docs(config.docs_dir)
        fingerprint = fingerprint_of(config, sorted(scanned))
        previous = _read_previous(state_file, fingerprint)
        env = config.theme.get_env()
        if state_file is not None:  # the theme's templates compiled once, not in every build
            env.bytecode_cache = template_cache(state_file.parent / "templates")
        convert_only(())  # the hooks' pool stays idle: this build hands its pages to its own
        docs = _files_and_navigation(config, env, previous)
        unchanged = _unchanged_pages(config, docs, previous, scanned)
        made, unchanged, shown, full = _convert_navigation(config, docs, previous, unchanged)
        to_make = [uri for uri in docs.dests if uri not in unchanged]
        env = config.plugins.on_env(env, config=config, files=docs.files)
        env.auto_reload = False  # the theme's templates do not change during a build: not looked at again
        navigation_once(env, docs.nav)
        forget_state(state_file)  # files change from here: a build that stops now leaves no state behind
        writer = Writer(Path(config.site_dir), previous.outputs, previous.static)
        job = _PageJob(config, docs, env, previous.outputs, made)
        pool = _start_pages(job, to_make, writer)
        _copy_static_files(docs, writer)
        pages = _gather_pages(job, unchanged, pool, writer)
        write_theme_templates(writer, env, job.doc_files, config, docs.nav, may_keep=docs.rebuild and not full)
        failing = _check_anchors(config, docs, previous, pages, to_make, full, job.page_of)
        config.plugins.on_post_build(config=config)
        writer.remove_stale(full_clean=not previous.found)
        write_state(state_file, fingerprint, shown, pages, writer, docs.known, docs.nav_warnings, failing)  # what the site now holds, strict or not
        if counts := counter.get_counts():
            raise Abort("Aborted with " + ", ".join(f"{v} {k.lower()}s" for k, v in counts) + " in strict mode!")
    except BuildError as error:
        config.plugins.on_build_error(error=error)
        raise Abort(f"Aborted with a BuildError! {error}") from None
    except Exception as error:
        config.plugins.on_build_error(error=error)
        raise
    finally:
        if pool is not None:
            pool.close()
        logger.removeHandler(counter)
    addresses = frozenset(address for uri, dest in docs.dests.items() for address in _page_addresses(dest, pages[uri].ids))
    return BuiltSite(config.site_url or None, addresses, tuple(to_make), full, len(docs.dests))


@dataclass(frozen=True)
class _Previous:
    """What the previous build left in its state file, as far as this build may use it."""

    found: bool
    """Whether there was a state: without one, the site folder may hold anything (a full clean)."""
    pages: dict[str, PageState]
    """Each page's state, when the previous build had this one's fingerprint (else none)."""
    outputs: dict[str, str]
    static: dict[str, list[int]]
    files: list | None = None
    shown: str = ""
    nav_warnings: list[tuple[int, str]] = field(default_factory=list)
    anchor_failures: list[str] = field(default_factory=list)


def _read_previous(state_file: Path | None, fingerprint: str) -> _Previous:
    state = read_state(state_file)
    if state is None:
        return _Previous(False, {}, {}, {})
    pages = state["pages"] if state["fingerprint"] == fingerprint else {}
    return _Previous(
        True, pages, state["outputs"], state["static"], state["files"], state["shown"], state["nav_warnings"], state["anchor_failures"]
    )


@dataclass(frozen=True)
class _Docs:
    """MkDocs' files and navigation for this build, and each page's source and file in the site."""

    files: object
    """MkDocs' `Files` (a rebuild's `KnownFiles`: each `File` made when first asked for)."""
    nav: object
    dests: dict[str, str]
    """Each page's `src_uri` -> `dest_uri`, in MkDocs' order."""
    known: list | None
    """The files as the state keeps them: `(src_uri, folder, inclusion, dest_uri)`; None when a
    plugin made one that was read from no folder."""
    folders: list[str]
    nav_warnings: list[tuple[int, str]]
    rebuild: bool
    """Made from the state's files (a rebuild of the same files, configuration and theme)."""
    file_of: Callable


def _files_and_navigation(config, env, previous: _Previous) -> _Docs:
    """MkDocs' files and navigation (with their events). A rebuild of the same files, configuration
    and theme makes MkDocs' objects only for the files it needs (generator/site_files.py); the
    navigation says again what it said."""
    from mkdocs import utils
    from mkdocs.structure.files import InclusionLevel, get_files, set_exclusions
    from mkdocs.structure.nav import get_navigation

    from generator.site_files import KnownFiles, logged, only_own_hooks

    folders = [config.docs_dir, *config.theme.dirs]
    rebuild = bool(previous.pages) and previous.files is not None and config.nav is not None and only_own_hooks(config)
    if rebuild:
        known = previous.files
        files = KnownFiles(config, [(uri, folder, inclusion) for uri, folder, inclusion, _ in known], folders)
        nav = _navigation(files, config)
        nav_warnings = previous.nav_warnings
        logged(nav_warnings)
    else:
        files = get_files(config)
        files.add_files_from_theme(env, config)
        files = config.plugins.on_files(files, config=config)
        set_exclusions(files, config)
        with Recorder(logging.getLogger("mkdocs")) as recorder:
            nav = get_navigation(files, config)
        nav_warnings = recorder.records
        known = None if any(file.src_dir not in folders for file in files) else [
            (file.src_uri, folders.index(file.src_dir), file.inclusion.value, file.dest_uri) for file in files
        ]
    nav = config.plugins.on_nav(nav, config=config, files=files)
    if rebuild:
        dests = {uri: dest for uri, _, inclusion, dest in known if utils.is_markdown_file(uri) and InclusionLevel(inclusion).is_included()}
        return _Docs(files, nav, dests, known, folders, nav_warnings, True, files.file)
    dests = {file.src_uri: file.dest_uri for file in files.documentation_pages()}
    return _Docs(files, nav, dests, known, folders, nav_warnings, False, files.get_file_from_path)


def _navigation(files, config):
    """The navigation the configuration's `nav` names, as MkDocs' `get_navigation` makes it, without
    its look at every other page (it only makes their `Page`s and warns of those not in the
    navigation and of the navigation's links: the state remembers those warnings; what
    `_data_to_navigation` says is at most information, said again here)."""
    from mkdocs.structure.nav import Navigation, _add_parent_links, _add_previous_and_next_links, _data_to_navigation, _get_by_type
    from mkdocs.structure.pages import Page

    items = _data_to_navigation(config.nav, files, config)
    if not isinstance(items, list):
        items = [items]
    pages = _get_by_type(items, Page)
    _add_previous_and_next_links(pages)
    _add_parent_links(items)
    return Navigation(items, pages)


def _unchanged_pages(config, docs: _Docs, previous: _Previous, scanned: dict[str, tuple[int, int]]) -> dict[str, PageState]:
    """The pages whose Markdown is what the previous build converted (by size and time, then by
    SHA-256) and whose HTML is still there, with their state (its source's time now)."""
    return {
        uri: known_page if source == known_page.source else known_page.but(source=source)
        for uri, dest in docs.dests.items()
        if (known_page := previous.pages.get(uri)) is not None
        and (source := file_key(os.path.join(config.docs_dir, uri), known_page.source, scanned.get(uri)))[2] == known_page.source[2]
        and os.path.isfile(os.path.join(config.site_dir, dest))
    }


def _convert_navigation(
    config, docs: _Docs, previous: _Previous, unchanged: dict[str, PageState]
) -> tuple[dict[str, PageState], dict[str, PageState], str, bool]:
    """Convert the pages in the navigation first: every page shows their titles and front matter.

    A changed one is converted here; an unchanged one is read, and its title is the one it had.
    Gives the pages converted, the pages left unchanged, what every page shows of the navigation's
    pages, and whether the build is full (no state, or that changed: every page is converted).
    """
    nav_uris = {page.file.src_uri for page in docs.nav.pages}
    in_nav = [uri for uri in docs.dests if uri in nav_uris]
    file_of = docs.file_of
    made = {uri: populate(file_of(uri), config, docs.files) for uri in in_nav if not take_title(file_of(uri), config, unchanged)}
    shown = _shown(docs.nav)
    full = not previous.pages or previous.shown != shown
    if full:
        unchanged = {}
        made |= {uri: populate(file_of(uri), config, docs.files) for uri in in_nav if uri not in made}
    return made, unchanged, shown, full


def _shown(nav) -> str:
    """What every page shows of the pages in the navigation: their titles and front matter."""
    return repr([(page.file.src_uri, page.title, page.meta) for page in nav.pages])


class _PageJob:
    """One page's whole job in this build (`site_pages.make_page`), as this process and the pool's
    workers run it for a page's `src_uri`; a page not in the navigation is then let go of (its
    Markdown, its HTML)."""

    def __init__(self, config, docs: _Docs, env, outputs: dict[str, str], made: dict[str, PageState]) -> None:
        from generator.site_files import LazyPages, new_page

        self.config, self.docs, self.env, self.outputs, self.made = config, docs, env, outputs, made
        self.site_dir = Path(config.site_dir)
        if docs.rebuild:
            self.doc_files = LazyPages(docs.files, list(docs.dests), new_page(config, self.dated))
        else:
            self.doc_files = docs.files.documentation_pages()

    def page_of(self, src_uri: str):
        """The page's `Page`, made as MkDocs makes one not in the navigation if there is none yet."""
        from mkdocs.structure.pages import Page

        file = self.docs.file_of(src_uri)
        return file.page if file.page is not None else Page(None, file, self.config)

    def dated(self, page) -> None:
        self.config.plugins.on_pre_page(page, config=self.config, files=self.docs.files)  # dates the page (mkdocs_hooks)

    def __call__(self, src_uri: str) -> Made:
        file = self.docs.file_of(src_uri)
        self.page_of(src_uri)
        try:
            known_output = self.outputs.get(file.dest_uri)
            return make_page(file, self.config, self.docs.files, self.docs.nav, self.env, self.doc_files, self.site_dir, known_output)
        finally:
            if src_uri not in self.made:
                let_go(file.page)


def _start_pages(job: _PageJob, to_make: list[str], writer: Writer):
    """Build the navigation's pages to make here, before the workers fork (they inherit the theme's
    templates compiled), then start the workers on the other pages (None: no pool pays)."""
    from generator.mkdocs_parallel import start

    for uri in to_make:
        if uri in job.made:
            writer.record(job.docs.dests[uri], job(uri).output)
    return start(job, [uri for uri in to_make if uri not in job.made])


def _copy_static_files(docs: _Docs, writer: Writer) -> None:
    """Copy every file that is no page into the site (a file a plugin made: written)."""
    from mkdocs import utils
    from mkdocs.structure.files import InclusionLevel

    if docs.rebuild:
        for uri, folder, inclusion, dest in docs.known:
            if not utils.is_markdown_file(uri) and InclusionLevel(inclusion).is_included():
                writer.copy(dest, os.path.normpath(os.path.join(docs.folders[folder], uri)))
        return
    for file in docs.files:
        if file.is_documentation_page() or not file.inclusion.is_included():
            continue
        if file.abs_src_path is not None:
            writer.copy(file.dest_uri, file.abs_src_path)
        else:
            writer.write(file.dest_uri, file.content_bytes)


def _gather_pages(job: _PageJob, unchanged: dict[str, PageState], pool, writer: Writer) -> dict[str, PageState]:
    """Every page's state, in order: converted in the navigation's step, unchanged (its warnings
    said again), or built by a worker (what it logged said here) or, where none did, here."""
    from generator.site_files import logged

    logger = logging.getLogger("mkdocs")
    pages: dict[str, PageState] = {}
    for uri, dest in job.docs.dests.items():
        if uri in job.made:  # in the navigation: converted here already
            pages[uri] = job.made[uri]
            if uri in unchanged:
                writer.keep(dest)
            continue
        if uri in unchanged:
            if not job.docs.rebuild:
                job.dated(job.page_of(uri))
            pages[uri] = state = unchanged[uri]
            logged(state.warnings)
            writer.keep(dest)
        else:
            done = pool.take(uri) if pool is not None else None
            if done is not None and done.result is not None:
                job.dated(job.page_of(uri))
                done.log_again()
                result, warnings = done.result, [(r.levelno, r.getMessage()) for _, r in done.records if r.levelno >= logging.WARNING]
            else:
                with Recorder(logger) as recorder:
                    result = job(uri)
                warnings = recorder.records
            writer.record(dest, result.output)
            pages[uri] = result.page.but(warnings=warnings)
    return pages


def _check_anchors(config, docs: _Docs, previous: _Previous, pages, to_make: list[str], full: bool, page_of) -> list[str]:
    """Say every link to an anchor that is not there; give the pages that hold one.

    A page's links to anchors land as they did unless it changed, or a page it links to holds
    other ids: a rebuild in which no page's ids changed checks the changed pages' links and says
    again those that failed (which it checks again).
    """
    from generator.site_files import check_anchor_links

    moved = [uri for uri in to_make if uri not in previous.pages or previous.pages[uri].ids != pages[uri].ids]
    only = None if full or not docs.rebuild or moved else {*to_make, *previous.anchor_failures}
    return check_anchor_links(list(docs.dests), pages, page_of, config.validation.links.anchors, only)


def _page_addresses(dest_uri: str, ids: list[str]) -> list[str]:
    """A page's address (`a/b/index.html` -> `a/b/`, `index.html` -> `/`) and that address with each
    id on it; a file that is not a folder's `index.html` has no address."""
    from generator.permanence import page_address

    page = page_address(dest_uri)
    return [] if page is None else [page, *(f"{page}#{id_}" for id_ in ids)]
