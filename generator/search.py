"""Index the built site for search with Pagefind, after `mkdocs build` (issue 9).

Pagefind reads the built HTML and writes a chunked index into `site/pagefind/`: a browser fetches
`pagefind.js`, the index chunks holding the words it looks for, and one fragment per result shown,
never the whole index. The pages say `<html lang="nl">`, so Pagefind stems Dutch (a query for
`oplossingen` finds `oplossing`); numbers (`26643`) and words with digits (`M365`) are indexed as
written, and a word joined by `-` or `/` (`GroenLinks-PvdA`, `31066/26643`) is found by each part.
Every heading with an id becomes a sub-result, so a hit lands on its question or answer anchor.

Only what readers search is indexed: the letters (every page in a chamber's folder) and the pages
that explain the site and its terms (SITE_PAGES). The overview pages (home, timeline, dossiers,
people, parties, the months' lists, a term's uses, annotations) list letters by their titles and
quote their passages: indexed, a query's words would find each passage again on the lists that
quote it, as hits that do not land on the question or answer, and the index would grow with every
list. They are reached from the letters found (every letter page links its dossiers, people,
dates and terms).

Only the page's own content is indexed (`article.md-content__inner`): not the header, the
navigation, the table of contents or the footer; inside it, citations (marked
`data-search-exclude` by the renderer), the "Antwoord: …" / "Vraag: …" links between a question
and its answer, the status badges in headings, permalink signs and footnote back-links stay out.

Pagefind holds every page's words in memory until it writes its index, about seven bytes for each
byte of HTML of a letter page, so a large site is indexed in parts of at most PART_BYTES of HTML,
one Pagefind run each. The search script merges them in the browser (Pagefind's `mergeIndex`, which
shares the first part's WebAssembly): the first part's index is `pagefind/`, each other part's a
folder in it named after the first pages it holds (`pagefind/tweede-kamer-2019/`), and
`pagefind/delen.json` lists those folders.

Which part a page is in follows from the pages' addresses and sizes alone (not from earlier builds,
so a full index and a rebuild's agree), such that a rebuild re-indexes only the parts whose pages
changed (issue 9). The pages about the site are one part (the first, small and rarely
changed); each chamber's letters are parts of their own, made of whole years of letters
(`tweede-kamer/2019-…`) in date order, as many years as fit in PART_BYTES. A year is chosen over a
fixed number of parts or a hash of the address because letters arrive in date order: new letters
fall in the chamber's last year, so they change its last part only, and a correction of a letter
changes the one part holding its year (unless it grows that part past PART_BYTES: then the
part's last year moves on, and the parts after it change too). Parts never span chambers, so letters added to one chamber
never move the years of another. A year that alone exceeds PART_BYTES is split into months (a month
into days, a day into pages) in the same way. Parts are filled as far as the bound allows, as each
part costs a query its own index chunks: measured at 1,000 letters, the phrase
`toen geen externe adviseurs` fetched 192 KB with one part, 497 KB with six and 2 MB with one part
per chamber and year (26).

With a `state` file, the build remembers which pages (with their sizes and times, and their
SHA-256 when those changed) each part held and which files its index is; a part whose pages and
files are unchanged is not indexed again, and of a part indexed again only the files whose bytes
changed are written (Pagefind names the chunks and fragments by their content), so unchanged files
keep their modification times. Either way the files are those a full index writes.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from generator.errors import BuildFailed
from generator.model import EERSTE_KAMER, TWEEDE_KAMER
from generator.render.addresses import NO_CHAMBER, chamber_slug
from generator.write import write_files

BUNDLE = "pagefind"
"""The folder in the site that holds the index and `pagefind.js`."""

PARTS = "delen.json"
"""The list of the other parts' folders, relative to BUNDLE (empty when the site is one part)."""

CONTENT = "article.md-content__inner"
"""Material's element around a page's own content: the root of what is indexed."""

LEFT_OUT = ("[data-search-exclude]", ".kd-thread", ".kd-status", ".headerlink", ".footnote-backref")
"""Elements inside the content that are not the letter's words: citations, the links between a
question and its answer, status badges in headings, permalink signs (¶), footnote back-links (↩)."""

LETTER_FOLDERS = frozenset({chamber_slug(TWEEDE_KAMER), chamber_slug(EERSTE_KAMER), NO_CHAMBER})
"""The folders at the top of the site that hold the letters' pages: every page in them is indexed."""

SITE_PAGES = frozenset({"over/index.html", "citeren/index.html", "begrippen/index.html"})
"""The other pages indexed: about the site, how to cite, and the glossary's explanations."""

LINKS = ".pagefind-pages"
"""A folder in the site, for one run, of links to the pages Pagefind is to index (hidden: MkDocs
neither copies nor removes hidden files, and they are never indexed)."""

PART_BYTES = 100_000_000
"""At most this much HTML in one Pagefind run: measured, Pagefind took 706 MB for the 93 MB of
1,000 letter pages and 1.34 GB for 186 MB, so a part stays near 1 GB."""

OUTPUT = ".pagefind-part"
"""A folder in the site (hidden, as LINKS) where Pagefind writes one part's index before its files
that changed are moved into BUNDLE."""

STATE_VERSION = 1
"""Bumped when the state file's shape or the way pages are split into parts changes."""


@dataclass(frozen=True)
class Part:
    """One Pagefind run: the `folder` of its index (relative to BUNDLE, "" for the first part) and
    its pages (relative to the site), in address order."""

    folder: str
    pages: tuple[str, ...]


def index_site(site: Path, part_bytes: int = PART_BYTES, state: Path | None = None) -> tuple[str, ...]:
    """Index the HTML pages of the built `site` into `site/pagefind/` with the bundled Pagefind binary.

    Runs offline and writes the same files for the same pages. With a `state` file (kept between
    builds), only the parts whose pages or index files changed are indexed again; see the module's
    docstring. Returns the folders of the parts indexed. Fails with BuildFailed when Pagefind is
    missing, fails, or finds no page to index.
    """
    binary = _pagefind_binary()
    sizes = {page: (site / page).stat().st_size for page in _pages(site)}
    parts = split_into_parts(sizes, part_bytes) or [Part("", ())]  # no page: Pagefind says so
    fingerprint = _fingerprint(binary)
    known = _read_state(state, fingerprint)
    bundle = site / BUNDLE
    kept: dict[str, dict] = {}
    indexed = []
    for part in parts:
        pages = {page: _page_key(site / page, known.get(part.folder, {}).get("pages", {}).get(page)) for page in part.pages}
        previous = known.get(part.folder)
        if previous is not None and previous["pages"] == pages and _files_intact(bundle / part.folder, previous["files"]):
            kept[part.folder] = previous
            continue
        files = _index_part(binary, site, part)
        kept[part.folder] = {"pages": pages, "files": files}
        indexed.append(part.folder)
    others = [f"{part.folder}/" for part in parts[1:]]
    write_files({f"{BUNDLE}/{PARTS}": json.dumps(others) + "\n"}, site)
    _remove_other_files(bundle, {f"{folder}/{name}".lstrip("/") for folder, part in kept.items() for name in part["files"]} | {PARTS})
    _write_state(state, fingerprint, kept)
    return tuple(indexed)


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


def _pagefind_binary() -> Path:
    try:
        from pagefind_bin import get_executable

        return get_executable()
    except (ImportError, FileNotFoundError) as error:
        raise BuildFailed(f"pagefind: the Pagefind binary is missing ({error}); install the project again (pip install -e .)") from None


def _pages(site: Path) -> list[str]:
    """The site's pages to index, relative to the site, sorted: the letters' and SITE_PAGES."""
    pages = [page for page in SITE_PAGES if (site / page).is_file()]
    for folder in LETTER_FOLDERS:
        pages += (path.relative_to(site).as_posix() for path in (site / folder).rglob("*.html"))
    return sorted(pages)


def _index_part(binary: Path, site: Path, part: Part) -> dict[str, int]:
    """Index `part` with Pagefind and move the files of its index that changed into its folder;
    return the index's files (relative to the folder) with their sizes."""
    output = site / OUTPUT
    shutil.rmtree(output, ignore_errors=True)  # what an interrupted run left
    try:
        _run_pagefind(binary, site, [site / page for page in part.pages], output)
        target = site / BUNDLE / part.folder
        files = {}
        for path in sorted(path for path in output.rglob("*") if path.is_file()):
            relative = path.relative_to(output).as_posix()
            files[relative] = path.stat().st_size
            destination = target / relative
            if destination.is_file() and destination.stat().st_size == files[relative] and destination.read_bytes() == path.read_bytes():
                continue  # the same bytes: the file keeps its time
            destination.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, destination)
        return files
    finally:
        shutil.rmtree(output, ignore_errors=True)


def _files_intact(folder: Path, files: dict[str, int]) -> bool:
    """Whether each of a part's index `files` is in its `folder`, with its size."""
    try:
        return bool(files) and all((folder / name).stat().st_size == size for name, size in files.items())
    except OSError:
        return False


def _remove_other_files(bundle: Path, wanted: set[str]) -> None:
    """Remove every file in `bundle` that no part's index holds (a part gone, a chunk replaced), and
    the folders left empty."""
    for path in sorted(bundle.rglob("*"), reverse=True):
        if path.is_file() or path.is_symlink():
            if path.relative_to(bundle).as_posix() not in wanted:
                path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()


def _page_key(path: Path, known: list | None) -> list:
    """Size, modification time and SHA-256 of a page; the hash is computed again only when size or
    time differ from `known` (the site build rewrites only pages whose bytes changed)."""
    status = path.stat()
    if known is not None and [status.st_size, status.st_mtime_ns] == known[:2]:
        return known
    return [status.st_size, status.st_mtime_ns, hashlib.sha256(path.read_bytes()).hexdigest()]


def _fingerprint(binary: Path) -> str:
    """What every part's index depends on beside its pages: Pagefind, how it is run, how pages are split."""
    digest = hashlib.sha256(f"search state {STATE_VERSION}\n{CONTENT}\n{LEFT_OUT}\n".encode())
    digest.update(binary.read_bytes())
    return digest.hexdigest()


def _read_state(path: Path | None, fingerprint: str) -> dict[str, dict]:
    """The parts the previous build indexed, by folder (none without a state, or one of another
    fingerprint or shape: every part is indexed)."""
    if path is None:
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != STATE_VERSION or data.get("fingerprint") != fingerprint:
            return {}
        parts = data["parts"]
        if not all(isinstance(part["pages"], dict) and isinstance(part["files"], dict) for part in parts.values()):
            return {}
        return parts
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _write_state(path: Path | None, fingerprint: str, parts: dict[str, dict]) -> None:
    if path is None:
        return
    data = {"version": STATE_VERSION, "fingerprint": fingerprint, "parts": dict(sorted(parts.items()))}
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    os.replace(temporary, path)


def _run_pagefind(binary: Path, site: Path, pages: list[Path], output: Path) -> None:
    """Index `pages` of `site` into `output`: Pagefind reads them from a folder of links to them at
    their places in the site, so the addresses it gives them are their addresses in the site."""
    folder = site / LINKS
    shutil.rmtree(folder, ignore_errors=True)  # what an interrupted run left
    try:
        for page in pages:
            link = folder / page.relative_to(site)
            link.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(page, link)
            except OSError:  # no hard links here: copy
                shutil.copyfile(page, link)
        command = [str(binary), "--site", str(folder), "--output-path", str(output.resolve()), "--root-selector", CONTENT, "--quiet"]
        for selector in LEFT_OUT:
            command += ["--exclude-selectors", selector]
        finished = subprocess.run(command, capture_output=True, text=True, check=False)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    said = (finished.stderr or finished.stdout).strip()
    if finished.returncode != 0:
        raise BuildFailed(f"pagefind: indexing {site} failed (exit status {finished.returncode}): {said}")
    if not any((output / "fragment").glob("*.pf_fragment")):
        raise BuildFailed(f"pagefind: no page of {site} was indexed: {said}")
