"""Dutch dates as printed in letters: `2 december 2025`, `12 februari 2026`."""

from __future__ import annotations

import datetime
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
    r"""\b(?P<day>\d{1,2})\s+(?P<month>januari|februari|maart|april|mei|juni|juli|augustus
                                     |september|oktober|november|december)\s+(?P<year>\d{4})\b""",
    re.VERBOSE | re.IGNORECASE,
)


def parse_dutch_date(text: str) -> datetime.date | None:
    """Return the first Dutch date in `text`, or None.

    >>> parse_dutch_date("Den Haag, 2 december 2025")
    datetime.date(2025, 12, 2)
    """
    match = DUTCH_DATE.search(text)
    if match is None:
        return None
    try:
        return datetime.date(int(match["year"]), MONTHS[match["month"].lower()], int(match["day"]))
    except ValueError:
        return None
