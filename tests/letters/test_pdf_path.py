"""The eight development PDFs built as one corpus, PDF input, with the command line (issue 8).

Each letter's built page is checked against `tests/letters/expected.py`, which was written by
reading the PDFs: every question and answer number has its anchor; the first words of each
answer stand under its answer anchor and no question section holds its answer; every printed
footnote is on the page, referenced from the word the PDF puts its marker on; no page holds the
page furniture (ISSN, place and year of printing, running head, the identifier) as text; every
referral links to the right answer; and nothing of the PDF's text layer is lost.

The build and the metadata and hyphen checks are those the text path uses (tests/letters/checks.py).
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup, Tag

from generator.model import LineLayout, Record
from generator.readers import read_source
from generator.verify import furniture_in, missing_words
from tests.letters import checks
from tests.letters.expected import FURNITURE, LETTERS, Letter

IDS = [letter.identifier for letter in LETTERS]


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> checks.BuiltLetters:
    """The eight PDFs, and nothing else, built strictly into a site (tests/letters/checks.py)."""
    return checks.build_letters(tmp_path_factory.mktemp("letters-pdf"), ".pdf")


@pytest.fixture(scope="module")
def records(shared: checks.BuiltLetters) -> dict[str, Record]:
    return shared.records


@pytest.fixture(scope="module")
def pages(shared: checks.BuiltLetters) -> dict[str, BeautifulSoup]:
    return shared.pages


def _article(page: BeautifulSoup) -> Tag:
    article = page.select_one("article")
    assert article is not None
    return article


def _normal(text: str) -> str:
    return " ".join(text.split())


def _section(page: BeautifulSoup, anchor: str) -> tuple[Tag, str]:
    """The heading with id `anchor` and the text that stands under it up to the next heading,
    without the citation and the question-answer navigation the page adds."""
    heading = _article(page).find(id=anchor)
    assert isinstance(heading, Tag), f"no anchor #{anchor}"
    parts = []
    for sibling in heading.find_next_siblings():
        if sibling.name in ("h1", "h2", "h3") or (sibling.name == "div" and "footnote" in sibling.get("class", [])):
            break
        classes = sibling.get("class", [])
        if "kd-cite" in classes or "kd-thread" in classes:
            continue
        parts.append(sibling.get_text(""))
    return heading, _normal(" ".join(parts))


def test_the_eight_pdfs_build_strictly_without_problems(shared: checks.BuiltLetters) -> None:
    assert "0 problem(s)" in shared.stderr, shared.stderr  # build_letters asserts the strict build passed


@pytest.mark.parametrize("letter", LETTERS, ids=IDS)
def test_every_question_and_answer_number_has_its_anchor(pages: dict[str, BeautifulSoup], letter: Letter) -> None:
    article = _article(pages[letter.identifier])
    for role, headings in (("vraag", letter.questions), ("antwoord", letter.answers)):
        for heading in headings:
            for number in heading.numbers:
                assert article.find(id=f"{role}-{number}"), f"#{role}-{number} missing"


@pytest.mark.parametrize("letter", LETTERS, ids=IDS)
def test_each_answer_stands_under_its_anchor_and_no_question_holds_it(pages: dict[str, BeautifulSoup], letter: Letter) -> None:
    page = pages[letter.identifier]
    for question, answer in zip(letter.questions, letter.answers):
        _, question_text = _section(page, f"vraag-{question.numbers[0]}")
        _, answer_text = _section(page, f"antwoord-{answer.numbers[0]}")
        assert question_text.startswith(question.first_words), f"vraag {question.numbers}: {question_text[:80]!r}"
        assert answer_text.startswith(answer.first_words), f"antwoord {answer.numbers}: {answer_text[:80]!r}"
        assert answer.first_words not in question_text, f"vraag {question.numbers} holds its answer"


def _text_before(reference: Tag) -> str:
    """The text of the paragraph a footnote reference stands in, up to the reference."""
    paragraph = reference.find_parent(["p", "li"])
    assert paragraph is not None
    before = []
    for node in paragraph.descendants:
        if node is reference:
            break
        if isinstance(node, str) and not any(parent is reference for parent in node.parents):
            before.append(str(node))
    return _normal("".join(before))


@pytest.mark.parametrize("letter", LETTERS, ids=IDS)
def test_every_footnote_is_on_the_page_referenced_from_its_word(pages: dict[str, BeautifulSoup], letter: Letter) -> None:
    article = _article(pages[letter.identifier])
    notes = article.select_one("div.footnote")
    assert notes is not None
    for footnote in letter.footnotes:
        bodies = [li for li in notes.find_all("li", value=str(footnote.number)) if li.get("id")]
        assert len(bodies) == 1, f"footnote {footnote.number} is not on the page (once)"
        assert _normal(bodies[0].get_text("")).startswith(footnote.body_start), f"footnote {footnote.number}: {bodies[0].get_text()[:60]!r}"
        references = article.select(f'sup a.footnote-ref[href="#{bodies[0]["id"]}"]')
        assert references, f"no marker refers to footnote {footnote.number}"
        before = _text_before(references[0].find_parent("sup"))
        assert before.endswith(footnote.marker_after), f"footnote {footnote.number} stands after {before[-50:]!r}"


def _running_text(page: BeautifulSoup) -> str:
    """The letter's text on its page: the article without the metadata list under the title."""
    article = BeautifulSoup(str(_article(page)), "html.parser")
    title = article.find("h1")
    metadata = title.find_next_sibling("ul") if title else None
    if metadata is not None:
        metadata.decompose()
    return _normal(article.get_text(" "))


@pytest.mark.parametrize("letter", LETTERS, ids=IDS)
def test_no_page_holds_the_page_furniture_as_text(pages: dict[str, BeautifulSoup], letter: Letter) -> None:
    text = _running_text(pages[letter.identifier])
    for furniture in (*FURNITURE, letter.identifier):
        assert furniture not in text
    assert "ISSN" not in text


@pytest.mark.parametrize("letter", LETTERS, ids=IDS)
def test_the_identifier_is_the_records_metadata(records: dict[str, Record], letter: Letter) -> None:
    record = records[letter.identifier]
    assert record.identifier == letter.identifier
    assert {item.text for item in record.furniture if item.reason == "document id"} == {letter.identifier}


@pytest.mark.parametrize("letter", LETTERS, ids=IDS)
def test_the_identifier_links_to_the_official_publication(pages: dict[str, BeautifulSoup], letter: Letter) -> None:
    article = _article(pages[letter.identifier])
    links = [a for a in article.find_all("a", href=letter.url) if letter.identifier in a.get_text()]
    assert links, f"no link to {letter.url}"


REFERRING = [letter for letter in LETTERS if letter.referrals]


@pytest.mark.parametrize("letter", REFERRING, ids=[letter.identifier for letter in REFERRING])
def test_every_referral_links_to_the_right_answer(pages: dict[str, BeautifulSoup], letter: Letter) -> None:
    page = pages[letter.identifier]
    for referral in letter.referrals:
        heading, text = _section(page, f"antwoord-{referral.source}")
        assert _normal(referral.sentence) in text
        links = set()
        for sibling in heading.find_next_siblings():
            if sibling.name in ("h1", "h2", "h3"):
                break
            if "kd-thread" in sibling.get("class", []):
                continue
            links.update(a["href"] for a in sibling.find_all("a", href=True))
        for target in referral.targets:
            assert f"#antwoord-{target}" in links, f"antwoord {referral.source} does not link to antwoord {target}"


# --- Nothing lost: every word of the PDF's text layer is on the page, in order ---------------------

MARKER_DIGITS = re.compile(r"^\d{1,3}\s*")


def _superscripts_apart(line: str, place: LineLayout) -> str:
    """The line with a space before each run set smaller and higher than the run before it, so a
    year and its raised footnote number (`2022⁴`, in the text layer `20224`) compare as two words."""
    cuts = [
        run.start for before, run in zip(place.runs, place.runs[1:])
        if run.size < before.size and run.baseline < before.baseline
    ]
    for cut in reversed(cuts):
        line = line[:cut] + " " + line[cut:]
    return line


@pytest.mark.parametrize("letter", LETTERS, ids=IDS)
def test_every_word_of_the_pdf_text_is_on_the_page_in_order(
    shared: checks.BuiltLetters, records: dict[str, Record], pages: dict[str, BeautifulSoup], letter: Letter
) -> None:
    record = records[letter.identifier]
    source = read_source(shared.seeds.parent / record.path, record.path)
    assert source.layout is not None
    lines = source.lines
    # a footnote body's lines: within its span and in the small print of the page foot
    text_size = max(
        {run.size for place in source.layout.lines for run in place.runs},
        key=lambda size: sum(run.end - run.start for place in source.layout.lines for run in place.runs if run.size == size),
    )
    note_lines: dict[int, int] = {}
    for note in record.letters[0].footnotes:
        for number in range(note.span.line, note.span.end_line + 1):
            if max(run.size for run in source.layout.lines[number - 1].runs) < text_size:
                note_lines[number] = note.number
    article = BeautifulSoup(str(_article(pages[letter.identifier])), "html.parser")
    notes = article.select_one("div.footnote")
    assert notes is not None
    notes_text = notes.get_text(" ")
    notes.decompose()
    running = article.get_text(" ")
    lines = tuple(_superscripts_apart(line, place) for line, place in zip(lines, source.layout.lines))
    text_lines = tuple("" if number in note_lines else line for number, line in enumerate(lines, start=1))
    missing = missing_words(text_lines, furniture_in(record.furniture, 1, len(lines)), running)
    assert not missing, "words missing from the page: " + ", ".join(f"line {i + 1}: {w!r}" for i, w in missing[:10])
    body_lines = tuple(
        MARKER_DIGITS.sub("", line) if number in note_lines and note_lines.get(number - 1) != note_lines[number] else line
        for number, line in enumerate(lines, start=1)
        if number in note_lines
    )
    missing = missing_words(body_lines, (), notes_text)
    assert not missing, f"footnote words missing from the page: {missing[:5]}"
    # and the furniture the check left out is furniture indeed: each item's text is on its line
    for item in record.furniture:
        assert item.text in lines[item.span.line - 1]


# --- The checks shared with the text path (tests/letters/checks.py) --------------------------------


@pytest.mark.parametrize("letter", LETTERS, ids=IDS)
def test_the_metadata_is_read_from_the_document(shared: checks.BuiltLetters, letter: Letter) -> None:
    checks.check_metadata(shared, letter)


@pytest.mark.parametrize("letter", [letter for letter in LETTERS if letter.hyphens], ids=lambda letter: letter.identifier)
def test_words_split_at_a_line_end_read_whole_or_keep_the_hyphen_of_their_compound(shared: checks.BuiltLetters, letter: Letter) -> None:
    checks.check_hyphens(shared.pages[letter.identifier], letter)  # the PDF loses no hyphen: all must read right
