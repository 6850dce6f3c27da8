"""Where every page and every question and answer lives: the URL and anchor scheme.

Addresses come from numbering and metadata (chamber, date, kind, party, number), never from the
wording of a letter, so they survive re-parsing::

    eerste-kamer/2026-02-12/antwoordbrief.md          a letter page
    eerste-kamer/2026-02-12/verslag-schriftelijk-overleg.md   a record with several letters
    #bbb-vraag-7  #bbb-antwoord-7  #vraag-3  #antwoord-3       questions and answers
    #fn:3                                               footnote 3 as printed

These addresses are promised to readers as permanent (docs/citeren.md): change them only with care.
"""

from __future__ import annotations

import datetime
import functools
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import PurePosixPath

from generator.errors import SourceError
from generator.model import COVER_NOTE, Corpus, Letter, LetterKey, Record, Target

UNDATED = "zonder-datum"
"""The date folder of a page whose letter and record carry no date."""

QUESTION = "vraag"
ANSWER = "antwoord"

_NOT_ALPHANUMERIC = re.compile(r"[^a-z0-9]+")


def slugify(text: str) -> str:
    """Turn text into a slug: lowercase ASCII, each run of other characters one `-`.

    `GroenLinks-PvdA` -> `groenlinks-pvda`; `Financiën` -> `financien`; `50PLUS` -> `50plus`.
    """
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NOT_ALPHANUMERIC.sub("-", ascii_text.lower()).strip("-")


def chamber_slug(chamber: str) -> str:
    """Name the folder of a chamber: `Eerste Kamer` -> `eerste-kamer`."""
    return slugify(chamber)


def question_anchor(party: str | None, number: int) -> str:
    """Name the anchor of question `number`: `vraag-3`, or `bbb-vraag-7` where a party asks."""
    return _anchor(QUESTION, party, number)


def answer_anchor(party: str | None, number: int) -> str:
    """Name the anchor of the answer to question `number`: `antwoord-3`, `bbb-antwoord-7`."""
    return _anchor(ANSWER, party, number)


def target_anchor(target: Target) -> str | None:
    """Name the anchor of a linked question or answer; None for a role the scheme does not know."""
    if target.role == QUESTION:
        return question_anchor(target.party, target.number)
    if target.role == ANSWER:
        return answer_anchor(target.party, target.number)
    return None


def _anchor(role: str, party: str | None, number: int) -> str:
    party_part = _party_slug(party) if party else ""
    return f"{party_part}-{role}-{number}" if party_part else f"{role}-{number}"


@functools.lru_cache(maxsize=1024)
def _party_slug(party: str) -> str:
    """`slugify(party)`, kept: a corpus names a few dozen parties in tens of anchors a page."""
    return slugify(party)


def page_url(page: str) -> str:
    """Give the URL (relative to the site root) MkDocs serves a page at.

    `eerste-kamer/2026-02-12/antwoordbrief.md` -> `eerste-kamer/2026-02-12/antwoordbrief/`;
    `index.md` -> `` (the site root).
    """
    stem = page.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("/index") + "/"


def relative_link(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """Write a MkDocs link from one page's source file to another (relative `.md` path).

    `relative_link("eerste-kamer/2026-02-12/antwoordbrief.md",
    "eerste-kamer/2025-12-02/commissiebrief.md", "bbb-vraag-7")`
    -> `../2025-12-02/commissiebrief.md#bbb-vraag-7`; a link within one page is `#anchor`.

    Both pages are clean docs-relative POSIX paths (no `.`, `..`, empty or absolute parts), as
    every page path is: the link is found from the folders they share, as `posixpath.relpath`
    would find it, without its normalising (which cost more than the rest of rendering a link).
    """
    fragment = f"#{anchor}" if anchor else ""
    if from_page == to_page and fragment:
        return fragment
    folders = from_page.split("/")[:-1]
    target = to_page.split("/")
    shared = 0
    for folder, part in zip(folders, target):
        if folder != part:
            break
        shared += 1
    return ("/".join([".."] * (len(folders) - shared) + target[shared:]) or ".") + fragment


def letter_date(record: Record, letter: Letter) -> datetime.date | None:
    """Date a letter by its own date, or else by its record's own date (a cover note that prints
    none is not dated by the record's newest letter)."""
    return letter.sent_on or record.date


def record_date(record: Record) -> datetime.date | None:
    """Date a record by its own date, or else by the newest of its letters' dates (where it is
    sorted and filed: its page's address, `eerste-kamer/2026-02-12/verslag-schriftelijk-overleg/`)."""
    if record.date is not None:
        return record.date
    return max((letter.sent_on for letter in record.letters if letter.sent_on), default=None)


def letter_dates(record: Record) -> tuple[datetime.date, ...]:
    """The dates of a record's letters, once each, oldest first: what a record without a date of its own is listed by."""
    return tuple(sorted({letter.sent_on for letter in record.letters if letter.sent_on}))


def has_record_page(record: Record) -> bool:
    """Tell whether a record gets a page of its own: only when it holds more than one letter."""
    return len(record.letters) > 1


def cover_note(record: Record) -> Letter | None:
    """Find the letter a record page shows in full: the first cover note of a multi-letter record."""
    if not has_record_page(record):
        return None
    return next((letter for letter in record.letters if letter.kind == COVER_NOTE), None)


@dataclass(frozen=True)
class Addresses:
    """The page of every letter and of every record that has a page of its own.

    `letters` maps every letter to the page that shows it (a cover note shown on its record page
    maps to that page); `records` maps a multi-letter record's path to its record page. `shared`
    maps a plain path that several pages wanted (and so none got) to those pages' owners, as
    (record path, letter index), index -1 for a record page: that path gets a page pointing to them.
    """

    letters: dict[LetterKey, str]
    records: dict[str, str]
    shared: dict[str, tuple[tuple[str, int], ...]] = field(default_factory=dict)

    def record_page(self, record: Record) -> str | None:
        """The record page of `record`, or None when its single letter's page stands for it."""
        return self.records.get(record.path)

    def letter_page(self, key: LetterKey) -> str | None:
        """The page that shows the letter `key`, or None when no such letter is in the corpus."""
        return self.letters.get(key)


@dataclass(frozen=True)
class _Claim:
    """One page wanted at `folder/stem.md`, with what can tell it apart from others there."""

    folder: str
    stem: str
    owner: tuple[str, int]  # (record path, letter index or -1 for the record page)
    record: Record
    letter: Letter | None  # None: the record's page

    @cached_property
    def distinctions(self) -> tuple[str, ...]:
        """The slugs added in turn while paths still collide (made for a claim that collides)."""
        record, letter = self.record, self.letter
        file = PurePosixPath(record.path)
        if letter is None:
            return (slugify(record.identifier or ""), _file_slug(file), "verslag", _file_hash(file))
        first = slugify(record.identifier or "") or _shortened(slugify(letter.sender or ""))
        return (first, _file_slug(file), f"brief-{letter.index + 1}", _file_hash(file))


def assign_addresses(corpus: Corpus) -> Addresses:
    """Give every letter and every multi-letter record its page path, all of them distinct.

    A letter's page is `{chamber}/{date}/{kind}.md`, a record's `{chamber}/{date}/{record kind}.md`.
    Pages that would share a path are told apart by a slug of the record's identifier (or else
    the letter's sender), then of the record's file name, then the letter's place in its record,
    and last by a short hash of the exact file name (`Vragen.txt` and `vragen.txt` slug alike, but
    hash apart): never by the order of the files. The plain path they all wanted is kept in
    `shared`, so an address cited before the second page arrived still leads to both.

    Raises `AddressConflict`, naming both files, should two pages still want one path (the same
    file twice in the corpus, or file names whose hashes coincide).
    """
    claims: list[_Claim] = []
    for record in corpus.records:
        shown_on_record_page = cover_note(record)
        if has_record_page(record):
            claims.append(_record_claim(record))
        for letter in record.letters:
            if letter is not shown_on_record_page:
                claims.append(_letter_claim(record, letter))
    paths = _distinct_paths(claims)
    wanted: dict[str, list[tuple[str, int]]] = {}
    for claim in claims:
        wanted.setdefault(_path(claim, 0), []).append(claim.owner)
    held = set(paths.values())
    shared = {path: tuple(sorted(owners)) for path, owners in wanted.items() if len(owners) > 1 and path not in held}
    records: dict[str, str] = {}
    letters: dict[LetterKey, str] = {}
    for record in corpus.records:
        record_page = paths.get((record.path, -1))
        if record_page is not None:
            records[record.path] = record_page
        for letter in record.letters:
            page = paths.get((record.path, letter.index), record_page)
            if page is not None:
                letters[LetterKey(record.path, letter.index)] = page
    return Addresses(letters, records, dict(sorted(shared.items())))


NO_CHAMBER = "kamer"
"""The folder of the letters whose chamber is not known."""


def _folder(chamber: str, date: datetime.date | None) -> str:
    return f"{chamber_slug(chamber) or NO_CHAMBER}/{date.isoformat() if date else UNDATED}"


def _file_slug(file: PurePosixPath) -> str:
    return slugify(file.stem)


FILE_HASH_LENGTH = 8
"""Hex digits of the file name's hash that tell apart files whose names slug alike."""


def _file_hash(file: PurePosixPath) -> str:
    """`seeds/Vragen.txt` -> 8 hex digits of the SHA-256 of `Vragen.txt`: stable, and differs where slugs do not."""
    return hashlib.sha256(file.name.encode("utf-8", "surrogatepass")).hexdigest()[:FILE_HASH_LENGTH]


class AddressConflict(SourceError):
    """Two pages would get one address and nothing tells them apart."""


def _refuse_shared_path(path: str, claims: list[_Claim]) -> None:
    """Fail naming both files when two claims still want one path (the same file twice; hashes that coincide)."""
    (first, _), (second, _) = sorted(claim.owner for claim in claims)[:2]
    raise AddressConflict(second, 1, f"would get the same address as {first}, and nothing tells them apart", path)


def _record_claim(record: Record) -> _Claim:
    return _Claim(_folder(record.chamber, record_date(record)), slugify(record.kind) or "record", (record.path, -1), record, None)


def _letter_claim(record: Record, letter: Letter) -> _Claim:
    return _Claim(
        _folder(letter.chamber or record.chamber, letter_date(record, letter)),
        slugify(letter.kind) or "brief",
        (record.path, letter.index),
        record,
        letter,
    )


SENDER_SLUG_LIMIT = 40
"""A sender is a long name (`de-staatssecretaris-van-financien-fiscaliteit-...`): keep its first words."""


def _shortened(slug: str) -> str:
    """Cut a slug to at most `SENDER_SLUG_LIMIT` characters, at a word boundary where there is one."""
    if len(slug) <= SENDER_SLUG_LIMIT:
        return slug
    cut = slug[: SENDER_SLUG_LIMIT + 1].rsplit("-", 1)[0]
    return cut if cut and len(cut) <= SENDER_SLUG_LIMIT else slug[:SENDER_SLUG_LIMIT].rstrip("-")


def _distinct_paths(claims: list[_Claim]) -> dict[tuple[str, int], str]:
    """Resolve collisions by adding the next distinction to every claim in one, until none collide."""
    depth = {claim.owner: 0 for claim in claims}
    while True:
        holders: dict[str, list[_Claim]] = {}
        for claim in claims:
            holders.setdefault(_path(claim, depth[claim.owner]), []).append(claim)
        deepened = False
        for colliding in (group for group in holders.values() if len(group) > 1):
            for claim in colliding:
                if depth[claim.owner] < len(claim.distinctions):
                    depth[claim.owner] += 1
                    deepened = True
        if not deepened:  # no collision left, or one nothing tells apart
            for path, group in holders.items():
                if len(group) > 1:
                    _refuse_shared_path(path, group)
            return {claim.owner: path for path, group in holders.items() for claim in group}


def _path(claim: _Claim, depth: int) -> str:
    if not depth:
        return f"{claim.folder}/{claim.stem}.md"
    parts = [part for part in claim.distinctions[:depth] if part]
    return f"{claim.folder}/{'-'.join([claim.stem, *parts])}.md"
