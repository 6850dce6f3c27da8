"""The inline syntax the site never writes is switched off and the generator's own lines take a
short way (generator/mdext_syntax.py), and every page of the seeds' site reads the same without
them; a heading's statuses and further anchors become its elements."""

from __future__ import annotations

from pathlib import Path

import markdown
from markdown.extensions import Extension
from mkdocs.config import load_config

import pytest

from generator.mdext_syntax import (
    CITATION_LINE,
    HEADING_BLOCK,
    MARKS_PRIORITY,
    PLAIN_BLOCK,
    UNUSED,
    HeadingMarks,
    _is_plain_list,
)
from generator.render.escape import escape_text
from generator.render.qa_marks import citation_block

CONFIG = Path(__file__).resolve().parents[2] / "mkdocs.yml"
EXTENSION = "generator.mdext_syntax"


class _HeadingMarksOnly(Extension):
    """The extension's one change to a page's HTML, the elements of a heading's marks, alone."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.treeprocessors.register(HeadingMarks(md), "kamerdossier_heading_marks", MARKS_PRIORITY)


class _WithoutShortWays(_HeadingMarksOnly):
    """The extension without its short ways: the unused inline syntax switched off, the heading marks."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        super().extendMarkdown(md)
        for name in UNUSED:
            md.inlinePatterns.deregister(name)


def _converters(replacement: type[Extension] = _HeadingMarksOnly) -> tuple[markdown.Markdown, markdown.Markdown]:
    """The site's converter, and Python-Markdown's own conversion of the same pages: without the
    extension's short ways and with all inline syntax, only the heading marks made the same way
    (or with what `replacement` does instead of the extension)."""
    config = load_config(str(CONFIG))
    extensions = config["markdown_extensions"]
    assert EXTENSION in extensions
    without = [extension if extension != EXTENSION else replacement() for extension in extensions]
    return (
        markdown.Markdown(extensions=extensions, extension_configs=config["mdx_configs"]),
        markdown.Markdown(extensions=without, extension_configs=config["mdx_configs"]),
    )


OVERVIEWS = ("index.md", "tijdlijn.md", "personen.md", "partijen.md", "begrippen.md", "annotaties.md")
"""The generated overview pages at the top of the site; the others are in folders of their own."""
OVERVIEW_FOLDERS = ("tijdlijn", "personen", "partijen", "begrippen", "dossiers", "stukken")


def _overview_pages(docs: Path) -> list[Path]:
    pages = [docs / name for name in OVERVIEWS]
    return pages + sorted(page for folder in OVERVIEW_FOLDERS for page in (docs / folder).rglob("*.md"))


def test_every_page_of_the_seed_site_is_the_same_html_without_the_unused_syntax(built_site: Path) -> None:
    site, full = _converters()
    docs = built_site.parent / "docs"
    pages = sorted(docs.rglob("*.md"))  # generated and hand-written
    assert len(pages) > 50
    assert set(_overview_pages(docs)) <= set(pages) and len(_overview_pages(docs)) > 30
    changed = [page.name for page in pages if site.reset().convert(text := page.read_text(encoding="utf-8")) != full.reset().convert(text)]
    assert changed == []


def test_the_unused_syntax_shows_as_written() -> None:
    """Synthetic: the site writes none of this; switched off, it is text."""
    site, full = _converters()
    text = "![beeld](x.png) [tekst][1] <https://example.nl/> regel  \nvolgende\n\n[1]: https://example.nl/\n"
    html = site.convert(text)
    assert "<img" not in html and "<a" not in html and "<br" not in html
    assert "<img" in full.convert(text)
    assert all(name not in site.inlinePatterns for name in UNUSED)


def test_the_generators_citation_lines_take_the_short_way_whatever_they_cite() -> None:
    """Synthetic hostile text: a citation line of any text is of the form the extension stashes,
    and no escaped letter text starts a line with `<` (so none is ever taken for one)."""
    hostile = '<p class="kd-cite" data-kd-part="x">&amp; "quoted" \'single\' <b>vet</b> & ∑'
    line = citation_block(hostile, hostile)
    assert CITATION_LINE.fullmatch(line)
    for text in (hostile, "  " + hostile, "\n" + hostile):
        assert not escape_text(text).lstrip(" ").startswith("<")
        assert not escape_text(text, at_line_start=False).lstrip(" ").startswith("<")


def test_the_seed_sites_citations_and_threads_take_the_short_way(built_site: Path) -> None:
    """Every citation line of the seeds' pages is stashed at once, every thread paragraph whose
    link texts are plain (all but those with escaped characters) is made at once, and so is every
    question's and answer's heading."""
    pages = sorted((built_site.parent / "docs").rglob("*.md"))
    blocks = [block for page in pages for block in page.read_text(encoding="utf-8").split("\n\n")]
    citations = [block for block in blocks if block.startswith('<p class="kd-cite"')]
    threads = [block for block in blocks if block.endswith("\n{: .kd-thread }")]
    assert len(citations) > 50 and len(threads) > 50
    assert all(CITATION_LINE.fullmatch(block) for block in citations)
    assert sum(1 for block in threads if PLAIN_BLOCK.fullmatch(block)) > 0.9 * len(threads)
    headings = [block for block in blocks if block.startswith(("### Vraag", "### Antwoord"))]
    assert len(headings) > 50 and all(HEADING_BLOCK.fullmatch(block) for block in headings)


def test_the_seed_sites_overview_lists_take_the_short_way(built_site: Path) -> None:
    """Every list of the overview pages (registers, timeline, dossiers, home page), nested ones
    included, is made at once: plain text, links and bold labels only."""
    lists = [
        block
        for page in _overview_pages(built_site.parent / "docs")
        for block in page.read_text(encoding="utf-8").strip().split("\n\n")
        if block.startswith("- ")
    ]
    assert len(lists) > 100
    assert any("\n    - " in block for block in lists)  # the home page's letters under their record
    assert any("**" in block for block in lists)  # a person's party and role
    assert [block for block in lists if not _is_plain_list(block)] == []


SHORT_WAYS = [
    "- [Kathmann](personen/kathmann.md) (GroenLinks-PvdA) — Lid van de Tweede Kamer\n- [Six Dijkstra](x.md)",
    "- [a](a.md) — 2 vragen\n    - [b](b.md#vraag-1): b\n        - c\n    - d\n- e",
    "- **Rol:** Lid\n- **Brief: vragen ingezonden** door [Kathmann](k.md)\n- [1 mei](t.md#d): **brief verstuurd**; x",
    "- 12 februari 2026\n- (2×) [x](https://zoek.officielebekendmakingen.nl/kst-24268-506.html)",
    "Pagina 4 van 13: [pagina 1](../m365.md), [pagina 2](2.md), pagina 4.",
    "Beantwoord in: [antwoord op vraag 1](a.md#antwoord-1); [antwoord op vraag 2](a.md#antwoord-2)\n{: .kd-thread }",
]
"""Synthetic, in the overview pages' forms: each block takes the short way."""
LOOK_ALIKES = [
    "- a\n\n- b",  # a loose list
    "- a\n        - b",  # a level skipped: a line of the item
    "- 1. a\n- b",  # block syntax in an item
    "- - a\n- b",
    "- # a\n- b",
    "- > a\n- b",
    "- a\n- 2021. b",
    "- wel![beeld](x.png) en [^1] en [^x](y.md)\n\n[^1]: voetnoot",  # no link after !
    "- zie [^1](y.md)\n\n[^1]: voetnoot",  # a footnote reference, not a link
    "- **x.**y en **a** b",  # bold that does not open or close
    "- ** c** en **d **",
    "- **d ** x",
    "- **Rol:**Lid",
    "- **e**f",
    "- a **b** c\n-  twee spaties\n- a  \n- [a](b c)\n- [a](<b>)\n- [a]( b)",
    "Tekst [a](b.md) en ![c](d.md)\n{: .kd-context }",
]
"""Synthetic: what looks alike but is not the same for Python-Markdown; each such block is left to it."""


@pytest.mark.parametrize("text", SHORT_WAYS + LOOK_ALIKES)
def test_short_ways_and_look_alikes_are_the_same_html_as_python_markdowns(text: str) -> None:
    """Synthetic: the forms the overview pages write, and forms close to them that Python-Markdown
    reads otherwise, convert alike with and without the short ways (the unused syntax off in both)."""
    site, without_short_ways = _converters(_WithoutShortWays)
    assert site.convert(text) == without_short_ways.convert(text)
    if text in SHORT_WAYS:
        assert _is_plain_list(text) if text.startswith("- ") else PLAIN_BLOCK.fullmatch(text)


def test_a_headings_statuses_and_further_anchors_become_its_elements() -> None:
    """Synthetic (no real answer has two statuses): each status stands beside the words, marked
    for its kind and kept out of search, the further anchors after them, and no attribute stays."""
    site, _ = _converters()
    html = site.convert(
        '### Antwoord op vraag 4 en 5 {#antwoord-4 data-toc-label="Antwoord op vraag 4 en 5" '
        'data-kd-status="beantwoord,geen antwoord op deze site" data-kd-anchors="antwoord-5 antwoord-6"}\n'
    )
    assert html == (
        '<h3 id="antwoord-4">Antwoord op vraag 4 en 5 '
        '<span class="kd-status kd-status-beantwoord" data-search-exclude>beantwoord</span> '
        '<span class="kd-status kd-status-geen-antwoord-op-deze-site" data-search-exclude>geen antwoord op deze site</span>'
        '<span id="antwoord-5"></span><span id="antwoord-6"></span>'
        '<a class="headerlink" href="#antwoord-4" title="Vaste link naar dit onderdeel">&para;</a></h3>'
    )
