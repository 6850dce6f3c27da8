"""mkdocs.yml and a strict MkDocs build of rendered pages: links, anchors and settings hold."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from generator.model import RECORD_APPENDIX, Links, TextLink, Thread
from generator.render import render_site
from generator.search import index_site
from generator.write import write_pages
from tests.pagefind_index import read_fragments

from tests.render.builders import (
    CONFIG,
    QUESTION_9,
    QUESTION_12,
    SEED_000,
    SEED_001,
    corpus,
    paragraph,
    question,
    target,
    verslag_record,
    written_questions_record,
)

DOCS = CONFIG.parent / "docs"
HAND_WRITTEN = (
    "over.md", "citeren.md", "stylesheets/extra.css", "stylesheets/zoeken.css", "javascripts/citeren.js", "javascripts/zoeken.js",
)


def _raw_config() -> dict:
    return yaml.safe_load(CONFIG.read_text(encoding="utf-8"))


def test_theme_is_material_in_dutch_without_google_fonts() -> None:
    theme = _raw_config()["theme"]
    assert theme["name"] == "material" and theme["language"] == "nl" and theme["font"] is False
    assert "content.footnote.tooltips" in theme["features"]
    assert "navigation.instant" not in theme["features"]


def test_materials_search_plugin_is_off() -> None:
    """Search (issue 9) is Pagefind's; MkDocs would add its search plugin if `plugins` were left out."""
    assert _raw_config()["plugins"] == []
    assert "material/search" not in load_config(str(CONFIG)).plugins


def test_the_only_scripts_added_are_the_sites_own_copy_button_and_search() -> None:
    scripts = load_config(str(CONFIG)).extra_javascript
    assert [str(script) for script in scripts] == ["javascripts/citeren.js", "javascripts/zoeken.js"]
    copy = (DOCS / "javascripts/citeren.js").read_text(encoding="utf-8")
    assert not re.search(r"fetch\(|XMLHttpRequest|import\(|\.src\b|https?://", copy)  # it loads nothing
    assert "Gekopieerd" in copy
    search = (DOCS / "javascripts/zoeken.js").read_text(encoding="utf-8")
    assert len(re.findall(r"import\(", search)) == 1 and "import(bundle)" in search  # only pagefind.js, from the site
    assert re.findall(r"fetch\(.*", search) == ['fetch(new URL("delen.json", bundle).href);']  # and the list of its parts
    assert not re.search(r"XMLHttpRequest|\.src\b|https?://", search)
    for script in (copy, search):
        assert not re.search(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(|\bon\w+\s*=", script)  # no markup from text


def test_navigation_is_small_and_fixed() -> None:
    raw = _raw_config()
    assert raw["nav"] == [
        {"Home": "index.md"},
        {"Tijdlijn": "tijdlijn.md"},
        {"Dossiers": "dossiers/index.md"},
        {"Register": [{"Personen": "personen.md"}, {"Partijen": "partijen.md"}, {"Begrippen": "begrippen.md"}, {"Annotaties": "annotaties.md"}]},
        {"Over deze site": "over.md"},
        {"Citeren": "citeren.md"},
    ]
    assert {"/tweede-kamer/", "/eerste-kamer/", "/dossiers/"} <= set(raw["not_in_nav"].split())


def test_no_extension_can_include_files_or_run_text() -> None:
    extensions = load_config(str(CONFIG)).markdown_extensions
    assert not [name for name in extensions if name.startswith("pymdownx") or name in ("md_in_html", "mdx_include")]
    assert {"footnotes", "attr_list", "tables", "toc", "kamerdossier_footnotes"} <= set(extensions)


def test_broken_links_and_anchors_are_warnings() -> None:
    validation = _raw_config()["validation"]["links"]
    assert validation["not_found"] == validation["anchors"] == "warn"
    assert _raw_config()["extra"]["generator"] is False


def test_the_hand_written_pages_exist() -> None:
    for name in HAND_WRITTEN:
        assert (DOCS / name).is_file(), name


def _corpus_with_every_kind_of_link():
    written = written_questions_record(
        question(9, None, paragraph("p11", QUESTION_9, path=SEED_000)),
        question(12, None, paragraph("p14", QUESTION_12, path=SEED_000)),
    )
    answers = verslag_record().letters[2]
    # A second answer letter of 12 februari 2026, in another record: two pages want one address.
    other = replace(answers, index=0, body=answers.body[:2], footnotes=(), sender="De minister van Binnenlandse Zaken")
    another = replace(verslag_record(), path="seeds/ander.txt", kind=RECORD_APPENDIX, title="Ander stuk",
                      letters=(other,), identifier="ah-ek-20252026-1")
    records = [written, verslag_record(), another]
    start = QUESTION_12.index("vraag 9")
    links = Links(
        threads=(Thread(target(SEED_001, 1, "vraag", "BBB", 7), target(SEED_001, 2, "antwoord", "BBB", 7)),),
        text_links=(
            TextLink(SEED_000, "p14", start, start + len("vraag 9"), target=target(SEED_000, 0, "vraag", None, 9)),
            TextLink(SEED_001, "p91", 0, 6, target=target(SEED_000, 0, "vraag", None, 12)),
        ),
        statuses=((target(SEED_001, 1, "vraag", "BBB", 7), "beantwoord"),),
    )
    return corpus(*records, links=links)


@pytest.fixture(scope="module")
def strict_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Render the corpus, write it beside the hand-written pages, and build it with MkDocs, strictly."""
    root = tmp_path_factory.mktemp("render-site")
    docs, site = root / "docs", root / "site"
    for name in HAND_WRITTEN:
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(DOCS / name, docs / name)
    write_pages(render_site(_corpus_with_every_kind_of_link()), docs)
    config = load_config(str(CONFIG), docs_dir=str(docs), site_dir=str(site), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)  # strict: any broken link or anchor aborts the build
    finally:
        config.plugins.on_shutdown()
    return site


def test_strict_build_succeeds_and_every_page_has_unique_ids(strict_site: Path) -> None:
    pages = sorted(strict_site.rglob("*.html"))
    assert (strict_site / "eerste-kamer/2026-02-12/antwoordbrief/index.html") in pages
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        repeated = [i for i, n in Counter(e["id"] for e in soup.find_all(id=True)).items() if n > 1]
        assert not repeated, f"{page}: {repeated}"


def test_links_between_pages_become_site_urls(strict_site: Path) -> None:
    committee = _page(strict_site, "eerste-kamer/2025-12-02/commissiebrief/")
    assert committee.select_one("p.kd-thread a")["href"] == (
        "../../2026-02-12/antwoordbrief-de-staatssecretaris-van-financien/#bbb-antwoord-7"
    )
    answers = _page(strict_site, "eerste-kamer/2026-02-12/antwoordbrief-de-staatssecretaris-van-financien/")
    assert answers.select_one('p a[href$="#vraag-12"]')["href"] == "../../../tweede-kamer/2025-10-07/schriftelijke-vragen/#vraag-12"


def test_the_address_both_letters_wanted_lists_them(strict_site: Path) -> None:
    shared = _page(strict_site, "eerste-kamer/2026-02-12/antwoordbrief/")
    hrefs = sorted(a["href"] for a in shared.select("article li a"))
    assert hrefs == ["../antwoordbrief-ah-ek-20252026-1/", "../antwoordbrief-de-staatssecretaris-van-financien/"]


def _page(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def test_the_search_index_has_each_answer_as_a_section(strict_site: Path) -> None:
    index_site(strict_site)  # what the build does after MkDocs (issue 9)
    sections = [f"{fragment.url}#{anchor}" for fragment in read_fragments(strict_site) for anchor, _ in fragment.anchors]
    assert any(section.endswith("/antwoordbrief-de-staatssecretaris-van-financien/#bbb-antwoord-7") for section in sections), sections


def test_no_page_asks_google_for_fonts(strict_site: Path) -> None:
    html = (strict_site / "index.html").read_text(encoding="utf-8")
    assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html
    assert "extra.css" in html
