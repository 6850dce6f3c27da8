"""MkDocs hooks (mkdocs.yml `hooks:`): keep the build date out of the built site; convert on every core.

The Markdown of the pages is converted on every core (generator/mkdocs_parallel.py, whose
events are these hooks' too).

MkDocs stamps every page with the day of the build (`Page.update_date`). Our sitemap template
(`overrides/sitemap.xml`) prints no date, but MkDocs also writes the newest of those dates into
`sitemap.xml.gz` as its gzip time stamp. Giving each page the epoch makes that time stamp 0, which
gzip reads as "no time stamp" (RFC 1952), so two builds of the same letters on different days are
byte for byte the same.
"""

from __future__ import annotations

from mkdocs.structure.pages import Page

from generator.mkdocs_parallel import (  # noqa: F401 (MkDocs calls the hooks by name)
    on_build_error,
    on_nav,
    on_page_markdown,
    on_post_build,
    on_shutdown,
    on_startup,
)

NO_DATE = "1970-01-01"
"""The epoch as MkDocs writes dates: the gzip time stamp 0."""


def on_pre_page(page: Page, **_: object) -> Page:
    """Date the page by no build: `update_date` is the epoch."""
    page.update_date = NO_DATE
    return page
