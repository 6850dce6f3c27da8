"""Dossier pages, the dossier links of letter pages, and "Geciteerd in": on the seed letters where they
show it, on a small hand-built corpus where a letter cites another's identifier."""

from __future__ import annotations

import datetime
import shutil
from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from generator.model import Corpus, DossierMention, Links, Reference, SourceSpan
from generator.render import render_site
from generator.render.context import build_context
from generator.render.mentions import dossier_feed, dossier_page, index_mentions
from generator.write import write_pages
from tests.conftest import DOCS, _hand_written_pages
from tests.render.builders import (
    ANSWERS,
    COMMITTEE,
    CONFIG,
    QUESTION_9,
    RECORD,
    SEED_000,
    SEED_001,
    WRITTEN,
    corpus,
    footnote,
    ids,
    paragraph,
    question,
    render_markdown,
    span,
    verslag_record,
    written_questions_record,
)

SITE_URL = "https://kamerdossier.example/"


@pytest.fixture(scope="module")
def pages(seed_corpus: Corpus) -> dict[str, str]:
    return render_site(seed_corpus, SITE_URL)


@pytest.fixture(scope="module")
def html(pages: dict[str, str]) -> dict[str, BeautifulSoup]:
    return {path: render_markdown(text) for path, text in pages.items() if path.endswith(".md")}


def section(soup: BeautifulSoup, id_: str) -> list[Tag]:
    """The elements under the heading `id_`, up to the next heading of its level or higher."""
    heading = soup.find(id=id_)
    assert heading is not None, f"no element with id {id_!r}"
    found = []
    for sibling in heading.find_next_siblings():
        if sibling.name in ("h1", "h2") and sibling.name <= heading.name:
            break
        found.append(sibling)
    return found


def heading_text(heading: Tag) -> str:
    """A heading's text without its permalink."""
    return "".join(
        str(child) if isinstance(child, str) else child.get_text()
        for child in heading.children
        if not (isinstance(child, Tag) and "headerlink" in child.get("class", []))
    )


def links_in(elements: list[Tag]) -> list[str]:
    return [anchor["href"] for element in elements for anchor in element.find_all("a")]


def metadata(soup: BeautifulSoup, label: str) -> Tag | None:
    """The metadata list item `- **label:** …`, or None."""
    for item in soup.find_all("li"):
        strong = item.find("strong")
        if strong is not None and strong.get_text() == f"{label}:":
            return item
    return None


# --- The seed letters ---------------------------------------------------------------------------


def test_every_dossier_of_the_seeds_has_a_page_and_the_index_lists_them(pages: dict[str, str], html) -> None:
    assert {"dossiers/index.md", "dossiers/26643.md", "dossiers/31066.md", "dossiers/36740.md"} <= set(pages)
    assert links_in(html["dossiers/index.md"].find_all("ul")) == ["26643.md", "31066.md", "36740.md"]
    assert heading_text(html["dossiers/31066.md"].h1) == "Dossier 31066"
    assert 'title: "Dossier 31066"' in pages["dossiers/31066.md"]


def test_dossier_26643_lists_both_seed_records(html: dict[str, BeautifulSoup]) -> None:
    soup = html["dossiers/26643.md"]
    # seeds/001's sidecar: the verslag belongs to 31066 and 26643, with all its letters
    members = links_in(section(soup, "brieven-in-dit-dossier"))
    assert members == [f"../{RECORD}", f"../{ANSWERS}", f"../{COMMITTEE}"]  # newest first
    # seeds/000 cites `Kamerstuk 26643, nr. 1315` in question 3
    assert links_in(section(soup, "brieven-die-dit-dossier-citeren")) == [f"../{WRITTEN}"]
    cited = " ".join(element.get_text(" ") for element in section(soup, "geciteerde-stukken"))
    assert "Kamerstuk 26643, nr. 1315" in cited


def test_dossier_31066_lists_the_verslag_and_what_it_cites(html: dict[str, BeautifulSoup]) -> None:
    soup = html["dossiers/31066.md"]
    assert f"../{RECORD}" in links_in(section(soup, "brieven-in-dit-dossier"))
    assert soup.find(id="brieven-die-dit-dossier-citeren") is None  # nothing cites it from outside
    items = [item for element in section(soup, "geciteerde-stukken") for item in element.find_all("li")]
    first = items[0]  # cited in the answer letter of 12 februari 2026: the newest citing letter
    assert "Kamerstukken II, 2025/26, 31066, nr. 506" in first.get_text()
    hrefs = [anchor["href"] for anchor in first.find_all("a")]
    assert hrefs == ["https://zoek.officielebekendmakingen.nl/kst-31066-506.html", f"../{ANSWERS}"]
    # the joint citation printed six times in the committee letter: once per printed form, counted
    texts = [" ".join(item.get_text().split()) for item in items[1:]]
    assert texts[0].startswith("Kamerstukken I, 2025/26, 31066/26643, AO — geciteerd in")
    assert "3 keer geciteerd in" in texts[1] and "2 keer geciteerd in" in texts[2]
    assert all(item.find("a", href=f"../{COMMITTEE}") for item in items[1:])


def test_dossier_36740_is_only_cited(html: dict[str, BeautifulSoup]) -> None:
    soup = html["dossiers/36740.md"]
    assert soup.find(id="brieven-in-dit-dossier") is None
    assert links_in(section(soup, "brieven-die-dit-dossier-citeren")) == [f"../{WRITTEN}"]


def test_a_dossier_page_links_its_feed_only_with_the_open_data(seed_corpus: Corpus, pages: dict[str, str]) -> None:
    feed = render_markdown(pages["dossiers/31066.md"]).find("a", href="../feeds/dossier-31066.xml")
    assert feed is not None and "feeds/dossier-31066.xml" in pages  # the feed the link leads to exists
    without_data = render_site(seed_corpus)
    assert "feeds/" not in without_data["dossiers/31066.md"]


def test_letter_pages_link_the_dossiers_they_belong_to_or_cite(html: dict[str, BeautifulSoup]) -> None:
    def dossiers(page: str) -> list[str]:
        item = metadata(html[page], "Dossiers")
        return [anchor["href"] for anchor in item.find_all("a")] if item else []

    def cites(page: str) -> list[str]:
        item = metadata(html[page], "Citeert uit dossiers")
        return [anchor["href"] for anchor in item.find_all("a")] if item else []

    # cited in questions 3, 4 (seeds/000_… lines 13, 18): the written questions are in neither dossier
    assert dossiers(WRITTEN) == [] and cites(WRITTEN) == ["../../dossiers/26643.md", "../../dossiers/36740.md"]
    for page in (RECORD, COMMITTEE, ANSWERS):  # the verslag's sidecar: every letter belongs
        assert dossiers(page) == ["../../dossiers/26643.md", "../../dossiers/31066.md"] and cites(page) == []


def test_no_seed_page_is_cited_by_another_so_none_says_so(html: dict[str, BeautifulSoup]) -> None:
    assert all(metadata(soup, "Geciteerd in") is None for soup in html.values())


def test_dossier_pages_have_unique_ids_and_none_a_reader_could_take_for_a_question(html) -> None:
    for page, soup in html.items():
        if page.startswith("dossiers/"):
            assert not [name for name, count in Counter(ids(soup)).items() if count > 1], page
            assert not [name for name in ids(soup) if "vraag-" in name or "antwoord-" in name], page


def test_dossier_pages_render_deterministically(seed_corpus: Corpus, pages: dict[str, str]) -> None:
    again = render_site(seed_corpus, SITE_URL)
    assert {path: text for path, text in again.items() if path.startswith("dossiers/")} == {
        path: text for path, text in pages.items() if path.startswith("dossiers/")
    }


# --- A letter citing another's identifier ---------------------------------------------------------

IDENTIFIER = "2025Z18365"
CITATION = "vragen van de leden Kathmann en Six Dijkstra (2025Z18365)"


def _citing_corpus() -> Corpus:
    """seeds/000 with its Tweede Kamer number; the answer letter of seeds/001 cites it in footnote 10."""
    written = written_questions_record(question(9, None, paragraph("p11", QUESTION_9, path=SEED_000)))
    written = replace(written, letters=(replace(written.letters[0], identifiers=(IDENTIFIER,)),))
    cited = Reference("kamerbrief", CITATION, SourceSpan(SEED_001, 463, 463), identifier=IDENTIFIER,
                      letter=2)
    links = Links(references=(cited,), dossiers=(("31066", (DossierMention(SEED_001, True, ()),)),))
    return corpus(written, verslag_record(), links=links)


def test_a_letter_cited_elsewhere_lists_where() -> None:
    pages = render_site(_citing_corpus())
    item = metadata(render_markdown(pages[WRITTEN]), "Geciteerd in")
    assert item is not None
    assert [anchor["href"] for anchor in item.find_all("a")] == [f"../../{ANSWERS}"]
    assert item.a.get_text() == "Antwoordbrief, 12 februari 2026"
    assert f"‘{CITATION}’" in item.get_text()


def test_the_citing_letter_and_the_other_pages_say_nothing(tmp_path: Path) -> None:
    pages = render_site(_citing_corpus())
    for page in (ANSWERS, COMMITTEE, RECORD, "index.md"):
        assert metadata(render_markdown(pages[page]), "Geciteerd in") is None, page


def test_a_record_identifier_is_cited_on_the_record_page() -> None:
    base = _citing_corpus()
    verslag = replace(base.records[1], identifier="kst-31066-999")
    written = base.records[0]
    cites = Reference("kamerstuk", "Kamerstuk 31066, nr. 999", span(13, SEED_000), identifier="kst-31066-999",
                      letter=0)
    pages = render_site(Corpus((written, verslag), replace(base.links, references=(cites,))))
    item = metadata(render_markdown(pages[RECORD]), "Geciteerd in")
    assert item is not None and [anchor["href"] for anchor in item.find_all("a")] == [f"../../{WRITTEN}"]


def test_citations_are_found_in_a_footnote_printed_below_the_letter() -> None:
    """seeds/000 prints its footnotes after the letter's last line (89-98): they are still its own."""
    written = written_questions_record(
        question(9, None, paragraph("p11", QUESTION_9, path=SEED_000)),
        footnotes=(footnote(3, "Kamerbrief met nummer 2025D42960", 96, SEED_000),),
    )
    written = replace(written, letters=(replace(written.letters[0], span=SourceSpan(SEED_000, 1, 83)),))
    verslag = verslag_record()
    cites = Reference("kamerstuk", "Kamerstuk 36740, nr. 20", SourceSpan(SEED_000, 96, 96), dossiers=("36740",),
                      letter=0)
    linked = Corpus((verslag, written), Links(references=(cites,), dossiers=(("36740", (DossierMention(SEED_000, False, (cites,)),)),)))
    context = build_context(linked)
    citation = context.mentions.citations[cites]
    assert citation.page == WRITTEN and citation.date == datetime.date(2025, 10, 7)
    mentions = index_mentions(linked, context.addresses)
    assert mentions.letter_cites[citation.letter] == ("36740",) and citation.letter not in mentions.letter_dossiers


def test_dossier_text_is_escaped_and_odd_numbers_get_a_safe_address() -> None:
    odd = "<b>*36600*</b>"
    mention = DossierMention(SEED_001, True, ())
    pages = render_site(corpus(verslag_record(), links=Links(dossiers=((odd, (mention,)),))))
    assert dossier_page(odd) == "dossiers/b-36600-b.md" and dossier_feed(odd) == "feeds/dossier-b-36600-b.xml"
    soup = render_markdown(pages[dossier_page(odd)])
    assert heading_text(soup.h1) == f"Dossier {odd}" and soup.find("b") is None and soup.find("em") is None
    letter_page = render_markdown(pages[RECORD])
    assert metadata(letter_page, "Dossiers").a.get_text() == odd


def test_an_unlinked_corpus_still_shows_the_sidecars_dossiers_as_text() -> None:
    pages = render_site(corpus(verslag_record()))
    item = metadata(render_markdown(pages[RECORD]), "Dossiers")
    assert item.get_text() == "Dossiers: 31066, 26643" and item.find("a") is None
    assert [path for path in pages if path.startswith("dossiers/")] == ["dossiers/index.md"]
    assert "Er zijn nog geen dossiers." in pages["dossiers/index.md"]


# --- MkDocs, strictly -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def strict_site(tmp_path_factory: pytest.TempPathFactory, pages: dict[str, str]) -> Path:
    """Build the seed site with its open data and every overview page with MkDocs, strictly."""
    root = tmp_path_factory.mktemp("dossier-site")
    docs, site = root / "docs", root / "site"
    for relative in _hand_written_pages(DOCS):
        (docs / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(DOCS / relative, docs / relative)
    write_pages(pages, docs)
    config = load_config(str(CONFIG), docs_dir=str(docs), site_dir=str(site), strict=True)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(config)  # strict: a broken link or anchor on any page aborts the build
    finally:
        config.plugins.on_shutdown()
    return site


def test_the_site_with_dossier_pages_builds_strictly(strict_site: Path) -> None:
    for page in ("dossiers/26643/index.html", "dossiers/index.html", "tijdlijn/index.html",
                 "personen/index.html", "partijen/index.html"):
        assert (strict_site / page).is_file(), page
