"""A Python-Markdown extension: only the syntax the site writes is looked for, and the generator's
own lines take the short way (issue 9).

Python-Markdown tries each of its inline patterns on every run of text of every page, in turn,
and each block processor on every block; on a letter page that is most of the time MkDocs spends.
Its short ways change no page's HTML (tests/render/test_site_syntax.py converts every page of the
seeds' site with and without them); they only spare Python-Markdown work whose outcome is known:

- **Unused inline syntax is not looked for.** The pages the generator writes use links
  (`[vraag 7](…#bbb-vraag-7)`), footnote references (`[^3]`), backslash escapes, `*` and `**`
  emphasis, raw inline HTML (`<abbr>`, `<sup>`, `<span>`) and character references; the
  hand-written pages (`docs/over.md`, `docs/citeren.md`) no more. The patterns for syntax the site
  never writes are switched off (UNUSED): images, reference-style links (`[tekst][1]`, `[tekst]`),
  autolinks (`<https://…>`, `<naam@…>`) and hard line breaks (two spaces at a line's end). Letter
  text is escaped before it becomes Markdown (generator/render/escape.py), so none of these could
  come from a letter either; without them, such text shows as written.
- **A citation line is stashed as it is** (`CitationLines`). The citation under every question
  and answer is one line of raw HTML of a fixed form (`generator.render.qa_marks.citation_block`),
  which Python-Markdown's raw HTML preprocessor would find by running `html.parser` over the
  whole page, and MkDocs' own preprocessor again (for ids: a citation has none). A line of exactly
  that form (`CITATION_LINE`) is put in Python-Markdown's stash directly, as its raw HTML
  preprocessor would put it. No letter text can make such a line: every `<` of a letter is
  written `&lt;` (generator/render/escape.py), so a line that starts with `<` is the generator's.
  (A hand-written page that wrote one inside a raw HTML block of its own, after a blank line,
  would see it taken out of that block: no page does.)
- **Plain blocks get their element at once** (`PlainBlocks`). A top-level block that is one line
  of plain text (no `` \\ ` * _ [ ] < & { } ``), plain links (`[vraag 7](…#bbb-vraag-7)`, text
  plain, destination a plain address) and plain bold text (`**Rol:**`) only — a thread paragraph
  (`Beantwoord in: [antwoord op vraag 1](…)`), a page list — or a stashed block alone becomes the
  `<p>` (with its `<a>`s and `<strong>`s) that Python-Markdown's paragraph processor and inline
  patterns would make of it (a line's class on the next line, `{: .kd-context }`, left to
  attr_list as ever), its text marked as done (`AtomicString`); so does a heading of plain text
  ending in its attribute list (`### Vraag 7 (BBB) {#bbb-vraag-7 …}`), and a tight list whose
  items are such lines, nested by four spaces a level (`- [Kathmann](…) (GroenLinks-PvdA)`: the
  registers, timeline, dossier and home pages are mostly such lists), which becomes the `<ul>`s
  and `<li>`s Python-Markdown's list processors would make. Anything else (a loose list, a level
  skipped, an item that starts like block syntax, a `!` before a link, …) is left to Python-Markdown.

The extension also makes what a question's or answer's heading shows besides its words
(`HeadingMarks`): the generator writes its statuses and further anchors as attributes of the
heading, `{#vraag-1 data-kd-status="beantwoord" data-kd-anchors="vraag-2"}`, which become
`<span class="kd-status kd-status-beantwoord" data-search-exclude>beantwoord</span>` beside the
words and `<span id="vraag-2"></span>` after them, elements of the page (so MkDocs sees the anchors
and checks links to them) where raw HTML would have had `html.parser` run over every page twice.

Registered as the Markdown extension `generator.mdext_syntax` (mkdocs.yml).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.blockprocessors import BlockProcessor
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import AtomicString

from generator.render.qa_marks import ANCHORS_ATTRIBUTE, STATUS_ATTRIBUTE, STATUS_SEPARATOR, status_class

UNUSED = (
    "reference",
    "short_reference",
    "image_link",
    "image_reference",
    "short_image_ref",
    "autolink",
    "automail",
    "linebreak",
)
"""Python-Markdown's names of the inline patterns for syntax the site does not use."""

CITATION_LINE = re.compile(
    r'<p class="kd-cite" data-search-exclude data-kd-part="[^"<>&]*+(?:&[a-z0-9#]++;[^"<>&]*+)*+">'
    r'<span class="kd-cite-label">[^<>&]*+</span> '
    r'<span class="kd-cite-text">[^<>&]*+(?:&[a-z0-9#]++;[^<>&]*+)*+</span></p>'
)
"""A citation line as `generator.render.qa_marks.citation_block` writes it: its text escaped for
HTML (`html_text`: no `<`, `>` or `"`, every `&` a character reference)."""

NOT_PLAIN = r"\n\\`*_\[\]<>&{}\x02\x03"
"""A line end, the characters at which an inline pattern of the site could match, and a stash
placeholder's delimiters."""
LINK_TEXT = rf"(?!\^)[^{NOT_PLAIN}]++"
"""A link's text: plain, and not a footnote reference's (`[^3]`)."""
DESTINATION = r"[\w./#:-]++"
"""A link's destination: a plain address, relative (`../personen/kathmann.md#vraag-1`) or absolute."""
LINK = rf"(?<!!)\[(?P<text>{LINK_TEXT})\]\((?P<destination>{DESTINATION})\)"
"""A link of plain text to a plain address (after a `!` it would be no link: image syntax, switched off)."""
STRONG = rf"(?<!\S)\*\*(?P<strong>[^\W\d_][^{NOT_PLAIN}]*+(?<=[^\W_]|:))\*\*(?=[ :;,.\n]|\Z)"
"""Plain text in bold that starts with a letter and ends with a letter, digit or colon, with a space
or the line's start before it and a space, a line end or a punctuation mark after it
(`**Rol:** Lid van de Tweede Kamer`, `**antwoordbrief verstuurd**; genoemd in`): where both `**`
can only open and close, so that Python-Markdown's emphasis makes it a `<strong>`."""
LINE_PART = re.compile(rf"(?P<plain>[^{NOT_PLAIN}]*+)(?:{LINK}|{STRONG})?+")
"""In turn along a `LINE`: the plain text before a link or a bold text, and that link or bold text."""
LINE = re.sub(r"\?P<\w+>", "", rf"(?:[^{NOT_PLAIN}]++|{LINK}|{STRONG})*+")  # a pattern names a group once
"""Text on one line of plain text, links and bold text only (a `[` or `*` that starts neither does not match)."""

PLAIN_BLOCK = re.compile(rf"(?:[^\W\d_]|(?=\[)){LINE}(?:\n\{{: \.kd-[a-z-]++ \}})?+")
"""A `LINE` that starts with a letter or a link (no block syntax can start it), alone or with its
class on the next line for attr_list (`{: .kd-context }`, `{: .kd-thread }`)."""
STASHED_BLOCK = re.compile(r"\x02wzxhzdk:\d++\x03")
"""A block that is one placeholder of Python-Markdown's stash (`HtmlStash.get_placeholder`)."""

HEADING_BLOCK = re.compile(
    rf"(?P<level>\#{{1,6}})[ ]++(?P<text>[^\W\d_][^{NOT_PLAIN}\#]*+\{{[^{NOT_PLAIN}]*+\}})"
)
"""A heading of plain text (no `#` in it) ending in its attribute list, on a line of its own, as
`generator.render.markdown` writes them: `### Vraag 7 (BBB) {#bbb-vraag-7 data-toc-label="…"}`."""

ITEM = rf"- (?:(?=\*\*)|(?!\d++\.[ ])[^{NOT_PLAIN}\s\#>*+=|-]|(?=\[)){LINE}"
"""A list item of plain text, links and bold text (`LINE`), its text starting where no block syntax
can start (not a `#`, `>`, list marker, `1. ` or space; bold text can), as the overview pages
write them (`- [Kathmann](…) (SP)`, `- **Partij:** SP`)."""
LIST_BLOCK = re.compile(rf"{ITEM}(?:\n(?:[ ]{{4}})*+{ITEM})*+")
"""A tight list of such items, nested by four spaces a level (that no level is skipped, `PlainBlocks` checks)."""
LIST_TAGS = frozenset({"ul", "ol"})
INDENT = 4
"""Python-Markdown's `tab_length`: the indent of one level of a nested list."""

STASH_PRIORITY = 22
"""After the fenced code preprocessor (25), before MkDocs' raw HTML one (21) and Python-Markdown's (20)."""
PLAIN_PRIORITY = 105
"""Before every block processor (the first, for empty blocks, is at 100)."""
MARKS_PRIORITY = 6
"""After attr_list (8) set the heading's attributes, before the table of contents (5) and MkDocs'
gathering of the page's anchors (5)."""
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})


class CitationLines(Preprocessor):
    """Stash each citation line (`CITATION_LINE`, a line of its own between blank lines) as the raw
    HTML preprocessor would: the line with its line end, its place taken by the placeholder."""

    def run(self, lines: list[str]) -> list[str]:
        stash = self.md.htmlStash
        last = len(lines) - 1
        for number, line in enumerate(lines):
            if (
                line.startswith('<p class="kd-cite" ')
                and (number == 0 or not lines[number - 1])
                and number < last
                and not lines[number + 1]
                and CITATION_LINE.fullmatch(line)
            ):
                lines[number] = stash.store(line + "\n")
        return lines


class PlainBlocks(BlockProcessor):
    """Make the element of a top-level block no pattern can act on, as Python-Markdown would."""

    def test(self, parent: etree.Element, block: str) -> bool:
        if parent is not self.parser.root:
            return False
        if block.startswith("- "):  # a list, unless it would join the list before it (a loose list)
            last = self.lastChild(parent)
            return (last is None or last.tag not in LIST_TAGS) and _is_plain_list(block)
        return (
            PLAIN_BLOCK.fullmatch(block) is not None
            or STASHED_BLOCK.fullmatch(block) is not None
            or (block.startswith("#") and HEADING_BLOCK.fullmatch(block) is not None)
        )

    def run(self, parent: etree.Element, blocks: list[str]) -> None:
        block = blocks.pop(0)
        if block.startswith("- "):
            _make_list(parent, block)
            return
        heading = HEADING_BLOCK.fullmatch(block) if block.startswith("#") else None
        if heading is not None:  # its attribute list is attr_list's to read, as ever
            etree.SubElement(parent, f"h{len(heading['level'])}").text = AtomicString(heading["text"])
            return
        # a stashed block's placeholder, or a line with its class line for attr_list (kept as its text)
        _fill_line(etree.SubElement(parent, "p"), block)


def _is_plain_list(block: str) -> bool:
    """Whether `block` is a `LIST_BLOCK` that skips no level of nesting."""
    if LIST_BLOCK.fullmatch(block) is None:
        return False
    depth = 0
    for line in block.split("\n"):
        indent = len(line) - len(line.lstrip(" "))
        if indent > depth + INDENT:
            return False
        depth = indent
    return True


def _make_list(parent: etree.Element, block: str) -> None:
    """Make the `<ul>` of a plain list (`_is_plain_list`), its items' text in each `<li>` and a
    nested list after it, as Python-Markdown's list processors make a tight list."""
    lists = [etree.SubElement(parent, "ul")]
    for line in block.split("\n"):
        depth = (len(line) - len(line.lstrip(" "))) // INDENT
        if depth == len(lists):
            lists.append(etree.SubElement(lists[-1][-1], "ul"))
        else:
            del lists[depth + 1 :]
        _fill_line(etree.SubElement(lists[-1], "li"), line[depth * INDENT + 2 :])


def _fill_line(element: etree.Element, line: str) -> None:
    """Give `element` the text, `<a>` and `<strong>` elements of a `LINE` (and any text after it,
    such as a class line for attr_list), as Python-Markdown's inline patterns would, all marked as done."""
    element.text = AtomicString("")
    end = 0
    for part in LINE_PART.finditer(line):
        if part.start() == part.end():  # the line's end, or what follows it
            break
        _append_text(element, part["plain"])
        end = part.end()
        if part["strong"] is not None:
            etree.SubElement(element, "strong").text = AtomicString(part["strong"])
        elif part["text"] is not None:
            etree.SubElement(element, "a", {"href": part["destination"]}).text = AtomicString(part["text"])
    _append_text(element, line[end:])


class HeadingMarks(Treeprocessor):
    """Show a top-level heading's statuses beside its words and its further anchors after them."""

    def run(self, root: etree.Element) -> None:
        for heading in root:
            if heading.tag not in HEADINGS or (
                STATUS_ATTRIBUTE not in heading.attrib and ANCHORS_ATTRIBUTE not in heading.attrib
            ):
                continue
            statuses = heading.attrib.pop(STATUS_ATTRIBUTE, "")
            anchors = heading.attrib.pop(ANCHORS_ATTRIBUTE, "")
            for status in filter(None, statuses.split(STATUS_SEPARATOR)):
                _append_text(heading, " ")
                badge = etree.SubElement(heading, "span", {"class": status_class(status)})
                badge.set("data-search-exclude", None)  # a valueless attribute, written bare
                badge.text = AtomicString(status)
            for anchor in anchors.split():
                etree.SubElement(heading, "span", {"id": anchor}).text = ""


def _append_text(element: etree.Element, text: str) -> None:
    """Add text at the end of `element`'s content (after its last child, if any), marked as done."""
    if len(element):
        element[-1].tail = AtomicString((element[-1].tail or "") + text)
    else:
        element.text = AtomicString((element.text or "") + text)


class SiteSyntaxExtension(Extension):
    """Look only for the syntax the site writes; take the generator's own lines the short way."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.registerExtension(self)
        for name in UNUSED:
            if name in md.inlinePatterns:
                md.inlinePatterns.deregister(name)
        md.preprocessors.register(CitationLines(md), "kamerdossier_citations", STASH_PRIORITY)
        md.parser.blockprocessors.register(PlainBlocks(md.parser), "kamerdossier_plain", PLAIN_PRIORITY)
        md.treeprocessors.register(HeadingMarks(md), "kamerdossier_heading_marks", MARKS_PRIORITY)


def makeExtension(**kwargs: object) -> SiteSyntaxExtension:  # noqa: N802 (Python-Markdown's name)
    """Let Python-Markdown load the extension by module name: `generator.mdext_syntax`."""
    return SiteSyntaxExtension(**kwargs)
