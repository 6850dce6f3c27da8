"""Golden test: every page rendered from the seed letters equals its committed Markdown file.

One test per page, collected from what the renderer produces; `make golden` rewrites them (read
`git diff tests/golden/pages` before committing).
"""

from __future__ import annotations

import os

import pytest

from generator.build import link_sources, site_url_of
from tests.conftest import CONFIG
from generator.render import render_site
from tests.golden_files import ANNOTATIONS, GLOSSARY, GOLDEN, SEEDS, check_golden

PAGES = render_site(link_sources(SEEDS, GLOSSARY, ANNOTATIONS), site_url_of(CONFIG))
FOLDER = GOLDEN / "pages"


@pytest.mark.parametrize("page", sorted(PAGES))
def test_page_matches_golden(page: str) -> None:
    check_golden(PAGES[page], f"pages/{page}")


def test_no_golden_page_is_left_without_its_page() -> None:
    stale = sorted(
        path.relative_to(FOLDER).as_posix() for path in FOLDER.rglob("*") if path.is_file()
    ) if FOLDER.exists() else []
    stale = [name for name in stale if name not in PAGES]
    if os.environ.get("UPDATE_GOLDEN") == "1":
        for name in stale:
            (FOLDER / name).unlink()
        return
    assert not stale, f"golden pages no page is rendered for: {stale}; run `make golden`"
