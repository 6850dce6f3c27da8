"""Render the glossary page (`begrippen.md`): every term, its explanation, and where letters use it.

    # Begrippen
    ## M365 {#m365}
    **Microsoft 365.** Het kantoorpakket van Microsoft als clouddienst, …
    [Meer over M365 (www.microsoft.com)](https://www.microsoft.com/nl-nl/microsoft-365)
    Komt voor in:
    - [antwoord op vraag 3 (BBB), antwoordbrief, 12 februari 2026](eerste-kamer/…/antwoordbrief.md#bbb-antwoord-3) (2×)

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
from generator.render.context import RenderContext
from generator.render.labels import letter_label
from generator.render.escape import escape_line, front_matter, safe_url
from generator.render.markdown import PageIds, capitalized, join_blocks, title_block
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
    for term in terms:
        blocks += _entry(term, uses.get(term.name, Counter()), context, ids)
    if not terms:
        blocks.append("Er zijn nog geen begrippen.")
    return {GLOSSARY: join_blocks(blocks)}


def _entry(term: Term, uses: Counter[TextPlace], context: RenderContext, ids: PageIds) -> list[str]:
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
    items = [f"- {_use_link(place, context)}" + (f" ({count}×)" if count > 1 else "") for place, count in uses.items()]
    return blocks + ["Komt voor in:", "\n".join(items)]


def _use_link(place: TextPlace, context: RenderContext) -> str:
    """`[antwoord op vraag 3 (BBB), antwoordbrief, 12 februari 2026](…#bbb-antwoord-3)`."""
    record, letter = context.letters[place.letter]
    where = letter_label(record, letter)
    text = f"{place.label}, {where[:1].lower()}{where[1:]}" if place.label else where
    return f"[{escape_line(text)}]({relative_link(GLOSSARY, place.page, place.anchor)})"
