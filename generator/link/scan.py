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
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Mapping

FOLDED_TO_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})
"""The characters beyond ASCII that Python's case-insensitive patterns match to an ASCII letter
(`İ`, `ı` as `i`, `ſ` as `s`, the Kelvin sign as `k`): with them mapped and the rest lower-cased, a
text holds a word in lower case wherever such a pattern would find it in any case."""
_FOLDED_AWAY = "".join(map(chr, FOLDED_TO_ASCII))


def folded(text: str) -> str:
    """`text` lower-cased as the case-insensitive patterns read it (`FOLDED_TO_ASCII`): a word they
    would find in any case is in it in lower case.

    Most texts hold none of those characters: an ASCII text is known to without reading it, and
    looking for each of the four (a fast search) costs a tenth of a pattern of the four."""
    if not text.isascii() and any(char in text for char in _FOLDED_AWAY):
        text = text.translate(FOLDED_TO_ASCII)
    return text.lower()


def finds_after_boundary(
    pattern: re.Pattern[str], text: str, group: str, starts: Iterable[int] | None = None
) -> Iterator[tuple[re.Match[str], int, int]]:
    """Yield each find of `pattern`'s `group` in `text`, left to right and never overlapping, as
    (match, start, end) with `start`..`end` the group's characters in `text`. With `starts` (in
    ascending order), `pattern` is tried only before those characters of `text`: the caller knows
    no find starts elsewhere (`starts_near`).

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
    spaced = " " + text  # the character before text[at] is spaced[at]
    matches = pattern.finditer(spaced) if starts is None else filter(None, (pattern.match(spaced, at) for at in starts))
    for match in matches:
        start = match.start(group) - 1
        if start >= end:
            end = match.end(group) - 1
            yield match, start, end


def starts_near(text: str, anchors: list[int], words_before: int, boundary: re.Pattern[str]) -> Iterator[int]:
    """Yield, in ascending order and once each, every place in `text` where a find may start when
    each find holds one of the `anchors` (positions in `text`, ascending) after at most
    `words_before` whole words (runs of characters but white space) of its own: the places from
    the start of the word `words_before` before an anchor's word up to the anchor, where the
    character before (a space before the text) is one a find may follow (`boundary`, one character).

    The words before an anchor are read in the text reversed, by one pattern, and no character
    twice: a stretch read for one anchor is not read again for the next::

        >>> list(starts_near("zie de brief van 1 mei", [19], 1, re.compile(r"\\s")))
        [17, 19]
    """
    spaced = " " + text  # as `finds_after_boundary` reads it
    backwards = text[::-1]  # text[at - 1] is backwards[len(text) - at]
    words = _WORDS_BACK[words_before]
    done = 0  # the places before this one were read
    for anchor in anchors:
        if anchor < done:
            continue
        back = words.match(backwards, len(text) - anchor, len(text) - done)
        for found in boundary.finditer(spaced, len(text) - back.end(), anchor + 1):
            yield found.start()
        done = anchor + 1


_WORDS_BACK = {count: re.compile(rf"\S*+(?:\s++\S++){{0,{count}}}+") for count in range(4)}
"""Read backwards from an anchor: the rest of its word, then up to `count` words before it."""


def hinted(texts: list[str], hints: Mapping[str, re.Pattern[str]]) -> list[set[str]]:
    """For each of `texts`, the names of the `hints` found in it (a text where none is found
    holds none), each hint searched for in all of `texts` at once: most texts (a record's
    paragraphs) hold none, and one search a record costs less than one a paragraph.

    The texts are read joined by line breaks, so a find may run from one text into the next (a
    hint holding `\\s`): the text it starts in is named then, needlessly, and the search goes on at
    the next text's start, so no find inside a text is passed over::

        >>> hinted(["zie vraag", "3 en vraag 4", "niets"], {"vraag n": re.compile(r"vraag\\s+\\d")})
        [{'vraag n'}, {'vraag n'}, set()]
    """
    starts = [0]
    for text in texts:
        starts.append(starts[-1] + len(text) + 1)
    joined = "\n".join(texts)
    found: list[set[str]] = [set() for _ in texts]
    for name, hint in hints.items():
        at = 0
        while (match := hint.search(joined, at)) is not None:
            index = bisect_right(starts, match.start()) - 1
            found[index].add(name)
            at = starts[index + 1]  # this text is named: go on at the next
    return found
