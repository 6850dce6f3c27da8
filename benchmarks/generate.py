"""Benchmark: every figure of issue 9 on a corpus of N letters made from the real letters.

The corpus is `benchmarks/corpus.py`'s: written questions, their Aanhangsel answers and verslagen
recombined from the real letters' sentences, members and numbers (not copies of one page). For
each size, in child processes of their own:

- the bound: read every file and split it once with `re.split` (in this process, best of three);
- with `--site` (the default of `make bench`): the full build as `kamerdossier build` runs it
  (`generator.build.build`: read + parse, link, render + write, the MkDocs build, Pagefind's
  index, the permanence check), each stage timed by the build itself, the whole timed here; then
  one letter is edited and the same build run again on the same folders (the rebuild); then
  headless Chromium opens the median letter page of the built site (every file a first visit
  loads, counted as a static host serves it, gzip), runs queries in its search box and follows
  the best hit;
- without it: the generator alone (`generator.build.generate`), for the sizes where a site
  would take too long (`--generator-only 100000`).

Peak memory is the largest sum, sampled every second, of the proportional set sizes of the child
and every process it started (forked workers, Pagefind), so pages shared copy-on-write count once.

Speed goals live here, never in timed tests.

    python benchmarks/generate.py 1000                           # the generator alone
    python benchmarks/generate.py --site 1000x3 10000 --generator-only 100000 --results benchmarks/RESULTS.md

A size written `NxK` is measured K times, each on a corpus made anew, and the table shows the run
whose generator time is the median (every figure of that column from that one run), with each
run's times beneath. A small corpus is a few seconds of work beside fixed costs (starting the
worker pools, loading the word lists), and one run of it moves by half from run to run: the
per-letter ratios against it need its median, not one draw.

Prints a Markdown table (one column a size, then the target) and, with `--results`, writes it
with the machine's load and the command to that file.
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
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from corpus import make_corpus  # noqa: E402
from measure import browse, run_child  # noqa: E402

SITE_URL = "https://kamerdossier.example/"
CONFIG = ROOT / "mkdocs.yml"
HAND_WRITTEN = ROOT / "docs"
GLOSSARY = ROOT / "begrippen.yml"
ANNOTATIONS = ROOT / "annotations"
LETTER_FOLDERS = ("tweede-kamer", "eerste-kamer")
OVERVIEWS = ("index.html", "tijdlijn/index.html", "dossiers/index.html", "personen/index.html", "partijen/index.html", "begrippen/index.html")
"""The overview pages reported by name; every other page is in "largest other page"."""
QUERIES = ("toen geen externe adviseurs", "M365", "26643", "oplossingen", "Belastingdienst")
"""A phrase of a real answer (BBB's answer 7, recombined into many letters), a word with digits, a
dossier number, a plural found by Dutch stemming, and the most common word of the letters."""
EDIT = ("\nAntwoord 1\n", "\nAntwoord 1\nInderdaad. ")
"""The rebuild's edit: a word added at the start of the first answer of one Aanhangsel letter."""
_SPLIT = re.compile(r"\n[ \t]*\n")
SITE_STAGES = ("mkdocs build", "search index", "permanence check")


def read_and_split(seeds: Path) -> float:
    """The bound: read every source file (and sidecar) as text and split it once; return seconds."""
    start = time.perf_counter()
    pieces = 0
    for path in sorted(seeds.iterdir()):
        pieces += len(_SPLIT.split(path.read_text(encoding="utf-8")))
    assert pieces
    return time.perf_counter() - start


def _child_generator(seeds: Path, docs: Path) -> dict[str, object]:
    """The generator alone, as `kamerdossier build --no-site` runs it."""
    from generator.build import generate

    start = time.perf_counter()
    result = generate(seeds, docs, SITE_URL, GLOSSARY, ANNOTATIONS)
    return _outcome(result, time.perf_counter() - start)


def _child_build(seeds: Path, docs: Path, site: Path) -> dict[str, object]:
    """The full build, as `kamerdossier build` runs it, on folders a first run may have filled."""
    from generator.build import build, publish

    docs.mkdir(parents=True, exist_ok=True)
    for page in ("over.md", "citeren.md"):  # copies keep the original's time: a rebuild sees them unchanged
        shutil.copy2(HAND_WRITTEN / page, docs / page)
    for folder in ("stylesheets", "javascripts"):
        shutil.copytree(HAND_WRITTEN / folder, docs / folder, dirs_exist_ok=True, copy_function=shutil.copy2)
    manifest = site.parent / "published.txt"
    start = time.perf_counter()
    result = build(
        seeds, docs, site, CONFIG, manifest=manifest, new_site=True,
        glossary=GLOSSARY, annotations=ANNOTATIONS, cache=site.parent / ".cache",
    )
    seconds = time.perf_counter() - start
    publish(manifest, result.addresses)  # as `make publish`: the rebuild then checks every address
    return _outcome(result, seconds)


def _outcome(result, seconds: float) -> dict[str, object]:
    letters = [page for page in result.pages if page.startswith(LETTER_FOLDERS) and page.endswith(".md")]
    return {
        "seconds": seconds,
        "timings": dict(result.timings),
        "letter pages": len(letters),
        "pages": len(result.pages),
        "errors": sum(1 for d in result.diagnostics if d.severity == "error"),
    }


def _in_child(part: str, *folders: Path) -> dict[str, object]:
    """Run one part in a child process; its figures, with its peak memory."""
    output, tree_mb, largest_mb = run_child([sys.executable, __file__, f"--child-{part}", *map(str, folders)], ROOT)
    return {**json.loads(output), "tree MB": tree_mb, "largest process MB": largest_mb}


def _size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file())


def _mtimes(folder: Path) -> dict[Path, int]:
    return {path: path.stat().st_mtime_ns for path in folder.rglob("*") if path.is_file()}


def _site_figures(site: Path) -> dict[str, object]:
    """Sizes of the built site: total, open data, search index, letter pages, overview pages."""
    letters = sorted(
        (path.stat().st_size, path.relative_to(site).as_posix())
        for folder in LETTER_FOLDERS
        if (site / folder).is_dir()
        for path in (site / folder).rglob("index.html")
    )
    others = [
        (path.stat().st_size, path.relative_to(site).as_posix())
        for path in site.rglob("*.html")
        if not path.relative_to(site).as_posix().startswith((*LETTER_FOLDERS, "pagefind/"))
    ]
    return {
        "site": _size(site),
        "data": _size(site / "data") if (site / "data").exists() else 0,
        "search": _size(site / "pagefind") if (site / "pagefind").exists() else 0,
        "index parts": 1 + len(json.loads((site / "pagefind" / "delen.json").read_text(encoding="utf-8"))),
        "letter pages": len(letters),
        "largest letter page": letters[-1] if letters else (0, "-"),
        "median letter page": letters[len(letters) // 2] if letters else (0, "-"),
        "overviews": {name: (site / name).stat().st_size for name in OVERVIEWS if (site / name).exists()},
        "largest other page": max(others, default=(0, "-")),
    }


def _edit_one_letter(seeds: Path) -> str:
    """Make the rebuild's edit in the first Aanhangsel letter (by name) that has an answer 1."""
    for path in sorted(seeds.glob("antwoord-*.txt")):
        text = path.read_text(encoding="utf-8")
        if EDIT[0] in text:
            path.write_text(text.replace(*EDIT, 1), encoding="utf-8")
            return path.name
    raise SystemExit("benchmark: no letter to edit for the rebuild")


def run(letters: int, with_site: bool) -> dict[str, object]:
    """Measure every figure on a corpus of `letters` source files."""
    with tempfile.TemporaryDirectory(prefix="kamerdossier-bench-") as tmp:
        seeds, docs, site = Path(tmp) / "seeds", Path(tmp) / "docs", Path(tmp) / "site"
        files = make_corpus(seeds, letters)
        figures: dict[str, object] = {"files": files, "source MB": _size(seeds) / 1e6}
        figures["bound"] = min(read_and_split(seeds) for _ in range(3))
        if not with_site:
            figures["build"] = _in_child("generator", seeds, docs)
            figures["docs MB"] = _size(docs) / 1e6
            return figures
        figures["build"] = _in_child("build", seeds, docs, site)
        figures["docs MB"] = _size(docs) / 1e6
        figures.update(_site_figures(site))
        visited = (figures["median letter page"][1], figures["largest letter page"][1])
        figures["browser"] = browse(site, tuple(page.removesuffix("index.html") for page in visited), QUERIES)
        before = _mtimes(site)
        figures["edited"] = _edit_one_letter(seeds)
        figures["rebuild"] = _in_child("build", seeds, docs, site)
        after = _mtimes(site)
        index = site / "pagefind"
        figures["site files"] = sum(1 for path in after if index not in path.parents)
        figures["site files rewritten"] = sum(1 for path, mtime in after.items() if before.get(path) != mtime and index not in path.parents)
        figures["index files"] = sum(1 for path in after if index in path.parents)
        figures["index files rewritten"] = sum(1 for path, mtime in after.items() if before.get(path) != mtime and index in path.parents)
        return figures


def _kb(size: float) -> str:
    return f"{size / 1024:,.0f} KB"


def _generator_stages(results: dict[int, dict]) -> list[str]:
    """The generator's stages as the builds timed them, in their order."""
    stages = [stage for r in results.values() for stage in r["build"]["timings"] if stage not in SITE_STAGES]
    return list(dict.fromkeys(stages))


def _generator_seconds(r: dict) -> float:
    """The generator's stages together (the build's own timings)."""
    return sum(seconds for stage, seconds in r["build"]["timings"].items() if stage not in SITE_STAGES)


def _search(r: dict, query: str) -> dict:
    return next(found for found in r["browser"]["searches"] if found["query"] == query)


def table(results: dict[int, dict[str, object]]) -> str:
    """The figures as a Markdown table, one column per corpus size, and the issue's target."""
    sizes = sorted(results)
    rows: list[tuple[str, list[str], str]] = []

    def row(label: str, value, target: str = "", only=None) -> None:
        cells = [value(results[n]) if (only is None or only(results[n])) else "–" for n in sizes]
        rows.append((label, cells, target))

    site = lambda r: "browser" in r  # noqa: E731
    per = lambda seconds, r: f"{seconds:.1f} s ({1000 * seconds / r['files']:.2f} ms/letter)"  # noqa: E731
    row("source files (letter pages built)", lambda r: f"{r['files']:,} ({r['build']['letter pages']:,})")
    row("source text", lambda r: f"{r['source MB']:.1f} MB")
    row("read every file + one `re.split` (the bound)", lambda r: f"{r['bound']:.2f} s")
    for stage in _generator_stages(results):
        row(stage, lambda r, s=stage: per(r["build"]["timings"][s], r) if s in r["build"]["timings"] else "–")
    row("**generator**", lambda r: "**" + per(_generator_seconds(r), r) + "**", "< 60 s at 10,000")
    row("generator ÷ bound", lambda r: f"{_generator_seconds(r) / r['bound']:.0f}×", "≤ 10×")
    for stage in SITE_STAGES:
        row(stage, lambda r, s=stage: per(r["build"]["timings"][s], r) if s in r["build"]["timings"] else "–", only=site)
    row("**full build** (`kamerdossier build`, timed whole)", lambda r: "**" + per(r["build"]["seconds"], r) + "**", "< 4 min at 10,000", only=site)
    row("peak memory (all processes, PSS) / largest process (RSS)", lambda r: f"{r['build']['tree MB']:,.0f} MB / {r['build']['largest process MB']:,.0f} MB", "< 1.5 GB")
    row("Markdown written (docs/)", lambda r: f"{r['docs MB']:.1f} MB")
    row("rebuild after one letter changes", lambda r: f"{r['rebuild']['seconds']:.1f} s ({100 * r['rebuild']['seconds'] / r['build']['seconds']:.0f} % of the full build)", "< 10 %", only=site)
    row("rebuild's stages", lambda r: ", ".join(f"{stage} {seconds:.1f} s" for stage, seconds in r["rebuild"]["timings"].items()), only=site)
    row("site files rewritten by the rebuild (the search index apart)", lambda r: f"{r['site files rewritten']:,} of {r['site files']:,}", "only changed ones", only=site)
    row("search index files rewritten by the rebuild", lambda r: f"{r['index files rewritten']:,} of {r['index files']:,}", only=site)
    row("site / open data / search index (parts)", lambda r: f"{r['site'] / 1e6:,.1f} MB / {r['data'] / 1e6:,.1f} MB / {r['search'] / 1e6:,.1f} MB ({r['index parts']})", only=site)
    row("letter pages: median / largest HTML", lambda r: f"{_kb(r['median letter page'][0])} / {_kb(r['largest letter page'][0])}", only=site)
    for which, name in enumerate(("median", "largest")):
        row(f"first visit to the {name} letter page (all files, gzip)", lambda r, w=which: f"{_kb(r['browser']['first visits'][w][0])} in {r['browser']['first visits'][w][1]} files", "< 150 KB", only=site)
    row("search files fetched before a query", lambda r: f"{r['browser']['search files before a query']}", "0", only=site)
    for query in QUERIES:
        row(f"query `{query}`: bytes / first results", lambda r, q=query: f"{_kb(_search(r, q)['bytes'])} / {_search(r, q)['ms'] / 1000:.2f} s ({_search(r, q)['results']} shown)" if _search(r, q)["ms"] is not None else "no results shown", "≤ 500 KB / ≤ 1.5 s", only=site)
    row("best hit for the phrase lands on a question or answer", lambda r: f"{'yes' if r['browser']['lands on a question or answer'] else 'NO'} (`{r['browser']['landing']}`)", "yes", only=site)
    row("… and that section holds the whole phrase", lambda r: "yes" if r["browser"]["landed section holds the phrase"] else "no", only=site)
    row("requests to another host", lambda r: f"{len(r['browser']['foreign requests'])}", "0", only=site)
    for name in OVERVIEWS:
        row(f"`{name}`", lambda r, n=name: _kb(r["overviews"].get(n, 0)), "< 150 KB", only=site)
    row("largest other page", lambda r: f"{_kb(r['largest other page'][0])} (`{r['largest other page'][1]}`)", "< 150 KB", only=site)
    header = "| figure | " + " | ".join(f"N = {n:,}" for n in sizes) + " | target |"
    lines = [header, "|---|" + "---|" * (len(sizes) + 1)]
    lines += [f"| {label} | " + " | ".join(values) + f" | {target} |" for label, values, target in rows]
    lines.append("")
    lines += _runs_note(results)
    small = sizes[0]
    for large in sizes[1:]:
        lines.append(f"Generator time per letter at {large:,} ÷ at {small:,}: ×{_growth(results, small, large, _generator_seconds):.2f} (target ≤ 1.1; 1.00 is linear).  ")
        if site(results[small]) and site(results[large]):
            lines.append(f"Full build time per letter at {large:,} ÷ at {small:,}: ×{_growth(results, small, large, lambda r: r['build']['seconds']):.2f} (target ≤ 1.1).  ")
    return "\n".join(lines)


def _size_spec(text: str) -> tuple[int, int]:
    """`N` or `NxK` (a corpus of N letters, measured K times) as (N, K)."""
    size, x, times = text.partition("x")
    try:
        parsed = int(size), int(times if x else 1)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (N or NxK, e.g. 1000 or 1000x3)") from None
    if parsed[0] < 1 or parsed[1] < 1:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (N and K at least 1)")
    return parsed


def _median_run(runs: list[dict]) -> dict:
    """Of several runs at one size, the one whose generator time is the median (the lower of the two middle ones)."""
    return sorted(runs, key=_generator_seconds)[(len(runs) - 1) // 2]


def _runs_note(results: dict[int, dict]) -> list[str]:
    """A line for each size measured more than once: every run's generator and whole times."""
    return [
        f"N = {n:,}: the median of {len(r['runs'])} runs by generator time; each run's generator / whole: "
        + ", ".join(f"{generator:.1f} / {whole:.1f} s" for generator, whole in r["runs"])
        + ".  "
        for n, r in sorted(results.items())
        if len(r.get("runs", ())) > 1
    ]


def _growth(results: dict, small: int, large: int, seconds) -> float:
    return (seconds(results[large]) / results[large]["files"]) / (seconds(results[small]) / results[small]["files"])


def machine() -> str:
    """The machine a run measured: cores, load, Python, date."""
    load = " / ".join(f"{value:.2f}" for value in os.getloadavg())
    return (
        f"{os.cpu_count()} cores, load average (1 / 5 / 15 min) {load}, "
        f"Python {platform.python_version()}, {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC"
    )


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--child-generator":
        print(json.dumps(_child_generator(Path(argv[1]), Path(argv[2]))))
        return 0
    if argv and argv[0] == "--child-build":
        print(json.dumps(_child_build(Path(argv[1]), Path(argv[2]), Path(argv[3]))))
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="*", type=_size_spec, default=[(100, 1), (1000, 1)], metavar="N[xK]", help="corpus sizes (`NxK`: measured K times, the median run shown)")
    parser.add_argument("--site", "--mkdocs", action="store_true", help="the full build, the rebuild and the browser's figures (slow)")
    parser.add_argument("--generator-only", type=int, nargs="*", default=[], metavar="N", help="sizes measured for the generator alone")
    parser.add_argument("--results", type=Path, help="write the table, with the machine's load, to this file")
    args = parser.parse_args(argv)
    before = machine()
    results = {}
    for size, times in args.sizes:
        runs = []
        for _ in range(times):
            runs.append(run(size, args.site))
            print(f"N = {size:,}: run {len(runs)} of {times} done ({machine()})", file=sys.stderr)
        results[size] = {**_median_run(runs), "runs": [(_generator_seconds(r), r["build"]["seconds"]) for r in runs]}
    text = table(results)
    if args.generator_only:
        alone = {size: run(size, False) for size in args.generator_only}
        first = min(results) if results else None
        text += "\n\n" + _generator_table(alone, results.get(first), first)
    print(text)
    if args.results:
        command = "python benchmarks/generate.py " + " ".join(argv)
        args.results.write_text(
            f"# Benchmark results\n\n`{command}`\n\nBefore: {before}.  \nAfter: {machine()}.\n\n{text}\n",
            encoding="utf-8",
        )
    return 0


def _generator_table(alone: dict[int, dict], reference: dict | None, reference_size: int | None) -> str:
    """The generator alone at the large sizes, against its time per letter at the smallest full run."""
    lines = ["| generator alone | " + " | ".join(f"N = {n:,}" for n in sorted(alone)) + " |", "|---|" + "---|" * len(alone)]
    figures = [alone[n] for n in sorted(alone)]
    lines.append("| read every file + one `re.split` (the bound) | " + " | ".join(f"{r['bound']:.2f} s" for r in figures) + " |")
    lines.append("| generator | " + " | ".join(f"{_generator_seconds(r):.1f} s ({1000 * _generator_seconds(r) / r['files']:.2f} ms/letter)" for r in figures) + " |")
    lines.append("| peak memory (all processes, PSS) | " + " | ".join(f"{r['build']['tree MB']:,.0f} MB" for r in figures) + " |")
    lines.append("| Markdown written | " + " | ".join(f"{r['docs MB']:,.0f} MB" for r in figures) + " |")
    if reference is not None:
        for n in sorted(alone):
            growth = (_generator_seconds(alone[n]) / alone[n]["files"]) / (_generator_seconds(reference) / reference["files"])
            lines.append(f"\nGenerator time per letter at {n:,} ÷ at {reference_size:,}: ×{growth:.2f} (target ≤ 1.1).")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
