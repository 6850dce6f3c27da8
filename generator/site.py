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
- converts every page of a build with one Markdown converter, reset between pages (`_one_converter`),
  where MkDocs' `Page.render` builds a new one for every page, and renders Material's navigation
  once for all the pages that show it alike (`_navigation_once`).

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

import gzip
import io
import logging
import os
import sys
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from generator.cache import file_key
from generator.errors import BuildFailed
from generator.site_state import (
    PageState,
    Writer,
    compact_links,
    fingerprint_of,
    forget_state,
    read_state,
    write_if_changed,
    write_state,
)


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
        with _one_converter(config):
            return _build(config, state)
    except MkDocsException as error:  # strict mode's Abort after its warnings, a theme or plugin error
        raise BuildFailed(f"mkdocs: {error}") from None
    finally:
        config.plugins.on_shutdown()


def _build(config, state_file: Path | None) -> BuiltSite:
    from mkdocs import utils
    from mkdocs.commands.build import _build_template
    from mkdocs.exceptions import Abort, BuildError
    from mkdocs.structure.files import InclusionLevel, get_files, set_exclusions
    from mkdocs.structure.nav import get_navigation
    from mkdocs.structure.pages import Page

    from generator.mkdocs_parallel import convert_only
    from generator.mkdocs_parallel import start as start_pool
    from generator.site_files import KnownFiles, LazyPages, check_anchor_links, logged, new_page, only_own_hooks, scan_docs

    logger = logging.getLogger("mkdocs")
    counter = utils.CountHandler()
    counter.setLevel(logging.WARNING)
    if config.strict:
        logger.addHandler(counter)
    pool = None
    try:
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        docs = scan_docs(config.docs_dir)
        previous = read_state(state_file)
        fingerprint = fingerprint_of(config, sorted(docs))
        old_pages: dict[str, PageState] = previous["pages"] if previous and previous["fingerprint"] == fingerprint else {}
        old_outputs: dict[str, str] = previous["outputs"] if previous else {}
        env = config.theme.get_env()
        if state_file is not None:  # the theme's templates compiled once, not in every build
            env.bytecode_cache = _template_cache(state_file.parent / "templates")
        convert_only(())  # the hooks' pool stays idle: this build hands its pages to its own
        folders = [config.docs_dir, *config.theme.dirs]
        # A rebuild of the same files, configuration and theme makes MkDocs' objects only for the
        # files it needs (generator/site_files.py); the navigation says again what it said.
        rebuild = bool(old_pages) and previous["files"] is not None and config.nav is not None and only_own_hooks(config)
        if rebuild:
            known: list = previous["files"]
            files = KnownFiles(config, [(uri, folder, inclusion) for uri, folder, inclusion, _ in known], folders)
            nav = _navigation(files, config)
            nav_warnings = previous["nav_warnings"]
            logged(nav_warnings)
        else:
            files = get_files(config)
            files.add_files_from_theme(env, config)
            files = config.plugins.on_files(files, config=config)
            set_exclusions(files, config)
            with _Recorder(logger) as recorder:
                nav = get_navigation(files, config)
            nav_warnings = recorder.records
            known = None if any(file.src_dir not in folders for file in files) else [
                (file.src_uri, folders.index(file.src_dir), file.inclusion.value, file.dest_uri) for file in files
            ]
        nav = config.plugins.on_nav(nav, config=config, files=files)
        file_of = files.file if rebuild else files.get_file_from_path
        if rebuild:
            dests = {uri: dest for uri, _, inclusion, dest in known if utils.is_markdown_file(uri) and InclusionLevel(inclusion).is_included()}
        else:
            dests = {file.src_uri: file.dest_uri for file in files.documentation_pages()}

        def page_of(src_uri: str) -> Page:
            """The page's `Page`, made as MkDocs makes one not in the navigation if there is none yet."""
            file = file_of(src_uri)
            return file.page if file.page is not None else Page(None, file, config)

        site_dir = Path(config.site_dir)
        unchanged = {
            uri: known_page if source == known_page.source else known_page.but(source=source)  # its time now
            for uri, dest in dests.items()
            if (known_page := old_pages.get(uri)) is not None
            and (source := file_key(os.path.join(config.docs_dir, uri), known_page.source, docs.get(uri)))[2] == known_page.source[2]
            and os.path.isfile(os.path.join(config.site_dir, dest))
        }

        # Every page shows the titles and front matter of the pages in the navigation: a changed one
        # is converted first, here; an unchanged one is read, and its title is the one it had.
        nav_uris = {page.file.src_uri for page in nav.pages}
        in_nav = [uri for uri in dests if uri in nav_uris]
        made = {uri: _populate(file_of(uri), config, files) for uri in in_nav if not _take_title(file_of(uri), config, unchanged)}
        shown = _shown(nav)
        full = not old_pages or previous["shown"] != shown
        if full:
            unchanged = {}
            made |= {uri: _populate(file_of(uri), config, files) for uri in in_nav if uri not in made}
        to_make = [uri for uri in dests if uri not in unchanged]
        env = config.plugins.on_env(env, config=config, files=files)
        env.auto_reload = False  # the theme's templates do not change during a build: not looked at again
        _navigation_once(env, nav)
        forget_state(state_file)  # files change from here: a build that stops now leaves no state behind
        writer = Writer(site_dir, old_outputs, previous["static"] if previous else {})

        def dated(page) -> None:
            config.plugins.on_pre_page(page, config=config, files=files)  # dates the page (mkdocs_hooks)

        doc_files = LazyPages(files, list(dests), new_page(config, dated)) if rebuild else files.documentation_pages()

        def make(src_uri: str) -> _Made:
            """Build one page; one not in the navigation is then let go of (its Markdown, its HTML)."""
            file = file_of(src_uri)
            page_of(src_uri)
            try:
                return _make_page(file, config, files, nav, env, doc_files, site_dir, old_outputs.get(file.dest_uri))
            finally:
                if src_uri not in made:
                    _let_go(file.page)

        for uri in to_make:  # before the workers fork: they inherit the theme's templates compiled
            if uri in made:
                writer.record(dests[uri], make(uri).output)
        pool = start_pool(make, [uri for uri in to_make if uri not in made])

        if rebuild:
            for uri, folder, inclusion, dest in known:
                if not utils.is_markdown_file(uri) and InclusionLevel(inclusion).is_included():
                    writer.copy(dest, os.path.normpath(os.path.join(folders[folder], uri)))
        else:
            for file in files:
                if file.is_documentation_page() or not file.inclusion.is_included():
                    continue
                if file.abs_src_path is not None:
                    writer.copy(file.dest_uri, file.abs_src_path)
                else:
                    writer.write(file.dest_uri, file.content_bytes)

        pages: dict[str, PageState] = {}
        for uri, dest in dests.items():
            if uri in made:  # in the navigation: converted here already
                pages[uri] = made[uri]
                if uri in unchanged:
                    writer.keep(dest)
                continue
            if uri in unchanged:
                if not rebuild:
                    dated(page_of(uri))
                pages[uri] = state = unchanged[uri]
                logged(state.warnings)
                writer.keep(dest)
            else:
                done = pool.take(uri) if pool is not None else None
                if done is not None and done.result is not None:
                    dated(page_of(uri))
                    done.log_again()
                    result, warnings = done.result, [(r.levelno, r.getMessage()) for _, r in done.records if r.levelno >= logging.WARNING]
                else:
                    with _Recorder(logger) as recorder:
                        result = make(uri)
                    warnings = recorder.records
                writer.record(dest, result.output)
                pages[uri] = result.page.but(warnings=warnings)

        for name in sorted(config.theme.static_templates):
            kept = [name, f"{name}.gz"] if name == "sitemap.xml" else [name]
            if rebuild and not full and _shows_only_addresses(env, name) and all(writer.can_keep(path) for path in kept):
                for path in kept:  # the same files and configuration: the same bytes
                    writer.keep(path)
                continue
            _write_theme_template(writer, name, env, doc_files, config, nav, _build_template)
        for name in config.extra_templates:
            raise BuildFailed(f"mkdocs: extra_templates ({name}) are not supported by kamerdossier's site build")
        # A page's links to anchors land as they did unless it changed, or a page it links to holds
        # other ids: a rebuild in which no page's ids changed checks the changed pages' links and
        # says again those that failed (which it checks again).
        moved = [uri for uri in to_make if uri not in old_pages or old_pages[uri].ids != pages[uri].ids]
        only = None if full or not rebuild or moved else {*to_make, *previous["anchor_failures"]}
        failing = check_anchor_links(list(dests), pages, page_of, config.validation.links.anchors, only)
        config.plugins.on_post_build(config=config)
        writer.remove_stale(full_clean=previous is None)
        write_state(state_file, fingerprint, shown, pages, writer, known, nav_warnings, failing)  # what the site now holds, strict or not
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
    addresses = frozenset(address for uri, dest in dests.items() for address in _page_addresses(dest, pages[uri].ids))
    return BuiltSite(config.site_url or None, addresses, tuple(to_make), full, len(dests))


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


def _shows_only_addresses(env, name: str) -> bool:
    from jinja2.exceptions import TemplateNotFound

    from generator.site_files import shows_only_addresses

    try:
        return shows_only_addresses(env, name)
    except TemplateNotFound:
        return False


class _KeptConverter:
    """The `markdown` module as MkDocs' `Page.render` sees it during a build: its `Markdown(…)` for
    the build's configuration hands back one converter, reset, instead of a new one for every page
    (building one loads every extension again). Every other name is the module's own."""

    def __init__(self, module, config) -> None:
        self._module, self._config = module, config
        self._kept = None

    def __getattr__(self, name: str):
        return getattr(self._module, name)

    def Markdown(self, **options):  # noqa: N802 (the module's name)
        config = self._config
        if options != {"extensions": config["markdown_extensions"], "extension_configs": config["mdx_configs"] or {}}:
            return self._module.Markdown(**options)
        if self._kept is None:
            self._kept = self._module.Markdown(**options)
        # MkDocs registers its own processors for the page again, by the same names: they replace the last page's.
        return self._kept.reset()


@contextmanager
def _one_converter(config):
    """Let MkDocs' `Page.render` convert every page of this build with one converter (`_KeptConverter`)."""
    from mkdocs.structure import pages

    module = pages.markdown
    pages.markdown = _KeptConverter(module, config)
    try:
        yield
    finally:
        pages.markdown = module


def _template_cache(folder: Path):
    """Jinja's cache of compiled templates in `folder` (keyed by each template's source)."""
    from jinja2 import FileSystemBytecodeCache

    folder.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(folder))


def _page_addresses(dest_uri: str, ids: list[str]) -> list[str]:
    """A page's address (`a/b/index.html` -> `a/b/`, `index.html` -> `/`) and that address with each
    id on it; a file that is not a folder's `index.html` has no address."""
    from generator.permanence import page_address

    page = page_address(dest_uri)
    return [] if page is None else [page, *(f"{page}#{id_}" for id_ in ids)]


@dataclass(frozen=True)
class _Made:
    """What building one page leaves that the build keeps (it crosses from a worker)."""

    page: PageState
    output: str | None
    """The SHA-256 of the page's file; None when its template gave nothing (no file, as in MkDocs)."""


def _populate(file, config, files) -> PageState:
    """Convert one page (MkDocs' `_populate_page`) and keep what its state needs, with its warnings
    and the title its conversion found."""
    from mkdocs.commands.build import _populate_page

    with _Recorder(logging.getLogger("mkdocs")) as recorder:
        _populate_page(file.page, config, files)
    return _state_of(file).but(warnings=recorder.records, title=file.page._title_from_render)


def _take_title(file, config, unchanged: dict[str, PageState]) -> bool:
    """Give an unchanged page its front matter (read again) and the title its conversion found, as
    it would have after MkDocs' conversion; False when it must be converted for them."""
    known = unchanged.get(file.src_uri)
    if known is None or not known.title:  # without one, MkDocs' title depends on the converted page
        return False
    file.page.read_source(config)
    file.page._title_from_render = known.title
    return True


def _shown(nav) -> str:
    """What every page shows of the pages in the navigation: their titles and front matter."""
    return repr([(page.file.src_uri, page.title, page.meta) for page in nav.pages])


def _make_page(file, config, files, nav, env, doc_files, site_dir: Path, known_output: str | None) -> _Made:
    """Do one page's whole job: convert it (unless done), render it into the theme's template, and
    write its file if its bytes changed (`known_output`: the digest its file had)."""
    from mkdocs.commands.build import _populate_page

    page = file.page
    if page.content is None:
        _populate_page(page, config, files)
    output = _render_page(page, config, doc_files, nav, env)
    if not output:
        logging.getLogger("mkdocs.commands.build").info(f"Page skipped: '{file.src_uri}'. Generated empty output.")
        return _Made(_state_of(file), None)
    return _Made(_state_of(file), write_if_changed(site_dir / file.dest_uri, output, known_output))


def _state_of(file) -> PageState:
    page = file.page
    links = page.links_to_anchors or {}
    return PageState(
        file_key(file.abs_src_path, None),
        [*map(sys.intern, sorted(page.present_anchor_ids or ()))],
        {target.src_uri: compact_links(anchors) for target, anchors in links.items() if anchors},
    )


def _let_go(page) -> None:
    """Drop a built page's Markdown, HTML and table of contents: nothing reads them again."""
    page.markdown = page.content = None
    page.toc = []


NAVIGATION = "partials/nav.html"
"""Material's navigation: the same on every page that is not in it, but for its links' URLs."""


def _navigation_once(env, nav) -> None:
    """Render Material's navigation (`NAVIGATION`) once for all the pages that show it alike.

    A page not in the navigation makes no item of it active, so what the template writes depends
    on that page only through the URLs it prints relative to the page (`url` filter): the pages
    whose relative URLs to every item (and to the home page) are the same, say all the letter
    pages of one depth, get the same HTML. It is kept per process, keyed by those URLs, and handed
    to each such page (tests/test_site.py checks the site against MkDocs' own build). A page in
    the navigation is rendered as ever.
    """
    from mkdocs.utils import normalize_url

    template = env.get_template(NAVIGATION)
    render = template.root_render_func
    shown_pages = set(map(id, nav.pages))
    urls = ["", *(item.url for item in _nav_items(nav.items) if getattr(item, "url", None) is not None)]
    kept: dict[tuple[str, ...], str] = {}

    def render_once(context):
        page = context.get("page")
        if page is None or id(page) in shown_pages or getattr(page, "active", False) is not True:
            yield from render(context)
            return
        key = (context.get("base_url"), *(normalize_url(url, page) for url in urls))
        if key not in kept:
            kept[key] = "".join(render(context))
        yield kept[key]

    template.root_render_func = render_once


def _nav_items(items):
    for item in items:
        yield item
        yield from _nav_items(getattr(item, "children", None) or ())


def _render_page(page, config, doc_files, nav, env) -> bytes:
    """Render a converted page into the theme's template (MkDocs' `_build_page`, without writing)."""
    from mkdocs.commands.build import get_context

    config._current_page = page
    try:
        page.active = True
        context = get_context(nav, doc_files, config, page)
        template = env.get_template(page.meta.get("template", "main.html"))
        context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
        output = config.plugins.on_post_page(template.render(context), page=page, config=config)
        return output.encode("utf-8", errors="xmlcharrefreplace") if output.strip() else b""
    finally:
        page.active = False
        config._current_page = None


def _write_theme_template(writer, name, env, doc_files, config, nav, build_template) -> None:
    """Render one of the theme's static templates (`404.html`, `sitemap.xml`, with `sitemap.xml.gz`)."""
    from jinja2.exceptions import TemplateNotFound
    from mkdocs import utils

    try:
        template = env.get_template(name)
    except TemplateNotFound:
        logging.getLogger("mkdocs").warning(f"Template skipped: '{name}' not found in theme directories.")
        return
    output = build_template(name, template, doc_files, config, nav)  # its `pages`: the documentation pages, as MkDocs gives them
    if not output.strip():
        return
    writer.write(name, output.encode("utf-8"))
    if name == "sitemap.xml":
        stamp = utils.get_build_timestamp(pages=[file.page for file in doc_files if file.page is not None])
        buffer = io.BytesIO()
        gz_name = os.path.join(config.site_dir, f"{name}.gz")
        with gzip.GzipFile(fileobj=buffer, filename=gz_name, mode="wb", mtime=stamp) as stream:
            stream.write(output.encode("utf-8"))
        writer.write(f"{name}.gz", buffer.getvalue())


class _Recorder(logging.Handler):
    """Record the warnings MkDocs logs while it converts one page, to say them again when it is skipped."""

    def __init__(self, logger: logging.Logger):
        super().__init__(logging.WARNING)
        self.logger, self.records = logger, []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.levelno, record.getMessage()))

    def __enter__(self) -> "_Recorder":
        self.logger.addHandler(self)
        return self

    def __exit__(self, *_: object) -> None:
        self.logger.removeHandler(self)


