"""Find citations of parliamentary documents (and web pages) in running text and footnotes.

Each citation becomes a `Reference`: its kind, chamber, vergaderjaar, dossiers, document number
and page, and -- when it can be formed with confidence -- the identifier and URL of the official
publication. Example::

    find_references("12 Kamerstukken II, 2025/26, 31066, nr. 506", span)
    -> (FoundReference(3, 43, Reference(kind="kamerstuk", chamber="Tweede Kamer",
           session="2025-2026", dossiers=("31066",), number="506", identifier="kst-31066-506",
           url="https://zoek.officielebekendmakingen.nl/kst-31066-506.html", ...)),)

The mapping, one row per printed form (the examples are the real strings from `seeds/`):

==========================================================  ===========  ========================
printed                                                     kind         identifier -> URL
==========================================================  ===========  ========================
``Kamerstukken II, 2025/26, 31066, nr. 506``                kamerstuk    ``kst-31066-506``
``Kamerstuk 26643, nr. 1315``                               kamerstuk    ``kst-26643-1315``
``Kamerstuk 36740, nr. 20]`` (stray bracket left as text)   kamerstuk    ``kst-36740-20``
``Kamerstuk 31 066, nr. 506`` (dossier printed with space)  kamerstuk    ``kst-31066-506``
``Kamerstuk 36600-VII, nr. 1`` (begrotingshoofdstuk)        kamerstuk    ``kst-36600-VII-1``
``Kamerstukken I 2019/20, 35261, B`` (lettered EK stuk)     kamerstuk    ``kst-35261-B``
``Kamerstukken I, 2025/26, 31066/26643, AO, p. 2.``         kamerstuk    none (joint dossiers) *
``Kamerstukken II, 2024/25, nr. 2592``                      kamerstuk    none (no dossier) *
``Kamerbrief met nummer 2025D42960`` (or a bare D-number)   kamerbrief   ``2025D42960``
``Aanhangsel Handelingen, vergaderjaar 2024–2025, nr. 1234``  aanhangsel ``ah-tk-20242025-1234``
``Aanhangsel Handelingen II 2024/25, nr. 1234``             aanhangsel   ``ah-tk-20242025-1234``
``Aanhangsel Handelingen I 2024/25, nr. 12``                aanhangsel   ``ah-ek-20242025-12``
``Handelingen II 2024/25, nr. 12, item 5``                  handelingen  ``h-tk-20242025-12-5``
``Handelingen II 2024/25, nr. 12`` (no item)                handelingen  none *
``https://www.rijksictdashboard.nl/...``                    url          none; the URL itself
``https://zoek.officielebekendmakingen.nl/kst-31066-506.html``  url      ``kst-31066-506``
==========================================================  ===========  ========================

URLs: ``kst-…``, ``ah-…`` and ``h-…`` identifiers link to
``https://zoek.officielebekendmakingen.nl/<identifier>.html``; a Tweede Kamer document number
links to ``https://www.tweedekamer.nl/kamerstukken/brieven_regering/detail?id=<nr>&did=<nr>``.

Decisions behind the rows marked * (each yields `problem`, which the link pass reports as a
warning at the citing paragraph's `path:line`, and the citation stays plain text):

- **Joint dossiers** (``31066/26643, AO``): a joint document is published once, under one of
  its dossiers, and the Eerste Kamer letters a joint document per dossier (the seed's own verslag
  says "De letters AR hebben alleen betrekking op 31 066"). Which dossier carries the identifier,
  and whether ``AO`` is its letter there, cannot be read from the citation, so no identifier is
  formed. The dossiers and the letter are still recorded.
- **No dossier** (``Kamerstukken II, 2024/25, nr. 2592``): a document number means nothing
  without its dossier. It may be an Aanhangsel number or a number in a large dossier such as
  21501-02; guessing would link to the wrong publication.
- **Handelingen without an item**: an ``h-…`` identifier needs the item number.

Chambers: ``I`` is the Eerste Kamer, ``II`` the Tweede Kamer. When a Kamerstuk citation prints no
chamber, a numbered document is a Tweede Kamer document and a lettered one an Eerste Kamer
document (the Eerste Kamer letters its documents; the identifier does not depend on it). An
Aanhangsel citation without a chamber is taken as the Tweede Kamer's (the form ministers use for
answers to Tweede Kamer written questions); Handelingen without a chamber get no identifier.
Vergaderjaren are written ``2025-2026`` however printed (``2025/26``, ``2024–2025``).

Patterns are tried in table order and a match that overlaps an earlier one is skipped, so a
D-number inside a URL stays part of the URL.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection
from dataclasses import dataclass

from generator.link.spans import Spans
from generator.model import EERSTE_KAMER, OFFICIAL_PUBLICATION_URL, TWEEDE_KAMER, Reference, SourceSpan

PUBLICATION_URL = OFFICIAL_PUBLICATION_URL
TWEEDE_KAMER_DOCUMENT_URL = (
    "https://www.tweedekamer.nl/kamerstukken/brieven_regering/detail?id={number}&did={number}"
)

_CHAMBER = r"(?:\s+(?P<chamber>II|I)(?![\w]))?"
_SESSION = r"(?P<session>(?P<first>\d{4})\s*[/–-]\s*(?P<second>\d{2}(?:\d{2})?))(?!\d)"
_DOSSIER = r"""
    \d{2}\s?\d{3}(?!\d)                      # 31066, or 31 066 as printed
    (?:(?:-|\s)(?:[IVXLC]{1,5}|[A-Z]|\d{2})(?![\w]))?  # begrotingshoofdstuk: 36600-VII, 21501-02
"""
_DIGITS = r"\d{1,6}+(?!\d)"
"""A document, item or page number as printed: at most six digits (a longer one is no citation)."""
_DOCUMENT_NUMBER = rf"(?:nr\.?|nummer)\s*(?P<number>{_DIGITS})"
_PAGE = rf"(?:\s*,\s*(?:p\.|blz\.|pag\.)\s*(?P<page>{_DIGITS}(?:\s*[-–]\s*{_DIGITS})?))?"

URL = re.compile(r"(?P<url>https?://[^\s<>\"\[\]{}]+)")
"""A web address: `https://www.rijksictdashboard.nl/ict-activiteiten/…`."""

AANHANGSEL = re.compile(
    rf"""
    Aanhangsel\s+(?:van\s+de\s+)?Handelingen{_CHAMBER}
    \s*,?\s*(?:vergaderjaar\s+)?{_SESSION}
    \s*,?\s*{_DOCUMENT_NUMBER}
    """,
    re.VERBOSE,
)
"""`Aanhangsel Handelingen, vergaderjaar 2024–2025, nr. 1234`, `Aanhangsel Handelingen II 2024/25, nr. 1234`."""

HANDELINGEN = re.compile(
    rf"""
    Handelingen{_CHAMBER}
    \s*,?\s*(?:vergaderjaar\s+)?{_SESSION}
    \s*,?\s*{_DOCUMENT_NUMBER}
    (?:\s*,\s*item\s*(?P<item>{_DIGITS}))?
    {_PAGE}
    """,
    re.VERBOSE,
)
"""`Handelingen II 2024/25, nr. 12, item 5`."""

KAMERSTUK = re.compile(
    rf"""
    Kamerstuk(?:ken)?{_CHAMBER}
    \s*,?\s*(?:(?:vergaderjaar\s+)?{_SESSION}\s*,?\s*)?
    (?P<dossiers>{_DOSSIER}(?:\s*+(?:/|\ben\b)\s*+{_DOSSIER})*)?
    \s*,?\s*
    (?:{_DOCUMENT_NUMBER}|(?P<letter>[A-Z]{{1,3}})(?![\w]))
    {_PAGE}
    """,
    re.VERBOSE,
)
"""`Kamerstukken II, 2025/26, 31066, nr. 506`, `Kamerstuk 26643, nr. 1315`,
`Kamerstukken I, 2025/26, 31066/26643, AO, p. 2`, `Kamerstukken II, 2024/25, nr. 2592`."""

KAMERBRIEF = re.compile(
    r"""
    (?:Kamerbrief\s+(?:met\s+)?(?:(?:document)?nummer|kenmerk)\s+)?
    (?<![\w])(?P<number>(?:19|20)\d{2}D\d{5})(?![\w])
    """,
    re.VERBOSE,
)
"""`Kamerbrief met nummer 2025D42960`, or the Tweede Kamer document number `2025D42960` alone."""

_DOSSIER_PIECE = re.compile(
    r"(?P<base>\d{2}\s?\d{3})(?!\d)(?:(?:-|\s)(?P<suffix>[IVXLC]{1,5}|[A-Z]|\d{2})(?![\w]))?"
)
_PUBLICATION_PATH = re.compile(
    r"^https?://zoek\.officielebekendmakingen\.nl/(?P<identifier>(?:kst|ah-tk|ah-ek|h-tk|h-ek)-[\w-]+?)"
    r"(?:\.html|\.pdf|\.xml)?(?:[?#].*)?$"
)
_URL_TRAILER = ".,;:!?'\"’”"


@dataclass(frozen=True)
class FoundReference:
    """Characters `start`..`end` of the text cite `reference`; `problem` says why it has no
    identifier (empty when it has one, or needs none)."""

    start: int
    end: int
    reference: Reference
    problem: str = ""


def _session(match: re.Match[str]) -> str | None:
    """`2025/26` -> `2025-2026`; None when not printed or the years do not follow each other."""
    if match.group("session") is None:
        return None
    first = int(match.group("first"))
    second = match.group("second")
    last = int(second) if len(second) == 4 else (first // 100) * 100 + int(second)
    if last < first:
        last += 100
    return f"{first}-{last}" if last == first + 1 else None


def _chamber(match: re.Match[str]) -> str | None:
    """`I` -> Eerste Kamer, `II` -> Tweede Kamer, nothing printed -> None."""
    return {"I": EERSTE_KAMER, "II": TWEEDE_KAMER}.get(match.group("chamber") or "")


def _dossiers(printed: str | None) -> tuple[str, ...]:
    """`31 066/26643` -> ("31066", "26643"); `36600 VII` -> ("36600-VII",)."""
    return tuple(
        piece.group("base").replace(" ", "") + (f"-{piece.group('suffix')}" if piece.group("suffix") else "")
        for piece in _DOSSIER_PIECE.finditer(printed or "")
    )


def _chamber_code(chamber: str | None) -> str:
    """Tweede Kamer -> `tk`, Eerste Kamer -> `ek` (as in `ah-tk-…`)."""
    return "ek" if chamber == EERSTE_KAMER else "tk"


def _publication(identifier: str | None) -> str | None:
    """The official publication's URL for an identifier."""
    return PUBLICATION_URL.format(identifier=identifier) if identifier else None


def _from_url(match: re.Match[str], span: SourceSpan) -> tuple[Reference, str] | None:
    """A web address; an officielebekendmakingen.nl address also yields its identifier."""
    url = match.group("url").rstrip(_URL_TRAILER)
    # Drop each `)` that closes nothing (and the punctuation before it), counting once and
    # cutting once: a URL may end in thousands of `)`.
    unclosed = url.count(")") - url.count("(")
    end = len(url)
    while end and url[end - 1] == ")" and unclosed > 0:
        end -= 1
        unclosed -= 1
        while end and url[end - 1] in _URL_TRAILER:
            end -= 1
    url = url[:end]
    publication = _PUBLICATION_PATH.match(url)
    identifier = publication.group("identifier") if publication else None
    dossiers: tuple[str, ...] = ()
    if identifier and identifier.startswith("kst-"):
        dossiers = ("-".join(identifier.split("-")[1:-1]),)
    return Reference("url", url, span, dossiers=dossiers, identifier=identifier, url=url), ""


def _from_aanhangsel(match: re.Match[str], span: SourceSpan) -> tuple[Reference, str] | None:
    """`Aanhangsel Handelingen II 2024/25, nr. 1234` -> `ah-tk-20242025-1234`."""
    chamber = _chamber(match) or TWEEDE_KAMER
    session = _session(match)
    number = match.group("number")
    if session is None:
        problem = f"Aanhangsel with an impossible vergaderjaar ({match.group('session')}); no identifier formed"
        return Reference("aanhangsel", match.group(0), span, chamber, None, (), number), problem
    identifier = f"ah-{_chamber_code(chamber)}-{session.replace('-', '')}-{number}"
    reference = Reference(
        "aanhangsel", match.group(0), span, chamber, session, (), number,
        identifier=identifier, url=_publication(identifier),
    )
    return reference, ""


def _from_handelingen(match: re.Match[str], span: SourceSpan) -> tuple[Reference, str] | None:
    """`Handelingen II 2024/25, nr. 12, item 5` -> `h-tk-20242025-12-5`."""
    chamber = _chamber(match)
    session = _session(match)
    number, item = match.group("number"), match.group("item")
    problem = ""
    if chamber is None:
        problem = "Handelingen without a chamber (I or II); no identifier formed"
    elif session is None:
        problem = f"Handelingen with an impossible vergaderjaar ({match.group('session')}); no identifier formed"
    elif item is None:
        problem = "Handelingen without an item number (an h-… identifier needs both); no identifier formed"
    identifier = None if problem else f"h-{_chamber_code(chamber)}-{session.replace('-', '')}-{number}-{item}"
    reference = Reference(
        "handelingen", match.group(0), span, chamber, session, (), number, match.group("page"),
        identifier, _publication(identifier),
    )
    return reference, problem


def _from_kamerstuk(match: re.Match[str], span: SourceSpan) -> tuple[Reference, str] | None:
    """`Kamerstukken II, 2025/26, 31066, nr. 506` -> `kst-31066-506`; see the module's table."""
    dossiers = _dossiers(match.group("dossiers"))
    letter = match.group("letter")
    if letter is not None and not dossiers:
        return None  # "Kamerstukken I, De …": a capital after the comma is no document letter
    number = match.group("number") or letter
    chamber = _chamber(match) or (EERSTE_KAMER if letter else TWEEDE_KAMER)
    problem = ""
    if not dossiers:
        problem = (
            f"Kamerstuk without a dossier number (nr. {number}): a document number alone names no "
            "publication; no identifier formed"
        )
    elif len(dossiers) > 1:
        problem = (
            f"joint Kamerstuk of dossiers {'/'.join(dossiers)}: which dossier it is published under, "
            f"and whether '{number}' is its number there, does not follow from the citation; "
            "no identifier formed"
        )
    identifier = None if problem else f"kst-{dossiers[0]}-{number}"
    reference = Reference(
        "kamerstuk", match.group(0), span, chamber, _session(match), dossiers, number,
        match.group("page"), identifier, _publication(identifier),
    )
    return reference, problem


def _from_kamerbrief(match: re.Match[str], span: SourceSpan) -> tuple[Reference, str] | None:
    """`Kamerbrief met nummer 2025D42960` -> the Tweede Kamer's own document page."""
    number = match.group("number")
    url = TWEEDE_KAMER_DOCUMENT_URL.format(number=number)
    return Reference("kamerbrief", match.group(0), span, TWEEDE_KAMER, identifier=number, url=url), ""


Builder = Callable[[re.Match[str], SourceSpan], "tuple[Reference, str] | None"]

REFERENCE_PATTERNS: tuple[tuple[str, re.Pattern[str], Builder], ...] = (
    ("url", URL, _from_url),
    ("aanhangsel", AANHANGSEL, _from_aanhangsel),
    ("handelingen", HANDELINGEN, _from_handelingen),
    ("kamerstuk", KAMERSTUK, _from_kamerstuk),
    ("kamerbrief", KAMERBRIEF, _from_kamerbrief),
)
"""Name, pattern and builder, tried in this order; an earlier match wins an overlap."""

REQUIRED_TEXT = {
    "url": re.compile("http"),
    "aanhangsel": re.compile("Aanhangsel"),
    "handelingen": re.compile("Handelingen"),
    "kamerstuk": re.compile("Kamerstuk"),
    "kamerbrief": re.compile(r"D(?<=\dD)\d{5}"),
}
r"""Text each pattern's matches hold: a text without it is not searched with that pattern (the
patterns cost a scan each, and the link pass reads every paragraph and footnote). Each starts
with a literal, which the engine finds fast (a document number's `D`, then the digit before it
looked back at: `\dD\d{5}`, starting with a class, made the engine try every character, and cost
more than the other four together); `D` alone is in almost every text, so it is no hint by itself."""


def find_references(text: str, span: SourceSpan, hinted: Collection[str] | None = None) -> tuple[FoundReference, ...]:
    """Find every cited document in `text` (a paragraph or footnote at `span`), in text order;
    `hinted`: the names of `REQUIRED_TEXT` found in `text` (`scan.hinted`), when they were looked for already.

    "zie Kamerstuk 26643, nr. 1315." -> (FoundReference(4, 29, Reference("kamerstuk",
    "Kamerstuk 26643, nr. 1315", span, identifier="kst-26643-1315", ...)),)
    """
    taken: list[FoundReference] = []
    spans = Spans()
    for name, pattern, build in REFERENCE_PATTERNS:
        if name not in hinted if hinted is not None else not REQUIRED_TEXT[name].search(text):
            continue
        for match in pattern.finditer(text):
            built = build(match, span)
            if built is None:
                continue
            reference, problem = built
            start = match.start()
            end = start + len(reference.text) if reference.kind == "url" else match.end()
            if not spans.add(start, end):
                continue
            taken.append(FoundReference(start, end, reference, problem))
    return tuple(sorted(taken, key=lambda found: (found.start, found.end)))
