"""An Aanhangsel answer letter (tests/fixtures/aanhangsel, synthetic, in the published shape) is
threaded to the real seed written questions it answers, and their page gains only the links."""

from __future__ import annotations

import re
from pathlib import Path

from generator.link import link_corpus
from generator.model import LetterKey
from generator.parse import parse_record
from generator.readers import read_source
from generator.render import render_site

ROOT = Path(__file__).resolve().parent.parent.parent
WRITTEN = "seeds/000_04ae587ba6eeb66d.txt"
ANSWERS = "seeds/ah-tk-20252026-412.txt"
QUESTIONS_PAGE = "tweede-kamer/2025-10-07/schriftelijke-vragen.md"
ANSWERS_PAGE = "tweede-kamer/2025-11-04/aanhangsel.md"


def _records(with_answers: bool):
    sources = [(ROOT / WRITTEN, WRITTEN)]
    if with_answers:
        sources.append((ROOT / "tests/fixtures/aanhangsel/ah-tk-20252026-412.txt", ANSWERS))
    return tuple(parse_record(read_source(path, shown))[0] for path, shown in sources)


BEFORE = link_corpus(_records(False), ())
AFTER = link_corpus(_records(True), ())


def test_aanhangsel_answers_thread_to_the_written_questions() -> None:
    threaded = sorted(
        (t.question.number, t.answer.number)
        for t in AFTER.links.threads
        if t.question.letter == LetterKey(WRITTEN, 0) and t.answer.letter == LetterKey(ANSWERS, 0)
    )
    # combined `Vraag 2, 3` and `Vraag 4 en 5`: each number to its own anchor
    assert threaded == [(n, n) for n in range(1, 11)]
    statuses = {t.number: s for t, s in AFTER.links.statuses if t.letter == LetterKey(WRITTEN, 0)}
    assert statuses[9] == "verwijzing" and statuses[10] == "vertrouwelijk" and statuses[11] == "geen antwoord op deze site"
    assert [d for d in AFTER.diagnostics if d.severity == "error"] == []


def test_questions_link_to_the_anchor_of_each_number_a_combined_answer_covers() -> None:
    questions = render_site(AFTER)[QUESTIONS_PAGE]
    assert "(../2025-11-04/aanhangsel.md#antwoord-3)" in questions
    assert "(../2025-11-04/aanhangsel.md#antwoord-5)" in questions
    answers = render_site(AFTER)[ANSWERS_PAGE]
    assert re.search(r'### Antwoord op vraag 2 en 3 \{#antwoord-2 [^}]*data-kd-anchors="antwoord-3"', answers)
    assert "(../2025-10-07/schriftelijke-vragen.md#vraag-3)" in answers


def test_the_questions_page_changes_only_by_the_new_links() -> None:
    before = render_site(BEFORE)[QUESTIONS_PAGE].splitlines()
    after = render_site(AFTER)[QUESTIONS_PAGE].splitlines()

    def without_links(lines: list[str]) -> list[str]:
        kept, skip = [], False
        for line in lines:
            if line.startswith("Beantwoord in: ["):
                skip = True
                continue
            if skip and line == "{: .kd-thread }":
                skip = False
                continue
            if line.startswith("- **Status:**"):
                continue  # the counts of statuses, which the answers change
            kept.append(re.sub(r' data-kd-status="[^"]*"', "", line))
        return [line for line in kept if line.strip()]

    assert without_links(after) == without_links(before)
    assert len(after) > len(before)


def test_aanhangsel_reprinting_the_questions_word_for_word_scores_one() -> None:
    """`Vraag 2, 3` and `Vraag 4 en 5` reprint two questions each: compared with those two
    questions of the written letter together, every reprint is word for word the same."""
    from generator.link.matching import _score

    written, answers = _records(True)
    assert _score(answers.letters[0], written.letters[0]) == 1.0


def test_aanhangsel_reprinting_the_questions_word_for_word_is_found_without_comparing() -> None:
    """The reprint is found by its texts (`_reprints`), the comparison of texts left for the rest."""
    from generator.link.matching import _reprints

    written, answers = _records(True)
    assert _reprints(answers.letters[0], written.letters[0])
