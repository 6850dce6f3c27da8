"""Hostile input of every class the adversarial benchmark times is read whole, at small sizes.

`benchmarks/adversarial.py` builds each class by injecting into a copy of a real seed letter (a
line without spaces, runs of em spaces in a name, `aan de x aan de x …` without `over`, a URL
ending in `)`s, a 5,000-digit number after `vraag` …) and checks that time grows linearly. These
tests build the same inputs at a few thousand characters and check what comes out: the letter
parses, links and renders without a crash, every word of the source is on its page in order,
and the few classes with a definite reading are read so. They never time anything.

The injected text itself is synthetic (no seed letter holds such a thing); the letters around it
are the real seeds.
"""

from __future__ import annotations

import pytest

from benchmarks.adversarial import CLASSES, Q1, QUESTIONS, HostileClass, in_answer, injected
from generator.link import link_corpus
from generator.model import Answer, LetterKey, Question, Record, SourceText
from generator.parse import parse_record
from generator.render import render_site
from generator.render.addresses import assign_addresses
from generator.verify import furniture_in, letter_lines, missing_words

SIZE = 3000
"""Characters injected: small enough for a quick test, large enough to hold many repeats."""
SITE_URL = "https://kamerdossier.example/"


def build(text: str, path: str) -> tuple[Record, tuple, dict[str, str], dict[int, str]]:
    """Parse, link and render one letter: its record, diagnostics, pages, and each letter's page."""
    record, diagnostics = parse_record(SourceText(path, tuple(text.split("\n"))))
    corpus = link_corpus((record,), diagnostics)
    pages = render_site(corpus, SITE_URL)
    addresses = assign_addresses(corpus)
    letter_pages = {}
    for letter in record.letters:
        page = addresses.letter_page(LetterKey(record.path, letter.index))
        assert page is not None, f"letter {letter.index} has no page"
        letter_pages[letter.index] = pages[page]
    return corpus.records[0], corpus.diagnostics, pages, letter_pages


def lost_words(record: Record, lines: list[str], letter_pages: dict[int, str]) -> list[str]:
    """Source words missing from their letter's page, in order (footnote bodies included)."""
    missing = []
    for letter in record.letters:
        first, last = letter_lines(record, letter.index, len(lines))
        page = letter_pages[letter.index]
        note_lines = {n for note in letter.footnotes for n in range(note.span.line, note.span.end_line + 1)}
        running = tuple("" if n in note_lines else lines[n - 1] for n in range(first, last + 1))
        numbers = frozenset(note.number for note in letter.footnotes)
        skip = furniture_in(record.furniture, first, last)
        missing += [f"line {first + i}: {w[:40]!r}" for i, w in missing_words(running, skip, page, numbers)]
        for note in letter.footnotes:  # the body without its number, as on the page
            body = tuple(lines[n - 1] for n in range(note.span.line, note.span.end_line + 1))
            body = (body[0].lstrip().split(None, 1)[-1].lstrip(")\u00a0 ") if body[0].strip()[:1].isdigit() else body[0], *body[1:])
            missing += [f"footnote {note.number}: {w[:40]!r}" for _i, w in missing_words(body, (), page)]
    return missing


@pytest.mark.parametrize("hostile", CLASSES, ids=[hostile.name for hostile in CLASSES])
def test_a_hostile_letter_is_read_whole(hostile: HostileClass) -> None:
    text = hostile.text(SIZE)
    path = f"seeds/{hostile.seed}.txt"
    record, diagnostics, _pages, letter_pages = build(text, path)
    assert not [d for d in diagnostics if "internal error" in d.message]
    assert record.letters
    missing = lost_words(record, text.split("\n"), letter_pages)
    assert not missing, f"{hostile.name}: words missing from the page: {missing[:5]}"


def _hostile(name: str) -> HostileClass:
    return next(hostile for hostile in CLASSES if hostile.name == name)


def _questions(record: Record) -> list[Question]:
    return [block for letter in record.letters for block in letter.body if isinstance(block, Question)]


def test_a_huge_question_number_is_text_not_a_question() -> None:
    hostile = _hostile("a huge question number")
    record, _, _, _ = build(hostile.text(5000), f"seeds/{QUESTIONS}.txt")
    numbers = [question.number for question in _questions(record)]
    assert numbers[:3] == [1, 2, 3] and max(numbers) < 1000
    (letter,) = record.letters
    texts = [paragraph.text for paragraph in letter.head]
    assert f"Vraag {'9' * 5000} Bent u bekend met het bericht" in texts, "the number stays text, in a paragraph of its own"


def test_antwoord_op_vraag_with_5000_digits_is_text_and_links_nothing() -> None:
    text = injected(QUESTIONS, Q1, in_answer("het antwoord op vraag " + "9" * 5000 + "."))
    record, diagnostics, _pages, letter_pages = build(text, f"seeds/{QUESTIONS}.txt")
    assert "9" * 5000 in letter_pages[0]
    assert not [d for d in diagnostics if "9" * 50 in d.message]  # no referral to a question 999…9
    (warning,) = [d for d in diagnostics if "more than four digits" in d.message]
    assert warning.severity == "warning" and warning.fragment == "vraag 99999…"


def test_a_url_ending_in_closing_brackets_links_the_url_and_keeps_them() -> None:
    hostile = _hostile("URL ending in )")
    record, _, _, letter_pages = build(hostile.text(2000), f"seeds/{QUESTIONS}.txt")
    link = "[https://example.org/a](https://example.org/a)"
    assert link + ")" * 2000 + " Bent u bekend" in letter_pages[0], "the link leaves out the brackets, which follow it"


def test_em_spaces_in_a_member_name_keep_both_askers() -> None:
    hostile = _hostile("em spaces in a member name")
    record, _, _, _ = build(hostile.text(2000), f"seeds/{QUESTIONS}.txt")
    (letter,) = record.letters
    assert [member.party for member in letter.askers] == ["GroenLinks-PvdA", "Nieuw Sociaal Contract"]
    assert letter.askers[0].name.startswith("Kath\u2003") and letter.askers[0].name.endswith("\u2003mann")


def test_aan_de_repeated_without_over_reads_no_subject_and_still_the_questions() -> None:
    hostile = _hostile("aan de x aan de x … without over")
    record, _, _, _ = build(hostile.text(3000), f"seeds/{QUESTIONS}.txt")
    (letter,) = record.letters
    assert letter.subject is None and letter.askers == ()
    assert [question.number for question in _questions(record)][:2] == [1, 2]


def test_many_vraag_1_in_one_answer_each_refers_to_question_1() -> None:
    hostile = _hostile("many Vraag 1 in one answer")
    record, _, _, _ = build(hostile.text(800), f"seeds/{QUESTIONS}.txt")
    answer = next(block for block in record.letters[0].body if isinstance(block, Answer))
    corpus = link_corpus((record,), ())
    links = [link for link in corpus.links.text_links if link.paragraph == answer.paragraphs[0].key]
    assert len(links) == 100
    assert {(link.target.role, link.target.number) for link in links if link.target} == {("antwoord", 1)}
