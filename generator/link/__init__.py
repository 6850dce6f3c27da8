"""Link the parsed records into a corpus: one small, named, pure step per job.

    link_corpus(records, diagnostics)
      1. cite_record        cited documents in paragraphs and footnotes -> references, text links
      2. resolve_record     "het antwoord op vraag 10" -> the answer it names, as a text link
      3. thread_corpus      questions -> the answers that answer them
      4. list_statuses      every question and answer -> beantwoord / verwijzing / vertrouwelijk /
                            geen antwoord op deze site
      5. check_footnotes    footnote markers without bodies, bodies without markers
      6. find_terms         uses of the glossary's terms, outside citations and web addresses
      7. list_events        the letters' own dates and every date they mention, merged by date
    -> Corpus(records, Links(threads, text_links, references, statuses, terms), diagnostics)

Text links carry offsets into `Paragraph.text`; text links in a footnote body name it by its
`Footnote.key`, `fn<letter index>-<footnote number>` (`fn2-12`). Everything comes out in reading
order: records as given, then letters, paragraphs and offsets. The parse diagnostics come first,
then the link pass's, by record and line, leaving out what the parser already reported at the same
`path:line` on the same fragment. Each step is linear in the number of letters.

The last step indexes the corpus by dossier (`Links.dossiers`): which records belong to or cite
each dossier, for dossier pages and "Geciteerd in" lists.
"""

from __future__ import annotations

from generator.link._walk import in_reading_order
from generator.link.dossiers import dossier_index
from generator.link.events import list_events
from generator.link.kept import FORMAT as KEPT_FORMAT, KeptMatches
from generator.link.record import RecordLinks, find_record_terms, link_record
from generator.link.status import list_statuses
from generator.link.terms import find_terms
from generator.link.threads import threading_begun
from generator.model import Corpus, Diagnostic, Links, Record, Term, TermUse

__all__ = ["KEPT_FORMAT", "KeptMatches", "RecordLinks", "dossier_index", "find_record_terms", "link_corpus", "link_record"]


def _by_place(records: tuple[Record, ...], diagnostics: tuple[Diagnostic, ...]) -> tuple[Diagnostic, ...]:
    """Sort the link pass's diagnostics by record (corpus order) and line."""
    order = {record.path: number for number, record in enumerate(records)}
    return tuple(sorted(diagnostics, key=lambda d: (order.get(d.path, len(order)), d.path, d.line, d.message)))


def _not_yet_reported(earlier: tuple[Diagnostic, ...], found: tuple[Diagnostic, ...]) -> tuple[Diagnostic, ...]:
    """Drop a finding an earlier stage already reported at the same `path:line` on the same
    fragment (the parser, too, reports a footnote body without a marker)."""
    seen = {(d.path, d.line, d.fragment) for d in earlier}
    return tuple(d for d in found if (d.path, d.line, d.fragment) not in seen)


def link_corpus(
    records: tuple[Record, ...],
    diagnostics: tuple[Diagnostic, ...],
    glossary: tuple[Term, ...] = (),
    found_alone: dict[str, RecordLinks] | None = None,
    found_terms: dict[str, tuple[TermUse, ...]] | None = None,
    kept: KeptMatches | None = None,
) -> Corpus:
    """Link the parsed records: references, referrals, threads, statuses, footnote checks.

    (record with "Ik verwijs u naar het antwoord op vraag 10." in answer BBB 11)
    -> Corpus(records, Links(threads=(…), text_links=(TextLink(…, target=Target(…, "antwoord",
       "BBB", 10)),), references=(…), statuses=((Target(…, "antwoord", "BBB", 11), "verwijzing"), …)))

    `found_alone` gives, by record path, what `link_record` found in a record before (the parse's
    workers do it beside the parse); the records it lacks are linked alone here. `found_terms` gives,
    by record path, the uses of `glossary`'s terms found so before (`find_record_terms`), used when
    it has every record. `kept` gives the matches of answering letters an earlier build found
    (`generator.link.kept`), and takes this build's.
    """
    alone = [found_alone.get(record.path) if found_alone else None for record in records]
    alone = [found or link_record(record) for found, record in zip(alone, records)]
    cited = tuple(link for found in alone for link in found.cited)
    references = tuple(reference for found in alone for reference in found.references)
    citation_problems = tuple(problem for found in alone for problem in found.citation_problems)
    referred = tuple(link for found in alone for link in found.referred)
    referral_problems = tuple(problem for found in alone for problem in found.referral_problems)
    footnote_problems = tuple(problem for found in alone for problem in found.footnote_problems)
    with threading_begun(records, tuple(found.question_texts for found in alone), kept) as threading:
        # what needs no threads is done on this core while the second one threads (`threading_begun`)
        if len({record.path for record in records}) == len(records) and all(found.text_links is not None for found in alone):
            text_links = tuple(link for found in alone for link in found.text_links)  # each record's own, in order
        else:
            text_links = in_reading_order(records, cited + referred)
        if found_terms is not None and all(record.path in found_terms for record in records):
            terms = tuple(use for record in records for use in found_terms[record.path])
        else:
            terms = find_terms(records, glossary, text_links)
        events = list_events(records, tuple(found.dated for found in alone))
        dossiers = tuple(dossier_index(Corpus(records, Links(references=references))).items())
        threads, thread_problems = threading.result()
    statuses = list_statuses(records, threads, tuple(found.answered for found in alone))
    found = _by_place(records, citation_problems + referral_problems + thread_problems + footnote_problems)
    links = Links(threads, text_links, references, statuses, terms=terms, events=events, dossiers=dossiers)
    found = tuple(diagnostics) + _not_yet_reported(tuple(diagnostics), found)
    return Corpus(records, links, found, glossary=glossary)
