"""Linking a record alone (`link_record`), as the parse's workers do and the parse cache keeps it,
gives the corpus that linking every record in the link pass gives."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from generator.build import parse_and_link_sources, read_editorial
from generator.link import link_corpus, link_record
from generator.link.record import RecordLinks

REPO = Path(__file__).resolve().parent.parent.parent
SEEDS = REPO / "seeds"
DEVELOPMENT = REPO / "tests" / "fixtures" / "letters"


def _letters(tmp_path: Path, generated: int) -> Path:
    seeds = tmp_path / "seeds"
    if generated:
        sys.path.insert(0, str(REPO / "benchmarks"))
        from corpus import make_corpus

        make_corpus(seeds, generated)
        return seeds
    seeds.mkdir()
    for source in [*SEEDS.iterdir(), *DEVELOPMENT.glob("*.txt")]:
        shutil.copy(source, seeds / source.name)
    return seeds


@pytest.mark.parametrize("generated", [0, 40], ids=["seeds-and-development-letters", "generated-corpus"])
def test_records_linked_alone_in_the_workers_and_from_the_cache_link_as_in_the_link_pass(tmp_path: Path, generated: int, monkeypatch) -> None:
    from generator import build

    monkeypatch.setattr(build, "PARALLEL_FROM", 2)  # parsed (and linked alone) in two worker processes
    seeds = _letters(tmp_path, generated)
    glossary = read_editorial(REPO / "begrippen.yml").terms
    fresh = parse_and_link_sources(seeds, tmp_path / ".cache", workers=2, glossary=glossary)
    cached = parse_and_link_sources(seeds, tmp_path / ".cache", workers=1, glossary=glossary)
    assert set(fresh.alone) == set(cached.alone) == set(fresh.terms) == {record.path for record in fresh.records}
    assert fresh.alone == cached.alone and fresh.terms == cached.terms
    expected = link_corpus(fresh.records, fresh.diagnostics, glossary)
    assert expected.links.terms
    assert link_corpus(fresh.records, fresh.diagnostics, glossary, fresh.alone, fresh.terms) == expected
    assert link_corpus(cached.records, cached.diagnostics, glossary, cached.alone, cached.terms) == expected
    # with another glossary the terms kept are found again, and kept with it
    fewer = glossary[:3]
    again = parse_and_link_sources(seeds, tmp_path / ".cache", workers=1, glossary=fewer)
    assert link_corpus(again.records, again.diagnostics, fewer, again.alone, again.terms) == link_corpus(fresh.records, fresh.diagnostics, fewer)
    assert parse_and_link_sources(seeds, tmp_path / ".cache", workers=1, glossary=fewer).terms == again.terms
    assert any(found.referred for found in fresh.alone.values()) and any(found.cited for found in fresh.alone.values())


def test_a_record_linked_alone_names_its_own_referrals_citations_and_dates() -> None:
    """seeds/001 (the Eerste Kamer's verslag): "Hiervoor verwijs ik u naar het antwoord op vraag 18 en 20." (line 800), dated "Den Haag, 12 februari 2026"."""
    records = parse_and_link_sources(SEEDS).records
    record = next(record for record in records if record.path.endswith("001_dfb242f75dbdc9fb.txt"))
    found = link_record(record)
    assert isinstance(found, RecordLinks) and found.path == record.path
    assert all(link.path == record.path for link in (*found.cited, *found.referred))
    assert all(target.letter.path == record.path for target, _ in found.answered)
    assert any(source.written == "12 februari 2026" for _, source in found.dated)
    referral = next(link for link in found.referred if link.paragraph and record.path == link.path and link.target.number == 18)
    assert referral.target.role == "antwoord"


def test_a_records_text_links_come_in_reading_order_and_the_corpus_sorts_them_when_it_cannot_rely_on_that() -> None:
    """seeds/001 cites documents in its footnotes (`fn…` keys, last in each letter) and refers to
    answers in its body: `text_links` holds both, in reading order, as the link pass would sort them."""
    from dataclasses import replace

    from generator.link._walk import in_reading_order

    parsed = parse_and_link_sources(SEEDS)
    record = next(record for record in parsed.records if record.path.endswith("001_dfb242f75dbdc9fb.txt"))
    found = link_record(record)
    assert found.cited and found.referred and any(link.paragraph.startswith("fn") for link in found.cited)
    assert found.text_links == in_reading_order((record,), found.cited + found.referred)
    assert found.text_links != found.cited + found.referred  # footnote citations come after the body's referrals
    linked = link_corpus(parsed.records, parsed.diagnostics)
    # a link to a paragraph the record does not hold: no order of its own, and the corpus sorts every link
    stray = replace(found.referred[0], paragraph="p-none")
    unsorted = replace(found, referred=(stray, *found.referred), text_links=None)
    relinked = link_corpus(parsed.records, parsed.diagnostics, (), {record.path: unsorted})
    assert relinked.links.text_links[-1] == stray and relinked.links.text_links[:-1] == linked.links.text_links
