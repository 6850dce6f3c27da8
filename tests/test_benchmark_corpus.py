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
