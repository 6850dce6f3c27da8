"""Declared redirects: where a published page or anchor went, and the files that send readers there.

`redirects.toml` at the repository root declares them; keys and values are addresses as
`published.txt` writes them (relative to the site root, the home page is `/`)::

    [pages]      # a page that moved: old page address = new page address
    "eerste-kamer/2026-02-12/antwoordbrief/" = "eerste-kamer/2026-02-12/antwoordbrief-kst-36800-1/"

    [anchors]    # an anchor that was renamed: old page+anchor = new anchor on that page, or page+anchor
    "eerste-kamer/2026-02-12/antwoordbrief/#bbb-vraag-7" = "bbb-vraag-7a"
    "eerste-kamer/2026-02-12/antwoordbrief/#bbb-vraag-8" = "eerste-kamer/2025-12-02/commissiebrief/#bbb-vraag-8"

They work on a plain static host. A moved page leaves a small redirect page at its old address
(meta refresh, canonical link, a visible Dutch link; a script carries the `#anchor` along). A
renamed anchor gets an anchor map, `ankers.js`, beside its page, which the page loads: on load and
on every `hashchange` it sends an old fragment the page no longer has to where it went. A page
redirect carries every anchor of the old page to the same anchor on the new one.

    >>> redirects = parse_redirects('[anchors]\\n"a/#vraag-1" = "vraag-2"\\n')
    >>> redirects.anchors
    {'a/#vraag-1': 'a/#vraag-2'}
    >>> final_address("a/#vraag-1", redirects, {"a/", "a/#vraag-2"})
    'a/#vraag-2'
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from collections.abc import Callable, Mapping, Set
from dataclasses import dataclass, field
from pathlib import Path

from generator.errors import KamerdossierError, ReadError
from generator.readers._toml import TomlError, read_toml
from generator.readers.files import decode_text

HOME = "/"
"""The home page's address (the site root)."""

PAGE_ADDRESS = re.compile(
    r"""^(?: /                                   # the home page
          | (?:(?!\.\.?/)[^/\#?\s]++/)+        # or folders, each ending in `/`
        )$""",
    re.VERBOSE,
)
"""A page address: `eerste-kamer/2026-02-12/antwoordbrief/`, `over/`, `/`."""

ANCHOR = re.compile(r"^[^/\#?\s]+$")
"""An anchor (an element id) as written after `#`: `bbb-vraag-7`, `fn:3`."""

ANCHOR_MAP = "ankers.js"
"""The file beside a page that maps its renamed anchors to where they went."""

ANCHOR_SCRIPT_TAG = f'<script src="{ANCHOR_MAP}"></script>'
"""How a page loads its anchor map (inserted before `</body>`)."""

REDIRECT_FILE = "redirects.toml"
TABLES = ("pages", "anchors")


class RedirectsError(KamerdossierError):
    """`redirects.toml` is not valid TOML, or declares something that is not an address."""


@dataclass(frozen=True)
class Redirects:
    """Declared redirects: old page -> new page, and old page+anchor -> new page+anchor (both full)."""

    pages: dict[str, str] = field(default_factory=dict)
    anchors: dict[str, str] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict, compare=False)  # old address -> its line in the file


NO_REDIRECTS = Redirects()


def split_address(address: str) -> tuple[str, str | None]:
    """Split an address into its page and its anchor: `a/b/#vraag-1` -> (`a/b/`, `vraag-1`); `a/b/` -> (`a/b/`, None)."""
    page, hash_sign, anchor = address.partition("#")
    return (page, anchor) if hash_sign else (page, None)


def join_address(page: str, anchor: str | None) -> str:
    """Join a page and an anchor into an address: (`a/b/`, `vraag-1`) -> `a/b/#vraag-1`."""
    return f"{page}#{anchor}" if anchor else page


def is_address(address: str) -> bool:
    """Tell whether `address` is a page address, optionally with `#anchor`."""
    page, anchor = split_address(address)
    return bool(PAGE_ADDRESS.match(page)) and (anchor is None or bool(ANCHOR.match(anchor)))


def address_checker() -> Callable[[str], bool]:
    """`is_address`, remembering its verdict on each page and each anchor: a manifest names every
    page once and then again with each of its anchors, and the same anchors on many pages.

    >>> check = address_checker()
    >>> check("a/b/#vraag-1"), check("a/b/#vraag 1"), check("a/b")
    (True, False, False)
    """
    pages: dict[str, bool] = {}
    anchors: dict[str, bool] = {}

    def check(address: str) -> bool:
        page, anchor = split_address(address)
        verdict = pages.get(page)
        if verdict is None:
            verdict = pages[page] = PAGE_ADDRESS.match(page) is not None
        if not verdict or anchor is None:
            return verdict
        verdict = anchors.get(anchor)
        if verdict is None:
            verdict = anchors[anchor] = ANCHOR.match(anchor) is not None
        return verdict

    return check


def read_redirects(path: Path) -> Redirects:
    """Read and check the declared redirects in `path`; no file (or an empty one) means no redirects."""
    shown = path.name
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return NO_REDIRECTS
    except OSError as error:
        raise RedirectsError(f"{shown}:1: cannot be read ({error.strerror})") from None
    try:
        text = decode_text(data, shown, empty_ok=True)
    except ReadError as error:  # not UTF-8, UTF-16, a NUL byte: named at its line
        raise RedirectsError(str(error)) from None
    return parse_redirects(text, shown)


def parse_redirects(text: str, shown: str = REDIRECT_FILE) -> Redirects:
    """Parse `redirects.toml` text into Redirects, every value a full address.

    An `[anchors]` value without `/` is an anchor on the same page: `"a/#vraag-1" = "vraag-2"`
    -> `{"a/#vraag-1": "a/#vraag-2"}`. Anything that is not an address is an error naming it at
    its line, `redirects.toml:<line>: …`; every such problem is named, in the order of the file.
    """
    try:
        data, lines = read_toml(text)
    except TomlError as error:
        raise RedirectsError(f"{shown}:{error.line}: {error.message}") from None
    problems = [(lines.get((name,), 1), f"unknown key {_shown(name)}; only the tables [pages] and [anchors]") for name in data if name not in TABLES]
    pages: dict[str, str] = {}
    anchors: dict[str, str] = {}
    found: dict[str, int] = {}
    for old, new in _table(data, "pages", lines, problems).items():
        line = found[old] = lines.get(("pages", old), lines.get(("pages",), 1))
        if not PAGE_ADDRESS.match(old) or not isinstance(new, str) or not PAGE_ADDRESS.match(new):
            problems.append((line, f"[pages] {_shown(old)} = {_shown(new)}: both must be page addresses such as 'eerste-kamer/2026-02-12/antwoordbrief/'"))
        else:
            pages[old] = new
    for old, new in _table(data, "anchors", lines, problems).items():
        line = found[old] = lines.get(("anchors", old), lines.get(("anchors",), 1))
        page, anchor = split_address(old)
        target = join_address(page, new) if isinstance(new, str) and ANCHOR.match(new) else new
        if anchor is None or not is_address(old) or not isinstance(target, str) or not is_address(target) or "#" not in target:
            problems.append((line, f"[anchors] {_shown(old)} = {_shown(new)}: the key must be a page address with '#anchor', the value an anchor or a page address with '#anchor'"))
        else:
            anchors[old] = target
    if problems:
        raise RedirectsError("\n".join(f"{shown}:{line}: {message}" for line, message in sorted(problems, key=lambda problem: problem[0])))
    return Redirects(pages, anchors, found)


def _table(data: dict, name: str, lines: dict[tuple[str, ...], int], problems: list[tuple[int, str]]) -> dict:
    table = data.get(name, {})
    if not isinstance(table, dict):
        problems.append((lines.get((name,), 1), f"[{name}] must be a table"))
        return {}
    return table


def _shown(value: object) -> str:
    """A key or value as a message shows it: Python's quoted form (which escapes what a terminal
    would act on), at most 80 characters."""
    text = repr(value)
    return text if len(text) <= 80 else text[:79] + "…"


def _step(address: str, redirects: Redirects, produced: Set[str]) -> str | None:
    """Follow one declared redirect from `address`, or None when none applies.

    An anchor redirect needs its page to be there (produced, or itself redirected) to hold the
    anchor map; a page redirect carries the anchor along.
    """
    page, anchor = split_address(address)
    if address in redirects.anchors and (page in produced or page in redirects.pages):
        return redirects.anchors[address]
    if page in redirects.pages:
        return join_address(redirects.pages[page], anchor)
    return None


def final_address(address: str, redirects: Redirects, produced: Set[str]) -> str | None:
    """Follow declared redirects from `address` to an address the site produces; None if they lead nowhere.

    >>> final_address("a/#fn:1", Redirects(pages={"a/": "b/"}), {"b/", "b/#fn:1"})
    'b/#fn:1'
    """
    seen = set()
    while address not in produced:
        if address in seen:
            return None  # a cycle of redirects
        seen.add(address)
        following = _step(address, redirects, produced)
        if following is None:
            return None
        address = following
    return address


def redirect_problems(redirects: Redirects, produced: Set[str], shown: str = REDIRECT_FILE) -> list[str]:
    """List every declared redirect that cannot work on this site, as `redirects.toml:<line>: ...`.

    A page redirect must not start at a page the site still has (its redirect page would replace
    it), and every redirect must end at an address the site produces.
    """
    problems = []

    def place(old: str) -> str:
        return f"{shown}:{redirects.lines[old]}" if old in redirects.lines else shown

    for old, new in sorted(redirects.pages.items()):
        if old in produced:
            problems.append(f"{place(old)}: [pages] {_shown(old)} is still a page of the site; remove the redirect or the page")
        elif final_address(old, redirects, produced) is None:
            problems.append(f"{place(old)}: [pages] {_shown(old)} = {_shown(new)} leads to no page the site produces")
    for old, new in sorted(redirects.anchors.items()):
        page, _ = split_address(old)
        if page not in produced and page not in redirects.pages:
            problems.append(f"{place(old)}: [anchors] {_shown(old)}: page {_shown(page)} is not produced and has no [pages] redirect to hold the anchor map")
        elif old not in produced and final_address(old, redirects, produced) is None:
            problems.append(f"{place(old)}: [anchors] {_shown(old)} = {_shown(new)} leads to no anchor the site produces")
    return problems


def page_file(page: str) -> str:
    """Name the file a static host serves for a page address: `a/b/` -> `a/b/index.html`; `/` -> `index.html`."""
    return "index.html" if page == HOME else f"{page}index.html"


def relative_url(from_page: str, to_address: str) -> str:
    """Write the link from one page to an address, relative, as a static host needs it.

    `relative_url("a/b/", "a/c/#vraag-1")` -> `../c/#vraag-1`; on the same page just `#vraag-1`.
    """
    to_page, anchor = split_address(to_address)
    fragment = f"#{anchor}" if anchor else ""
    if to_page == from_page and fragment:
        return fragment
    path = posixpath.relpath(_folder(to_page), _folder(from_page))
    return ("./" if path == "." else f"{path}/") + fragment


def _folder(page: str) -> str:
    return "." if page == HOME else page.rstrip("/")


def redirect_files(
    redirects: Redirects, produced: Set[str], page_html: Mapping[str, str], site_url: str | None = None
) -> dict[str, str]:
    """Render the files that make the declared redirects work, by site-relative path.

    A redirect page for every moved page, and for every page that keeps some renamed anchors an
    anchor map plus the page itself (its HTML in `page_html`, keyed by page address) loading it.
    Redirects that lead nowhere are left out: `redirect_problems` reports them.
    """
    files: dict[str, str] = {}
    for old, _ in sorted(redirects.pages.items()):
        target = final_address(old, redirects, produced)
        if old in produced or target is None:
            continue
        files[page_file(old)] = render_redirect_page(old, target, _anchor_map(old, redirects, produced), site_url)
    for page in sorted({split_address(old)[0] for old in redirects.anchors} & set(produced)):
        moved = _anchor_map(page, redirects, produced)
        if moved and page in page_html:
            files[f"{'' if page == HOME else page}{ANCHOR_MAP}"] = render_anchor_map(moved)
            files[page_file(page)] = with_anchor_map(page_html[page])
    return files


def _anchor_map(page: str, redirects: Redirects, produced: Set[str]) -> dict[str, str]:
    """Map each renamed anchor of `page` to the relative URL of where it finally went."""
    moved = {}
    for old in sorted(redirects.anchors):
        old_page, anchor = split_address(old)
        if old_page == page and anchor is not None and old not in produced:
            target = final_address(old, redirects, produced)
            if target is not None:
                moved[anchor] = relative_url(page, target)
    return moved


_ANCHOR_MAP_SCRIPT = """\
// Kamerdossier: anchors of this page that were renamed (redirects.toml), and where they went.
(function () {
  var moved = %(moved)s;
  function follow() {
    var id;
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (error) { return; }
    if (id && Object.prototype.hasOwnProperty.call(moved, id) && !document.getElementById(id)) {
      location.replace(moved[id]);
    }
  }
  follow();
  window.addEventListener("hashchange", follow);
})();
"""


def render_anchor_map(moved: Mapping[str, str]) -> str:
    """Write a page's `ankers.js`: its renamed anchors and the script that follows them.

    An old fragment the page no longer has is replaced (no new history entry) by where it went,
    on load and on every `hashchange`; a fragment the page still has is left alone.
    """
    return _ANCHOR_MAP_SCRIPT % {"moved": _script_json(moved)}


def with_anchor_map(page_html: str) -> str:
    """Make a built page load its anchor map: the script tag goes just before `</body>`, once."""
    if ANCHOR_SCRIPT_TAG in page_html:
        return page_html
    head, body_end, tail = page_html.rpartition("</body>")
    if not body_end:
        return page_html + ANCHOR_SCRIPT_TAG + "\n"
    return f"{head}{ANCHOR_SCRIPT_TAG}\n{body_end}{tail}"


def render_redirect_page(old: str, target: str, moved: Mapping[str, str], site_url: str | None = None) -> str:
    """Write the page left at a moved page's old address, sending readers to `target`.

    A script goes first, taking the `#anchor` along (or following a renamed one); the meta
    refresh works without scripts; the canonical link names the new page; the link is visible.
    """
    target_page, _ = split_address(target)
    url = relative_url(old, target_page)
    canonical = site_url.rstrip("/") + "/" + ("" if target_page == HOME else target_page) if site_url else url
    shown_address = "de startpagina" if target_page == HOME else target_page
    return f"""<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>Verhuisd naar {html.escape(shown_address)}</title>
<meta name="robots" content="noindex">
<link rel="canonical" href="{html.escape(canonical)}">
<script>
(function () {{
  var moved = {_script_json(moved)}, id;
  try {{ id = decodeURIComponent(location.hash.slice(1)); }} catch (error) {{ id = ""; }}
  location.replace(Object.prototype.hasOwnProperty.call(moved, id) ? moved[id] : {_script_json(url)} + location.hash);
}})();
</script>
<meta http-equiv="refresh" content="0; url={html.escape(url)}">
</head>
<body>
<p>Deze pagina is verhuisd. U vindt haar nu op <a href="{html.escape(url)}">{html.escape(shown_address)}</a>.</p>
</body>
</html>
"""


def _script_json(value: object) -> str:
    """Write a value as JSON that is safe inside a `<script>` element."""
    return json.dumps(value, ensure_ascii=False, sort_keys=True).replace("</", "<\\/")
