"""The Markdown of a site converted on every core (generator/mkdocs_parallel.py) builds the very site
MkDocs builds alone, keeps strict mode's link and anchor checks, and converts in a dirty build only
the pages MkDocs reads again."""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

import generator.mkdocs_parallel as parallel
from generator.site import build_site

REPO = Path(__file__).resolve().parent.parent
CONFIG = REPO / "mkdocs.yml"

pytestmark = pytest.mark.skipif(
    len(os.sched_getaffinity(0)) < 2, reason="one core: MkDocs converts every page itself"
)


def _build(docs: Path, site: Path, *, strict: bool = False, dirty: bool = False) -> None:
    config = load_config(str(CONFIG), docs_dir=str(docs), site_dir=str(site), strict=strict)
    config.plugins.on_startup(command="build", dirty=dirty)
    try:
        mkdocs_build(config, dirty=dirty)
    finally:
        config.plugins.on_shutdown()


def _files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in sorted(site.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def seed_docs(built_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The pages generated from the seeds (with the hand-written ones), copied away from the build."""
    docs = tmp_path_factory.mktemp("parallel") / "docs"
    shutil.copytree(built_site.parent / "docs", docs)
    return docs


def _converted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record the pages handed to the workers."""
    handed: list[str] = []

    class Recording(parallel.ProcessPoolExecutor):
        def map(self, function, *chunks, **options):  # noqa: ANN001,ANN002,ANN003,ANN202
            handed.extend(uri for chunk in chunks[0] for uri in chunk)
            return super().map(function, *chunks, **options)

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", Recording)
    return handed


def test_the_site_built_on_every_core_is_the_site_mkdocs_builds_alone(
    seed_docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    handed = _converted(monkeypatch)
    _build(seed_docs, tmp_path / "parallel")
    pages = sorted(path.relative_to(seed_docs).as_posix() for path in seed_docs.rglob("*.md"))
    assert sorted(handed) == pages and len(pages) >= parallel.MIN_PAGES  # every page went to a worker
    monkeypatch.setattr(parallel, "MIN_PAGES", len(pages) + 1)  # now MkDocs converts every page itself
    _build(seed_docs, tmp_path / "alone")
    assert _files(tmp_path / "parallel") == _files(tmp_path / "alone")


def test_a_broken_link_or_anchor_in_a_page_a_worker_converted_fails_the_strict_build(
    seed_docs: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = tmp_path / "docs"
    shutil.copytree(seed_docs, docs)
    # Synthetic: the generated pages link only to what exists; a hand-made page shows the failure.
    (docs / "kapot.md").write_text("# Kapot\n\n[weg](nergens.md) en [geen anker](over.md#bestaat-niet)\n", encoding="utf-8")
    handed = _converted(monkeypatch)
    with caplog.at_level(logging.WARNING, logger="mkdocs"), pytest.raises(Abort, match="in strict mode"):
        _build(docs, tmp_path / "site", strict=True)
    assert "kapot.md" in handed
    said = [record.getMessage() for record in caplog.records if record.name.startswith("mkdocs")]
    assert any("'kapot.md' contains a link 'nergens.md'" in message for message in said)
    assert any("'over.md' does not contain an anchor '#bestaat-niet'" in message for message in said)


def test_a_dirty_build_converts_only_the_pages_changed_since_the_last_build(
    seed_docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs, site = tmp_path / "docs", tmp_path / "site"
    shutil.copytree(seed_docs, docs)
    _build(docs, site)
    pages = sorted(docs.rglob("*.md"))
    later = max(path.stat().st_mtime for path in site.rglob("*.html")) + 10
    changed = pages[: parallel.MIN_PAGES]
    for path in changed:
        os.utime(path, (later, later))
    handed = _converted(monkeypatch)
    _build(docs, site, dirty=True)
    assert sorted(handed) == sorted(path.relative_to(docs).as_posix() for path in changed)


def test_when_a_worker_dies_mkdocs_converts_the_pages_left_and_builds_the_same_site(
    seed_docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _build(seed_docs, tmp_path / "whole")
    convert = parallel._convert

    def dying(src_uri: str) -> parallel.Rendered:  # in a worker (forked after this patch)
        if src_uri == "over.md":
            os._exit(1)  # as if killed for its memory
        return convert(src_uri)

    monkeypatch.setattr(parallel, "_convert", dying)
    _build(seed_docs, tmp_path / "after-a-death")
    assert _files(tmp_path / "after-a-death") == _files(tmp_path / "whole")


def _nav_pages(items: object) -> set[str]:
    """The pages the configuration's `nav` names (`Home: index.md`, sections holding more)."""
    if isinstance(items, str):
        return {items} if items.endswith(".md") else set()
    if isinstance(items, dict):
        return set().union(*map(_nav_pages, items.values()))
    return set().union(*map(_nav_pages, items)) if isinstance(items, list) else set()


def test_the_site_build_hands_the_workers_only_the_pages_whose_markdown_changed(
    seed_docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """generator/site.py knows a page changed by its content, not its time: the pool builds those,
    not the whole site again. A page in the navigation is converted in the build's own process
    first (every page shows its title), and only a changed one is built anew."""
    docs, site, state = tmp_path / "docs", tmp_path / "site", tmp_path / "state.json"
    shutil.copytree(seed_docs, docs)
    build_site(CONFIG, docs, site, strict=False, state=state)
    in_nav = _nav_pages(load_config(str(CONFIG)).nav)
    pages = sorted(path.relative_to(docs).as_posix() for path in docs.rglob("*.md"))
    monkeypatch.setattr(parallel, "MIN_PAGES", 16)  # the seeds have fewer pages than the pool's minimum
    changed = [page for page in pages if page not in in_nav][:16] + ["over.md"]
    for page in changed:
        path = docs / page
        path.write_text(path.read_text(encoding="utf-8") + "\nGewijzigd.\n", encoding="utf-8")
    for page in set(pages) - set(changed):  # touched, not changed: not converted again
        os.utime(docs / page)
    handed = _converted(monkeypatch)
    rebuilt = build_site(CONFIG, docs, site, strict=False, state=state)
    assert "over.md" in in_nav and len(in_nav) > 1
    assert sorted(rebuilt.converted) == sorted(changed)
    assert sorted(handed) == sorted(set(changed) - in_nav)


def test_when_a_worker_of_the_site_build_dies_the_pages_left_are_built_and_the_site_is_the_same(
    seed_docs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import generator.site as site_build

    monkeypatch.setattr(parallel, "MIN_PAGES", 16)  # the seeds have fewer pages than the pool's minimum
    whole = build_site(CONFIG, seed_docs, tmp_path / "whole", strict=False)
    make_page, parent = site_build.make_page, os.getpid()

    def dying(file, *arguments):  # noqa: ANN001,ANN002,ANN202 (in a worker, forked after this patch)
        if file.src_uri == "eerste-kamer/2026-02-12/antwoordbrief.md" and os.getpid() != parent:
            os._exit(1)  # as if killed for its memory
        return make_page(file, *arguments)

    monkeypatch.setattr(site_build, "make_page", dying)  # as the page job looks it up
    handed = _converted(monkeypatch)
    after = build_site(CONFIG, seed_docs, tmp_path / "after-a-death", strict=False)
    assert "eerste-kamer/2026-02-12/antwoordbrief.md" in handed
    assert _files(tmp_path / "after-a-death") == _files(tmp_path / "whole")
    assert after.addresses == whole.addresses
