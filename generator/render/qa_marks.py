"""Write the marks a question's or answer's heading and citation carry for the site's Markdown
extension (generator/mdext_syntax.py, which imports these names to read them back).

A heading names its statuses and its further anchors in attributes, which the extension turns
into elements (`HeadingMarks`); a citation is one line of raw HTML of a fixed form:

    ### Vraag 7 (BBB) {#bbb-vraag-7 data-toc-label="Vraag 7 (BBB)" data-kd-status="beantwoord"}

    >>> status_class("beantwoord")
    'kd-status kd-status-beantwoord'
"""

from __future__ import annotations

from generator.model import STATUSES
from generator.render.addresses import slugify
from generator.render.escape import html_text


CITATION_LABEL = "Citeer als:"


def citation_block(citation: str, part: str) -> str:
    """Write a citation as a paragraph of plain text, in raw HTML (all text escaped).

    The text is there without JavaScript, selectable; `docs/javascripts/citeren.js` adds the copy
    button, named after what is cited (`data-kd-part`: `Kopieer citaat van vraag 7 (BBB)`), and
    copies the text. The button is not in the page itself: without JavaScript it could do nothing,
    and every page would carry its markup once per question and answer. `data-search-exclude`
    keeps the citation out of the search index, so results and their snippets show the letter's
    own words. No ids.
    """
    return (
        f'<p class="kd-cite" data-search-exclude data-kd-part="{html_text(part)}"><span class="kd-cite-label">{CITATION_LABEL}</span> '
        f'<span class="kd-cite-text">{html_text(citation)}</span></p>'
    )


STATUS_ATTRIBUTE = "data-kd-status"
"""A question's or answer's heading attribute naming its statuses (`STATUS_SEPARATOR` between them)."""
STATUS_SEPARATOR = ","
ANCHORS_ATTRIBUTE = "data-kd-anchors"
"""A question's or answer's heading attribute naming its further anchors, space-separated."""


def status_class(status: str) -> str:
    """The classes of a status shown beside a heading: `kd-status kd-status-beantwoord`.

    The status is kept out of the search index (`data-search-exclude`), so a result's title is the
    heading's words alone (`Vraag 7 (BBB)`), as the table of contents shows them."""
    return f"kd-status kd-status-{slugify(status)}" if status in STATUSES else "kd-status"  # kd-status-geen-antwoord-op-deze-site
