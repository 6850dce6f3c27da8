"""Dutch dates as printed in letters: `2 december 2025`, `12 februari 2026`."""

from __future__ import annotations

import bisect
import datetime
import itertools
import re

MONTHS = {
    name: number
    for number, name in enumerate(
        (
            "januari",
            "februari",
            "maart",
            "april",
            "mei",
            "juni",
            "juli",
            "augustus",
            "september",
            "oktober",
            "november",
            "december",
        ),
        start=1,
    )
}

DUTCH_DATE = re.compile(
    r"""(?P<day>\d(?<!\w\d)\d?)\s+(?P<month>januari|februari|maart|april|mei|juni|juli|augustus
                                     |september|oktober|november|december)\s+(?P<year>\d{4})\b""",
    re.VERBOSE | re.IGNORECASE,
)
"""`2 december 2025`: a day of one or two digits with no letter or digit before it (said after its
first digit, so the engine skips quickly from digit to digit), a month, a year."""


def parse_dutch_date(text: str) -> datetime.date | None:
    """Return the first Dutch date in `text`, or None (also when that date cannot exist).

    >>> parse_dutch_date("Den Haag, 2 december 2025")
    datetime.date(2025, 12, 2)
    """
    match = DUTCH_DATE.search(text)
    return None if match is None else _date(match)


def impossible_dates_in(texts: list[str]) -> list[tuple[int, str]]:
    """List the dates in each of `texts` written as Dutch dates that no calendar has, as (index of
    the text, date as written), in order. The texts are read in one pass, joined by a character
    that is neither white space nor a word's, so no date runs from one into the next and each
    one's start and end read as a text's own (a paragraph holds a date seldom; searching each on
    its own cost a call per paragraph).

    >>> impossible_dates_in(["Den Haag, 31 februari 2025; ingezonden 99 maart 2025, 1 maart 2025"])
    [(0, '31 februari 2025'), (0, '99 maart 2025')]
    >>> impossible_dates_in(["Den Haag, 31", "februari 2025", "ingezonden 99 maart 2025"])
    [(2, '99 maart 2025')]
    """
    found = []
    starts = list(itertools.accumulate((len(text) + 1 for text in texts), initial=0))
    for match in DUTCH_DATE.finditer(_TEXT_SEPARATOR.join(texts)):
        if _date(match) is None:
            found.append((bisect.bisect_right(starts, match.start()) - 1, match.group()))
    return found


_TEXT_SEPARATOR = "\x00"
"""What `impossible_dates_in` joins texts by: not white space, no word's character."""


def _date(match: re.Match[str]) -> datetime.date | None:
    try:
        return datetime.date(int(match["year"]), _month(match["month"]), int(match["day"]))
    except ValueError:  # 31 februari, 99 maart, 0 mei
        return None


def _month(written: str) -> int:
    """The number of the month `DUTCH_DATE` read as `written`, compared as it compares: without
    case, and so with the letters it reads as ASCII (`ſeptember`, `julı`), where `str.lower`
    keeps them and names no month.

    >>> _month("Juli"), _month("\u017feptember")
    (7, 9)
    """
    found = MONTHS.get(written.lower())  # as written, in any case (nearly always): no pattern to try
    if found is not None:
        return found
    return next(number for name, number in MONTHS.items() if re.fullmatch(name, written, re.IGNORECASE))
