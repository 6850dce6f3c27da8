"""Count answer statuses per letter and across the corpus, for letter pages and the home page.

A letter that asks (written questions, a committee's letter) counts its questions; a letter that
answers counts its answers; an answer letter that quotes the questions it answers counts only
its answers. Each question or answer counts once, under its first status::

    written questions 1-21, none answered  -> "21 vragen (21 zonder antwoord op deze site)"
    answer letter, BBB 1-24 and GL-PvdA 1  -> "25 antwoorden (19 beantwoord, 4 verwijzingen, 2 vertrouwelijk)"
"""

from __future__ import annotations

from collections import Counter

from generator.model import REFERRED, STATUSES, UNANSWERED, Answer, Letter, Question, Record
from generator.render.context import RenderContext, of_blocks

NOUNS = {"vraag": ("vraag", "vragen"), "antwoord": ("antwoord", "antwoorden")}

COUNTED = {REFERRED: ("verwijzing", "verwijzingen"), UNANSWERED: ("zonder antwoord op deze site",) * 2}
"""How a count names a status where the label does not read as Dutch after a number:
`4 verwijzingen`, `21 zonder antwoord op deze site` (`3 beantwoord`, `2 vertrouwelijk` stay)."""


def counted(number: int, status: str) -> str:
    """`4 verwijzingen`, `1 verwijzing`, `19 beantwoord`."""
    forms = COUNTED.get(status, (status, status))
    return f"{number} {forms[0] if number == 1 else forms[1]}"


def _counted(record: Record, letter: Letter, context: RenderContext) -> tuple[str, Counter[str]]:
    """What a letter counts ("vraag" or "antwoord") and how many of each status it has."""
    statuses = of_blocks(context.statuses, record.path)
    answers = [block for block in letter.body if isinstance(block, Answer)]
    blocks = answers or [block for block in letter.body if isinstance(block, Question) and not block.quoted]
    role = "antwoord" if answers else "vraag"
    counts: Counter[str] = Counter()
    for block in blocks:
        labels = statuses.get((letter.index, role, block.party, block.number), ())  # its target (`of_blocks`)
        counts[labels[0] if labels else UNANSWERED] += 1
    return role, counts


def _sentence(role: str, counts: Counter[str]) -> str:
    """`25 antwoorden (19 beantwoord, 4 verwijzingen, 2 vertrouwelijk)`; "" when nothing counts."""
    total = sum(counts.values())
    if not total:
        return ""
    noun = NOUNS[role][0 if total == 1 else 1]
    known = [status for status in STATUSES if counts[status]]
    others = sorted(status for status in counts if status not in STATUSES)
    parts = ", ".join(counted(counts[status], status) for status in [*known, *others])
    return f"{total} {noun} ({parts})"


def letter_status_summary(record: Record, letter: Letter, context: RenderContext) -> str:
    """The status counts of one letter's questions or answers, as one line of text."""
    return _sentence(*_counted(record, letter, context))


def corpus_status_summary(context: RenderContext) -> str:
    """The status counts of every question asked in the corpus (each once, where it is asked)."""
    counts: Counter[str] = Counter()
    for record in context.corpus.records:
        for letter in record.letters:
            role, found = _counted(record, letter, context)
            if role == "vraag":
                counts += found
    return _sentence("vraag", counts)
