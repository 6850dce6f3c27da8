"""Render the open data: the corpus as JSON, its question/answer pairs as CSV, new letters as Atom.

`render_data(context)` (the pages' render context, with its `site_url`) maps docs-relative paths to file text, beside the Markdown pages::

    data/kamerdossier.json                          the whole corpus, every letter in corpus order
    eerste-kamer/2026-02-12/antwoordbrief.json      one letter, beside its page (`….md` -> `….json`)
    data/vragen-en-antwoorden.csv                   one row per question/answer pair
    feeds/brieven.xml                               Atom: every letter, newest first
    feeds/dossier-31066.xml                         Atom: the letters of one dossier

Every question, answer and footnote carries the anchor its page gives it and an absolute URL::

    Question("BBB", 7) in eerste-kamer/2025-12-02/commissiebrief.md, site https://kamerdossier.example/
    -> {"anchor": "bbb-vraag-7",
        "url": "https://kamerdossier.example/eerste-kamer/2025-12-02/commissiebrief/#bbb-vraag-7",
        "status": "beantwoord",
        "answers": ["https://kamerdossier.example/eerste-kamer/2026-02-12/antwoordbrief/#bbb-antwoord-7"], …}

A letter's `events` are the dates it gives, as the timeline lists them (`_events`): its own and
each date its text or a footnote mentions, with the place that dates it and the date's anchor on
the timeline. They go out with the letter's document, rendered where its share is, never held
for the whole corpus.

The JSON files follow `generator/schema/kamerdossier.schema.json`, which the site serves at
`SCHEMA_PATH`. Text goes out through `json_text`, `csv_text` and `xml_text` only
(`generator.render.escape`: the character rule, then JSON, CSV or XML escaping), never pasted
into markup, and the same corpus always gives the same bytes.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from operator import attrgetter
from typing import NamedTuple
from urllib.parse import urlsplit

from generator.model import (
    UNANSWERED,
    Answer,
    EventDate,
    Footnote,
    Letter,
    LetterKey,
    Paragraph,
    Question,
    Record,
    Reference,
    SourceSpan,
    Target,
)
from generator.render.annotations import annotations_data
from generator.render.addresses import (
    ANSWER,
    QUESTION,
    has_record_page,
    letter_date,
    letter_dates,
    page_url,
    record_date,
    target_anchor,
)
from generator.render.context import ByRecord, RenderContext, of_blocks, of_record
from generator.render.escape import csv_text, json_fragment, json_text, safe_url, xml_attribute, xml_text
from generator.render.labels import covered_numbers, letter_title
from generator.render.blocks import qa_anchors
from generator.render.labels import dutch_date, letter_kind_label
from generator.render.mentions import dossier_feed
from generator.render.places import text_places
from generator.render.timeline import event_anchor, event_label, event_page, events_by_letter, own_event, source_place

__all__ = ["CorpusData", "LetterEntry", "OpenDataLookup", "RecordData", "join_corpus_items", "open_data_lookup", "render_corpus_data", "render_data", "render_record_data"]

CORPUS_JSON = "data/kamerdossier.json"
PAIRS_CSV = "data/vragen-en-antwoorden.csv"
SCHEMA_PATH = "data/kamerdossier.schema.json"
"""Where the site serves the JSON Schema (a copy of `generator/schema/kamerdossier.schema.json`)."""
LETTERS_FEED = "feeds/brieven.xml"

PAIR_COLUMNS = (
    "letter", "party", "number", "question_url", "question_text", "answer_url", "answer_text", "status",
)  # fmt: skip
"""The CSV header: the letter's page URL, then the question and its answer (empty when none)."""
TEXT_COLUMNS = frozenset({"question_text", "answer_text"})
"""The CSV columns holding a letter's text (the character rule for text; the others are metadata)."""

ATOM = "http://www.w3.org/2005/Atom"
FEED_AUTHOR = "Kamerdossier"
LETTERS_FEED_TITLE = "Kamerdossier: nieuwe brieven"
DOSSIER_FEED_TITLE = "Kamerdossier: nieuwe brieven in dossier {dossier}"
NO_DATE = datetime.date(1970, 1, 1)
"""The Atom `updated` of a feed without a single dated letter (Atom requires one)."""


def render_data(context: RenderContext) -> dict[str, str]:
    """Render the open-data files of the corpus (see the module docstring), sorted by path.

    The context is the one the pages are rendered with; its `site_url` is the site's absolute
    http(s) address (`https://kamerdossier.example/`, with or without the closing `/`), and every
    URL in the data starts with it. A letter without a page is left out, as it is from the site.
    """
    lookup = open_data_lookup(context)
    records = [render_record_data(record, lookup) for record in context.corpus.records]
    files = dict(path_text for data in records for path_text in data.files)
    entries = [entry for data in records for entry in data.entries]
    files.update(render_corpus_data(lookup, entries, [data.corpus_items for data in records], [data.pairs for data in records]))
    return dict(sorted(files.items()))


@dataclass(frozen=True)
class LetterEntry:
    """What the corpus-wide open data keeps of a letter once its own files are written: enough for
    the feeds and the dossiers' lists of letters (a few hundred bytes, not the letter's text)."""

    json_path: str
    date: datetime.date | None  # the letter's date, else its record's (`letter_date`, `record_date`)
    url: str
    json_url: str
    title: str
    dossiers: tuple[str, ...]
    cited_dossiers: tuple[str, ...]
    summary: str


@dataclass(frozen=True)
class RecordData:
    """A record's open data: its letters' JSON files, what the corpus-wide files keep of each letter
    (`entries`), its letters' documents as they stand in `CORPUS_JSON`'s list of letters (joined
    with `,`; empty without letters) and its rows of `PAIRS_CSV` (CSV text without the header)."""

    files: tuple[tuple[str, str], ...]
    entries: tuple[LetterEntry, ...]
    corpus_items: str
    pairs: str


_LETTERS_ITEM = "\n    "
"""What starts a letter's document in `CORPUS_JSON`'s list (and each of its lines): the list is a
value of the top-level object, so its items are indented by four spaces."""


def render_record_data(record: Record, lookup: OpenDataLookup) -> RecordData:
    """Render the open data of one record's letters (each letter that has a page)."""
    site = lookup.site
    letters = [
        _letter_data(record, letter, page, lookup)
        for letter in record.letters
        if (page := lookup.context.addresses.letter_page(LetterKey(record.path, letter.index))) is not None
    ]
    documents = [json_fragment(data.document) for data in letters]  # written once, placed twice
    files = tuple((data.json_path, json_text({"schema": site.url(SCHEMA_PATH), "letter": document})) for data, document in zip(letters, documents))
    entries = tuple(_entry(data) for data in letters)
    items = join_corpus_items(document.text.replace("\n", _LETTERS_ITEM) for document in documents)
    pairs = csv_text(PAIR_COLUMNS, (row for data in letters for row in data.pairs), TEXT_COLUMNS)
    return RecordData(files, entries, items, pairs[len(_PAIRS_HEADER) :])


def join_corpus_items(pieces: Iterable[str]) -> str:
    """Join records' (or shares') `corpus_items` as they stand in `CORPUS_JSON`'s list (empty ones left out)."""
    return ("," + _LETTERS_ITEM).join(piece for piece in pieces if piece)


def render_corpus_data(
    lookup: OpenDataLookup, entries: list[LetterEntry], corpus_items: Iterable[str], pairs: Iterable[str]
) -> list[tuple[str, str]]:
    """Render the corpus-wide open data, all at once, from what each record's gave
    (`render_record_data`, in corpus order): `CORPUS_JSON`, `PAIRS_CSV` and the feeds."""
    data = CorpusData(lookup)
    head = data.head()
    letters = [head[CORPUS_JSON], *(data.separator() + items for items in corpus_items if items)]
    end, feeds = data.tail(entries)
    return [(CORPUS_JSON, "".join(letters) + end), (PAIRS_CSV, head[PAIRS_CSV] + "".join(pairs)), *feeds]


class CorpusData:
    """Render the corpus-wide open data in pieces, as the records' data comes in corpus order, for
    a writer that appends each piece as it comes (the letters' text is never held here).

    `CORPUS_JSON` is `head()`'s, then for each record (or run of records) whose `corpus_items` is
    not empty, `separator()` and the items, then the end `tail()` gives; `PAIRS_CSV` is `head()`'s,
    then each record's `pairs`. Only `tail` needs every letter's entry: the feeds, and the list of
    dossiers that follows the letters in `CORPUS_JSON`.
    """

    def __init__(self, lookup: OpenDataLookup) -> None:
        self.lookup = lookup
        self.letters = False
        """Whether a letter's document has gone in the list of letters (`separator`)."""

    def head(self) -> dict[str, str]:
        """The start of `CORPUS_JSON`, up to its list of letters, and of `PAIRS_CSV`, its header."""
        frame = _corpus_frame(self.lookup, [])
        return {CORPUS_JSON: frame[: _letters_end(frame)], PAIRS_CSV: _PAIRS_HEADER}

    def separator(self) -> str:
        """What goes in `CORPUS_JSON` before the next `corpus_items` that is not empty."""
        separator = "," + _LETTERS_ITEM if self.letters else _LETTERS_ITEM
        self.letters = True
        return separator

    def tail(self, entries: list[LetterEntry]) -> tuple[str, list[tuple[str, str]]]:
        """The end of `CORPUS_JSON` (after its letters), and the feeds, from every letter's entry."""
        frame = _corpus_frame(self.lookup, entries)
        closing = "\n  " if self.letters else ""  # a list holding a letter closes on a line of its own
        return closing + frame[_letters_end(frame) :], _feeds(self.lookup, entries)


def _corpus_frame(lookup: OpenDataLookup, entries: list[LetterEntry]) -> str:
    """`CORPUS_JSON` with an empty list of letters. What stands before the list (the schema, the
    site's address) depends on no letter: the start is the same with or without `entries`."""
    site = lookup.site
    by_dossier, citing = _dossiers_of(entries)
    return json_text(
        {
            "schema": site.url(SCHEMA_PATH),
            "site_url": site.url(""),
            "letters": [],
            "annotations": annotations_data(lookup.context, site.url("")),
            "dossiers": [
                {
                    "number": dossier,
                    "feed_url": site.url(dossier_feed(dossier)),
                    "letters": [entry.url for entry in by_dossier.get(dossier, ())],
                    "citing_letters": [entry.url for entry in citing.get(dossier, ())],
                }
                for dossier in _dossiers_listed(lookup, by_dossier, citing)
            ],
        }
    )


def _feeds(lookup: OpenDataLookup, entries: list[LetterEntry]) -> list[tuple[str, str]]:
    """The feed of every letter, and one a dossier: the letters in the dossier (a letter that
    only cites it is no news of the dossier)."""
    by_dossier, citing = _dossiers_of(entries)
    feeds = [(LETTERS_FEED, _feed(LETTERS_FEED, LETTERS_FEED_TITLE, entries, lookup.site))]
    for dossier in _dossiers_listed(lookup, by_dossier, citing):
        path = dossier_feed(dossier)
        feeds.append((path, _feed(path, DOSSIER_FEED_TITLE.format(dossier=dossier), by_dossier.get(dossier, []), lookup.site)))
    return feeds


def _dossiers_of(entries: list[LetterEntry]) -> tuple[dict[str, list[LetterEntry]], dict[str, list[LetterEntry]]]:
    """The letters in each dossier, and the letters citing each, in corpus order."""
    by_dossier: dict[str, list[LetterEntry]] = {}
    citing: dict[str, list[LetterEntry]] = {}
    for entry in entries:
        for dossier in entry.dossiers:
            by_dossier.setdefault(dossier, []).append(entry)
        for dossier in entry.cited_dossiers:
            citing.setdefault(dossier, []).append(entry)
    return by_dossier, citing


def _dossiers_listed(lookup: OpenDataLookup, by_dossier: dict, citing: dict) -> list[str]:
    """The dossiers a letter is in or cites, by number."""
    return [dossier for dossier in lookup.dossier_order if dossier in by_dossier or dossier in citing]


_EMPTY_LETTERS = '\n  "letters": []'
"""`CORPUS_JSON`'s list of letters, empty: where the letters' documents go (a top-level key, on a line of its own)."""


def _letters_end(frame: str) -> int:
    """Where, in `frame` (`_corpus_frame`), the empty list of letters closes."""
    return frame.index(_EMPTY_LETTERS) + len(_EMPTY_LETTERS) - 1


_PAIRS_HEADER = csv_text(PAIR_COLUMNS, (), TEXT_COLUMNS)


# --- The site and the corpus, looked up --------------------------------------------------------


class _Site:
    """The site's absolute address, ending in exactly one `/`."""

    def __init__(self, site_url: str) -> None:
        parts = urlsplit(site_url.strip())
        if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
            raise ValueError(f"the site URL must be an absolute http(s) address, not {site_url!r}")
        self.base = site_url.strip().rstrip("/") + "/"

    def url(self, path: str, anchor: str | None = None) -> str:
        """`url("data/x.json")` -> `https://kamerdossier.example/data/x.json`; with an anchor, `…#anchor`."""
        return self.base + path + (f"#{anchor}" if anchor else "")

    def page(self, page: str, anchor: str | None = None) -> str:
        """The address MkDocs serves a page (and an anchor on it) at."""
        return self.url(page_url(page), anchor)


@dataclass(frozen=True)
class OpenDataLookup:
    """What every letter's data looks up in the whole corpus, gathered once.

    `answers` maps each target naming an answer to that answer (a record's entries made when one
    is first looked up: `ByRecord`); `documents` maps the official identifiers of records and
    letters in the corpus to their pages' URLs; `dossiers` maps each letter to its dossiers,
    `dossier_order` lists every dossier by number.
    """

    context: RenderContext
    site: _Site
    answers: dict[Target, Answer]
    documents: dict[str, str]
    dossiers: dict[LetterKey, tuple[str, ...]]
    dossier_order: tuple[str, ...]
    references: dict[str, tuple[Reference, ...]]  # by the source path of the record citing them

    def target_url(self, target: Target) -> str | None:
        """The URL of a linked question or answer, as its page is linked to from other pages."""
        page = self.context.addresses.letter_page(target.letter)
        anchor = target_anchor(target)
        return self.site.page(page, anchor) if page is not None and anchor is not None else None


def open_data_lookup(context: RenderContext) -> OpenDataLookup:
    """Gather, once, what every letter's open data looks up in the whole corpus (needs `context.site_url`)."""
    site = _Site(context.site_url or "")
    corpus = context.corpus
    answers = ByRecord(corpus.records, _answers_by_target(corpus.records), _TARGET_PATH)  # a record's made when first looked up
    index = dict(corpus.links.dossiers)
    references: dict[str, list[Reference]] = {}
    for reference in corpus.links.references:
        references.setdefault(reference.span.path, []).append(reference)
    return OpenDataLookup(
        context, site, answers, _documents_in_corpus(context, site), context.mentions.letter_dossiers, tuple(index),
        {path: tuple(found) for path, found in references.items()},
    )


_TARGET_PATH = attrgetter("letter.path")


def _answers_by_target(records: tuple[Record, ...]) -> Callable[[str], list[tuple[Target, Answer]]]:
    """Make, for `ByRecord`, a record's entries of `OpenDataLookup.answers`: each number an answer
    answers (`_numbers`) to the answer, the first answer under a number kept."""
    by_path: dict[str, list[Record]] = {}
    for record in records:
        by_path.setdefault(record.path, []).append(record)

    def make(path: str) -> list[tuple[Target, Answer]]:
        answers: dict[Target, Answer] = {}
        for record in by_path.get(path, ()):
            for letter in record.letters:
                key = LetterKey(path, letter.index)
                for block in letter.body:
                    if isinstance(block, Answer):
                        for number in covered_numbers(block):
                            answers.setdefault(Target(key, ANSWER, block.party, number), block)
        return list(answers.items())

    return make


def _documents_in_corpus(context: RenderContext, site: _Site) -> dict[str, str]:
    """Map the official identifiers of records and letters in the corpus to their pages' URLs."""
    return {identifier: site.page(page) for identifier, page in context.mentions.documents.items()}


def _in_letter(reference: Reference, record: Record, letter: Letter) -> bool:
    """Whether the reference is cited in the letter's text."""
    return reference.span.path == record.path and reference.letter == letter.index


# --- Letters -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _LetterData:
    """One letter's data: its JSON document, where its file goes, and what the CSV and feeds need."""

    record: Record
    letter: Letter
    json_path: str
    document: dict
    dossiers: tuple[str, ...]
    pairs: tuple[tuple[str, ...], ...]


class _Block(NamedTuple):
    """A question or answer of the letter at hand, with the anchor and URL its page gives it, and
    what the link pass found for it."""

    block: Question | Answer
    role: str
    anchor: str
    url: str
    key: LetterKey
    status: str
    """The status the link pass gave the block (by its own number)."""
    threaded: tuple[tuple[Target, str | None], ...]
    """What the block is threaded to (a question's answers, an answer's questions), each once, in
    the order found, with its URL (None when it has no page)."""


def _letter_data(record: Record, letter: Letter, page: str, lookup: OpenDataLookup) -> _LetterData:
    """Gather a letter's metadata, questions, answers, footnotes and references as one document."""
    site = lookup.site
    key = LetterKey(record.path, letter.index)
    blocks = _blocks(letter, key, page, lookup)
    record_page = lookup.context.addresses.record_page(record)
    identifiers = ((record.identifier,) if not has_record_page(record) else ()) + letter.identifiers
    date = letter_date(record, letter)
    dossiers = lookup.dossiers.get(key, ())
    url = site.page(page)
    described = [(item, (_question if item.role == QUESTION else _answer)(item, lookup)) for item in blocks]
    document = {
        "index": letter.index,
        "url": url,
        "json_url": site.url(_json_path(page)),
        "title": letter_title(record, letter),
        "printed_title": letter.title,
        "kind": letter.kind,
        "chamber": letter.chamber or record.chamber,
        "date": date.isoformat() if date else None,
        "received": letter.received_on.isoformat() if letter.received_on else None,
        "sender": letter.sender,
        "addressee": letter.addressee,
        "subject": letter.subject,
        "askers": [{"name": member.name, "party": member.party} for member in letter.askers],
        "identifiers": list(dict.fromkeys(filter(None, identifiers))),
        "dossiers": list(dossiers),
        "cited_dossiers": list(lookup.context.mentions.letter_cites.get(key, ())),
        "source": _source(letter.span),
        "record": {
            "title": record.title,
            "kind": record.kind,
            "date": record.date.isoformat() if record.date else None,
            "letter_dates": [date.isoformat() for date in letter_dates(record)],
            "identifier": record.identifier,
            "source_url": safe_url(record.source_url),
            "dossiers": list(record.dossiers),
            "url": site.page(record_page or page),
            "source_path": record.path,
        },
        "questions": [data for item, data in described if item.role == QUESTION],
        "answers": [data for item, data in described if item.role == ANSWER],
        "footnotes": [_footnote(footnote, page, site) for footnote in letter.footnotes],
        "references": _references(record, letter, url, _places(letter, blocks, url, page, site), lookup),
        "events": _events(record, letter, key, lookup),
    }
    pairs = tuple(row for item, data in described for row in _pairs(item, data, url, lookup))
    return _LetterData(record, letter, _json_path(page), document, dossiers, pairs)


def _json_path(page: str) -> str:
    """`eerste-kamer/2026-02-12/antwoordbrief.md` -> `eerste-kamer/2026-02-12/antwoordbrief.json`."""
    return page.removesuffix(".md") + ".json"


def _blocks(letter: Letter, key: LetterKey, page: str, lookup: OpenDataLookup) -> list[_Block]:
    """Give each question and answer the anchor its page gives it, its status and what it is
    threaded to (looked up in its record's own findings: `of_blocks`).

    The page claims each question's and answer's own anchor first, in body order, and a block
    asking for an anchor already taken gets `-2`, `-3`, … (`generator.render.blocks.qa_anchors`).
    """
    statuses = of_blocks(lookup.context.statuses, key.path)
    threads = of_blocks(lookup.context.threads, key.path)
    anchors = qa_anchors(letter)
    found = []
    for position, block in enumerate(letter.body):
        if isinstance(block, (Question, Answer)):
            role = QUESTION if isinstance(block, Question) else ANSWER
            anchor = anchors[position][0]
            targets = [(key.index, role, block.party, number) for number in covered_numbers(block)]  # as the link pass names it
            status = next(iter(statuses.get(targets[0], ())), UNANSWERED)
            others = dict.fromkeys(other for target in targets for other in threads.get(target, ()))
            threaded = tuple((other, lookup.target_url(other)) for other in others)
            found.append(_Block(block, role, anchor, lookup.site.page(page, anchor), key, status, threaded))
    return found


def _places(letter: Letter, blocks: list[_Block], url: str, page: str, site: _Site) -> dict[str, str]:
    """Map each paragraph key of the letter (footnotes `fn<letter>-<n>`) to the URL of where it
    stands (`url`: the letter's page)."""
    places = {paragraph.key: url for paragraph in letter.head}
    places.update({block.key: url for block in letter.body if isinstance(block, Paragraph)})
    for item in blocks:
        places.update({paragraph.key: item.url for paragraph in _all_paragraphs(item.block)})
    for footnote in letter.footnotes:
        places[footnote.key] = site.page(page, _footnote_anchor(footnote))
    return places


def _source(span: SourceSpan) -> dict:
    return {"path": span.path, "line": span.line, "end_line": span.end_line}


# --- The timeline's events ----------------------------------------------------------------------


def _events(record: Record, letter: Letter, key: LetterKey, lookup: OpenDataLookup) -> list[dict]:
    """The dates a letter gives, as the timeline lists them (`generator.render.timeline`), in the
    order of the dates, then of reading: its own dates and each date its text or a footnote
    mentions, with what happened, the place that dates it (`timeline.source_place`: for its own
    date, the letter's page) and the event on the timeline. A mention in a place the site does not
    show is left out, as the timeline does.

        `2 oktober 2025` in answer 3 of BBB -> {"date": "2025-10-02", "precision": "dag", …,
         "url": "…/antwoordbrief/#bbb-antwoord-3", "timeline_url": "…/tijdlijn/2025-10/#datum-2025-10-02"}
    """
    context, site = lookup.context, lookup.site
    events = context.corpus.links.events
    by_letter = context.events or events_by_letter(context.corpus)
    places = text_places(context)
    found = []
    for position, indexes in by_letter.get(key, ()):
        event = events[position]
        date = event.date
        dated = {"date": _event_date(date), "precision": date.precision, "period": date.period, "label": event_label(date)}
        timeline = site.page(event_page(date), event_anchor(date))
        for index in indexes:
            source = event.sources[index]
            place = source_place(source, places, context)
            if place is None:  # a place the site does not show
                continue
            found.append({
                **dated,
                "role": source.role,
                "what": own_event(record, letter) if source.role != "vermeld" else source.phrase,
                "written": source.written,
                "inferred": source.inferred,
                "url": site.page(place.page, place.anchor),
                "place": place.label,
                "timeline_url": timeline,
                "source": _source(source.span),
            })  # fmt: skip
    return found


def _event_date(date: EventDate) -> str:
    """An event's date in ISO 8601 as precise as the letter gives it: `2025-10-02`, `2025-10`, `2021`
    (a part of a year, `begin 2026`, as its year: the part is the event's `period`)."""
    if date.precision == "dag":
        return f"{date.year:04d}-{date.month:02d}-{date.day:02d}"
    if date.precision == "maand":
        return f"{date.year:04d}-{date.month:02d}"
    return f"{date.year:04d}"


# --- Questions, answers, footnotes, references -------------------------------------------------


def _question(item: _Block, lookup: OpenDataLookup) -> dict:
    question = item.block
    assert isinstance(question, Question)
    return {
        "anchor": item.anchor,
        "url": item.url,
        "number": question.number,
        "numbers": list(covered_numbers(question)),
        "numbered": question.numbered,
        "party": question.party,
        "quoted": question.quoted,
        "status": item.status,
        "text": _text(question.paragraphs),
        "context": _text(question.context),
        "footnotes": _marker_numbers(_all_paragraphs(question)),
        "answers": _threaded(item),
        "referrals": _referrals(item, lookup),
        "source": _source(question.span),
    }


def _answer(item: _Block, lookup: OpenDataLookup) -> dict:
    answer = item.block
    assert isinstance(answer, Answer)
    return {
        "anchor": item.anchor,
        "url": item.url,
        "number": answer.number,
        "numbers": list(covered_numbers(answer)),
        "party": answer.party,
        "status": item.status,
        "text": _text(_own(answer.paragraphs)),
        "quoted": [{"text": p.text.strip(), "source": _source(p.span)} for p in answer.paragraphs if p.quoted and p.text.strip()],
        "footnotes": _marker_numbers(answer.paragraphs),
        "questions": _threaded(item),
        "referrals": _referrals(item, lookup),
        "source": _source(answer.span),
    }


def _footnote(footnote: Footnote, page: str, site: _Site) -> dict:
    return {
        "number": footnote.number,
        "anchor": _footnote_anchor(footnote),
        "url": site.page(page, _footnote_anchor(footnote)),
        "text": footnote.text,
        "referenced": footnote.referenced,
        "source": _source(footnote.span),
    }


def _footnote_anchor(footnote: Footnote) -> str:
    """The id Python-Markdown's footnotes give footnote `N` as the letter prints it: `fn:N`."""
    return f"fn:{footnote.number}"


def _all_paragraphs(block: Question | Answer) -> tuple[Paragraph, ...]:
    return (*block.context, *block.paragraphs) if isinstance(block, Question) else block.paragraphs


def _text(paragraphs: tuple[Paragraph, ...]) -> str:
    """Paragraph texts as printed, footnote markers left out, one blank line between paragraphs."""
    return "\n\n".join(text for paragraph in paragraphs if (text := paragraph.text.strip()))


def _own(paragraphs: tuple[Paragraph, ...]) -> tuple[Paragraph, ...]:
    """An answer's own paragraphs: without those that quote the members' questions or words
    (`De leden van de fractie van GroenLinks-PvdA vragen daarnaast …`, seeds/001_… line 430)."""
    return tuple(paragraph for paragraph in paragraphs if not paragraph.quoted)


def _marker_numbers(paragraphs: tuple[Paragraph, ...]) -> list[int]:
    """The footnote numbers the paragraphs refer to, in order of first reference."""
    return list(dict.fromkeys(marker.number for paragraph in paragraphs for marker in paragraph.markers))


def _threaded(item: _Block) -> list[str]:
    """The URLs of what the block is threaded to: a question's answers, an answer's questions."""
    return list(dict.fromkeys(url for _, url in item.threaded if url is not None))


def _referrals(item: _Block, lookup: OpenDataLookup) -> list[dict]:
    """The questions and answers the block's text points to (`het antwoord op vraag 10`)."""
    found = []
    text_links = of_record(lookup.context.text_links, item.key.path)
    for paragraph in _all_paragraphs(item.block):
        for link in text_links.get((item.key.path, paragraph.key), ()):
            url = lookup.target_url(link.target) if link.target is not None else None
            if link.target is not None and url is not None:
                found.append({"text": paragraph.text[link.start : link.end], "role": link.target.role, "url": url})
    return found


def _references(
    record: Record, letter: Letter, letter_url: str, places: dict[str, str], lookup: OpenDataLookup
) -> list[dict]:
    """The documents the letter cites, in reading order, each with the URL of where it is cited
    (the question, answer or footnote citing it; the letter's page for any other paragraph)."""
    cited_at: dict[Reference, str] = {}
    text_links = of_record(lookup.context.text_links, record.path)
    for paragraph, where in places.items():
        for link in text_links.get((record.path, paragraph), ()):
            if link.reference is not None:
                cited_at.setdefault(link.reference, where)
    found = []
    for reference in lookup.references.get(record.path, ()):
        where = cited_at.get(reference)
        if where is None and not _in_letter(reference, record, letter):
            continue
        found.append(
            {
                "text": reference.text,
                "kind": reference.kind,
                "identifier": reference.identifier,
                "url": safe_url(reference.url),
                "corpus_url": lookup.documents.get(reference.identifier or ""),
                "chamber": reference.chamber,
                "session": reference.session,
                "dossiers": list(reference.dossiers),
                "number": reference.number,
                "page": reference.page,
                "cited_at": where or letter_url,
                "source": _source(reference.span),
            }
        )
    return found


# --- CSV ---------------------------------------------------------------------------------------


def _pairs(item: _Block, data: dict, letter_url: str, lookup: OpenDataLookup) -> list[tuple[str, ...]]:
    """Give a question one row per answer threaded to it (empty answer columns without one), and
    an answer threaded to no question a row of its own (empty question columns). `data` is the
    block's document (`_question`, `_answer`), whose text and status the rows repeat."""
    party, number, status = item.block.party or "", str(item.block.number), data["status"]
    if item.role == ANSWER:
        return [] if item.threaded else [(letter_url, party, number, "", "", item.url, data["text"], status)]
    question = (letter_url, party, number, item.url, data["text"])
    rows = []
    for other, url in item.threaded:
        answer = lookup.answers.get(other)
        if answer is not None and url is not None:
            rows.append((*question, url, _text(_own(answer.paragraphs)), status))
    return list(dict.fromkeys(rows)) or [(*question, "", "", status)]


# --- Atom --------------------------------------------------------------------------------------


def _entry(data: _LetterData) -> LetterEntry:
    document = data.document
    return LetterEntry(
        data.json_path,
        letter_date(data.record, data.letter) or record_date(data.record),
        document["url"],
        document["json_url"],
        document["title"],
        data.dossiers,
        tuple(document["cited_dossiers"]),
        _summary(data),
    )


def _feed(path: str, title: str, letters: list[LetterEntry], site: _Site) -> str:
    """Write an Atom feed of `letters`, newest first; an undated letter counts as of the newest.

    Written as text, a line an element, indented by two spaces a level (as `xml.etree` indents);
    every value goes in through `xml_text` or `xml_attribute`."""
    newest = max((entry.date for entry in letters if entry.date), default=NO_DATE)
    entries = sorted(letters, key=lambda entry: (entry.date is None, -(entry.date or NO_DATE).toordinal(), entry.json_path))
    lines = [
        _XML_DECLARATION,
        f'<feed xmlns="{ATOM}" xml:lang="nl">',
        _element(1, "id", site.url(path)),
        _element(1, "title", title),
        _element(1, "updated", _rfc3339(newest)),
        _element(1, "link", rel="self", type="application/atom+xml", href=site.url(path)),
        _element(1, "link", rel="alternate", type="text/html", href=site.url("")),
        "  <author>",
        _element(2, "name", FEED_AUTHOR),
        "  </author>",
    ]
    for letter in entries:
        lines += (
            "  <entry>",
            _element(2, "id", letter.url),
            _element(2, "title", letter.title),
            _element(2, "updated", _rfc3339(letter.date or newest)),
            _element(2, "link", rel="alternate", type="text/html", href=letter.url),
            _element(2, "link", rel="alternate", type="application/json", href=letter.json_url),
            *(_element(2, "category", term=dossier, label=f"Dossier {dossier}") for dossier in letter.dossiers),
            _element(2, "summary", letter.summary, type="text"),
            "  </entry>",
        )
    lines.append("</feed>\n")
    return "\n".join(lines)


_XML_DECLARATION = "<?xml version='1.0' encoding='utf-8'?>"


def _element(depth: int, name: str, text: str | None = None, **attributes: str) -> str:
    """An element of the feed on a line of its own, `depth` levels in: its attributes through
    `xml_attribute`, its text through `xml_text` (an element without text is written empty, `<x />`)."""
    start = "  " * depth + "<" + name
    for key, value in attributes.items():
        start += f' {key}="{xml_attribute(value)}"'
    content = xml_text(text) if text is not None else ""
    return f"{start}>{content}</{name}>" if content else f"{start} />"


def _rfc3339(date: datetime.date) -> str:
    """`2026-02-12` -> `2026-02-12T00:00:00Z`."""
    return f"{date.isoformat()}T00:00:00Z"


def _summary(data: _LetterData) -> str:
    """Describe a letter in a few short Dutch sentences: kind and date, who to whom, about what.

    -> `Schriftelijke vragen, 7 oktober 2025. Van: Kathmann (GroenLinks-PvdA), … Onderwerp: … 21 vragen.`
    """
    document = data.document
    kind = letter_kind_label(data.letter.kind)
    parts = [f"{kind[:1].upper()}{kind[1:]}, {dutch_date(letter_date(data.record, data.letter))}."]
    askers = ", ".join(
        f"{asker['name']} ({asker['party']})" if asker["party"] else asker["name"] for asker in document["askers"]
    )
    if askers or document["sender"]:
        parts.append(f"Van: {askers or document['sender']}.")
    if document["addressee"]:
        parts.append(f"Aan: {document['addressee']}.")
    if document["subject"]:
        parts.append(f"Onderwerp: {document['subject']}.")
    counts = [
        f"{len(document['questions'])} vragen" if document["questions"] else "",
        f"{len(document['answers'])} antwoorden" if document["answers"] else "",
    ]
    if any(counts):
        parts.append(" en ".join(filter(None, counts)) + ".")
    return " ".join(parts)
