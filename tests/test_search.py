"""The search step of the build (generator/search.py): Pagefind indexes the built site (issue 9)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.errors import BuildFailed
from generator.search import BUNDLE, index_site


def _index_files(site: Path) -> dict[str, bytes]:
    bundle = site / BUNDLE
    return {path.relative_to(bundle).as_posix(): path.read_bytes() for path in sorted(bundle.rglob("*")) if path.is_file()}


def test_the_same_pages_give_a_byte_identical_index(built_site: Path, tmp_path: Path) -> None:
    indexes = []
    for name in ("one", "two"):
        site = Path(shutil.copytree(built_site, tmp_path / name))
        shutil.rmtree(site / BUNDLE)
        index_site(site)
        indexes.append(_index_files(site))
    assert indexes[0] and indexes[0].keys() == indexes[1].keys()
    assert [name for name in indexes[0] if indexes[0][name] != indexes[1][name]] == []
    assert indexes[0] == _index_files(built_site)  # and the build's own index is the same


def test_a_site_without_pages_to_index_fails_the_build(tmp_path: Path) -> None:
    (tmp_path / "404.html").write_text('<html lang="nl"><body><article class="md-content__inner"><h1>Niet gevonden</h1></article></body></html>', encoding="utf-8")
    with pytest.raises(BuildFailed, match=r"(?s)^pagefind: indexing .* failed \(exit status \d+\): .*html"):
        index_site(tmp_path)  # 404.html is never indexed, and there is nothing else
