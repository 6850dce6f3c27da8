"""Benchmark: time each stage of the generator on growing synthetic corpora.

The corpus is the seed letters copied N times, each copy dated a different day (so every copy
gets pages of its own), and the stages are timed separately: read + parse, link, render, write.
Speed goals live here, never in timed tests; the check is that time per letter stays flat as the
corpus grows (every stage linear in the number of letters).

    python benchmarks/generate.py            # 50, 200 and 800 copies of the seeds
    python benchmarks/generate.py 100 1000   # other sizes
    python benchmarks/generate.py --mkdocs 20 80   # also time `mkdocs build` (slow: minutes)

Prints one line per size and stage with seconds and milliseconds per letter, then the growth of
the time per letter from the smallest to the largest corpus (about 1.0 means linear).
"""

from __future__ import annotations

import datetime
import re
import sys
import tempfile
import time
from pathlib import Path

from dataclasses import replace

from generator.build import _mkdocs_build, parse_sources
from generator.link import link_corpus
from generator.parse.dates import DUTCH_DATE, MONTHS
from generator.readers.annotations import read_annotations
from generator.readers.glossary import read_glossary
from generator.render import render_site
from generator.write import write_pages

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
MONTH_NAMES = {number: name for name, number in MONTHS.items()}
SITE_URL = "https://kamerdossier.example/"
CONFIG = Path(__file__).resolve().parent.parent / "mkdocs.yml"
HAND_WRITTEN = Path(__file__).resolve().parent.parent / "docs"
GLOSSARY = SEEDS.parent / "begrippen.yml"
ANNOTATIONS = SEEDS.parent / "annotations"


def _shift_dates(text: str, days: int) -> str:
    """Move every Dutch date in `text` by `days` days."""

    def shifted(match: re.Match[str]) -> str:
        date = datetime.date(int(match["year"]), MONTHS[match["month"].lower()], int(match["day"]))
        date += datetime.timedelta(days=days)
        return f"{date.day} {MONTH_NAMES[date.month]} {date.year}"

    return DUTCH_DATE.sub(shifted, text)


def make_corpus(folder: Path, copies: int) -> int:
    """Write `copies` dated copies of every seed (and its sidecar) into `folder`; return the
    number of source files."""
    folder.mkdir(parents=True, exist_ok=True)
    for copy in range(copies):
        for source in sorted(SEEDS.glob("*.txt")):
            name = f"{source.stem}-{copy:05d}"
            (folder / f"{name}.txt").write_text(_shift_dates(source.read_text(encoding="utf-8"), copy), encoding="utf-8")
            sidecar = source.with_suffix(".toml")
            if sidecar.exists():
                (folder / f"{name}.toml").write_text(sidecar.read_text(encoding="utf-8"), encoding="utf-8")
    return copies * len(list(SEEDS.glob("*.txt")))


def run(copies: int, with_mkdocs: bool = False) -> dict[str, float]:
    """Time every stage on a corpus of `copies` copies; return seconds per stage and the letters."""
    with tempfile.TemporaryDirectory() as tmp:
        seeds, docs = Path(tmp) / "seeds", Path(tmp) / "docs"
        make_corpus(seeds, copies)
        timings: dict[str, float] = {}
        start = time.perf_counter()
        records, diagnostics = parse_sources(seeds)
        timings["read+parse"] = time.perf_counter() - start
        start = time.perf_counter()
        terms, _ = read_glossary(GLOSSARY, GLOSSARY.name)  # the site's glossary and notes (issue 10)
        notes, _ = read_annotations(ANNOTATIONS, ANNOTATIONS.name)
        corpus = replace(link_corpus(records, diagnostics, terms), annotations=notes)
        timings["link"] = time.perf_counter() - start
        start = time.perf_counter()
        pages = render_site(corpus, SITE_URL)
        timings["render"] = time.perf_counter() - start
        start = time.perf_counter()
        write_pages(pages, docs)
        timings["write"] = time.perf_counter() - start
        if with_mkdocs:
            for page in ("over.md", "citeren.md", "stylesheets/extra.css", "javascripts/citeren.js"):
                (docs / page).parent.mkdir(parents=True, exist_ok=True)
                (docs / page).write_bytes((HAND_WRITTEN / page).read_bytes())
            start = time.perf_counter()
            _mkdocs_build(CONFIG, docs, Path(tmp) / "site", strict=False)
            timings["mkdocs"] = time.perf_counter() - start
        timings["letters"] = sum(len(record.letters) for record in records)
        return timings


def main(argv: list[str]) -> int:
    with_mkdocs = "--mkdocs" in argv
    sizes = [int(arg) for arg in argv if arg != "--mkdocs"] or [50, 200, 800]
    per_letter: dict[int, dict[str, float]] = {}
    for copies in sizes:
        timings = run(copies, with_mkdocs)
        letters = int(timings.pop("letters"))
        per_letter[copies] = {stage: seconds / letters for stage, seconds in timings.items()}
        for stage, seconds in timings.items():
            print(f"{copies:6d} copies {letters:7d} letters  {stage:11s} {seconds:8.2f} s  {1000 * seconds / letters:7.3f} ms/letter")
    smallest, largest = min(sizes), max(sizes)
    if smallest != largest:
        for stage in per_letter[smallest]:
            growth = per_letter[largest][stage] / max(per_letter[smallest][stage], 1e-9)
            print(f"{stage:11s} time per letter x{growth:.2f} from {smallest} to {largest} copies (about 1.0 is linear)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
