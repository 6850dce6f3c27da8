"""Golden test: each seed letter parsed and dumped as text equals its committed dump."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.parse import parse_record
from generator.readers import find_sources, read_source
from generator.render.dump import dump_record
from tests.golden_files import SEEDS, check_golden


@pytest.mark.parametrize("source", find_sources(SEEDS), ids=lambda p: p.name)
def test_parsed_model_matches_golden(source: Path) -> None:
    record, _ = parse_record(read_source(source, f"seeds/{source.name}"))
    check_golden(dump_record(record), f"model/{source.stem}.txt")


@pytest.mark.parametrize("source", find_sources(SEEDS), ids=lambda p: p.name)
def test_parsing_is_deterministic(source: Path) -> None:
    first = dump_record(parse_record(read_source(source, f"seeds/{source.name}"))[0])
    second = dump_record(parse_record(read_source(source, f"seeds/{source.name}"))[0])
    assert first == second
