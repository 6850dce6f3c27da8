"""The search index in parts, and a rebuild that indexes only the parts whose pages changed (issue 9).

generator/search.py puts each letter page in a part by its chamber and year (generator/search.py's
docstring says why), and remembers in a state file what each part held."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.search import BUNDLE, Part, index_site, split_into_parts
from generator.site import build_site
from tests.pagefind_index import read_fragments, read_parts
from tests.test_site import ANSWER_LETTER, ANSWER_SOURCE, CONFIG, EDIT, _generate, project  # noqa: F401 (a fixture)

KB = 1000


def _folders(parts: list[Part]) -> dict[str, tuple[str, ...]]:
    return {part.folder: part.pages for part in parts}


# --- Which part a page is in (synthetic sizes: the split depends only on addresses and sizes) ---


def _letters(chamber: str, dates: list[str], size: int = 10 * KB) -> dict[str, int]:
    return {f"{chamber}/{date}/brief-{number}/index.html": size for number, date in enumerate(dates)}


SITE_PAGES = {"over/index.html": KB, "citeren/index.html": KB, "begrippen/index.html": 2 * KB}


def test_the_pages_about_the_site_are_the_first_part_and_each_chamber_fills_parts_with_whole_years() -> None:
    sizes = {
        **SITE_PAGES,
        **_letters("tweede-kamer", ["2019-01-05", "2019-11-30", "2020-03-01", "2020-04-01", "2021-06-01"]),
        **_letters("eerste-kamer", ["2019-02-02", "2024-12-31"]),
    }
    parts = _folders(split_into_parts(sizes, part_bytes=30 * KB))
    assert list(parts) == ["", "eerste-kamer-2019", "tweede-kamer-2019", "tweede-kamer-2020"]
    assert parts[""] == ("begrippen/index.html", "citeren/index.html", "over/index.html")
    assert [page.split("/")[1] for page in parts["eerste-kamer-2019"]] == ["2019-02-02", "2024-12-31"]  # two years fit in one
    assert [page.split("/")[1] for page in parts["tweede-kamer-2019"]] == ["2019-01-05", "2019-11-30"]  # a third letter would not
    assert [page.split("/")[1] for page in parts["tweede-kamer-2020"]] == ["2020-03-01", "2020-04-01", "2021-06-01"]


def test_a_new_letter_changes_only_its_chambers_last_part() -> None:
    """Letters arrive in date order: a new one falls in the latest year of its chamber."""
    before = {**SITE_PAGES, **_letters("tweede-kamer", [f"{year}-05-01" for year in range(2014, 2026)])}
    after = {**before, "tweede-kamer/2025-10-07/nieuw/index.html": 10 * KB}
    old, new = _folders(split_into_parts(before, 50 * KB)), _folders(split_into_parts(after, 50 * KB))
    changed = {folder for folder in old.keys() | new.keys() if old.get(folder) != new.get(folder)}
    assert changed == {"tweede-kamer-2024"}, changed


def test_a_year_too_large_for_a_part_is_split_by_month_then_day_then_page() -> None:
    sizes = {
        **_letters("tweede-kamer", ["2020-01-01", "2020-01-02", "2020-02-01", "2020-03-01", "2021-01-01"], size=40 * KB),
        "tweede-kamer/2020-01-01/derde/index.html": 40 * KB,  # a day too large for a part: split by page
        "tweede-kamer/2020-01-01/tweede/index.html": 40 * KB,
    }
    parts = split_into_parts(sizes, part_bytes=100 * KB)
    assert [(part.folder, [page.removesuffix("/index.html") for page in part.pages]) for part in parts] == [
        ("", ["tweede-kamer/2020-01-01/brief-0", "tweede-kamer/2020-01-01/derde"]),  # the first part is the bundle itself
        ("tweede-kamer-2020-01-01-tweede", ["tweede-kamer/2020-01-01/tweede", "tweede-kamer/2020-01-02/brief-1"]),
        ("tweede-kamer-2020-02", ["tweede-kamer/2020-02-01/brief-2", "tweede-kamer/2020-03-01/brief-3"]),
        ("tweede-kamer-2021", ["tweede-kamer/2021-01-01/brief-4"]),
    ]


# --- A rebuild indexes the changed parts only, and writes what a full index writes ---------------


def _index_files(site: Path) -> dict[str, bytes]:
    bundle = site / BUNDLE
    return {path.relative_to(bundle).as_posix(): path.read_bytes() for path in sorted(bundle.rglob("*")) if path.is_file()}


def _mtimes(site: Path) -> dict[str, int]:
    bundle = site / BUNDLE
    return {path.relative_to(bundle).as_posix(): path.stat().st_mtime_ns for path in bundle.rglob("*") if path.is_file()}


def _full_index(site: Path, tmp_path: Path) -> dict[str, bytes]:
    """The index a build without state (every part indexed, from an empty bundle) writes for `site`'s pages."""
    fresh = Path(shutil.copytree(site, tmp_path / "fresh"))
    shutil.rmtree(fresh / BUNDLE)
    index_site(fresh)
    return _index_files(fresh)


@pytest.fixture
def indexed(built_site: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the seeds' site, indexed with a state file: (site, state)."""
    site = Path(shutil.copytree(built_site, tmp_path / "site"))
    state = tmp_path / "cache" / "search" / "site.json"
    assert index_site(site, state=state) == ("", "eerste-kamer-2025", "tweede-kamer-2025")  # no state yet: every part
    assert read_parts(site) == ["eerste-kamer-2025/", "tweede-kamer-2025/"]
    return site, state


def test_nothing_changed_nothing_is_indexed_or_written(indexed: tuple[Path, Path]) -> None:
    site, state = indexed
    before = _mtimes(site)
    assert index_site(site, state=state) == ()
    assert _mtimes(site) == before


def test_one_changed_letter_indexes_its_part_only_and_gives_the_full_index(indexed: tuple[Path, Path], tmp_path: Path) -> None:
    """seeds/002 (the Eerste Kamer's letter of 2 December 2025) gets a word more in its content."""
    site, state = indexed
    page = site / "eerste-kamer" / "2025-12-02" / "commissiebrief" / "index.html"
    html = page.read_text(encoding="utf-8")
    assert html.count("</article>") == 1
    page.write_text(html.replace("</article>", "<p>xyzzyverbeterd</p></article>"), encoding="utf-8")
    before = _mtimes(site)
    assert index_site(site, state=state) == ("eerste-kamer-2025",)
    after = _mtimes(site)
    rewritten = {name for name in after if before.get(name) != after[name]}
    assert rewritten and all(name.startswith("eerste-kamer-2025/") for name in rewritten), rewritten
    assert not any(name.endswith("pagefind.js") or "wasm" in name for name in rewritten)  # the same bytes keep their time
    assert _index_files(site) == _full_index(site, tmp_path)
    assert [fragment.url for fragment in read_fragments(site) if "xyzzyverbeterd" in fragment.content] == ["/eerste-kamer/2025-12-02/commissiebrief/"]


def test_a_removed_letter_leaves_no_file_of_it_and_gives_the_full_index(indexed: tuple[Path, Path], tmp_path: Path) -> None:
    site, state = indexed
    shutil.rmtree(site / "tweede-kamer")
    assert index_site(site, state=state) == ()  # its part is gone; nothing else changed
    assert read_parts(site) == ["eerste-kamer-2025/"]
    assert not (site / BUNDLE / "tweede-kamer-2025").exists()
    assert _index_files(site) == _full_index(site, tmp_path)


def test_a_part_whose_index_was_damaged_is_indexed_again(indexed: tuple[Path, Path], tmp_path: Path) -> None:
    site, state = indexed
    fragment = next((site / BUNDLE / "tweede-kamer-2025" / "fragment").glob("*.pf_fragment"))
    fragment.unlink()
    stray = site / BUNDLE / "deel-2" / "pagefind-entry.json"  # left by an older build
    stray.parent.mkdir()
    stray.write_text("{}", encoding="utf-8")
    assert index_site(site, state=state) == ("tweede-kamer-2025",)
    assert fragment.is_file() and not stray.parent.exists()
    assert _index_files(site) == _full_index(site, tmp_path)


def test_a_state_that_cannot_be_read_indexes_every_part(indexed: tuple[Path, Path]) -> None:
    site, state = indexed
    state.write_text("{not json", encoding="utf-8")
    assert index_site(site, state=state) == ("", "eerste-kamer-2025", "tweede-kamer-2025")
    assert index_site(site, state=state) == ()


def test_an_edited_letter_rebuilt_indexes_its_part_only(project: Path) -> None:
    """The editor's change of tests/test_site.py (a word in an answer of seeds/001, the Eerste Kamer's
    answer letter of 12 February 2026), through the generator and the site build, as `kamerdossier
    build` runs them with its cache: only the Eerste Kamer's part is indexed again, and the index
    is the one a full build writes."""
    site, state = project / "site", project / "cache" / "search.json"
    build_site(CONFIG, project / "docs", site, strict=False, state=project / "cache" / "site.json")
    assert index_site(site, state=state) == ("", "eerste-kamer-2025", "tweede-kamer-2025")
    source = project / "seeds" / ANSWER_SOURCE
    source.write_text(source.read_text(encoding="utf-8").replace(*EDIT), encoding="utf-8")
    _generate(project)
    build_site(CONFIG, project / "docs", site, strict=False, state=project / "cache" / "site.json")
    assert index_site(site, state=state) == ("eerste-kamer-2025",)
    found = [fragment for fragment in read_fragments(site) if "beproeven" in fragment.content or "testen van alternatieve" in fragment.content]
    assert [(fragment.url, "onderzoeken en testen van alternatieve" in fragment.content) for fragment in found] == [(f"/{ANSWER_LETTER.removesuffix('.md')}/", True)]
    build_site(CONFIG, project / "docs", project / "fresh", strict=False)
    index_site(project / "fresh")
    assert _index_files(site) == _index_files(project / "fresh")
