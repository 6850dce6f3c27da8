"""MkDocs' files for a rebuild, made only when asked for (issue 9; used by generator/site.py).

MkDocs' build makes a `File` for every file of the docs folder and a `Page` for every Markdown
file (at 10,000 letters, 30,000 files: seconds of a one-letter rebuild). A rebuild whose set of
files is the one the state remembers (generator/site_state.py) knows each file's folder and
inclusion already, and needs the objects of a few files only: the pages in the navigation, the
pages it converts, and the files their links name. `KnownFiles` is MkDocs' `Files` that makes each
of them when it is first asked for; `LazyPages` is the list of pages a template is given, made
whole only if a template reads it. Everything else a skipped page contributes (its ids, links to
anchors, warnings, its file's digest) comes from the state.
"""

from __future__ import annotations

import inspect
import logging
import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path, PurePath

from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from generator.cache import scan_folder
from generator.site_state import Links, PageState, expand_links

OWN_HOOKS = frozenset({"mkdocs_hooks.py", "mkdocs_parallel.py"})
"""Our modules whose events a rebuild knows (generator/mkdocs_hooks.py, generator/mkdocs_parallel.py):
they make no file, read no other page and date every page alike. Any other plugin or hook with an
event could, so a build with one is full."""

ADDRESS_ATTRIBUTES = frozenset({"page", "is_link", "canonical_url", "abs_url", "url"})
"""What of a page a template may read for `shows_only_addresses`: where it is served."""


def scan_docs(docs_dir: str) -> dict[str, tuple[int, int]]:
    """Every file in the docs folder (as MkDocs' `get_files` walks it: links followed), by its
    `src_uri`, with its size and modification time."""
    return scan_folder(docs_dir)


def only_own_hooks(config) -> bool:
    """Whether every event handler of the configuration is one of our hooks (OWN_HOOKS)."""
    return all(
        Path(inspect.getfile(handler)).name in OWN_HOOKS and Path(inspect.getfile(handler)).parent.name == "generator"
        for handlers in config.plugins.events.values()
        for handler in handlers
    )


def shows_only_addresses(env, name: str) -> bool:
    """Whether the theme's template `name` reads nothing of the pages but where they are served
    (`pages`, `file.page`, `page.canonical_url`, …: ADDRESS_ATTRIBUTES), and includes no other
    template: then, for the same files and configuration, it writes the same bytes. Our sitemap
    (overrides/sitemap.xml) does; a template that reads a page's title or date does not."""
    from jinja2 import meta, nodes

    source = env.loader.get_source(env, name)[0]
    tree = env.parse(source)
    if "pages" not in meta.find_undeclared_variables(tree):
        return False  # it reads what the pages' template reads: rendered again
    if any(True for _ in tree.find_all((nodes.Include, nodes.Extends, nodes.Import, nodes.FromImport, nodes.Getitem, nodes.Call))):
        return False
    return all(node.attr in ADDRESS_ATTRIBUTES for node in tree.find_all(nodes.Getattr))


class KnownFiles(Files):
    """MkDocs' files of a build whose files the state knows: `(src_uri, folder, inclusion)` in
    MkDocs' order, `folder` an index into `folders` (the docs folder, then the theme's). A `File`
    is made when it is first looked up; iterating makes them all."""

    def __init__(self, config, known: list[tuple[str, int, int]], folders: list[str]) -> None:
        self._known = {uri: (folder, inclusion) for uri, folder, inclusion in known}
        self._folders, self._config = folders, config
        self._made: dict[str, File] = {}

    def file(self, src_uri: str) -> File | None:
        """The `File` of `src_uri`, made now if it was not; None when there is no such file."""
        made = self._made.get(src_uri)
        if made is None and (known := self._known.get(src_uri)) is not None:
            folder, inclusion = known
            made = self._made[src_uri] = File(
                src_uri, self._folders[folder], self._config.site_dir, self._config.use_directory_urls, inclusion=InclusionLevel(inclusion)
            )
        return made

    def get_file_from_path(self, path: str) -> File | None:
        return self.file(PurePath(path).as_posix())

    @property
    def _src_uris(self) -> dict[str, File]:  # what MkDocs' own methods read: every file
        return {uri: self.file(uri) for uri in self._known}

    def __contains__(self, path: str) -> bool:
        return PurePath(path).as_posix() in self._known

    def __len__(self) -> int:
        return len(self._known)

    def append(self, file: File) -> None:
        raise TypeError("a rebuild's files are those the state knows")

    remove = append


class LazyPages(Sequence):
    """The documentation pages a template is given (its `pages`), each with its `Page`, made with
    `new_page` the first time the template reads them."""

    def __init__(self, files: KnownFiles, src_uris: list[str], new_page: Callable[[File], None]) -> None:
        self._files, self._src_uris, self._new_page = files, src_uris, new_page
        self._all: list[File] | None = None

    def _every(self) -> list[File]:
        if self._all is None:
            self._all = [self._files.file(uri) for uri in self._src_uris]
            for file in self._all:
                if file.page is None:
                    self._new_page(file)
        return self._all

    def __getitem__(self, index):
        return self._every()[index]

    def __len__(self) -> int:
        return len(self._src_uris)

    def __iter__(self) -> Iterator[File]:
        return iter(self._every())


def check_anchor_links(
    order: list[str], pages: dict[str, PageState], page_of: Callable[[str], Page], level: int, only: set[str] | None = None
) -> list[str]:
    """Say every link to an anchor that its page does not hold, as MkDocs' `validate_anchor_links`
    does (its own method says it), page by page in `order` (`only` those in `only`, if given); give
    the pages that have such a link. A page whose links all land is only looked up in `pages`; the
    few that do not are handed to MkDocs with their `Page` (`page_of` gives it, made if need be),
    each linked page holding its ids."""
    ids: dict[str, frozenset[str]] = {}
    failing = []
    for uri in order:
        if only is not None and uri not in only:
            continue
        links = pages[uri].links
        if all(_lands(anchors, target, pages, ids) for target, anchors in links.items()):
            continue
        failing.append(uri)
        page = page_of(uri)
        page.links_to_anchors = {}
        for target, anchors in links.items():
            if target in pages:  # MkDocs checks no link to a file that is no page
                to = page_of(target)
                to.present_anchor_ids = set(pages[target].ids)
                page.links_to_anchors[to.file] = expand_links(anchors)
        page.validate_anchor_links(files=None, log_level=level)
        page.links_to_anchors = None
    return failing


def _lands(anchors: Links, target: str, pages: dict[str, PageState], ids: dict[str, frozenset[str]]) -> bool:
    """Whether every link of one page to the page `target` lands on an anchor it holds (a target
    that is no page is not checked, as in MkDocs)."""
    if target not in pages:
        return True
    held = ids.get(target)
    if held is None:
        held = ids[target] = frozenset(pages[target].ids)
    return held.issuperset(anchors[1:] if isinstance(anchors, list) else anchors)


def new_page(config, on_page: Callable[[Page], object] | None = None) -> Callable[[File], None]:
    """Make a file's `Page` as MkDocs does for a page not in the navigation (then `on_page`)."""

    def make(file: File) -> None:
        page = Page(None, file, config)
        if on_page is not None:
            on_page(page)

    return make


def logged(records: list[tuple[int, str]]) -> None:
    """Say again what the previous build said (its level, its message) through MkDocs' logger."""
    logger = logging.getLogger("mkdocs")
    for level, message in records:
        logger.log(level, message)
