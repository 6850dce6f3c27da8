"""Print the largest page of each kind the generator renders for a corpus, in Markdown bytes.

Issue 9 wants every page's size independent of the corpus size. This reads, parses and links a
folder of letters (a benchmark corpus from benchmarks/corpus.py), renders the site, sorts the
pages into kinds by their address (a person's page, a dossier's year, a month of the timeline, …)
and prints, per kind, how many pages there are and the largest one. With `--html`, the largest
page of each kind is converted by Python-Markdown with the site's extensions too (the HTML of
the page's body, without the theme's navigation).

    python benchmarks/page_sizes.py /tmp/corpus [--html]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

from generator.build import link_sources
from generator.render import render_site

ROOT = Path(__file__).resolve().parent.parent

KINDS = (
    ("home", r"index\.md"),
    ("month of records", r"stukken/[^/]+\.md"),
    ("month of records, continued", r"stukken/.+/\d+\.md"),
    ("people register", r"personen\.md"),
    ("people register, continued", r"personen/\d+\.md"),
    ("person", r"personen/[^/]+\.md"),
    ("person, continued", r"personen/.+/\d+\.md"),
    ("parties register", r"partijen\.md"),
    ("party", r"partijen/[^/]+\.md"),
    ("party, continued", r"partijen/.+/\d+\.md"),
    ("timeline", r"tijdlijn\.md"),
    ("timeline year or month", r"tijdlijn/\d{4}(?:-\d\d)?\.md"),
    ("timeline event", r"tijdlijn/(?:datum|maand|jaar|periode)-.+\.md"),
    ("timeline, undated letters", r"tijdlijn/zonder-datum.*\.md"),
    ("glossary", r"begrippen\.md"),
    ("glossary term", r"begrippen/.+\.md"),
    ("dossier index", r"dossiers/index\.md"),
    ("dossier index, continued", r"dossiers/index/.+\.md"),
    ("dossier", r"dossiers/[^/]+\.md"),
    ("dossier year", r"dossiers/[^/]+/(?:\d{4}|zonder-datum)\.md"),
    ("dossier year, continued", r"dossiers/[^/]+/[^/]+/\d+\.md"),
    ("letter or record", r".+/\d{4}-\d\d-\d\d/.+\.md"),
)
"""Kinds of page by address, the first that matches wins; anything else is `other`."""


def kind_of(page: str) -> str:
    """The kind of page an address is (`person`, `dossier year`, …), or `other`."""
    return next((kind for kind, pattern in KINDS if re.fullmatch(pattern, page)), "other")


def largest_by_kind(pages: dict[str, str]) -> dict[str, tuple[int, str, int]]:
    """Per kind: (number of pages, the largest page's address, its size in UTF-8 bytes)."""
    found: dict[str, tuple[int, str, int]] = {}
    for page, text in pages.items():
        if not page.endswith(".md"):
            continue
        kind = kind_of(page)
        count, largest, size = found.get(kind, (0, "", -1))
        here = len(text.encode("utf-8"))
        found[kind] = (count + 1, *((page, here) if here > size else (largest, size)))
    return found


def html_size(text: str) -> int:
    """The page body's HTML as Python-Markdown makes it with mkdocs.yml's extensions."""
    sys.path.insert(0, str(ROOT))
    from tests.render.builders import render_markdown

    return len(str(render_markdown(text)).encode("utf-8"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("seeds", type=Path)
    parser.add_argument("--html", action="store_true", help="also convert the largest page of each kind to HTML")
    args = parser.parse_args()
    start = time.perf_counter()
    corpus = link_sources(args.seeds, ROOT / "begrippen.yml")
    linked = time.perf_counter()
    pages = render_site(corpus)
    rendered = time.perf_counter()
    print(f"{args.seeds}: {len(corpus.records)} records, {len(pages)} pages; "
          f"read+parse+link {linked - start:.1f} s, render {rendered - linked:.1f} s")
    print(f"| kind | pages | largest | Markdown bytes |{' HTML bytes |' if args.html else ''}")
    print(f"|---|---|---|---|{'---|' if args.html else ''}")
    for kind, (count, page, size) in sorted(largest_by_kind(pages).items()):
        html = f" {html_size(pages[page]):,} |" if args.html else ""
        print(f"| {kind} | {count:,} | `{page}` | {size:,} |{html}")


if __name__ == "__main__":
    main()
