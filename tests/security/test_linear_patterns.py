"""A static audit of every regular expression in generator/: no nested unbounded repetition.

A repetition inside another repetition, both without bound (`(a+)+`, `(?:\\s*,\\s*\\d)*`), can
split one stretch of text between its iterations in exponentially many ways, and a failing match
tries them all: the classic catastrophic backtracking. Python 3.11 has possessive quantifiers
and atomic groups, which never give back what they took; an inner repetition written with one
(`\\s*+`) or inside one, or an outer repetition that is possessive, cannot be re-split.

The audit parses each pattern with the standard library's own regular expression parser and
fails on an unbounded repetition (greedy or lazy) inside another unbounded one, unless one of the
two is possessive or atomic. It finds the patterns by importing every module of `generator` and
collecting each compiled `re.Pattern` at module level (in tuples and lists too), plus the marker
templates that `parse.footnote_markers` compiles per footnote number.

What it does not see: the polynomial cases, where two repetitions in sequence share characters
(a lazy name followed by `\\s*$` over a run of em spaces). Those are covered by
`benchmarks/adversarial.py`, which times each such input class, and by `test_linear.py`, which
checks what those inputs give.
"""

from __future__ import annotations

import importlib
import pkgutil
import re
import re._parser as sre_parse
from collections.abc import Iterator
from re._constants import (
    ASSERT,
    ASSERT_NOT,
    ATOMIC_GROUP,
    BRANCH,
    GROUPREF_EXISTS,
    MAX_REPEAT,
    MAXREPEAT,
    MIN_REPEAT,
    POSSESSIVE_REPEAT,
    SUBPATTERN,
)

import pytest

import generator
from generator.parse import footnote_markers


def generator_patterns() -> Iterator[tuple[str, re.Pattern[str]]]:
    """(name, pattern) for every compiled pattern at module level in `generator`."""
    for module_info in pkgutil.walk_packages(generator.__path__, "generator."):
        if module_info.name.endswith("__main__"):
            continue  # runs the command line when imported
        module = importlib.import_module(module_info.name)
        for name, value in vars(module).items():
            stack = [value]
            while stack:
                item = stack.pop()
                if isinstance(item, re.Pattern):
                    yield f"{module_info.name}.{name}", item
                elif isinstance(item, (tuple, list)):
                    stack.extend(item)
    for name in ("GLUED_MARKER", "PAREN_MARKER", "ORPHAN_MARKER"):
        yield f"generator.parse.footnote_markers.{name}", re.compile(getattr(footnote_markers, name).format(n=12))


def nested_unbounded(pattern: re.Pattern[str]) -> list[str]:
    """The unbounded repetitions that stand inside another unbounded repetition, neither of the
    two possessive or atomic; [] when there is none."""
    found: list[str] = []

    def walk(items: sre_parse.SubPattern | list, inside_unbounded: bool) -> None:
        for op, argument in items:
            if op in (MAX_REPEAT, MIN_REPEAT):
                _low, high, body = argument
                unbounded = high == MAXREPEAT
                if unbounded and inside_unbounded:
                    found.append(str(body)[:80])
                walk(body, inside_unbounded or unbounded)
            elif op in (POSSESSIVE_REPEAT, ATOMIC_GROUP):
                continue  # never gives back what it took: its inside cannot be re-split
            elif op == SUBPATTERN:
                walk(argument[3], inside_unbounded)
            elif op == BRANCH:
                for alternative in argument[1]:
                    walk(alternative, inside_unbounded)
            elif op in (ASSERT, ASSERT_NOT):
                walk(argument[1], inside_unbounded)
            elif op == GROUPREF_EXISTS:
                walk(argument[1], inside_unbounded)
                if argument[2]:
                    walk(argument[2], inside_unbounded)

    walk(sre_parse.parse(pattern.pattern, pattern.flags), False)
    return found


PATTERNS = sorted(generator_patterns(), key=lambda named: named[0])


def test_the_audit_finds_the_patterns_of_every_stage() -> None:
    names = {name for name, _pattern in PATTERNS}
    for expected in (
        "generator.parse.paragraphs.HEADING_LINE",
        "generator.parse.letters.WRITTEN_HEADER",
        "generator.parse.questions.SECTION_HEADING",
        "generator.link.references.KAMERSTUK",
        "generator.link.referrals.NUMBERED_QUESTIONS",
        "generator.render.labels.COMMITTEE_NAME",
        "generator.parse.footnote_markers.GLUED_MARKER",
    ):
        assert expected in names


@pytest.mark.parametrize(
    ("source", "flagged"),
    [
        (r"(a+)+$", True),
        (r"^(?:\s*,\s*\d)*$", True),
        (r"(?:x|y*)*?z", True),
        (r"(?:\s*+,\s*+\d)*", False),  # possessive inside
        (r"(?:(?>a+)b)*", False),  # atomic inside
        (r"(?:a+b)++", False),  # possessive outside
        (r"(?:\s+\w+){0,4}", False),  # the outer repetition is bounded
        (r"a*b*", False),  # in sequence, not nested (polynomial cases are the benchmark's)
    ],
)
def test_the_audit_tells_nested_repetition(source: str, flagged: bool) -> None:
    assert bool(nested_unbounded(re.compile(source))) is flagged


@pytest.mark.parametrize(("name", "pattern"), PATTERNS, ids=[name for name, _pattern in PATTERNS])
def test_no_pattern_nests_unbounded_repetition(name: str, pattern: re.Pattern[str]) -> None:
    assert nested_unbounded(pattern) == [], f"{name} can backtrack without bound: {pattern.pattern!r}"
