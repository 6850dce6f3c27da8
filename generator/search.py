"""Index the built site for search with Pagefind, after `mkdocs build` (issue 9).

Pagefind reads the built HTML and writes a chunked index into `site/pagefind/`: a browser fetches
`pagefind.js`, the index chunks holding the words it looks for, and one fragment per result shown,
never the whole index. The pages say `<html lang="nl">`, so Pagefind stems Dutch (a query for
`oplossingen` finds `oplossing`); numbers (`26643`) and words with digits (`M365`) are indexed as
written, and a word joined by `-` or `/` (`GroenLinks-PvdA`, `31066/26643`) is found by each part.
Every heading with an id becomes a sub-result, so a hit lands on its question or answer anchor.

Only the page's own content is indexed (`article.md-content__inner`): not the header, the
navigation, the table of contents or the footer; inside it, citations (marked
`data-search-exclude` by the renderer), the "Antwoord: …" / "Vraag: …" links between a question
and its answer, the status badges in headings, permalink signs and footnote back-links stay out.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from generator.errors import BuildFailed

BUNDLE = "pagefind"
"""The folder in the site that holds the index and `pagefind.js`."""

CONTENT = "article.md-content__inner"
"""Material's element around a page's own content: the root of what is indexed."""

LEFT_OUT = ("[data-search-exclude]", ".kd-thread", ".kd-status", ".headerlink", ".footnote-backref")
"""Elements inside the content that are not the letter's words: citations, the links between a
question and its answer, status badges in headings, permalink signs (¶), footnote back-links (↩)."""

PAGES = "{index.html,*/**/*.html}"
"""The pages to index: the home page and every page in a folder; `404.html` (top level) is not one."""


def index_site(site: Path) -> None:
    """Index the HTML pages of the built `site` into `site/pagefind/` with the bundled Pagefind binary.

    Runs offline and writes the same files for the same pages. Fails with BuildFailed when
    Pagefind is missing, fails, or finds no page to index.
    """
    try:
        from pagefind_bin import get_executable

        binary = get_executable()
    except (ImportError, FileNotFoundError) as error:
        raise BuildFailed(f"pagefind: the Pagefind binary is missing ({error}); install the project again (pip install -e .)") from None
    command = [str(binary), "--site", str(site), "--output-subdir", BUNDLE, "--root-selector", CONTENT, "--glob", PAGES, "--quiet"]
    for selector in LEFT_OUT:
        command += ["--exclude-selectors", selector]
    finished = subprocess.run(command, capture_output=True, text=True, check=False)
    said = (finished.stderr or finished.stdout).strip()
    if finished.returncode != 0:
        raise BuildFailed(f"pagefind: indexing {site} failed (exit status {finished.returncode}): {said}")
    if not any((site / BUNDLE / "fragment").glob("*.pf_fragment")):
        raise BuildFailed(f"pagefind: no page of {site} was indexed: {said}")
