"""Keep every published address working: what the built site serves, against what was published.

An address is a page of the site, relative to its root (`eerste-kamer/2026-02-12/antwoordbrief/`;
the home page is `/`), or a page plus the id of a question, answer or footnote on it
(`eerste-kamer/2026-02-12/antwoordbrief/#bbb-antwoord-7`, `…/#fn:3`). `published.txt` lists
every address ever published. An address it lists must still be produced by the build, or be
sent somewhere that is by a redirect declared in `redirects.toml` (see generator/redirects.py).

The addresses are what the site build emitted, not what the model says, so the check covers what
readers get: each page MkDocs built and every id its content holds, as MkDocs found them while
converting the page's Markdown (generator/site.py keeps them for pages a rebuild skips), so no
built page is read again. Given only a built site, its pages are read for their ids instead:

    >>> sorted(page_addresses("a/", '<h3 id="bbb-vraag-7">7</h3><li id="fn:3"></li><h2 id="titel">'))
    ['a/', 'a/#bbb-vraag-7', 'a/#fn:3']
    >>> missing_addresses(["a/", "a/#vraag-1", "b/#fn:1"], {"a/", "b/"}, NO_REDIRECTS)
    ['a/#vraag-1', 'b/#fn:1']
"""

from __future__ import annotations

import hashlib
import html
import re
from collections.abc import Collection, Iterable, Mapping, Set
from pathlib import Path

from generator.cache import read_entry, write_entry
from generator.errors import KamerdossierError, ReadError
from generator.readers.files import decode_text
from generator.redirects import (  # noqa: F401 (the docstring uses NO_REDIRECTS)
    ANCHOR,
    HOME,
    NO_REDIRECTS,
    PAGE_ADDRESS,
    Redirects,
    address_checker,
    final_address,
    join_address,
)

MANIFEST_FILE = "published.txt"

QUESTION_OR_ANSWER_ID = re.compile(
    r"""^(?:(?P<party>[a-z0-9-]+)-)?   # `bbb-`, `groenlinks-pvda-`: the party that asks, if named
        (?P<role>vraag|antwoord)-
        (?P<number>\d+)$""",
    re.VERBOSE,
)
FOOTNOTE_ID = re.compile(r"^fn:(?P<number>\d+)$")
CITABLE_IDS = (QUESTION_OR_ANSWER_ID, FOOTNOTE_ID)
"""The ids a reader can cite: questions and answers (`vraag-3`, `bbb-antwoord-7`) and footnotes (`fn:3`)."""

PAGE_FILE = "index.html"
"""Every page of the site is a folder's `index.html`; other HTML (`404.html`) has no address."""

_NUMBER = re.compile(r"(\d+)")

MANIFEST_HEADER = """\
# Every address Kamerdossier has published; each must keep working.
#
# One address a line, relative to the site's root: a page (`eerste-kamer/2026-02-12/antwoordbrief/`,
# the home page is `/`), or a page with the anchor of a question, an answer or a footnote
# (`eerste-kamer/2026-02-12/antwoordbrief/#bbb-antwoord-7`, `.../#fn:3`). Sorted, numbers by value.
#
# The build (`kamerdossier build`) fails, naming each one, when an address listed here is no longer
# produced and redirects.toml declares no redirect for it. `kamerdossier publish` (`make publish`)
# builds the site and adds the addresses it produces that are not listed yet; it never removes
# one. Read its diff before committing: the added lines are what was published. Remove a line by
# hand only to withdraw an address on purpose, and say why in the commit message.
"""


class ManifestError(KamerdossierError):
    """`published.txt` holds a line that is not an address."""


_ID_ATTRIBUTE = re.compile(
    r"""<[A-Za-z][^\s<>]*+            # a start tag's name: `<h3`, `<li`
        [^<>]*?\s id \s*=\s*          # its attributes up to ` id=` (not `data-id=`)
        (?:"(?P<double>[^"]*+)"|'(?P<single>[^']*+)'|(?P<bare>[^\s"'=<>`]++))""",
    re.VERBOSE,
)
"""An `id` attribute inside a start tag. Text never holds a tag: every `<` of a letter's text is
`&lt;` in the HTML (generator/render/escape.py), so an `id="…"` written in a letter is not found."""


def element_ids(page_html: str, citable_only: bool = True) -> set[str]:
    """Find the ids of questions, answers and footnotes in a page's HTML (or, not `citable_only`, every id).

    One scan of the HTML with `_ID_ATTRIBUTE` (`html.parser` took most of the check's time):

    >>> sorted(element_ids('<p>id="vraag-9"</p><h3 class="x" id="vraag-1">', citable_only=False))
    ['vraag-1']
    """
    ids = {html.unescape(m["double"] or m["single"] or m["bare"] or "") for m in _ID_ATTRIBUTE.finditer(page_html)}
    ids.discard("")
    return ids if not citable_only else {id_ for id_ in ids if is_citable(id_)}


def is_citable(id_: str) -> bool:
    """Whether an id names a question, an answer or a footnote (`vraag-3`, `bbb-antwoord-7`, `fn:3`)."""
    return any(pattern.match(id_) for pattern in CITABLE_IDS)


def page_addresses(page: str, page_html: str, citable_only: bool = True) -> set[str]:
    """Give the addresses one built page serves: the page itself and each citable id on it.

    Not `citable_only`, every id on it: a redirect may lead to any of them.
    """
    return {page} | {join_address(page, id_) for id_ in element_ids(page_html, citable_only)}


def site_addresses(site_dir: Path) -> set[str]:
    """Collect every address a built site serves, reading each page once and keeping only its ids:
    each page and every id on it (a redirect may lead to any of them; `citable` picks the rest)."""
    addresses = set()
    for path in sorted(site_dir.rglob(PAGE_FILE)):
        page = page_address(path.relative_to(site_dir).as_posix())
        if page is not None:
            addresses |= page_addresses(page, path.read_text(encoding="utf-8"), citable_only=False)
    return addresses


def citable(addresses: Iterable[str]) -> set[str]:
    """Keep the pages and the addresses of questions, answers and footnotes: what is published.

    Each anchor is judged once (`vraag-1` is on thousands of pages):

    >>> sorted(citable(["a/", "a/#vraag-1", "a/#titel", "b/#vraag-1"]))
    ['a/', 'a/#vraag-1', 'b/#vraag-1']
    """
    verdicts: dict[str, bool] = {}
    kept = set()
    for address in addresses:
        _, sign, anchor = address.partition("#")
        if sign:
            verdict = verdicts.get(anchor)
            if verdict is None:
                verdict = verdicts[anchor] = is_citable(anchor)
            if not verdict:
                continue
        kept.add(address)
    return kept


def page_address(html_file: str) -> str | None:
    """Name the page a site file serves: `a/b/index.html` -> `a/b/`, `index.html` -> `/`; else None."""
    if html_file == PAGE_FILE:
        return HOME
    folder, slash, name = html_file.rpartition("/")
    return f"{folder}/" if slash and name == PAGE_FILE else None


def published_addresses(site_dir: Path) -> set[str]:
    """Collect every address a built site serves: each page, and each question, answer and footnote on it."""
    return citable(site_addresses(site_dir))


def missing_addresses(manifest: Iterable[str], produced: Set[str], redirects: Redirects) -> list[str]:
    """List the published addresses the site no longer produces and no redirect leads to, sorted.

    A page redirect covers the old page's anchors too (they are looked up on the new page):

    >>> missing_addresses(["a/", "a/#fn:1"], {"b/", "b/#fn:1"}, Redirects(pages={"a/": "b/"}))
    []
    """
    gone = set(manifest).difference(produced)  # most are produced: only the rest follow redirects
    return sorted((address for address in gone if final_address(address, redirects, produced) is None), key=address_sort_key)


def address_sort_key(address: str) -> tuple:
    """Sort addresses as people read them: `vraag-2` before `vraag-10`, a page before its anchors."""
    return tuple(int(part) if part.isdigit() else part for part in _NUMBER.split(address))


def parse_manifest(text: str, shown: str = MANIFEST_FILE) -> dict[str, int]:
    """Read the published addresses from `published.txt` text: {address: line number}.

    Blank lines and lines starting with `#` are skipped; any other line that is not an address
    is an error naming `published.txt:<line>`.
    """
    numbered = [
        (address, number)
        for number, address in enumerate(map(str.strip, text.splitlines()), start=1)
        if address and not address.startswith("#")
    ]
    addresses = dict(numbered)
    if len(addresses) == len(numbered) and _all_addresses(addresses):
        return addresses  # the usual manifest: every address once, none wrong (checked page by page)
    addresses, problems = {}, []
    is_address = address_checker()
    for address, number in numbered:
        if not is_address(address):
            problems.append(f"{shown}:{number}: not an address — {address[:80]}")
            continue
        addresses.setdefault(address, number)
    if problems:
        raise ManifestError("\n".join(problems))
    return addresses


def _all_addresses(addresses: Iterable[str]) -> bool:
    """Whether every one of `addresses` is an address (`is_address`), checking each page and each
    anchor once: a manifest names every page once and then again with each of its anchors."""
    pages = {address.partition("#")[0] for address in addresses}
    anchors = {address.partition("#")[2] for address in addresses if "#" in address}
    return all(PAGE_ADDRESS.match(page) for page in pages) and all(ANCHOR.match(anchor) for anchor in anchors)


NEW_SITE_FLAG = "--new-site"
"""The command line's flag that says a site has published nothing yet (no published.txt)."""


def read_manifest(path: Path, missing_ok: bool = False) -> dict[str, int]:
    """Read the published addresses from `path`.

    A missing file is an error (the check would pass by checking nothing), unless `missing_ok`:
    a new site that has published nothing yet.
    """
    data = _manifest_bytes(path, missing_ok)
    return parse_manifest(_manifest_text(data, path.name), path.name) if data is not None else {}


def _manifest_text(data: bytes, shown: str) -> str:
    """The manifest's text; not UTF-8, UTF-16 or a NUL byte is a ManifestError at its line."""
    try:
        return decode_text(data, shown, empty_ok=True)
    except ReadError as error:
        raise ManifestError(str(error)) from None


def _manifest_bytes(path: Path, missing_ok: bool) -> bytes | None:
    """The manifest's bytes; None when it is missing and `missing_ok` (else a ManifestError)."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        if missing_ok:
            return None
        raise _not_found(path) from None


def require_manifest(path: Path, missing_ok: bool = False) -> None:
    """Fail at once when the manifest is missing (unless `missing_ok`), as `read_manifest` would:
    checked before the build, not only once the site is built. (Its lines are checked after: read
    now, its hundreds of thousands of addresses would be held through the whole build.)"""
    if not missing_ok and not path.exists():
        raise _not_found(path)


def _not_found(path: Path) -> ManifestError:
    return ManifestError(
        f"{path}: not found; it lists every address the site has published, and the build checks that each "
        f"still works. Restore it, or build a new site that has published nothing yet with {NEW_SITE_FLAG}"
    )


def read_published(path: Path, state: Path | None = None, missing_ok: bool = False) -> Collection[str]:
    """The addresses `path` lists (`read_manifest`, without their lines), kept in the `state` file
    (a cache) by the SHA-256 of the manifest's bytes: a build that finds the manifest as the last
    build left it takes them from there instead of checking every line. (By its bytes, not its size
    and time: the manifest is a file people edit and copy, and hashing it costs little beside
    checking its lines.)"""
    if state is None:
        return read_manifest(path, missing_ok)
    data = _manifest_bytes(path, missing_ok)
    if data is None:
        return {}
    digest = hashlib.sha256(data).hexdigest()
    kept = read_entry(state)
    if isinstance(kept, tuple) and len(kept) == 2 and kept[0] == digest and isinstance(kept[1], list):
        return kept[1]
    published = list(parse_manifest(_manifest_text(data, path.name), path.name))
    write_entry(state, (digest, published))
    return published


def format_manifest(addresses: Iterable[str]) -> str:
    """Write `published.txt`: the header, then every address, one a line, sorted."""
    return MANIFEST_HEADER + "\n" + "".join(f"{address}\n" for address in sorted(set(addresses), key=address_sort_key))


def missing_report(missing: Iterable[str], lines: Mapping[str, int], shown: str = MANIFEST_FILE) -> str:
    """Say which published addresses are gone: one `published.txt:<line>: ... — <address>` a line."""
    missing = list(missing)
    return (
        f"{len(missing)} published address(es) no longer produced; restore them, or declare in "
        "redirects.toml where each went ([pages] for a page, [anchors] for an anchor):\n"
        + "\n".join(f"{shown}:{lines.get(address, 0)}: no longer produced — {address}" for address in missing)
    )
