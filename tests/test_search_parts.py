"""The search index in parts, and a rebuild that indexes only the changed pages' blocks (issue 9).

generator/search.py puts each letter page in a part by its chamber and year (generator/search.py's
docstring says why), remembers in a state file what each part holds, and indexes the pages changed
since into the part of changes, hiding their old fragments."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.search import BUNDLE, OVERLAY, PARTS, index_site
from generator.search_parts import BLOCK_BYTES, Part, changed_blocks, split_into_parts
from generator.site import build_site
from tests.pagefind_index import read_fragments, read_hidden, read_parts
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


# --- Blocks: the pages indexed again around a changed one (synthetic sizes) -------------------------


def test_a_changed_page_is_indexed_again_with_the_block_around_it() -> None:
    """Blocks are runs of pages, in address order, of BLOCK_BYTES of HTML: a changed page brings its
    own block into the part of changes, never a whole part."""
    sizes = _letters("tweede-kamer", [f"2020-01-{day:02}" for day in range(1, 21)], size=BLOCK_BYTES // 4)
    (part,) = split_into_parts(sizes, part_bytes=100 * BLOCK_BYTES)
    pages = list(part.pages)
    assert changed_blocks(part, sizes, []) == []
    assert changed_blocks(part, sizes, [pages[5]]) == pages[4:8]  # the second block of four pages
    assert changed_blocks(part, sizes, [pages[0], pages[19]]) == pages[0:4] + pages[16:20]


# --- A rebuild indexes the changes only; a search finds what a full index finds ------------------


def _index_files(site: Path) -> dict[str, bytes]:
    bundle = site / BUNDLE
    return {path.relative_to(bundle).as_posix(): path.read_bytes() for path in sorted(bundle.rglob("*")) if path.is_file()}


def _mtimes(site: Path) -> dict[str, int]:
    bundle = site / BUNDLE
    return {path.relative_to(bundle).as_posix(): path.stat().st_mtime_ns for path in bundle.rglob("*") if path.is_file()}


def _fresh(site: Path, tmp_path: Path) -> Path:
    """A copy of `site` indexed as a build without state indexes it (every part, from an empty bundle)."""
    fresh = Path(shutil.copytree(site, tmp_path / "fresh"))
    shutil.rmtree(fresh / BUNDLE)
    index_site(fresh)
    return fresh


def _searched(site: Path) -> list[tuple[str, str, tuple]]:
    """What a search of `site` can show: each page's address, indexed text and anchors, once."""
    return [(fragment.url, fragment.content, fragment.anchors) for fragment in read_fragments(site, searched=True)]


@pytest.fixture
def indexed(built_site: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the seeds' site, indexed with a state file: (site, state)."""
    site = Path(shutil.copytree(built_site, tmp_path / "site"))
    state = tmp_path / "cache" / "search" / "site.json"
    assert index_site(site, state=state) == ("", "eerste-kamer-2025", "tweede-kamer-2025")  # no state yet: every part
    assert read_parts(site) == ["eerste-kamer-2025/", "tweede-kamer-2025/"] and read_hidden(site) == []
    return site, state


CHANGED = ("eerste-kamer", "2025-12-02", "commissiebrief", "index.html")
"""seeds/002, the Eerste Kamer's letter of 2 December 2025."""


def _add_word(site: Path, word: str, where: tuple[str, ...] = CHANGED) -> None:
    page = site.joinpath(*where)
    html = page.read_text(encoding="utf-8")
    assert html.count("</article>") == 1
    page.write_text(html.replace("</article>", f"<p>{word}</p></article>"), encoding="utf-8")


def test_nothing_changed_nothing_is_indexed_or_written(indexed: tuple[Path, Path]) -> None:
    site, state = indexed
    before = _mtimes(site)
    assert index_site(site, state=state) == ()
    assert _mtimes(site) == before


def test_a_changed_letter_is_indexed_again_in_the_part_of_changes_and_found_as_in_a_full_index(
    indexed: tuple[Path, Path], tmp_path: Path
) -> None:
    """The letter gets a word more: only its block is indexed again (here the Eerste Kamer's few
    pages), into the part of changes; its old fragment is hidden; a search finds what it finds in a
    full index, and the part it was in keeps its files and their times."""
    site, state = indexed
    old = {fragment.url: fragment for fragment in read_fragments(site)}["/eerste-kamer/2025-12-02/commissiebrief/"]
    _add_word(site, "xyzzyverbeterd")
    before = _mtimes(site)
    assert index_site(site, state=state) == (OVERLAY,)
    after = _mtimes(site)
    rewritten = {name for name in after if before.get(name) != after[name]}
    assert rewritten and all(name.startswith(f"{OVERLAY}/") for name in rewritten - {PARTS}), rewritten
    assert read_parts(site) == ["eerste-kamer-2025/", "tweede-kamer-2025/", f"{OVERLAY}/"]
    stale = [path.stem for path in (site / BUNDLE / "eerste-kamer-2025" / "fragment").glob("*.pf_fragment") if "xyzzyverbeterd" not in path.read_bytes().decode("latin-1")]
    assert read_hidden(site) and set(read_hidden(site)) <= set(stale)
    assert [fragment.url for fragment in read_fragments(site, searched=True) if "xyzzyverbeterd" in fragment.content] == [old.url]
    assert _searched(site) == _searched(_fresh(site, tmp_path))
    assert index_site(site, state=state) == ()  # and a build after it has nothing to do
    _add_word(site, "xyzzynogmaals")
    assert index_site(site, state=state) == (OVERLAY,)  # the changes since the part was indexed, again
    assert _searched(site) == _searched(_fresh(site, tmp_path / "2"))


def test_many_changes_index_the_part_again_and_leave_the_part_of_changes(
    indexed: tuple[Path, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site, state = indexed
    _add_word(site, "xyzzyverbeterd")
    assert index_site(site, state=state) == (OVERLAY,)
    monkeypatch.setattr("generator.search.OVERLAY_SHARE", 0.0)  # any change is too many
    _add_word(site, "xyzzynogmaals")
    assert index_site(site, state=state) == ("eerste-kamer-2025",)
    assert read_parts(site) == ["eerste-kamer-2025/", "tweede-kamer-2025/"] and read_hidden(site) == []
    assert not (site / BUNDLE / OVERLAY).exists()
    assert _index_files(site) == _index_files(_fresh(site, tmp_path))  # the files of a full index


def test_an_old_fragment_named_as_a_fragment_shown_indexes_its_part_again(indexed: tuple[Path, Path], tmp_path: Path) -> None:
    """Pagefind names a fragment by 7 hex digits of its hash, unique within one run: an old fragment
    of one part may bear the name of a fragment shown of another (at 13,000 pages, a few rebuilds
    in a thousand). Hiding it would hide both: the part is indexed again instead. Synthetic: the
    state says a page of the Tweede Kamer's part has the changed letter's fragment name."""
    site, state = indexed
    data = json.loads(state.read_text(encoding="utf-8"))
    changed = "/".join(CHANGED)
    other = next(iter(data["parts"]["tweede-kamer-2025"]["ids"]))
    data["parts"]["tweede-kamer-2025"]["ids"][other] = data["parts"]["eerste-kamer-2025"]["ids"][changed]
    state.write_text(json.dumps(data), encoding="utf-8")
    _add_word(site, "xyzzyverbeterd")
    assert index_site(site, state=state) == (OVERLAY, "eerste-kamer-2025")
    assert read_parts(site) == ["eerste-kamer-2025/", "tweede-kamer-2025/"] and read_hidden(site) == []
    assert _searched(site) == _searched(_fresh(site, tmp_path))


def test_pages_moved_to_another_part_are_found_once(indexed: tuple[Path, Path], tmp_path: Path) -> None:
    """Parts smaller than before (as when a year moves on to the next part): the Eerste Kamer's
    letters fill two parts; the pages that moved out of the first are indexed in the second, and
    a search shows each page once, as a full index in the same parts does."""
    site, state = indexed
    index_site(site, part_bytes=150 * KB, state=state)
    assert len(read_parts(site)) > 2, read_parts(site)
    fresh = Path(shutil.copytree(site, tmp_path / "fresh"))
    shutil.rmtree(fresh / BUNDLE)
    index_site(fresh, part_bytes=150 * KB)
    assert _searched(site) == _searched(fresh)


def test_a_removed_letter_leaves_no_file_of_it_and_gives_the_full_index(indexed: tuple[Path, Path], tmp_path: Path) -> None:
    site, state = indexed
    shutil.rmtree(site / "tweede-kamer")
    assert index_site(site, state=state) == ()  # its part is gone; nothing else changed
    assert read_parts(site) == ["eerste-kamer-2025/"]
    assert not (site / BUNDLE / "tweede-kamer-2025").exists()
    assert _index_files(site) == _index_files(_fresh(site, tmp_path))


def test_a_part_whose_index_was_damaged_is_indexed_again(indexed: tuple[Path, Path], tmp_path: Path) -> None:
    site, state = indexed
    fragment = next((site / BUNDLE / "tweede-kamer-2025" / "fragment").glob("*.pf_fragment"))
    fragment.unlink()
    stray = site / BUNDLE / "deel-2" / "pagefind-entry.json"  # left by an older build
    stray.parent.mkdir()
    stray.write_text("{}", encoding="utf-8")
    assert index_site(site, state=state) == ("tweede-kamer-2025",)
    assert fragment.is_file() and not stray.parent.exists()
    assert _index_files(site) == _index_files(_fresh(site, tmp_path))


def test_a_state_that_cannot_be_read_indexes_every_part(indexed: tuple[Path, Path]) -> None:
    site, state = indexed
    state.write_text("{not json", encoding="utf-8")
    assert index_site(site, state=state) == ("", "eerste-kamer-2025", "tweede-kamer-2025")
    assert index_site(site, state=state) == ()


def test_an_edited_letter_rebuilt_indexes_its_block_only(project: Path) -> None:
    """The editor's change of tests/test_site.py (a word in an answer of seeds/001, the Eerste Kamer's
    answer letter of 12 February 2026), through the generator and the site build, as `kamerdossier
    build` runs them with its cache: only the part of changes is indexed, and a search finds the
    new words on that page only and what a full build's index finds."""
    site, state = project / "site", project / "cache" / "search.json"
    build_site(CONFIG, project / "docs", site, strict=False, state=project / "cache" / "site.json")
    assert index_site(site, state=state) == ("", "eerste-kamer-2025", "tweede-kamer-2025")
    source = project / "seeds" / ANSWER_SOURCE
    source.write_text(source.read_text(encoding="utf-8").replace(*EDIT), encoding="utf-8")
    _generate(project)
    build_site(CONFIG, project / "docs", site, strict=False, state=project / "cache" / "site.json")
    assert index_site(site, state=state) == (OVERLAY,)
    found = [fragment for fragment in read_fragments(site, searched=True) if "beproeven" in fragment.content or "testen van alternatieve" in fragment.content]
    assert [(fragment.url, "onderzoeken en testen van alternatieve" in fragment.content) for fragment in found] == [(f"/{ANSWER_LETTER.removesuffix('.md')}/", True)]
    build_site(CONFIG, project / "docs", project / "fresh", strict=False)
    index_site(project / "fresh")
    assert _searched(site) == _searched(project / "fresh")
