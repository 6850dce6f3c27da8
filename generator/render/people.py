"""Render the people of the corpus: an index by surname, and one page per person.

    personen.md            ## D … ## V: `Van Dooren`, `Veldhoen`: each person by surname, with roles
                           (`PEOPLE_PER_PAGE` a page, continued on `personen/2.md`, …)
    personen/veldhoen.md   one person: roles, the questions they asked, the answers and letters they sent,
                           newest letters first, continued on `personen/veldhoen/2.md`, … after about
                           `LINKS_PER_PAGE` links (a letter and its questions stay on one page)

People come from what the letters print, never guessed: the askers of written questions
(`Vragen van de leden Kathmann (GroenLinks-PvdA) en …`), the signatory of each letter with the
function the signature prints, and the members of a committee as its membership footnote lists
them (`Samenstelling: …, Veldhoen (GroenLinks-PvdA) (voorzitter), …`). A person is named by
surname, as a Dutch index lists them: titles, initials and a first name are left out of the
surname (`mr. G.V.M. Veldhoen` -> `Veldhoen`, `Eugène Heijnen` -> `Heijnen`), a particle starts a
surname that stands alone with a capital (`van Dooren` -> `Van Dooren`, listed under V). The same
surname in the same chamber (or, for the government, among its signatories) is one person.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import groupby

from generator.model import ANSWER_LETTER, APPENDIX_ANSWERS, Answer, Letter, LetterKey, Question, Record
from generator.render.addresses import relative_link, slugify
from generator.render.cited import letters_newest_first
from generator.render.context import RenderContext
from generator.render.labels import COMMITTEE_NAME, capitalized, covered_numbers, letter_label, numbers_label
from generator.render.escape import escape_heading, escape_line, front_matter
from generator.render.blocks import PageIds, claim_anchors, heading_block, join_blocks, metadata_block, title_block
from generator.render.paging import chunked, continued_pages, page_title, pages_line

__all__ = ["PEOPLE", "anchored_blocks", "block_links", "folder_pages", "person_pages", "surname"]

PEOPLE = "personen.md"
PEOPLE_FOLDER = "personen"
PEOPLE_TITLE = "Personen"
PEOPLE_PER_PAGE = 200
"""How many people `personen.md` lists before it continues on `personen/2.md`."""
PEOPLE_INTRO = (
    "Wie in de brieven op deze site vragen stelt, brieven ondertekent of in een commissie zit, op "
    "achternaam. Elke persoon heeft een eigen pagina met rol, vragen, antwoorden en brieven."
)

TITLES = re.compile(r"^(?:(?:mr|dr|drs|ir|ing|prof|ds)\.\s*+)+", re.IGNORECASE)
INITIALS = re.compile(r"^(?:[A-ZÀ-Ý][a-z]{0,2}\.\s*+)+")
PARTICLES = frozenset("van de der den het ter ten te 't in op aan d'".split())
LINKS_PER_PAGE = 100
"""About how many links (a letter's, its questions' or answers') a person's page holds before it continues on `…/2.md`."""
GOVERNMENT = "regering"
"""The group of a letter's signatory who signs for the government (an answer letter, an Aanhangsel answer)."""


def surname(name: str) -> str:
    """The surname as a Dutch index writes it standing alone.

    >>> surname("mr. G.V.M. Veldhoen"), surname("A. van Dooren"), surname("Van Dooren")
    ('Veldhoen', 'Van Dooren', 'Van Dooren')
    >>> surname("Six Dijkstra")
    'Six Dijkstra'
    """
    rest = INITIALS.sub("", TITLES.sub("", " ".join(name.split())))
    words = rest.split(" ")
    at = next((i for i, word in enumerate(words) if word.lower() in PARTICLES), None)
    if at is not None:
        words = words[at:]
    return capitalized(" ".join(words))


def _signatory_surname(name: str) -> str:
    """A signature may print a first name: without title, initials or a particle, a name of more
    than one word is first name and surname. Askers and committee members are printed by surname.

    >>> _signatory_surname("Eugène Heijnen"), _signatory_surname("mr. G.V.M. Veldhoen"), _signatory_surname("Van Dooren")
    ('Heijnen', 'Veldhoen', 'Van Dooren')
    """
    bare = " ".join(name.split())
    found = surname(name)
    if found == bare and " " in found and not any(word.lower() in PARTICLES for word in found.split(" ")):
        return found.rsplit(" ", 1)[1]
    return found


@dataclass
class _Person:
    surname: str
    group: str
    printed: list[str] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    signs_as: list[str] = field(default_factory=list)
    questions: dict[LetterKey, list[tuple[Question, str]]] = field(default_factory=dict)
    answers: dict[LetterKey, list[tuple[Answer, str]]] = field(default_factory=dict)
    letters: dict[LetterKey, None] = field(default_factory=dict)  # an ordered set: a busy person has thousands


def anchored_blocks(letter: Letter) -> tuple[list[tuple[Question, str]], list[tuple[Answer, str]]]:
    """The questions a letter asks (not those it quotes) and the answers it gives, each with the
    anchor its page gives it (claimed in body order), sorted out once for every list naming them."""
    anchors = claim_anchors(letter, PageIds())
    asked: list[tuple[Question, str]] = []
    answered: list[tuple[Answer, str]] = []
    for position, block in enumerate(letter.body):
        if isinstance(block, Question) and not block.quoted:
            asked.append((block, anchors[position][0]))
        elif isinstance(block, Answer):
            answered.append((block, anchors[position][0]))
    return asked, answered


def _gather(context: RenderContext, anchored_by_letter: dict[LetterKey, tuple[list[tuple[Question, str]], list[tuple[Answer, str]]]]) -> list[_Person]:
    people: dict[tuple[str, str], _Person] = {}
    named: dict[tuple[str, str, bool], _Person] = {}  # a member asks hundreds of letters: their name is read once

    def person(name: str, group: str, signed: bool = False) -> _Person:
        found = named.get((name, group, signed))
        if found is not None:
            return found  # and the name as printed is among theirs already
        key_name = _signatory_surname(name) if signed else surname(name)
        found = people.setdefault((slugify(key_name), group), _Person(key_name, group))
        if " ".join(name.split()) not in found.printed:
            found.printed.append(" ".join(name.split()))
        named[(name, group, signed)] = found
        return found

    def add(values: list[str], value: str | None) -> None:
        if value and value not in values:
            values.append(value)

    for record in context.corpus.records:
        for letter in record.letters:
            key = LetterKey(record.path, letter.index)
            if context.addresses.letter_page(key) is None:
                continue
            chamber = letter.chamber or record.chamber
            asked, answered = anchored_by_letter[key]
            for member in letter.askers:
                asker = person(member.name, chamber)
                add(asker.parties, member.party)
                add(asker.roles, f"Lid van de {chamber}")
                asker.questions.setdefault(key, []).extend(asked)
                asker.letters[key] = None
            for minister in letter.ministers:  # an Aanhangsel answer: who answers, by title and name
                signer = person(minister.name, GOVERNMENT)  # printed by surname: `Minister Bruins Slot`
                add(signer.signs_as, f"{minister.title} ({minister.portfolio})" if minister.portfolio else minister.title)
                signer.letters[key] = None
                signer.answers.setdefault(key, []).extend(answered)
            if not letter.ministers and letter.signatory is not None and letter.signatory.name.strip():
                group = GOVERNMENT if letter.kind in (ANSWER_LETTER, APPENDIX_ANSWERS) else chamber
                signer = person(letter.signatory.name, group, signed=True)
                add(signer.signs_as, capitalized(_without_article(letter.signatory.role or "")) or None)
                signer.letters[key] = None
                if group == GOVERNMENT:
                    signer.answers.setdefault(key, []).extend(answered)
            committee = _committee(record, letter)
            for member in letter.committee:
                listed = person(member.name, chamber)
                add(listed.parties, member.party)
                role = f"{capitalized(member.role) if member.role else 'Lid'} van de {committee}" if committee else capitalized(member.role or "lid van de commissie")
                add(listed.roles, f"{role} ({chamber})")
    return sorted(people.values(), key=lambda p: (slugify(p.surname), p.surname, p.group))


def _without_article(text: str) -> str:
    return text[3:] if text.startswith(("De ", "de ")) else text


def _committee(record: Record, letter: Letter) -> str | None:
    """The committee a membership footnote lists: the one the letter's signatory serves, by name."""
    found = COMMITTEE_NAME.search(" ".join(((letter.signatory.role if letter.signatory else None) or letter.sender or "").split()))
    return f"vaste commissie voor {found['subject']}" if found else None


def folder_pages(folder: str, names: list[str], fallback: str) -> list[str]:
    """One page in `folder` per name, in order: `folder/<slug>.md`, the same slug again `<slug>-2.md`.

    A slug that is a number, or `index`, gets `fallback` before it (`persoon-2`): `folder/2.md`
    is where the list of the folder continues (generator.render.paging), and MkDocs serves
    `folder/index.md` at the folder's own address."""
    pages: list[str] = []
    taken: set[str] = set()
    for name in names:
        slug = slugify(name) or fallback
        if slug.isdigit() or slug == "index":
            slug = f"{fallback}-{slug}"
        page, number = f"{folder}/{slug}.md", 2
        while page in taken:
            page, number = f"{folder}/{slug}-{number}.md", number + 1
        taken.add(page)
        pages.append(page)
    return pages


def person_pages(context: RenderContext, anchored: dict[LetterKey, tuple[list[tuple[Question, str]], list[tuple[Answer, str]]]]) -> dict[str, str]:
    """Render `personen.md` and `personen/<surname>.md` for every person (continued on
    `personen/<surname>/2.md`, … when they have more than `LINKS_PER_PAGE` questions, answers and
    letters), given each letter's questions and answers with their anchors (`anchored_blocks`)."""
    people = _gather(context, anchored)
    ids_by_page = dict(zip(folder_pages(PEOPLE_FOLDER, [found.surname for found in people], "persoon"), people))
    pages = _render_index(ids_by_page)
    for page, found in ids_by_page.items():
        pages.update(_render_person(found, page, context))
    return pages


def _render_index(people: dict[str, _Person]) -> dict[str, str]:
    """`personen.md`: every person by surname under their initial, `PEOPLE_PER_PAGE` a page,
    continued on `personen/2.md`, …; the first page then links each initial where it starts."""
    chunks = chunked(people.items(), PEOPLE_PER_PAGE)
    addresses = continued_pages(PEOPLE, len(chunks))
    pages, starts = {}, {}
    for number, (address, chunk) in enumerate(zip(addresses, chunks), 1):
        ids = PageIds()
        title = page_title(PEOPLE_TITLE, number)
        blocks = [front_matter(title), title_block(title, ids), PEOPLE_INTRO, pages_line(addresses, number)]
        for initial, listed in groupby(chunk, key=lambda item: _initial(item[1])):
            anchor = ids.claim(slugify(initial) or "kop")
            starts.setdefault(initial, (address, anchor))
            blocks.append(f"## {escape_heading(initial)} {{#{anchor}}}")
            blocks.append("\n".join(_index_entry(found, address, page) for page, found in listed))
        pages[address] = blocks
    if not people:
        pages[PEOPLE].append("Nog geen personen.")
    if len(addresses) > 1:
        initials = ", ".join(f"[{escape_line(initial)}]({relative_link(PEOPLE, page, anchor)})" for initial, (page, anchor) in starts.items())
        pages[PEOPLE].insert(4, f"Op beginletter: {initials}.")
    return {address: join_blocks(blocks) for address, blocks in pages.items()}


def _initial(found: _Person) -> str:
    return (slugify(found.surname)[:1] or "#").upper()


def _index_entry(found: _Person, listed_on: str, page: str) -> str:
    """`- [Veldhoen](personen/veldhoen.md) (GroenLinks-PvdA) — Voorzitter van de vaste commissie voor …`."""
    parties = f" ({', '.join(escape_line(p) for p in found.parties)})" if found.parties else ""
    described = found.roles or found.signs_as
    roles = f" — {escape_line('; '.join(described))}" if described else ""
    return f"- [{escape_line(found.surname)}]({relative_link(listed_on, page)}){parties}{roles}"


def _render_person(found: _Person, page: str, context: RenderContext) -> dict[str, str]:
    """A person's page and its continuations: their letters newest first, each with the questions
    they ask or the answers they give in it, about `LINKS_PER_PAGE` links a page (a letter whole).
    The letters are sorted once: each page takes its share of them in that order."""
    keys = letters_newest_first(found.letters, context)
    chunks = chunked(keys, LINKS_PER_PAGE, lambda key: 1 + len(found.questions.get(key, ())) + len(found.answers.get(key, ())))
    addresses = continued_pages(page, len(chunks))
    return {
        address: _person_page(found, address, number, addresses, chunk, context)
        for number, (address, chunk) in enumerate(zip(addresses, chunks), 1)
    }


def _person_page(found: _Person, page: str, number: int, addresses: list[str], keys: list[LetterKey], context: RenderContext) -> str:
    """One page of a person's letters: `keys`, newest first (looked up, not filtered out of all of
    theirs: a busy person's letters fill hundreds of pages)."""
    ids = PageIds()
    title = page_title(found.surname, number)
    items = [
        ("Naam zoals gedrukt", ", ".join(escape_line(name) for name in found.printed if name != found.surname)),
        ("Partij", ", ".join(escape_line(p) for p in found.parties)),
        ("Rol", "; ".join(escape_line(role) for role in found.roles)),
        ("Ondertekent als", "; ".join(escape_line(function) for function in found.signs_as)),
        ("Alle personen", f"[overzicht]({relative_link(page, PEOPLE)})"),
    ]
    blocks = [front_matter(title), title_block(title, ids), metadata_block(items), pages_line(addresses, number)]
    questions = {key: found.questions[key] for key in keys if key in found.questions}
    if questions:
        blocks.append(heading_block(2, "Vragen", ids))
        blocks.append(block_links(questions, "vraag", page, context, ("vraag", "vragen")))
    answers = {key: found.answers[key] for key in keys if key in found.answers}
    if answers:
        blocks.append(heading_block(2, "Antwoorden", ids))
        blocks.append(block_links(answers, "antwoord op vraag", page, context, ("antwoord", "antwoorden")))
    if keys:
        blocks.append(heading_block(2, "Brieven", ids))
        blocks.append("\n".join(f"- {_letter_link(key, page, context)}" for key in keys))
    return join_blocks(blocks)


def block_links(blocks: dict[LetterKey, list], word: str, page: str, context: RenderContext, nouns: tuple[str, str]) -> str:
    """Per letter, in the order of `blocks` (newest first: the caller's order, sorted once per
    list), a line naming the letter, then one link per question or answer, each link's text
    naming what it leads to (`vraag 3 (BBB)`). Each letter's link and label are made once and
    shared by its questions' links."""
    lines = []
    capital = capitalized(word)  # the links' text starts with the word: `Vraag 3 (BBB), …`
    for key, listed in blocks.items():
        record, letter = context.letters[key]
        target = context.addresses.letter_page(key) or page
        to_letter = relative_link(page, target)
        label = letter_label(record, letter)
        count = len(listed)
        lines.append(f"- [{escape_line(label)}]({to_letter}) ({count} {nouns[0] if count == 1 else nouns[1]}):")
        where = label.lower()
        for block, anchor in listed:
            party = f" ({escape_line(block.party)})" if block.party else ""
            link = f"#{anchor}" if target == page else f"{to_letter}#{anchor}"
            lines.append(f"    - [{capital} {numbers_label(covered_numbers(block))}{party}, {where}]({link})")
    return "\n".join(lines)


def _letter_link(key: LetterKey, page: str, context: RenderContext) -> str:
    record, letter = context.letters[key]
    target = context.addresses.letter_page(key) or page
    return f"[{escape_line(letter_label(record, letter))}]({relative_link(page, target)})"
