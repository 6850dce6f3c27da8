"""Render the linked corpus as Markdown pages: pure functions, no I/O.

`render_site(corpus)` maps each page's path inside the docs folder to its Markdown text::

    index.md                                            the home page
    eerste-kamer/2026-02-12/antwoordbrief.md            one letter
    eerste-kamer/2026-02-12/verslag-schriftelijk-overleg.md   a record of several letters
    dossiers/31066.md, tijdlijn.md, personen.md, partijen.md  pages across the corpus (overviews)

The same model always renders to the same text, byte for byte.
"""

from __future__ import annotations

from dataclasses import replace

from generator.model import Corpus, LetterKey
from generator.render.annotations import placed_notes
from generator.render.places import text_places
from generator.render.context import build_context
from generator.render.data import render_data
from generator.render.markdown import render_letter_page
from generator.render.overviews import render_overviews
from generator.render.pages import HOME, render_home, render_record_page, render_shared_page
from generator.render.timeline import events_by_letter

__all__ = ["render_site"]


def render_site(corpus: Corpus, site_url: str | None = None) -> dict[str, str]:
    """Render every page of the site: home, multi-letter records, letters, the pages at addresses
    several letters wanted, and the overviews (dossiers, timeline, people, parties); with the
    site's address, also the open data (JSON, CSV, Atom feeds) that needs absolute URLs. Sorted by path."""
    context = build_context(corpus, open_data=bool(site_url), site_url=site_url)
    context = replace(context, notes=placed_notes(context), places=text_places(context))  # notes at their anchors
    context = replace(context, events=events_by_letter(corpus))
    pages = {HOME: render_home(context)}
    for record in corpus.records:
        record_page = context.addresses.record_page(record)
        if record_page is not None:
            pages[record_page] = render_record_page(record, record_page, context)
        for letter in record.letters:
            page = context.addresses.letter_page(LetterKey(record.path, letter.index))
            if page is not None and page != record_page:
                pages[page] = render_letter_page(record, letter, page, context)
    for path, owners in context.addresses.shared.items():
        pages[path] = render_shared_page(path, owners, context)
    pages.update(render_overviews(context))  # dossier pages, timeline, registers of people and parties
    if site_url:
        pages.update(render_data(context))
    return dict(sorted(pages.items()))
