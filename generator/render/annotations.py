"""Place the editorial notes on their letters' pages, list them (`annotaties.md`) and export them.

A note names a letter page by its address and a question, answer or footnote on it by its anchor::

    annotations/bbb-24-verwijst.md: address eerste-kamer/2026-02-12/antwoordbrief/, anchor bbb-antwoord-24
    -> placed at ("eerste-kamer/2026-02-12/antwoordbrief.md", "bbb-antwoord-24"), about
       "antwoord op vraag 24 (BBB), antwoordbrief, 12 februari 2026"

A note whose letter or anchor the site does not have is an error at the line of that field
(`annotations/<file>:<line>: …`) and is not shown. The parliamentary text is never touched: a
note is a block of its own after the question's or answer's text (after the footnotes for a
footnote's anchor), and outside its citation.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import Annotation, Corpus, Diagnostic, LetterKey
from generator.render.addresses import Addresses, assign_addresses, page_url, relative_link, slugify
from generator.render.context import RenderContext
from generator.render.labels import letter_label
from generator.render.escape import escape_line, front_matter
from generator.render.blocks import PageIds, join_blocks, title_block
from generator.render.notes import NOTE_LABEL, note_block
from generator.render.places import letter_anchors

__all__ = ["ANNOTATIONS", "annotation_problems", "annotations_data", "placed_notes", "render_annotations"]

ANNOTATIONS = "annotaties.md"
TITLE = "Annotaties"
INTRO = (
    "Noten van de redactie van Kamerdossier bij vragen, antwoorden en voetnoten in de brieven. "
    "Een noot licht toe of wijst op iets wat de brief zelf niet zegt; zij is geen deel van de "
    "parlementaire tekst en staat op de pagina van de brief apart gemarkeerd als "
    f"‘{NOTE_LABEL}’."
)


@dataclass(frozen=True)
class _Place:
    """Where a note stands: its page, its anchor there, and what that anchor leads to (readable)."""

    page: str
    anchor: str
    about: str
    label: str  # the anchor's place alone: `voetnoot 10`


def _places(context: RenderContext, wanted: set[str]) -> dict[str, tuple[str, dict[str, tuple[str, str]]]]:
    """Map each letter page's address in `wanted` (`eerste-kamer/…/antwoordbrief/`) to its page and
    its anchors (anchor -> (`antwoord op vraag 24 (BBB)`, `antwoordbrief, 12 februari 2026`)).
    Only the pages notes name are read: a corpus's every anchor is worth gathering for none."""
    pages: dict[str, tuple[str, dict[str, tuple[str, str]]]] = {}
    for record in context.corpus.records:
        for letter in record.letters:
            page = context.addresses.letter_page(LetterKey(record.path, letter.index))
            if page is None or page_url(page) not in wanted:
                continue
            where = letter_label(record, letter)
            where = where[:1].lower() + where[1:]
            _, anchors = pages.setdefault(page_url(page), (page, {}))
            for anchor, label in letter_anchors(record, letter, context).items():
                anchors.setdefault(anchor, (label, where))
    return pages


def _address(annotation: Annotation) -> str:
    """A note's address as the site writes page addresses: no leading `/`, a closing `/`."""
    address = annotation.address.strip().lstrip("/")
    return address if not address or address.endswith("/") else address + "/"


def _resolve(
    annotations: tuple[Annotation, ...], context: RenderContext
) -> tuple[list[tuple[Annotation, _Place]], list[Diagnostic]]:
    pages = _places(context, {_address(annotation) for annotation in annotations})
    placed, problems = [], []
    for annotation in annotations:
        found = pages.get(_address(annotation))
        path = annotation.span.path
        if found is None:
            problems.append(Diagnostic(path, annotation.address_line, "no letter page at this address", annotation.address))
            continue
        page, anchors = found
        if annotation.anchor not in anchors:
            problems.append(Diagnostic(
                path, annotation.anchor_line,
                f"no question, answer or footnote with this anchor on {_address(annotation)}", annotation.anchor,
            ))
            continue
        label, where = anchors[annotation.anchor]
        placed.append((annotation, _Place(page, annotation.anchor, f"{label}, {where}", label)))
    return placed, problems


def annotation_problems(corpus: Corpus, addresses: Addresses | None = None) -> tuple[Diagnostic, ...]:
    """Report every note whose letter or anchor the site does not have, at that field's line
    (`addresses`: the corpus's, when made already)."""
    if not corpus.annotations:
        return ()
    # only the letters' pages are needed (a letter's anchors follow from its text), not the whole
    # context build_context gathers for rendering (about a third of the link stage's time)
    context = RenderContext(corpus, addresses if addresses is not None else assign_addresses(corpus), {}, {}, {}, {})
    return tuple(_resolve(corpus.annotations, context)[1])


def placed_notes(context: RenderContext) -> dict[tuple[str, str], tuple[str, ...]]:
    """Map (page, anchor) to the notes shown there, each written as its block (`note_block`).

    A footnote's notes stand after the footnote list, so their label names the footnote."""
    notes: dict[tuple[str, str], list[str]] = {}
    for annotation, place in _resolve(context.corpus.annotations, context)[0]:
        about = place.label if place.anchor.startswith("fn:") else ""
        notes.setdefault((place.page, place.anchor), []).append(note_block(annotation, about))
    return {key: tuple(blocks) for key, blocks in notes.items()}


def render_annotations(context: RenderContext) -> dict[str, str]:
    """Render `annotaties.md`: every note, by letter and place, with a link to where it stands."""
    ids = PageIds()
    blocks = [front_matter(TITLE), title_block(TITLE, ids), INTRO]
    placed = _resolve(context.corpus.annotations, context)[0]
    for annotation, place in placed:
        name = annotation.span.path.rsplit("/", 1)[-1].removesuffix(".md")
        heading = annotation.title or f"Noot bij {place.about}"
        blocks.append(f"## {escape_line(heading)} {{#{ids.claim('noot-' + (slugify(name) or 'noot'))}}}")
        link = relative_link(ANNOTATIONS, place.page, place.anchor)
        blocks.append(f"Bij [{escape_line(place.about)}]({link}).")
        blocks.append(note_block(annotation))
    if not placed:
        blocks.append("Er zijn nog geen annotaties.")
    return {ANNOTATIONS: join_blocks(blocks)}


def annotations_data(context: RenderContext, site_url: str) -> list[dict]:
    """The notes as open data: where each stands (absolute URL), its author, date, title and Markdown."""
    base = site_url.rstrip("/") + "/"
    return [
        {
            "file": annotation.span.path,
            "letter": base + page_url(place.page),
            "anchor": place.anchor,
            "url": f"{base}{page_url(place.page)}#{place.anchor}",
            "about": place.about,
            "author": annotation.author,
            "date": annotation.date.isoformat(),
            "title": annotation.title,
            "text": annotation.body,
        }
        for annotation, place in _resolve(context.corpus.annotations, context)[0]
    ]
