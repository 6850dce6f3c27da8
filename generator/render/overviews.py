"""Render the pages that look across the whole corpus, and the line on the home page leading there.

    dossiers/index.md, dossiers/<number>.md    one page per dossier (generator.render.dossiers)
    tijdlijn.md                                the timeline (generator.render.timeline)
    personen.md, partijen.md                   the registers (generator.render.indexes)
    begrippen.md                               the glossary (generator.render.glossary)
    annotaties.md                              the editorial notes (generator.render.annotations)

Every one of these pages is rendered even when the corpus is empty, so the navigation of
mkdocs.yml and the home page's links always lead somewhere.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.render.addresses import relative_link
from generator.render.context import RenderContext
from generator.render.annotations import render_annotations
from generator.render.dossiers import render_dossiers
from generator.render.glossary import render_glossary
from generator.render.indexes import PARTIES, PEOPLE, render_indexes
from generator.render.mentions import DOSSIER_INDEX
from generator.render.timeline import TIMELINE, render_timeline

__all__ = ["overview_links", "render_overviews"]


def render_overviews(context: RenderContext) -> Iterator[tuple[str, str]]:
    """Render the dossier pages, the timeline, the registers of people and parties, the glossary and
    the notes: one kind after another, so only one kind's pages are held at a time."""
    for render in (render_dossiers, render_timeline, render_indexes, render_glossary, render_annotations):
        yield from render(context).items()


def overview_links(page: str) -> str:
    """Write the sentence leading from `page` (the home page) to the overviews."""
    return (
        f"Bekijk alles op volgorde in de [tijdlijn]({relative_link(page, TIMELINE)}), per "
        f"[dossier]({relative_link(page, DOSSIER_INDEX)}), of per [persoon]({relative_link(page, PEOPLE)}) "
        f"en per [partij]({relative_link(page, PARTIES)})."
    )
