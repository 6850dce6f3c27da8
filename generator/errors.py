"""A small exception tree. Every error carries `path:line` and the offending fragment."""

from __future__ import annotations

from generator.model import Diagnostic


class KamerdossierError(Exception):
    """Base of every error the generator raises on purpose."""


class SourceError(KamerdossierError):
    """A source letter cannot be read or parsed: `seeds/<file>:<line>: <what> — <fragment>`."""

    def __init__(self, path: str, line: int, message: str, fragment: str = ""):
        self.diagnostic = Diagnostic(path, line, message, " ".join(fragment.split())[:80], "error")
        super().__init__(str(self.diagnostic))


class ReadError(SourceError):
    """The file is empty, binary or not UTF-8."""


class ParseError(SourceError):
    """The text is readable but is not a letter of a kind we know."""


class BuildFailed(KamerdossierError):
    """A strict build met errors or warnings; the message lists them."""
