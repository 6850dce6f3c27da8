"""The render context's look-ups (`generator.render.context`): the threads and statuses are made a
record at a time, when first looked up, and hold what the link pass found."""

from __future__ import annotations

from generator.build import parse_sources
from generator.link import link_corpus
from generator.render.context import build_context
from tests.golden_files import SEEDS

DEVELOPMENT = SEEDS.parent / "tests" / "fixtures" / "letters"


def test_the_threads_and_statuses_hold_what_the_link_pass_found_in_its_order() -> None:
    """Each question maps to the answers threaded to it and each answer to its questions, each
    question's or answer's status labels to it, in the order the link pass found them, the same
    one once; looked up before or after the whole is walked."""
    corpus = link_corpus(*parse_sources(DEVELOPMENT))
    links = corpus.links
    assert len(links.threads) > 20 and len(links.statuses) > 20
    threads: dict = {}
    for thread in links.threads:
        threads.setdefault(thread.question, {})[thread.answer] = None
        threads.setdefault(thread.answer, {})[thread.question] = None
    statuses: dict = {}
    for target, status in links.statuses:
        statuses.setdefault(target, {})[status] = None
    for made, expected in ((build_context(corpus).threads, threads), (build_context(corpus).statuses, statuses)):
        for target, values in expected.items():  # each record's made on its first look-up
            assert made.get(target) == tuple(values) and made[target] == tuple(values) and target in made
        assert dict(made.items()) == {target: tuple(values) for target, values in expected.items()}
    walked = build_context(corpus).threads
    assert len(walked) == len(threads)  # walked over first: every record's made at once
    assert all(walked.get(target) == tuple(values) for target, values in threads.items())
