"""Benchmark: time every stage of the build on a corpus of N letters made from the real letters.

The corpus is `benchmarks/corpus.py`'s: written questions, their Aanhangsel answers and verslagen
recombined from the real letters' sentences, members and numbers (not copies of one page). For
each size the run measures, each part in a child process of its own (so its peak memory is its
own, read with `os.wait4`):

- the bound: read every file and split it once with `re.split` (in this process);
- the generator's stages: read + parse, link (with the site's glossary and editorial notes),
  render, write, and its peak memory;
- with `--mkdocs`: the MkDocs build (its search plugin included), the permanence check (every
  address of the built site, against an empty published.txt), their peak memory, and the site:
  its size, the open data's, the search index's, the largest and median letter page, the home
  page and the largest overview page.

Speed goals live here, never in timed tests.

    python benchmarks/generate.py 1000                     # the generator alone, 1,000 letters
    python benchmarks/generate.py --mkdocs 1000 10000      # every figure, 1,000 and 10,000 letters
    python benchmarks/generate.py --mkdocs --results benchmarks/RESULTS.md 1000 10000

Prints a Markdown table (one column a size) and, with `--results`, writes it with the machine's
load to that file.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import make_corpus  # noqa: E402

SITE_URL = "https://kamerdossier.example/"
CONFIG = ROOT / "mkdocs.yml"
HAND_WRITTEN = ROOT / "docs"
GLOSSARY = ROOT / "begrippen.yml"
ANNOTATIONS = ROOT / "annotations"
LETTER_FOLDERS = ("tweede-kamer", "eerste-kamer")
OVERVIEWS = ("index.html", "tijdlijn/index.html", "dossiers/index.html", "personen/index.html", "partijen/index.html")
_SPLIT = re.compile(r"\n[ \t]*\n")


def read_and_split(seeds: Path) -> float:
    """The bound: read every source file (and sidecar) as text and split it once; return seconds."""
    start = time.perf_counter()
    pieces = 0
    for path in sorted(seeds.iterdir()):
        pieces += len(_SPLIT.split(path.read_text(encoding="utf-8")))
    assert pieces
    return time.perf_counter() - start


def _child_generator(seeds: Path, docs: Path) -> dict[str, float]:
    """Run the generator's stages one by one, as `generator.build.generate` does; time each."""
    from generator.build import SCHEMA, link_with_editorial, parse_sources, read_editorial
    from generator.render import render_site
    from generator.write import write_pages

    timings: dict[str, float] = {}
    start = time.perf_counter()
    records, diagnostics = parse_sources(seeds)
    timings["read + parse"] = time.perf_counter() - start
    start = time.perf_counter()
    corpus = link_with_editorial(records, diagnostics, read_editorial(GLOSSARY, ANNOTATIONS))  # the site's own
    timings["link"] = time.perf_counter() - start
    start = time.perf_counter()
    pages = render_site(corpus, SITE_URL)
    pages["data/kamerdossier.schema.json"] = SCHEMA.read_text(encoding="utf-8")
    timings["render"] = time.perf_counter() - start
    start = time.perf_counter()
    write_pages(pages, docs)
    timings["write"] = time.perf_counter() - start
    timings["letters"] = sum(len(record.letters) for record in records)
    timings["pages"] = len(pages)
    timings["errors"] = sum(1 for d in corpus.diagnostics if d.severity == "error")
    return timings


def _child_mkdocs(docs: Path, site: Path) -> dict[str, float]:
    """Build the site with MkDocs, then run the permanence check on it; time each."""
    from generator.build import _mkdocs_build, keep_published_addresses

    for page in ("over.md", "citeren.md"):
        shutil.copy(HAND_WRITTEN / page, docs / page)
    for folder in ("stylesheets", "javascripts"):
        shutil.copytree(HAND_WRITTEN / folder, docs / folder, dirs_exist_ok=True)
    timings: dict[str, float] = {}
    start = time.perf_counter()
    site_url = _mkdocs_build(CONFIG, docs, site, strict=False)
    timings["mkdocs build"] = time.perf_counter() - start
    manifest = site.parent / "published.txt"
    manifest.write_text("", encoding="utf-8")
    start = time.perf_counter()
    keep_published_addresses(site, manifest, None, site_url)
    timings["permanence check"] = time.perf_counter() - start
    return timings


def _in_child(part: str, *folders: Path) -> tuple[dict[str, float], float]:
    """Run one part in a child process; return its timings and its peak memory (MB)."""
    process = subprocess.Popen(
        [sys.executable, __file__, f"--child-{part}", *map(str, folders)],
        stdout=subprocess.PIPE,
        cwd=ROOT,
    )
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise SystemExit(f"benchmark: the {part} child failed ({process.returncode})")
    return json.loads(output), usage.ru_maxrss / 1024


def _size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def _site_figures(site: Path) -> dict[str, object]:
    """Sizes of the built site: total, open data, search index, letter pages, overview pages."""
    letters = sorted(
        (path.stat().st_size, path.relative_to(site).as_posix())
        for folder in LETTER_FOLDERS
        if (site / folder).is_dir()
        for path in (site / folder).rglob("index.html")
    )
    overviews = {name: (site / name).stat().st_size for name in OVERVIEWS if (site / name).exists()}
    overview_pages = [
        (path.stat().st_size, path.relative_to(site).as_posix())
        for path in site.rglob("index.html")
        if not path.relative_to(site).as_posix().startswith(LETTER_FOLDERS)
    ]
    search = [site / "search" / "search_index.json", site / "pagefind"]
    def largest(folder: str) -> tuple[int, str]:
        found = [(path.stat().st_size, path.relative_to(site).as_posix()) for path in site.glob(f"{folder}/*/index.html")]
        return max(found, default=(0, "-"))

    return {
        "largest dossier page": largest("dossiers"),
        "largest month page": largest("stukken"),
        "site": _size(site),
        "data": _size(site / "data") if (site / "data").exists() else 0,
        "search": sum(p.stat().st_size if p.is_file() else _size(p) for p in search if p.exists()),
        "letter pages": len(letters),
        "largest letter page": letters[-1] if letters else (0, "-"),
        "median letter page": statistics.median(size for size, _ in letters) if letters else 0,
        "overviews": overviews,
        "largest other page": max(overview_pages) if overview_pages else (0, "-"),
    }


def run(letters: int, with_mkdocs: bool) -> dict[str, object]:
    """Measure every figure on a corpus of `letters` source files."""
    with tempfile.TemporaryDirectory(prefix="kamerdossier-bench-") as tmp:
        seeds, docs, site = Path(tmp) / "seeds", Path(tmp) / "docs", Path(tmp) / "site"
        start = time.perf_counter()
        files = make_corpus(seeds, letters)
        figures: dict[str, object] = {"files": files, "corpus seconds": time.perf_counter() - start}
        figures["source MB"] = _size(seeds) / 1e6
        figures["bound"] = min(read_and_split(seeds) for _ in range(3))
        figures["generator"], figures["generator MB"] = _in_child("generator", seeds, docs)
        figures["docs MB"] = _size(docs) / 1e6
        if with_mkdocs:
            figures["mkdocs"], figures["mkdocs MB"] = _in_child("mkdocs", docs, site)
            figures.update(_site_figures(site))
        return figures


def _kb(size: float) -> str:
    return f"{size / 1024:,.0f} KB"


def table(results: dict[int, dict[str, object]]) -> str:
    """The figures as a Markdown table, one column per corpus size."""
    sizes = sorted(results)
    rows: list[tuple[str, list[str]]] = []

    def row(label: str, value) -> None:
        rows.append((label, [value(results[n]) for n in sizes]))

    row("source files (letters parsed)", lambda r: f"{r['files']:,} ({int(r['generator']['letters']):,})")
    row("source text", lambda r: f"{r['source MB']:.1f} MB")
    row("read every file + one `re.split` (the bound)", lambda r: f"{r['bound']:.2f} s")
    stages = ("read + parse", "link", "render", "write")
    for stage in stages:
        row(stage, lambda r, s=stage: f"{r['generator'][s]:.1f} s ({1000 * r['generator'][s] / r['files']:.2f} ms/letter)")
    total = lambda r: sum(r["generator"][s] for s in stages)  # noqa: E731
    row("**generator (4 stages)**", lambda r: f"**{total(r):.1f} s** ({1000 * total(r) / r['files']:.2f} ms/letter)")
    row("generator ÷ bound", lambda r: f"{total(r) / r['bound']:.0f}×")
    row("generator peak memory (max RSS)", lambda r: f"{r['generator MB']:,.0f} MB")
    row("Markdown written (docs/)", lambda r: f"{r['docs MB']:.1f} MB")
    if all("mkdocs" in results[n] for n in sizes):
        row("MkDocs build (with its search plugin)", lambda r: f"{r['mkdocs']['mkdocs build']:.1f} s")
        row("permanence check", lambda r: f"{r['mkdocs']['permanence check']:.1f} s")
        full = lambda r: total(r) + r["mkdocs"]["mkdocs build"] + r["mkdocs"]["permanence check"]  # noqa: E731
        row("**full build** (sum of the above)", lambda r: f"**{full(r):.0f} s** ({1000 * full(r) / r['files']:.1f} ms/letter)")
        row("MkDocs + check peak memory (max RSS)", lambda r: f"{r['mkdocs MB']:,.0f} MB")
        row("site", lambda r: f"{r['site'] / 1e6:,.1f} MB")
        row("open data (`data/`)", lambda r: f"{r['data'] / 1e6:,.1f} MB")
        row("search index", lambda r: f"{r['search'] / 1e6:,.1f} MB")
        row("letter pages: median / largest HTML", lambda r: f"{_kb(r['median letter page'])} / {_kb(r['largest letter page'][0])}")
        for name in OVERVIEWS:
            row(f"`{name}`", lambda r, n=name: _kb(r["overviews"].get(n, 0)))
        row("largest dossier page", lambda r: f"{_kb(r['largest dossier page'][0])} (`{r['largest dossier page'][1]}`)")
        row("largest month page (`stukken/`)", lambda r: f"{_kb(r['largest month page'][0])}")
        row("largest other page", lambda r: f"{_kb(r['largest other page'][0])} (`{r['largest other page'][1]}`)")
    header = "| figure | " + " | ".join(f"N = {n:,}" for n in sizes) + " |"
    lines = [header, "|---|" + "---|" * len(sizes)]
    lines += [f"| {label} | " + " | ".join(values) + " |" for label, values in rows]
    if len(sizes) > 1:
        small, large = sizes[0], sizes[-1]
        growth = (total(results[large]) / results[large]["files"]) / (total(results[small]) / results[small]["files"])
        lines.append(f"\nGenerator time per letter at {large:,} ÷ at {small:,}: ×{growth:.2f} (1.00 is linear).")
    return "\n".join(lines)


def machine() -> str:
    """The machine a run measured: cores, load before and after, Python, date."""
    load = " / ".join(f"{value:.2f}" for value in os.getloadavg())
    return (
        f"{os.cpu_count()} cores, load average (1 / 5 / 15 min) {load}, "
        f"Python {platform.python_version()}, {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC"
    )


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--child-generator":
        print(json.dumps(_child_generator(Path(argv[1]), Path(argv[2]))))
        return 0
    if argv and argv[0] == "--child-mkdocs":
        print(json.dumps(_child_mkdocs(Path(argv[1]), Path(argv[2]))))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000])
    parser.add_argument("--mkdocs", action="store_true", help="also build the site and measure it (slow)")
    parser.add_argument("--results", type=Path, help="write the table, with the machine's load, to this file")
    args = parser.parse_args(argv)
    before = machine()
    results = {}
    for size in args.sizes:
        results[size] = run(size, args.mkdocs)
        print(f"N = {size:,}: done", file=sys.stderr)
    text = table(results)
    print(text)
    if args.results:
        command = "python benchmarks/generate.py " + " ".join(argv)
        args.results.write_text(
            f"# Benchmark results\n\n`{command}`\n\nBefore: {before}.  \nAfter: {machine()}.\n\n{text}\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
