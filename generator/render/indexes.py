"""Render the registers: people (askers and senders) and parties, each leading to their letters.

    personen.md   ## Vragenstellers: Kathmann (GroenLinks-PvdA) -> the letters of their questions
                  ## Afzenders: the sender as the letter prints it -> the letters they sent
    partijen.md   ## BBB {#partij-bbb} -> per letter, each question BBB asks, linked to its anchor

A party asks the questions of its section in a committee letter (`Question.party`), and the
questions of a letter of written questions one of its members asks (`Letter.askers`). Questions
an answer letter quotes are left out: the letter that asked them lists them. Names sort without
regard to case or accents, letters newest first, questions in the order the letter asks them.
One pass over the letters and their questions, one sort per list.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.model import Answer, Letter, LetterKey, Question
from generator.render.addresses import answer_anchor, question_anchor, relative_link, slugify
from generator.render.cited import letters_newest_first
from generator.render.context import RenderContext
from generator.render.escape import escape_heading, escape_line, front_matter
from generator.render.markdown import (
    PageIds,
    heading_block,
    join_blocks,
    letter_label,
    numbers_label,
    title_block,
)

__all__ = ["PARTIES", "PEOPLE", "render_indexes"]

PEOPLE = "personen.md"
PARTIES = "partijen.md"

PEOPLE_TITLE = "Personen"
PEOPLE_INTRO = (
    "Wie op deze site vragen stelt en wie brieven verstuurt, met de brieven waarin dat gebeurt, "
    "nieuwste eerst. Afzenders staan er zoals de brief hen noemt; wie namens de regering antwoordt, "
    "met functie en naam."
)
PARTIES_TITLE = "Partijen"
PARTIES_INTRO = (
    "De vragen per partij: van de Kamerleden die schriftelijke vragen stellen en van de fracties die "
    "in een brief van een commissie vragen stellen. Elke vraag leidt naar haar eigen, vaste adres."
)


def render_indexes(context: RenderContext) -> dict[str, str]:
    """Render `personen.md` and `partijen.md` from one pass over the letters."""
    askers: dict[str, list[tuple[str | None, LetterKey]]] = {}
    senders: dict[str, list[LetterKey]] = {}
    parties: dict[str, dict[LetterKey, list[tuple[Question, str]]]] = {}
    for record in context.corpus.records:
        for letter in record.letters:
            key = LetterKey(record.path, letter.index)
            if context.addresses.letter_page(key) is None:
                continue
            for member in letter.askers:
                askers.setdefault(member.name.strip(), []).append((member.party, key))
            if letter.ministers:  # an Aanhangsel answer: each minister by title and name
                for name in dict.fromkeys(f"{minister.title} {minister.name}" for minister in letter.ministers):
                    senders.setdefault(" ".join(name.split()), []).append(key)
            elif letter.sender and letter.sender.strip() and not letter.askers:  # askers sign their own questions
                senders.setdefault(" ".join(letter.sender.split()), []).append(key)
            asking = [member.party for member in letter.askers if member.party]
            for question, anchor in _question_anchors(letter):
                for party in dict.fromkeys([question.party] if question.party else asking):
                    parties.setdefault(party, {}).setdefault(key, []).append((question, anchor))
    return {
        PEOPLE: _render_people(askers, senders, context),
        PARTIES: _render_parties(parties, context),
    }


def _question_anchors(letter: Letter) -> list[tuple[Question, str]]:
    """The questions a letter asks (not quotes), each with the anchor its page gives it.

    The page claims each question's and answer's anchor in body order before any other id, a
    name taken already getting `-2`, `-3`, … (`generator.render.markdown.LetterText`).
    """
    ids = PageIds()
    found = []
    for block in letter.body:
        if isinstance(block, Question):
            anchor = ids.claim(question_anchor(block.party, block.number))
            if not block.quoted:
                found.append((block, anchor))
        elif isinstance(block, Answer):
            ids.claim(answer_anchor(block.party, block.number))
    return found


def _by_name(names: Iterable[str]) -> list[str]:
    """Sort names without regard to case or accents (`Ölmez` with the O's), then as written."""
    return sorted(names, key=lambda name: (slugify(name), name))


def _letter_link(key: LetterKey, page: str, context: RenderContext, anchor: str | None = None) -> str:
    record, letter = context.letters[key]
    target = context.addresses.letter_page(key) or page
    return f"[{letter_label(record, letter)}]({relative_link(page, target, anchor)})"


def _render_people(
    askers: dict[str, list[tuple[str | None, LetterKey]]], senders: dict[str, list[LetterKey]], context: RenderContext
) -> str:
    ids = PageIds()
    blocks = [front_matter(PEOPLE_TITLE), title_block(PEOPLE_TITLE, ids), PEOPLE_INTRO]
    blocks.append(heading_block(2, "Vragenstellers", ids))
    items = []
    for name in _by_name(askers):
        parties = ", ".join(escape_line(party) for party in dict.fromkeys(party for party, _ in askers[name] if party))
        letters = ", ".join(_letter_link(key, PEOPLE, context) for key in letters_newest_first((k for _, k in askers[name]), context))
        items.append(f"- {escape_line(name)}{f' ({parties})' if parties else ''}: {letters}")
    blocks.append("\n".join(items) or "Nog geen vragenstellers.")
    blocks.append(heading_block(2, "Afzenders", ids))
    blocks.append(
        "\n".join(
            f"- {escape_line(sender)}: "
            + ", ".join(_letter_link(key, PEOPLE, context) for key in letters_newest_first(senders[sender], context))
            for sender in _by_name(senders)
        )
        or "Nog geen afzenders."
    )
    return join_blocks(blocks)


def _render_parties(parties: dict[str, dict[LetterKey, list[tuple[Question, str]]]], context: RenderContext) -> str:
    ids = PageIds()
    blocks = [front_matter(PARTIES_TITLE), title_block(PARTIES_TITLE, ids), PARTIES_INTRO]
    for party in _by_name(parties):
        blocks.append(f"## {escape_heading(party)} {{#{ids.claim('partij-' + (slugify(party) or 'zonder-naam'))}}}")
        items = []
        for key in letters_newest_first(parties[party], context):
            questions = parties[party][key]
            links = ", ".join(
                f"[{numbers_label(_numbers(question))}]({relative_link(PARTIES, context.addresses.letter_page(key) or PARTIES, anchor)})"
                for question, anchor in questions
            )
            word = "vraag" if len(questions) == 1 else "vragen"
            items.append(f"- {_letter_link(key, PARTIES, context)}: {word} {links}")
        blocks.append("\n".join(items))
    if not parties:
        blocks.append("Nog geen vragen van partijen.")
    return join_blocks(blocks)


def _numbers(question: Question) -> tuple[int, ...]:
    """The numbers a question covers, its own number first."""
    return (question.number, *(number for number in question.numbers if number != question.number))
