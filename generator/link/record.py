"""What linking finds in one record alone, before the corpus is linked.

Most of the link pass reads one record at a time and needs no other: the documents it cites, the
referrals to its own questions and answers, its footnote checks, the dates it gives and mentions,
each answer's status by its text, and its questions' text normalized for threading. `link_record`
does those steps for one record, so the parse's workers can do them beside the parse (on every
core) and the parse cache can keep them with the record; `link_corpus` then does only what needs
the whole corpus (threads, statuses by thread, events merged by date, dossiers). The uses of the
glossary's terms in one record (`find_record_terms`) are found there too, and kept with the
glossary they were found with::

    link_record(record with "Ik verwijs u naar het antwoord op vraag 10." in answer BBB 11)
    -> RecordLinks(referred=(TextLink(…, target=Target(…, "antwoord", "BBB", 10)),), …)
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.link._walk import in_reading_order, paragraph_places
from generator.link.citations import cite_record
from generator.link.events import dated_in_record
from generator.link.footnotes import check_footnotes
from generator.link.resolve import resolve_record
from generator.link.status import answer_statuses
from generator.link.terms import find_terms
from generator.link.matching import record_question_texts
from generator.model import Diagnostic, EventDate, EventSource, Record, Reference, Target, Term, TermUse, TextLink


@dataclass(frozen=True)
class RecordLinks:
    """The link pass's findings in one record alone, each in reading order."""

    path: str
    cited: tuple[TextLink, ...]
    references: tuple[Reference, ...]
    citation_problems: tuple[Diagnostic, ...]
    referred: tuple[TextLink, ...]
    referral_problems: tuple[Diagnostic, ...]
    footnote_problems: tuple[Diagnostic, ...]
    dated: tuple[tuple[EventDate, EventSource], ...]
    answered: tuple[tuple[Target, str], ...]
    question_texts: tuple[str, ...] = ()  # each question's text normalized for threading, in reading order
    text_links: tuple[TextLink, ...] | None = None
    """`cited` and `referred` together in reading order (`in_reading_order`); None when a link
    names a paragraph the record does not hold (the link pass then sorts the corpus's links)."""


def link_record(record: Record) -> RecordLinks:
    """Do the steps of the link pass that read one record alone."""
    cited, references, citation_problems = cite_record(record)
    referred, referral_problems = resolve_record(record)
    return RecordLinks(
        record.path, cited, references, citation_problems, referred, referral_problems,
        check_footnotes(record), dated_in_record(record), answer_statuses(record), record_question_texts(record),
        _placed_in_order(record, cited + referred),
    )


def _placed_in_order(record: Record, links: tuple[TextLink, ...]) -> tuple[TextLink, ...] | None:
    """`links` in the record's reading order; None unless each names a paragraph of the record."""
    if not links:
        return ()
    places = paragraph_places((record,))
    if not all((link.path, link.paragraph) in places for link in links):
        return None
    return in_reading_order((record,), links, places)


def find_record_terms(record: Record, found: RecordLinks, glossary: tuple[Term, ...]) -> tuple[TermUse, ...]:
    """The uses of the `glossary`'s terms in one record (`find_terms`, outside its text links)."""
    return find_terms((record,), glossary, found.cited + found.referred)
