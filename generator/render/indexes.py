"""Render the registers: parties here, people in generator.render.people.

    partijen.md       every party with the number of its questions, linking its page
    partijen/bbb.md   per letter, each question BBB asks, linked to its anchor
                      (`Vraag 7 (BBB), brief van de commissie, 2 december 2025`: every link's text
                      names what it leads to, so no two links say the same and lead apart)

The index stays small however many letters there are; a party's questions are on its own page,
newest letters first, continued on `partijen/bbb/2.md`, `…/3.md` when there are more than
`QUESTIONS_PER_PAGE` (a letter is never split over two pages), so no page grows with the corpus.

A party asks the questions of its section in a committee letter (`Question.party`), and the
questions of a letter of written questions one of its members asks (`Letter.askers`). Questions
an answer letter quotes are left out: the letter that asked them lists them. Names sort without
regard to case or accents, letters newest first, questions in the order the letter asks them.
One pass over the letters and their questions, one sort per list.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.model import LetterKey, Question
from generator.render.addresses import slugify
from generator.render.cited import letters_newest_first
from generator.render.context import RenderContext
from generator.render.addresses import relative_link
from generator.render.escape import escape_line, front_matter
from generator.render.blocks import PageIds, join_blocks, title_block
from generator.render.paging import chunked, continued_pages, page_title, pages_line
from generator.render.people import PEOPLE, anchored_blocks, block_links, folder_pages, person_pages

__all__ = ["PARTIES", "PEOPLE", "render_indexes"]

PARTIES = "partijen.md"
PARTIES_FOLDER = "partijen"
QUESTIONS_PER_PAGE = 100
"""A party's page lists the questions of its newest letters up to this many; older ones continue on `…/2.md`."""
PARTIES_TITLE = "Partijen"
PARTIES_INTRO = (
    "De vragen per partij: van de Kamerleden die schriftelijke vragen stellen en van de fracties die "
    "in een brief van een commissie vragen stellen. Elke vraag leidt naar haar eigen, vaste adres."
)


def render_indexes(context: RenderContext) -> dict[str, str]:
    """Render `partijen.md` from one pass over the letters, and the people's pages (`personen.md`,
    `personen/<surname>.md`, generator.render.people)."""
    parties: dict[str, dict[LetterKey, list[tuple[Question, str]]]] = {}
    anchored = {}
    for record in context.corpus.records:
        for letter in record.letters:
            key = LetterKey(record.path, letter.index)
            if context.addresses.letter_page(key) is None:
                continue
            anchored[key] = anchored_blocks(letter)  # the people's pages link the same anchors
            asking = [member.party for member in letter.askers if member.party]
            asked = anchored[key][0]
            for question, anchor in asked:
                for party in dict.fromkeys([question.party] if question.party else asking):
                    parties.setdefault(party, {}).setdefault(key, []).append((question, anchor))
    return {**_render_parties(parties, context), **person_pages(context, anchored)}


def _by_name(names: Iterable[str]) -> list[str]:
    """Sort names without regard to case or accents (`Ölmez` with the O's), then as written."""
    return sorted(names, key=lambda name: (slugify(name), name))


def _render_parties(parties: dict[str, dict[LetterKey, list[tuple[Question, str]]]], context: RenderContext) -> dict[str, str]:
    """`partijen.md` listing every party and its number of questions, and a page per party."""
    names = _by_name(parties)
    ids = PageIds()
    blocks = [front_matter(PARTIES_TITLE), title_block(PARTIES_TITLE, ids), PARTIES_INTRO]
    items, pages = [], {}
    for party, page in zip(names, folder_pages(PARTIES_FOLDER, names, "zonder-naam")):
        count = sum(len(questions) for questions in parties[party].values())
        items.append(f"- [{escape_line(party)}]({relative_link(PARTIES, page)}) ({count} {'vraag' if count == 1 else 'vragen'})")
        pages.update(_party_pages(party, page, parties[party], context))
    blocks.append("\n".join(items) or "Nog geen vragen van partijen.")
    return {PARTIES: join_blocks(blocks), **pages}


def _party_pages(party: str, page: str, asked: dict[LetterKey, list[tuple[Question, str]]], context: RenderContext) -> dict[str, str]:
    """The party's page and its continuations: whole letters, newest first, about `QUESTIONS_PER_PAGE` questions a page."""
    chunks = chunked(letters_newest_first(asked, context), QUESTIONS_PER_PAGE, lambda key: len(asked[key]))
    addresses = continued_pages(page, len(chunks))
    pages = {}
    for number, (address, chunk) in enumerate(zip(addresses, chunks), 1):
        title = page_title(party, number)
        blocks = [
            front_matter(title),
            title_block(title, PageIds()),
            f"De vragen van {escape_line(party)}, per brief, nieuwste eerst. [Alle partijen]({relative_link(address, PARTIES)}).",
        ]
        blocks.append(pages_line(addresses, number))
        blocks.append(block_links({key: asked[key] for key in chunk}, "vraag", address, context, ("vraag", "vragen")))
        pages[address] = join_blocks(blocks)
    return pages
