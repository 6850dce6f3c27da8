"""Scan paragraph text fast: the link pass reads every paragraph and footnote of the corpus with
several patterns, and Python's regular expression engine is quick only where it can skip ahead.

It skips quickly to a pattern's first literal or character class; a pattern that starts with a
lookbehind (`(?<![\\w])…`) or is case-insensitive makes it try the whole pattern at every
character. So a step either matches the character before a find and holds the find in a
lookahead (`finds_after_boundary`), or first looks for a word its pattern needs in the text
lower-cased (`folded`) or with a cheap pattern, and runs the full pattern only where it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

FOLDED_TO_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
"""The characters beyond ASCII that Python's case-insensitive patterns match to an ASCII letter
(`İ`, `ı` as `i`, `ſ` as `s`, the Kelvin sign as `k`): with them mapped and the rest lower-cased, a
text holds a word in lower case wherever such a pattern would find it in any case."""
_FOLDED_AWAY = re.compile("[" + "".join(map(chr, FOLDED_TO_ASCII)) + "]")


def folded(text: str) -> str:
    """`text` lower-cased as the case-insensitive patterns read it (`FOLDED_TO_ASCII`): a word they
    would find in any case is in it in lower case."""
    return (text.translate(FOLDED_TO_ASCII) if _FOLDED_AWAY.search(text) else text).lower()


def finds_after_boundary(pattern: re.Pattern[str], text: str, group: str) -> Iterator[tuple[re.Match[str], int, int]]:
    """Yield each find of `pattern`'s `group` in `text`, left to right and never overlapping, as
    (match, start, end) with `start`..`end` the group's characters in `text`.

    `pattern` matches the one character that may stand before a find and holds the find in a
    lookahead (`[^\\w@](?=(?P<find>…))`): the regular expression engine then skips quickly over
    every character that cannot stand before one, where a lookbehind (`(?<![\\w@])…`) keeps it
    trying the whole pattern at every character. The text is read with a space before it, so a
    find may stand at its start; a find that starts inside the one before it is left out, as
    `finditer` on the lookbehind pattern would::

        >>> pattern = re.compile(r"[^\\w](?=(?P<find>ab|b))")
        >>> [(start, end) for _, start, end in finds_after_boundary(pattern, "ab b", "find")]
        [(0, 2), (3, 4)]
    """
    end = 0
    for match in pattern.finditer(" " + text):
        start = match.start(group) - 1
        if start >= end:
            end = match.end(group) - 1
            yield match, start, end
