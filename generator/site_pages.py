"""Build one page of the site: convert its Markdown, render it into the theme's template, write its
file, and keep what the build's state remembers of it (generator/site.py runs this for each page).

MkDocs' `_populate_page` and `_build_page` do the same, but `_build_page` writes every page and
MkDocs keeps nothing of a page once the build is over. Here a page's file is written only when
its bytes change, and its state (`PageState`: its source's size, time and digest, the ids its HTML
holds, its links to anchors on other pages, the warnings its conversion gave) lets a later build
skip it:

    make_page(file, config, files, nav, env, doc_files, site_dir, known_output)
        -> Made(page=PageState(source, ids, links), output="<SHA-256 of the page's file>")
"""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from pathlib import Path

from generator.cache import file_key
from generator.site_state import PageState, compact_links, write_if_changed


@dataclass(frozen=True)
class Made:
    """What building one page leaves that the build keeps (it crosses from a worker)."""

    page: PageState
    output: str | None
    """The SHA-256 of the page's file; None when its template gave nothing (no file, as in MkDocs)."""


def populate(file, config, files) -> PageState:
    """Convert one page (MkDocs' `_populate_page`) and keep what its state needs, with its warnings
    and the title its conversion found."""
    from mkdocs.commands.build import _populate_page

    with Recorder(logging.getLogger("mkdocs")) as recorder:
        _populate_page(file.page, config, files)
    return _state_of(file).but(warnings=recorder.records, title=file.page._title_from_render)


def take_title(file, config, unchanged: dict[str, PageState]) -> bool:
    """Give an unchanged page its front matter (read again) and the title its conversion found, as
    it would have after MkDocs' conversion; False when it must be converted for them."""
    known = unchanged.get(file.src_uri)
    if known is None or not known.title:  # without one, MkDocs' title depends on the converted page
        return False
    file.page.read_source(config)
    file.page._title_from_render = known.title
    return True


def make_page(file, config, files, nav, env, doc_files, site_dir: Path, known_output: str | None) -> Made:
    """Do one page's whole job: convert it (unless done), render it into the theme's template, and
    write its file if its bytes changed (`known_output`: the digest its file had)."""
    from mkdocs.commands.build import _populate_page

    page = file.page
    if page.content is None:
        _populate_page(page, config, files)
    output = _render_page(page, config, doc_files, nav, env)
    if not output:
        logging.getLogger("mkdocs.commands.build").info(f"Page skipped: '{file.src_uri}'. Generated empty output.")
        return Made(_state_of(file), None)
    return Made(_state_of(file), write_if_changed(site_dir / file.dest_uri, output, known_output))


def _state_of(file) -> PageState:
    page = file.page
    links = page.links_to_anchors or {}
    return PageState(
        file_key(file.abs_src_path, None),
        [*map(sys.intern, sorted(page.present_anchor_ids or ()))],
        {target.src_uri: compact_links(anchors) for target, anchors in links.items() if anchors},
    )


def let_go(page) -> None:
    """Drop a built page's Markdown, HTML and table of contents: nothing reads them again."""
    page.markdown = page.content = None
    page.toc = []


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


class Recorder(logging.Handler):
    """Record the warnings MkDocs logs while it converts one page, to say them again when it is skipped."""

    def __init__(self, logger: logging.Logger):
        super().__init__(logging.WARNING)
        self.logger, self.records = logger, []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.levelno, record.getMessage()))

    def __enter__(self) -> "Recorder":
        self.logger.addHandler(self)
        return self

    def __exit__(self, *_: object) -> None:
        self.logger.removeHandler(self)
