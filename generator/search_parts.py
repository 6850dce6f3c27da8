"""Which part of the search index a page is in, and which pages a rebuild indexes again with a
changed one (issue 9): pure functions of the pages' addresses and sizes. generator/search.py's
docstring says why parts are made of whole years of one chamber's letters, and why a changed
page is indexed again with its block.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import EERSTE_KAMER, TWEEDE_KAMER
from generator.render.addresses import NO_CHAMBER, chamber_slug

LETTER_FOLDERS = frozenset({chamber_slug(TWEEDE_KAMER), chamber_slug(EERSTE_KAMER), NO_CHAMBER})
"""The folders at the top of the site that hold the letters' pages: every page in them is indexed."""

BLOCK_BYTES = 4_000_000
"""About this much HTML around a changed page is indexed again with it, in the part of changes
(about 150 letter pages, a second of Pagefind): enough pages that Pagefind weighs the changed
page's words as its own part would."""


@dataclass(frozen=True)
class Part:
    """One Pagefind run: the `folder` of its index (relative to BUNDLE, "" for the first part) and
    its pages (relative to the site), in address order."""

    folder: str
    pages: tuple[str, ...]


def split_into_parts(sizes: dict[str, int], part_bytes: int) -> list[Part]:
    """Split the pages to index (their bytes of HTML by their path in the site) into parts: first the
    pages outside the letters' folders, then each letters' folder's pages, by year, in as few parts
    of at most `part_bytes` as whole years allow (a year too large by month, a month by day, a day
    by page). The first part's folder is "", each other's is named after its first year (or month,
    day, page)."""
    groups: dict[str, list[str]] = {}
    for page in sorted(sizes):
        top = page.split("/", 1)[0]
        groups.setdefault(top if top in LETTER_FOLDERS else "", []).append(page)
    parts: list[tuple[str, list[str]]] = []
    for group, pages in sorted(groups.items()):
        if not group:
            parts.append(("", pages))
            continue
        filled = 0
        for unit, unit_pages in _units(pages, sizes, part_bytes, 1):
            unit_bytes = sum(sizes[page] for page in unit_pages)
            if not filled or filled + unit_bytes > part_bytes:
                parts.append((unit, []))
                filled = 0
            parts[-1][1].extend(unit_pages)
            filled += unit_bytes
    folders = [""] + [_folder_name(unit) for unit, _ in parts[1:]]
    return [Part(folder, tuple(pages)) for folder, (_, pages) in zip(folders, parts)]


UNIT_ENDS = (4, 7, 10)
"""Where a letter's date folder (`2019-03-14`) is cut for its unit: year, month, day."""


def _units(pages: list[str], sizes: dict[str, int], part_bytes: int, depth: int) -> list[tuple[str, list[str]]]:
    """The `pages` of one letters' folder (sorted) by year, `<chamber>/2019`; a unit larger than
    `part_bytes` by month, then day, then page. A folder not named by a date (`zonder-datum`) is a
    unit of its own."""
    units: dict[str, list[str]] = {}
    for page in pages:
        steps = page.split("/")
        if depth > len(UNIT_ENDS):
            unit = page.removesuffix("/index.html")
        elif len(steps) > 2 and steps[1][:4].isdigit():
            unit = f"{steps[0]}/{steps[1][:UNIT_ENDS[depth - 1]]}"
        else:
            unit = "/".join(steps[:2])
        units.setdefault(unit, []).append(page)
    found = []
    for unit, unit_pages in units.items():
        if len(unit_pages) > 1 and depth <= len(UNIT_ENDS) and sum(sizes[page] for page in unit_pages) > part_bytes:
            found += _units(unit_pages, sizes, part_bytes, depth + 1)
        else:
            found.append((unit, unit_pages))
    return found


def _folder_name(unit: str) -> str:
    """The folder of a part in BUNDLE, after its first unit: `tweede-kamer/2019` -> `tweede-kamer-2019`."""
    return "".join(character if character.isalnum() else "-" for character in unit.removesuffix(".html"))


def changed_blocks(part: Part, sizes: dict[str, int], changed: list[str]) -> list[str]:
    """The pages of `part` in the blocks (runs of pages in address order of about BLOCK_BYTES of
    HTML) that hold a page of `changed` (changed, or new to the part): they are indexed again
    together, so that Pagefind ranks a changed page among enough others (its weights depend on how
    many pages of a part hold a word)."""
    wanted = set(changed)
    found: list[str] = []
    block: list[str] = []
    filled = 0
    for page in part.pages:
        block.append(page)
        filled += sizes[page]
        if filled >= BLOCK_BYTES or page == part.pages[-1]:
            if wanted.intersection(block):
                found += block
            block, filled = [], 0
    return found
