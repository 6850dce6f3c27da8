"""A Python-Markdown extension: footnotes show the number the letter prints, not 1..n.

Python-Markdown's `footnotes` extension numbers footnotes 1, 2, 3 in the order they are defined,
but a letter may print footnotes 3 to 9. Running after it, this extension makes what the reader
sees equal to each footnote's label::

    text[^3]             <sup id="fnref:3"><a class="footnote-ref" href="#fn:3">[3]</a></sup>
    [^3]: Kamerstukken   <li id="fn:3" value="3">... <a class="footnote-backref"
                             title="Terug naar voetnoot 3 in de tekst">

A reference is bracketed, `[3]`, so that the page's text read without its markup (copied, indexed,
read aloud, `get_text()`) says `(M365)[3],`, never `(M365)3,`: a number glued to a word is the very
artefact of PDF extraction the parser takes out.

Backlink titles are Dutch, and a footnote that nothing in the text refers to loses its backlink
(it would point at a reference that does not exist). Labels that are not whole numbers keep the
footnotes extension's own numbering. Registered as the Markdown extension `kamerdossier_footnotes`.
"""

from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.extensions.footnotes import NBSP_PLACEHOLDER, FootnoteExtension
from markdown.treeprocessors import Treeprocessor

BACKLINK_TITLE = "Terug naar voetnoot {} in de tekst"
REFERENCE_TEXT = "[{}]"
"""What a footnote reference shows: its number in brackets."""

PRIORITY = 14
"""After the footnotes extension's own tree processors (its last one, duplicates, runs at 15)."""


class FootnoteLabelTreeprocessor(Treeprocessor):
    """Show each footnote's label as its number: in the reference (bracketed), the list item and
    the backlink."""

    def run(self, root: etree.Element) -> None:
        footnotes = _footnotes_extension(self.md)
        if footnotes is None or not footnotes.footnotes:
            return
        labels = {footnotes.makeFootnoteId(label): label for label in footnotes.footnotes}
        present_ids = {element.get("id") for element in root.iter() if element.get("id")}
        for element in root.iter("a"):
            css = element.get("class", "")
            if css == "footnote-ref":
                label = labels.get(element.get("href", "").removeprefix("#"))
                if label is not None and _is_number(label):
                    element.text = label
                element.text = REFERENCE_TEXT.format(element.text)
        for div in root.iter("div"):
            if div.get("class") == "footnote":
                for item in div.iter("li"):
                    self._label_item(item, labels.get(item.get("id", "")), present_ids)

    def _label_item(self, item: etree.Element, label: str | None, present_ids: set[str | None]) -> None:
        """Number a footnote list item by its label, title its backlinks in Dutch, drop dead ones."""
        if label is None:
            return
        if _is_number(label):
            item.set("value", label)
        for parent in list(item.iter()):
            for backlink in [child for child in parent if child.get("class") == "footnote-backref"]:
                if backlink.get("href", "").removeprefix("#") in present_ids:
                    backlink.set("title", BACKLINK_TITLE.format(label))
                else:
                    parent.remove(backlink)
                    _drop_placeholder(parent)


def _drop_placeholder(element: etree.Element) -> None:
    """Remove the no-break space the footnotes extension put before a backlink that is gone."""
    for node in element.iter():
        if node.text:
            node.text = node.text.replace(NBSP_PLACEHOLDER, "")
        if node.tail:
            node.tail = node.tail.replace(NBSP_PLACEHOLDER, "")


def _is_number(label: str) -> bool:
    return label.isascii() and label.isdigit()


def _footnotes_extension(md: Markdown) -> FootnoteExtension | None:
    return next((ext for ext in md.registeredExtensions if isinstance(ext, FootnoteExtension)), None)


class FootnoteLabelExtension(Extension):
    """Make footnote numbers equal to their labels (`[^3]` shows 3); use with `footnotes`."""

    def extendMarkdown(self, md: Markdown) -> None:
        md.registerExtension(self)
        md.treeprocessors.register(FootnoteLabelTreeprocessor(md), "kamerdossier_footnotes", PRIORITY)


def makeExtension(**kwargs: object) -> FootnoteLabelExtension:  # noqa: N802 (Python-Markdown's name)
    """Let Python-Markdown load the extension by module name: `generator.mdext`."""
    return FootnoteLabelExtension(**kwargs)
