"""Render letters as Markdown: source text escaped so that it always renders as the words it is.

Every piece of source text goes through one of the escapes of `generator.render.escape`
(`escape_text` for a letter's text, `escape_line` for a metadata value, `html_text` in raw HTML),
which also keep control and direction characters out.

A letter page is front matter, an H1, a metadata list, the letter's opening paragraphs, its body
in source order (headings, paragraphs, questions, answers with their anchors) and its footnotes:

    render_letter_page(record, letter, "eerste-kamer/2026-02-12/antwoordbrief.md", context) ->

        ---
        title: "Antwoordbrief van de staatssecretaris van Financiën - …, 12 februari 2026"
        ---

        # Antwoordbrief van de staatssecretaris van Financiën - …, 12 februari 2026 {#titel}

        - **Kamer:** Eerste Kamer
        - **Soort:** antwoordbrief
        …

The blocks every page shares are `generator.render.blocks`'; the metadata list is
`generator.render.metadata`'s; a paragraph's line of Markdown is `generator.render.inline`'s; the
marks of a question's or answer's heading and its citation are `generator.render.qa_marks`'.
"""

from __future__ import annotations

from functools import cached_property
from typing import TypeVar

from generator.model import (
    Answer,
    Heading,
    Letter,
    LetterKey,
    Paragraph,
    Question,
    Record,
    Target,
    TermUse,
    TextLink,
)
from generator.render.addresses import ANSWER, QUESTION, relative_link, target_anchor
from generator.render.blocks import (
    PageIds,
    claim_anchors,
    claimed_once,
    heading_block,
    join_blocks,
    metadata_block,
    printed_heading_block,
    title_block,
)
from generator.render.cited import mention_metadata
from generator.render.citation import cite, part_label, permalink, publication_citation
from generator.render.context import BlockKey, RenderContext, of_blocks, of_record
from generator.render.escape import FOOTNOTE_PLACE_MARKER, attribute_text, escape_line, front_matter, safe_url
from generator.render.inline import InlineLink, InlineTerm, inline_text, term_title
from generator.render.labels import covered_numbers, letter_label, letter_title, numbers_label
from generator.render.metadata import letter_metadata, open_data_metadata, record_title
from generator.render.qa_marks import ANCHORS_ATTRIBUTE, STATUS_ATTRIBUTE, STATUS_SEPARATOR, citation_block
from generator.render.statuses import letter_status_summary
from generator.render.timeline import timeline_slice

T = TypeVar("T")


def render_letter_page(record: Record, letter: Letter, page: str, context: RenderContext) -> str:
    """Render a letter as a page of its own (its record's page too when it is the only letter)."""
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
            anchors, taken = claimed_once(self.letter)
            ids.taken.update(taken)
            return anchors
        return claim_anchors(self.letter, ids)

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

    def _links(self, paragraph: Paragraph) -> list[InlineLink]:
        links = []
        for text_link in self._text_links.get((self.record.path, paragraph.key), ()):
            destination = self._link_destination(text_link)
            if destination is not None:
                links.append(InlineLink(text_link.start, text_link.end, destination))
        return links

    def _terms(self, paragraph: Paragraph) -> list[InlineTerm]:
        """The glossary terms this paragraph uses, each with its explanation."""
        uses = self._term_uses.get((self.record.path, paragraph.key), ())
        return [InlineTerm(use.start, use.end, self._term_title(use.term), use.term) for use in uses]

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


def _gathered(index: dict[BlockKey, tuple[T, ...]], targets: list[BlockKey]) -> list[T]:
    """Collect what `index` holds for each of `targets`, each value once, in order (a target's
    values are each there once: most blocks have one target)."""
    if len(targets) == 1:
        return list(index.get(targets[0], ()))
    return list(dict.fromkeys(value for target in targets for value in index.get(target, ())))
