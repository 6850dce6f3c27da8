"""Open data on the real seed letters: JSON (checked against the schema), CSV and Atom feeds."""

from __future__ import annotations

import copy
import csv
import io
import json
import re
import xml.etree.ElementTree as etree
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from generator.build import parse_sources
from generator.link import link_corpus
from generator.model import Answer, Corpus, Letter, LetterKey, Paragraph, Question
from generator.render import render_site
from generator.render.addresses import assign_addresses, page_url
from generator.render.context import build_context
from generator.render.data import CORPUS_JSON, LETTERS_FEED, PAIR_COLUMNS, PAIRS_CSV, render_data
from generator.render.escape import metadata_text, xml_attribute, xml_text

REPO = Path(__file__).resolve().parents[2]
SCHEMA = REPO / "generator" / "schema" / "kamerdossier.schema.json"
SITE = "https://kamerdossier.example/"

WRITTEN_QUESTIONS_JSON = "tweede-kamer/2025-10-07/schriftelijke-vragen.json"
COMMITTEE_JSON = "eerste-kamer/2025-12-02/commissiebrief.json"
ANSWERS_JSON = "eerste-kamer/2026-02-12/antwoordbrief.json"
COVER_NOTE_JSON = "eerste-kamer/2026-02-12/verslag-schriftelijk-overleg.json"
COMMITTEE_PAGE_URL = SITE + "eerste-kamer/2025-12-02/commissiebrief/"

ATOM = "{http://www.w3.org/2005/Atom}"
HOSTILE = '<script>alert("Kamer & Senaat")</script>'
"""Text that must come out of JSON and XML exactly as it went in."""


def _seed_corpus() -> Corpus:
    records, diagnostics = parse_sources(REPO / "seeds")
    return link_corpus(records, diagnostics)



def _render(corpus: Corpus, site_url: str) -> dict[str, str]:
    """The open data of a corpus, rendered with the context its pages would have."""
    return render_data(build_context(corpus, open_data=True, site_url=site_url))

@pytest.fixture(scope="module")
def corpus() -> Corpus:
    return _seed_corpus()


@pytest.fixture(scope="module")
def files(corpus: Corpus) -> dict[str, str]:
    return _render(corpus, SITE)


@pytest.fixture(scope="module")
def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _letter(files: dict[str, str], path: str) -> dict:
    return json.loads(files[path])["letter"]


def _entries(feed_text: str) -> list[etree.Element]:
    root = etree.fromstring(feed_text)
    assert root.tag == f"{ATOM}feed"
    return root.findall(f"{ATOM}entry")


# --- Files and places ---------------------------------------------------------------------------


def test_every_letter_has_a_json_file_beside_its_page(corpus: Corpus, files: dict[str, str]) -> None:
    addresses = assign_addresses(corpus)
    pages = {addresses.letter_page(LetterKey(r.path, l.index)) for r in corpus.records for l in r.letters}
    letter_files = {path for path in files if path.endswith(".json") and path != CORPUS_JSON}
    assert letter_files == {page.removesuffix(".md") + ".json" for page in pages}
    assert {WRITTEN_QUESTIONS_JSON, COMMITTEE_JSON, ANSWERS_JSON, COVER_NOTE_JSON} <= letter_files
    assert {CORPUS_JSON, PAIRS_CSV, LETTERS_FEED} <= files.keys()


def test_written_questions_are_all_unanswered_with_their_anchors(files: dict[str, str]) -> None:
    letter = _letter(files, WRITTEN_QUESTIONS_JSON)
    assert letter["kind"] == "schriftelijke-vragen"
    assert letter["chamber"] == "Tweede Kamer"
    assert letter["date"] == "2025-10-07"
    assert [asker["name"] for asker in letter["askers"]] == ["Kathmann", "Six Dijkstra"]
    assert letter["url"] == SITE + "tweede-kamer/2025-10-07/schriftelijke-vragen/"
    assert letter["record"]["source_path"] == "seeds/000_04ae587ba6eeb66d.txt"
    questions = letter["questions"]
    assert len(questions) == 21
    for number, question in enumerate(questions, start=1):
        assert question["number"] == number
        assert question["status"] == "geen antwoord op deze site"
        assert question["anchor"] == f"vraag-{number}"
        assert question["url"] == f"{letter['url']}#vraag-{number}"
        assert question["answers"] == []
    assert questions[0]["text"].startswith("Bent u bekend met het bericht ‘Belastingdienst verplaatst mail")
    assert letter["answers"] == []


def test_answer_letter_links_answers_to_the_committee_questions(files: dict[str, str]) -> None:
    letter = _letter(files, ANSWERS_JSON)
    bbb = [answer for answer in letter["answers"] if answer["party"] == "BBB"]
    assert len(bbb) == 24
    for number, answer in enumerate(bbb, start=1):
        assert answer["number"] == number
        assert answer["url"].endswith(f"#bbb-antwoord-{number}")
    seventh = bbb[6]
    assert COMMITTEE_PAGE_URL + "#bbb-vraag-7" in seventh["questions"]
    assert letter["url"] + "#bbb-vraag-7" in seventh["questions"]  # the question as the letter quotes it
    assert seventh["status"] == "beantwoord"


def test_committee_question_links_to_its_answer_and_statuses_follow_the_link_pass(files: dict[str, str]) -> None:
    questions = {q["anchor"]: q for q in _letter(files, COMMITTEE_JSON)["questions"]}
    assert questions["bbb-vraag-7"]["answers"] == [SITE + "eerste-kamer/2026-02-12/antwoordbrief/#bbb-antwoord-7"]
    assert questions["bbb-vraag-11"]["status"] == "verwijzing"  # "Ik verwijs u naar het antwoord op vraag 10."
    assert questions["bbb-vraag-18"]["status"] == "vertrouwelijk"


def test_referrals_point_to_the_answer_they_name(files: dict[str, str]) -> None:
    answers = {a["anchor"]: a for a in _letter(files, ANSWERS_JSON)["answers"]}
    referral_urls = [referral["url"] for referral in answers["bbb-antwoord-11"]["referrals"]]
    assert SITE + "eerste-kamer/2026-02-12/antwoordbrief/#bbb-antwoord-10" in referral_urls


def test_footnotes_and_references_carry_anchors_and_urls(files: dict[str, str]) -> None:
    letter = _letter(files, WRITTEN_QUESTIONS_JSON)
    assert [f["anchor"] for f in letter["footnotes"]] == ["fn:1", "fn:2", "fn:3", "fn:4"]
    assert letter["footnotes"][0]["url"] == letter["url"] + "#fn:1"
    assert letter["footnotes"][0]["text"] == "NOS.nl, 2 oktober 2025"
    references = {reference["identifier"]: reference for reference in letter["references"]}
    motion = references["kst-26643-1315"]
    assert motion["kind"] == "kamerstuk"
    assert motion["url"] == "https://zoek.officielebekendmakingen.nl/kst-26643-1315.html"
    assert motion["corpus_url"] is None
    assert references["2025D42960"]["cited_at"] == letter["url"] + "#fn:3"
    # it cites Kamerstuk 26643, nr. 1315 and 36740, nr. 20 (lines 13, 18): it is in neither dossier
    assert letter["dossiers"] == [] and letter["cited_dossiers"] == ["26643", "36740"]


def test_a_reference_to_a_document_in_the_corpus_gets_its_page(corpus: Corpus) -> None:
    first, *rest = corpus.records
    cited = replace(first, identifier="kst-31066-506")  # as if the Tweede Kamer letter were that document
    files = _render(replace(corpus, records=(cited, *rest)), SITE)
    references = _letter(files, ANSWERS_JSON)["references"]
    target = next(reference for reference in references if reference["identifier"] == "kst-31066-506")
    assert target["corpus_url"] == SITE + "tweede-kamer/2025-10-07/schriftelijke-vragen/"


def test_anchors_in_the_data_are_the_anchors_on_the_pages(corpus: Corpus, files: dict[str, str]) -> None:
    pages = render_site(corpus)
    for path, text in files.items():
        if not path.endswith(".json") or path == CORPUS_JSON:
            continue
        page = pages[path.removesuffix(".json") + ".md"]
        letter = json.loads(text)["letter"]
        for block in letter["questions"] + letter["answers"]:
            assert re.search(rf"\{{#{re.escape(block['anchor'])}[\s}}]", page), (path, block["anchor"])
        for footnote in letter["footnotes"]:
            assert f"[^{footnote['number']}]:" in page, (path, footnote["anchor"])


# --- The timeline's events --------------------------------------------------------------------------


def _event(letter: dict, written: str) -> dict:
    (found,) = [event for event in letter["events"] if event["written"] == written]
    return found


def test_a_letters_own_date_and_a_date_its_footnote_gives_are_its_events(files: dict[str, str]) -> None:
    """The written questions: `(ingezonden 7 oktober 2025)` on line 1 of seeds/000_…, and footnote 1
    `NOS.nl, 2 oktober 2025` on line 89."""
    letter = _letter(files, WRITTEN_QUESTIONS_JSON)
    page = SITE + "tweede-kamer/2025-10-07/schriftelijke-vragen/"
    assert _event(letter, "7 oktober 2025") == {
        "date": "2025-10-07", "precision": "dag", "period": None, "label": "7 oktober 2025", "role": "ingezonden",
        "what": "vragen ingezonden", "written": "7 oktober 2025", "inferred": None, "url": page, "place": "",
        "timeline_url": SITE + "tijdlijn/2025-10/#datum-2025-10-07",
        "source": {"path": "seeds/000_04ae587ba6eeb66d.txt", "line": 1, "end_line": letter["source"]["end_line"]},
    }  # fmt: skip
    footnote = _event(letter, "2 oktober 2025")
    assert (footnote["date"], footnote["role"], footnote["what"]) == ("2025-10-02", "vermeld", "NOS.nl, 2 oktober 2025")
    assert (footnote["url"], footnote["place"]) == (page + "#fn:1", "voetnoot 1")
    assert footnote["timeline_url"] == SITE + "tijdlijn/2025-10/#datum-2025-10-02"
    assert footnote["source"]["line"] == 89


def test_an_inferred_year_and_a_part_of_a_year_keep_what_the_letter_says(files: dict[str, str]) -> None:
    """The answer letter of 12 februari 2026: `… van 1 juli.10` with footnote 10 `Kamerstukken II,
    2024/25, nr. 2592` (answer 1 of GroenLinks-PvdA), and `Begin dit jaar heeft de Belastingdienst …`
    (answer 9 of BBB)."""
    letter = _letter(files, ANSWERS_JSON)
    page = SITE + "eerste-kamer/2026-02-12/antwoordbrief/"
    july = _event(letter, "1 juli")
    assert (july["date"], july["precision"], july["label"]) == ("2025-07-01", "dag", "1 juli 2025")
    assert "2024/25" in july["inferred"]
    assert (july["url"], july["place"]) == (page + "#groenlinks-pvda-antwoord-1", "antwoord op vraag 1 (GroenLinks-PvdA)")
    begin = _event(letter, "Begin dit jaar")
    assert (begin["date"], begin["precision"], begin["period"], begin["label"]) == ("2026", "periode", "begin", "begin 2026")
    assert begin["what"].startswith("Begin dit jaar heeft de Belastingdienst")
    assert begin["inferred"] == "jaar uit de datum van de brief"
    assert (begin["url"], begin["timeline_url"]) == (page + "#bbb-antwoord-9", SITE + "tijdlijn/2026/#periode-2026-begin")
    sent = [event for event in letter["events"] if event["role"] != "vermeld"]
    assert [(event["date"], event["what"], event["url"]) for event in sent] == [("2026-02-12", "antwoordbrief verstuurd", page)]


def test_events_are_every_source_the_timeline_lists_in_date_then_reading_order(corpus: Corpus, files: dict[str, str]) -> None:
    """Each letter lists its sources of the link pass's events (`Links.events`, in date order, each
    date's sources in reading order) in that order, each leading to its date's anchor on the timeline."""
    pages = render_site(corpus, SITE)
    listed = 0
    for path, text in files.items():
        if not path.endswith(".json") or path.startswith("data/"):
            continue
        letter = json.loads(text)["letter"]
        key = LetterKey(letter["record"]["source_path"], letter["index"])
        expected = [(source.written, source.span.line) for event in corpus.links.events for source in event.sources if source.letter == key]
        assert [(event["written"], event["source"]["line"]) for event in letter["events"]] == expected, path
        for event in letter["events"]:
            target, anchor = event["timeline_url"].removeprefix(SITE).split("/#")
            assert re.search(rf"\{{#{re.escape(anchor)}\}}", pages[target + ".md"]), event["timeline_url"]
        listed += len(letter["events"])
    assert listed == sum(len(event.sources) for event in corpus.links.events) == 35


def test_hostile_text_in_an_events_phrase_stays_literal(corpus: Corpus, validator: Draft202012Validator) -> None:
    """Synthetic: the phrase of every event source replaced by HOSTILE (no seed letter holds markup)."""
    events = tuple(replace(event, sources=tuple(replace(source, phrase=HOSTILE) for source in event.sources)) for event in corpus.links.events)
    files = _render(replace(corpus, links=replace(corpus.links, events=events)), SITE)
    letter = _letter(files, WRITTEN_QUESTIONS_JSON)
    assert _event(letter, "2 oktober 2025")["what"] == HOSTILE
    assert validator.is_valid(json.loads(files[WRITTEN_QUESTIONS_JSON]))
    assert HOSTILE not in files[WRITTEN_QUESTIONS_JSON]  # its quotes escaped in the JSON text, literal once parsed


# --- Schema ----------------------------------------------------------------------------------------


def test_every_json_file_follows_the_schema(files: dict[str, str], validator: Draft202012Validator) -> None:
    checked = 0
    for path, text in files.items():
        if path.endswith(".json"):
            errors = sorted(validator.iter_errors(json.loads(text)), key=lambda error: list(error.path))
            assert not errors, f"{path}: {errors[0].message} at {list(errors[0].path)}"
            checked += 1
    assert checked == 5


@pytest.mark.parametrize(
    "spoil",
    [
        lambda doc: doc["letter"]["questions"][0].update(anchor="vraag-een"),
        lambda doc: doc["letter"]["questions"][0].update(status="misschien"),
        lambda doc: doc["letter"]["questions"][0].update(url="/tweede-kamer/#vraag-1"),
        lambda doc: doc["letter"]["footnotes"][0].update(anchor="fn-1"),
        lambda doc: doc["letter"].update(date="7 oktober 2025"),
        lambda doc: doc["letter"].update(unexpected=True),
        lambda doc: doc["letter"]["questions"][0].pop("text"),
        lambda doc: doc.update(letters=[]),
        lambda doc: doc["letter"]["events"][0].update(date="2025-06"),
        lambda doc: doc["letter"]["events"][0].update(period="eind"),
        lambda doc: doc["letter"]["events"][0].update(role="gebeurd"),
        lambda doc: doc["letter"]["events"][0].update(timeline_url="tijdlijn/2025-06/#datum-2025-06-02"),
    ],
    ids=["anchor", "status", "relative-url", "footnote-anchor", "date", "extra-field", "missing-text", "both-kinds",
         "event-date-less-precise", "event-period-of-a-day", "event-role", "event-relative-url"],
)
def test_the_schema_refuses_what_is_wrong(files: dict[str, str], validator: Draft202012Validator, spoil) -> None:
    document = copy.deepcopy(json.loads(files[WRITTEN_QUESTIONS_JSON]))
    assert validator.is_valid(document)
    spoil(document)
    assert not validator.is_valid(document)


# --- CSV -------------------------------------------------------------------------------------------


def test_csv_has_one_row_per_question(corpus: Corpus, files: dict[str, str]) -> None:
    rows = list(csv.DictReader(io.StringIO(files[PAIRS_CSV], newline="")))
    assert files[PAIRS_CSV].splitlines()[0].split(",") == list(PAIR_COLUMNS)
    questions = [
        block for record in corpus.records for letter in record.letters for block in letter.body
        if isinstance(block, Question)
    ]  # fmt: skip
    assert len(rows) == len(questions)
    assert len({row["question_url"] for row in rows}) == len(questions)
    unanswered = [row for row in rows if row["letter"] == SITE + "tweede-kamer/2025-10-07/schriftelijke-vragen/"]
    assert len(unanswered) == 21
    assert all(row["answer_url"] == "" and row["answer_text"] == "" for row in unanswered)
    assert all(row["status"] == "geen antwoord op deze site" for row in unanswered)
    seventh = next(row for row in rows if row["question_url"] == COMMITTEE_PAGE_URL + "#bbb-vraag-7")
    assert seventh["party"] == "BBB" and seventh["number"] == "7"
    assert seventh["answer_url"] == SITE + "eerste-kamer/2026-02-12/antwoordbrief/#bbb-antwoord-7"
    assert seventh["answer_text"]
    assert seventh["status"] == "beantwoord"


# --- Atom ------------------------------------------------------------------------------------------


def test_letters_feed_has_one_entry_per_letter_newest_first(corpus: Corpus, files: dict[str, str]) -> None:
    entries = _entries(files[LETTERS_FEED])
    letters = json.loads(files[CORPUS_JSON])["letters"]
    assert len(entries) == sum(len(record.letters) for record in corpus.records) == len(letters)
    assert sorted(entry.findtext(f"{ATOM}id") for entry in entries) == sorted(letter["url"] for letter in letters)
    updated = [entry.findtext(f"{ATOM}updated") for entry in entries]
    assert updated == sorted(updated, reverse=True)
    assert updated[-1] == "2025-10-07T00:00:00Z"
    for entry in entries:
        assert entry.findtext(f"{ATOM}title")
        assert entry.findtext(f"{ATOM}summary")
        assert entry.find(f"{ATOM}link[@rel='alternate'][@type='text/html']").get("href") == entry.findtext(f"{ATOM}id")


def test_each_dossier_has_a_feed_of_its_letters(files: dict[str, str]) -> None:
    corpus_data = json.loads(files[CORPUS_JSON])
    numbers = [dossier["number"] for dossier in corpus_data["dossiers"]]
    assert numbers == ["26643", "31066", "36740"]
    for dossier in corpus_data["dossiers"]:
        path = f"feeds/dossier-{dossier['number']}.xml"
        assert dossier["feed_url"] == SITE + path
        ids = [entry.findtext(f"{ATOM}id") for entry in _entries(files[path])]
        members = [letter["url"] for letter in corpus_data["letters"] if dossier["number"] in letter["dossiers"]]
        citing = [letter["url"] for letter in corpus_data["letters"] if dossier["number"] in letter["cited_dossiers"]]
        assert sorted(ids) == sorted(members) == sorted(dossier["letters"])
        assert sorted(citing) == sorted(dossier["citing_letters"])
    # 36740 is only cited, by the Tweede Kamer letter: its feed has no letter of the dossier
    assert _entries(files["feeds/dossier-36740.xml"]) == []
    written = SITE + "tweede-kamer/2025-10-07/schriftelijke-vragen/"
    assert [d["citing_letters"] for d in corpus_data["dossiers"]] == [[written], [], [written]]
    assert not {path for path in files if path.startswith("feeds/")} - {
        LETTERS_FEED, *(f"feeds/dossier-{number}.xml" for number in numbers)
    }


# --- Escaping and determinism ----------------------------------------------------------------------


def _with_letter(corpus: Corpus, change: Callable[[Letter], Letter]) -> Corpus:
    """The corpus with the Tweede Kamer letter (the first record's only letter) changed."""
    record, *rest = corpus.records
    return replace(corpus, records=(replace(record, letters=(change(record.letters[0]),)), *rest))


def _with_first_question(letter: Letter, change: Callable[[Question], Question]) -> Letter:
    """The letter with its first question changed."""
    body = list(letter.body)
    position = next(i for i, block in enumerate(body) if isinstance(block, Question))
    body[position] = change(body[position])
    return replace(letter, body=tuple(body))


def _with_hostile_text(corpus: Corpus) -> Corpus:
    """Put HOSTILE into the Tweede Kamer letter's subject, sender, title and first question."""

    def hostile_question(question: Question) -> Question:
        return replace(question, paragraphs=(replace(question.paragraphs[0], text=HOSTILE, markers=()),))

    return _with_letter(
        corpus,
        lambda letter: replace(
            _with_first_question(letter, hostile_question), subject=HOSTILE, sender=HOSTILE, title=HOSTILE
        ),
    )


def test_hostile_text_survives_json_csv_and_xml_literally(corpus: Corpus, validator: Draft202012Validator) -> None:
    files = _render(_with_hostile_text(corpus), SITE)
    letter = _letter(files, WRITTEN_QUESTIONS_JSON)
    assert letter["subject"] == letter["sender"] == letter["printed_title"] == HOSTILE
    assert HOSTILE in letter["title"]
    assert letter["questions"][0]["text"] == HOSTILE
    assert validator.is_valid(json.loads(files[WRITTEN_QUESTIONS_JSON]))
    rows = list(csv.DictReader(io.StringIO(files[PAIRS_CSV], newline="")))
    assert rows[0]["question_text"] == HOSTILE
    for path in (LETTERS_FEED,):
        assert "<script>" not in files[path]
        entry = next(e for e in _entries(files[path]) if e.findtext(f"{ATOM}id") == letter["url"])
        assert HOSTILE in entry.findtext(f"{ATOM}title")
        assert f"Onderwerp: {HOSTILE}." in entry.findtext(f"{ATOM}summary")


def test_characters_xml_cannot_hold_do_not_break_the_feed(corpus: Corpus) -> None:
    broken = "Vragen\x00 over\x1b Microsoft"
    files = _render(_with_letter(corpus, lambda letter: replace(letter, subject=broken)), SITE)
    titles = [entry.findtext(f"{ATOM}title") for entry in _entries(files[LETTERS_FEED])]
    assert any("Vragen\ufffd over\ufffd Microsoft" in title for title in titles)
    # the JSON could hold them escaped, but control characters reach no output (generator.render.escape)
    assert json.loads(files[WRITTEN_QUESTIONS_JSON])["letter"]["subject"] == "Vragen\ufffd over\ufffd Microsoft"


@pytest.mark.parametrize("value", [HOSTILE, "Dossier \"36 600\"\tA\nB", "R&D ]]> &amp; <!-- x -->", "Kathmann\u202e (GL)\x07"])
def test_a_feeds_text_and_attributes_reach_an_xml_parser_as_they_are(value: str) -> None:
    """Synthetic values (no letter has a tab or a quote in a dossier number): what a feed writes
    (`xml_text`, `xml_attribute`) parses back to the value as the metadata rule leaves it, line
    end and tab in an attribute included."""
    element = etree.fromstring(f'<entry term="{xml_attribute(value)}">{xml_text(value)}</entry>')
    assert element.get("term") == element.text == metadata_text(value)
    assert len(element) == 0


def test_output_is_byte_identical_across_runs(files: dict[str, str]) -> None:
    again = _render(_seed_corpus(), SITE)
    assert list(again) == list(files)
    assert again == files
    assert all(text.endswith("\n") and "\r" not in text for text in files.values())


def test_site_url_is_joined_with_one_slash_and_must_be_absolute(corpus: Corpus, files: dict[str, str]) -> None:
    assert _render(corpus, SITE.rstrip("/")) == files
    assert page_url("tweede-kamer/2025-10-07/schriftelijke-vragen.md") in _letter(files, WRITTEN_QUESTIONS_JSON)["url"]
    with pytest.raises(ValueError):
        _render(corpus, "/kamerdossier/")


def test_a_combined_answer_answers_each_question_it_names(corpus: Corpus) -> None:
    """Answer BBB 4 made to cover questions 4 and 5: both questions list it, it lists both."""
    record = corpus.records[1]
    letter = record.letters[2]
    body = tuple(
        replace(block, numbers=(4, 5)) if isinstance(block, Answer) and (block.party, block.number) == ("BBB", 4)
        else block
        for block in letter.body
        if not (isinstance(block, Answer) and (block.party, block.number) == ("BBB", 5))
    )  # fmt: skip
    letters = (*record.letters[:2], replace(letter, body=body))
    records = (corpus.records[0], replace(record, letters=letters), *corpus.records[2:])
    relinked = link_corpus(records, ())
    files = _render(relinked, SITE)
    answers = {a["anchor"]: a for a in _letter(files, ANSWERS_JSON)["answers"]}
    assert answers["bbb-antwoord-4"]["numbers"] == [4, 5]
    assert COMMITTEE_PAGE_URL + "#bbb-vraag-5" in answers["bbb-antwoord-4"]["questions"]
    questions = {q["anchor"]: q for q in _letter(files, COMMITTEE_JSON)["questions"]}
    assert questions["bbb-vraag-5"]["answers"] == [SITE + "eerste-kamer/2026-02-12/antwoordbrief/#bbb-antwoord-5"]


def test_paragraph_texts_are_joined_with_a_blank_line(corpus: Corpus) -> None:
    def add_paragraph(question: Question) -> Question:
        second = Paragraph("extra", "Tweede alinea.", question.paragraphs[0].span)
        return replace(question, paragraphs=(*question.paragraphs, second))

    files = _render(_with_letter(corpus, lambda letter: _with_first_question(letter, add_paragraph)), SITE)
    assert _letter(files, WRITTEN_QUESTIONS_JSON)["questions"][0]["text"].endswith("?\n\nTweede alinea.")


def test_csv_cells_a_spreadsheet_would_run_as_formulas_are_defused() -> None:
    from generator.render.escape import csv_cell

    assert [csv_cell(text) for text in ("=1+1", "+31", "-inning", "@SUM(A1)", "Ja.")] == [
        "'=1+1", "'+31", "'-inning", "'@SUM(A1)", "Ja.",
    ]


def test_csv_is_written_as_the_csv_module_writes_it() -> None:
    """`csv_text` writes rows itself (`csv.writer` is slow on a letter's text): every row here
    (synthetic cells, of the characters that make a cell quoted and those that do not) must come
    out as `csv.writer(…, lineterminator="\\n")` writes it, once the cells are made by `csv_cell`."""
    from itertools import product

    from generator.render.escape import csv_cell, csv_text

    pieces = ["", "a", ",", '"', "\n", "\r", "\r\n", " ", "=", "'", ";", "\t", "\x00", "é", '""', "a,b\nc"]
    cells = ["".join(combination) for combination in product(pieces, repeat=2)]
    rows = [(cell,) for cell in cells] + [tuple(cells[i : i + 3]) for i in range(len(cells) - 2)] + [(), ("", "")]
    for body in (frozenset(), frozenset({"b"})):
        for row in rows:
            header = tuple("abc"[: len(row)])
            expected = io.StringIO()
            writer = csv.writer(expected, lineterminator="\n")
            writer.writerow(header)
            writer.writerow([csv_cell(cell, name in body) for cell, name in zip(row, header)])
            assert csv_text(header, [row], body) == expected.getvalue(), repr(row)


def test_the_groenlinks_answer_begins_with_the_ministers_words_and_marks_the_questions_it_quotes(files: dict[str, str]) -> None:
    """seeds/001_… lines 409-443: the answer opens with `Allereerst wil ik graag aangeven …`; the
    members' questions it quotes on the way (lines 415-422 and 430) are quoted, not answer text."""
    letter = json.loads(files[ANSWERS_JSON])["letter"]
    answer = next(a for a in letter["answers"] if a["anchor"] == "groenlinks-pvda-antwoord-1")
    assert answer["text"].startswith("Allereerst wil ik graag aangeven dat de drie criteria")
    assert "vragen daarnaast" not in answer["text"] and "vragen u of zij" not in answer["text"]
    assert [q["text"][:62] for q in answer["quoted"]] == [
        "De leden van de fractie van GroenLinks-PvdA vragen u of zij hi",
        "De leden van de fractie van GroenLinks-PvdA vragen daarnaast o",
    ]
    assert [q["source"]["line"] for q in answer["quoted"]] == [415, 430]
    question = next(q for q in letter["questions"] if q["anchor"] == "groenlinks-pvda-vraag-1")
    assert "Allereerst" not in question["context"] + question["text"]
    rows = list(csv.DictReader(io.StringIO(files[PAIRS_CSV])))
    (row,) = [r for r in rows if r["answer_url"].endswith("antwoordbrief/#groenlinks-pvda-antwoord-1") and "commissiebrief" in r["letter"]]
    assert row["answer_text"].startswith("Allereerst wil ik graag aangeven")
