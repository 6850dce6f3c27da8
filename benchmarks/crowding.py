"""Benchmark: the link stage's time per letter as the corpus's days get crowded (issue 9).

`benchmarks/corpus.py` dates its letters over twelve parliamentary years, so at 100,000 letters
about ten written-questions letters share a day, and threading an Aanhangsel looks at the letters
of its day that share an asker. This makes that crowding at small N by shrinking the corpus's
span of days, and adds one member's single day of many letters (a hostile or odd corpus):

    1,000 letters over 12 years   (the benchmark's own)
    3,000 letters over 12 years
    3,000 letters over 365 days   (as crowded as 36,000 over 12 years)
    3,000 letters over 131 days   (as crowded as 100,000 over 12 years)
      400 letters, one member, one day

Each corpus is read and parsed once (`generator.build.parse_and_link_sources`), then linked as the
build links it (`link_with_editorial`) `--runs` times; the table gives the least CPU time of a run
(`time.process_time`: the machine is shared) per letter, and the threads' and statuses' share.

    python benchmarks/crowding.py --runs 5
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus  # noqa: E402

import generator.link as link  # noqa: E402
from generator.build import link_with_editorial, parse_and_link_sources, read_editorial  # noqa: E402

CASES = (
    ("1,000 over 12 years", 1000, corpus.DAYS, False),
    ("3,000 over 12 years", 3000, corpus.DAYS, False),
    ("3,000 over 365 days", 3000, 365, False),
    ("3,000 over 131 days", 3000, 131, False),
    ("400, one member, one day", 400, 1, True),
)
"""Name, letters, the span of days they are dated over, and whether one member asks them all."""


def make_crowded(folder: Path, letters: int, days: int, one_member: bool) -> None:
    """`corpus.make_corpus` with its letters dated over `days` days, all asked by one member if `one_member`."""
    real_days, real_askers = corpus.DAYS, corpus._Writer._askers
    if one_member:
        corpus._Writer._askers = lambda writer: [writer.material.members[0]]
    corpus.DAYS = days
    try:
        corpus.make_corpus(folder, letters)
    finally:
        corpus.DAYS, corpus._Writer._askers = real_days, real_askers


def time_link(seeds: Path, runs: int) -> dict[str, float]:
    """Parse the corpus in `seeds`, then link it `runs` times: the least CPU seconds of each part."""
    editorial = read_editorial(ROOT / "begrippen.yml", ROOT / "annotations")
    parsed = parse_and_link_sources(seeds, glossary=editorial.terms)
    parts = {"link": 0.0, "threads": 0.0, "statuses": 0.0}
    real = {"threads": link.thread_corpus, "statuses": link.list_statuses}

    def timed(name):
        def run(*args, **kwargs):
            start = time.process_time()
            try:
                return real[name](*args, **kwargs)
            finally:
                parts[name] += time.process_time() - start
        return run

    best: dict[str, float] = {}
    link.thread_corpus, link.list_statuses = timed("threads"), timed("statuses")
    try:
        for _ in range(runs):
            parts.update(dict.fromkeys(parts, 0.0))
            gc.collect()
            start = time.process_time()
            link_with_editorial(parsed.records, parsed.diagnostics, editorial, parsed)
            parts["link"] = time.process_time() - start
            if not best or parts["link"] < best["link"]:
                best = dict(parts)
    finally:
        link.thread_corpus, link.list_statuses = real["threads"], real["statuses"]
    return {name: seconds / len(parsed.records) * 1000 for name, seconds in best.items()} | {"records": len(parsed.records)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="link each corpus this many times (default 5)")
    args = parser.parse_args()
    print("| corpus | records | link, ms a letter | of it threads | of it statuses |")
    print("|---|---:|---:|---:|---:|")
    for name, letters, days, one_member in CASES:
        with tempfile.TemporaryDirectory(prefix="kamerdossier-crowding-") as tmp:
            make_crowded(Path(tmp), letters, days, one_member)
            figures = time_link(Path(tmp), args.runs)
        print(f"| {name} | {figures['records']:,} | {figures['link']:.3f} | {figures['threads']:.3f} | {figures['statuses']:.3f} |",
              flush=True)


if __name__ == "__main__":
    main()
