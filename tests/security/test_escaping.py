"""Text is only ever text: HTML in any field of a letter or a sidecar, built into the real site, never acts.

Each build is the real seeds with hostile text injected where a letter or sidecar puts it (the
injections are synthetic: no real letter holds markup; the letters around them are real), built
with the command line (`tests.security.harness`). Injections that do not disturb each other share
one build. Checked in every output: HTML pages (no `<script>`, `on*` attribute or
`javascript:`/`data:` URL that the clean site does not have; `<title>` and the header hold the
text literally), the search index, the JSON (valid against the schema), the CSV and the Atom
feeds (parsed, the text literal). Markdown syntax: `test_escaping_markdown.py`; control and
direction characters: `test_escaping_characters.py`.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from tests.conftest import load_html
from tests.security.escaping_checks import (
    ANSWER_PAGE,
    COMMITTEE_PAGE,
    QUESTIONS_JSON,
    QUESTIONS_PAGE,
    RECORD_PAGE,
    SITE_NAME,
    assert_json_valid,
    assert_nothing_lost,
    assert_nothing_runs,
    csv_rows,
    feed_titles,
    header_title,
    inject,
    page_title,
    search_entries,
)
from tests.security.harness import QUESTIONS, VERSLAG, Built, build, make_seeds

# --- HTML in every field a letter fills ----------------------------------------------------------

IMG = "<img src=x onerror=alert(document.domain)>"
SUBJECT = f"{IMG} de belastingdienst"
ASKER = "Kathmann</title><script>alert`1`</script>"
PARTY = 'Nieuw Sociaal Contract"><svg onload=alert`2`>'
ADDRESSEE_INSERT = '"><svg onload=alert(3)>'
COVER_SUBJECT_TAIL = "</title><script>alert(4)</script>"
COMMITTEE_TAIL = "<svg/onload=alert(5)>"
MINISTER_INSERT = "<img src=x onerror=alert(6)>"
HEADING_TAIL = "<script>alert(7)</script>"
FOOTNOTE_HTML = '<a href="javascript:alert(8)">NOS</a> <iframe src="data:text/html,<script>alert(9)</script>"></iframe>'
URL = "https://www.rijksictdashboard.nl/ict-activiteiten/4572eb6d-e88e-4d6f-81d7-94cf1cc0a5cb/financi%C3%ABn-uitrol-m365"
URL_TAIL = '"onmouseover="alert(15)" javascript:alert(16)'

QUESTIONS_TITLE = (
    f"Schriftelijke vragen van {ASKER} en Six Dijkstra over {SUBJECT}, 7 oktober 2025"
)
COMMITTEE_TITLE = f"Brief van de commissie voor Digitalisering {COMMITTEE_TAIL}, 2 december 2025"
RECORD_TITLE_TAIL = f"naar Microsoft365 (M365) {COVER_SUBJECT_TAIL}"


@pytest.fixture(scope="module")
def html_built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The seeds with HTML in the subject, an asker's name and party, an addressee, a cover
    note's subject, a committee and a minister in a signature, a heading and two footnotes (one
    a web address the link pass links, with an attribute and a `javascript:` URL after it)."""
    root = tmp_path_factory.mktemp("html")
    questions = inject(
        QUESTIONS,
        ("Kathmann (GroenLinks-PvdA)", f"{ASKER} (GroenLinks-PvdA)"),
        ("(Nieuw Sociaal Contract)", f"({PARTY})"),
        ("de overstap van de Belastingdienst naar Microsoft\n", f"{SUBJECT}\n"),
        ("NOS.nl, 2 oktober 2025", f"{FOOTNOTE_HTML} NOS.nl, 2 oktober 2025"),
    )
    verslag = inject(
        VERSLAG,
        ("Douane en Toeslagen naar Microsoft365 (M365).", f"Douane en Toeslagen {RECORD_TITLE_TAIL}."),
        ("Aan de staatssecretaris van", f"Aan de staatssecretaris {ADDRESSEE_INSERT} van"),
        ("commissie voor commissie voor Digitalisering \n", f"commissie voor commissie voor Digitalisering {COMMITTEE_TAIL}\n"),
        ("De staatssecretaris van Financiën -  Fiscaliteit", f"De staatssecretaris van Financiën {MINISTER_INSERT} -  Fiscaliteit"),
        ("Vragen en opmerkingen van de leden van de fractie van GroenLinks-PvdA\n",
         f"Vragen en opmerkingen van de leden van de fractie van GroenLinks-PvdA {HEADING_TAIL}\n"),
        (URL, URL + URL_TAIL),
    )
    seeds = make_seeds(root, {f"{QUESTIONS}.txt": questions, f"{VERSLAG}.txt": verslag})
    return build(root, seeds)


def test_html_in_a_letter_never_runs(html_built: Built, built_site: Path) -> None:
    assert html_built.status == 0, html_built.stderr
    assert_nothing_runs(html_built, built_site)


def test_the_title_holds_a_hostile_subject_and_asker_literally(html_built: Built) -> None:
    site = html_built.site
    assert page_title(site, QUESTIONS_PAGE) == f"{QUESTIONS_TITLE} - {SITE_NAME}"
    assert header_title(site, QUESTIONS_PAGE) == QUESTIONS_TITLE
    heading = load_html(site / QUESTIONS_PAGE).h1
    heading.select_one("a.headerlink").decompose()
    assert heading.get_text().strip() == QUESTIONS_TITLE


def test_a_committee_in_a_signature_and_a_cover_notes_subject_stay_text_in_titles(html_built: Built) -> None:
    site = html_built.site
    assert page_title(site, COMMITTEE_PAGE) == f"{COMMITTEE_TITLE} - {SITE_NAME}"
    assert header_title(site, COMMITTEE_PAGE) == COMMITTEE_TITLE
    record_title = page_title(site, RECORD_PAGE)
    assert record_title is not None and RECORD_TITLE_TAIL in " ".join(record_title.split())


def test_an_addressee_a_minister_a_heading_and_a_footnote_show_literally(html_built: Built) -> None:
    site = html_built.site
    committee = " ".join(load_html(site / COMMITTEE_PAGE).article.get_text(" ").split())
    assert f"staatssecretaris {ADDRESSEE_INSERT} van Financiën" in committee
    assert f"GroenLinks-PvdA {HEADING_TAIL}" in committee
    answer = " ".join(load_html(site / ANSWER_PAGE).article.get_text(" ").split())
    assert f"Financiën {MINISTER_INSERT} - Fiscaliteit" in answer
    notes = load_html(site / QUESTIONS_PAGE).select_one("div.footnote").get_text(" ")
    assert FOOTNOTE_HTML in " ".join(notes.split())
    answer_notes = load_html(site / ANSWER_PAGE).select_one("div.footnote")
    assert URL + URL_TAIL in " ".join(answer_notes.get_text().split())
    assert {a["href"] for a in answer_notes.find_all("a", href=re.compile("rijksict"))} == {URL}
    toc = [a.get_text(" ", strip=True) for a in load_html(site / COMMITTEE_PAGE).select("nav.md-nav--secondary a")]
    assert any(HEADING_TAIL in label for label in toc), toc


def test_the_search_index_holds_hostile_text_as_text(html_built: Built) -> None:
    """Pagefind indexes the text the browser shows, so the letter's markup is there as the
    characters it is; zoeken.js shows titles and text as text (tests/browser)."""
    entries = search_entries(html_built.site)
    titles = {" ".join(entry["title"].split()) for entry in entries}
    assert QUESTIONS_TITLE in titles
    texts = " ".join(" ".join(entry["text"].split()) for entry in entries)
    assert FOOTNOTE_HTML in texts


def test_json_csv_and_feeds_hold_hostile_text_literally_and_are_valid(html_built: Built) -> None:
    site = html_built.site
    corpus = assert_json_valid(site)
    letter = next(item for item in corpus["letters"] if item["kind"] == "schriftelijke-vragen")
    assert letter["title"] == QUESTIONS_TITLE
    assert letter["subject"] == SUBJECT
    assert [asker["name"] for asker in letter["askers"]] == [ASKER, "Six Dijkstra"]
    assert letter["askers"][1]["party"] == PARTY
    assert any(FOOTNOTE_HTML in note["text"] for note in letter["footnotes"])
    assert json.loads((site / QUESTIONS_JSON).read_text(encoding="utf-8"))["letter"]["title"] == QUESTIONS_TITLE
    assert QUESTIONS_TITLE in feed_titles(site)["brieven.xml"]
    assert COMMITTEE_TITLE in feed_titles(site)["brieven.xml"]
    rows = csv_rows(site)
    assert rows and all(set(row) == set(rows[0]) for row in rows)

def test_nothing_of_a_hostile_letter_is_lost(html_built: Built) -> None:
    assert_nothing_lost(html_built, 4)  # the written questions; the verslag's cover note, committee letter and answer


# --- Sidecar values -------------------------------------------------------------------------------

SIDECAR_IDENTIFIER = '"><script>alert(20)</script>'
SIDECAR_DOSSIERS = ("26643", "<img src=x onerror=alert(21)>", '"><svg onload=alert(22)>')
SIDECAR = f"""chamber = "Tweede Kamer"
identifier = {json.dumps(SIDECAR_IDENTIFIER)}
source_url = "javascript:alert(23)"
dossiers = {json.dumps(list(SIDECAR_DOSSIERS))}
"""


@pytest.fixture(scope="module")
def sidecar_built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The seeds with a sidecar whose identifier, source URL and dossiers are markup."""
    root = tmp_path_factory.mktemp("sidecar")
    return build(root, make_seeds(root, {f"{QUESTIONS}.toml": SIDECAR}))


def test_sidecar_values_never_run_whether_or_not_they_are_accepted(sidecar_built: Built, built_site: Path) -> None:
    """Sidecar validation may refuse these values; rendering must be safe either way."""
    assert_nothing_runs(sidecar_built, built_site)
    site = sidecar_built.site
    for path in sorted(site.rglob("*.json")):
        json.loads(path.read_text(encoding="utf-8"))
    feed_titles(site)
    csv_rows(site)


def test_sidecar_values_that_are_published_show_as_text(sidecar_built: Built) -> None:
    """Where the identifier and dossiers are shown (the letter's metadata), they read as written;
    the `javascript:` source is shown as text and is no link."""
    if not (sidecar_built.site / QUESTIONS_PAGE).exists():  # refused by sidecar validation: the letter is left out
        assert f"error: seeds/{QUESTIONS}.toml:2: identifier must be" in sidecar_built.stderr
        assert not any("alert(2" in p.read_text(encoding="utf-8") for p in sidecar_built.html())
        return
    page = load_html(sidecar_built.site / QUESTIONS_PAGE)
    items = {
        li.find("strong").get_text().rstrip(":"): li
        for li in page.article.select("ul > li")
        if li.find("strong") is not None
    }
    if "Kenmerken" not in items:  # refused by sidecar validation: nothing of it is published
        assert "alert(20)" not in page.get_text()
        return
    assert SIDECAR_IDENTIFIER in items["Kenmerken"].get_text()
    assert items["Bron"].get_text(" ", strip=True).endswith("javascript:alert(23)")
    assert items["Bron"].find("a") is None
    dossier_links = [a.get_text() for a in items["Dossiers"].find_all("a")]
    assert set(SIDECAR_DOSSIERS) <= set(dossier_links), dossier_links
    for dossier in SIDECAR_DOSSIERS:
        pages = [p for p in sidecar_built.site.glob("dossiers/*/index.html") if page_title(p.parent, "index.html") == f"Dossier {dossier} - {SITE_NAME}"]
        assert len(pages) == 1, dossier
