"""Fixtures of the renderer's tests."""

from __future__ import annotations

import pytest

from generator.build import parse_sources
from generator.link import link_corpus
from generator.model import Corpus
from tests.golden_files import SEEDS


@pytest.fixture(scope="session")
def seed_corpus() -> Corpus:
    """The seed letters, parsed and linked."""
    return link_corpus(*parse_sources(SEEDS))
