"""Read TOML with the line of every key, and refuse what tomllib cannot read at its line and column.

tomllib names the line and column of a syntax error, but neither for an integer longer than
Python reads (a `ValueError`: more than 4,300 digits) nor for values nested deeper than its
recursion reaches (a `RecursionError`, at a depth that depends on the caller's stack). One
linear pass over the text, before tomllib reads it, finds both at their place, and the line each
key is first written on; a key is named by its path from the document's root::

    >>> read_toml('# verhuisd\\n[pages]\\n"a/" = "b/"\\n')
    ({'pages': {'a/': 'b/'}}, {('pages',): 2, ('pages', 'a/'): 3})
    >>> read_toml('dossiers = [[["31066"]]]', depth_limit=3)
    Traceback (most recent call last):
    generator.readers._toml.TomlError: 1: not valid TOML: values nested more than 3 deep (arrays, tables, dotted keys) (column 14)
"""

from __future__ import annotations

import re
import sys
import tomllib

DEPTH_LIMIT = 100
"""Values nested deeper than this are refused: far deeper than any of our files needs, shallow
enough for tomllib (and for showing a value in a message) at any depth of the caller's stack."""

KeyLines = dict[tuple[str, ...], int]
"""The line each key (a path from the root: `("pages", "a/")`) is first written on."""

_POSITION = re.compile(r"\s*\(at (?:line (?P<line>\d+), column (?P<column>\d+)|end of document)\)$")
_BLANK = re.compile(r"[ \t\r]*+")
_BLANK_LINES = re.compile(r"[ \t\r\n]*+")
_COMMENT = re.compile(r"#[^\n]*+")
_STRINGS = {  # each stops at the end of the text, a one-line string at the end of its line
    '"""': re.compile(r'"""(?:[^"\\]++|\\[\s\S]|"(?!""))*+(?:"""(?:"{0,2}+))?+'),
    "'''": re.compile(r"'''(?:[^']++|'(?!''))*+(?:'''(?:'{0,2}+))?+"),
    '"': re.compile(r'"(?:[^"\\\n]++|\\[^\n])*+"?+'),
    "'": re.compile(r"'[^'\n]*+'?+"),
}
"""TOML's four kinds of string, by their opening quotes; `""""` ends a multi-line string with a quote."""
_BARE_KEY = re.compile(r"[A-Za-z0-9_-]++")
_BARE_VALUE = re.compile(r"[A-Za-z0-9_+.:-]++")
"""A number, date, time or boolean: what is neither string, bracket, comma, nor `=`."""
_INTEGER = re.compile(r"[+-]?+(?P<digits>[1-9](?:_?+[0-9])*+)(?!\.[0-9]|[eE][+-]?+[0-9])")
"""A decimal integer as tomllib reads it, not the start of a float (`1.5`, `1e3`); only decimal
integers have a length limit (hexadecimal, octal and binary ones have none)."""


class TomlError(Exception):
    """The text is not TOML we read: `line`, and `message` saying what is wrong (with its column)."""

    def __init__(self, line: int, message: str):
        super().__init__(f"{line}: {message}")
        self.line = line
        self.message = message


def read_toml(text: str, depth_limit: int = DEPTH_LIMIT) -> tuple[dict, KeyLines]:
    """Parse `text` as TOML: give its data and the line of each key.

    Raises `TomlError` at the line of the first problem the scan finds (a decimal integer longer
    than Python reads, nesting deeper than `depth_limit`), else of tomllib's syntax error.
    """
    lines = _Scanner(text, depth_limit).scan()
    try:
        return tomllib.loads(text), lines
    except tomllib.TOMLDecodeError as error:
        raise TomlError(*_syntax_error(str(error), text)) from None


def _syntax_error(message: str, text: str) -> tuple[int, str]:
    """Turn tomllib's message into (line, message with the column): its own position, not line 1."""
    position = _POSITION.search(message)
    what = message[: position.start()] if position else message
    if position and position["line"]:
        return int(position["line"]), f"not valid TOML: {what} (column {position['column']})"
    return max(1, text.count("\n") + (0 if text.endswith("\n") else 1)), f"not valid TOML: {what} (at the end of the file)"


class _Scanner:
    """One pass over TOML text: the line of each key, and what tomllib could not read, at its place.

    Reads TOML's tokens only as far as it must: comments, strings, keys (at the start of a line
    outside brackets, in a table header, in an inline table) and brackets; values are skipped.
    A value's depth counts its table, the parts of its dotted key, and the brackets around it.
    """

    def __init__(self, text: str, depth_limit: int):
        self.text = text
        self.depth_limit = depth_limit
        self.digit_limit = sys.get_int_max_str_digits()  # 0: no limit
        self.index = 0
        self.line = 1
        self.line_start = 0  # where the current line starts
        self.lines: KeyLines = {}

    def scan(self) -> KeyLines:
        """Find the line of every key (keys in an array's inline tables excepted); raise `TomlError`
        at a too-long integer or too-deep nesting."""
        text = self.text
        table: tuple[str, ...] = ()  # the table the keys of the following lines belong to
        brackets: list[tuple[str, tuple[str, ...] | None, int]] = []  # each open `[` or `{`: an inline table's path, its depth
        key: tuple[str, ...] | None = None  # the path of the key whose value comes next (None inside an array)
        key_depth = 0
        expect_key = True
        while self.index < len(text):
            char = text[self.index]
            if char in " \t\r\n":
                start, self.index = self.index, _BLANK_LINES.match(text, self.index).end()
                if self._count_lines(start):
                    expect_key = expect_key or not brackets
            elif char == "#":
                self.index = _COMMENT.match(text, self.index).end()
            elif expect_key and not brackets and char == "[":  # a table header: [a.b] or [[a.b]]
                self.index += 2 if text.startswith("[[", self.index) else 1
                table = self._key((), 0)[0] or ()
                end = text.find("\n", self.index)
                self.index = len(text) if end < 0 else end
            elif expect_key and char != "}":
                base, depth = (brackets[-1][1], brackets[-1][2]) if brackets else (table, len(table))
                key, key_depth = self._key(base, depth)
                expect_key = False
            elif char in "\"'":
                self._string()
            elif char in "[{":
                depth = (brackets[-1][2] if brackets and brackets[-1][0] == "[" else key_depth) + 1
                if depth > self.depth_limit:
                    self._too_deep()
                brackets.append((char, key if char == "{" else None, depth))
                key, expect_key = None, char == "{"
                self.index += 1
            elif char in "]}":
                if brackets:
                    brackets.pop()
                expect_key = False
                self.index += 1
            elif char == ",":
                expect_key = bool(brackets) and brackets[-1][0] == "{"
                self.index += 1
            else:
                value = _BARE_VALUE.match(text, self.index)
                if value is None:
                    self.index += 1  # `=`, or a character tomllib will refuse
                else:
                    self._check_integer()
                    self.index = value.end()
        return self.lines

    def _key(self, base: tuple[str, ...] | None, depth: int) -> tuple[tuple[str, ...] | None, int]:
        """Read a (dotted) key whose table is at `depth`, note the line of each of its parts under
        `base` (unless None: a key in an array), and give its path and its depth."""
        text, line, start, parts = self.text, self.line, self.index, []
        while True:
            self.index = _BLANK.match(text, self.index).end()
            part_start = self.index
            if text.startswith(('"', "'"), part_start):
                self._string()
                parts.append(_key_text(text[part_start : self.index]))
            else:
                bare = _BARE_KEY.match(text, part_start)
                if bare is None:
                    break
                self.index = bare.end()
                parts.append(bare.group())
            self.index = _BLANK.match(text, self.index).end()
            if not text.startswith(".", self.index):
                break
            self.index += 1
        if not parts:
            self.index += 1  # not a key: tomllib will say so
            return None, depth
        if depth + len(parts) > self.depth_limit:
            self.index = start
            self._too_deep()
        if base is None:
            return None, depth + len(parts)
        path = base + tuple(parts)
        for length in range(len(path), 0, -1):  # the key, then each table it names, until one is known
            if path[:length] in self.lines:
                break  # and so are the tables that one names
            self.lines[path[:length]] = line
        return path, depth + len(parts)

    def _string(self) -> None:
        """Step past the string that starts at `index`."""
        text, start = self.text, self.index
        quote = text[start]
        pattern = _STRINGS[quote * 3 if text.startswith(quote * 3, start) else quote]
        self.index = pattern.match(text, start).end()
        self._count_lines(start)

    def _count_lines(self, start: int) -> int:
        """Count the lines that end between `start` and `index`; give their number."""
        newlines = self.text.count("\n", start, self.index)
        if newlines:
            self.line += newlines
            self.line_start = self.text.rfind("\n", start, self.index) + 1
        return newlines

    def _check_integer(self) -> None:
        """Refuse a decimal integer at `index` longer than Python reads."""
        number = _INTEGER.match(self.text, self.index)
        if number is not None and self.digit_limit:
            digits = len(number["digits"]) - number["digits"].count("_")
            if digits > self.digit_limit:
                self._fail(f"an integer of {digits} digits, more than the {self.digit_limit} Python reads")

    def _too_deep(self) -> None:
        self._fail(f"values nested more than {self.depth_limit} deep (arrays, tables, dotted keys)")

    def _fail(self, what: str) -> None:
        raise TomlError(self.line, f"not valid TOML: {what} (column {self.index - self.line_start + 1})")


def _key_text(quoted: str) -> str:
    """The text of a quoted key: `'a/'` -> `a/`, `"a\\u00e9"` -> `aé` (as written, when it is no string)."""
    if quoted[0] == "'" or "\\" not in quoted:
        return quoted[1:-1] if len(quoted) >= 2 and quoted[-1] == quoted[0] else quoted[1:]
    try:
        return tomllib.loads(f"k = {quoted}")["k"]
    except tomllib.TOMLDecodeError:
        return quoted
