"""The benchmark's corpus (benchmarks/corpus.py) is what the benchmark claims: letters the parser
reads without errors, in every shape, with answers threaded to their questions, and no two alike."""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from pathlib import Path

from generator.build import parse_sources
from generator.link import link_corpus

_SPEC = importlib.util.spec_from_file_location("corpus", Path(__file__).parent.parent / "benchmarks" / "corpus.py")
corpus = sys.modules.setdefault("corpus", importlib.util.module_from_spec(_SPEC))
_SPEC.loader.exec_module(corpus)


def test_benchmark_corpus_parses_links_and_varies(tmp_path: Path) -> None:
    assert corpus.make_corpus(tmp_path / "a", 60) == 60
    corpus.make_corpus(tmp_path / "b", 60)
    texts = {path.name: path.read_bytes() for path in (tmp_path / "a").iterdir()}
    assert texts == {path.name: path.read_bytes() for path in (tmp_path / "b").iterdir()}  # deterministic
    letters = [text for name, text in texts.items() if name.endswith(".txt")]
    assert len(set(letters)) == len(letters) == 60  # no two letters alike
    records, diagnostics = parse_sources(tmp_path / "a")
    linked = link_corpus(records, diagnostics)
    assert [d for d in linked.diagnostics if d.severity == "error"] == []
    kinds = Counter(record.kind for record in records)
    assert set(kinds) == {"schriftelijke-vragen", "aanhangsel", "verslag-schriftelijk-overleg"}
    answered = {t.question.letter.path for t in linked.links.threads if t.question.letter.path != t.answer.letter.path}
    assert len(answered) >= 0.9 * kinds["aanhangsel"]  # each Aanhangsel letter threads to its questions
    askers = Counter(member.name for record in records for letter in record.letters for member in letter.askers)
    assert len(askers) >= 10


def test_home_page_lists_the_newest_records_and_every_month_its_own(tmp_path: Path) -> None:
    """Pages whose size must not grow with the corpus (issue 9), on 120 recombined letters over
    twelve years (synthetic: the seeds alone are two records in two months)."""
    import re

    from generator.render import render_site
    from generator.render.pages import NEWEST_ON_HOME

    corpus.make_corpus(tmp_path, 120)
    records, diagnostics = parse_sources(tmp_path)
    pages = render_site(link_corpus(records, diagnostics))
    home = pages["index.md"]
    listed = re.findall(r"^- \[.*\]\((?:tweede|eerste)-kamer/", home, re.M)
    assert len(listed) == NEWEST_ON_HOME < len(records)
    months = re.findall(r"\]\((stukken/\d{4}-\d{2}\.md)\) \((\d+)\)", home)
    assert {page for page in pages if page.startswith("stukken/")} == {page for page, _ in months}
    on_month_pages = [re.findall(r"^- \[", pages[page], re.M) for page, _ in months]
    assert [len(items) for items in on_month_pages] == [int(count) for _, count in months]
    assert sum(map(len, on_month_pages)) == len(records)


def test_dossier_pages_show_the_newest_letters_and_every_year_its_own(tmp_path: Path, monkeypatch) -> None:
    """A dossier's page lists the newest letters of each list and links a page per year that lists
    them all (120 recombined letters, synthetic: the seeds' dossiers hold at most four letters)."""
    import re

    from generator.render import dossiers, render_site

    monkeypatch.setattr(dossiers, "NEWEST_ON_PAGE", 3)
    corpus.make_corpus(tmp_path, 120)
    records, diagnostics = parse_sources(tmp_path)
    pages = render_site(link_corpus(records, diagnostics))
    busiest = max(
        (page for page in pages if re.fullmatch(r"dossiers/\d+\.md", page)),
        key=lambda page: sum(page.removesuffix(".md") + "/" in other for other in pages),
    )
    text = pages[busiest]
    years = re.findall(r"\[(\d{4})\]\((\d+/\d{4}\.md)\) \((\d+) brie", text)
    assert len(years) >= 2
    for section in text.split("\n## ")[1:3]:
        assert len(re.findall(r"^- \[", section, re.M)) <= 3
    folder = busiest.removesuffix(".md").rpartition("/")[0]
    listed = [re.findall(r"^- \[", pages[f"{folder}/{page}"], re.M) for _, page, _ in years]
    assert [len(items) for items in listed] == [int(count) for _, _, count in years]
    assert sum(int(count) for _, _, count in years) > 3
