"""Index the built site for search with Pagefind, after `mkdocs build` (issue 9).

Pagefind reads the built HTML and writes a chunked index into `site/pagefind/`: a browser fetches
`pagefind.js`, the index chunks holding the words it looks for, and one fragment per result shown,
never the whole index. The pages say `<html lang="nl">`, so Pagefind stems Dutch (a query for
`oplossingen` finds `oplossing`); numbers (`26643`) and words with digits (`M365`) are indexed as
written, and a word joined by `-` or `/` (`GroenLinks-PvdA`, `31066/26643`) is found by each part.
Every heading with an id becomes a sub-result, so a hit lands on its question or answer anchor.

Only what readers search is indexed: the letters (every page in a chamber's folder) and the pages
that explain the site and its terms (SITE_PAGES). The overview pages (home, timeline, dossiers,
people, parties, the months' lists, a term's uses, annotations) list letters by their titles and
quote their passages: indexed, a query's words would find each passage again on the lists that
quote it, as hits that do not land on the question or answer, and the index would grow with every
list. They are reached from the letters found (every letter page links its dossiers, people,
dates and terms).

Only the page's own content is indexed (`article.md-content__inner`): not the header, the
navigation, the table of contents or the footer; inside it, citations (marked
`data-search-exclude` by the renderer), the "Antwoord: …" / "Vraag: …" links between a question
and its answer, the status badges in headings, permalink signs and footnote back-links stay out.

Pagefind holds every page's words in memory until it writes its index, about seven bytes for each
byte of HTML of a letter page. A large site is therefore indexed in
parts of at most PART_BYTES of HTML, one Pagefind run each: the first part's index is
`pagefind/`, the others `pagefind/deel-2/`, … and `pagefind/delen.json` lists them; the
search script merges them in the browser (Pagefind's `mergeIndex`, which shares the first part's
WebAssembly), so a query fetches each part's small page list and its chunks for the query's words.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

from generator.errors import BuildFailed
from generator.model import EERSTE_KAMER, TWEEDE_KAMER
from generator.render.addresses import NO_CHAMBER, chamber_slug
from generator.write import write_files

BUNDLE = "pagefind"
"""The folder in the site that holds the index and `pagefind.js`."""

PARTS = "delen.json"
"""The list of the other parts' folders, relative to BUNDLE (empty when the site is one part)."""

CONTENT = "article.md-content__inner"
"""Material's element around a page's own content: the root of what is indexed."""

LEFT_OUT = ("[data-search-exclude]", ".kd-thread", ".kd-status", ".headerlink", ".footnote-backref")
"""Elements inside the content that are not the letter's words: citations, the links between a
question and its answer, status badges in headings, permalink signs (¶), footnote back-links (↩)."""

LETTER_FOLDERS = frozenset({chamber_slug(TWEEDE_KAMER), chamber_slug(EERSTE_KAMER), NO_CHAMBER})
"""The folders at the top of the site that hold the letters' pages: every page in them is indexed."""

SITE_PAGES = frozenset({"over/index.html", "citeren/index.html", "begrippen/index.html"})
"""The other pages indexed: about the site, how to cite, and the glossary's explanations."""

LINKS = ".pagefind-pages"
"""A folder in the site, for one run, of links to the pages Pagefind is to index (hidden: MkDocs
neither copies nor removes hidden files, and they are never indexed)."""

PART_BYTES = 100_000_000
"""At most this much HTML in one Pagefind run: measured, Pagefind took 706 MB for the 93 MB of
1,000 letter pages and 1.34 GB for 186 MB, so a part stays near 1 GB."""


def index_site(site: Path, part_bytes: int = PART_BYTES) -> None:
    """Index the HTML pages of the built `site` into `site/pagefind/` with the bundled Pagefind binary.

    Runs offline and writes the same files for the same pages. Fails with BuildFailed when
    Pagefind is missing, fails, or finds no page to index.
    """
    binary = _pagefind_binary()
    shutil.rmtree(site / BUNDLE, ignore_errors=True)
    parts = _parts(_pages(site), part_bytes)
    folders = [site / BUNDLE] + [site / BUNDLE / f"deel-{number}" for number in range(2, len(parts) + 1)]
    for pages, folder in zip(parts, folders):
        _run_pagefind(binary, site, pages, folder)
    others = [folder.relative_to(site / BUNDLE).as_posix() + "/" for folder in folders[1:]]
    write_files({f"{BUNDLE}/{PARTS}": json.dumps(others) + "\n"}, site)


def _pagefind_binary() -> Path:
    try:
        from pagefind_bin import get_executable

        return get_executable()
    except (ImportError, FileNotFoundError) as error:
        raise BuildFailed(f"pagefind: the Pagefind binary is missing ({error}); install the project again (pip install -e .)") from None


def _pages(site: Path) -> list[Path]:
    """The site's pages to index, sorted: the letters' and SITE_PAGES."""
    pages = [site / page for page in SITE_PAGES if (site / page).is_file()]
    for folder in LETTER_FOLDERS:
        pages += (site / folder).rglob("*.html")
    return sorted(pages)


def _parts(pages: list[Path], part_bytes: int) -> list[list[Path]]:
    """Split `pages` in order into runs of at most `part_bytes` of HTML (a larger page is a part alone)."""
    parts: list[list[Path]] = [[]]
    size = 0
    for page in pages:
        page_bytes = page.stat().st_size
        if parts[-1] and size + page_bytes > part_bytes:
            parts.append([])
            size = 0
        parts[-1].append(page)
        size += page_bytes
    return parts


def _run_pagefind(binary: Path, site: Path, pages: list[Path], output: Path) -> None:
    """Index `pages` of `site` into `output`: Pagefind reads them from a folder of links to them at
    their places in the site, so the addresses it gives them are their addresses in the site."""
    folder = site / LINKS
    shutil.rmtree(folder, ignore_errors=True)  # what an interrupted run left
    try:
        for page in pages:
            link = folder / page.relative_to(site)
            link.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(page, link)
            except OSError:  # no hard links here: copy
                shutil.copyfile(page, link)
        command = [str(binary), "--site", str(folder), "--output-path", str(output.resolve()), "--root-selector", CONTENT, "--quiet"]
        for selector in LEFT_OUT:
            command += ["--exclude-selectors", selector]
        finished = subprocess.run(command, capture_output=True, text=True, check=False)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    said = (finished.stderr or finished.stdout).strip()
    if finished.returncode != 0:
        raise BuildFailed(f"pagefind: indexing {site} failed (exit status {finished.returncode}): {said}")
    if not any((output / "fragment").glob("*.pf_fragment")):
        raise BuildFailed(f"pagefind: no page of {site} was indexed: {said}")
