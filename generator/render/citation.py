"""Cite a question or an answer: its publication as parliamentary citations name it, then the
question or answer, then its permanent address.

    Kamerstukken I 2025/26, 31066/26643, antwoordbrief, 12 februari 2026, antwoord op vraag 7 (BBB),
        https://kamerdossier.example/eerste-kamer/2026-02-12/antwoordbrief/#bbb-antwoord-7
    Kamerstukken II 2025/26, 36600-VII, nr. 12, vraag 3, https://…/#vraag-3
    Aanhangsel Handelingen II 2025/26, nr. 412, antwoord op vraag 3, https://…/#antwoord-3
    Schriftelijke vragen van Kathmann en Six Dijkstra over de overstap van de Belastingdienst naar
        Microsoft, 7 oktober 2025, vraag 3, https://…/tweede-kamer/2025-10-07/schriftelijke-vragen/#vraag-3

Only what the model knows goes in, never a guess:

- **Kamerstukken** when the record belongs to dossiers (`Record.dossiers`, from its sidecar, or the
  dossier of a `kst-…` identifier) and its chamber and date are known. The chamber is `I` or `II`;
  the vergaderjaar is that of the record's date (the publication's), else the letter's. The
  document's number comes only from a `kst-<dossier>-<nr>` identifier of one of those dossiers
  (`nr. 12`; an Eerste Kamer letter such as `AR` as it is). Without it, or where the record holds
  several letters, the letter is named by its kind and date.
- **Aanhangsel Handelingen** from an `ah-tk-20252026-412` identifier (chamber, vergaderjaar, number).
- Otherwise the letter's readable title: its kind, sender or askers, and date (`labels.letter_title`).
"""

from __future__ import annotations

import re

from generator.model import EERSTE_KAMER, TWEEDE_KAMER, Letter, Record
from generator.render.addresses import ANSWER, letter_date, page_url
from generator.render.labels import dutch_date, letter_kind_label, letter_title, numbers_label, session_of

CHAMBER_NUMERALS = {EERSTE_KAMER: "I", TWEEDE_KAMER: "II"}
"""How citations write the chamber: `Kamerstukken I` is the Eerste Kamer's."""

APPENDIX_CHAMBERS = {"ek": "I", "tk": "II"}

KAMERSTUK_IDENTIFIER = re.compile(r"^kst-(?P<dossier>\d[\w-]*?)-(?P<number>[A-Za-z0-9]+)$")
"""A Kamerstuk's identifier: `kst-31066-506`, `kst-36600-VII-1`, `kst-35261-B`."""

APPENDIX_IDENTIFIER = re.compile(r"^ah-(?P<chamber>tk|ek)-(?P<first>\d{4})(?P<second>\d{4})-(?P<number>\d+)$")
"""An Aanhangsel van de Handelingen's identifier: `ah-tk-20252026-412`."""


def citation_text(
    record: Record, letter: Letter, role: str, party: str | None, numbers: tuple[int, ...], permalink: str
) -> str:
    """Cite question (`role` "vraag") or answer ("antwoord") `numbers` of `party` in a letter.

    `Kamerstukken I 2025/26, 31066/26643, antwoordbrief, 12 februari 2026, antwoord op vraag 7 (BBB),
    https://kamerdossier.example/eerste-kamer/2026-02-12/antwoordbrief/#bbb-antwoord-7`
    """
    return cite(publication_citation(record, letter), part_label(role, party, numbers), permalink)


def cite(publication: str, part: str, permalink: str) -> str:
    """Join a citation's three parts: the publication (`publication_citation`), the question or
    answer (`part_label`) and its permalink."""
    return f"{publication}, {part}, {permalink}"


def part_label(role: str, party: str | None, numbers: tuple[int, ...]) -> str:
    """Name a question or an answer as a citation does: `vraag 3`, `antwoord op vraag 7 (BBB)`."""
    words = f"{'antwoord op vraag' if role == ANSWER else 'vraag'} {numbers_label(numbers)}"
    return f"{words} ({' '.join(party.split())})" if party and party.strip() else words


def publication_citation(record: Record, letter: Letter) -> str:
    """Name the publication a letter appears in, as a citation does (see the module docstring)."""
    identifiers = [*letter.identifiers, record.identifier]
    for identifier in filter(None, identifiers):
        appendix = APPENDIX_IDENTIFIER.match(identifier.strip())
        if appendix and int(appendix["second"]) == int(appendix["first"]) + 1:
            session = f"{appendix['first']}/{appendix['second'][2:]}"
            return f"Aanhangsel Handelingen {APPENDIX_CHAMBERS[appendix['chamber']]} {session}, nr. {appendix['number']}"
    chamber = CHAMBER_NUMERALS.get(letter.chamber or record.chamber)
    date = record.date or letter_date(record, letter)
    dossiers, number = _dossiers_and_number(record, identifiers)
    if chamber is None or date is None or not dossiers:
        return letter_title(record, letter)
    parts = [f"Kamerstukken {chamber} {session_of(date)}", "/".join(dossiers)]
    if number:
        parts.append(number if not number.isdigit() else f"nr. {number}")
    if not number or len(record.letters) > 1:
        parts.append(f"{letter_kind_label(letter.kind)}, {dutch_date(letter_date(record, letter))}")
    return ", ".join(parts)


def _dossiers_and_number(record: Record, identifiers: list[str | None]) -> tuple[list[str], str | None]:
    """The record's dossiers (else its `kst-…` identifier's) and the document number that identifier
    gives, when it names one of those dossiers."""
    dossiers = [" ".join(dossier.split()) for dossier in record.dossiers if dossier.strip()]
    for identifier in filter(None, identifiers):
        kamerstuk = KAMERSTUK_IDENTIFIER.match(identifier.strip())
        if kamerstuk is None:
            continue
        if not dossiers:
            return [kamerstuk["dossier"]], kamerstuk["number"]
        if _dossier_key(kamerstuk["dossier"]) in {_dossier_key(dossier) for dossier in dossiers}:
            return dossiers, kamerstuk["number"]
    return dossiers, None


def _dossier_key(dossier: str) -> str:
    """Compare dossier numbers as identifiers write them: `31 066` and `36600 VII` -> `31066`, `36600-vii`."""
    return re.sub(r"(?<=\d)\s+(?=\d)", "", dossier.strip()).replace(" ", "-").lower()


def permalink(page: str, anchor: str, site_url: str | None) -> str:
    """The address of an anchor on a page: absolute on the site (`https://…/antwoordbrief/#bbb-antwoord-7`),
    or, without the site's address, relative to the site's root (`eerste-kamer/…/antwoordbrief/#bbb-antwoord-7`)."""
    address = f"{page_url(page)}#{anchor}"
    return f"{site_url.strip().rstrip('/')}/{address}" if site_url and site_url.strip() else address
