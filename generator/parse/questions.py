"""Find questions and answers in a letter's body paragraphs.

Three shapes, one function each:

- written questions: `Vraag 1Bent u bekend …` -> Question(number=1, text "Bent u bekend …");
- a committee letter: party sections (`Vragen en opmerkingen van de leden van de fractie van
  BBB`), numbered questions `1. De leden …` each with the context paragraphs before it, or, in a
  section without numbers, each paragraph that asks (`… vragen u of …?`) numbered in order;
- an answer letter: the same sections, where each quoted question is followed by its answer;
  quoted context and quoted question text are told apart from the answer's own text by
  comparing sentences with the committee letter (`generator.parse.quotes`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from generator.model import Answer, Block, FootnoteMarker, Heading, Paragraph, Question, SourceSpan
from generator.parse import quotes

WRITTEN_QUESTION = re.compile(r"^Vra(?:ag|gen)\s+(?P<numbers>\d{1,3}(?:(?:\s*+,\s*+|\s*+en\s++)\d{1,3})*+)(?![\d.])\s*")
"""`Vraag 1Bent u …`, `Vraag 4 en 5 Kunt u …`, `Vraag 2, 3 Is …`, printed carelessly too:
`Vraag 3,4 en 5`, `Vraag 3 , 4en 5`, `Vragen 3 en 4`."""

WRITTEN_ANSWER = re.compile(r"^Antwoord(?:en)?\s+(?P<numbers>\d{1,3}(?:(?:\s*+,\s*+|\s*+en\s++)\d{1,3})*+)(?![\d.])\s*")
"""`Antwoord 1Ja.`, `Antwoord 4 en 5 Zie …`."""

NOTICE = re.compile(r"^Mededeling\b")
"""A `Mededeling` among written questions, in place of their answers: it and the paragraphs
after it are the notice's, not the last question's."""
NOTICE_HEADING = re.compile(r"^Mededeling(?:\s+van\s[^()]*+(?:\([^()]*+\)\s*+)*+)?\.?$")
"""The notice's heading standing alone: `Mededeling`, `Mededeling van Minister X (BZ) (ontvangen 3 juni 2024).`"""

NUMBERED_QUESTION = re.compile(r"^(?P<number>\d{1,3})\.\s+(?=\S)")
"""`3. De leden van de BBB-fractie vragen …`."""

SECTION_HEADING = re.compile(
    r"""^(?:Vragen(?:\s+en\s+opmerkingen)?|Inbreng|Opmerkingen\s+en\s+vragen)\s+
        van\s+(?:de\s+leden|het\s+lid)\s+van\s+de\s+
        (?:fracties?\s+)?(?:van\s+)?(?:de\s+)?(?P<party>[^\s].*?)
        (?:(?<!\s)|(?=[\s-]fractie))(?:[\s-]?fractie)?\s*$""",
    re.VERBOSE,
)
"""`Vragen en opmerkingen van de leden van de fractie van BBB` -> party `BBB`; also
`… van de leden van de VVD-fractie`, `Inbreng van het lid van de fractie van 50PLUS`.

The end of the party is tried after a character that is no white space (or before ` fractie`),
never inside a run of white space: the party found is the same, and a run of em spaces costs
linear time instead of quadratic."""

LABELLED_QUESTION = re.compile(r"^Vraag\s+(?P<number>\d{1,3})(?![\d.])[.:]?\s*")
"""An answer letter that labels what it quotes and answers: `Vraag 3` … `Antwoord 3` …"""

LABELLED_ANSWER = re.compile(r"^Antwoord\s+(?P<number>\d{1,3})(?![\d.])[.:]?\s*")

NUMBER_LIST = re.compile(r"\d{1,3}")

SECTION_INTRODUCTION = re.compile(r"\b(?:[Dd]eze|[Hh]un|[Zz]ij\s+hebben(?:\s+[^\W\d_]+){0,3}?)\s+vragen\b")
"""A paragraph that speaks of a section's questions together, so introduces them all:
`Zij hebben met name vragen over …`, `Deze vragen zijn bedoeld om …` (seeds/001_… lines 72-82)."""


def cut(paragraph: Paragraph, start: int, end: int | None = None, suffix: str = "", quoted: bool | None = None) -> Paragraph:
    """The part `start:end` of a paragraph, its markers moved along, stripped of spaces.

    >>> p = Paragraph("p1", "Vraag 1Bent u bekend?", SourceSpan("x", 1, 1), (FootnoteMarker(1, 21),))
    >>> cut(p, 7).text, cut(p, 7).markers
    ('Bent u bekend?', (FootnoteMarker(number=1, offset=14),))
    """
    text = paragraph.text
    end = len(text) if end is None else end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    markers = tuple(
        FootnoteMarker(m.number, m.offset - start)
        for m in paragraph.markers
        if start <= m.offset <= end
    ) if paragraph.markers else ()
    return Paragraph(  # made directly: `dataclasses.replace` costs several times more, and a record cuts hundreds
        paragraph.key + suffix,
        text[start:end],
        paragraph.span,
        markers,
        paragraph.quoted if quoted is None else quoted,
    )


def _numbers(text: str) -> tuple[int, ...]:
    return tuple(int(n) for n in NUMBER_LIST.findall(text))


def _span(paragraphs: list[Paragraph]) -> SourceSpan:
    return SourceSpan(paragraphs[0].span.path, paragraphs[0].span.line, paragraphs[-1].span.end_line)


def _extended(block: Question | Answer, more: list[Paragraph]) -> Question | Answer:
    """The question or answer with more paragraphs of text (all at once: extending a block one
    paragraph at a time would copy its paragraphs again for each)."""
    paragraphs = (*block.paragraphs, *more)
    return replace(block, paragraphs=paragraphs, span=_span([paragraphs[0], paragraphs[-1]]))


def _extend_last(blocks: list[Block], more: list[Paragraph]) -> None:
    """Put the paragraphs `more` on the question or answer that ends `blocks`, and empty `more`."""
    if more:
        last = blocks[-1]
        assert isinstance(last, (Question, Answer))
        blocks[-1] = _extended(last, more)
        more.clear()


def _first_number(members: list[Paragraph], previous: int) -> int | None:
    """The number a section's numbered questions start at: 1, or on from the section before
    (`previous` is the last number there); None when the section does not number its questions."""
    for paragraph in members:
        match = NUMBERED_QUESTION.match(paragraph.text) or LABELLED_QUESTION.match(paragraph.text)
        if match and int(match["number"]) in (1, previous + 1):
            return int(match["number"])
    return None


def has_questions(paragraphs: tuple[Paragraph, ...]) -> bool:
    """Whether a letter's paragraphs hold questions: party sections, or questions numbered from 1."""
    return any(section_party(p) for p in paragraphs) or _first_number(list(paragraphs), 0) == 1


def section_party(paragraph: Paragraph) -> str | None:
    """The party of a section heading paragraph, or None if it is no section heading."""
    match = SECTION_HEADING.match(paragraph.text)
    return match["party"] if match else None


def _written_label(paragraph: Paragraph, labelled: bool, asked: int) -> tuple[str, tuple[int, ...], int] | None:
    """What a paragraph of written questions starts: ("vraag" or "antwoord", numbers, where its
    text starts), or None. Without any `Vraag N` in the letter, `N. …` numbered next is a question."""
    for role, pattern in (("vraag", WRITTEN_QUESTION), ("antwoord", WRITTEN_ANSWER)):
        match = pattern.match(paragraph.text)
        if match:
            return role, _numbers(match["numbers"]), match.end()
    match = None if labelled else NUMBERED_QUESTION.match(paragraph.text)
    if match and int(match["number"]) == asked + 1:
        return "vraag", (asked + 1,), match.end()
    return None


def written_questions_start(paragraphs: tuple[Paragraph, ...]) -> int:
    """Where the questions (or answers) of written questions start: the first labelled paragraph."""
    labelled = any(WRITTEN_QUESTION.match(p.text) for p in paragraphs)
    return next((i for i, p in enumerate(paragraphs) if _written_label(p, labelled, 0)), len(paragraphs))


def structure_written_questions(paragraphs: list[Paragraph]) -> tuple[Block, ...]:
    """Written questions (and Aanhangsel answers): `Vraag N` / `Antwoord N` paragraphs.

    A paragraph that is neither starts nothing new: it goes on the question or answer before it,
    unless a `Mededeling` heading came between.
    Questions numbered `1.`, `2.` … (in sequence) stand in for `Vraag N` in a letter without them.
    """
    blocks: list[Block] = []
    more: list[Paragraph] = []  # paragraphs that go on the question or answer before them
    labelled = any(WRITTEN_QUESTION.match(p.text) for p in paragraphs)
    asked = 0
    for paragraph in paragraphs:
        label = _written_label(paragraph, labelled, asked)
        if label is not None:
            _extend_last(blocks, more)
            role, numbers, start = label
            body = cut(paragraph, start)
            texts = (body,) if body.text else ()
            if role == "vraag":
                blocks.append(Question(numbers[0], numbers, True, None, (), texts, paragraph.span))
                asked = max(asked, numbers[-1])
            else:
                blocks.append(Answer(numbers[0], numbers, None, texts, paragraph.span))
        elif NOTICE.match(paragraph.text):  # it and what follows are the notice's
            _extend_last(blocks, more)
            blocks.append(Heading(paragraph.text, paragraph.span) if NOTICE_HEADING.match(paragraph.text) else paragraph)
        elif blocks and isinstance(blocks[-1], (Question, Answer)):
            more.append(paragraph)
        else:
            blocks.append(paragraph)
    _extend_last(blocks, more)
    return tuple(blocks)


def _asks(paragraph: Paragraph) -> bool:
    """Whether an unnumbered paragraph of a committee letter asks something."""
    return "?" in paragraph.text or quotes.asks(paragraph.text)


def _sections(paragraphs: list[Paragraph]) -> list[tuple[Paragraph | None, list[Paragraph]]]:
    """Split paragraphs at section headings: [(heading or None, paragraphs)]."""
    sections: list[tuple[Paragraph | None, list[Paragraph]]] = [(None, [])]
    for paragraph in paragraphs:
        if section_party(paragraph):
            sections.append((paragraph, []))
        else:
            sections[-1][1].append(paragraph)
    return sections


def _heading(paragraph: Paragraph) -> Heading:
    return Heading(paragraph.text, paragraph.span, section_party(paragraph))


def _by_section(
    paragraphs: list[Paragraph], structure_section: Callable[[list[Paragraph], str | None, int], list[Block]]
) -> tuple[Block, ...]:
    """Keep paragraphs before the first section heading as they are; give each section's
    paragraphs, after its heading, to `structure_section` with the section's party and the last
    question number of the sections before (some letters number on across sections). A letter
    without sections is one section, of no party."""
    blocks: list[Block] = []
    last = 0
    sections = _sections(paragraphs)
    if len(sections) == 1:  # no party sections: the letter's questions are the committee's own
        return tuple(structure_section(paragraphs, None, 0))
    for heading, members in sections:
        if heading is None:
            blocks.extend(members)
            continue
        blocks.append(_heading(heading))
        section = structure_section(members, section_party(heading), last)
        last = max((b.numbers[-1] for b in section if isinstance(b, Question) and b.numbered), default=last)
        blocks.extend(section)
    return tuple(blocks)


def structure_committee_letter(paragraphs: list[Paragraph]) -> tuple[Block, ...]:
    """A committee letter: sections per party, questions with the context that precedes them.

    In a section with numbered questions (`1.`, `2.` …, in sequence), a paragraph after a
    question that asks again (ends in `?`) continues that question; other paragraphs are context
    of the next question. Paragraphs after a section's last question stay plain paragraphs.
    """
    return _by_section(paragraphs, _committee_section)


def _committee_section(members: list[Paragraph], party: str | None, previous: int) -> list[Block]:
    """The questions of one party's section of a committee letter."""
    blocks: list[Block] = []
    more: list[Paragraph] = []  # paragraphs that go on the question before them
    first = _first_number(members, previous)
    numbered = first is not None
    pending: list[Paragraph] = []
    expected = first or 1
    for paragraph in members:
        match = NUMBERED_QUESTION.match(paragraph.text) if numbered else None
        if match and int(match["number"]) == expected:
            _extend_last(blocks, more)
            text = cut(paragraph, match.end())
            blocks.extend(_introduction(pending, blocks))
            blocks.append(Question(expected, (expected,), True, party, tuple(pending), (text,), paragraph.span))
            pending, expected = [], expected + 1
        elif not numbered and _asks(paragraph):
            blocks.extend(_introduction(pending, blocks))
            blocks.append(Question(expected, (expected,), False, party, tuple(pending), (paragraph,), paragraph.span))
            pending, expected = [], expected + 1
        elif numbered and not pending and blocks and isinstance(blocks[-1], Question) and paragraph.text.rstrip().endswith("?"):
            more.append(paragraph)
        else:
            pending.append(paragraph)
    _extend_last(blocks, more)
    blocks.extend(pending)
    return blocks


def _introduction(pending: list[Paragraph], blocks: list[Block]) -> list[Paragraph]:
    """Take a section's introduction out of the context of its first question, and return it.

    Before a section's first question (`blocks` empty), the paragraphs up to the last one that
    speaks of the questions together (`Zij hebben met name vragen over …`) introduce the whole
    section: they stay plain paragraphs under its heading. Later context stays with its question.
    """
    if blocks:
        return []
    last = max((i for i, p in enumerate(pending) if SECTION_INTRODUCTION.search(p.text)), default=-1)
    introduction = pending[: last + 1]
    del pending[: last + 1]
    return introduction


@dataclass(frozen=True)
class AnsweredLetter:
    """What an answer letter is compared with: the answered letter's questions and text."""

    questions: dict[tuple[str | None, int], frozenset]  # (party, number) -> shingles of the question
    text: frozenset  # shingles of every paragraph of the answered letter


def answered_letter(blocks: tuple[Block, ...]) -> AnsweredLetter:
    """Index a committee letter's questions and text for comparison."""
    questions: dict[tuple[str | None, int], frozenset] = {}
    text: set = set()
    for block in blocks:
        if isinstance(block, Question):
            questions[(block.party, block.number)] = quotes.shingles(" ".join(p.text for p in block.paragraphs))
            for paragraph in (*block.context, *block.paragraphs):
                text |= quotes.shingles(paragraph.text)
        elif isinstance(block, Paragraph):
            text |= quotes.shingles(block.text)
    return AnsweredLetter(questions, frozenset(text))


def _split_quoted(paragraph: Paragraph, answered: AnsweredLetter | None) -> list[Paragraph]:
    """Split a paragraph into runs of quoted and own sentences, each marked `quoted`."""
    starts = quotes.sentence_starts(paragraph.text)
    bounds = list(zip(starts, [*starts[1:], len(paragraph.text)]))
    flags = [
        quotes.asks(paragraph.text[a:b]) or (answered is not None and quotes.is_quoted(paragraph.text[a:b], answered.text))
        for a, b in bounds
    ]
    runs: list[tuple[int, int, bool]] = []
    for (a, b), flag in zip(bounds, flags):
        if runs and runs[-1][2] == flag:
            runs[-1] = (runs[-1][0], b, flag)
        else:
            runs.append((a, b, flag))
    if len(runs) == 1:
        return [replace(paragraph, quoted=runs[0][2])]
    return [cut(paragraph, a, b, suffix=f".{i}", quoted=flag) for i, (a, b, flag) in enumerate(runs, start=1)]


def _question_prefix(paragraph: Paragraph, question: frozenset | None) -> int:
    """Where the quoted question text in a paragraph ends (its length if it is all question).

    Without the answered question to compare with, the whole paragraph is the question.
    """
    if question is None:
        return len(paragraph.text)
    starts = quotes.sentence_starts(paragraph.text)
    end = 0
    for a, b in zip(starts, [*starts[1:], len(paragraph.text)]):
        sentence = paragraph.text[a:b]
        if quotes.containment(quotes.shingles(sentence), question) >= quotes.QUOTED or (end and quotes.asks(sentence)):
            end = b
        else:
            break
    return end or len(paragraph.text)


def structure_answer_letter(paragraphs: list[Paragraph], answered: AnsweredLetter | None) -> tuple[Block, ...]:
    """An answer letter: per section, each quoted question followed by its answer.

    Quoted context collects until the next question; the answer runs from the question to the
    next quoted context or question. Within the answer, sentences that repeat or paraphrase the
    members' words are kept apart as quoted paragraphs.
    """
    return _by_section(paragraphs, lambda members, party, previous: _answer_section(members, party, previous, answered))


def _answer_section(
    members: list[Paragraph], party: str | None, previous: int, answered: AnsweredLetter | None
) -> list[Block]:
    """The questions and answers of one party's section of an answer letter.

    A question is quoted with its number (`3. De leden …`), labelled (`Vraag 3` … `Antwoord 3`),
    or, in a section without numbers, recognised by its words in the letter being answered.
    """
    known = {number for (p, number) in answered.questions if p == party} if answered else set()
    first = _first_number(members, previous)
    numbered = first is not None
    labelled = any(LABELLED_ANSWER.match(p.text) for p in members)
    asking = False  # after `Vraag N`, until `Antwoord N`: the question's text
    blocks: list[Block] = []
    asked_more: list[Paragraph] = []  # while asking: more quoted text of the question
    pending: list[Paragraph] = []
    answer: list[Paragraph] | None = None
    number = (first or 1) - 1

    def close_answer() -> None:
        nonlocal answer
        if answer:
            blocks.append(Answer(number, (number,), party, tuple(answer), _span(answer)))
        answer = None

    def ask(paragraph: Paragraph, start: int, numbered_question: bool) -> None:
        nonlocal pending, answer, number
        _extend_last(blocks, asked_more)
        close_answer()
        number += 1
        question = answered.questions.get((party, number)) if answered else None
        body = cut(paragraph, start)
        offset = len(paragraph.text) - len(paragraph.text[start:].lstrip())
        end = offset + _question_prefix(body, question)
        asked = cut(paragraph, start, end, quoted=True)
        texts = (asked,) if asked.text else ()  # `Vraag 3` alone: its text follows
        blocks.append(Question(number, (number,), numbered_question, party, tuple(pending), texts, paragraph.span, quoted=True))
        pending = []
        rest = cut(paragraph, end, suffix=".2")
        answer = _split_quoted(rest, answered) if rest.text else []

    for paragraph in members:
        match = (NUMBERED_QUESTION.match(paragraph.text) or LABELLED_QUESTION.match(paragraph.text)) if numbered else None
        if match and int(match["number"]) == number + 1:
            ask(paragraph, match.end(), True)
            asking = labelled and match.re is LABELLED_QUESTION
            if asking and answer:  # `Vraag 3 Hoeveel …`: the text after the label is the question
                blocks[-1] = _question_with(blocks[-1], answer)
                answer = []
            continue
        label = LABELLED_ANSWER.match(paragraph.text)
        if asking and label and int(label["number"]) == number:
            _extend_last(blocks, asked_more)
            asking = False
            rest = cut(paragraph, label.end())
            answer = [rest] if rest.text else []
            continue
        if asking:
            asked_more.append(replace(paragraph, quoted=True))
            continue
        pieces = _split_quoted(paragraph, answered)
        if answer is None and not numbered and _answers_context(pieces, pending, (party, number + 1), answered):
            # The answer starts before the question is quoted (seeds/001_… lines 403-422): the
            # quoted context is the question as this letter gives it; the answer opens with the
            # letter's own words, and quotes the question further on (kept marked `quoted`).
            number += 1
            blocks.append(Question(number, (number,), False, party, tuple(pending), (), _span(pending), quoted=True))
            pending, answer = [], list(pieces)
            continue
        if not numbered and pieces[0].quoted and _is_next_question(pieces[0], party, number + 1, answered):
            ask(paragraph, 0, False)
            continue
        if answer is None:
            pending.extend(pieces)
        elif all(piece.quoted for piece in pieces) and not quotes.asks(paragraph.text) and (numbered or known):
            close_answer()
            pending.extend(pieces)
        else:
            answer.extend(pieces)
    _extend_last(blocks, asked_more)
    close_answer()
    blocks.extend(pending)
    return blocks


def _answers_context(
    pieces: list[Paragraph], pending: list[Paragraph], question: tuple[str | None, int], answered: AnsweredLetter | None
) -> bool:
    """Whether a paragraph of the letter's own words, after quoted context and before any quoted
    question, is where the answer to the next question starts.

        > De leden … lezen dat … de meest geschikte optie is.     quoted context of question 1
        Allereerst wil ik graag aangeven dat …                   own words: answer 1 starts here
        > De leden … vragen u of …?                              question 1, quoted in the answer
    """
    return (
        answered is not None
        and question in answered.questions
        and bool(pending)
        and all(p.quoted for p in pending)
        and not any(piece.quoted for piece in pieces)
    )


def _question_with(block: Block, paragraphs: list[Paragraph]) -> Block:
    """The question `block` with more quoted text."""
    assert isinstance(block, Question)
    return _extended(block, [replace(paragraph, quoted=True) for paragraph in paragraphs])


def _is_next_question(piece: Paragraph, party: str | None, number: int, answered: AnsweredLetter | None) -> bool:
    """Whether a quoted piece of an unnumbered section is the next question."""
    if answered is None:
        return quotes.asks(piece.text)
    question = answered.questions.get((party, number))
    if question is None:
        return False
    first = piece.text[: (quotes.sentence_starts(piece.text) + [len(piece.text)])[1]]
    return quotes.containment(quotes.shingles(first), question) >= quotes.QUOTED
