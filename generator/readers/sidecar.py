"""Read and check a sidecar (`seeds/<name>.toml`): the facts a letter's text does not carry.

Each key has a type and a shape; a value that has neither is an error at the line of its key
(a TOML syntax error at the line and column TOML names; an integer longer than Python reads or
values nested too deep at their own line and column: `generator.readers._toml`), never coerced: `dossiers = "31066"` is
not five dossiers 3, 1, 0, 6, 6. An unknown key is a warning naming it (and the known key it is
probably a misspelling of). A byte-order mark is accepted.

    identifier = "kst-26643-1234"     # official publication identifier
    source_url = "https://…"          # where the PDF was published (http or https)
    dossiers = ["26643", "31066"]     # Kamerstuk dossier numbers, as strings
    date = 2025-12-02                 # the publication's date (a date, not a date and time)
    chamber = "Eerste Kamer"          # or "Tweede Kamer"

    >>> read_sidecar(b'# feiten\\ndossiers = "31066"', "seeds/x.toml")
    Traceback (most recent call last):
    generator.errors.ReadError: seeds/x.toml:2: dossiers must be a list of dossier numbers such as ["31066", "36600-VII"] — "31066"
"""

from __future__ import annotations

import datetime
import difflib
import re
import urllib.parse
from collections.abc import Callable

from generator.errors import ReadError, problem
from generator.model import EERSTE_KAMER, TWEEDE_KAMER, Diagnostic, Sidecar
from generator.readers._toml import TomlError, read_toml
from generator.readers.files import decode_text

SIDECAR_LIMIT = 64 * 1024
"""A sidecar holds five short facts; a larger file is refused before it is parsed."""

IDENTIFIER = re.compile(
    r"""(?:[a-z]{1,10}(?:-[a-z0-9]{1,20}){1,6}   # kst-26643-1234, ah-tk-20252026-412, h-tk-20252026-12-3
        |\d{4}D\d{5,8})                         # a Tweede Kamer document number: 2025D42960""",
    re.VERBOSE,
)
DOSSIER = re.compile(
    r"""[1-9]\d{0,5}                             # 31066
        (?:-(?:[A-Z]{1,6}|\d{1,3}))?             # 36600-VII, 21501-32""",
    re.VERBOSE,
)
CHAMBERS = (TWEEDE_KAMER, EERSTE_KAMER)
FIRST_DATE = datetime.date(1815, 1, 1)  # the Staten-Generaal in two chambers
LAST_DATE = datetime.date(2100, 12, 31)
URL_LIMIT = 2000
_URL_FORBIDDEN = re.compile(r"[\s\"'<>\\^`{|}\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


def read_sidecar(data: bytes, shown: str) -> tuple[Sidecar, tuple[Diagnostic, ...]]:
    """Check the sidecar `data` (the bytes of `shown`) and give its facts and warnings.

    Raises `ReadError` (all problems at once, each at its line) when any value is wrong.
    """
    if len(data) > SIDECAR_LIMIT:
        raise ReadError(shown, 1, f"sidecar larger than {SIDECAR_LIMIT // 1024} KB; refused")
    text = decode_text(data, shown, empty_ok=True)
    try:
        facts, key_lines = read_toml(text)
    except TomlError as error:
        raise ReadError(shown, error.line, error.message) from None
    lines = {path[0]: line for path, line in key_lines.items() if len(path) == 1}
    found: dict[str, object] = {}
    problems: list[Diagnostic] = []
    for key, value in facts.items():
        line = lines.get(key, 1)
        check = CHECKS.get(key)
        if check is None:
            guess = difflib.get_close_matches(key, CHECKS, n=1)
            hint = f" (did you mean {guess[0]!r}?)" if guess else f" (known keys: {', '.join(CHECKS)})"
            problems.append(problem(shown, line, f"unknown key {_shown_key(key)} ignored{hint}", severity="warning"))
            continue
        checked, wrong, warnings = check(value)
        problems += [problem(shown, line, f"{key}: {message}", severity="warning") for message in warnings]
        if wrong:
            problems.append(problem(shown, line, f"{key} {wrong}", _shown_value(value)))
        else:
            found[key] = checked
    if any(d.severity == "error" for d in problems):
        first = next(d for d in problems if d.severity == "error")
        raise ReadError(first.path, first.line, first.message, first.fragment, [d for d in problems if d is not first])
    known_lines = tuple(sorted((key, line) for key, line in lines.items() if key in found))
    return Sidecar(shown, lines=known_lines, **found), tuple(problems)  # type: ignore[arg-type]


Check = Callable[[object], tuple[object, str | None, list[str]]]
"""A value -> (the checked value, what is wrong with it or None, warnings)."""


def _identifier(value: object) -> tuple[object, str | None, list[str]]:
    if not isinstance(value, str) or not IDENTIFIER.fullmatch(value):
        return None, 'must be a publication identifier such as "kst-26643-1234" or "ah-tk-20252026-412"', []
    return value, None, []


def _source_url(value: object) -> tuple[object, str | None, list[str]]:
    wrong = "must be an http or https address such as \"https://zoek.officielebekendmakingen.nl/…\""
    if not isinstance(value, str) or len(value) > URL_LIMIT or _URL_FORBIDDEN.search(value):
        return None, wrong, []
    try:
        parts = urllib.parse.urlsplit(value)
        host = parts.hostname
    except ValueError:
        return None, wrong, []
    if parts.scheme.lower() not in ("http", "https") or not host:
        return None, wrong, []
    return value, None, []


def _dossiers(value: object) -> tuple[object, str | None, list[str]]:
    wrong = 'must be a list of dossier numbers such as ["31066", "36600-VII"]'
    if not isinstance(value, list) or not all(isinstance(item, str) and DOSSIER.fullmatch(item) for item in value):
        bad = next((item for item in value if not (isinstance(item, str) and DOSSIER.fullmatch(item))), None) if isinstance(value, list) else None
        return None, wrong + (f"; not a dossier number: {_shown_value(bad)}" if isinstance(value, list) else ""), []
    unique = tuple(dict.fromkeys(value))
    twice = sorted({item for item in value if value.count(item) > 1})
    return unique, None, [f"listed more than once: {', '.join(twice)}"] if twice else []


def _date(value: object) -> tuple[object, str | None, list[str]]:
    if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
        return None, "must be a date such as 2025-12-02 (without quotes, without a time)", []
    if not FIRST_DATE <= value <= LAST_DATE:
        return None, f"must be a date between {FIRST_DATE.year} and {LAST_DATE.year}", []
    return value, None, []


def _chamber(value: object) -> tuple[object, str | None, list[str]]:
    if value not in CHAMBERS:
        return None, f"must be {' or '.join(repr(c) for c in CHAMBERS)}", []
    return value, None, []


CHECKS: dict[str, Check] = {
    "identifier": _identifier,
    "source_url": _source_url,
    "dossiers": _dossiers,
    "date": _date,
    "chamber": _chamber,
}
"""The keys a sidecar may hold, each with its check, in the order the README lists them."""


def _shown_key(key: str) -> str:
    """A key as a message shows it: quoted, escaped, at most 40 characters."""
    return repr(key if len(key) <= 40 else key[:39] + "…")


def _shown_value(value: object) -> str:
    """A value as written in TOML, roughly: strings quoted, the rest as Python shows it."""
    text = f'"{value}"' if isinstance(value, str) else str(value)
    return text if len(text) <= 60 else text[:57] + "…"
