"""Read and check a sidecar (`seeds/<name>.toml`): the facts a letter's text does not carry.

Each key has a type and a shape; a value that has neither is an error at the line of its key
(a TOML syntax error at the line and column TOML names), never coerced: `dossiers = "31066"` is
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
import tomllib
import urllib.parse
from collections.abc import Callable

from generator.errors import ReadError, problem
from generator.model import EERSTE_KAMER, TWEEDE_KAMER, Diagnostic, Sidecar
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

_TOML_POSITION = re.compile(r"\s*\(at (?:line (?P<line>\d+), column (?P<column>\d+)|end of document)\)$")


def read_sidecar(data: bytes, shown: str) -> tuple[Sidecar, tuple[Diagnostic, ...]]:
    """Check the sidecar `data` (the bytes of `shown`) and give its facts and warnings.

    Raises `ReadError` (all problems at once, each at its line) when any value is wrong.
    """
    if len(data) > SIDECAR_LIMIT:
        raise ReadError(shown, 1, f"sidecar larger than {SIDECAR_LIMIT // 1024} KB; refused")
    text = decode_text(data, shown) if data.strip() else ""
    try:
        facts = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ReadError(shown, *_toml_error(str(error), text)) from None
    except (ValueError, RecursionError) as error:  # an integer of thousands of digits; arrays nested thousands deep
        reason = "nested too deeply" if isinstance(error, RecursionError) else "a number too long"
        raise ReadError(shown, 1, f"not valid TOML: {reason}") from None
    lines = _key_lines(text)
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


def _toml_error(message: str, text: str) -> tuple[int, str]:
    """Turn tomllib's message into (line, message with the column): its own position, not line 1."""
    position = _TOML_POSITION.search(message)
    what = message[: position.start()] if position else message
    if position and position["line"]:
        return int(position["line"]), f"not valid TOML: {what} (column {position['column']})"
    return max(1, text.count("\n") + (0 if text.endswith("\n") else 1)), f"not valid TOML: {what} (at the end of the file)"


def _key_lines(text: str) -> dict[str, int]:
    """Find the line each top-level key is first written on (in valid TOML), in one pass.

    >>> _key_lines('# feiten\\nchamber = "Eerste Kamer"\\n[extra]\\nx = 1')
    {'chamber': 2, 'extra': 3}
    """
    lines: dict[str, int] = {}
    line, index, depth, line_start, in_table = 1, 0, 0, True, False
    while index < len(text):
        char = text[index]
        if char == "\n":
            line, line_start = line + 1, True
            index += 1
        elif char in " \t\r":
            index += 1
        elif char == "#":
            end = text.find("\n", index)
            index = len(text) if end < 0 else end
        elif depth == 0 and line_start:  # a key/value pair or a table header starts here
            line_start = False
            header = char == "["
            key, index = _read_key(text, index + (2 if text.startswith("[[", index) else 1) if header else index)
            if header or not in_table:  # keys under a table header are the table's, not top-level
                lines.setdefault(key, line)
            in_table = in_table or header
            if header:
                end = text.find("\n", index)
                index = len(text) if end < 0 else end
        elif char in "\"'":
            end = _string_end(text, index)
            line += text.count("\n", index, end)
            index = end
        else:
            depth += (char in "[{") - (char in "]}")
            index += 1
    return lines


def _read_key(text: str, index: int) -> tuple[str, int]:
    """Read a (dotted) key from `index`: its first part, decoded, and where the key ends."""
    first = None
    while True:
        while index < len(text) and text[index] in " \t":
            index += 1
        start = index
        if index < len(text) and text[index] in "\"'":
            index = _string_end(text, index)
            part = tomllib.loads(f"k = {text[start:index]}")["k"]
        else:
            while index < len(text) and (text[index].isalnum() or text[index] in "_-"):
                index += 1
            part = text[start:index]
        first = part if first is None else first
        while index < len(text) and text[index] in " \t":
            index += 1
        if index < len(text) and text[index] == ".":
            index += 1
            continue
        return first, index


def _string_end(text: str, index: int) -> int:
    """Where the TOML string starting at `index` ends (just past its closing quote)."""
    quote = text[index]
    triple = text.startswith(quote * 3, index)
    closing = quote * 3 if triple else quote
    position = index + len(closing)
    while position < len(text):
        if quote == '"' and text[position] == "\\":
            position += 2
            continue
        if text.startswith(closing, position):
            position += len(closing)
            while triple and position < len(text) and text[position] == quote and text.startswith(closing, position - 2):
                position += 1  # `""""` closes with one quote inside the string
            return position
        position += 1
    return len(text)
