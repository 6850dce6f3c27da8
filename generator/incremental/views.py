"""What the pages that are no record's own see of the corpus, and its hash (`overview_digest`).

The home page, the months, the shared pages and the overviews (dossiers, timeline, registers,
glossary, notes) list every record, but none shows a letter's text: they show what a record is
(its kind, dates, title, askers, questions and answers by number and party, footnotes by
number) and what the link pass found (statuses, events, dossiers, places, uses of terms). They
are rendered from `overview_context`: the render context with each record's `record_view` (its
texts, source lines and page furniture blanked) and only the parts of the link pass they read;
`tests/test_incremental.py` checks that they render the same from it as from the whole context.
`overview_digest` hashes exactly what `overview_context` keeps, each record's view by the hash
the parse kept with it (`view_digest`): when it is the last build's, so are those pages, and a
rebuild after an edit to a letter's text takes them from there.
"""

from __future__ import annotations

import copyreg
import pickle
from collections.abc import Callable
from dataclasses import replace

from generator.incremental.fingerprints import digest, source_digests
from generator.model import Answer, Footnote, LetterKey, Paragraph, Question, Record, SourceSpan
from generator.render.context import RenderContext
from generator.render.places import lazy_text_places

_BLANK = ""


def record_view(record: Record) -> Record:
    """`record` as the pages that are no record's own see it: every paragraph's and footnote's text,
    every source line and footnote marker, and the page furniture blanked."""
    return replace(
        record,
        letters=tuple(
            replace(
                letter,
                head=tuple(_blank_paragraph(paragraph) for paragraph in letter.head),
                body=tuple(_blank_block(block) for block in letter.body),
                footnotes=tuple(replace(footnote, text=_BLANK, span=_blank_span(footnote.span)) for footnote in letter.footnotes),
                span=_blank_span(letter.span),
            )
            for letter in record.letters
        ),
        furniture=(),
        page_starts=(),
    )


def view_digest(record: Record) -> str:
    """The hash of `record_view(record)` (kept with the record's parse: `generator.build`), made
    without making the view: `_ViewPickler` writes `record` as `digest` writes its view, byte for
    byte (`tests/test_incremental.py` checks it on every record of the seeds, the development
    letters and a generated corpus), in half the time (0.29 ms a benchmark letter against 0.64 ms)."""
    return digest(record, _ViewPickler)


_BLANKED = {
    SourceSpan: {"line": 0, "end_line": 0},
    Paragraph: {"text": _BLANK, "markers": ()},
    Footnote: {"text": _BLANK},
    Record: {"furniture": (), "page_starts": ()},
}
"""What `record_view` blanks, by the type of the node holding it: the source lines of every span
(every span a record holds is a letter's, a block's, a paragraph's or a footnote's; the
furniture's go with it), every paragraph's and footnote's text and markers, the page furniture."""


def _blanked_reduce(blanked: dict[str, object]) -> Callable[[object], tuple]:
    """How `_ViewPickler` writes a node of a type `_BLANKED` names: as the default pickling writes
    it (its class and its fields), the fields `blanked` names blanked."""
    return lambda node: (copyreg.__newobj__, (type(node),), {**node.__dict__, **blanked}, None, None)


class _ViewPickler(pickle.Pickler):
    """Pickle a record as its `record_view`: each node `_BLANKED` names is written as the default
    pickling writes it (its class and its fields), those fields blanked; every other as it is.
    By a dispatch table, looked up by the pickler itself: a node of another type calls no Python."""

    dispatch_table = {node_type: _blanked_reduce(blanked) for node_type, blanked in _BLANKED.items()}


def _blank_span(span):
    return replace(span, line=0, end_line=0)


def _blank_paragraph(paragraph):
    return replace(paragraph, text=_BLANK, span=_blank_span(paragraph.span), markers=())


def _blank_block(block):
    if isinstance(block, Paragraph):
        return _blank_paragraph(block)
    if isinstance(block, Question):
        return replace(block, context=tuple(map(_blank_paragraph, block.context)),
                       paragraphs=tuple(map(_blank_paragraph, block.paragraphs)), span=_blank_span(block.span))
    if isinstance(block, Answer):
        return replace(block, paragraphs=tuple(map(_blank_paragraph, block.paragraphs)), span=_blank_span(block.span))
    return replace(block, span=_blank_span(block.span))  # a heading keeps its text


def overview_context(context: RenderContext, views: dict[str, Record] | None = None) -> RenderContext:
    """The render context as the pages that are no record's own read it: the records' views
    (`views` by path, else made here) and, of the rest, only what `overview_digest` hashes."""
    corpus = context.corpus
    views = views if views is not None else {record.path: record_view(record) for record in corpus.records}
    records = tuple(views[record.path] for record in corpus.records)
    links = replace(
        corpus.links, threads=(), text_links=(), references=(), statuses=(),
        terms=tuple(replace(use, start=0, end=0) for use in corpus.links.terms),
    )
    seen = replace(
        context,
        corpus=replace(corpus, records=records, links=links, diagnostics=()),
        letters={LetterKey(record.path, letter.index): (record, letter) for record in records for letter in record.letters},
        records={record.path: record for record in records},
        threads={}, text_links={}, terms={},
    )
    return replace(seen, places=lazy_text_places(seen))  # made from the views and the addresses


def overview_digest(context: RenderContext, site: str, view_digests: dict[str, str], sources: dict[str, str] | None = None) -> str | None:
    """Hash what `overview_context` keeps: `site` (the code, the site's address, the glossary and
    the notes: `Incremental.site`), each record's view by its hash, and the link pass's findings
    the overviews read, by their sources' hashes (`source_digests`, unless given: the addresses,
    the mentions, the notes, the dossiers, the events, the uses of terms, the statuses). None when
    a record's view hash is unknown."""
    corpus = context.corpus
    views = [(record.path, view_digests.get(record.path)) for record in corpus.records]
    if any(found is None for _, found in views):
        return None
    sources = sources if sources is not None else source_digests(context)
    return digest((site, views, [(name, sources[name]) for name in _OVERVIEW_SOURCES]))


_OVERVIEW_SOURCES = (
    "addresses", "citations", "documents", "cited_in", "dossiers", "notes", "dossier_index", "events", "terms", "statuses",
)
"""The sources (`SOURCES`) the pages that are no record's own read: all but the threads, which
`overview_context` leaves out (the mentions are hashed as their parts: citations, documents, cited_in, dossiers)."""
