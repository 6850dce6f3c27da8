"""Split a record into letters and read each letter's metadata.

A record of a *schriftelijk overleg* holds a cover note, then letters that each open with a
heading in capitals (`BRIEF VAN DE VOORZITTER VAN DE VASTE COMMISSIE …`), the addressee
(`Aan …`) and place and date (`Den Haag, 2 december 2025`), and close with a signature.
Written questions open with `Vragen van de leden X (Party) en Y (Party) aan … over …` and
`(ingezonden 7 oktober 2025)`; an Aanhangsel answer adds `Antwoord van … (ontvangen …)`.

    >>> members("Kathmann (GroenLinks-PvdA) en Six Dijkstra (Nieuw Sociaal Contract)")
    (Member(name='Kathmann', party='GroenLinks-PvdA', role=None), Member(name='Six Dijkstra', party='Nieuw Sociaal Contract', role=None))
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.model import Member, Minister, Paragraph

LETTER_HEADING = re.compile(r"^(?:Nr\.\s*(?P<number>[0-9A-Z]+)\s+)?BRIEF\s+VAN\b")
"""A letter's heading in capitals, in a Kamerstuk with its number: `Nr. 506 BRIEF VAN DE …`."""
DOSSIER_TITLE = re.compile(r"^(?P<dossier>\d{2}\s?\d{3})(?:[\s-](?P<part>[A-Z]{1,5}))?\s+(?P<title>[A-Z][^.?!]*)$")
"""The dossier a Kamerstuk's title block names: `31 066 Belastingdienst`."""
SESSION = re.compile(r"^(?:Vergaderjaar|vergaderjaar)\s+\d{4}\s*[–-]\s*\d{4}\b")
ADOPTED = re.compile(r"^Vastgesteld\s+(?P<date>\d{1,2}\s+[a-z]+\s+\d{4})\s*$")
"""The date a verslag was adopted: `Vastgesteld 16 februari 2026`."""
CAPITALS = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý\s\-–,.'’]+$")
ADDRESSEE = re.compile(r"^Aan\s+(?P<addressee>(?:de|het|het\s+lid)\s.+?)(?<!\s)\s*$")
"""`Aan de staatssecretaris van Financiën`. Where a name part ends, the look-behind for white space lets the white space
after it be tried once, from the start of its run, never from each of its characters (a run of
em spaces would otherwise cost quadratic time); the part found is the same."""
PLACE_AND_DATE = re.compile(r"^(?P<place>[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+)?),\s+(?P<date>\d{1,2}\s+[a-z]+\s+\d{4})\s*$")
SIGNATURE_FUNCTION = re.compile(
    r"""^(?:[Dd]e\s+)?(?:[Gg]riffier|[Vv]oorzitter|[Ss]taatssecretaris|[Mm]inister|[Ss]ecretaris)\b[^.?!]{0,200}$"""
)
SIGNATURE_NAME = re.compile(
    r"""^(?:(?:mr|dr|drs|ir|prof|ing)\.\s*+)*         # titles: mr. dr.
        (?:[A-Z]\.)*\s*                             # initials: G.V.M.
        (?:(?:van|de|der|den|ter|ten|het|in\s++'t)\s++)*  # particles: de Vries, van der Linden
        [A-ZÀ-Ý][\w'’-]+(?:\s+[\w'’-]+){0,4}$""",
    re.VERBOSE,
)
"""A signature's name: `mr. G.V.M. Veldhoen`, `Van Dooren`. Its runs of white space can be shared
between quantifiers, so it is only matched on a line of at most 40 characters (`signature`)."""
WRITTEN_HEADER = re.compile(
    r"""^Vragen\s+van\s+(?:het\s+lid|de\s+leden)\s+
        (?>(?P<members>.+?)(?<!\s)\s+aan\s+(?=(?:de|het)\s))    # the first `aan de` decides
        (?P<addressee>(?:de|het)\s.+?)(?<!\s)
        \s+over\s+(?P<subject>.+?)(?:(?<!\s)|(?=\.))
        \.?\s*(?:\(ingezonden\s++(?P<date>[^)]{0,200})\)\.?)?$""",
    re.VERBOSE,
)
"""`Vragen van de leden X (Party) en Y (Party) aan de minister van … over … (ingezonden 7 oktober 2025)`.

Linear on any paragraph: the members end at the first `aan de` (or `aan het`), which is the one
the lazy match finds whenever a later one would do (an `over` after a later one is after the
first too), so the group is atomic and `aan de x aan de x …` without `over` is not tried again
from every `aan`; the look-behind for white space tries the white space after a name part only
from the start of its run; a date has at most 200 characters."""
SUBMITTED = re.compile(r"\(ingezonden\s++(?P<date>[^)]{0,200})\)")
"""`(ingezonden 7 oktober 2025)`; a date has at most 200 characters, so `(ingezonden (ingezonden …`
without a `)` is read once, not to the end from each."""
ANSWER_HEADER = re.compile(
    r"^(?P<kind>Antwoord|Mededeling)\s+van\s+(?P<sender>.+?)(?<!\s)\s*\(ontvangen\s++(?P<date>[^)]{0,200})\)"
)
"""`Antwoord van Minister … (ontvangen …)`, or `Mededeling van …` where a notice stands in place
of the answers (they come later, or came by letter); linear as `WRITTEN_HEADER`."""
NOTICE = re.compile(r"^Mededeling\b")
SUBJECT = re.compile(r"\bover\s+(?P<subject>.+?)(?=\.\s|\.$|,\s+waarin\b|$)")
DOCUMENT_NUMBER = re.compile(r"\d{4}[ZD]\d{5}")
"""The Tweede Kamer's number of a document (`2025D42960`) or case (`2025Z18365`), alone on a line."""
CHAMBER = re.compile(r"\b(?P<chamber>Eerste|Tweede)\s+Kamer\b")
MINISTER = re.compile(
    r"(?P<title>[Mm]inister(?:-[Pp]resident)?+|[Ss]taatssecretaris)\s++(?P<name>[^(),]{1,80}+)\((?P<portfolio>[^()]{1,200}+)\)"
)
"""An answering member of government as the Aanhangsel prints one: `Minister De Jonge (Binnenlandse
Zaken en Koninkrijksrelaties)`."""
ON_BEHALF = re.compile(r",?\s*+mede\s++namens\s++")
MEMBER = re.compile(r"^(?P<name>[^()]+?)(?<!\s)\s*(?:\((?:beiden\s+|allen\s+)?(?P<party>[^)]+)\))?$")
"""`Six Dijkstra (Nieuw Sociaal Contract)`; linear as `ADDRESSEE` (a name starts with no space:
`_split_top_level` strips it)."""


@dataclass(frozen=True)
class Segment:
    """The paragraphs of one letter: its capital heading (may be empty) and its text."""

    heading: tuple[Paragraph, ...]
    paragraphs: tuple[Paragraph, ...]


def title_block_dossiers(paragraphs: list[Paragraph]) -> tuple[str, ...]:
    """The dossier numbers a Kamerstuk's title block prints (`Vergaderjaar 2025–2026` /
    `31 066 Belastingdienst`), written without the space: ("31066",); () without a title block."""
    opening = paragraphs[:6]
    if not any(SESSION.match(p.text) for p in opening):
        return ()
    found = [m["dossier"].replace(" ", "") + (f"-{m['part']}" if m["part"] else "") for p in opening if (m := DOSSIER_TITLE.match(p.text))]
    return tuple(dict.fromkeys(found))


def split_letters(paragraphs: list[Paragraph]) -> list[Segment]:
    """Split a record's paragraphs at letter headings in capitals (`BRIEF VAN …`).

    What comes before the first heading is a segment without heading (a cover note, or the
    whole letter when there are no headings).
    """
    found: list[tuple[list[Paragraph], list[Paragraph]]] = [([], [])]  # (heading, text) per letter
    index = 0
    while index < len(paragraphs):
        paragraph = paragraphs[index]
        if LETTER_HEADING.match(paragraph.text):
            heading = [paragraph]
            while index + 1 < len(paragraphs) and CAPITALS.match(paragraphs[index + 1].text):
                index += 1
                heading.append(paragraphs[index])
            found.append((heading, []))
        else:
            found[-1][1].append(paragraph)
        index += 1
    return [Segment(tuple(heading), tuple(text)) for heading, text in found if heading or text]


def _split_top_level(text: str) -> list[str]:
    """Split a list of names at `, ` and ` en ` outside parentheses."""
    parts, depth, current, index = [], 0, "", 0
    while index < len(text):
        char = text[index]
        depth += char == "("
        depth -= char == ")"
        if depth == 0 and text.startswith(" en ", index):
            parts.append(current)
            current, index = "", index + 4
            continue
        if depth == 0 and char == ",":
            parts.append(current)
            current, index = "", index + 1
            continue
        current += char
        index += 1
    parts.append(current)
    return [part.strip() for part in parts if part.strip()]


def members(text: str) -> tuple[Member, ...]:
    """Members named as `Name (Party)`, joined by `,` and `en`; a name without a party takes the
    party of the next name that has one (`Van der Lee en Kathmann (beiden GroenLinks-PvdA)`)."""
    found: list[Member] = []
    for part in _split_top_level(text):
        match = MEMBER.match(part)
        if match:
            found.append(Member(match["name"].strip(), match["party"]))
    party = None
    for index in reversed(range(len(found))):
        if found[index].party:
            party = found[index].party
        elif party:
            found[index] = Member(found[index].name, party)
    return tuple(found)


def ministers(sender: str) -> tuple[tuple[Minister, ...], str | None]:
    """The members of government an Aanhangsel answer names, and whom they answer for too.

    >>> ministers("Staatssecretaris Heijnen (Infrastructuur en Waterstaat), mede namens de Minister van Justitie en Veiligheid")
    ((Minister(title='Staatssecretaris', name='Heijnen', portfolio='Infrastructuur en Waterstaat'),), 'de Minister van Justitie en Veiligheid')
    """
    behalf = ON_BEHALF.search(sender)
    own = sender[: behalf.start()] if behalf else sender
    found = tuple(Minister(m["title"], m["name"].strip(), m["portfolio"].strip()) for m in MINISTER.finditer(own))
    return found, (sender[behalf.end() :].strip() or None) if behalf else None


def subject(text: str) -> str | None:
    """The subject a letter is about: the words after `over`, up to the end of the sentence."""
    match = SUBJECT.search(text)
    return match["subject"].strip() if match else None


def chamber(texts: list[str]) -> str | None:
    """The first chamber named in `texts` (`Eerste Kamer`, `Tweede Kamer`), or None."""
    for text in texts:
        match = CHAMBER.search(text)
        if match:
            return f"{match['chamber']} Kamer"
    return None


def signature(paragraphs: tuple[Paragraph, ...]) -> tuple[int, int] | None:
    """Find a signature: a function line (`De griffier van …,`) next to a name (`Van Dooren`),
    or both on one line.

    Returns the index range (start, end) of the two paragraphs, or None.
    """
    for index, paragraph in enumerate(paragraphs):
        if len(paragraph.text) > 200:
            continue
        function, _, name = paragraph.text.rpartition(", ")
        if function and len(name) <= 40 and SIGNATURE_FUNCTION.match(function) and SIGNATURE_NAME.match(name):
            return (index, index + 1)  # function and name joined on one line: `De minister van …, A. de Vries`
        if not SIGNATURE_FUNCTION.match(paragraph.text):
            continue
        for other in (index + 1, index - 1):
            if 0 <= other < len(paragraphs) and len(paragraphs[other].text) <= 40 and SIGNATURE_NAME.match(paragraphs[other].text):
                return (min(index, other), max(index, other) + 1)
    return None


CLOSING_FORMULA = re.compile(
    r"""^(?:Hoogachtend|Met\s+(?:de\s+meeste\s+hoogachting|vriendelijke\s+groet(?:en)?))[,.]?$
        | ^[^.?!]{0,200}?\bzien\s+(?:uw|de|graag\s+uw)\s+(?:reactie|antwoorden|beantwoording)\b[^.?!]{0,200}?\btegemoet\b""",
    re.VERBOSE,
)
"""A letter's closing formula before its signature: `Hoogachtend,`, or a committee's `De leden van
de vaste commissie voor Digitalisering zien uw reactie – bij voorkeur binnen vier weken – met
belangstelling tegemoet.` (both quantified runs are bounded: linear time)."""


def closing_start(paragraphs: tuple[Paragraph, ...]) -> int:
    """Where a letter's closing starts when it ends with a signature (and a formula such as
    `Hoogachtend,` before it), so that no question or answer takes it in; else the length."""
    found = signature(paragraphs)
    if found is None or found[1] != len(paragraphs):
        return len(paragraphs)
    start = found[0]
    while start > 0 and CLOSING_FORMULA.match(paragraphs[start - 1].text):
        start -= 1
    return start


MEMBERSHIP = re.compile(r"^Samenstelling:\s*(?P<members>\S.*)$")
"""A committee's membership footnote: `Samenstelling: Baumgarten (JA21), …, Veldhoen (GroenLinks-PvdA) (voorzitter), …`."""
MEMBERSHIP_ROLE = re.compile(r"^(?P<member>[^()]+\([^()]+\))\s*\((?P<role>(?:onder|vice-?)?voorzitter)\)$")


def membership(text: str) -> tuple[Member, ...]:
    """The members a membership footnote lists, with party and role; () when it is none.

    >>> membership("Samenstelling: Fiers (GroenLinks-PvdA), Van Gasteren (BBB) (ondervoorzitter)")
    (Member(name='Fiers', party='GroenLinks-PvdA', role=None), Member(name='Van Gasteren', party='BBB', role='ondervoorzitter'))
    """
    listed = MEMBERSHIP.match(text.strip())
    if not listed:
        return ()
    found = []
    for part in _split_top_level(listed["members"]):
        role = MEMBERSHIP_ROLE.match(part)
        match = MEMBER.match(role["member"] if role else part)
        if match:
            found.append(Member(match["name"].strip(), match["party"], role["role"] if role else None))
    return tuple(found)


def signatory(paragraphs: tuple[Paragraph, ...]) -> Member | None:
    """Who signs a letter, with the function the signature prints:
    (`De griffier van de vaste commissie voor Digitalisering,`, `Van Dooren`) ->
    Member("Van Dooren", None, "De griffier van de vaste commissie voor Digitalisering")."""
    found = signature(paragraphs)
    if found is None:
        return None
    lines = [p.text.strip().rstrip(",").strip() for p in paragraphs[found[0] : found[1]]]
    if len(lines) == 1:
        function, _, name = lines[0].rpartition(", ")
    else:
        function, name = (lines[0], lines[1]) if SIGNATURE_FUNCTION.match(lines[0]) else (lines[1], lines[0])
    return Member(name.strip(), None, function.strip() or None)


def signed_by(paragraphs: tuple[Paragraph, ...]) -> str | None:
    """The sender as the signature prints it: `De griffier van de vaste commissie …, Van Dooren`."""
    found = signature(paragraphs)
    if found is None:
        return None
    return ", ".join(p.text.rstrip(", ") for p in paragraphs[found[0] : found[1]])
