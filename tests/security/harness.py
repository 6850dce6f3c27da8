"""A hostile-input harness: the seed letters plus injected or odd files, built as a user would.

Each hostile case is a small change to a copy of the real seeds (a phrase replaced in a letter,
a sidecar written, a file or symlink added), built in a temporary folder with the command line, so
the tests see what a user sees: the exit status, the messages on standard error, the pages and the
built site.
"""

from __future__ import annotations

import contextlib
import io
import shutil
from dataclasses import dataclass
from pathlib import Path

from tests.conftest import CONFIG, DOCS, SEEDS, _hand_written_pages

QUESTIONS = "000_04ae587ba6eeb66d"  # the Tweede Kamer's written questions (seeds/000_….txt)
VERSLAG = "001_dfb242f75dbdc9fb"  # the Eerste Kamer's verslag of a schriftelijk overleg


def seed_text(name: str) -> str:
    """The text of seed `name` (without suffix), as in `seeds/`."""
    return (SEEDS / f"{name}.txt").read_text(encoding="utf-8")


def injected(name: str, old: str, new: str) -> str:
    """Seed `name` with its first `old` replaced by `new`; fails when `old` is not in the seed."""
    text = seed_text(name)
    assert old in text, f"{old!r} is not in seeds/{name}.txt"
    return text.replace(old, new, 1)


def make_seeds(root: Path, files: dict[str, str | bytes] | None = None, keep_seeds: bool = True) -> Path:
    """A seeds folder under `root`: the real seeds (unless `keep_seeds` is false) plus `files`.

    A value in `files` replaces or adds the file of that name (text is written as UTF-8).
    """
    seeds = root / "seeds"
    seeds.mkdir(parents=True)
    if keep_seeds:
        for source in SEEDS.iterdir():
            if source.is_file():
                shutil.copy(source, seeds / source.name)
    for name, content in (files or {}).items():
        target = seeds / name
        if isinstance(content, str):
            target.write_text(content, encoding="utf-8")
        else:
            target.write_bytes(content)
    return seeds


def make_docs(root: Path) -> Path:
    """A docs folder under `root` holding the repository's hand-written pages only."""
    docs = root / "docs"
    docs.mkdir(parents=True)
    for relative in _hand_written_pages(DOCS):
        (docs / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(DOCS / relative, docs / relative)
    return docs


@dataclass(frozen=True)
class Built:
    """What one build of a hostile case gave: its exit status, standard error and folders."""

    status: int
    stderr: str
    docs: Path
    site: Path | None

    def pages(self) -> list[Path]:
        """The generated Markdown pages, sorted."""
        return sorted(self.docs.rglob("*.md"))

    def html(self) -> list[Path]:
        """The built HTML pages, sorted (none without a site)."""
        return sorted(self.site.rglob("*.html")) if self.site and self.site.exists() else []


def build(
    root: Path, seeds: Path, strict: bool = False, site: bool = True, docs: Path | None = None, glossary: Path | None = None
) -> Built:
    """Build `seeds` with the command line into `root` (docs/, site/); never raises for a bad case.

    The glossary is the repository's `begrippen.yml` unless `glossary` is given."""
    from generator.cli import main

    docs = docs or (root / "docs" if (root / "docs").exists() else make_docs(root))
    args = ["build", "--seeds", str(seeds), "--docs", str(docs), "--config", str(CONFIG),
            "--manifest", str(root / "published.txt"), "--redirects", str(root / "redirects.toml"),
            # The repository's editorial notes name the seeds' pages; a hostile case may move them.
            "--annotations", str(root / "annotations")]
    if site:
        args += ["--site", str(root / "site")]
    else:
        args.append("--no-site")
    if strict:
        args.append("--strict")
    if glossary is not None:
        args += ["--glossary", str(glossary)]
    (root / "published.txt").touch()
    stderr = io.StringIO()
    with contextlib.redirect_stderr(stderr):
        status = main(args)
    return Built(status, stderr.getvalue(), docs, root / "site" if site else None)
