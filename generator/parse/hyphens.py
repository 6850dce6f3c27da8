"""Decide a hyphen printed at a line end: a typesetter's break in one word, or part of the text.

Both the text path (`generator.parse.text`) and the PDF path call `join_broken_line` where a
line ends in a hyphen. The decision is made by words, never by position, in this order:

1. the letter's own vocabulary: it prints the compound with its hyphen elsewhere (keep), or the
   word whole (join);
2. Dutch spelling, which demands the hyphen: a capital, digit or other non-letter on either side
   (`motie-`/`Kathmann`, `IT-`/`beheer`, `2024-`/`2025`), two vowels that would run together
   into one sound (`data-`/`overdracht`, `massa-`/`explosies`), and a compound cut short before
   `en`/`of` (`kwaliteits-`/`en transporteisen`), where the space stays too;
3. a Dutch lexicon (wordfreq's word list): the whole word is Dutch (join: `beoorde-`/`ling`),
   or it is not while both halves are (keep: `sociaal-`/`medische`);
4. otherwise the hyphen was the typesetter's (join: `consumentenvuurwerkop-`/`slag`).

A hyphen inside a web address (`…/ut-rapport-…-vuurwerkrampen-`/`gepresenteerd`) is always kept.

    >>> join_broken_line("in de beoorde-", "ling van")
    'in de beoordeling van'
    >>> join_broken_line("de motie-", "Kathmann/Six")
    'de motie-Kathmann/Six'
    >>> join_broken_line("de kwaliteits-", "en transporteisen")
    'de kwaliteits- en transporteisen'
"""

from __future__ import annotations

import functools
import re
from collections.abc import Container, Iterable

WORD_BEFORE = re.compile(r"(?<![^\W\d_])(?P<word>[^\W\d_]++)-$")
"""The letters right before a line-end hyphen (`beoorde-`)."""
WORD_AFTER = re.compile(r"^(?P<word>[^\W\d_]++)(?P<rest>\S*+)")
"""The letters that open the next line (`ling`), and what follows them up to a space."""
WORDS = re.compile(r"[^\W\d_]++(?:-[^\W\d_]++)*+")
"""A word, hyphenated compounds whole: `motie-Kathmann`, `beoordeling`."""

COORDINATORS = frozenset({"en", "of", "tot", "noch", "dan"})
"""After `kwaliteits-` at a line end, these words mean the compound was cut short."""

VOWEL_CLASHES = frozenset(
    "aa ae ai au ee ei eu ie ij oe oi oo ou ui uu".split()
)
"""Two vowels, one ending the first part and one opening the second, that Dutch spelling keeps
apart with a hyphen in a compound (`zee-egel`, `auto-ongeluk`); within one word they carry a
diaeresis instead (`geïnformeerd`), so without one they mark a compound."""

LEXICON_LANGUAGE = "nl"


@functools.cache
def _is_dutch(word: str) -> bool:
    """Whether `word` (lower case) is in the Dutch word list of wordfreq."""
    from wordfreq import zipf_frequency  # loaded on the first hyphen the letter cannot decide

    return zipf_frequency(word, LEXICON_LANGUAGE) > 0


def vocabulary(texts: Iterable[str]) -> frozenset[str]:
    """The words (lower case, compounds with their hyphen) of a letter's lines, for `keeps_hyphen`.

    A word at a line end that ends in a hyphen is left out: a broken word is no evidence.

    >>> sorted(vocabulary(["de motie-Kathmann en de beoorde-", "ling"]))
    ['de', 'en', 'ling', 'motie-kathmann']
    """
    return frozenset(map(str.lower, WORDS.findall(_kept_text(texts))))  # no word runs over a line end


def _kept_text(texts: Iterable[str]) -> str:
    """The lines whose words are the vocabulary, joined by line breaks: each without its end's
    white space, and without its last word when that ends in a hyphen."""
    kept: list[str] = []
    for text in texts:
        stripped = text.rstrip()
        if stripped.endswith("-"):
            stripped = stripped[: len(stripped) - len(stripped.split()[-1])] if stripped.split() else ""
        kept.append(stripped)
    return "\n".join(kept)


class LetterWords(Container[str]):
    """`vocabulary(texts)` as `keeps_hyphen` reads it, `word in words`, without gathering it: most
    letters ask for a few words (one or two per line-end hyphen), and finding each in the text is
    cheaper than reading every word of the letter into a set.

    A word is in it when it stands in the text lower-cased as a word of its own (`WORDS`: letters,
    compounds whole). That is where `vocabulary` finds it when lower-casing changes no character
    into more or fewer (`İ`) and reads none by its context (the final sigma): a text where it may
    is read into the set, as is one whose words were looked for long (`SEARCH_BUDGET`), so a
    letter costs no more than its text's length times a constant.

    >>> words = LetterWords(["de motie-Kathmann en de beoorde-", "ling"])
    >>> "motie-kathmann" in words, "ling" in words, "motie" in words, "beoorde" in words
    (True, True, False, False)
    """

    SEARCH_BUDGET = 16
    """How many times its length a text is searched for words before it is read into a set."""

    def __init__(self, texts: Iterable[str]) -> None:
        self._text = _kept_text(texts)
        self._lower = self._text.lower()
        self._words: frozenset[str] | None = None
        self._budget = self.SEARCH_BUDGET * (len(self._text) + 1)
        if len(self._lower) != len(self._text) or "Σ" in self._text:
            self._budget = 0

    def __contains__(self, word: object) -> bool:
        if not isinstance(word, str):
            return False
        if self._words is None and self._budget > 0:
            return self._found(word)
        if self._words is None:
            self._words = frozenset(map(str.lower, WORDS.findall(self._text)))
        return word in self._words

    def _found(self, word: str) -> bool:
        """Whether `word` stands in the lower-cased text as a word of its own (`WORDS`)."""
        self._budget -= len(self._text) + 1  # a search reads the text once at most
        if not WORDS.fullmatch(word):
            return False  # no word: letters, and a hyphen only between them
        text, size, at = self._text, len(word), self._lower.find(word)
        while at >= 0:
            end = at + size
            if not (at and (_is_letter(text[at - 1]) or (text[at - 1] == "-" and at > 1 and _is_letter(text[at - 2])))) and not (
                end < len(text) and (_is_letter(text[end]) or (text[end] == "-" and end + 1 < len(text) and _is_letter(text[end + 1])))
            ):
                return True  # no letter, nor a hyphen after one, before it; none after it either
            self._budget -= size
            at = self._lower.find(word, at + 1)
        return False


def _is_letter(char: str) -> bool:
    """Whether `char` is one `WORDS` reads as a letter (`[^\\W\\d_]`)."""
    return char.isalnum() and not char.isdecimal()


def restore_dropped(texts: list[str], known: frozenset[str]) -> list[str]:
    """Give back the hyphen of a compound that an extractor dropped when it joined a line-end
    hyphen itself (pdftotext prints `Joseph-`/`Agema` as `JosephAgema`): a word the letter
    prints elsewhere with its hyphen (`Joseph-Agema`) and here without it gets it back.

    >>> restore_dropped(["de motie JosephAgema, blijft"], frozenset({"joseph-agema"}))
    ['de motie Joseph-Agema, blijft']
    """
    hyphenated = {word.replace("-", ""): word for word in known if word.count("-") == 1}
    if not hyphenated:
        return texts

    def restore(match: re.Match[str]) -> str:
        word = match.group(0)
        compound = hyphenated.get(word.lower())
        if compound is None:
            return word
        cut = compound.index("-")
        return f"{word[:cut]}-{word[cut:]}"

    return [PLAIN_WORD.sub(restore, text) for text in texts]


PLAIN_WORD = re.compile(r"(?<![\w-])[^\W\d_]++(?![\w-])")
"""A word of letters only, with no hyphen on either side."""


def keeps_hyphen(first: str, second: str, known: Container[str] = frozenset()) -> bool:
    """Whether the hyphen between `first` and `second` (the letters on either side of a line end)
    belongs to the text; false when it only broke a word. `known` is the letter's vocabulary.

    >>> keeps_hyphen("zorgaanbie", "der", frozenset({"zorgaanbieder"}))
    False
    >>> keeps_hyphen("massa", "explosies")
    True
    >>> keeps_hyphen("sociaal", "medische")
    True
    """
    if not (first.isalpha() and second.isalpha()) or not second[0].islower() or first.isupper():
        return True  # motie-Kathmann, IT-beheer, 2024-2025, EU-privacyregels
    compound, whole = f"{first}-{second}".lower(), f"{first}{second}".lower()
    if compound in known:
        return True
    if whole in known:
        return False
    if (first[-1] + second[0]).lower() in VOWEL_CLASHES:
        return True
    if _is_dutch(whole):
        return False
    return _is_dutch(first.lower()) and _is_dutch(second.lower())


def join_broken_line(before: str, after: str, known: Container[str] = frozenset()) -> str:
    """Join a line ending in a hyphen (`before`) with the next line (`after`), keeping the hyphen
    where it belongs to the text (see `keeps_hyphen`) and the space before `en`/`of`."""
    head = WORD_BEFORE.search(before)
    tail = WORD_AFTER.match(after)
    if head is None or tail is None:
        return before + after  # `2024-`/`2025`, `(zie -`: no word on either side to decide by
    if "/" in before.rsplit(None, 1)[-1]:
        return before + after  # inside a web address every hyphen is the address's own
    if tail["word"] in COORDINATORS and not tail["rest"]:
        return f"{before} {after}"  # kwaliteits- en transporteisen
    if keeps_hyphen(head["word"], tail["word"], known):
        return before + after
    return before[:-1] + after
