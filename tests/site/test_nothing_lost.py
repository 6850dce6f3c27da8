"""Nothing is lost: every word of each source letter appears in its built page, in order.

Footnote bodies are compared with the page's footnotes; lines the parser named as page
furniture are left out (see generator.verify).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.build import parse_sources
from generator.link import link_corpus
from generator.model import LetterKey
from generator.render.addresses import assign_addresses, page_url
from generator.verify import furniture_in, letter_lines, missing_words
from tests.conftest import SEEDS, load_html

RECORDS, DIAGNOSTICS = parse_sources(SEEDS)
CORPUS = link_corpus(RECORDS, DIAGNOSTICS)
ADDRESSES = assign_addresses(CORPUS)
LETTERS = [(record, letter) for record in CORPUS.records for letter in record.letters]


def _page_texts(site: Path, page: str) -> tuple[str, str]:
    """The running text and the footnotes' text of a built page."""
    html = load_html(site / page_url(page) / "index.html")
    article = html.select_one("article") or html
    notes = article.select_one("div.footnote")
    notes_text = notes.get_text(" ") if notes else ""
    if notes:
        notes.decompose()
    return article.get_text(" "), notes_text


@pytest.mark.parametrize(("record", "letter"), LETTERS, ids=[f"{r.path.split('/')[-1]}#{l.index}" for r, l in LETTERS])
def test_every_source_word_is_in_the_page_in_order(built_site: Path, record, letter) -> None:
    page = ADDRESSES.letter_page(LetterKey(record.path, letter.index))
    assert page is not None
    running, notes = _page_texts(built_site, page)
    lines = (SEEDS.parent / record.path).read_text(encoding="utf-8").split("\n")
    first, last = letter_lines(record, letter.index, len(lines))
    note_lines = {line for note in letter.footnotes for line in range(note.span.line, note.span.end_line + 1)}
    text_lines = tuple("" if n in note_lines else lines[n - 1] for n in range(first, last + 1))
    missing = missing_words(text_lines, furniture_in(record.furniture, first, last), running)
    assert not missing, f"{record.path}: words missing from {page}: " + ", ".join(f"line {first + i}: {w!r}" for i, w in missing[:10])
    for note in letter.footnotes:
        body = tuple(lines[n - 1] for n in range(note.span.line, note.span.end_line + 1))
        body = (body[0].lstrip().split(None, 1)[-1].lstrip(")\u00a0 ") if body[0].strip()[:1].isdigit() else body[0], *body[1:])
        missing = missing_words(body, (), notes)
        assert not missing, f"{record.path}: footnote {note.number} lost words on {page}: {missing[:5]}"


def test_the_check_notices_a_lost_word() -> None:
    text = "De vaste commissie voor Digitalisering heeft schriftelijk overleg gevoerd"
    assert missing_words((text,), (), text.replace("schriftelijk ", "")) == [(0, "schriftelijk")]
    # words present but out of order count as missing
    assert missing_words((text,), (), "gevoerd " + text.replace(" gevoerd", "")) == [(0, "gevoerd")]
    # a broken word and furniture cut from a line
    assert missing_words(("zoals verzocht in de motie-", "", "Kathmann/Six Dijkstra"), (), "zoals verzocht in de motie-Kathmann/Six Dijkstra") == []
    assert missing_words(("ah-tk-20252026-412Vraag 6",), ((0, "ah-tk-20252026-412"),), "Vraag 6") == []
