"""The search step of the build (generator/search.py): Pagefind indexes the built site (issue 9)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.errors import BuildFailed
from generator.search import BUNDLE, CHUNK_LOCATIONS, UI_FILES, index_site
from tests.pagefind_index import read_entries, read_fragments, read_parts

SMALL_PARTS = 150_000
"""Bytes of HTML a part may hold, small enough that the Eerste Kamer's letters of the seeds are two parts."""


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


def test_pagefinds_own_interfaces_are_left_out_of_the_site(built_site: Path, tmp_path: Path) -> None:
    """The search box is Material's, driven through pagefind.js (tests/browser): Pagefind's own
    interfaces and highlighting script are never loaded, in the first part or any other."""
    site = Path(shutil.copytree(built_site, tmp_path / "site"))
    (site / BUNDLE / "pagefind-ui.js").write_text("left by an older build", encoding="utf-8")
    index_site(site, part_bytes=SMALL_PARTS)
    names = {path.name for path in (site / BUNDLE).rglob("*") if path.is_file()}
    assert "pagefind.js" in names and "pagefind-entry.json" in names
    assert names & UI_FILES == set()
    assert {path.name for path in (built_site / BUNDLE).rglob("*")} & UI_FILES == set()


def test_a_site_without_pages_to_index_fails_the_build(tmp_path: Path) -> None:
    (tmp_path / "404.html").write_text('<html lang="nl"><body><article class="md-content__inner"><h1>Niet gevonden</h1></article></body></html>', encoding="utf-8")
    with pytest.raises(BuildFailed, match=r"(?s)^pagefind: indexing .* failed \(exit status \d+\): .*html"):
        index_site(tmp_path)  # 404.html is never indexed, and there is nothing else


def test_a_large_site_is_indexed_in_parts_that_together_hold_every_page_once(built_site: Path, tmp_path: Path) -> None:
    """Pagefind's memory grows with the HTML it indexes; a large site is indexed in parts, each its
    own index (generator/search.py), merged in the browser (tests/browser)."""
    site = Path(shutil.copytree(built_site, tmp_path / "site"))
    index_site(site, part_bytes=SMALL_PARTS)
    parts = read_parts(site)
    assert len(parts) > len(read_parts(built_site)) and len(set(parts)) == len(parts), parts
    counts = [entry["languages"]["nl"]["page_count"] for entry in read_entries(site)]
    urls = [fragment.url for fragment in read_fragments(site)]
    assert sorted(urls) == sorted(fragment.url for fragment in read_fragments(built_site))  # every page, once
    assert sum(counts) == len(urls) and all(counts), counts
    assert read_parts(built_site) == ["eerste-kamer-2025/", "tweede-kamer-2025/"]  # the pages about the site, then each chamber


def test_the_word_index_is_cut_in_small_chunks(built_site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A query fetches, for each word and part, the chunk holding the word: the build asks Pagefind
    for chunks of CHUNK_LOCATIONS word locations (PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE), many more and
    smaller ones than its default of 20,000 gives for the same pages (one chunk a part, for the seeds)."""
    site = Path(shutil.copytree(built_site, tmp_path / "site"))
    shutil.rmtree(site / BUNDLE)
    monkeypatch.setattr("generator.search.CHUNK_LOCATIONS", 20_000)
    index_site(site)
    default = sorted(path.stat().st_size for path in (site / BUNDLE).rglob("*.pf_index"))
    ours = sorted(path.stat().st_size for path in (built_site / BUNDLE).rglob("*.pf_index"))
    assert CHUNK_LOCATIONS <= 2_000 and len(ours) >= 3 * len(default), (len(ours), len(default))
    assert ours[len(ours) // 2] * 2 < default[len(default) // 2], (ours, default)
