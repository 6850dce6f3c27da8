"""What the benchmark measures besides time: peak memory of a process tree, and what a browser
fetches from a built site (a first visit to a letter page, one search), in headless Chromium.

Kept apart from `benchmarks/generate.py` (which runs the stages and prints the table) so each
reads as one job. Measurements, never tests: nothing here fails on a target.
"""

from __future__ import annotations

import gzip
import os
import re
import subprocess
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

CHROMIUM = Path("/usr/bin/chromium")
COMPRESSIBLE = ("text/", "application/javascript", "application/json", "image/svg+xml", "application/xml")
"""Content types a static host serves gzip-compressed (Pagefind's own files are gzip already)."""


# --- Peak memory of a child and everything it starts ------------------------------------------


def _descendants(pid: int) -> list[int]:
    """`pid` and every process below it, from /proc/<pid>/task/<tid>/children."""
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        try:
            tasks = os.listdir(f"/proc/{current}/task")
        except OSError:
            continue
        for task in tasks:
            try:
                with open(f"/proc/{current}/task/{task}/children", encoding="ascii") as file:
                    queue += [int(child) for child in file.read().split()]
            except OSError:
                pass
    return found


def _pss_kb(pid: int) -> int:
    """The proportional set size of one process (shared pages divided among their sharers), in kB."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as file:
            for line in file:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except (OSError, ValueError):
        pass
    return 0


@dataclass
class TreeMemory:
    """Samples, every `interval` seconds, the summed PSS of a process and its descendants (forked
    workers, Pagefind) and keeps the largest sum: the memory the whole job held at its peak,
    counting pages shared copy-on-write once."""

    pid: int
    interval: float = 1.0
    """Reading smaps_rollup walks a process's page tables: at 0.1 s the sampler took a third of a
    core from a 3 GB build (and stalls it while it reads); once a second is enough for builds of minutes."""
    peak_kb: int = 0
    _stop: threading.Event = field(default_factory=threading.Event)

    def __enter__(self) -> "TreeMemory":
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        return self

    def _run(self) -> None:
        while not self._stop.wait(self.interval):
            self.peak_kb = max(self.peak_kb, sum(_pss_kb(pid) for pid in _descendants(self.pid)))

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()


def run_child(command: list[str], cwd: Path) -> tuple[bytes, float, float]:
    """Run `command`; return its standard output, its peak tree memory (MB, sampled PSS) and the
    largest resident set of any one of its processes (MB, from the kernel)."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, cwd=cwd)
    with TreeMemory(process.pid) as memory:
        output = process.stdout.read()
        _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"benchmark: {' '.join(command[:3])} … failed ({os.waitstatus_to_exitcode(status)})")
    return output, memory.peak_kb / 1024, usage.ru_maxrss / 1024


# --- What a browser fetches -------------------------------------------------------------------


def served_bytes(body: bytes, content_type: str) -> int:
    """The bytes a static host sends for a response: gzip (level 6, as nginx and most hosts) for
    text, scripts and styles not compressed already; other bodies as they are."""
    if body[:2] == b"\x1f\x8b" or not content_type.startswith(COMPRESSIBLE):
        return len(body)
    return len(gzip.compress(body, compresslevel=6, mtime=0))


SEARCH = """async query => {
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
    const end = await Promise.race([shown, new Promise(resolve => setTimeout(() => resolve(null), 60000))]);
    return {ms: end === null ? null : end - start, status: status.textContent,
            results: document.querySelectorAll('.md-search-result__item').length};
}"""
"""Type `query` into the header's search box and wait until the results are shown and announced
(the box waits 100 ms after the last keystroke); give the milliseconds from typing to results."""


LANDED = """id => { const box = document.getElementById(id); if (!box) return false;
    const top = box.getBoundingClientRect().top; return top >= 0 && top < innerHeight / 2; }"""
"""Whether the element `id` is shown in the upper half of the window (the page scrolled to it)."""

SECTION_HOLDS = """([id, phrase]) => { const heading = document.getElementById(id); if (!heading) return false;
    let text = '', next = heading.nextElementSibling;
    while (next && !/^H[1-3]$/.test(next.tagName)) { text += ' ' + next.textContent; next = next.nextElementSibling; }
    return text.replace(/\\s+/g, ' ').toLowerCase().includes(phrase.toLowerCase()); }"""
"""Whether the section under the heading `id` (up to the next heading) holds `phrase`."""


@dataclass
class Fetched:
    """The responses one step of a visit received: served bytes, and any request to another host."""

    origin: str
    responses: list[tuple[str, int]] = field(default_factory=list)
    foreign: list[str] = field(default_factory=list)

    def record(self, response) -> None:
        url = response.url
        if urlsplit(url).netloc != urlsplit(self.origin).netloc:
            self.foreign.append(url)
            return
        try:
            body = response.body()
        except Exception:  # a redirect or aborted request has no body
            body = b""
        self.responses.append((url, served_bytes(body, response.headers.get("content-type", ""))))

    @property
    def total(self) -> int:
        return sum(size for _, size in self.responses)


def browse(site: Path, letter_pages: tuple[str, ...], queries: tuple[str, ...]) -> dict[str, object]:
    """Serve `site` on 127.0.0.1 and, in headless Chromium, visit each of `letter_pages` with an
    empty cache (a first visit: every file it loads, as served); then, on the first of them, run
    each query in its search box, one after another, and follow the best result of the first
    query. Returns the figures."""
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM_ARGS, VIEWPORT, serving

    figures: dict[str, object] = {}
    with serving(site) as url, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        visits = []
        for letter_page in reversed(letter_pages):  # the first is visited last, and searched from
            context = browser.new_context(viewport=VIEWPORT, service_workers="block")
            page = context.new_page()
            fetched = Fetched(url)
            page.on("response", fetched.record)
            page.goto(url + letter_page, wait_until="networkidle")
            visits.append((fetched.total, len(fetched.responses)))
        figures["first visits"] = visits[::-1]
        figures["search files before a query"] = sum(1 for found, _ in fetched.responses if "/pagefind/" in found)
        searches = []
        for query in queries:
            fetched.responses.clear()
            outcome = page.evaluate(SEARCH, query)
            page.wait_for_load_state("networkidle")
            searches.append({"query": query, "bytes": fetched.total, "files": len(fetched.responses), **outcome})
        figures["searches"] = searches
        figures["foreign requests"] = list(fetched.foreign)
        page.evaluate(SEARCH, queries[0])
        best = page.locator(".md-search-result__item").first.locator("a.md-search-result__link").nth(1)
        href = best.get_attribute("href") or ""
        best.click()
        page.wait_for_load_state()
        anchor = urlsplit(page.url).fragment
        figures["landing"] = href
        figures["lands on a question or answer"] = bool(re.search(r"(?:^|-)(?:vraag|antwoord)-\d", anchor)) and page.evaluate(LANDED, anchor)
        figures["landed section holds the phrase"] = bool(anchor) and page.evaluate(SECTION_HOLDS, [anchor, queries[0]])
        browser.close()
    return figures

