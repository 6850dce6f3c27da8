"""Find where the letters use a glossary term: every paragraph and footnote, in reading order.

A use is a spelling of the term (`Term.forms`) standing as a word of its own, outside any cited
document (a text link's characters: a citation, a referral) and outside any web address::

    glossary term M365 (forms M365, Microsoft 365, Microsoft365); paragraph p3 of seeds/x.txt:
    "de overstap naar M365-omgeving (zie https://example.nl/m365)"
    -> TermUse("seeds/x.txt", "p3", 17, 21, "M365")        the address is left alone

One regular expression holds every spelling, longest first, each a literal with its spaces
matching any run of white space: no backtracking beyond the length of the longest spelling, so
the cost grows with the text and the glossary, linearly.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from generator.link._walk import walk_paragraphs
from generator.model import Record, Term, TermUse, TextLink

__all__ = ["find_terms"]

_WEB_ADDRESS = re.compile(
    r"""
      (?:https?://|www\.)\S++                                       # a web address
    | (?<![\w.-])[\w.-]++@[\w-]++(?:\.[\w-]++)++                   # an e-mail address
    | (?<![\w.-])[\w-]++\.(?:[\w-]++\.)*+(?:nl|com|eu|org|net)\b   # a bare domain: NOS.nl
    """,
    re.VERBOSE,
)
"""Text that names a place on the web: a term never fires inside it."""


def _spelling(form: str) -> str:
    return r"\s+".join(re.escape(word) for word in form.split())


def _pattern(glossary: tuple[Term, ...]) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """One pattern for every spelling of every term (longest first), and spelling -> term name."""
    names = {form: term.name for term in glossary for form in term.forms}
    if not names:
        return None, names
    spellings = sorted(names, key=lambda form: (-len(form), form))
    body = "|".join(f"(?:{_spelling(form)})" for form in spellings)
    return re.compile(rf"(?<![\w@/.\-])(?:{body})(?![\w@])"), names


def find_terms(
    records: tuple[Record, ...], glossary: tuple[Term, ...], text_links: tuple[TextLink, ...]
) -> tuple[TermUse, ...]:
    """Find every use of a glossary term in the paragraphs and footnotes of `records`."""
    pattern, names = _pattern(glossary)
    if pattern is None:
        return ()
    taken: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for link in text_links:
        taken.setdefault((link.path, link.paragraph), []).append((link.start, link.end))
    uses: list[TermUse] = []
    for record in records:
        for place in walk_paragraphs(record, footnotes=True):
            text = place.paragraph.text
            spans = taken.get((record.path, place.paragraph.key), [])
            spans = sorted(spans + [match.span() for match in _WEB_ADDRESS.finditer(text)])
            starts = [start for start, _ in spans]
            reach = _reach(spans)
            for match in pattern.finditer(text):
                before = bisect_right(starts, match.start()) - 1
                if before >= 0 and reach[before] > match.start():
                    continue  # inside a citation, a referral or a web address
                if before + 1 < len(starts) and starts[before + 1] < match.end():
                    continue  # runs into one
                spelled = " ".join(match.group().split())
                uses.append(TermUse(record.path, place.paragraph.key, match.start(), match.end(), names[spelled]))
    return tuple(uses)


def _reach(spans: list[tuple[int, int]]) -> list[int]:
    """For each span (sorted by start), the furthest end of it and the spans before it."""
    reach, furthest = [], 0
    for _, end in spans:
        furthest = max(furthest, end)
        reach.append(furthest)
    return reach
