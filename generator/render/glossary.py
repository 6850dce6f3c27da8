"""Render the glossary page (`begrippen.md`): every term, its explanation, and where letters use it.

    # Begrippen
    ## M365 {#m365}
    **Microsoft 365.** Het kantoorpakket van Microsoft als clouddienst, …
    [Meer over M365 (www.microsoft.com)](https://www.microsoft.com/nl-nl/microsoft-365)
    Komt voor in:
    - [antwoord op vraag 3 (BBB), antwoordbrief, 12 februari 2026](eerste-kamer/…/antwoordbrief.md#bbb-antwoord-3) (2×)

The page lists each term's `USES_SHOWN` (10) newest uses; a term used more often has a page of its
own (`begrippen/m365.md`) listing every use, so the glossary does not grow with the corpus.

Terms are listed alphabetically, the way a Dutch index sorts (case and accents aside). Each use
links to the question, answer or footnote that holds it (the letter's page for its opening), and
each link's text names that place and its letter, so no two links read alike.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from urllib.parse import urlsplit

from generator.model import Term
from generator.render.addresses import relative_link, slugify
from generator.render.cited import letters_newest_first
from generator.render.context import RenderContext
from generator.render.labels import LetterLabels
from generator.render.escape import escape_line, front_matter, safe_url
from generator.render.blocks import PageIds, join_blocks, title_block
from generator.render.labels import capitalized
from generator.render.paging import chunked, continued_pages, page_title, pages_line
from generator.render.people import folder_pages
from generator.render.places import TextPlace, text_places

__all__ = ["GLOSSARY", "render_glossary", "term_anchor"]

GLOSSARY = "begrippen.md"
TITLE = "Begrippen"
INTRO = (
    "Afkortingen en vakjargon uit de brieven, kort uitgelegd door de redactie van Kamerdossier. "
    "In de brieven zijn deze begrippen onderstreept met stippen: wijs er een aan, of ga er met de "
    "Tab-toets naartoe, om de uitleg te zien. De uitleg is van de redactie, niet van de afzender "
    "van de brief."
)
NOT_USED = "Komt in de brieven op deze site niet voor."
GLOSSARY_FOLDER = "begrippen"
USES_SHOWN = 10
"""How many uses of a term the glossary lists itself, newest first; every use is on the term's page."""
USES_PER_PAGE = 200
"""How many uses a term's own page lists before it continues on `begrippen/<term>/2.md`."""


def term_anchor(term: Term) -> str:
    """The anchor a term's entry wants: `m365`, `slm-rijk`, `c-q`."""
    return slugify(term.name) or "begrip"


def _sort_key(term: Term) -> tuple[str, str]:
    plain = unicodedata.normalize("NFKD", term.name).encode("ascii", "ignore").decode("ascii")
    return plain.casefold(), term.name


def render_glossary(context: RenderContext) -> dict[str, str]:
    """Render `begrippen.md` (even without terms, so the navigation always leads somewhere)."""
    places = text_places(context)
    uses: dict[str, Counter[TextPlace]] = {}
    for use in context.corpus.links.terms:
        place = places.get((use.path, use.paragraph))
        if place is not None:
            uses.setdefault(use.term, Counter())[place] += 1
    ids = PageIds()
    blocks = [front_matter(TITLE), title_block(TITLE, ids), INTRO]
    terms = sorted(context.corpus.glossary, key=_sort_key)
    pages: dict[str, str] = {}
    labels = LetterLabels(context.letters)  # a letter using a term names it at each use, for every term
    for term, page in zip(terms, folder_pages(GLOSSARY_FOLDER, [term_anchor(term) for term in terms], "begrip")):
        found = _newest_first(uses.get(term.name, Counter()), context)
        blocks += _entry(term, found, GLOSSARY, labels, ids, page if len(found) > USES_SHOWN else None)
        if len(found) > USES_SHOWN:
            pages.update(_term_pages(term, page, found, labels))
    if not terms:
        blocks.append("Er zijn nog geen begrippen.")
    return {GLOSSARY: join_blocks(blocks), **pages}


def _term_pages(term: Term, page: str, found: list[tuple[TextPlace, int]], labels: LetterLabels) -> dict[str, str]:
    """A term's own page listing every use, newest first, continued on `…/2.md` after `USES_PER_PAGE`."""
    chunks = chunked(found, USES_PER_PAGE)
    addresses = continued_pages(page, len(chunks))
    pages = {}
    for number, (address, chunk) in enumerate(zip(addresses, chunks), 1):
        title = page_title(term.name, number)
        ids = PageIds()
        pages[address] = join_blocks(
            [front_matter(title), title_block(title, ids), pages_line(addresses, number)]
            + _entry(term, chunk, address, labels, ids, None)[1:]
            + [f"[Alle begrippen]({relative_link(address, GLOSSARY)})"]
        )
    return pages


def _newest_first(uses: Counter[TextPlace], context: RenderContext) -> list[tuple[TextPlace, int]]:
    """The uses newest letter first; within a letter in the order the letter has them."""
    order = {key: position for position, key in enumerate(letters_newest_first((place.letter for place in uses), context))}
    return sorted(uses.items(), key=lambda item: order[item[0].letter])


def _entry(
    term: Term, uses: list[tuple[TextPlace, int]], page: str, labels: LetterLabels, ids: PageIds, more: str | None
) -> list[str]:
    """A term's heading, explanation, source and uses; with `more`, only the newest uses and a link to `more`."""
    heading = f"## {escape_line(term.name)} {{#{ids.claim(term_anchor(term))}}}"
    explanation = escape_line(term.explanation)
    if term.expansion:
        explanation = f"**{escape_line(capitalized(term.expansion))}.** {explanation}"
    blocks = [heading, explanation]
    url = safe_url(term.source)
    if url:
        host = urlsplit(url).netloc
        blocks.append(f"[Meer over {escape_line(term.name)} ({escape_line(host)})]({url})")
    if not uses:
        return blocks + [NOT_USED]
    shown = uses[:USES_SHOWN] if more else uses
    items = [f"- {_use_link(place, page, labels)}" + (f" ({count}×)" if count > 1 else "") for place, count in shown]
    blocks += ["Komt voor in:" if not more else f"Komt voor in (de {USES_SHOWN} nieuwste van {len(uses)}):", "\n".join(items)]
    if more:
        blocks.append(f"[Alle {len(uses)} plaatsen waar {escape_line(term.name)} voorkomt]({relative_link(page, more)})")
    return blocks


def _use_link(place: TextPlace, page: str, labels: LetterLabels) -> str:
    """`[antwoord op vraag 3 (BBB), antwoordbrief, 12 februari 2026](…#bbb-antwoord-3)`."""
    where = labels[place.letter]
    text = f"{place.label}, {where[:1].lower()}{where[1:]}" if place.label else where
    return f"[{escape_line(text)}]({relative_link(page, place.page, place.anchor)})"
