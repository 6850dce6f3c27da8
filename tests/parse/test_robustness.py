"""Cut and mangled excerpts of the real letters never crash the parser: they parse, or they are
refused with a ParseError that says where (a fixed random seed keeps the cases the same)."""

from __future__ import annotations

import random
from pathlib import Path

from generator.errors import ParseError
from generator.model import SourceText
from generator.parse import parse_record

ROOT = Path(__file__).resolve().parent.parent.parent
SOURCES = [
    (ROOT / name).read_text(encoding="utf-8").split("\n")
    for name in ("seeds/000_04ae587ba6eeb66d.txt", "seeds/001_dfb242f75dbdc9fb.txt", "tests/fixtures/aanhangsel/ah-tk-20252026-412.txt")
]
INSERTS = ["1", "12", " BRIEF VAN DE MINISTER", "Vraag 3", "Antwoord 2", "3. ", "1) x", "•", "ah-tk-20252026-1", "Hoogachtend,"]


def _cases(count: int) -> list[list[str]]:
    generator = random.Random(2026)
    cases = []
    for _ in range(count):
        source = generator.choice(SOURCES)
        start = generator.randrange(len(source))
        lines = source[start : start + generator.randrange(1, 200)]
        for _ in range(generator.randrange(4)):
            if not lines:
                break
            at = generator.randrange(len(lines))
            roll = generator.random()
            if roll < 0.3:
                lines[at] = ""
            elif roll < 0.6:
                lines.insert(at, generator.choice(INSERTS))
            else:
                lines[at] = lines[at][: generator.randrange(len(lines[at]) + 1)]
        cases.append(lines)
    return cases


def test_mangled_excerpts_parse_or_are_refused_with_their_place() -> None:
    parsed = refused = 0
    for lines in _cases(400):
        try:
            record, diagnostics = parse_record(SourceText("seeds/excerpt.txt", tuple(lines)))
        except ParseError as error:
            assert str(error).startswith("seeds/excerpt.txt:")
            refused += 1
            continue
        assert all(str(d).startswith("seeds/excerpt.txt:") for d in diagnostics)
        assert record.letters
        parsed += 1
    assert parsed > 50 and refused > 50  # both kinds of outcome are exercised


def test_a_date_written_with_the_long_s_or_the_dotless_i_is_read() -> None:
    # seeds/000 line 1, `(ingezonden 7 oktober 2025)`, with the month written `ſeptember` or `julı`
    # (synthetic): the case-blind date pattern reads them as months, and now so does the lookup of
    # the month's number, where the month lower-cased named none and the letter failed to parse.
    lines = SOURCES[0].copy()
    at = next(index for index, line in enumerate(lines) if "(ingezonden " in line)
    written = lines[at]
    lines[at] = written.replace("oktober", "\u017feptember")
    record, _ = parse_record(SourceText("seeds/x.txt", tuple(lines)))
    assert [letter.sent_on.month for letter in record.letters if letter.sent_on] == [9]
    lines[at] = written.replace("oktober", "jul\u0131")
    record, _ = parse_record(SourceText("seeds/x.txt", tuple(lines)))
    assert [letter.sent_on.month for letter in record.letters if letter.sent_on] == [7]
