"""Render an editorial note as a clearly marked aside, its Markdown sanitised so it cannot run script.

An editor's Markdown becomes HTML with Python-Markdown, with raw HTML, images and every link that
is not http(s), mailto or a relative address switched off::

    "Zie **vraag 18**. <script>x</script> [x](javascript:alert(1))"
    -> <p>Zie <strong>vraag 18</strong>. &lt;script&gt;x&lt;/script&gt; x</p>

The aside is one raw HTML block of the page, labelled for screen readers ("Noot van de redactie"),
kept out of the search index's text (`data-search-exclude`, `data-pagefind-ignore`) and outside
the citation of the question or answer it stands beside. It holds no ids, so a page's anchors
are the same with and without notes.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from urllib.parse import urlsplit

import markdown
from markdown.treeprocessors import Treeprocessor

from generator.model import Annotation
from generator.render.escape import body_text, html_text
from generator.render.labels import dutch_date

__all__ = ["NOTE_LABEL", "note_block", "note_html"]

NOTE_LABEL = "Noot van de redactie"
SAFE_SCHEMES = ("http", "https", "mailto")

_CONTROL_OR_SPACE = re.compile(r"[\x00-\x20\x7f]+")
_PLACEHOLDERS = re.compile("[\u0002\u0003]")


class _SafeLinks(Treeprocessor):
    """Keep only links to web or mail addresses and relative ones; any other becomes its text."""

    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            for child in list(parent):
                if child.tag == "a" and not _safe_href(child.get("href", "")):
                    child.tag = "span"
                    child.attrib.clear()


def _safe_href(href: str) -> bool:
    """Tell whether a link may stay: http(s), mailto, or an address on this site (no scheme)."""
    cleaned = _CONTROL_OR_SPACE.sub("", html.unescape(href))
    try:
        scheme = urlsplit(cleaned).scheme.lower()
    except ValueError:
        return False
    if ":" in cleaned.split("/", 1)[0] and not scheme:
        return False  # something a browser could still read as a scheme
    return scheme in SAFE_SCHEMES if scheme else True


def _converter() -> markdown.Markdown:
    """Python-Markdown without raw HTML or images, with only safe links."""
    converter = markdown.Markdown(output_format="html")
    converter.preprocessors.deregister("html_block")
    for name in ("html", "image_link", "image_reference", "short_image_ref"):
        converter.inlinePatterns.deregister(name)
    converter.treeprocessors.register(_SafeLinks(converter), "kamerdossier_safe_links", 0)
    return converter


def note_html(text: str) -> str:
    """Render a note's Markdown as sanitised HTML: no raw HTML, no images, no unsafe links."""
    return _converter().convert(_PLACEHOLDERS.sub("\ufffd", body_text(text))).strip()


def note_block(annotation: Annotation, about: str = "") -> str:
    """Write a note as one raw HTML block: label (and what it is about), title, text, author and date."""
    label = NOTE_LABEL + (f" bij {html_text(about)}" if about else "")
    title = f'<p class="kd-note-title"><strong>{html_text(annotation.title)}</strong></p>' if annotation.title else ""
    byline = f'<p class="kd-note-byline">{html_text(annotation.author)}, {html_text(dutch_date(annotation.date))}</p>'
    lines = [
        f'<aside class="kd-note" aria-label="{html_text(NOTE_LABEL)}" data-search-exclude data-pagefind-ignore>',
        f'<p class="kd-note-label">{label}</p>',
        title,
        note_html(annotation.body),
        byline,
        "</aside>",
    ]
    return "\n".join(line for line in lines if line)
