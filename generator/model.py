"""The parsed and linked corpus as frozen dataclasses.

Every node knows where it came from (`SourceSpan`). The model holds data only:
no rendering, no slugs, no anchors (those live in `generator.render`).

Shape::

    Corpus
      records: Record            one source file (seeds/<name>.txt)
        letters: Letter          a letter inside the record
          head: Paragraph        salutation, place and date, opening text
          body: Block            Heading | Paragraph | Question | Answer, in source order
          footnotes: Footnote
        furniture: Furniture     source lines the parser dropped as page furniture
      links                      produced by generator.link (threads, referrals, references)
      diagnostics
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Union

# Chambers, as printed.
TWEEDE_KAMER = "Tweede Kamer"
EERSTE_KAMER = "Eerste Kamer"

# Kinds of letter.
WRITTEN_QUESTIONS = "schriftelijke-vragen"  # Vragen van het lid/de leden ... (ingezonden ...)
COMMITTEE_LETTER = "commissiebrief"  # a committee's letter of questions (schriftelijk overleg)
ANSWER_LETTER = "antwoordbrief"  # a government letter that quotes questions and answers them
COVER_NOTE = "verslag"  # the committee's cover note of a verslag van een schriftelijk overleg
APPENDIX_ANSWERS = "aanhangsel"  # Aanhangsel van de Handelingen: answers to written questions
LETTER = "brief"  # any other letter

# Answer statuses, given by the link pass to every question and answer (generator.link.status),
# in the order they are listed.
ANSWERED = "beantwoord"
REFERRED = "verwijzing"  # the answer only points to other answers
CONFIDENTIAL = "vertrouwelijk"  # the answer declines on grounds of confidentiality
POSTPONED = "uitgesteld"  # a Mededeling stands in place of the answers (they come later, or came otherwise)
UNANSWERED = "geen antwoord op deze site"  # what the site knows, not that the government has not answered
# (called "nog niet beantwoord" until November 2026; the open data's schema says so)
STATUSES = (ANSWERED, REFERRED, CONFIDENTIAL, POSTPONED, UNANSWERED)

# The official publication of a document, by its identifier (`ah-tk-20232024-2313`,
# `kst-31066-506`): the address form of officielebekendmakingen.nl.
OFFICIAL_PUBLICATION_URL = "https://zoek.officielebekendmakingen.nl/{identifier}.html"
OFFICIAL_IDENTIFIER_PREFIXES = ("kst-", "ah-tk-", "ah-ek-", "h-tk-", "h-ek-")

# Kinds of record (a source file).
RECORD_WRITTEN_QUESTIONS = "schriftelijke-vragen"
RECORD_WRITTEN_OVERLEG = "verslag-schriftelijk-overleg"
RECORD_APPENDIX = "aanhangsel"


@dataclass(frozen=True)
class SourceSpan:
    """Lines `line`..`end_line` (1-based, inclusive) of the source file at `path`."""

    path: str
    line: int
    end_line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class Sidecar:
    """The facts of a letter's sidecar file (`seeds/x.toml`), checked by its reader: each is of its
    type and shape, or absent (None). `lines` gives the line each key was written on."""

    path: str
    identifier: str | None = None
    source_url: str | None = None
    dossiers: tuple[str, ...] | None = None
    date: datetime.date | None = None
    chamber: str | None = None
    lines: tuple[tuple[str, int], ...] = ()


@dataclass(frozen=True)
class TextRun:
    """Characters `start`..`end` of a PDF line set in one font size on one baseline, as the PDF
    places them: `x` and `x_last` are the origins of its first and last character (points from the
    page's left edge), `baseline` is in points from the page's top edge, `size` in points."""

    start: int
    end: int
    x: float
    x_last: float
    baseline: float
    size: float
    weight: int = 400  # the font's weight (400 regular, 700 bold), as the PDF declares it


@dataclass(frozen=True)
class LineLayout:
    """Where one line of a PDF stands: its page (1-based), its number on that page, its runs."""

    page: int
    line: int
    runs: tuple[TextRun, ...]


@dataclass(frozen=True)
class PageLayout:
    """The visible size of a PDF page, in points."""

    width: float
    height: float


@dataclass(frozen=True)
class Layout:
    """The layout facts of a PDF source: its pages and, for each of `SourceText.lines`, its place."""

    pages: tuple[PageLayout, ...]
    lines: tuple[LineLayout, ...]


@dataclass(frozen=True)
class SourceText:
    """A source file as read: its display path (`seeds/x.txt`), its lines (no line ends), the
    checked facts of its optional sidecar, and what the reader noticed (warnings). A PDF's lines
    come with their `layout` (pages, positions, font sizes); a text file has none."""

    path: str
    lines: tuple[str, ...]
    sidecar: Sidecar | None = None
    diagnostics: tuple[Diagnostic, ...] = ()
    layout: Layout | None = None


@dataclass(frozen=True)
class FootnoteMarker:
    """Footnote `number` is referred to just before character `offset` of the paragraph text."""

    number: int
    offset: int


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of running text, cleaned of PDF artefacts, footnote markers taken out.

    `key` is unique within its record and stable for the same source (`p12`).
    `quoted` is true where an answer letter repeats the text of the letter it answers.
    """

    key: str
    text: str
    span: SourceSpan
    markers: tuple[FootnoteMarker, ...] = ()
    quoted: bool = False


@dataclass(frozen=True)
class Heading:
    """A heading printed in the letter (`Vragen en opmerkingen van de leden van de fractie van BBB`)."""

    text: str
    span: SourceSpan
    party: str | None = None


@dataclass(frozen=True)
class Member:
    """A person named in a letter: a member of parliament (`Kathmann (GroenLinks-PvdA)`), with the
    role a committee's membership list gives (`voorzitter`), or a letter's signatory with the
    function the signature prints (`Voorzitter van de vaste commissie voor … Digitalisering`)."""

    name: str
    party: str | None
    role: str | None = None


@dataclass(frozen=True)
class Minister:
    """A member of government who answers: `Staatssecretaris Heijnen (Infrastructuur en Waterstaat)`.

    `title` and `portfolio` as printed (`Minister`, `BZ`)."""

    title: str
    name: str
    portfolio: str


@dataclass(frozen=True)
class Question:
    """One question, as asked or as quoted in an answer letter.

    `number` is the printed number, or the order of appearance within its party's questions when
    the letter prints none (`numbered` is then false). `numbers` lists every number a combined
    question covers (`Vraag 4 en 5` -> (4, 5)); it always starts with `number`.
    `party` is the asking party where members of parties ask (committee letters), else None.
    `context` holds the paragraphs that precede the question and lead up to it.
    """

    number: int
    numbers: tuple[int, ...]
    numbered: bool
    party: str | None
    context: tuple[Paragraph, ...]
    paragraphs: tuple[Paragraph, ...]
    span: SourceSpan
    quoted: bool = False


@dataclass(frozen=True)
class Answer:
    """The answer to one question (or, combined, to several: `numbers`)."""

    number: int
    numbers: tuple[int, ...]
    party: str | None
    paragraphs: tuple[Paragraph, ...]
    span: SourceSpan


Block = Union[Heading, Paragraph, Question, Answer]


@dataclass(frozen=True)
class Footnote:
    """A footnote body, with the number printed in the letter.

    `key` is unique within its record, like `Paragraph.key`: `fn<letter index>-<number>` (`fn2-12`);
    text links inside the footnote's text name it in `TextLink.paragraph`.
    `referenced` is false when no marker for it was found in the running text (it is still shown).
    """

    number: int
    text: str
    span: SourceSpan
    key: str
    referenced: bool = True


@dataclass(frozen=True)
class Furniture:
    """Source lines the parser dropped on purpose: page breaks, page numbers, running heads."""

    span: SourceSpan
    text: str
    reason: str


@dataclass(frozen=True)
class Letter:
    """One letter: its metadata, its text in source order, and its footnotes.

    `index` is the letter's position within its record (0-based); (record path, index) identifies it.
    `sender` and `addressee` are as printed (`De griffier van de vaste commissie voor
    Digitalisering, Van Dooren`); `askers` lists the members who ask written questions.
    `received_on` is the date an answer was received (Aanhangsel), when printed; `asked_on` the
    date its questions were sent in (`(ingezonden 7 oktober 2025)` in an Aanhangsel's header).
    `notice` is the heading of a `Mededeling` printed in place of answers (`Mededeling van
    Minister … (ontvangen …)`), as printed; its questions are then `uitgesteld`.
    `ministers` are the members of government who answer (Aanhangsel), `on_behalf_of` whom they
    answer for too, as printed after `mede namens` (`de Minister van Justitie en Veiligheid`).
    `closing` is where in `body` the letter's closing begins (a closing formula such as `De leden
    … zien uw reactie … tegemoet.` and the signature), None when it has none: it belongs to the
    letter, not to its last question or answer.
    `signatory` is who signs (`Member("mr. G.V.M. Veldhoen", None, "Voorzitter van de vaste commissie
    …")`); `committee` the members of the committee a footnote lists (`Samenstelling: …`), each
    with party and role (`voorzitter`, `ondervoorzitter`), as printed.
    """

    index: int
    kind: str
    chamber: str
    sent_on: datetime.date | None
    sender: str | None
    addressee: str | None
    subject: str | None
    askers: tuple[Member, ...]
    title: str | None
    head: tuple[Paragraph, ...]
    body: tuple[Block, ...]
    footnotes: tuple[Footnote, ...]
    span: SourceSpan
    received_on: datetime.date | None = None
    identifiers: tuple[str, ...] = ()
    notice: str | None = None
    ministers: tuple[Minister, ...] = ()
    on_behalf_of: str | None = None
    closing: int | None = None
    signatory: Member | None = None
    committee: tuple[Member, ...] = ()
    asked_on: datetime.date | None = None


@dataclass(frozen=True)
class Record:
    """One source file: a publication holding one or more letters.

    The identifier, source URL, dossier numbers and date come from an optional `<name>.toml`
    beside the source (the sidecar), else from what the text prints (a document id in the page
    footer, the dossier in a Kamerstuk's title block, the letters' dates); they are never guessed.
    """

    path: str
    kind: str
    chamber: str
    date: datetime.date | None
    title: str
    letters: tuple[Letter, ...]
    furniture: tuple[Furniture, ...]
    identifier: str | None = None
    source_url: str | None = None
    dossiers: tuple[str, ...] = ()
    page_starts: tuple[int, ...] = ()  # a PDF source: the line each page starts at (for `path:page:line`)
    sidecar: Sidecar | None = None  # where the sidecar's facts were written, for messages


@dataclass(frozen=True)
class Diagnostic:
    """A problem found in a source, reported as `seeds/<file>:<line>: <message> — <fragment>`,
    or for a PDF as `seeds/<file>:<page>:<line on the page>: …`."""

    path: str
    line: int
    message: str
    fragment: str = ""
    severity: str = "error"  # "error" fails a strict build; "warning" is reported only
    page: int | None = None  # a PDF source: `line` is then the line on this page (`x.pdf:2:14`)

    def __str__(self) -> str:
        tail = f" — {self.fragment}" if self.fragment else ""
        place = f"{self.page}:{self.line}" if self.page is not None else f"{self.line}"
        return f"{self.path}:{place}: {self.message}{tail}"


@dataclass(frozen=True)
class LetterKey:
    """Identifies a letter in the corpus: the record's source path and the letter's index."""

    path: str
    index: int


@dataclass(frozen=True)
class Target:
    """A question or an answer somewhere in the corpus: `role` is "vraag" or "antwoord"."""

    letter: LetterKey
    role: str
    party: str | None
    number: int

    def __hash__(self) -> int:
        # the generated hash would hash the letter's key by a call of its own: renderers look up
        # questions and answers by target hundreds of times a letter
        return hash((self.letter.path, self.letter.index, self.role, self.party, self.number))


@dataclass(frozen=True)
class Reference:
    """A parliamentary document (or web page) cited in a letter.

    `kind` is one of "kamerstuk", "aanhangsel", "handelingen", "kamerbrief", "url".
    `identifier` is the official publication's identifier (`kst-31066-506`,
    `ah-tk-20242025-1234`, `2025D42960`) when it can be formed with confidence, else None.
    `letter` is the index (in its record) of the letter whose text or footnote cites it; the link
    pass sets it, and it is None only for a reference found outside any letter's text.
    """

    kind: str
    text: str
    span: SourceSpan
    chamber: str | None = None
    session: str | None = None  # vergaderjaar, "2025-2026"
    dossiers: tuple[str, ...] = ()
    number: str | None = None  # document number within the dossier ("506", "AO")
    page: str | None = None
    identifier: str | None = None
    url: str | None = None
    letter: int | None = None


@dataclass(frozen=True)
class TextLink:
    """Characters `start`..`end` of paragraph `paragraph` (record path, key) link somewhere.

    Exactly one of `target` (a question or answer in the corpus) and `reference` is set.
    """

    path: str
    paragraph: str
    start: int
    end: int
    target: Target | None = None
    reference: Reference | None = None


@dataclass(frozen=True)
class Thread:
    """A question and the answer that answers it."""

    question: Target
    answer: Target


@dataclass(frozen=True)
class DossierMention:
    """Record `path` belongs to a dossier (`belongs`, from its sidecar) and/or cites it:
    `citations` are its references naming the dossier, in reading order."""

    path: str
    belongs: bool
    citations: tuple[Reference, ...]


@dataclass(frozen=True)
class Term:
    """A glossary term (begrip), as the team wrote it in the glossary file (`begrippen.yml`).

    `forms` are the spellings that mark a use of it in a letter (case and words exact), the
    name first; `expansion` is what an abbreviation stands for; `source` a web address to read on.
    """

    name: str
    explanation: str
    span: SourceSpan
    forms: tuple[str, ...] = ()
    expansion: str | None = None
    source: str | None = None


@dataclass(frozen=True)
class TermUse:
    """Characters `start`..`end` of paragraph `paragraph` (record path, key) use glossary term `term` (its name)."""

    path: str
    paragraph: str
    start: int
    end: int
    term: str


@dataclass(frozen=True)
class Annotation:
    """An editorial note (annotations/<file>.md): Markdown by the site's editors, placed at
    `anchor` on the letter page at `address` (`eerste-kamer/2026-02-12/antwoordbrief/`).

    `span` covers the whole file; `address_line` and `anchor_line` are the lines of those fields,
    where a letter or anchor that does not exist is reported.
    """

    address: str
    anchor: str
    author: str
    date: datetime.date
    body: str
    span: SourceSpan
    title: str | None = None
    address_line: int = 1
    anchor_line: int = 1


@dataclass(frozen=True)
class EventDate:
    """When something happened, exactly as precisely as a letter says it.

    `precision` is "dag" (2 oktober 2025), "maand" (oktober 2025), "jaar" (2021) or "periode"
    (`period` names it: begin, medio, eind, voorjaar, zomer, najaar, winter: `begin 2026`).
    `month` is the first month a period covers, so that events sort; it is never shown as a month.
    """

    precision: str
    year: int
    month: int | None = None
    day: int | None = None
    period: str | None = None


@dataclass(frozen=True)
class EventSource:
    """Where a letter dates an event: its own date, or a date its text or a footnote mentions.

    `role` is "ingezonden", "verstuurd" or "ontvangen" for the letter's own dates and "vermeld" for
    a mention; `paragraph` is the key of the paragraph or footnote (`p12`, `fn2-10`; "" for the
    letter's own date); `written` is the date as the letter writes it (`2 oktober jl.`); `phrase`
    a short phrase from its sentence; `inferred` says how a year the letter does not write was
    found (None when it is written).
    """

    letter: LetterKey
    role: str
    paragraph: str
    written: str
    phrase: str
    span: SourceSpan
    inferred: str | None = None


@dataclass(frozen=True)
class Event:
    """One dated event with every letter that dates it, in reading order."""

    date: EventDate
    sources: tuple[EventSource, ...]


@dataclass(frozen=True)
class Links:
    """What the link pass found across the corpus. Empty before linking.

    `dossiers` maps each dossier number (`31066`) to the records that belong to or cite it,
    dossiers in number order.
    """

    threads: tuple[Thread, ...] = ()
    text_links: tuple[TextLink, ...] = ()
    references: tuple[Reference, ...] = ()
    statuses: tuple[tuple[Target, str], ...] = ()
    dossiers: tuple[tuple[str, tuple[DossierMention, ...]], ...] = ()
    terms: tuple[TermUse, ...] = ()
    events: tuple[Event, ...] = ()


@dataclass(frozen=True)
class Corpus:
    """All records, what the link pass found across them, and every diagnostic so far."""

    records: tuple[Record, ...]
    links: Links
    diagnostics: tuple[Diagnostic, ...] = ()
    glossary: tuple[Term, ...] = ()
    annotations: tuple[Annotation, ...] = ()
