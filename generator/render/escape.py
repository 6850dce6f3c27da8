"""Make source text safe wherever it is published: one rule for its characters, one escape per format.

Letter text and sidecar values are untrusted: whatever they hold is shown as text and never acts.
Every renderer hands source text to exactly one function here, the one for the format it writes:

    escape_text / escape_line / escape_heading   Markdown (pages)        `**x**` -> `\\*\\*x\\*\\*`
    attribute_text                               attr_list `attr="…"`    quotes and syntax left out
    html_text                                    raw HTML in a page      `<b>` -> `&lt;b&gt;`
    front_matter                                 the page title          HTML, escaped once, in YAML
    safe_url                                     a link destination      http(s) only
    json_text                                    JSON files              `orjson`, text cleaned
    csv_cell                                     CSV cells               formulas defused
    xml_text / xml_attribute                     Atom feeds              `<` -> `&lt;`

Before escaping, each of them applies the character rule, in one of two strengths:

- **Control characters** (C0 and C1, DEL) never reach an output. Those that are white space
  (form feed, vertical tab, CR, NEL, the separators U+001C–U+001F) become a plain space (CR and
  CR LF a line end); every other one becomes U+FFFD `�`, visibly, as do lone surrogates and the
  non-characters U+FFFE and U+FFFF. Tab and line end stay (and are white space to every format).
- **Direction controls** (embeddings and overrides U+202A–U+202E, isolates U+2066–U+2069) can
  make text display in another order than it is stored. In titles, names, addresses, identifiers
  and every other metadata value (`metadata_text`) they are dropped, with the direction marks
  U+200E, U+200F and U+061C: a title shows what it says. In the text of a letter (`body_text`:
  paragraphs, questions, answers, footnotes) each one is shown as `�`, so the reader sees that
  something stood there and the words are shown in the order they are stored; direction marks,
  which cannot reorder text, stay.

Addresses (page paths, anchors) are made of ASCII letters, digits and `-` only
(`generator.render.addresses.slugify`), so neither kind of character reaches them.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote, urlsplit

import orjson

__all__ = [
    "FOOTNOTE_PLACE_MARKER",
    "attribute_text",
    "body_text",
    "csv_text",
    "escape_heading",
    "escape_line",
    "escape_text",
    "front_matter",
    "html_text",
    "JsonFragment",
    "json_fragment",
    "json_text",
    "metadata_text",
    "safe_url",
    "xml_attribute",
    "xml_text",
]

# --- The character rule ------------------------------------------------------------------------

_CONTROL = re.compile(
    r"""
      (?P<line_end>\r\n?)                                    # CR LF, CR: a line end
    | (?P<space>[\x0b\x0c\x1c-\x1f\x85])                     # white-space controls: a space
    | (?P<shown>[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff])  # any other: `�`
    """,
    re.VERBOSE,
)
"""Control characters and what cannot be stored at all (lone surrogates, U+FFFE, U+FFFF)."""

_DIRECTION_CONTROL = re.compile("[\u202a-\u202e\u2066-\u2069]")
"""Embeddings, overrides (LRE RLE PDF LRO RLO) and isolates (LRI RLI FSI PDI)."""

_DIRECTION_FORMAT = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]")
"""The direction controls and the direction marks (LRM RLM ALM): none belongs in metadata."""

REPLACEMENT = "\ufffd"
NO_BREAK_SPACE = "\u00a0"
"""Not printable to `str.isprintable` (a separator), left by the character rule, and common in letters."""


def _control(match: re.Match[str]) -> str:
    if match.group("line_end"):
        return "\n"
    return " " if match.group("space") else REPLACEMENT


def _unchanged(text: str) -> bool:
    """Whether neither rule changes a text that is not printable (`str.isprintable`, tried first):
    every character either rule changes is a control or format character, which it finds, as it
    finds the line end, the tab and the no-break space, which both rules leave (a letter's text has
    line ends, and Dutch typesetting puts a no-break space in numbers and names: `31\u00a0066`)."""
    return text.replace("\n", "").replace("\t", "").replace(NO_BREAK_SPACE, "").isprintable()


def body_text(text: str) -> str:
    """Apply the character rule for a letter's text: controls and direction controls become `�`.

    >>> body_text("a\\x00b\\u202ec\\x0cd\\r\\ne")
    'a�b�c d\\ne'
    """
    if text.isprintable() or _unchanged(text):
        return text
    return _DIRECTION_CONTROL.sub(REPLACEMENT, _CONTROL.sub(_control, text))


def metadata_text(text: str) -> str:
    """Apply the character rule for metadata: controls become `�`, direction formatting is dropped.

    >>> metadata_text("Kathmann\\u202e\\u200f (GL)\\x07")
    'Kathmann (GL)�'
    """
    if text.isprintable() or _unchanged(text):
        return text
    return _DIRECTION_FORMAT.sub("", _CONTROL.sub(_control, text))


# --- Markdown ----------------------------------------------------------------------------------

_SPACE_RUN = re.compile(r"[^\S\u00a0\u2007\u202f]+")
"""Runs of white space, line breaks included, but not the non-breaking spaces a letter prints."""
_OTHER_SPACE = re.compile(r"[^\S \u00a0\u2007\u202f]")
"""White space other than a space (or a non-breaking one): with two spaces in a row, what
`_SPACE_RUN` would change (`_joined_spaces`)."""


def _joined_spaces(text: str) -> str:
    """`_SPACE_RUN.sub(" ", text)`, without writing anew the text that has no run to join (most
    text): one search for a class and one for two spaces cost a fifth of the substitution, which
    matches every single space, and a quarter of one search for either (an alternation).

    Every white-space character but the space is a control or separator, so not printable: in
    printable text (nearly all of it) only two spaces in a row make a run, and `str.isprintable`
    finds that out in a third of the time the class search takes."""
    if text.isprintable():
        return _SPACE_RUN.sub(" ", text) if "  " in text else text
    return _SPACE_RUN.sub(" ", text) if _OTHER_SPACE.search(text) or "  " in text else text

_ACTIVE_INLINE = re.compile(
    r"""
      (?P<escape>[\\`*\[\]{])          # escapes, code, emphasis, links, footnotes, attribute lists
    | (?P<underscore>(?<![^\W_])_|_(?![^\W_]))  # `_` unless between two letters or digits
                                         # (`snake_case`), where it cannot open or close emphasis
    | (?P<angle><)                       # raw HTML, autolinks, comments
    | (?P<reference>&(?=\#?\w+;))        # character references: `&amp;` must stay five characters
    """,
    re.VERBOSE,
)
"""What can act anywhere in a line of Markdown text."""
_ACTIVE_INLINE_START = re.compile(r"[\\`*\[\]{_<&]")
"""A character `_ACTIVE_INLINE` matches at: text without one needs no inline escape (found by a
fast scan for one class, where the alternation would be tried at every character)."""

_ACTIVE_LINE_START = re.compile(
    r"""
    ^(?:
        (?P<mark>[#>+\-!])    # heading, blockquote, list, rule, snippet, admonition
      | (?P<tilde>~)          # a `~~~` fence (fenced_code, always on in MkDocs); `~` has no escape
      | \d+(?P<dot>\.)        # ordered list item `1.`
    )""",
    re.VERBOSE,
)
"""What can act only at the start of a line (every rendered line of source text is one line)."""

FOOTNOTE_PLACE_MARKER = "///Footnotes Go Here///"
"""Where Python-Markdown's footnotes extension moves the footnote list, wherever it finds it."""


def _escape_inline(match: re.Match[str]) -> str:
    if match.group("angle"):
        return "&lt;"
    if match.group("reference"):
        return "&amp;"
    return "\\" + match.group(0)


def _escape_line_start(match: re.Match[str]) -> str:
    if match.group("mark"):
        return "\\" + match.group("mark")
    if match.group("tilde"):
        return "&#126;"
    return match.group(0)[:-1] + "\\."


def escape_text(text: str, at_line_start: bool = True) -> str:
    """Escape a letter's text so it renders literally; white space runs become single spaces.

    Escapes (backslash or character reference) only what Python-Markdown and the extensions in
    mkdocs.yml could act on::

        **x**            ->  \\*\\*x\\*\\*
        <script>         ->  &lt;script>
        [x](javascript:) ->  \\[x\\](javascript:)
        __init__.py      ->  \\_\\_init\\_\\_.py
        # kop            ->  \\# kop            (at the start of a line only)

    `at_line_start` says the text begins a line (a paragraph, a list item's content, a footnote),
    where `#`, `>`, `-`, `+`, `!`, `~~~` and `1.` could start a block. The text is
    not stripped. Controls and direction controls are shown as `�` (`body_text`).
    """
    text = _joined_spaces(body_text(text))
    escaped = _ACTIVE_INLINE.sub(_escape_inline, text) if _ACTIVE_INLINE_START.search(text) else text
    if at_line_start and (start := _ACTIVE_LINE_START.match(escaped)) is not None:
        escaped = _escape_line_start(start) + escaped[start.end() :]  # one place only: the line's start
    return escaped.replace(FOOTNOTE_PLACE_MARKER, "&#47;" + FOOTNOTE_PLACE_MARKER[1:])


@lru_cache(maxsize=8192)
def escape_line(text: str) -> str:
    """Escape a metadata value (a title, a name, an identifier) for Markdown: the metadata rule
    (`metadata_text`), stripped, then escaped as a whole line. (Kept: a party, a chamber, a
    person's name or a letter's label is written on many pages, the overviews' most of all.)"""
    return escape_text(metadata_text(text).strip())


def escape_heading(text: str) -> str:
    """Escape heading text; a closing run of `#` would otherwise be dropped as heading syntax."""
    escaped = escape_line(text)
    stripped = escaped.rstrip("#")
    return stripped + "\\#" * (len(escaped) - len(stripped))


_NOT_ATTRIBUTE_SAFE = re.compile(r"(?:[^\w \-.,()/’']|_)+")
"""What may not stand in a quoted attribute of a heading's attribute list: quotes and braces end
it, and inline syntax (`_`, `*`, `[`, `<`, `&`, ...) would act, as inline patterns run first."""


@lru_cache(maxsize=4096)
def attribute_text(text: str) -> str:
    """Reduce text to characters that are safe inside `attr="..."` in an attribute list
    (`data-toc-label`): anything else becomes a space, white space runs one space. (Kept: what
    goes in, a question's label or a status, is alike on many pages.)"""
    return " ".join(_NOT_ATTRIBUTE_SAFE.sub(" ", metadata_text(text)).split())


def safe_url(url: str | None) -> str | None:
    """Give an http(s) URL in a form safe as a link destination (Markdown, HTML, JSON), or None.

    Only web addresses become links (never `javascript:` or `data:`); characters that could end
    or confuse the destination (white space, `<`, `>`, `"`, `(`, `)`, controls) are
    percent-encoded, existing percent-encoding is kept.
    """
    if not url:
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return quote(url, safe=":/?#@!$&'*+,;=%~-._")


# --- HTML --------------------------------------------------------------------------------------


def html_text(text: str) -> str:
    """Escape a metadata value for raw HTML, text or quoted attribute: the metadata rule, white
    space runs one space, stripped, and `<`, `>`, `&`, `"`, `'` as character references."""
    return html.escape(_joined_spaces(metadata_text(text)).strip(), quote=True)


def front_matter(title: str) -> str:
    """Write YAML front matter holding the page title as HTML, escaped once, in a JSON string.

    The theme prints `page.meta.title` as it is, as HTML, in `<title>`, in the header and in the
    search index (Material treats every page title as HTML), so the title goes in escaped exactly
    once: `Vragen over <img>` is `Vragen over &lt;img&gt;` in the front matter and reads
    `Vragen over <img>` in the browser. A JSON string is valid YAML and always quoted.
    """
    return f"---\ntitle: {json.dumps(html_text(title), ensure_ascii=False)}\n---\n"


# --- Open data ---------------------------------------------------------------------------------

BODY_KEYS = frozenset({"text", "context"})
"""The keys of the open data whose values are a letter's text (the body rule); every other string
is metadata."""


@dataclass(frozen=True)
class JsonFragment:
    """A value written as JSON once (`json_fragment`), to be placed inside other documents as it is."""

    text: str


def json_text(document: object) -> str:
    """Write JSON as every data file is written: every string through the character rule (values
    under `BODY_KEYS` as letter text), keys in the order built, UTF-8, 2-space indent.

    The same text as `json.dumps(…, ensure_ascii=False, indent=2)` of the cleaned document, and a
    `JsonFragment` in the document goes in without being written again. A document the rule leaves
    as it is (nearly every one) is written by `orjson` in one call (`_json_unchanged_by_rule`);
    any other is written here, a value at a time, with the C string encoder:

    >>> print(json_text({"a": [1, None, True], "b": {}, "c": json_fragment({"text": "x\\x00"})}), end="")
    {
      "a": [
        1,
        null,
        true
      ],
      "b": {},
      "c": {
        "text": "x�"
      }
    }
    """
    return _json(document) + "\n"


def json_fragment(document: object) -> JsonFragment:
    """Write `document` as `json_text` does, to be placed in several documents without writing it again."""
    return JsonFragment(_json(document))


def _json(document: object) -> str:
    written = _json_unchanged_by_rule(document)
    if written is not None:
        return written
    out: list[str] = []
    _write_json(document, False, "\n", out)
    return "".join(out)


_JSON_OPTIONS = (
    orjson.OPT_INDENT_2 | orjson.OPT_PASSTHROUGH_DATACLASS | orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_SUBCLASS
)
"""`orjson` writes what `json.dumps(…, ensure_ascii=False, indent=2)` writes (checked on all the
open data of a benchmark corpus), and refuses a dataclass, a date, a subclass of `str` or `int`,
an integer beyond 64 bits and a `JsonFragment`: `_write_json` then writes the document as `json`
would, or refuses it. One difference no open data meets: a float that is not finite is `null`
to `orjson`, `NaN` (not JSON) to `json`."""

_ESCAPED_CONTROL = re.compile(r"\\[bfru]")
"""How `orjson` writes a control character other than the tab and the line end (`\\b`, `\\f`,
`\\r`, `\\u001f`); an escaped backslash before one of those letters (`\\\\u`) is found too, and
only costs the slow way."""


def _json_unchanged_by_rule(document: object) -> str | None:
    """`document` as JSON written by `orjson`, when it holds only JSON values and none of its
    strings holds a character the character rule would change; else None.

    Every such character is a control or format character, not printable: `orjson` escapes a
    control below U+0020 (`_ESCAPED_CONTROL`; the tab and the line end, which the rule leaves, as
    `\\t` and `\\n`), refuses a lone surrogate, and writes every other one as it is, where
    `str.isprintable` finds it once the line ends between the values (and the no-break spaces,
    which the rule leaves) are left out."""
    try:
        written = orjson.dumps(document, option=_JSON_OPTIONS).decode("utf-8")
    except TypeError:  # orjson.JSONEncodeError: not a JSON value, or a lone surrogate
        return None
    if _ESCAPED_CONTROL.search(written) or not written.replace("\n", "").replace(NO_BREAK_SPACE, "").isprintable():
        return None
    return written


_JSON_STRING = json.encoder.encode_basestring
"""The C encoder of a JSON string without escaping non-ASCII (what `ensure_ascii=False` uses)."""
_JSON_CONSTANTS = {None: "null", True: "true", False: "false"}


def _write_json(value: object, body: bool, newline: str, out: list[str]) -> None:
    """Append `value` as JSON to `out`, its lines after the first starting with `newline`.

    The values inside an object or a list that most documents hold (strings, whole numbers,
    nulls) are written in place, without a call of their own each."""
    if isinstance(value, dict):
        if not value:
            out.append("{}")
            return
        inner = newline + "  "
        separator = "{" + inner
        for key, item in value.items():  # keys are ours: strings the character rule leaves alone
            if not isinstance(key, str):
                raise TypeError(f"JSON key {key!r} is not a string")
            out += (separator, _JSON_STRING(key), ": ")
            _write_item(item, key in BODY_KEYS, inner, out)
            separator = "," + inner
        out += (newline, "}")
    elif isinstance(value, (list, tuple)):
        if not value:
            out.append("[]")
            return
        inner = newline + "  "
        separator = "[" + inner
        for item in value:
            out.append(separator)
            _write_item(item, body, inner, out)
            separator = "," + inner
        out += (newline, "]")
    elif isinstance(value, str):
        out.append(_JSON_STRING(body_text(value) if body else metadata_text(value)))
    elif isinstance(value, JsonFragment):
        out.append(value.text.replace("\n", newline))  # a JSON text holds line ends only between values
    elif value is None or isinstance(value, bool):
        out.append(_JSON_CONSTANTS[value])
    else:
        out.append(json.dumps(value))  # numbers


def _write_item(item: object, body: bool, newline: str, out: list[str]) -> None:
    kind = type(item)
    if kind is str:
        out.append(_JSON_STRING(body_text(item) if body else metadata_text(item)))
    elif kind is int:
        out.append(int.__repr__(item))  # as `json.dumps` writes a whole number
    elif item is None:
        out.append("null")
    else:
        _write_json(item, body, newline, out)


FORMULA_START = ("=", "+", "-", "@", "\t")
"""A cell starting with one of these is a formula to a spreadsheet program (CSV injection)."""


def csv_cell(cell: str, body: bool = False) -> str:
    """A cell as written: the character rule (`body` for a letter's text; line ends become `\\n`),
    and a leading formula character defused with `'` (OWASP's advice against CSV injection).

    >>> csv_cell("=HYPERLINK(1)")
    "'=HYPERLINK(1)"
    """
    cell = body_text(cell) if body else metadata_text(cell)
    return f"'{cell}" if cell.startswith(FORMULA_START) else cell


def csv_text(header: tuple[str, ...], rows: Iterable[tuple[str, ...]], body_columns: frozenset[str]) -> str:
    """Write rows of cells as CSV under `header`, with `\\n` line ends, each cell by `csv_cell`
    (the columns named in `body_columns` hold a letter's text), as `csv.writer` writes them
    (`_csv_line`)."""
    body = [name in body_columns for name in header]
    lines = [_csv_line(header)]
    for row in rows:
        lines.append(_csv_line([csv_cell(cell, is_body) for cell, is_body in zip(row, body, strict=True)]))
    return "".join(lines)


def _csv_line(cells: Iterable[str]) -> str:
    """A row of CSV as `csv.writer(…, lineterminator="\\n")` writes it (the excel dialect): a cell
    holding a comma, a quote or a line end in quotes, its quotes doubled; a row of one empty cell
    `""`. `csv.writer` looks at every character of every cell in turn, and its rows are a
    letter's questions and answers: `str` finds these three characters several times faster."""
    fields = [_csv_field(cell) for cell in cells]
    return (",".join(fields) if fields != [""] else '""') + "\n"


def _csv_field(cell: str) -> str:
    if '"' in cell:
        return '"' + cell.replace('"', '""') + '"'
    return f'"{cell}"' if "," in cell or "\n" in cell else cell


def xml_text(text: str) -> str:
    """Escape a value as character data of an Atom feed: the metadata rule, then `&`, `<` and `>`
    as references (as `xml.etree` writes text). Nothing XML 1.0 cannot hold (C0 controls,
    surrogates, U+FFFE) remains.

    >>> xml_text("R&D <b>\\x07")
    'R&amp;D &lt;b&gt;�'
    """
    text = metadata_text(text)
    return html.escape(text, quote=False) if "&" in text or "<" in text or ">" in text else text


def xml_attribute(text: str) -> str:
    """Escape a value for a double-quoted attribute of an Atom feed: as `xml_text`, and `"`, the
    line end and the tab as references (as `xml.etree` writes attributes: a parser would make
    white space of a literal line end or tab).

    >>> xml_attribute('a "b"\\tc\\nd')
    'a &quot;b&quot;&#09;c&#10;d'
    """
    text = xml_text(text)
    if '"' in text or "\n" in text or "\t" in text:
        return text.replace('"', "&quot;").replace("\n", "&#10;").replace("\t", "&#09;")
    return text
