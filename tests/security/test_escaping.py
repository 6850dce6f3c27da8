"""Text is only ever text: hostile text in a letter or a sidecar, built into the real site, never acts.

Each build is the real seeds with hostile text injected where a letter or sidecar puts it (the
injections are synthetic: no real letter holds markup; the letters around them are real), built
with the command line (`tests.security.harness`). Injections that do not disturb each other share
one build. What the built site may contain is compared with the site built from the clean seeds
(`built_site`): the theme's own scripts are allowed, nothing else that could run.

Checked in every output: HTML pages (no `<script>`, `on*` attribute or `javascript:`/`data:`
URL that the clean site does not have; `<title>` and the header hold the text literally), the
search index, the JSON (valid against the schema), the CSV and the Atom feeds (parsed, the text
literal).
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as etree
from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from jsonschema import Draft202012Validator

from generator.model import LetterKey
from tests.conftest import REPO, load_html
from tests.security.harness import QUESTIONS, VERSLAG, Built, build, make_seeds, seed_text

SITE_NAME = "Kamerdossier"
ATOM = "{http://www.w3.org/2005/Atom}"
SCHEMA = REPO / "generator" / "schema" / "kamerdossier.schema.json"

QUESTIONS_PAGE = "tweede-kamer/2025-10-07/schriftelijke-vragen/index.html"
QUESTIONS_JSON = "tweede-kamer/2025-10-07/schriftelijke-vragen.json"
COMMITTEE_PAGE = "eerste-kamer/2025-12-02/commissiebrief/index.html"
ANSWER_PAGE = "eerste-kamer/2026-02-12/antwoordbrief/index.html"
RECORD_PAGE = "eerste-kamer/2026-02-12/verslag-schriftelijk-overleg/index.html"


def inject(name: str, *replacements: tuple[str, str]) -> str:
    """Seed `name` with each (old, new) applied once, in order; fails when an `old` is not there."""
    text = seed_text(name)
    for old, new in replacements:
        assert old in text, f"{old!r} is not in seeds/{name}.txt"
        text = text.replace(old, new, 1)
    return text


# --- What may run ------------------------------------------------------------------------------

_RUNNABLE_URL = re.compile(r"^\s*(?:javascript|data|vbscript)\s*:", re.IGNORECASE)


def active_content(site: Path) -> set[tuple[str, ...]]:
    """Everything in the site's HTML pages that could run: scripts (by source or text), `on*`
    attributes and `javascript:`/`data:`/`vbscript:` URLs in any attribute, with their page."""
    found: set[tuple[str, ...]] = set()
    for path in sorted(site.rglob("*.html")):
        soup = load_html(path)
        for element in soup.find_all(True):
            if element.name == "script":
                found.add(("script", element.get("src") or element.get_text().strip()))
            for name, value in element.attrs.items():
                value = " ".join(value) if isinstance(value, list) else value
                if name.lower().startswith("on"):
                    found.add(("on", path.relative_to(site).as_posix(), name, value))
                if _RUNNABLE_URL.match(value or ""):
                    found.add(("url", path.relative_to(site).as_posix(), name, value))
    return found


def assert_nothing_runs(built: Built, clean_site: Path) -> None:
    """The hostile site has nothing that could run beyond what the clean site has (the theme's)."""
    assert built.site is not None and built.html(), built.stderr
    added = active_content(built.site) - active_content(clean_site)
    assert not added, f"runnable content came from the letters or sidecars: {sorted(added)[:5]}"


def page_title(site: Path, page: str) -> str | None:
    """The `<title>` of a built page, as the browser shows it."""
    title = load_html(site / page).title
    return title.string if title else None


def header_title(site: Path, page: str) -> str:
    """The page title the theme's header shows."""
    topic = load_html(site / page).select(".md-header__topic .md-ellipsis")
    return " ".join(topic[-1].get_text().split())


def search_entries(site: Path) -> list[dict]:
    """The search index's entries (valid JSON, or this fails)."""
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def as_text(markup: str) -> BeautifulSoup:
    """A search index field as the browser reads it (Material inserts titles and text as HTML)."""
    return BeautifulSoup(markup, "html.parser")


def feed_titles(site: Path) -> dict[str, list[str]]:
    """Every Atom feed's entry titles, by feed (each feed must parse as XML)."""
    return {
        path.name: [entry.findtext(f"{ATOM}title") or "" for entry in etree.parse(path).getroot().iter(f"{ATOM}entry")]
        for path in sorted((site / "feeds").glob("*.xml"))
    }


def csv_rows(site: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((site / "data" / "vragen-en-antwoorden.csv").read_text(encoding="utf-8"))))


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def assert_json_valid(site: Path, validator: Draft202012Validator) -> dict:
    """Every JSON file of the open data parses and follows the schema; return the corpus file."""
    for path in sorted(site.rglob("*.json")):
        if path.name in ("search_index.json", "kamerdossier.schema.json"):
            continue
        document = json.loads(path.read_text(encoding="utf-8"))
        errors = sorted(validator.iter_errors(document), key=str)
        assert not errors, f"{path.relative_to(site)}: {errors[0].message}"
    return json.loads((site / "data" / "kamerdossier.json").read_text(encoding="utf-8"))


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
    entries = search_entries(html_built.site)
    for entry in entries:
        for field in ("title", "text"):
            parsed = as_text(entry[field])
            assert not parsed.find(["script", "img", "svg", "iframe", "a"]), entry["location"]
            assert not [el for el in parsed.find_all(True) if any(a.startswith("on") for a in el.attrs)]
    titles = {" ".join(as_text(entry["title"]).get_text().split()) for entry in entries}
    assert QUESTIONS_TITLE in titles
    texts = " ".join(" ".join(as_text(entry["text"]).get_text().split()) for entry in entries)
    assert FOOTNOTE_HTML in texts


def test_json_csv_and_feeds_hold_hostile_text_literally_and_are_valid(
    html_built: Built, validator: Draft202012Validator
) -> None:
    site = html_built.site
    corpus = assert_json_valid(site, validator)
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


# --- Markdown and template syntax in an answer --------------------------------------------------

INLINE_CASES = (
    "__init__.py",
    "*x*",
    "**vet**",
    "_x_",
    "[a](javascript:alert(10))",
    "![b](data:text/html,alert)",
    "<https://x.example>",
    "<javascript:alert(11)>",
    "{: onclick=alert(12) }",
    "[^1]",
    "`code`",
    "{{ config.site_name }}",
    "{% if true %}x{% endif %}",
    "&lt;b&gt;",
)
"""Inline syntax, written into the middle of an answer's first sentence."""

BLOCK_CASES = (
    "# kop",
    "## Antwoord op vraag 99",
    "| a | b |",
    "*[HTML]: Hyper Text",
    "[^1]: een voetnoot",
    "{: .kd-cite onclick=alert(13) }",
    "> citaat",
    "- punt",
    "~~~",
    '--8<-- "/etc/passwd"',
    "!!! danger",
    "<script>alert(14)</script>",
)
"""Block syntax, each starting a paragraph of its own in the same answer."""

ANSWER_START = "Allereerst wil ik graag aangeven dat"
INLINE_SENTENCE = f"Allereerst wil ik graag aangeven ({' '.join(INLINE_CASES)}) dat"


@pytest.fixture(scope="module")
def markdown_built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The seeds with Markdown, HTML and template syntax in an answer of the antwoordbrief."""
    root = tmp_path_factory.mktemp("markdown")
    blocks = "".join(f"{case}\n\n" for case in BLOCK_CASES)
    verslag = inject(VERSLAG, (ANSWER_START, f"{blocks}{INLINE_SENTENCE}"))
    return build(root, make_seeds(root, {f"{VERSLAG}.txt": verslag}))


def _article(site: Path, page: str) -> BeautifulSoup:
    return load_html(site / page).article


def test_markdown_and_template_syntax_in_an_answer_render_literally(markdown_built: Built, built_site: Path) -> None:
    assert markdown_built.status == 0, markdown_built.stderr
    assert_nothing_runs(markdown_built, built_site)
    article = _article(markdown_built.site, ANSWER_PAGE)
    sentence = next(p for p in article.find_all("p") if "Allereerst" in p.get_text())
    assert " ".join(INLINE_SENTENCE.split()) in " ".join(sentence.get_text().split())
    paragraphs = [" ".join(p.get_text().split()) for p in article.find_all(["p", "h2"])]
    for case in BLOCK_CASES:
        assert case in paragraphs, case


def test_init_py_in_an_answer_appears_as_written(markdown_built: Built) -> None:
    article = _article(markdown_built.site, ANSWER_PAGE)
    paragraph = next(p for p in article.find_all("p") if "__init__.py" in p.get_text())
    assert "__init__.py" in paragraph.get_text()
    assert not paragraph.find("em") and not paragraph.find("strong")


def test_the_syntax_adds_no_element_to_the_page(markdown_built: Built, built_site: Path) -> None:
    """The hostile page has the clean page's elements, plus only the paragraphs that hold the
    injected lines and the one link the link pass makes of a web address in a letter's text
    (`<https://x.example>` shows as written, its address linked)."""
    hostile_article = _article(markdown_built.site, ANSWER_PAGE)
    hostile = Counter(el.name for el in hostile_article.find_all(True))
    clean = Counter(el.name for el in _article(built_site, ANSWER_PAGE).find_all(True))
    assert hostile - clean == Counter({"p": len(BLOCK_CASES), "a": 1})
    assert not clean - hostile
    assert hostile_article.find("a", href="https://x.example").get_text() == "https://x.example"


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


# --- Control and direction characters -------------------------------------------------------------

RLO, PDF, RLI, FSI, PDI, RLM = "\u202e", "\u202c", "\u2067", "\u2068", "\u2069", "\u200f"
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
BIDI_FORMAT = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
"""Every C0 and C1 control but tab and line end, and DEL."""

CONTROL_SUBJECT = f"de overstap van de {RLO}Belastingdienst{PDF} naar\x07 Micro{RLI}soft{RLM}"
CONTROL_SUBJECT_SHOWN = "de overstap van de Belastingdienst naar\ufffd Microsoft"
CONTROL_ASKER = f"Kath{RLO}mann\x1b"
CONTROL_ASKER_SHOWN = "Kathmann\ufffd"
CONTROL_TITLE = (
    f"Schriftelijke vragen van {CONTROL_ASKER_SHOWN} en Six Dijkstra over {CONTROL_SUBJECT_SHOWN}, 7 oktober 2025"
)
CONTROL_QUESTION = f"Maakt de {RLO}gnirolf{PDF}\x01\x9b31m\x7f overstap"
CONTROL_QUESTION_SHOWN = "Maakt de \ufffdgnirolf\ufffd\ufffd\ufffd31m\ufffd overstap"
CONTROL_HEADING_TAIL = f"GroenLinks-PvdA{RLO}\x05"
CONTROL_ANSWER = f"Allereerst{FSI} wil{PDI} ik\x9d graag"
CONTROL_ANSWER_SHOWN = "Allereerst\ufffd wil\ufffd ik\ufffd graag"
BUILD_DAY = "1000000000"
"""SOURCE_DATE_EPOCH for the build: 9 September 2001, a day other than the clean build's."""


@pytest.fixture(scope="module")
def control_built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The seeds with control and direction characters in a subject, an asker, a question, a
    heading, an answer and a footnote, built as if on 9 September 2001."""
    root = tmp_path_factory.mktemp("control")
    questions = inject(
        QUESTIONS,
        ("Kathmann (GroenLinks-PvdA)", f"{CONTROL_ASKER} (GroenLinks-PvdA)"),
        ("de overstap van de Belastingdienst naar Microsoft\n", f"{CONTROL_SUBJECT}\n"),
        ("Maakt de overstap", CONTROL_QUESTION),
        ("NOS.nl, 2 oktober 2025", f"NOS{RLO}.nl\x08, 2 oktober 2025"),
    )
    verslag = inject(
        VERSLAG,
        ("fractie van GroenLinks-PvdA\n", f"fractie van {CONTROL_HEADING_TAIL}\n"),
        ("Allereerst wil ik graag", CONTROL_ANSWER),
    )
    seeds = make_seeds(root, {f"{QUESTIONS}.txt": questions, f"{VERSLAG}.txt": verslag})
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", BUILD_DAY)
        return build(root, seeds)


def _outputs(built: Built) -> list[Path]:
    """Every file the build wrote from the letters: Markdown pages, HTML, JSON (the search index
    too), CSV, feeds and the sitemap; not the theme's assets."""
    site = [p for p in built.site.rglob("*") if p.is_file() and "assets" not in p.relative_to(built.site).parts]
    return built.pages() + [p for p in site if p.suffix in (".html", ".json", ".csv", ".xml")]


def test_control_and_direction_characters_reach_no_output(control_built: Built) -> None:
    assert control_built.status == 0, control_built.stderr
    outputs = _outputs(control_built)
    assert len(outputs) > 20
    for path in outputs:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".json":  # JSON may write a control as an escape: read the values
            text = json.dumps(json.loads(text), ensure_ascii=False)
        assert not CONTROLS.search(text), f"{path}: {CONTROLS.search(text)!r}"
        assert not BIDI_CONTROLS.search(text), f"{path}: {BIDI_CONTROLS.search(text)!r}"


def test_titles_and_metadata_drop_direction_characters_and_show_controls(control_built: Built) -> None:
    site = control_built.site
    assert page_title(site, QUESTIONS_PAGE) == f"{CONTROL_TITLE} - {SITE_NAME}"
    assert header_title(site, QUESTIONS_PAGE) == CONTROL_TITLE
    corpus = json.loads((site / "data" / "kamerdossier.json").read_text(encoding="utf-8"))
    letter = next(item for item in corpus["letters"] if item["kind"] == "schriftelijke-vragen")
    assert (letter["title"], letter["subject"]) == (CONTROL_TITLE, CONTROL_SUBJECT_SHOWN)
    assert letter["askers"][0]["name"] == CONTROL_ASKER_SHOWN
    assert CONTROL_TITLE in feed_titles(site)["brieven.xml"]
    titles = [as_text(entry["title"]).get_text() for entry in search_entries(site)]
    assert CONTROL_TITLE in [" ".join(title.split()) for title in titles]
    for title in titles + [page_title(site, QUESTIONS_PAGE), *feed_titles(site)["brieven.xml"]]:
        assert not BIDI_FORMAT.search(title), title
    committee = load_html(site / COMMITTEE_PAGE)
    assert any(h2.get_text().strip().endswith("GroenLinks-PvdA\ufffd¶") for h2 in committee.find_all("h2"))


def test_a_letters_text_shows_controls_and_direction_controls_as_replacement_characters(control_built: Built) -> None:
    site = control_built.site
    question = " ".join(load_html(site / QUESTIONS_PAGE).article.get_text().split())
    assert CONTROL_QUESTION_SHOWN in question
    assert "NOS\ufffd.nl\ufffd, 2 oktober 2025" in question
    assert CONTROL_ANSWER_SHOWN in " ".join(load_html(site / ANSWER_PAGE).article.get_text().split())
    corpus = json.loads((site / "data" / "kamerdossier.json").read_text(encoding="utf-8"))
    letter = next(item for item in corpus["letters"] if item["kind"] == "schriftelijke-vragen")
    assert CONTROL_QUESTION_SHOWN in " ".join(letter["questions"][1]["text"].split())
    assert any(CONTROL_QUESTION_SHOWN in " ".join(row["question_text"].split()) for row in csv_rows(site))


def test_two_builds_on_different_days_give_the_same_sitemap(control_built: Built, built_site: Path) -> None:
    """The clean site was built today, this one as on 9 September 2001, from letters at the same
    addresses: the sitemap and its gzip copy are the same bytes."""
    for name in ("sitemap.xml", "sitemap.xml.gz"):
        assert (control_built.site / name).read_bytes() == (built_site / name).read_bytes(), name
    assert "lastmod" not in (built_site / "sitemap.xml").read_text(encoding="utf-8")


@pytest.mark.parametrize("fixture", ["markdown_built", "html_built"])
def test_nothing_of_a_hostile_letter_is_lost(fixture: str, request: pytest.FixtureRequest) -> None:
    """The nothing-lost check (exact characters) holds for every letter of the hostile seeds."""
    from generator.build import parse_sources
    from generator.link import link_corpus
    from generator.render.addresses import assign_addresses
    from tests.site.test_nothing_lost import lost_from_page

    built: Built = request.getfixturevalue(fixture)
    root = built.docs.parent
    records, diagnostics = parse_sources(root / "seeds")
    corpus = link_corpus(records, diagnostics)
    addresses = assign_addresses(corpus)
    checked = 0
    for record in corpus.records:
        for letter in record.letters:
            page = addresses.letter_page(LetterKey(record.path, letter.index))
            assert page is not None
            lost = lost_from_page(built.site, page, record, letter, root)
            assert not lost, f"{record.path}: missing from {page}: " + ", ".join(lost[:10])
            checked += 1
    assert checked == 4  # the written questions, and the verslag's cover note, committee letter and answer
