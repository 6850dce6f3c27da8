"""Do the theme's work once for all the pages of a site build, where MkDocs does it for each page.

generator/site.py builds every page as MkDocs does, with these shared between the pages:

- one Markdown converter for the whole build, reset between pages (`one_converter`), where
  MkDocs' `Page.render` builds a new one, loading every extension again, for every page;
- Material's navigation rendered once for all the pages that show it alike (`navigation_once`):
  a letter page shows the same navigation as every other page of its depth;
- the theme's templates compiled once, kept in a folder beside the build's state
  (`template_cache`);
- the theme's static templates (`404.html`, `sitemap.xml` with `sitemap.xml.gz`) rendered and
  written, or kept where a rebuild's would be the same (`write_theme_templates`).

    with one_converter(config):
        ...  # every `Page.render` of the build converts with one `Markdown`, reset
"""

from __future__ import annotations

import gzip
import io
import logging
import os
from contextlib import contextmanager
from pathlib import Path

from generator.errors import BuildFailed


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
def one_converter(config):
    """Let MkDocs' `Page.render` convert every page of this build with one converter (`_KeptConverter`)."""
    from mkdocs.structure import pages

    module = pages.markdown
    pages.markdown = _KeptConverter(module, config)
    try:
        yield
    finally:
        pages.markdown = module


def template_cache(folder: Path):
    """Jinja's cache of compiled templates in `folder` (keyed by each template's source)."""
    from jinja2 import FileSystemBytecodeCache

    folder.mkdir(parents=True, exist_ok=True)
    return FileSystemBytecodeCache(str(folder))


NAVIGATION = "partials/nav.html"
"""Material's navigation: the same on every page that is not in it, but for its links' URLs."""


def navigation_once(env, nav) -> None:
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


def write_theme_templates(writer, env, doc_files, config, nav, may_keep: bool) -> None:
    """Render the theme's static templates into the site; with `may_keep` (a rebuild of the same
    files and configuration), keep those that show nothing of the pages but their addresses."""
    from mkdocs.commands.build import _build_template

    for name in sorted(config.theme.static_templates):
        kept = [name, f"{name}.gz"] if name == "sitemap.xml" else [name]
        if may_keep and _shows_only_addresses(env, name) and all(writer.can_keep(path) for path in kept):
            for path in kept:  # the same files and configuration: the same bytes
                writer.keep(path)
            continue
        _write_theme_template(writer, name, env, doc_files, config, nav, _build_template)
    for name in config.extra_templates:
        raise BuildFailed(f"mkdocs: extra_templates ({name}) are not supported by kamerdossier's site build")


def _shows_only_addresses(env, name: str) -> bool:
    from jinja2.exceptions import TemplateNotFound

    from generator.site_files import shows_only_addresses

    try:
        return shows_only_addresses(env, name)
    except TemplateNotFound:
        return False


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
