"""The site build converts only the pages that changed, and gives the site a full build gives (issue 9).

Each test builds the seeds' pages, changes something as an editor would (a word in a real letter,
a letter removed, the configuration, a hand-written page), rebuilds with the state of the first
build, and compares the site with one built from scratch out of the same pages, file by file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.build import generate
from generator.errors import BuildFailed
from generator.site import build_site
from tests.conftest import _hand_written_pages

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"
CONFIG = REPO / "mkdocs.yml"
GLOSSARY = REPO / "begrippen.yml"
ANNOTATIONS = REPO / "annotations"
SITE_URL = "https://kamerdossier.example/"

ANSWER_LETTER = "eerste-kamer/2026-02-12/antwoordbrief.md"
ANSWER_SOURCE = "001_dfb242f75dbdc9fb.txt"
"""The committee's letter and the answer letter of 12 February 2026; an answer says (line 686) that
'het onderzoeken en beproeven van alternatieve soevereine oplossingen kost tijd'."""
EDIT = ("onderzoeken en beproeven van alternatieve", "onderzoeken en testen van alternatieve")
QUESTIONS_SOURCE = "000_04ae587ba6eeb66d"
"""The written questions of 7 October 2025 (seeds/000_04ae587ba6eeb66d.txt, with its sidecar)."""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the seeds and the hand-written docs, with the pages generated from them."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    for relative in _hand_written_pages(REPO / "docs"):
        (tmp_path / "docs" / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / "docs" / relative, tmp_path / "docs" / relative)
    _generate(tmp_path)
    return tmp_path


def _generate(project: Path) -> None:
    generate(project / "seeds", project / "docs", SITE_URL, GLOSSARY, ANNOTATIONS)


def _files(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file under `folder` (hidden ones too) with its bytes and modification time."""
    return {
        path.relative_to(folder).as_posix(): (path.read_bytes(), path.stat().st_mtime_ns)
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def _bytes(folder: Path) -> dict[str, bytes]:
    return {path: data for path, (data, _) in _files(folder).items()}


def _mkdocs_own_build(project: Path) -> Path:
    """Build the docs with MkDocs' own `build` (a clean, full build) into `mkdocs-site/`."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    site = project / "mkdocs-site"
    config = load_config(str(CONFIG), docs_dir=str(project / "docs"), site_dir=str(site))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return site


def _changed_pages(before: dict[str, tuple[bytes, int]], after: dict[str, tuple[bytes, int]]) -> set[str]:
    return {path for path in before.keys() | after.keys() if path.endswith(".md") and before.get(path, (None,))[0] != after.get(path, (None,))[0]}


def test_a_changed_letter_converts_only_its_pages_and_gives_the_full_build_site(project: Path) -> None:
    site, state = project / "site", project / "state.json"
    first = build_site(CONFIG, project / "docs", site, strict=False, state=state)
    assert first.full and len(first.converted) == first.pages
    docs_before, site_before = _files(project / "docs"), _files(site)

    source = project / "seeds" / ANSWER_SOURCE
    text = source.read_text(encoding="utf-8")
    assert text.count(EDIT[0]) == 1
    source.write_text(text.replace(*EDIT), encoding="utf-8")
    _generate(project)
    changed = _changed_pages(docs_before, _files(project / "docs"))
    assert ANSWER_LETTER in changed

    rebuilt = build_site(CONFIG, project / "docs", site, strict=False, state=state)
    assert not rebuilt.full
    assert set(rebuilt.converted) == changed  # the pages whose Markdown changed, and no other
    assert len(rebuilt.converted) < rebuilt.pages / 4

    fresh = build_site(CONFIG, project / "docs", project / "fresh", strict=False)
    assert _bytes(site) == _bytes(project / "fresh") == _bytes(_mkdocs_own_build(project))
    assert rebuilt.addresses == fresh.addresses == first.addresses

    site_after = _files(site)
    kept = [path for path, (data, _) in site_after.items() if site_before.get(path, (None,))[0] == data]
    assert kept and all(site_after[path][1] == site_before[path][1] for path in kept)  # unchanged bytes, unchanged time
    rewritten = [path for path in site_after if path not in kept]
    assert "eerste-kamer/2026-02-12/antwoordbrief/index.html" in rewritten


def test_a_rebuild_with_nothing_changed_writes_nothing(project: Path) -> None:
    site, state = project / "site", project / "state.json"
    build_site(CONFIG, project / "docs", site, strict=False, state=state)
    before = _files(site)
    _generate(project)
    again = build_site(CONFIG, project / "docs", site, strict=False, state=state)
    assert again.converted == () and not again.full
    assert _files(site) == before


def test_a_removed_letter_leaves_no_page_behind(project: Path) -> None:
    site, state = project / "site", project / "state.json"
    build_site(CONFIG, project / "docs", site, strict=False, state=state)
    assert (site / "tweede-kamer/2025-10-07/schriftelijke-vragen/index.html").is_file()
    for path in (project / "seeds").glob(f"{QUESTIONS_SOURCE}.*"):
        path.unlink()
    _generate(project)
    rebuilt = build_site(CONFIG, project / "docs", site, strict=False, state=state)
    assert rebuilt.full  # the set of pages changed: links to a page depend on whether it exists
    assert not (site / "tweede-kamer").exists()
    build_site(CONFIG, project / "docs", project / "fresh", strict=False)
    assert _bytes(site) == _bytes(project / "fresh")
    assert "tweede-kamer/2025-10-07/schriftelijke-vragen/" not in rebuilt.addresses


def test_a_changed_configuration_converts_every_page(project: Path, tmp_path: Path) -> None:
    site, state = project / "site", project / "state.json"
    config = project / "mkdocs.yml"
    shutil.copy2(CONFIG, config)
    shutil.copytree(REPO / "overrides", project / "overrides")
    (project / "generator").mkdir()
    shutil.copy2(REPO / "generator" / "mkdocs_hooks.py", project / "generator" / "mkdocs_hooks.py")
    build_site(config, project / "docs", site, strict=False, state=state)
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("site_name: Kamerdossier", "site_name: Kamerdossier proef"), encoding="utf-8")
    rebuilt = build_site(config, project / "docs", site, strict=False, state=state)
    assert rebuilt.full and len(rebuilt.converted) == rebuilt.pages
    assert "Kamerdossier proef" in (site / "eerste-kamer/2026-02-12/antwoordbrief/index.html").read_text(encoding="utf-8")
    (project / "overrides" / "404.html").write_text(
        (project / "overrides" / "404.html").read_text(encoding="utf-8") + "\n", encoding="utf-8"
    )
    assert build_site(config, project / "docs", site, strict=False, state=state).full
    assert not build_site(config, project / "docs", site, strict=False, state=state).full
    hooks = project / "generator" / "mkdocs_hooks.py"
    hooks.write_text(hooks.read_text(encoding="utf-8") + "\n# a changed hook\n", encoding="utf-8")
    assert build_site(config, project / "docs", site, strict=False, state=state).full


def test_a_skipped_page_still_fails_a_strict_build_with_its_warning(project: Path, caplog: pytest.LogCaptureFixture) -> None:
    site, state = project / "site", project / "state.json"
    over = project / "docs" / "over.md"
    over.write_text(over.read_text(encoding="utf-8") + "\nZie [de verdwenen pagina](verdwenen.md).\n", encoding="utf-8")
    for _ in range(2):  # the second build converts nothing, yet says the warning again and fails
        caplog.clear()
        with pytest.raises(BuildFailed, match="strict mode"):
            build_site(CONFIG, project / "docs", site, strict=True, state=state)
        assert any("verdwenen.md" in record.getMessage() for record in caplog.records)
    converted = build_site(CONFIG, project / "docs", site, strict=False, state=state).converted
    assert converted == ()


def test_a_skipped_page_still_checks_links_into_a_changed_page(project: Path, caplog: pytest.LogCaptureFixture) -> None:
    """over.md (not converted again) links to an anchor that a changed page no longer has: a strict
    rebuild fails as a full one would, saying the link as written."""
    site, state = project / "site", project / "state.json"
    over = project / "docs" / "over.md"
    over.write_text(over.read_text(encoding="utf-8") + "\nZie [vraag 7](eerste-kamer/2026-02-12/antwoordbrief.md#bbb-vraag-7).\n", encoding="utf-8")
    build_site(CONFIG, project / "docs", site, strict=True, state=state)
    letter = project / "docs" / ANSWER_LETTER
    letter.write_text(letter.read_text(encoding="utf-8").replace("{#bbb-vraag-7 ", "{#bbb-vraag-7x "), encoding="utf-8")
    caplog.clear()
    with pytest.raises(BuildFailed, match="strict mode"):
        build_site(CONFIG, project / "docs", site, strict=True, state=state)
    assert "Doc file 'over.md' contains a link 'eerste-kamer/2026-02-12/antwoordbrief.md#bbb-vraag-7', but the doc " \
        "'eerste-kamer/2026-02-12/antwoordbrief.md' does not contain an anchor '#bbb-vraag-7'." in caplog.messages
    addresses = build_site(CONFIG, project / "docs", site, strict=False, state=state).addresses
    assert "eerste-kamer/2026-02-12/antwoordbrief/#bbb-vraag-7x" in addresses  # what the permanence check sees
    assert "eerste-kamer/2026-02-12/antwoordbrief/#bbb-vraag-7" not in addresses
    assert "eerste-kamer/2026-02-12/antwoordbrief/#bbb-vraag-8" in addresses


def test_a_changed_stylesheet_is_copied_and_converts_no_page(project: Path) -> None:
    site, state = project / "site", project / "state.json"
    build_site(CONFIG, project / "docs", site, strict=False, state=state)
    before = _files(site)
    stylesheet = project / "docs" / "stylesheets" / "extra.css"
    stylesheet.write_text(stylesheet.read_text(encoding="utf-8") + "\n/* een regel erbij */\n", encoding="utf-8")
    rebuilt = build_site(CONFIG, project / "docs", site, strict=False, state=state)
    assert rebuilt.converted == () and not rebuilt.full
    after = _files(site)
    assert after["stylesheets/extra.css"][0] == stylesheet.read_bytes()
    assert {path for path in after if after[path] != before.get(path)} == {"stylesheets/extra.css"}


def test_a_page_in_the_navigation_is_shown_on_every_page_so_its_front_matter_rebuilds_them_all(project: Path) -> None:
    """Every page's navigation shows the pages the configuration's `nav` names, with their front
    matter (Material reads a page's `icon`, `status`, `subtitle` there): a change to a word in
    over.md rebuilds over.md alone, a change to its front matter every page."""
    site, state = project / "site", project / "state.json"
    build_site(CONFIG, project / "docs", site, strict=False, state=state)
    over = project / "docs" / "over.md"
    text = over.read_text(encoding="utf-8")
    assert text.startswith('---\ntitle: "Over deze site"\n---\n')
    over.write_text(text + "\nEen zin erbij.\n", encoding="utf-8")
    rebuilt = build_site(CONFIG, project / "docs", site, strict=False, state=state)
    assert not rebuilt.full and rebuilt.converted == ("over.md",)
    over.write_text(text.replace('title: "Over deze site"\n', 'title: "Over deze site"\nsubtitle: "Wie, wat en waarom"\n', 1), encoding="utf-8")
    rebuilt = build_site(CONFIG, project / "docs", site, strict=False, state=state)
    assert rebuilt.full and len(rebuilt.converted) == rebuilt.pages
    assert "Wie, wat en waarom" in (site / ANSWER_LETTER.removesuffix(".md") / "index.html").read_text(encoding="utf-8")
    build_site(CONFIG, project / "docs", project / "fresh", strict=False)
    assert _bytes(site) == _bytes(project / "fresh") == _bytes(_mkdocs_own_build(project))
