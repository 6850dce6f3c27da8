"""Render letters as Markdown: source text escaped so that it always renders as the words it is.

Every piece of source text goes through one of the escapes of `generator.render.escape`
(`escape_text` for a letter's text, `escape_line` for a metadata value, `html_text` in raw HTML),
which also keep control and direction characters out.

A letter page is front matter, an H1, a metadata list, the letter's opening paragraphs, its body
in source order (headings, paragraphs, questions, answers with their anchors) and its footnotes.
"""

from __future__ import annotations

import re
from collections import deque
from functools import cached_property, lru_cache
from typing import NamedTuple, TypeVar

from generator.model import (
    OFFICIAL_IDENTIFIER_PREFIXES,
    OFFICIAL_PUBLICATION_URL,
    STATUSES,
    Answer,
    Heading,
    Letter,
    LetterKey,
    Member,
    Paragraph,
    Question,
    Record,
    Target,
    Term,
    TermUse,
    TextLink,
)
from generator.render.addresses import (
    ANSWER,
    QUESTION,
    answer_anchor,
    question_anchor,
    relative_link,
    slugify,
    target_anchor,
)
from generator.render.citation import cite, part_label, permalink, publication_citation
from generator.render.context import BlockKey, RenderContext, of_blocks, of_record
from generator.render.escape import (
    FOOTNOTE_PLACE_MARKER,
    attribute_text,
    escape_heading,
    escape_line,
    escape_text,
    front_matter,
    html_text,
    safe_url,
)
from generator.render.labels import (  # noqa: F401 (also imported from here by other renderers)
    capitalized,
    covered_numbers,
    dutch_date,
    letter_kind_label,
    letter_label,
    letter_title,
    numbers_label,
    record_kind_label,
)

T = TypeVar("T")

# --- Pages -------------------------------------------------------------------------------------


class PageIds:
    """The ids used on one page, so every new one is unique (`attr_list` does not check).

    A wanted id that is taken gets `-2`, `-3`, ... appended, in the order ids are claimed.
    """

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def claim(self, wanted: str) -> str:
        """Take `wanted` (or the first free numbered variant of it) and return what was taken."""
        candidate, count = wanted, 1
        while candidate in self.taken:
            count += 1
            candidate = f"{wanted}-{count}"
        self.taken.add(candidate)
        return candidate

    def claim_if_free(self, wanted: str) -> bool:
        """Take `wanted` only if nobody has; tell whether it was taken now."""
        if wanted in self.taken:
            return False
        self.taken.add(wanted)
        return True


def title_block(title: str, ids: PageIds) -> str:
    """Write the H1 of a page with a fixed id (`titel`), so no heading text can take an anchor."""
    return f"# {escape_heading(title)} {{#{ids.claim('titel')}}}"


def heading_block(level: int, text: str, ids: PageIds) -> str:
    """Write a heading of source text with an id derived from it, unique on the page (none if empty)."""
    if not text.strip():
        return ""
    return f"{'#' * level} {escape_heading(text)} {{#{ids.claim(slugify(text) or 'kop')}}}"


def printed_heading_block(letter: Letter) -> str:
    """Keep the heading a letter prints (`BRIEF VAN DE STAATSSECRETARIS …`) as a paragraph of its
    own, as printed: the page's title names the letter readably instead. Empty when it prints none."""
    if not letter.title or not letter.title.strip():
        return ""
    return f"{escape_line(letter.title)}\n{{: .kd-printed-heading }}"


def metadata_block(items: list[tuple[str, str]]) -> str:
    """Write label/value pairs (values already Markdown) as a list: `- **Kamer:** Eerste Kamer`."""
    return "\n".join(f"- **{label}:** {value}" for label, value in items if value)


def record_title(record: Record) -> str:
    """Title a record by its own title, or by its kind when it has none."""
    return record.title.strip() or capitalized(record_kind_label(record.kind))


def render_letter_page(record: Record, letter: Letter, page: str, context: RenderContext) -> str:
    """Render a letter as a page of its own (its record's page too when it is the only letter)."""
    from generator.render.cited import mention_metadata  # imported here: cited renders with this module
    from generator.render.statuses import letter_status_summary
    from generator.render.timeline import timeline_slice

    ids = PageIds()
    body = LetterText(record, letter, page, context, ids)
    title = letter_title(record, letter)
    record_page = context.addresses.record_page(record)
    identifiers = letter.identifiers if record_page else (record.identifier, *letter.identifiers)
    items = letter_metadata(record, letter, identifiers) + mention_metadata(record, page, context, letter)
    items.append(("Status", letter_status_summary(record, letter, context)))
    if record_page is not None:
        items.append(("Onderdeel van", f"[{escape_line(record_title(record))}]({relative_link(page, record_page)})"))
    items += body.metadata() + open_data_metadata(page, context)
    blocks = [front_matter(title), title_block(title, ids), metadata_block(items), *body.blocks()]
    return join_blocks(blocks + timeline_slice({body.key}, page, context, ids))


def open_data_metadata(page: str, context: RenderContext) -> list[tuple[str, str]]:
    """Link the page's letter data (JSON beside the page) and the corpus CSV, when rendered."""
    if not context.open_data:
        return []
    json_link = relative_link(page, page.removesuffix(".md") + ".json")
    csv_link = relative_link(page, "data/vragen-en-antwoorden.csv")
    return [("Open data", f"[JSON]({json_link}), [alle vragen en antwoorden (CSV)]({csv_link})")]


def letter_metadata(
    record: Record, letter: Letter, identifiers: tuple[str | None, ...]
) -> list[tuple[str, str]]:
    """List a letter's metadata under Dutch labels, values escaped; `identifiers` as Kenmerken."""
    return [
        ("Kamer", escape_line(letter.chamber or record.chamber)),
        ("Soort", letter_kind_label(letter.kind)),
        ("Datum", dutch_date(letter.sent_on) if letter.sent_on else ""),  # only a date the letter prints
        ("Ontvangen", dutch_date(letter.received_on) if letter.received_on else ""),
        ("Afzender", "" if _repeats_askers(letter) else escape_line(letter.sender or "")),
        ("Geadresseerde", escape_line(letter.addressee or "")),
        ("Onderwerp", escape_line(letter.subject or "")),
        ("Vragenstellers", ", ".join(_member(member) for member in letter.askers)),
        ("Kenmerken", identifiers_text(identifiers)),
    ]


def _repeats_askers(letter: Letter) -> bool:
    """Whether the sender only names the askers again (`Kathmann (GroenLinks-PvdA), Six Dijkstra
    (Nieuw Sociaal Contract)`): they are listed once, as Vragenstellers."""
    named = ", ".join(f"{m.name} ({m.party})" if m.party else m.name for m in letter.askers)
    return bool(letter.askers) and " ".join((letter.sender or "").split()) == " ".join(named.split())


def identifiers_text(identifiers: tuple[str | None, ...]) -> str:
    """List identifiers once each, in order, escaped; an official publication's identifier
    (`ah-tk-20232024-2313`) links to the publication."""
    return ", ".join(_identifier(identifier) for identifier in dict.fromkeys(filter(None, identifiers)))


def _identifier(identifier: str) -> str:
    shown = escape_line(identifier)
    if not identifier.startswith(OFFICIAL_IDENTIFIER_PREFIXES):
        return shown
    url = safe_url(OFFICIAL_PUBLICATION_URL.format(identifier=identifier))  # safe_url encodes what must be
    return f"[{shown}]({url})" if url else shown


def source_metadata(record: Record, dossiers: str | None = None) -> list[tuple[str, str]]:
    """List where a record comes from: its dossiers (`dossiers` as Markdown, or else the sidecar's
    numbers as text) and its source (a link when it is a web address)."""
    url = safe_url(record.source_url)
    shown = escape_line(record.source_url or "")
    return [
        ("Dossiers", dossiers if dossiers is not None else ", ".join(escape_line(d) for d in record.dossiers)),
        ("Bron", f"[{shown}]({url})" if url else shown),
    ]


def _member(member: Member) -> str:
    party = f" ({escape_line(member.party)})" if member.party else ""
    return f"{escape_line(member.name)}{party}"


def join_blocks(blocks: list[str]) -> str:
    """Join Markdown blocks with one blank line between them, ending with one line end."""
    return "\n\n".join(block.strip("\n") for block in blocks if block.strip()) + "\n"


# --- Letter text -------------------------------------------------------------------------------


def qa_anchors(letter: Letter) -> dict[int, tuple[str, tuple[str, ...]]]:
    """The anchors a letter's page gives its questions and answers, by their position in its body:
    (the anchor, the further anchors of a combined one). Made once per letter, whoever asks
    first: its page, its places, its open data (`_claimed_once`)."""
    return _claimed_once(letter)[0]


def _claim_anchors(letter: Letter, ids: PageIds) -> dict[int, tuple[str, tuple[str, ...]]]:
    """Claim each question's and answer's anchor in `ids`, in body order, then each combined
    one's further anchors (those still free)."""
    wanted: dict[int, list[str]] = {}
    for position, block in enumerate(letter.body):
        if isinstance(block, (Question, Answer)):
            anchor = question_anchor if isinstance(block, Question) else answer_anchor
            wanted[position] = [anchor(block.party, number) for number in covered_numbers(block)]
    primary = {position: ids.claim(names[0]) for position, names in wanted.items()}
    return {
        position: (primary[position], tuple(name for name in names[1:] if ids.claim_if_free(name)))
        for position, names in wanted.items()
    }


_CLAIMED: dict[int, tuple[Letter, dict[int, tuple[str, tuple[str, ...]]], frozenset[str]]] = {}
"""The anchors of the letters rendered last (`_claimed_once`), by the letter's identity: a letter
is the same object to its page, its places and its open data, and hashing a letter (a tree of
frozen dataclasses) would cost more than claiming its anchors again."""
_CLAIMED_KEPT = 256


def _claimed_once(letter: Letter) -> tuple[dict[int, tuple[str, tuple[str, ...]]], frozenset[str]]:
    """`_claim_anchors` on a page with no id claimed yet, and the ids it took, kept for the
    letters rendered last (the entry holds the letter, so its identity is no other's meanwhile)."""
    found = _CLAIMED.get(id(letter))
    if found is not None and found[0] is letter:
        return found[1], found[2]
    ids = PageIds()
    anchors, taken = _claim_anchors(letter, ids), frozenset(ids.taken)
    if len(_CLAIMED) >= _CLAIMED_KEPT:
        _CLAIMED.clear()
    _CLAIMED[id(letter)] = (letter, anchors, taken)
    return anchors, taken


class _Link(NamedTuple):
    """A link over characters `start`..`end` of a paragraph, to `destination` (already safe).
    (A named tuple, as `_Term` and the open data's `_Block`: made for every link, and a frozen
    dataclass is several times slower to make.)"""

    start: int
    end: int
    destination: str


CLOSING_HEADING = "Slot van de brief"
"""The heading the site puts above a letter's closing (formula and signature) after its questions."""


class LetterText:
    """The text of one letter on one page: opening, body, footnotes, with the page's ids.

    Anchors for questions and answers are claimed before anything else on the page, so that they
    keep the scheme's names (`bbb-vraag-7`) and no heading's id can take one of them.
    """

    def __init__(self, record: Record, letter: Letter, page: str, context: RenderContext, ids: PageIds):
        self.record = record
        self.letter = letter
        self.page = page
        self.context = context
        self.key = LetterKey(record.path, letter.index)
        self.footnote_numbers = frozenset(footnote.number for footnote in letter.footnotes)
        self.anchors = self._claim_anchors(ids)
        self.ids = ids
        self.explained: set[str] = set()
        """The glossary terms marked in the section being written (`_section`)."""
        self._links_to: dict[LetterKey, tuple[str | None, str]] = {}
        """Each letter linked to from this page: its page and the link to it (`_link_to`)."""
        self._labels: dict[LetterKey, str] = {}
        """Each other letter a thread line names: its label (`_target_link`)."""
        self._term_titles: dict[str, str] = {}
        """Each glossary term used on the page: its explanation (`_terms`)."""
        self._publication: str | None = None
        """How the citations name the letter's publication (`_citation`), once made."""

    # What the link pass found in the record, looked up by this page: its record's own, found once
    # (`of_record`), when first looked up (a letter's places need only its anchors).

    @cached_property
    def _text_links(self) -> dict[tuple[str, str], tuple[TextLink, ...]]:
        return of_record(self.context.text_links, self.record.path)

    @cached_property
    def _term_uses(self) -> dict[tuple[str, str], tuple[TermUse, ...]]:
        return of_record(self.context.terms, self.record.path)

    @cached_property
    def _statuses(self) -> dict[BlockKey, tuple[str, ...]]:
        return of_blocks(self.context.statuses, self.record.path)

    @cached_property
    def _threads(self) -> dict[BlockKey, tuple[Target, ...]]:
        return of_blocks(self.context.threads, self.record.path)

    def _claim_anchors(self, ids: PageIds) -> dict[int, tuple[str, tuple[str, ...]]]:
        """Give each question and answer its anchor, then each combined one its further anchors
        (`qa_anchors`, on a page that has claimed no id yet, as a letter's has not)."""
        if not ids.taken:
            anchors, taken = _claimed_once(self.letter)
            ids.taken.update(taken)
            return anchors
        return _claim_anchors(self.letter, ids)

    def metadata(self) -> list[tuple[str, str]]:
        """Name the footnotes no marker in the text refers to, so that their words are shown and reachable."""
        marked = {marker.number for paragraph in self._paragraphs() for marker in paragraph.markers}
        loose = sorted(number for number in self.footnote_numbers if number not in marked)
        return [("Voetnoten zonder verwijzing in de tekst", ", ".join(f"[^{number}]" for number in loose))]

    def blocks(self) -> list[str]:
        """Render the printed heading, the opening paragraphs, the body in source order, and the
        footnote definitions."""
        blocks = [printed_heading_block(self.letter)]
        blocks += [self._paragraph(paragraph) for paragraph in self.letter.head]
        asked = False
        for position, block in enumerate(self.letter.body):
            if position == self.letter.closing and asked:
                # The closing formula and signature under a heading of their own, so that they
                # are the letter's, not part of its last question's or answer's section.
                blocks.append(self._section(heading_block(2, CLOSING_HEADING, self.ids)))
            asked = asked or isinstance(block, (Question, Answer))
            if isinstance(block, Heading):
                blocks.append(self._section(heading_block(2, block.text, self.ids)))
            elif isinstance(block, Paragraph):
                blocks.append(self._paragraph(block))
            elif isinstance(block, Question):
                blocks.extend(self._question(block, *self.anchors[position]))
            elif isinstance(block, Answer):
                blocks.extend(self._answer(block, *self.anchors[position]))
        if self.letter.footnotes:
            # A heading of their own, with the footnote list placed under it, so that a search hit
            # in a footnote lands on the footnotes, not on the page's last answer.
            blocks += [heading_block(2, "Voetnoten", self.ids), FOOTNOTE_PLACE_MARKER]
        blocks.extend(self._footnote_definitions())
        for number in sorted({footnote.number for footnote in self.letter.footnotes}):
            blocks.extend(self._notes(f"fn:{number}"))  # editorial notes, after the footnote list
        return blocks

    def _notes(self, *anchors: str) -> list[str]:
        """The editorial notes placed at these anchors of this page (generator.render.annotations)."""
        return [note for anchor in anchors for note in self.context.notes.get((self.page, anchor), ())]

    def _footnote_definitions(self) -> list[str]:
        """Define each footnote as `[^N]: text` under its printed number, in number order.

        Two footnotes printed with the same number become one definition of two paragraphs, so
        no text is lost (Python-Markdown keeps only the last definition of a label).
        """
        texts: dict[int, list[str]] = {}
        for footnote in sorted(self.letter.footnotes, key=lambda footnote: footnote.number):
            paragraph = Paragraph(footnote.key, footnote.text, footnote.span)
            if footnote.number not in texts:
                self._section("")  # each footnote is read on its own (its marker's tooltip, its link)
            text = inline_text(paragraph, self._links(paragraph), frozenset(), self._terms(paragraph), self.explained)
            texts.setdefault(footnote.number, []).extend([text] if text else [])
        return [
            f"[^{number}]: " + "\n\n    ".join(paragraphs or ["(zonder tekst)"]) for number, paragraphs in texts.items()
        ]

    def _paragraphs(self) -> list[Paragraph]:
        paragraphs = list(self.letter.head)
        for block in self.letter.body:
            if isinstance(block, Paragraph):
                paragraphs.append(block)
            elif isinstance(block, Question):
                paragraphs.extend(block.context + block.paragraphs)
            elif isinstance(block, Answer):
                paragraphs.extend(block.paragraphs)
        return paragraphs

    def _question(self, question: Question, anchor: str, extra: tuple[str, ...]) -> list[str]:
        numbers = covered_numbers(question)
        targets = self._targets(QUESTION, question, numbers)
        words = f"Vraag {numbers_label(numbers)}"
        blocks = [self._section(self._qa_heading(words, question, targets, anchor, extra)), self._citation(QUESTION, question, numbers, anchor)]
        blocks += [self._paragraph(paragraph, css_class="kd-context") for paragraph in question.context]
        blocks += [self._paragraph(paragraph, quoted=question.quoted or paragraph.quoted) for paragraph in question.paragraphs]
        blocks.append(self._thread_line("Beantwoord in", targets))
        return blocks + self._notes(anchor, *extra)

    def _answer(self, answer: Answer, anchor: str, extra: tuple[str, ...]) -> list[str]:
        numbers = covered_numbers(answer)
        targets = self._targets(ANSWER, answer, numbers)
        words = f"Antwoord op vraag {numbers_label(numbers)}"
        blocks = [self._section(self._qa_heading(words, answer, targets, anchor, extra)), self._citation(ANSWER, answer, numbers, anchor)]
        blocks.append(self._thread_line("Antwoord op", targets))
        blocks += [self._paragraph(paragraph) for paragraph in answer.paragraphs]
        return blocks + self._notes(anchor, *extra)

    def _section(self, heading: str) -> str:
        """Start a section of the page (a question, an answer, a headed part, a footnote) under
        `heading`: its glossary terms are marked again, once each."""
        self.explained = set()
        return heading

    def _targets(self, role: str, block: Question | Answer, numbers: tuple[int, ...]) -> list[BlockKey]:
        """The targets the link pass names the block by, one per number it covers (`covered_numbers`),
        as its record's findings are looked up (`of_blocks`)."""
        index, party = self.letter.index, block.party
        return [(index, role, party, number) for number in numbers]

    def _qa_heading(self, words: str, block: Question | Answer, targets: list[BlockKey], anchor: str, extra: tuple[str, ...]) -> str:
        """Write the heading of a question or answer:
        `### Vraag 7 (BBB) {#bbb-vraag-7 data-toc-label="Vraag 7 (BBB)" data-kd-status="beantwoord"}`.

        Status labels stand beside the words (`STATUS_ATTRIBUTE`); the table of contents gets the
        words alone (`data-toc-label`). Each further number of a combined question gets an empty
        element with its anchor (`ANCHORS_ATTRIBUTE`), so `#antwoord-5` lands on
        `Antwoord op vraag 4 en 5`. The site's Markdown extension makes both elements
        (generator/mdext_syntax.py: `HeadingMarks`).
        """
        statuses = _gathered(self._statuses, targets)
        marks = f' {STATUS_ATTRIBUTE}="{STATUS_SEPARATOR.join(map(attribute_text, statuses))}"' if statuses else ""
        marks += f' {ANCHORS_ATTRIBUTE}="{" ".join(extra)}"' if extra else ""
        party = f" ({escape_line(block.party)})" if block.party else ""
        label = attribute_text(f"{words} ({block.party})" if block.party else words)
        return f'### {words}{party} {{#{anchor} data-toc-label="{label}"{marks}}}'

    def _citation(self, role: str, block: Question | Answer, numbers: tuple[int, ...], anchor: str) -> str:
        """Write how to cite a question or answer, with its permalink, under its heading (the
        letter's publication named once for all of them)."""
        if self._publication is None:
            self._publication = publication_citation(self.record, self.letter)
        part = part_label(role, block.party, numbers)
        return citation_block(cite(self._publication, part, permalink(self.page, anchor, self.context.site_url)), part)

    def _thread_line(self, label: str, targets: list[BlockKey]) -> str:
        """Link a question to its answers (`Beantwoord in: [antwoord op vraag 1 …]`) or an answer to
        its questions (`Antwoord op: [vraag 1 …]`): the label says how, the link's text what."""
        others = _gathered(self._threads, targets)
        links = [link for link in (self._target_link(other) for other in others) if link]
        if not links:
            return ""
        return f"{label}: {'; '.join(links)}\n{{: .kd-thread }}"

    def _target_link(self, target: Target) -> str | None:
        """Write a link to a question or answer elsewhere: `[antwoord op vraag 7 (BBB), Antwoordbrief, ...](...)`."""
        found = self._target_destination(target)
        if found is None:
            return None
        page, destination = found
        label = self._labels.get(target.letter)
        if label is None:
            record_and_letter = self.context.letter(target.letter)
            if record_and_letter is None:
                return None
            label = self._labels[target.letter] = letter_label(*record_and_letter).lower()
        party = f" ({escape_line(target.party)})" if target.party else ""
        text = f"{'vraag' if target.role == QUESTION else 'antwoord op vraag'} {target.number}{party}"
        if page != self.page:
            text += f", {label}"
        return f"[{text}]({destination})"

    def _target_destination(self, target: Target) -> tuple[str, str] | None:
        """The page of a question or answer and the link to it from this page (None without a page)."""
        page, link = self._link_to(target.letter)
        anchor = target_anchor(target)
        if page is None or anchor is None:
            return None
        return page, f"{link}#{anchor}"  # as `relative_link(self.page, page, anchor)` writes it

    def _link_to(self, key: LetterKey) -> tuple[str | None, str]:
        """The page of letter `key` (None without one) and the link to it from this page (empty
        on this page itself), found once per letter."""
        found = self._links_to.get(key)
        if found is None:
            page = self.context.addresses.letter_page(key)
            found = self._links_to[key] = (page, relative_link(self.page, page) if page is not None and page != self.page else "")
        return found

    def _paragraph(self, paragraph: Paragraph, quoted: bool | None = None, css_class: str | None = None) -> str:
        """Render one paragraph: a blockquote when quoted, with a class line when it has one."""
        text = inline_text(paragraph, self._links(paragraph), self.footnote_numbers, self._terms(paragraph), self.explained)
        if not text:
            return ""
        lines = [text] + ([f"{{: .{css_class} }}"] if css_class else [])
        if paragraph.quoted if quoted is None else quoted:
            lines = [f"> {line}" for line in lines]
        return "\n".join(lines)

    def _links(self, paragraph: Paragraph) -> list[_Link]:
        links = []
        for text_link in self._text_links.get((self.record.path, paragraph.key), ()):
            destination = self._link_destination(text_link)
            if destination is not None:
                links.append(_Link(text_link.start, text_link.end, destination))
        return links

    def _terms(self, paragraph: Paragraph) -> list[_Term]:
        """The glossary terms this paragraph uses, each with its explanation."""
        uses = self._term_uses.get((self.record.path, paragraph.key), ())
        return [_Term(use.start, use.end, self._term_title(use.term), use.term) for use in uses]

    def _term_title(self, name: str) -> str:
        title = self._term_titles.get(name)
        if title is None:
            title = self._term_titles[name] = term_title(self.context.glossary[name])
        return title

    def _link_destination(self, text_link: TextLink) -> str | None:
        if text_link.target is not None:
            found = self._target_destination(text_link.target)
            return found[1] if found is not None else None
        if text_link.reference is not None:
            return safe_url(text_link.reference.url)
        return None


class _Term(NamedTuple):
    """A use of a glossary term over characters `start`..`end` of a paragraph, with its explanation."""

    start: int
    end: int
    title: str
    term: str
    """The term's name in the glossary."""


def term_title(term: Term) -> str:
    """The explanation a term's uses show: `Microsoft 365: Het kantoorpakket …`."""
    return f"{term.expansion}: {term.explanation}" if term.expansion else term.explanation


_MARKDOWN_IN_ATTRIBUTE = re.compile(r"[\\`*_{}\[\]]")
"""What an inline pattern running before Python-Markdown's raw HTML one could act on in an attribute."""


def term_markup(text: str, title: str) -> str:
    """Mark a term's text (already escaped Markdown) with its explanation, which shows on hover and
    on keyboard focus (`tabindex`) and is read out by screen readers: `<abbr title="…">M365</abbr>`.

    The explanation is escaped for HTML (`html_text`), and what Markdown could still act on is
    written as character references, so it stays one attribute of plain text."""
    return f'<abbr class="kd-term" title="{_term_attribute(title)}" tabindex="0">{text}</abbr>'


@lru_cache(maxsize=1024)
def _term_attribute(title: str) -> str:
    """A term's explanation as `term_markup` writes it in its attribute (kept: the glossary's few
    explanations are written at every use of a term)."""
    return _MARKDOWN_IN_ATTRIBUTE.sub(lambda m: f"&#{ord(m.group())};", html_text(title))


def _gathered(index: dict[BlockKey, tuple[T, ...]], targets: list[BlockKey]) -> list[T]:
    """Collect what `index` holds for each of `targets`, each value once, in order (a target's
    values are each there once: most blocks have one target)."""
    if len(targets) == 1:
        return list(index.get(targets[0], ()))
    return list(dict.fromkeys(value for target in targets for value in index.get(target, ())))


CITATION_LABEL = "Citeer als:"


def citation_block(citation: str, part: str) -> str:
    """Write a citation as a paragraph of plain text, in raw HTML (all text escaped).

    The text is there without JavaScript, selectable; `docs/javascripts/citeren.js` adds the copy
    button, named after what is cited (`data-kd-part`: `Kopieer citaat van vraag 7 (BBB)`), and
    copies the text. The button is not in the page itself: without JavaScript it could do nothing,
    and every page would carry its markup once per question and answer. `data-search-exclude`
    keeps the citation out of the search index, so results and their snippets show the letter's
    own words. No ids.
    """
    return (
        f'<p class="kd-cite" data-search-exclude data-kd-part="{html_text(part)}"><span class="kd-cite-label">{CITATION_LABEL}</span> '
        f'<span class="kd-cite-text">{html_text(citation)}</span></p>'
    )


STATUS_ATTRIBUTE = "data-kd-status"
"""A question's or answer's heading attribute naming its statuses (`STATUS_SEPARATOR` between them)."""
STATUS_SEPARATOR = ","
ANCHORS_ATTRIBUTE = "data-kd-anchors"
"""A question's or answer's heading attribute naming its further anchors, space-separated."""


def status_class(status: str) -> str:
    """The classes of a status shown beside a heading: `kd-status kd-status-beantwoord`.

    The status is kept out of the search index (`data-search-exclude`), so a result's title is the
    heading's words alone (`Vraag 7 (BBB)`), as the table of contents shows them."""
    return f"kd-status kd-status-{slugify(status)}" if status in STATUSES else "kd-status"  # kd-status-geen-antwoord-op-deze-site


def inline_text(
    paragraph: Paragraph,
    links: list[_Link],
    footnotes: frozenset[int],
    terms: list[_Term] | None = None,
    explained: set[str] | None = None,
) -> str:
    """Render a paragraph's text as one line of Markdown, with its links, terms and footnote markers.

    Markers become `[^N]` at their offset (a number with no footnote on the page stays visible as
    a plain superscript, bracketed as references are: `[N]`); links become `[text](destination)`;
    glossary terms become `<abbr>` with their explanation (`term_markup`), never inside a link,
    each once in its section: a term named in `explained` (marked before in the section) stays
    plain text, and a term marked here is added to it.
    Overlapping links are dropped after the first; a marker that falls inside a link or a term is
    moved to its end.
    """
    text = paragraph.text
    if not (links or terms or paragraph.markers):  # plain text, as most paragraphs are
        plain = text.strip()
        return escape_text(plain) if plain else ""
    start = len(text) - len(text.lstrip())
    end = len(text.rstrip())
    chosen: list[_Link] = []
    trimmed = (_trimmed(link, text) for link in links)
    for link in sorted(trimmed, key=lambda link: (link.start, -link.end, link.destination)):
        if start <= link.start < link.end <= end and (not chosen or link.start >= chosen[-1].end):
            chosen.append(link)
    chosen_terms: list[_Term] = []
    following = 0  # the first chosen link that does not end before the term
    for term in sorted(terms or (), key=lambda term: (term.start, -term.end)):
        while following < len(chosen) and chosen[following].end <= term.start:
            following += 1
        in_link = following < len(chosen) and chosen[following].start < term.end
        after_last = not chosen_terms or term.start >= chosen_terms[-1].end
        if start <= term.start < term.end <= end and not in_link and after_last:
            chosen_terms.append(term)
    pieces_in_order: list[_Link | _Term] = sorted([*chosen, *chosen_terms], key=lambda piece: piece.start)
    markers = sorted(
        (min(max(marker.offset, start), end), order, marker.number) for order, marker in enumerate(paragraph.markers)
    )
    pieces: list[str] = []
    cursor, pending = start, deque(markers)  # a deque: a paragraph may hold thousands of markers

    def add_text(upto: int) -> None:
        nonlocal cursor
        while pending and pending[0][0] <= upto:
            offset, _, number = pending.popleft()
            offset = max(offset, cursor)
            _add_text(pieces, text[cursor:offset])
            pieces.append(f"[^{number}]" if number in footnotes else f"<sup>\\[{number}\\]</sup>")
            cursor = offset
        _add_text(pieces, text[cursor:upto])
        cursor = upto

    for piece in pieces_in_order:
        add_text(piece.start)
        words = escape_text(text[piece.start : piece.end], at_line_start=False)
        if isinstance(piece, _Term) and (explained is None or piece.term not in explained):
            pieces.append(term_markup(words, piece.title))
            if explained is not None:
                explained.add(piece.term)
        elif isinstance(piece, _Term):
            pieces.append(words)
        else:
            pieces.append(f"[{words}]({piece.destination})")
        cursor = piece.end
    add_text(end)
    return "".join(pieces)


def _trimmed(link: _Link, text: str) -> _Link:
    """Keep white space at either end of a link's characters outside the link."""
    if not 0 <= link.start <= link.end <= len(text):
        return link  # out of range: left for the caller to drop
    covered = text[link.start : link.end]
    start = link.start + len(covered) - len(covered.lstrip())
    return _Link(start, max(start, link.start + len(covered.rstrip())), link.destination)


def _add_text(pieces: list[str], text: str) -> None:
    """Append escaped source text; only text that starts the line gets the line-start escapes."""
    if not text:
        return
    escaped = escape_text(text, at_line_start=not pieces)
    if pieces and pieces[-1].startswith("[^") and escaped.startswith(":") and len(pieces) == 1:
        escaped = "&#58;" + escaped[1:]  # `[^3]:` at the start of a line would define a footnote
    pieces.append(escaped)
