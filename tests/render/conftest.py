"""Fixtures of the renderer's tests."""

from __future__ import annotations

import pytest

from generator.build import link_sources, parse_sources
from generator.link import link_corpus
from generator.model import Corpus
from tests.golden_files import GLOSSARY, SEEDS


@pytest.fixture(scope="session")
def seed_corpus() -> Corpus:
    """The seed letters, parsed and linked."""
    return link_corpus(*parse_sources(SEEDS))


@pytest.fixture(scope="session")
def seed_glossary_corpus() -> Corpus:
    """The seed letters with the site's glossary (`begrippen.yml`), parsed and linked."""
    return link_sources(SEEDS, GLOSSARY)
