"""The site build converts only the pages that changed, and gives the site a full build gives (issue 9).

Each test builds the seeds' pages, changes something as an editor would (a word in a real letter,
a letter removed, the configuration, a hand-written page), rebuilds with the state of the first
build, and compares the site with one built from scratch out of the same pages, file by file.
"""

from __future__ import annotations

import posixpath
import re
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


def test_a_rebuild_makes_mkdocs_objects_only_for_the_pages_it_needs(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """After one letter changed, the rebuild makes a `Page` (and a `File`) only for the pages in the
    navigation, the pages it converts and the files their links name (generator/site_files.py):
    every other page's part comes from the state, and the site is still the one a full build gives."""
    from mkdocs.structure.files import File
    from mkdocs.structure.pages import Page

    site, state = project / "site", project / "state.json"
    build_site(CONFIG, project / "docs", site, strict=False, state=state)
    docs_before = _files(project / "docs")
    source = project / "seeds" / ANSWER_SOURCE
    source.write_text(source.read_text(encoding="utf-8").replace(*EDIT), encoding="utf-8")
    _generate(project)
    changed = _changed_pages(docs_before, _files(project / "docs"))

    made: dict[str, list[str]] = {"pages": [], "files": []}
    for kind, cls in (("pages", Page), ("files", File)):
        original = cls.__init__

        def counting(self, *args, _original=original, _kind=kind, **kwargs):
            _original(self, *args, **kwargs)
            made[_kind].append(self.file.src_uri if _kind == "pages" else self.src_uri)

        monkeypatch.setattr(cls, "__init__", counting)
    rebuilt = build_site(CONFIG, project / "docs", site, strict=False, state=state)
    monkeypatch.undo()
    assert not rebuilt.full and set(rebuilt.converted) == changed
    in_nav = {"index.md", "tijdlijn.md", "dossiers/index.md", "personen.md", "partijen.md", "begrippen.md", "annotaties.md", "over.md", "citeren.md"}
    assert set(made["pages"]) == in_nav | changed, sorted(set(made["pages"]) ^ (in_nav | changed))
    linked = {
        posixpath.normpath(posixpath.join(posixpath.dirname(page), target))
        for page in changed
        for target in re.findall(r"\]\(([^()#\s]+)", (project / "docs" / page).read_text(encoding="utf-8"))
    }
    assert set(made["files"]) <= in_nav | changed | linked, sorted(set(made["files"]) - (in_nav | changed | linked))
    assert len(made["files"]) < sum(1 for path in (project / "docs").rglob("*") if path.is_file()) / 3
    build_site(CONFIG, project / "docs", project / "fresh", strict=False)
    assert _bytes(site) == _bytes(project / "fresh")


def test_a_copy_edited_in_the_site_by_hand_is_copied_again(project: Path) -> None:
    """A static file is not copied again when its source kept its size and time, unless its copy in
    the site changed too: an edit made in site/ by hand does not survive a rebuild."""
    site, state = project / "site", project / "state.json"
    build_site(CONFIG, project / "docs", site, strict=False, state=state)
    copy = site / "stylesheets" / "extra.css"
    copy.write_text("/* by hand */\n", encoding="utf-8")
    (site / "javascripts" / "citeren.js").unlink()
    rebuilt = build_site(CONFIG, project / "docs", site, strict=False, state=state)
    assert rebuilt.converted == () and not rebuilt.full
    assert copy.read_bytes() == (project / "docs" / "stylesheets" / "extra.css").read_bytes()
    assert (site / "javascripts" / "citeren.js").read_bytes() == (project / "docs" / "javascripts" / "citeren.js").read_bytes()


def test_only_a_template_that_reads_nothing_of_the_pages_but_their_addresses_is_kept_unrendered() -> None:
    """A rebuild keeps the sitemap as it was (same files, same configuration) because our template
    reads nothing of a page but its address; MkDocs' own sitemap prints each page's date, and a
    template that prints titles would change with a page's text: those are rendered again."""
    from jinja2 import DictLoader, Environment, FileSystemLoader

    from generator.site_files import shows_only_addresses

    ours = Environment(loader=FileSystemLoader(str(REPO / "overrides")))
    assert shows_only_addresses(ours, "sitemap.xml")
    templates = {
        "dated.xml": "{% for file in pages %}<url>{{ file.page.canonical_url }}</url>{{ file.page.update_date }}{% endfor %}",
        "titled.xml": "{% for file in pages %}{{ file.page.title }}{% endfor %}",
        "indexed.xml": "{% for file in pages %}{{ file.page['title'] }}{% endfor %}",
        "included.xml": "{% for file in pages %}{{ file.page.url }}{% endfor %}{% include 'titled.xml' %}",
        "no-pages.html": "{{ config.site_name }}",
    }
    other = Environment(loader=DictLoader(templates))
    assert [name for name in templates if shows_only_addresses(other, name)] == []


def test_a_rebuild_says_again_a_broken_anchor_link_of_a_page_it_skips_and_catches_one_an_edit_makes(
    project: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """A rebuild in which no page's ids changed checks only the changed pages' links to anchors and
    those that failed before: over.md's link to an anchor that is not there (over.md not converted
    again) still fails a strict rebuild, and so does a broken link the edited letter gains."""
    site, state = project / "site", project / "state.json"
    over = project / "docs" / "over.md"
    over.write_text(over.read_text(encoding="utf-8") + "\nZie [vraag 70](eerste-kamer/2026-02-12/antwoordbrief.md#bbb-vraag-70).\n", encoding="utf-8")
    said = "Doc file 'over.md' contains a link 'eerste-kamer/2026-02-12/antwoordbrief.md#bbb-vraag-70', but the doc " \
        "'eerste-kamer/2026-02-12/antwoordbrief.md' does not contain an anchor '#bbb-vraag-70'."
    build_site(CONFIG, project / "docs", site, strict=False, state=state)
    letter = project / "docs" / ANSWER_LETTER
    text = letter.read_text(encoding="utf-8")
    assert text.count(EDIT[0]) == 1
    letter.write_text(text.replace(*EDIT), encoding="utf-8")
    caplog.clear()
    with pytest.raises(BuildFailed, match="strict mode"):
        build_site(CONFIG, project / "docs", site, strict=True, state=state)
    assert said in caplog.messages
    letter.write_text(text.replace(EDIT[0], EDIT[0] + " (zie [vraag 1](#bbb-vraag-100))"), encoding="utf-8")
    caplog.clear()
    rebuilt = build_site(CONFIG, project / "docs", site, strict=False, state=state)
    assert rebuilt.converted == (ANSWER_LETTER,) and not rebuilt.full
    assert said in caplog.messages
    assert "Doc file 'eerste-kamer/2026-02-12/antwoordbrief.md' contains a link '#bbb-vraag-100', but there is no such anchor on this page." in caplog.messages


def test_a_build_after_one_killed_while_writing_the_site_removes_its_temporary_files(project: Path) -> None:
    """Synthetic: a site build killed (SIGKILL) while writing leaves no state (it is forgotten as
    writing starts) and the temporary file it wrote a page through (`.index.html.tmp`), planted
    here. The next build, a full one, removes that, which a static host would serve; another
    hidden file (`.nojekyll`, a temporary file of no page) is someone's and stays."""
    site, state = project / "site", project / "state.json"
    build_site(CONFIG, project / "docs", site, strict=False, state=state)
    state.unlink()
    leftovers = [site / "eerste-kamer/2026-02-12/antwoordbrief/.index.html.tmp", site / ".sitemap.xml.tmp"]
    kept = [site / ".nojekyll", site / "eerste-kamer/.notities.tmp", site / ".git/.index.html.tmp"]
    for path in leftovers + kept:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("<html>half", encoding="utf-8")
    assert (site / "sitemap.xml").is_file() and (site / "eerste-kamer/2026-02-12/antwoordbrief/index.html").is_file()
    rebuilt = build_site(CONFIG, project / "docs", site, strict=False, state=state)
    assert rebuilt.full
    assert [path for path in leftovers if path.exists()] == []
    assert all(path.read_text(encoding="utf-8") == "<html>half" for path in kept)


def test_temporary_files_a_killed_build_left_in_docs_are_never_published(project: Path) -> None:
    """Synthetic: what a build killed while staging leaves in docs/ (a page's `.<name>.tmp`, its
    scratch folder) is skipped by the site build, as MkDocs skips every hidden file: never served."""
    docs, site = project / "docs", project / "site"
    (docs / "eerste-kamer/2026-02-12/.antwoordbrief.md.tmp").write_text("# Half geschreven\n", encoding="utf-8")
    (docs / ".kamerdossier-1").mkdir()
    (docs / ".kamerdossier-1" / "0.json").write_text('["half"]', encoding="utf-8")
    build_site(CONFIG, docs, site, strict=True)
    assert not [path for path in site.rglob("*") if "tmp" in path.name or "kamerdossier-1" in path.as_posix() or path.name == "0.json"]
    assert not any(b"Half geschreven" in path.read_bytes() for path in site.rglob("*.html"))
