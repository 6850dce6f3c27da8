"""What a built site holds, kept between builds (generator/site.py): each page's state, each file's digest.

The state file (`.cache/site/<key>.json`) remembers, of the build that made the site: a fingerprint
of everything each page's HTML depends on beside its own Markdown, what every page shows of the
pages in the navigation, and per page its Markdown's size, time and SHA-256, the ids its HTML
holds, its links to anchors on other pages, its warnings (and, for a page in the navigation, its
title); per file of the site, the SHA-256 of its bytes; per copied static file, its source's size
and time. A state that cannot be read, or of another version, is none: the build is full.
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

from generator.cache import file_digest, replace_file, write_json

STATE_VERSION = 4
"""Bumped when the state file's shape changes: an older state then forces a full build."""

PACKAGES = ("mkdocs", "mkdocs-material", "markdown")
"""Installed packages whose version is part of every page's HTML."""

OWN_CODE = ("mdext.py", "mdext_syntax.py", "render/markdown.py", "site.py", "site_state.py")
"""Our modules that shape every page's HTML (beside the hooks the configuration names); the site's
Markdown extension takes the classes of a heading's statuses from render/markdown.py."""


Links = list[str] | dict[str, str]
"""A page's links to the anchors of one page: `[prefix, anchor, ...]`, each link being the prefix
and its anchor (`../2014-11-03/aanhangsel.md#` + `antwoord-1`), or else `{anchor: link}`."""


def compact_links(links: dict[str, str]) -> Links:
    """Keep MkDocs' `{anchor: link}` of one linked page small: the prefix its links share, once, and
    the anchors, each held once by every page that names it (`sys.intern`).

        >>> compact_links({"vraag-1": "../a.md#vraag-1", "vraag-2": "../a.md#vraag-2"})
        ['../a.md#', 'vraag-1', 'vraag-2']
        >>> compact_links({"vraag-1": "../a.md#vraag-1", "vraag-2": "a.md#vraag-2"})
        {'vraag-1': '../a.md#vraag-1', 'vraag-2': 'a.md#vraag-2'}
    """
    anchor, link = next(iter(links.items()))
    prefix = link.removesuffix(anchor)
    if all(link == prefix + anchor for anchor, link in links.items()):
        return [prefix, *map(sys.intern, links)]
    return dict(links)


def expand_links(links: Links) -> dict[str, str]:
    """MkDocs' `{anchor: link}` again from `compact_links`."""
    if isinstance(links, dict):
        return links
    prefix, *anchors = links
    return {anchor: prefix + anchor for anchor in anchors}


@dataclass
class PageState:
    """What the build keeps of one page: its Markdown's key, its ids, links to anchors and warnings."""

    source: tuple[int, int, str]  # size, mtime_ns, sha256 of the Markdown
    ids: list[str] = field(default_factory=list)
    links: dict[str, Links] = field(default_factory=dict)  # by the linked page's src_uri (see `compact_links`)
    warnings: list[tuple[int, str]] = field(default_factory=list)
    title: str | None = None  # the title its conversion found, for a page in the navigation


class Writer:
    """Write files into the site only when their bytes change, and remember what each holds."""

    def __init__(self, site: Path, previous: dict[str, str], previous_static: dict[str, list[int]]):
        self.site, self.previous, self.outputs = site, previous, {}
        self.previous_static, self.static = previous_static, {}  # a copied file's source: [size, mtime_ns]

    def write(self, relative: str, data: bytes) -> None:
        self.outputs[relative] = write_if_changed(self.site / relative, data, self.previous.get(relative))

    def record(self, relative: str, digest: str | None) -> None:
        """A file written elsewhere (by a worker) with these bytes; None: none was written."""
        if digest is not None:
            self.outputs[relative] = digest

    def copy(self, relative: str, source: Path) -> None:
        """Copy a static file, unless its source has the size and time it had when last copied."""
        status = source.stat()
        self.static[relative] = [status.st_size, status.st_mtime_ns]
        if self.previous_static.get(relative) == self.static[relative] and relative in self.previous and (self.site / relative).is_file():
            self.outputs[relative] = self.previous[relative]
            return
        self.write(relative, source.read_bytes())

    def keep(self, relative: str) -> None:
        """A skipped page: its file stays as the previous build wrote it."""
        self.outputs[relative] = self.previous[relative] if relative in self.previous else file_digest(self.site / relative)

    def remove_stale(self, full_clean: bool) -> None:
        """Remove the files the previous build wrote that this one did not, and the folders left empty.

        Without a previous build's state, remove every file this build did not write, but hidden
        ones, as MkDocs' clean build does (the search index and redirect pages are written after).
        """
        if full_clean:
            stale = [
                path.relative_to(self.site).as_posix()
                for path in self.site.rglob("*")
                if path.is_file() and not any(part.startswith(".") for part in path.relative_to(self.site).parts)
            ]
        else:
            stale = list(self.previous)
        for relative in sorted(set(stale) - set(self.outputs), reverse=True):
            target = self.site / relative
            if target.is_file() and not target.is_symlink():
                target.unlink()
            folder = target.parent
            while folder != self.site and folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
                folder = folder.parent


def write_if_changed(target: Path, data: bytes, known: str | None) -> str:
    """Write `data` to `target` unless it holds those bytes already (its digest is `known`, or its
    bytes are the same); give their SHA-256."""
    digest = hashlib.sha256(data).hexdigest()
    if target.is_file() and (known == digest or _same_bytes(target, data)):
        return digest  # a file the permanence check changed afterwards (an anchor map) counts as the same
    replace_file(target, data)
    return digest


def _same_bytes(path: Path, data: bytes) -> bool:
    return path.stat().st_size == len(data) and path.read_bytes() == data


def fingerprint_of(config, src_uris: list[str]) -> str:
    """Hash what every page's HTML depends on beside its own Markdown and the navigation's pages (see
    generator/site.py's docstring)."""
    digest = hashlib.sha256(f"state {STATE_VERSION}\n".encode())
    digest.update(Path(config.config_file_path).read_bytes())
    for package in PACKAGES:
        digest.update(f"{package} {metadata.version(package)}\n".encode())
    here = Path(__file__).parent
    for path in [here / name for name in OWN_CODE] + [Path(hook.__file__) for hook in config.hooks.values()]:
        digest.update(path.read_bytes())
    packages = {Path(metadata.distribution(p).locate_file("")).resolve() for p in PACKAGES}
    for folder in map(Path, config.theme.dirs):
        if not any(folder.resolve().is_relative_to(root) for root in packages):  # overrides/: hash its files
            for path in sorted(p for p in folder.rglob("*") if p.is_file()):
                digest.update(f"{path.relative_to(folder).as_posix()}\n".encode() + path.read_bytes())
    digest.update("\n".join(src_uris).encode())
    return digest.hexdigest()


def read_state(path: Path | None) -> dict | None:
    if path is None:
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("version") != STATE_VERSION or not isinstance(data["static"], dict) or not isinstance(data["outputs"], dict):
            return None
        data["pages"] = {
            uri: PageState(
                tuple(page["source"]), [*map(sys.intern, page["ids"])], page["links"], [tuple(w) for w in page["warnings"]], page.get("title")
            )
            for uri, page in data["pages"].items()
        }
        if not isinstance(data["shown"], str):
            return None
        return data
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # no state, or one we cannot read: a full build


def _page_data(page: PageState) -> dict:
    data = {"source": list(page.source), "ids": page.ids, "links": page.links, "warnings": page.warnings}
    return data if page.title is None else {**data, "title": page.title}


def forget_state(path: Path | None) -> None:
    if path is not None:
        path.unlink(missing_ok=True)


def write_state(path: Path | None, fingerprint: str, shown: str, pages: dict[str, PageState], writer: Writer) -> None:
    if path is None:
        return
    data = {
        "version": STATE_VERSION,
        "fingerprint": fingerprint,
        "shown": shown,
        "pages": {uri: _page_data(p) for uri, p in sorted(pages.items())},
        "outputs": dict(sorted(writer.outputs.items())),
        "static": dict(sorted(writer.static.items())),
    }
    write_json(path, data)
