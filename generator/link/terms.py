"""Find where the letters use a glossary term: every paragraph and footnote, in reading order.

A use is a spelling of the term (`Term.forms`) standing as a word of its own, outside any cited
document (a text link's characters: a citation, a referral) and outside any web address::

    glossary term M365 (forms M365, Microsoft 365, Microsoft365); paragraph p3 of seeds/x.txt:
    "de overstap naar M365-omgeving (zie https://example.nl/m365)"
    -> TermUse("seeds/x.txt", "p3", 17, 21, "M365")        the address is left alone

One regular expression holds every spelling, longest first, each a literal with its spaces
matching any run of white space: no backtracking beyond the length of the longest spelling, so
the cost grows with the text and the glossary, linearly. It matches the character before a use
(one that may not precede it) and holds the use in a lookahead, so the engine skips quickly to
where a use can start, and its spellings are grouped by their first character, so only the
spellings that can match are tried there; a text is read as if a space stood before it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from generator.link._walk import walk_paragraphs
from generator.link.scan import finds_after_boundary
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

_WEB_HINT = re.compile(r"://|www\.|@|\.(?:nl|com|eu|org|net)\b")
"""What every web address above holds: a text without it is not searched for them (most are not,
and the full pattern costs a slow scan)."""

_NOT_BEFORE = r"\w@/.\-"
"""The characters that may not stand right before a use of a term."""


def _spelling(form: str) -> str:
    return r"\s+".join(re.escape(word) for word in form.split())


def _pattern(glossary: tuple[Term, ...]) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """`_glossary_pattern` of `glossary`; the glossary asked for last is known by identity (a
    record's worker is handed the same glossary object for every record of a chunk), without
    hashing every term again, as the cache of `_glossary_pattern` does."""
    global _last_pattern
    last = _last_pattern  # one tuple: read once, it is never half another's
    if last is not None and last[0] is glossary:
        return last[1]
    found = _glossary_pattern(glossary)
    _last_pattern = (glossary, found)
    return found


_last_pattern: tuple[tuple[Term, ...], tuple[re.Pattern[str] | None, dict[str, str]]] | None = None
"""The glossary `_pattern` was asked for last, and its pattern."""


@lru_cache(maxsize=4)  # made once per glossary, not once per record (`generator.link.record`)
def _glossary_pattern(glossary: tuple[Term, ...]) -> tuple[re.Pattern[str] | None, dict[str, str]]:
    r"""One pattern for every spelling of every term, and spelling -> term name.

    The pattern matches the character before a use and holds the use in group `use`, in a
    lookahead; the spellings that start with the same character are tried longest first (the
    first that matches wins, as in one alternation of all spellings longest first: spellings with
    other first characters cannot match there)::

        M365, Microsoft 365, Microsoft365, motie
        -> [^\w@/.\-](?=(?P<use>M(?:icrosoft\s+365|icrosoft365|365)|m(?:otie))(?![\w@]))
    """
    names = {form: term.name for term in glossary for form in term.forms}
    if not names:
        return None, names
    by_first: dict[str, list[str]] = {}  # first character -> the rest of each spelling's pattern
    for form in sorted(names, key=lambda form: (-len(form), form)):
        first = re.escape(form[0])  # a spelling's pattern starts with its first character's
        by_first.setdefault(form[0], []).append(_spelling(form)[len(first) :])
    body = "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in sorted(by_first.items()))
    return re.compile(rf"[^{_NOT_BEFORE}](?=(?P<use>{body})(?![\w@]))"), names


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
            if _WEB_HINT.search(text):
                spans = spans + [match.span() for match in _WEB_ADDRESS.finditer(text)]
            spans = sorted(spans)
            starts = [start for start, _ in spans]
            reach = _reach(spans)
            for match, start, end in finds_after_boundary(pattern, text, "use"):
                before = bisect_right(starts, start) - 1
                if before >= 0 and reach[before] > start:
                    continue  # inside a citation, a referral or a web address
                if before + 1 < len(starts) and starts[before + 1] < end:
                    continue  # runs into one
                spelled = " ".join(match.group("use").split())
                uses.append(TermUse(record.path, place.paragraph.key, start, end, names[spelled]))
    return tuple(uses)


def _reach(spans: list[tuple[int, int]]) -> list[int]:
    """For each span (sorted by start), the furthest end of it and the spans before it."""
    reach, furthest = [], 0
    for _, end in spans:
        furthest = max(furthest, end)
        reach.append(furthest)
    return reach
