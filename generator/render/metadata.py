"""List what a letter or record is under Dutch labels, as a page's metadata list shows it.

Every value is escaped (`escape_line`); an official publication's identifier links to it, and a
record's source address is a link when it is a web address:

    >>> identifiers_text(("ah-tk-20232024-2313", None, "ah-tk-20232024-2313"))
    '[ah-tk-20232024-2313](https://zoek.officielebekendmakingen.nl/ah-tk-20232024-2313.html)'
"""

from __future__ import annotations

from generator.model import OFFICIAL_IDENTIFIER_PREFIXES, OFFICIAL_PUBLICATION_URL, Letter, Member, Record
from generator.render.addresses import relative_link
from generator.render.context import RenderContext
from generator.render.escape import escape_line, safe_url
from generator.render.labels import capitalized, dutch_date, letter_kind_label, record_kind_label


def record_title(record: Record) -> str:
    """Title a record by its own title, or by its kind when it has none."""
    return record.title.strip() or capitalized(record_kind_label(record.kind))


def open_data_metadata(page: str, context: RenderContext) -> list[tuple[str, str]]:
    """Link the page's letter data (JSON beside the page) and the corpus CSV, when rendered."""
    if not context.open_data:
        return []
    json_link = relative_link(page, page.removesuffix(".md") + ".json")
    csv_link = relative_link(page, "data/vragen-en-antwoorden.csv")
    return [("Open data", f"[JSON]({json_link}), [alle vragen en antwoorden (CSV)]({csv_link})")]


def letter_metadata(
    record: Record, letter: Letter, identifiers: tuple[str | None, ...]
) -> list[tuple[str, str]]:
    """List a letter's metadata under Dutch labels, values escaped; `identifiers` as Kenmerken."""
    return [
        ("Kamer", escape_line(letter.chamber or record.chamber)),
        ("Soort", letter_kind_label(letter.kind)),
        ("Datum", dutch_date(letter.sent_on) if letter.sent_on else ""),  # only a date the letter prints
        ("Ontvangen", dutch_date(letter.received_on) if letter.received_on else ""),
        ("Afzender", "" if _repeats_askers(letter) else escape_line(letter.sender or "")),
        ("Geadresseerde", escape_line(letter.addressee or "")),
        ("Onderwerp", escape_line(letter.subject or "")),
        ("Vragenstellers", ", ".join(_member(member) for member in letter.askers)),
        ("Kenmerken", identifiers_text(identifiers)),
    ]


def _repeats_askers(letter: Letter) -> bool:
    """Whether the sender only names the askers again (`Kathmann (GroenLinks-PvdA), Six Dijkstra
    (Nieuw Sociaal Contract)`): they are listed once, as Vragenstellers."""
    named = ", ".join(f"{m.name} ({m.party})" if m.party else m.name for m in letter.askers)
    return bool(letter.askers) and " ".join((letter.sender or "").split()) == " ".join(named.split())


def identifiers_text(identifiers: tuple[str | None, ...]) -> str:
    """List identifiers once each, in order, escaped; an official publication's identifier
    (`ah-tk-20232024-2313`) links to the publication."""
    return ", ".join(_identifier(identifier) for identifier in dict.fromkeys(filter(None, identifiers)))


def _identifier(identifier: str) -> str:
    shown = escape_line(identifier)
    if not identifier.startswith(OFFICIAL_IDENTIFIER_PREFIXES):
        return shown
    url = safe_url(OFFICIAL_PUBLICATION_URL.format(identifier=identifier))  # safe_url encodes what must be
    return f"[{shown}]({url})" if url else shown


def source_metadata(record: Record, dossiers: str | None = None) -> list[tuple[str, str]]:
    """List where a record comes from: its dossiers (`dossiers` as Markdown, or else the sidecar's
    numbers as text) and its source (a link when it is a web address)."""
    url = safe_url(record.source_url)
    shown = escape_line(record.source_url or "")
    return [
        ("Dossiers", dossiers if dossiers is not None else ", ".join(escape_line(d) for d in record.dossiers)),
        ("Bron", f"[{shown}]({url})" if url else shown),
    ]


def _member(member: Member) -> str:
    party = f" ({escape_line(member.party)})" if member.party else ""
    return f"{escape_line(member.name)}{party}"
