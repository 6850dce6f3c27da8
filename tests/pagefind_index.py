"""Read the Pagefind index a build wrote into site/pagefind/, for the site and browser tests (issue 9).

Pagefind 1.5 (pinned in pyproject.toml) writes `pagefind-entry.json` (its version and one index
per language; a part of a large site has its own, listed in `delen.json`) and, per indexed page, a fragment: gzip of `pagefind_dcd` followed by JSON with the
page's `url`, its indexed text (`content`), `meta.title` and `anchors` (the headings with an id,
each with the position of its first word in `content`). Search results show these fragments.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass
from pathlib import Path

BUNDLE = "pagefind"
FRAGMENT_SIGNATURE = b"pagefind_dcd"
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
"""Anchors on these elements start a section (a sub-result); others (a footnote mark's id) do not."""


@dataclass(frozen=True)
class Fragment:
    """One indexed page: its address, title, indexed text, and its headings' anchors as (id, first word)."""

    url: str
    title: str
    content: str
    anchors: tuple[tuple[str, int], ...]
    headings: tuple[tuple[str, str], ...] = ()
    """The same headings as (id, text): a sub-result's title."""

    def anchor_at(self, word: int) -> str | None:
        """The id of the anchor whose section holds word number `word` of `content`."""
        holding = [anchor for anchor, start in self.anchors if start <= word]
        return holding[-1] if holding else None

    def section_text(self, anchor: str) -> str:
        """The indexed words of the section under heading `anchor`, up to the next heading."""
        starts = [start for _, start in self.anchors] + [len(self.content.split())]
        at = [name for name, _ in self.anchors].index(anchor)
        return " ".join(self.content.split()[starts[at]:starts[at + 1]])

    def sections_holding(self, phrase: str) -> list[str]:
        """The anchors (`url#id`) of the sections whose text holds `phrase` (any case)."""
        words = self.content.lower().split()
        wanted = phrase.lower().split()
        found = []
        for start in range(len(words) - len(wanted) + 1):
            if [w.strip(".,;:?!()“”‘’") for w in words[start:start + len(wanted)]] == wanted:
                anchor = self.anchor_at(start)
                found.append(f"{self.url}#{anchor}" if anchor else self.url)
        return found


def read_entry(site: Path, part: str = "") -> dict:
    """Pagefind's `pagefind-entry.json` of the first part (or of `part`, a folder in `delen.json`): version and languages."""
    return json.loads((site / BUNDLE / part / "pagefind-entry.json").read_text(encoding="utf-8"))


def read_entries(site: Path) -> list[dict]:
    """The `pagefind-entry.json` of every part of the index: the first part's, then those in `delen.json`."""
    return [read_entry(site, part) for part in ["", *read_parts(site)]]


def read_parts(site: Path) -> list[str]:
    """The folders of the index's other parts (generator/search.py splits a large site)."""
    return json.loads((site / BUNDLE / "delen.json").read_text(encoding="utf-8"))["parts"]


def read_hidden(site: Path) -> list[str]:
    """The ids of the fragments that the part of changes replaces (hidden from the results)."""
    return json.loads((site / BUNDLE / "delen.json").read_text(encoding="utf-8"))["hidden"]


def read_fragments(site: Path, *, searched: bool = False) -> list[Fragment]:
    """Every page fragment of the index (of every part), sorted by address; with `searched`, only
    those a search shows (not the hidden ones), with the address it shows (the part of changes
    keeps `index.html` at the end of its addresses; the search takes it off)."""
    fragments = []
    hidden = set(read_hidden(site)) if searched else set()
    for path in sorted((site / BUNDLE).rglob("*.pf_fragment")):
        if path.stem in hidden:
            continue
        raw = gzip.decompress(path.read_bytes())
        assert raw.startswith(FRAGMENT_SIGNATURE), f"{path}: not a Pagefind fragment"
        data = json.loads(raw[len(FRAGMENT_SIGNATURE):])
        headings = [anchor for anchor in data["anchors"] if anchor["element"] in HEADINGS]
        anchors = tuple((anchor["id"], anchor["location"]) for anchor in headings)
        titles = tuple((anchor["id"], anchor["text"]) for anchor in headings)
        url = data["url"].removesuffix("index.html") if searched else data["url"]
        fragments.append(Fragment(url, data["meta"].get("title", ""), data["content"], anchors, titles))
    return sorted(fragments, key=lambda fragment: fragment.url)
