"""Write the blocks a page is made of, each id on it unique: its title, headings, metadata list.

A page is Markdown blocks joined by blank lines (`join_blocks`). Every id is claimed on the page
(`PageIds`) before it is written, so no two elements share one (`attr_list` does not check); a
letter's questions and answers claim theirs first (`qa_anchors`), so they keep the scheme's
names (`bbb-vraag-7`).

    >>> ids = PageIds()
    >>> join_blocks([title_block("Vragen", ids), heading_block(2, "Vragen", ids), metadata_block([("Kamer", "Eerste Kamer")])])
    '# Vragen {#titel}\\n\\n## Vragen {#vragen}\\n\\n- **Kamer:** Eerste Kamer\\n'
"""

from __future__ import annotations

from generator.model import Answer, Letter, Question
from generator.render.addresses import answer_anchor, question_anchor, slugify
from generator.render.escape import escape_heading, escape_line
from generator.render.labels import covered_numbers


class PageIds:
    """The ids used on one page, so every new one is unique (`attr_list` does not check).

    A wanted id that is taken gets `-2`, `-3`, ... appended, in the order ids are claimed.
    """

    def __init__(self) -> None:
        self.taken: set[str] = set()

    def claim(self, wanted: str) -> str:
        """Take `wanted` (or the first free numbered variant of it) and return what was taken."""
        candidate, count = wanted, 1
        while candidate in self.taken:
            count += 1
            candidate = f"{wanted}-{count}"
        self.taken.add(candidate)
        return candidate

    def claim_if_free(self, wanted: str) -> bool:
        """Take `wanted` only if nobody has; tell whether it was taken now."""
        if wanted in self.taken:
            return False
        self.taken.add(wanted)
        return True


def title_block(title: str, ids: PageIds) -> str:
    """Write the H1 of a page with a fixed id (`titel`), so no heading text can take an anchor."""
    return f"# {escape_heading(title)} {{#{ids.claim('titel')}}}"


def heading_block(level: int, text: str, ids: PageIds) -> str:
    """Write a heading of source text with an id derived from it, unique on the page (none if empty)."""
    if not text.strip():
        return ""
    return f"{'#' * level} {escape_heading(text)} {{#{ids.claim(slugify(text) or 'kop')}}}"


def printed_heading_block(letter: Letter) -> str:
    """Keep the heading a letter prints (`BRIEF VAN DE STAATSSECRETARIS …`) as a paragraph of its
    own, as printed: the page's title names the letter readably instead. Empty when it prints none."""
    if not letter.title or not letter.title.strip():
        return ""
    return f"{escape_line(letter.title)}\n{{: .kd-printed-heading }}"


def metadata_block(items: list[tuple[str, str]]) -> str:
    """Write label/value pairs (values already Markdown) as a list: `- **Kamer:** Eerste Kamer`."""
    return "\n".join(f"- **{label}:** {value}" for label, value in items if value)


def join_blocks(blocks: list[str]) -> str:
    """Join Markdown blocks with one blank line between them, ending with one line end."""
    return "\n\n".join(block.strip("\n") for block in blocks if block.strip()) + "\n"


def qa_anchors(letter: Letter) -> dict[int, tuple[str, tuple[str, ...]]]:
    """The anchors a letter's page gives its questions and answers, by their position in its body:
    (the anchor, the further anchors of a combined one). Made once per letter, whoever asks
    first: its page, its places, its open data (`claimed_once`)."""
    return claimed_once(letter)[0]


def claim_anchors(letter: Letter, ids: PageIds) -> dict[int, tuple[str, tuple[str, ...]]]:
    """Claim each question's and answer's anchor in `ids`, in body order, then each combined
    one's further anchors (those still free)."""
    wanted: dict[int, list[str]] = {}
    for position, block in enumerate(letter.body):
        if isinstance(block, (Question, Answer)):
            anchor = question_anchor if isinstance(block, Question) else answer_anchor
            wanted[position] = [anchor(block.party, number) for number in covered_numbers(block)]
    primary = {position: ids.claim(names[0]) for position, names in wanted.items()}
    return {
        position: (primary[position], tuple(name for name in names[1:] if ids.claim_if_free(name)))
        for position, names in wanted.items()
    }


_CLAIMED: dict[int, tuple[Letter, dict[int, tuple[str, tuple[str, ...]]], frozenset[str]]] = {}
"""The anchors of the letters rendered last (`claimed_once`), by the letter's identity: a letter
is the same object to its page, its places and its open data, and hashing a letter (a tree of
frozen dataclasses) would cost more than claiming its anchors again."""
_CLAIMED_KEPT = 256


def claimed_once(letter: Letter) -> tuple[dict[int, tuple[str, tuple[str, ...]]], frozenset[str]]:
    """`claim_anchors` on a page with no id claimed yet, and the ids it took, kept for the
    letters rendered last (the entry holds the letter, so its identity is no other's meanwhile)."""
    found = _CLAIMED.get(id(letter))
    if found is not None and found[0] is letter:
        return found[1], found[2]
    ids = PageIds()
    anchors, taken = claim_anchors(letter, ids), frozenset(ids.taken)
    if len(_CLAIMED) >= _CLAIMED_KEPT:
        _CLAIMED.clear()
    _CLAIMED[id(letter)] = (letter, anchors, taken)
    return anchors, taken
