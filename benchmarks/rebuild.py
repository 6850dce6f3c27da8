"""Benchmark: a full build, then the rebuild after one letter changes, stage by stage (issue 9).

Copies a corpus of letters (a `seeds/` folder, such as one `benchmarks/corpus.py` makes) into a
temporary project, runs `kamerdossier build` (generator.build.build, with a parse cache and the
site build's state) from scratch, publishes every address it serves, then changes one word in one
answer letter and builds again; and once more with nothing changed. Prints the seconds of each
stage of each build, and what the rebuild converted. Never part of `make test`.

    python benchmarks/rebuild.py /tmp/b1k/seeds
    python benchmarks/rebuild.py --letter antwoord-000500.txt /tmp/b10k/seeds
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import generator.build as pipeline  # noqa: E402
from generator.permanence import format_manifest, site_addresses  # noqa: E402

CONVERTED: list[tuple[int, int]] = []
"""Per site build: the pages MkDocs converted, and all pages."""


def _build(project: Path, new_site: bool = False) -> dict[str, float]:
    """Run the build as `kamerdossier build` does; its stages' seconds (BuildResult.timings) and the total."""
    real = pipeline.build_site

    def counting(*args, **kwargs):
        built = real(*args, **kwargs)
        CONVERTED.append((len(built.converted), built.pages))
        return built

    pipeline.build_site = counting
    cpu_before = _cpu_seconds()
    try:
        with contextlib.redirect_stderr(io.StringIO()):
            start = time.perf_counter()
            result = pipeline.build(
                project / "seeds", project / "docs", project / "site", ROOT / "mkdocs.yml",
                manifest=project / "published.txt", redirects=project / "redirects.toml", new_site=new_site,
                glossary=ROOT / "begrippen.yml", annotations=ROOT / "annotations", cache=project / ".cache",
            )
            total = time.perf_counter() - start
    finally:
        pipeline.build_site = real
    if new_site:
        (project / "published.txt").write_text(format_manifest(result.addresses), encoding="utf-8")
    timings = dict(result.timings)
    cpu = _cpu_seconds() - cpu_before
    return {**timings, "other": total - sum(timings.values()), "total": total, "CPU (all processes)": cpu}


def _cpu_seconds() -> float:
    """User and system seconds of this process and of the children it waited for (the parsing
    workers, Pagefind): on a busy machine a fairer measure of the work than the wall clock."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _change_one_word(source: Path) -> str:
    """Change one word of a line in the second half of a letter (`het` -> `dat`); say which line."""
    lines = source.read_text(encoding="utf-8").split("\n")
    for number in range(len(lines) // 2, len(lines)):
        if " het " in lines[number] and len(lines[number]) > 60:
            lines[number] = lines[number].replace(" het ", " dat ", 1)
            source.write_text("\n".join(lines), encoding="utf-8")
            return f"{source.name}:{number + 1}"
    raise SystemExit(f"benchmark: no line with ' het ' in the second half of {source}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("seeds", type=Path, help="folder of letters to build")
    parser.add_argument("--letter", help="file name of the letter to change (default: the middle answer letter)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kd-rebuild-") as folder:
        project = Path(folder)
        shutil.copytree(args.seeds, project / "seeds")
        (project / "docs").mkdir()
        for name in ("over.md", "citeren.md", "stylesheets", "javascripts"):
            source = ROOT / "docs" / name
            (shutil.copytree if source.is_dir() else shutil.copy)(source, project / "docs" / name)
        letters = sorted(path.name for path in (project / "seeds").iterdir() if path.suffix == ".txt")
        answers = [name for name in letters if "antwoord" in name] or letters
        letter = args.letter or answers[len(answers) // 2]

        runs = {"full build": _build(project, new_site=True)}  # then every address it serves is published
        start = time.perf_counter()
        site_addresses(project / "site")
        reading = time.perf_counter() - start
        changed = _change_one_word(project / "seeds" / letter)
        runs["one letter changed"] = _build(project)
        runs["nothing changed"] = _build(project)

    print(f"{len(letters)} letters from {args.seeds}; changed {changed}; load {os.getloadavg()[0]:.1f} at the end\n")
    names = list(runs)
    print("| stage | " + " | ".join(names) + " |")
    print("|---|" + "---|" * len(names))
    for stage in runs["full build"]:
        print(f"| {stage} | " + " | ".join(f"{runs[name].get(stage, 0.0):.2f} s" for name in names) + " |")
    share = runs["one letter changed"]["total"] / runs["full build"]["total"]
    print("| pages MkDocs converted | " + " | ".join(f"{done:,} of {pages:,}" for done, pages in CONVERTED) + " |")
    print(f"\nrebuild after one letter changed: {share:.1%} of the full build")
    print(f"permanence check by reading every built page (before issue 9): {reading:.2f} s")


if __name__ == "__main__":
    main()
