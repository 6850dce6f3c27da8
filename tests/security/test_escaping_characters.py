"""Control and direction characters reach no output; two builds on different days are the same.

The real seeds with controls (C0, C1, DEL) and direction controls and marks injected into a
subject, an asker, a question, a heading, an answer and a footnote (synthetic: no real letter
holds them), built with the command line as on another day. The rule is
`generator.render.escape`'s: metadata drops direction formatting, a letter's text shows it as
`\ufffd`; every other control is shown as `\ufffd`.
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
    QUESTIONS_PAGE,
    SITE_NAME,
    csv_rows,
    feed_titles,
    header_title,
    inject,
    page_title,
    search_entries,
)
from tests.security.harness import QUESTIONS, VERSLAG, Built, build, make_seeds

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
    for entry in search_entries(control_built.site):  # the Pagefind index: gzip'd, so read here
        text = entry["title"] + " " + entry["text"]
        assert not CONTROLS.search(text), f"search index, {entry['location']}: {CONTROLS.search(text)!r}"
        assert not BIDI_CONTROLS.search(text), f"search index, {entry['location']}: {BIDI_CONTROLS.search(text)!r}"


def test_titles_and_metadata_drop_direction_characters_and_show_controls(control_built: Built) -> None:
    site = control_built.site
    assert page_title(site, QUESTIONS_PAGE) == f"{CONTROL_TITLE} - {SITE_NAME}"
    assert header_title(site, QUESTIONS_PAGE) == CONTROL_TITLE
    corpus = json.loads((site / "data" / "kamerdossier.json").read_text(encoding="utf-8"))
    letter = next(item for item in corpus["letters"] if item["kind"] == "schriftelijke-vragen")
    assert (letter["title"], letter["subject"]) == (CONTROL_TITLE, CONTROL_SUBJECT_SHOWN)
    assert letter["askers"][0]["name"] == CONTROL_ASKER_SHOWN
    assert CONTROL_TITLE in feed_titles(site)["brieven.xml"]
    titles = [entry["title"] for entry in search_entries(site)]
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
    addresses: the sitemap is the same bytes, and its gzip copy carries no time stamp.

    But for one page: the control heading `fractie van GroenLinks-PvdA<RLO><U+0005>` names a party the
    seeds do not have (shown as `GroenLinks-PvdA\ufffd`), and each party has a page of its own."""
    import gzip
    import re

    control = (control_built.site / "sitemap.xml").read_bytes()
    extra = re.compile(rb"\s*<url>\s*<loc>[^<]*/partijen/groenlinks-pvda-2/</loc>\s*</url>")
    assert len(extra.findall(control)) == 1
    assert extra.sub(b"", control) == (built_site / "sitemap.xml").read_bytes()
    for site in (control_built.site, built_site):
        packed = (site / "sitemap.xml.gz").read_bytes()
        assert packed[4:8] == b"\0\0\0\0" and gzip.decompress(packed) == (site / "sitemap.xml").read_bytes()
    assert "lastmod" not in (built_site / "sitemap.xml").read_text(encoding="utf-8")
