"""Nothing is lost: every character of each source letter appears in its built page, in order.

Not only letters and digits: punctuation, underscores, asterisks and every other character count
(apart from white space). Footnote bodies are compared with the page's footnotes; lines the
parser named as page furniture are left out (see generator.verify).
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
    for term in article.select("abbr.kd-term"):  # a glossary term is inline markup inside a word
        term.unwrap()  # (`motie-Kathmann`): read its text with the word it stands in
    for note in article.select("aside.kd-note"):
        note.decompose()  # editorial notes are not the letter's text
    article.smooth()
    notes = article.select_one("div.footnote")
    notes_text = notes.get_text(" ") if notes else ""
    if notes:
        notes.decompose()
    return article.get_text(" "), notes_text


def lost_from_page(site: Path, page: str, record, letter, root: Path = SEEDS.parent) -> list[str]:
    """What of a letter's source (under `root`) its built page lacks: `line N: 'token'`, running
    text and footnotes apart; empty when nothing is lost."""
    running, notes = _page_texts(site, page)
    lines = (root / record.path).read_text(encoding="utf-8").split("\n")
    first, last = letter_lines(record, letter.index, len(lines))
    note_lines = {line for note in letter.footnotes for line in range(note.span.line, note.span.end_line + 1)}
    text_lines = tuple("" if n in note_lines else lines[n - 1] for n in range(first, last + 1))
    numbers = frozenset(note.number for note in letter.footnotes)
    lost = [f"line {first + i}: {w!r}" for i, w in missing_words(text_lines, furniture_in(record.furniture, first, last), running, numbers)]
    for note in letter.footnotes:
        body = tuple(lines[n - 1] for n in range(note.span.line, note.span.end_line + 1))
        body = (body[0].lstrip().split(None, 1)[-1].lstrip(")\u00a0 ") if body[0].strip()[:1].isdigit() else body[0], *body[1:])
        lost += [f"footnote {note.number}: {w!r}" for _, w in missing_words(body, (), notes)]
    return lost


@pytest.mark.parametrize(("record", "letter"), LETTERS, ids=[f"{r.path.split('/')[-1]}#{l.index}" for r, l in LETTERS])
def test_every_source_character_is_in_the_page_in_order(built_site: Path, record, letter) -> None:
    page = ADDRESSES.letter_page(LetterKey(record.path, letter.index))
    assert page is not None
    lost = lost_from_page(built_site, page, record, letter)
    assert not lost, f"{record.path}: missing from {page}: " + ", ".join(lost[:10])


def test_the_check_notices_a_lost_word() -> None:
    text = "De vaste commissie voor Digitalisering heeft schriftelijk overleg gevoerd"
    assert missing_words((text,), (), text.replace("schriftelijk ", "")) == [(0, "schriftelijk")]
    # words present but out of order count as missing
    assert missing_words((text,), (), "gevoerd " + text.replace(" gevoerd", "")) == [(0, "gevoerd")]
    # a broken word and furniture cut from a line
    assert missing_words(("zoals verzocht in de motie-", "", "Kathmann/Six Dijkstra"), (), "zoals verzocht in de motie-Kathmann/Six Dijkstra") == []
    assert missing_words(("ah-tk-20252026-412Vraag 6",), ((0, "ah-tk-20252026-412"),), "Vraag 6") == []
    # a year with its footnote marker glued to it (ah-tk-20232024-1771: `uit 20224 waaruit`)
    assert missing_words(("uit 20224 waaruit",), (), "uit 2022 [4] waaruit", frozenset({4})) == []
    assert missing_words(("uit 20224 waaruit",), (), "uit 2022 waaruit", frozenset({4})) == [(0, "20224")]
    assert missing_words(("uit 20224 waaruit",), (), "uit 2022 [4] waaruit") == [(0, "20224")]  # no footnote 4
    # a compound's hyphen pdftotext dropped, given back by the parser (ah-tk-20232024-1980)
    assert missing_words(("de motie JosephAgema,7 blijft",), (), "de motie Joseph-Agema, [7] blijft") == []
    assert (0, "7") in missing_words(("de motie JosephAgema,7 blijft",), (), "de motie Joseph-Agema, blijft")


def test_the_check_compares_every_character_not_only_letters_and_digits() -> None:
    """Synthetic lines (no seed letter holds Markdown): what Markdown would eat is noticed."""
    assert missing_words(("zie __init__.py",), (), "zie _init_.py") == [(0, "__init__.py")]
    assert missing_words(("*x* en [a](b)",), (), "x en a") != []
    assert missing_words(("100% veilig?",), (), "100 veilig?") == [(0, "%")]
    assert missing_words(("100% veilig?",), (), "100% veilig?") == []
    # a word broken at a line end: the hyphen kept or mended, never another character lost
    assert missing_words(("de beoorde-", "ling"), (), "de beoordeling") == []
    assert missing_words(("de motie-", "Kathmann"), (), "de motie-Kathmann") == []
    assert missing_words(("de beoorde-", "ling"), (), "de beoorde ling") == [(0, "-")]
    # a footnote marker `1)` is shown as the reference [1]; other numbers keep their parenthesis
    assert missing_words(("VS’? 1)",), (), "VS’? [1]", frozenset({1})) == []
    assert missing_words(("VS’? 2)",), (), "VS’? [2]", frozenset({1})) == [(0, ")")]
