"""Benchmark: what one search costs a reader, on a built site, in headless Chromium (issue 9).

Builds a site from N copies of the seeds (benchmarks/generate.py's corpus: each copy dated anew,
4 letters a copy), times Pagefind's indexing, then serves the site on 127.0.0.1 and, in Debian's
Chromium, opens the home page and runs queries one after another the way a reader does: typed
into the header's search box. For each query it reports the bytes the browser fetched (response
bodies, uncompressed as Python's file server sends them; Pagefind's index files are gzip already)
and the time from the query entering the box to the results being shown and announced (the box
waits 100 ms after the last keystroke). The first query also loads pagefind.js and its
WebAssembly; the phrase is searched again last, with everything loaded. Last, it follows the best result of the phrase
query and checks that the page lands on BBB's answer 7.

    python benchmarks/search.py            # the seeds themselves, then 250 copies (1,000 letters)
    python benchmarks/search.py 0 2500     # other sizes (0: the seeds as they are)

A measurement, not a test: nothing fails; the targets (nothing fetched before a search, at most
500 KB and first results within 1.5 s for one query) are printed beside the figures.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO), str(REPO / "benchmarks")]

from generate import make_corpus  # noqa: E402 - benchmarks/generate.py, beside this file

from generator.build import _mkdocs_build, generate  # noqa: E402
from generator.search import BUNDLE, index_site  # noqa: E402
from tests.conftest import _hand_written_pages  # noqa: E402 - the docs/ files people wrote

CONFIG = REPO / "mkdocs.yml"
SEEDS = REPO / "seeds"
CHROMIUM = Path("/usr/bin/chromium")
BUDGET_BYTES = 500_000
BUDGET_SECONDS = 1.5

QUERIES = ("toen geen externe adviseurs", "M365", "26643", "oplossingen", "Belastingdienst")
"""The phrase of BBB's answer 7, a word with digits, a dossier number, a plural found by stemming,
and the most common word of the letters."""
LANDING = "bbb-antwoord-7"

RUN_QUERY = """async query => {
    const box = document.querySelector('#kd-search-query');
    const status = document.querySelector('#kd-search-status');
    const wanted = 'gevonden voor \u2018' + query + '\u2019';
    box.focus();
    const shown = new Promise(resolve => {
        const watch = new MutationObserver(() => {
            if (status.textContent.endsWith(wanted)) { watch.disconnect(); resolve(performance.now()); }
        });
        watch.observe(status, {childList: true, characterData: true, subtree: true});
    });
    const start = performance.now();
    box.value = query;
    box.dispatchEvent(new Event('input', {bubbles: true}));
    const end = await shown;
    return {ms: end - start, status: status.textContent,
            results: document.querySelectorAll('.md-search-result__item').length};
}"""


def build_site(root: Path, copies: int) -> tuple[Path, int, float]:
    """Generate and build the site of `copies` copies of the seeds (the seeds as they are for 0);
    return the site, the number of letter pages and the seconds Pagefind took to index it."""
    seeds, docs, site = root / "seeds", root / "docs", root / "site"
    if copies:
        make_corpus(seeds, copies)
    else:
        shutil.copytree(SEEDS, seeds)
    for page in _hand_written_pages(REPO / "docs"):  # over.md, citeren.md, the scripts and styles
        (docs / page).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / "docs" / page, docs / page)
    result = generate(seeds, docs, "https://kamerdossier.example/")
    _mkdocs_build(CONFIG, docs, site, strict=False)
    start = time.perf_counter()
    index_site(site)
    indexing = time.perf_counter() - start
    letters = sum(1 for page in result.pages if page.endswith(".md") and page.startswith(("tweede-kamer/", "eerste-kamer/")))
    return site, letters, indexing


def measure(site: Path) -> None:
    """Serve `site`, run the queries in Chromium, print bytes and times."""
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM_ARGS, VIEWPORT, serving

    with serving(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        context = browser.new_context(viewport=VIEWPORT, service_workers="block")
        page = context.new_page()
        finished: list = []
        page.on("requestfinished", lambda request: finished.append(request))
        page.goto(url, wait_until="networkidle")
        before = [request.url for request in finished if f"/{BUNDLE}/" in request.url]
        print(f"  page load: {len(finished)} requests, {len(before)} of them search files (target 0)")
        for query in (*QUERIES, QUERIES[0]):  # the first again: pagefind.js and its index now loaded
            finished.clear()
            outcome = page.evaluate(RUN_QUERY, query)
            page.wait_for_load_state("networkidle")
            fetched = sum(request.sizes()["responseBodySize"] for request in finished)
            fragments = sum(1 for request in finished if request.url.endswith(".pf_fragment"))
            chunks = sum(1 for request in finished if request.url.endswith(".pf_index"))
            verdict = "ok" if fetched <= BUDGET_BYTES and outcome["ms"] <= 1000 * BUDGET_SECONDS else "OVER TARGET"
            print(f"  query {query!r:32} {fetched / 1000:8.1f} KB in {len(finished):2d} requests "
                  f"({chunks} index chunks, {fragments} fragments), results after {outcome['ms']:6.0f} ms: "
                  f"{outcome['status']} [{verdict}]")
        page.locator("#kd-search-query").fill(QUERIES[0])
        page.locator("#kd-search-status").filter(has_text=QUERIES[0]).wait_for()
        best = page.locator(".md-search-result__item").first.locator("a.md-search-result__link").nth(1)
        href = best.get_attribute("href") or ""
        best.click()
        page.wait_for_load_state()
        landed = page.url.endswith(f"#{LANDING}") and page.evaluate(
            "id => { const box = document.getElementById(id).getBoundingClientRect(); return box.top >= 0 && box.top < innerHeight / 4; }",
            LANDING,
        )
        print(f"  following the best result for {QUERIES[0]!r}: {href} -> {'lands on' if landed else 'MISSES'} #{LANDING}")
        browser.close()


def main(argv: list[str]) -> int:
    sizes = [int(arg) for arg in argv] or [0, 250]
    for copies in sizes:
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            site, letters, indexing = build_site(Path(tmp), copies)
            built = time.perf_counter() - start
            bundle = site / BUNDLE
            files = [path for path in bundle.rglob("*") if path.is_file()]
            index_bytes = sum(path.stat().st_size for path in files if path.suffix in (".pf_index", ".pf_fragment", ".pf_meta"))
            what = "the seeds" if copies == 0 else f"{copies} copies of the seeds"
            print(f"{what}: {letters} letter pages (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores), built in {built:.0f} s; Pagefind indexed "
                  f"{len(list(bundle.rglob('*.pf_fragment')))} pages in {indexing:.1f} s "
                  f"({1 + len(json.loads((bundle / 'delen.json').read_text(encoding='utf-8')))} part(s)); "
                  f"index {index_bytes / 1e6:.1f} MB in {len(files)} files")
            measure(site)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
