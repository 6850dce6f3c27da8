"""A small exception tree. Every error carries `path:line` and the offending fragment."""

from __future__ import annotations

from collections.abc import Iterable

from generator.model import Diagnostic

FRAGMENT_LIMIT = 80
"""How much of the offending text a message shows."""


def shown_fragment(text: str) -> str:
    """Make text fit a one-line message: whitespace runs as one space, unprintable characters
    escaped (`\\x1b`, `\\u202e`: a message never moves the terminal's cursor or flips its text), cut
    to `FRAGMENT_LIMIT` characters."""
    return printable(" ".join(text.split())[: FRAGMENT_LIMIT * 2])[:FRAGMENT_LIMIT]


def printable(text: str) -> str:
    """Escape what a terminal would act on rather than show: `a\x1b[31mb` -> `a\\x1b[31mb`."""
    if text.isprintable():  # nearly always: no character to look at one by one
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def problem(path: str, line: int, message: str, fragment: str = "", severity: str = "error") -> Diagnostic:
    """A diagnostic at `path:line`, its fragment made fit for a message (`shown_fragment`)."""
    return Diagnostic(path, line, message, shown_fragment(fragment), severity)


class KamerdossierError(Exception):
    """Base of every error the generator raises on purpose."""


SHOWN_LINES = 50
"""How many lines of an error's message the command line prints; the rest are counted (`error_report`)."""


def error_report(error: KamerdossierError, limit: int = SHOWN_LINES) -> str:
    """Say an error as the command line prints it: `kamerdossier: <message>`, and of a message
    listing more than `limit` problems (one a line: a redirects.toml or published.txt with
    thousands of bad lines) the first `limit` lines, then `… and <the exact rest> more`.

    >>> error_report(KamerdossierError("a:1: x\\na:2: y\\na:3: z"), limit=1)
    'kamerdossier: a:1: x\\n… and 2 more'
    """
    lines = str(error).splitlines()
    if len(lines) > limit + 1:  # never "… and 1 more" in the place of that one line
        lines = [*lines[:limit], f"… and {len(lines) - limit} more"]
    return "kamerdossier: " + "\n".join(lines)


class SourceError(KamerdossierError):
    """A source letter cannot be read or parsed: `seeds/<file>:<line>: <what> — <fragment>`.

    `diagnostics` holds every problem found (the first error is `diagnostic`); a reader that finds
    several (a sidecar with two bad values, and an unknown key) reports them all at once.
    """

    def __init__(self, path: str, line: int, message: str, fragment: str = "", more: Iterable[Diagnostic] = ()):
        self.diagnostic = problem(path, line, message, fragment)
        self.diagnostics = (self.diagnostic, *more)
        super().__init__("\n".join(str(d) for d in self.diagnostics))


class ReadError(SourceError):
    """The file is refused (not a regular file in the seeds folder), empty, binary, not UTF-8,
    or its sidecar is not valid; a PDF is broken, encrypted or has no text layer."""


class ParseError(SourceError):
    """The text is readable but is not a letter of a kind we know."""


class BuildFailed(KamerdossierError):
    """A strict build met errors or warnings; the message lists them."""
