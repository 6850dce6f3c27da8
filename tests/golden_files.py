"""Golden files: compare output with a committed file, or rewrite it (`make golden`).

`make golden` runs the golden tests with UPDATE_GOLDEN=1, which writes the files instead of
comparing; read `git diff tests/golden` before committing what changed.
"""

from __future__ import annotations

import os
from pathlib import Path

GOLDEN = Path(__file__).parent / "golden"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
GLOSSARY = SEEDS.parent / "begrippen.yml"
"""The site's glossary: the seed site's pages mark its terms."""
ANNOTATIONS = SEEDS.parent / "annotations"
"""The site's editorial notes, shown on the seed site's pages."""


def check_golden(actual: str, name: str) -> None:
    """Assert `actual` equals tests/golden/<name>; under UPDATE_GOLDEN=1, write it instead."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    assert path.exists(), f"no golden file {path}; run `make golden` and read the diff"
    expected = path.read_text(encoding="utf-8")
    assert actual == expected, f"{name} differs from its golden file; run `make golden` and read the diff"
