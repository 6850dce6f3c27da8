"""Shared fixtures: the site built once from the repository's seeds, and pages read as HTML."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
DOCS = REPO / "docs"
CONFIG = REPO / "mkdocs.yml"


def _hand_written_pages(docs: Path) -> list[Path]:
    """List the files in `docs` that people wrote, leaving out the pages a build generated there.

    Generated pages are git-ignored, so git tells them apart: tracked files plus new files that are
    not ignored. Without git (an exported tarball) every file in `docs` counts as hand-written.
    """
    try:
        listed = subprocess.run(
            ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z", "--", "."],
            cwd=docs, capture_output=True, check=True,
        ).stdout.decode("utf-8")
    except (OSError, subprocess.CalledProcessError):
        return sorted(p.relative_to(docs) for p in docs.rglob("*") if p.is_file())
    return sorted(Path(name) for name in listed.split("\0") if name and (docs / name).is_file())


def load_html(path: Path) -> BeautifulSoup:
    """Read one built HTML file as BeautifulSoup."""
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Build the site once from `seeds/` into a temporary folder and yield the site folder.

    The hand-written pages of `docs/` are copied into a fresh docs folder first, so the build
    never writes into the work tree and stale generated pages there cannot leak in.
    """
    from generator.build import build

    root = tmp_path_factory.mktemp("built")
    docs, site = root / "docs", root / "site"
    docs.mkdir()
    if DOCS.is_dir():
        for relative in _hand_written_pages(DOCS):
            (docs / relative).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(DOCS / relative, docs / relative)
    build(SEEDS, docs, site, config=CONFIG, strict=False, glossary=REPO / "begrippen.yml", annotations=REPO / "annotations")
    yield site


@pytest.fixture(scope="session")
def html_pages(built_site: Path) -> list[Path]:
    """Every HTML page of the built site, sorted."""
    pages = sorted(built_site.rglob("*.html"))
    assert pages, f"the build produced no HTML pages in {built_site}"
    return pages


@pytest.fixture(scope="session")
def parsed_pages(built_site: Path, html_pages: list[Path]) -> dict[str, BeautifulSoup]:
    """Every HTML page of the built site as BeautifulSoup, keyed by its path in the site."""
    return {page.relative_to(built_site).as_posix(): load_html(page) for page in html_pages}


@pytest.fixture(scope="session")
def load_page(built_site: Path) -> Callable[[str], BeautifulSoup]:
    """Return a function that reads a built page (`"index.html"`, `"tijdlijn/"`) as BeautifulSoup."""

    def load(relative: str) -> BeautifulSoup:
        path = built_site / relative
        if relative.endswith("/") or path.is_dir():
            path = path / "index.html"
        return load_html(path)

    return load
