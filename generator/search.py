"""Index the built site for search with Pagefind, after `mkdocs build` (issue 9).

Pagefind reads the built HTML and writes a chunked index into `site/pagefind/`: a browser fetches
`pagefind.js`, the index chunks holding the words it looks for, and one fragment per result shown,
never the whole index. The pages say `<html lang="nl">`, so Pagefind stems Dutch (a query for
`oplossingen` finds `oplossing`); numbers (`26643`) and words with digits (`M365`) are indexed as
written, and a word joined by `-` or `/` (`GroenLinks-PvdA`, `31066/26643`) is found by each part.
Every heading with an id becomes a sub-result, so a hit lands on its question or answer anchor.

Only what readers search is indexed: the letters (every page in a chamber's folder but the lists
of the letters citing one) and the pages that explain the site and its terms (SITE_PAGES). The
overview pages (home, timeline, dossiers, people, parties, the months' lists, a term's uses,
annotations, the letters citing a letter) list letters by their titles and
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
one Pagefind run each, WORKERS of them at a time (a run works on one core). The search script
merges them in the browser (Pagefind's `mergeIndex`, which shares the first part's WebAssembly):
the first part's index is `pagefind/`, each other part's a folder in it named after the first
pages it holds (`pagefind/tweede-kamer-2019/`), and `pagefind/delen.json` lists those folders.

Which part a page is in follows from the pages' addresses and sizes alone (not from earlier builds).
The pages about the site are one part (the first, small and rarely changed); each chamber's
letters are parts of their own, made of whole years of letters (`tweede-kamer/2019-…`) in date
order, as many years as fit in PART_BYTES. A year is chosen over a fixed number of parts or a hash
of the address because letters arrive in date order: new letters fall in the chamber's last year,
so they change its last part only. Parts never span chambers, so letters added to one chamber
never move the years of another. A year that alone exceeds PART_BYTES is split into months (a month
into days, a day into pages) in the same way. Parts are filled as far as the bound allows, as each
part costs a query its own metadata and the chunks holding the query's words; a part's word index
is cut into small chunks (CHUNK_LOCATIONS), so that a rare word costs a few KB of each part.

A build without a `state` indexes every part, and the same pages give the same files. With a `state`
file, the build remembers which pages (with their sizes and times, and their SHA-256 when those
changed) each part's index holds, which files it is, and which fragment (the id a search result
carries) is each page's. A rebuild (issue 9):

- keeps a part whose pages are unchanged;
- indexes the pages changed or added since a part was indexed again, each with its block (the run
  of pages around it of about search_parts.BLOCK_BYTES of HTML, so that Pagefind weighs its words
  among enough pages), into one more part, the part of changes (`pagefind/wijzigingen/`, listed
  last), and lists the old fragments of those pages, and of pages gone, as `hidden` in
  `delen.json`; the search script leaves hidden fragments out. The part of changes keeps
  `index.html` at the end of its addresses (`--keep-index-url`, which the search script takes off
  again), so that a page indexed again unchanged has a fragment (named by its content) other than
  its hidden one. A search thus finds each page as it is now, as in a full index, while a rebuild
  indexes a few hundred pages, not a part of thousands. (Fragments are named by 7 hex digits,
  unique within one run: an old fragment named as one shown in another part is not hidden; its
  part is indexed again instead.)
- indexes a part itself again once its changes (blocks, and pages gone from it or moved to the
  next part with their year) exceed OVERLAY_SHARE of PART_BYTES; its pages leave the part of
  changes.

Of a part indexed again only the files whose bytes changed are written (Pagefind names chunks and
fragments by their content), so unchanged files keep their modification times. A rebuild's index
files thus differ from a full build's (the part of changes), but not what a search finds.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import subprocess
import zlib
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import unquote

from generator.cache import file_key, file_status, scan_folder, write_json
from generator.errors import BuildFailed
from generator.render.cited import CITED_IN_FOLDER
from generator.search_parts import LETTER_FOLDERS, Part, changed_blocks, split_into_parts
from generator.write import write_files

BUNDLE = "pagefind"
"""The folder in the site that holds the index and `pagefind.js`."""

PARTS = "delen.json"
"""What the search script merges, relative to BUNDLE: `parts`, the other parts' folders (none when
the site is one part; the part of changes last), and `hidden`, the ids of the fragments that the
part of changes replaces."""

CONTENT = "article.md-content__inner"
"""Material's element around a page's own content: the root of what is indexed."""

LEFT_OUT = ("[data-search-exclude]", ".kd-thread", ".kd-status", ".headerlink", ".footnote-backref")
"""Elements inside the content that are not the letter's words: citations, the links between a
question and its answer, status badges in headings, permalink signs (¶), footnote back-links (↩)."""

SITE_PAGES = frozenset({"over/index.html", "citeren/index.html", "begrippen/index.html"})
"""The other pages indexed: about the site, how to cite, and the glossary's explanations."""
_CITED_IN_LIST = f"/{CITED_IN_FOLDER}/"
"""In a chamber's folder, what the address of a page listing the letters that cite a letter holds
(`generator.render.cited.render_cited_in`): a list of letters, not a letter, so not indexed."""

LINKS = ".pagefind-pages"
"""A folder in the site, for one run, of links to the pages Pagefind is to index (hidden: MkDocs
neither copies nor removes hidden files, and they are never indexed)."""

PART_BYTES = 60_000_000
"""At most this much HTML in one Pagefind run: measured, Pagefind took 706 MB for the 93 MB of
1,000 letter pages, 1.34 GB for 186 MB, and 866 MB for a part of 3,000 letters' pages near 100 MB,
so two runs at once (WORKERS) stay near 1 GB together."""

OUTPUT = ".pagefind-part"
"""A folder in the site (hidden, as LINKS) where Pagefind writes one part's index before its files
that changed are moved into BUNDLE."""

CHUNK_LOCATIONS = 2000
"""How many word locations one chunk of a part's word index holds, set through Pagefind's
`PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE` (its default is 20,000; Pagefind 1.5.2, pinned, reads it). A
query fetches, for each of its words and each part, the chunk holding the word: with the default a
rare word cost about 26 KB of every part, so each part added about 88 KB to a four-word query at
10,000 letters. With smaller chunks a rare word costs a few KB; the price is a longer list of
chunks in each part's metadata (about 12 bytes a chunk), which every query fetches too."""

OVERLAY = "wijzigingen"
"""The folder (in BUNDLE) of the part of changes: the blocks of pages changed since their own part
was indexed (a rebuild with a state only)."""

OVERLAY_SHARE = 0.2
"""A part whose changed blocks (and pages gone) exceed this share of PART_BYTES is indexed again
itself, and its changes leave the part of changes."""

WORKERS = min(2, os.cpu_count() or 1)
"""Pagefind runs at once (each works on one core and holds up to about 0.5 GB, PART_BYTES)."""

UI_FILES = frozenset({
    "pagefind-ui.js", "pagefind-ui.css", "pagefind-modular-ui.js", "pagefind-modular-ui.css",
    "pagefind-component-ui.js", "pagefind-component-ui.css", "pagefind-highlight.js",
})
"""Files Pagefind writes beside every part's index for its own search interfaces and its
highlighting script. The site's search box is Material's, driven by our script through
`pagefind.js` (docs/javascripts/zoeken.js), and Material highlights the words found: these are
never loaded, so they are left out of the site (4.2 MB at 10,000 letters, 0.6 MB in every part)."""

STATE_VERSION = 3
"""Bumped when the state file's shape or the way pages are split into parts changes."""


def index_site(site: Path, part_bytes: int = PART_BYTES, state: Path | None = None) -> tuple[str, ...]:
    """Index the HTML pages of the built `site` into `site/pagefind/` with the bundled Pagefind binary.

    Runs offline; without a `state` it indexes every part and writes the same files for the same
    pages. With a `state` file (kept between builds), a part whose pages are unchanged is kept, and
    the pages changed since a part was indexed are indexed again in blocks, into the part of changes
    (OVERLAY), as long as they are few; see the module's docstring. Returns the folders of the parts
    indexed. Fails with BuildFailed when Pagefind is missing, fails, or finds no page to index.
    """
    binary = _pagefind_binary()
    statuses = _pages(site)
    sizes = {page: size for page, (size, _) in statuses.items()}
    parts = split_into_parts(sizes, part_bytes) or [Part("", ())]  # no page: Pagefind says so
    fingerprint = _fingerprint(binary)
    known = _read_state(state, fingerprint)
    bundle = site / BUNDLE
    kept: dict[str, dict] = {}
    keys: dict[str, list] = {}
    to_index: list[Part] = []
    changes: list[str] = []  # pages indexed again in the part of changes
    hidden: dict[str, set[str]] = {}  # by part kept: the pages whose fragments changes replace
    for part in parts:
        previous = known.get(part.folder)
        indexed = previous["pages"] if previous is not None and _files_intact(bundle / part.folder, previous["files"]) else None
        for page in part.pages:
            keys[page] = file_key(os.path.join(site, page), (indexed or {}).get(page), statuses[page])
        if indexed is None:
            to_index.append(part)
            continue
        changed = [page for page in part.pages if not _same_key(keys[page], indexed.get(page))]  # or new
        if not changed and indexed.keys() == set(part.pages):  # the same pages, the same bytes
            kept[part.folder] = previous
            continue
        here = set(part.pages)
        stale = [page for page, key in indexed.items() if page not in here or not _same_key(keys[page], key)]
        blocks = changed_blocks(part, sizes, changed)
        left = sum(indexed[page][0] for page in stale if page not in here)  # gone, or moved to another part
        if sum(sizes[page] for page in blocks) + left > part_bytes * OVERLAY_SHARE:
            to_index.append(part)  # too many changes: the part itself is indexed again
            continue
        kept[part.folder] = previous
        changes += blocks
        hidden[part.folder] = {page for page in [*blocks, *stale] if page in previous["ids"]}
    overlay = Part(OVERLAY, tuple(sorted(changes)))
    if overlay.pages:
        previous = known.get(OVERLAY)
        if (
            previous is not None
            and previous["pages"].keys() == set(overlay.pages)
            and all(_same_key(keys[page], key) for page, key in previous["pages"].items())
            and _files_intact(bundle / OVERLAY, previous["files"])
        ):
            kept[OVERLAY] = previous
        else:
            to_index.append(overlay)
    links = None if state is None else state.with_name(f"{state.stem}.pages")
    for part, (files, ids) in zip(to_index, _index_parts(binary, site, to_index, links)):
        kept[part.folder] = {"pages": {page: keys[page] for page in part.pages}, "files": files, "ids": ids}
    folders = [f"{part.folder}/" for part in parts[1:]] + ([f"{OVERLAY}/"] if overlay.pages else [])
    hidden_ids = {kept[folder]["ids"][page]: folder for folder, pages in hidden.items() for page in pages}
    shown_ids = {fragment for folder, part in kept.items() for page, fragment in part["ids"].items() if page not in hidden.get(folder, ())}
    clashing = {hidden_ids[fragment] for fragment in hidden_ids.keys() & shown_ids}
    if clashing:  # an old fragment named as one shown (7 hex digits: rare): index its part again
        _write_state(state, fingerprint, {folder: part for folder, part in kept.items() if folder not in clashing})
        return tuple(part.folder for part in to_index) + index_site(site, part_bytes, state)
    listing = {"parts": folders, "hidden": sorted(hidden_ids)}
    write_files({f"{BUNDLE}/{PARTS}": json.dumps(listing) + "\n"}, site)
    _remove_other_files(bundle, {f"{folder}/{name}".lstrip("/") for folder, part in kept.items() for name in part["files"]} | {PARTS})
    _write_state(state, fingerprint, kept)
    return tuple(part.folder for part in to_index)


def _same_key(key: tuple | None, other: list) -> bool:
    """Whether two page keys (size, time, SHA-256) are of the same bytes."""
    return key is not None and key[0] == other[0] and key[2] == other[2]


def _pagefind_binary() -> Path:
    try:
        from pagefind_bin import get_executable

        return get_executable()
    except (ImportError, FileNotFoundError) as error:
        raise BuildFailed(f"pagefind: the Pagefind binary is missing ({error}); install the project again (pip install -e .)") from None


def _pages(site: Path) -> dict[str, tuple[int, int]]:
    """The site's pages to index, relative to the site, sorted, with their sizes and times: the
    letters' and SITE_PAGES."""
    found = {}
    for page in SITE_PAGES:
        if (status := file_status(os.path.join(site, page))) is not None:
            found[page] = status
    for top in LETTER_FOLDERS:
        if os.path.isdir(os.path.join(site, top)):
            found.update(scan_folder(os.path.join(site, top), f"{top}/", ".html"))
    return {page: status for page, status in sorted(found.items()) if _CITED_IN_LIST not in page}


def _index_parts(binary: Path, site: Path, parts: list[Part], links: Path | None) -> list[tuple[dict[str, int], dict[str, str]]]:
    """Index `parts`, WORKERS Pagefind runs at a time (Pagefind works on one core); for each, the
    files of its index and the fragment id of each page (see _index_part)."""
    if len(parts) < 2 or WORKERS < 2:
        return [_index_part(binary, site, part, 0, links) for part in parts]
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        return list(pool.map(lambda numbered: _index_part(binary, site, numbered[1], numbered[0], links), enumerate(parts)))


def _index_part(binary: Path, site: Path, part: Part, number: int, links: Path | None) -> tuple[dict[str, int], dict[str, str]]:
    """Index `part` with Pagefind (its run `number`: its temporary folders are its own) and move the
    files of its index that changed into its folder; return the index's files (relative to the
    folder) with their sizes, and the id of each page's fragment (the name Pagefind gave it, which
    the search results carry). `links`: the folder that keeps each part's links to its pages
    between builds (None: they are made in the site for this run only)."""
    output = site / f"{OUTPUT}-{number}"
    shutil.rmtree(output, ignore_errors=True)  # what an interrupted run left
    kept = None if links is None else links / (part.folder or "_")
    try:
        _run_pagefind(binary, site, list(part.pages), output, number, keep_index_url=part.folder == OVERLAY, links=kept)
        target = site / BUNDLE / part.folder
        files = {}
        ids = {}
        for path in sorted(path for path in output.rglob("*") if path.is_file()):
            relative = path.relative_to(output).as_posix()
            if relative in UI_FILES:
                continue
            files[relative] = path.stat().st_size
            if path.suffix == ".pf_fragment":
                ids[_fragment_page(path)] = path.stem
            destination = target / relative
            if destination.is_file() and destination.stat().st_size == files[relative] and destination.read_bytes() == path.read_bytes():
                continue  # the same bytes: the file keeps its time
            destination.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, destination)
        return files, dict(sorted(ids.items()))
    finally:
        shutil.rmtree(output, ignore_errors=True)


FRAGMENT_HEAD = b"pagefind_dcd"
"""What a fragment's bytes start with once unzipped; then JSON that begins with the page's `url`."""


def _fragment_page(path: Path) -> str:
    """The page (relative to the site) a Pagefind fragment is of, from the `url` at its start."""
    head = zlib.decompressobj(wbits=31).decompress(path.read_bytes(), 4096)
    data = head.removeprefix(FRAGMENT_HEAD)
    url = json.JSONDecoder().raw_decode(data.decode("utf-8", errors="replace").removeprefix('{"url":'))[0]
    return unquote(url).lstrip("/") + ("index.html" if url.endswith("/") else "")


def _files_intact(folder: Path, files: dict[str, int]) -> bool:
    """Whether each of a part's index `files` is in its `folder`, with its size."""
    try:
        return bool(files) and all(os.stat(os.path.join(folder, name)).st_size == size for name, size in files.items())
    except OSError:
        return False


def _remove_other_files(bundle: Path, wanted: set[str]) -> None:
    """Remove every file in `bundle` that no part's index holds (a part gone, a chunk replaced), and
    the folders left empty."""
    for folder, _, names in os.walk(bundle, topdown=False):
        relative = os.path.relpath(folder, bundle).replace(os.sep, "/")
        prefix = "" if relative == "." else f"{relative}/"
        for name in names:
            if prefix + name not in wanted:
                os.unlink(os.path.join(folder, name))
        if relative != "." and not any(prefix + name in wanted for name in names):
            with contextlib.suppress(OSError):  # not empty: a folder inside it was kept
                os.rmdir(folder)


def _fingerprint(binary: Path) -> str:
    """What every part's index depends on beside its pages: Pagefind, how it is run, how pages are split."""
    digest = hashlib.sha256(f"search state {STATE_VERSION}\n{CONTENT}\n{LEFT_OUT}\n{CHUNK_LOCATIONS}\n".encode())
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
        if not all(all(isinstance(part[field], dict) for field in ("pages", "files", "ids")) for part in parts.values()):
            return {}
        return parts
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _write_state(path: Path | None, fingerprint: str, parts: dict[str, dict]) -> None:
    if path is None:
        return
    write_json(path, {"version": STATE_VERSION, "fingerprint": fingerprint, "parts": dict(sorted(parts.items()))})


def _run_pagefind(
    binary: Path, site: Path, pages: list[str], output: Path, number: int = 0, keep_index_url: bool = False, links: Path | None = None
) -> None:
    """Index `pages` of `site` (relative to it) into `output`: Pagefind reads them from a folder of
    links to them at their places in the site, so the addresses it gives them are their addresses
    in the site (with `keep_index_url`, ending in `index.html`). The folder is `links`, kept for
    the next run (`_link_pages`), or else one in the site, removed after the run."""
    folder = links if links is not None else site / f"{LINKS}-{number}"
    if links is None:
        shutil.rmtree(folder, ignore_errors=True)  # what an interrupted run left
    try:
        _link_pages(site, pages, folder)
        command = [str(binary), "--site", str(folder), "--output-path", str(output.resolve()), "--root-selector", CONTENT, "--quiet"]
        if keep_index_url:
            command.append("--keep-index-url")
        for selector in LEFT_OUT:
            command += ["--exclude-selectors", selector]
        environment = {**os.environ, "PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE": str(CHUNK_LOCATIONS)}
        finished = subprocess.run(command, capture_output=True, text=True, check=False, env=environment)
    finally:
        if links is None:
            shutil.rmtree(folder, ignore_errors=True)
    said = (finished.stderr or finished.stdout).strip()
    if finished.returncode != 0:
        raise BuildFailed(f"pagefind: indexing {site} failed (exit status {finished.returncode}): {said}")
    if not any((output / "fragment").glob("*.pf_fragment")):
        raise BuildFailed(f"pagefind: no page of {site} was indexed: {said}")


def _link_pages(site: Path, pages: list[str], folder: Path) -> None:
    """Make `folder` hold a link to each of `pages` at its place in the site (a hard link, or a copy
    where the file system has none), and no other file. A link that is still the page (the same
    file, or a copy of its size and time) is kept, and so are the folders: a run indexing much the
    same pages as the last one makes and removes few (removing a folder is slow on some file systems)."""
    wanted = set(pages)
    for root, _, names in os.walk(folder):
        relative = os.path.relpath(root, folder).replace(os.sep, "/")
        for name in names:
            if ("" if relative == "." else f"{relative}/") + name not in wanted:
                os.unlink(os.path.join(root, name))
    for page in pages:
        source, link = os.path.join(site, page), os.path.join(folder, page)
        status = os.stat(source)
        try:
            present = os.stat(link)
        except FileNotFoundError:
            present = None
        if present is not None:
            if os.path.samestat(present, status) or (present.st_size, present.st_mtime_ns) == (status.st_size, status.st_mtime_ns):
                continue
            os.unlink(link)
        os.makedirs(os.path.dirname(link), exist_ok=True)
        try:
            os.link(source, link)
        except OSError:  # no hard links here: copy (with its time)
            shutil.copy2(source, link)
