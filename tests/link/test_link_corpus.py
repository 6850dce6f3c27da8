"""The whole link pass: on hand-built letters, and on the real seeds as the parser reads them."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.link import dossier_index, link_corpus
from generator.link._walk import walk_paragraphs
from generator.model import Diagnostic, LetterKey, Target

from .builders import SEED_000, SEED_001, answer, footnote, heading, letter, paragraph, question, record

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

Q11 = ("Hoe is de weging van criteria gevalideerd tegen recente ontwikkelingen, zoals de Europese Data Act (die "
       "vendor lock-in moet verminderen) of initiatieven als het Dutch Cloud Community-platform?")
Q10 = "Welke kwantitatieve en kwalitatieve criteria zijn gebruikt voor de beoordeling en weging?"
A10 = ("Zoals aangegeven bij vraag 1 is dit traject gestart in 2021. De (geo)politieke situatie was destijds "
       "anders dan nu.")


def small_verslag():
    committee = letter(1, "commissiebrief", heading("Vragen en opmerkingen van de leden van de fractie van BBB", 70, "BBB"),
                       question(1, "BBB", paragraph("p19", "De leden van de fractie van BBB vragen in hoeverre het "
                                                    "besluit van 2021 met de kennis van nu nog hetzelfde zou luiden?", 106)),
                       question(10, "BBB", paragraph("p34", Q10, 228)),
                       question(11, "BBB", paragraph("p35", Q11, 234)))
    answers = letter(2, "antwoordbrief", heading("Vragen van de leden van de fractie van BBB", 445, "BBB"),
                     answer(1, "BBB", paragraph("p78", "De keuze voor M365 is gemaakt in 2021.", 453, markers=((11, 38),))),
                     answer(10, "BBB", paragraph("p106", A10, 605)),
                     answer(11, "BBB", paragraph("p108", "Ik verwijs u naar het antwoord op vraag 10.", 615)),
                     footnotes=(footnote(11, "https://www.rijksictdashboard.nl/ict-activiteiten", 521),
                                footnote(12, "Kamerstukken II, 2025/26, 31066, nr. 506", 644)))
    return record(SEED_001, letter(0, "verslag"), committee, answers)


def test_link_corpus_on_hand_built_letters():
    parse_warning = Diagnostic(SEED_001, 644, "footnote 12 has no marker in the text",
                               "Kamerstukken II, 2025/26, 31066, nr. 506", "warning")
    corpus = link_corpus((small_verslag(),), (parse_warning,))
    links = corpus.links
    assert len(links.threads) == 3
    assert [(link.paragraph, link.start, link.end) for link in links.text_links] == [
        ("p106", 21, 28), ("p108", 18, 42), ("fn2-11", 0, 49), ("fn2-12", 0, 40),
    ]
    assert links.text_links[1].target == Target(LetterKey(SEED_001, 2), "antwoord", "BBB", 10)
    assert [reference.kind for reference in links.references] == ["url", "kamerstuk"]
    statuses = dict(links.statuses)
    assert statuses[Target(LetterKey(SEED_001, 1), "vraag", "BBB", 11)] == "verwijzing"
    assert statuses[Target(LetterKey(SEED_001, 1), "vraag", "BBB", 10)] == "beantwoord"
    assert len(links.statuses) == 6
    # the parser's report of footnote 12 stands; the link pass does not repeat it
    assert corpus.diagnostics == (parse_warning,)


def test_link_corpus_of_nothing():
    corpus = link_corpus((), ())
    assert corpus.records == () and corpus.links.threads == () and corpus.diagnostics == ()


# The real seeds, as the parser reads them.


@pytest.fixture(scope="module")
def seeds():
    from generator.build import parse_sources

    records, diagnostics = parse_sources(SEEDS)
    return link_corpus(records, diagnostics)


def texts(corpus):
    """(record path, paragraph key) -> paragraph text, footnotes included."""
    return {(record.path, place.paragraph.key): place.paragraph.text
            for record in corpus.records for place in walk_paragraphs(record, footnotes=True)}


def test_seed_answer_letter_referrals_all_resolve(seeds):
    text = texts(seeds)
    found = [(text[(link.path, link.paragraph)][link.start:link.end], link.target.party, link.target.number)
             for link in seeds.links.text_links if link.target and link.path == SEED_001]
    assert found == [
        ("vraag 1", "BBB", 1),
        ("het antwoord op vraag 10", "BBB", 10),
        ("het antwoord op vraag 10", "BBB", 10),
        ("11", "BBB", 11),
        ("het antwoord op vraag 9", "BBB", 9),
        ("het antwoord op vraag 1", "BBB", 1),
        ("het antwoord op vraag 9", "BBB", 9),
        ("het antwoord op de eerste vraag van de leden van de fractie van GroenLinks-PvdA", "GroenLinks-PvdA", 1),
        ("het antwoord op vraag 20", "BBB", 20),
        ("het antwoord op vraag 18", "BBB", 18),
        ("20", "BBB", 20),
    ]
    answer_letter = LetterKey(SEED_001, 2)
    assert all(link.target.letter == answer_letter and link.target.role == "antwoord"
               for link in seeds.links.text_links if link.target and link.path == SEED_001)


def test_seed_written_question_refers_to_question_9(seeds):
    (link,) = [link for link in seeds.links.text_links if link.target and link.path == SEED_000]
    assert link.target == Target(LetterKey(SEED_000, 0), "vraag", None, 9)


def test_seed_statuses(seeds):
    statuses = dict(seeds.links.statuses)
    committee, answers = LetterKey(SEED_001, 1), LetterKey(SEED_001, 2)
    expected = {11: "verwijzing", 14: "verwijzing", 17: "verwijzing", 24: "verwijzing",
                18: "vertrouwelijk", 19: "vertrouwelijk", 10: "beantwoord", 21: "beantwoord"}
    for number, status in expected.items():
        assert statuses[Target(answers, "antwoord", "BBB", number)] == status
        assert statuses[Target(committee, "vraag", "BBB", number)] == status
    written = [status for target, status in seeds.links.statuses if target.letter.path == SEED_000]
    assert written == ["geen antwoord op deze site"] * 21


def test_seed_every_committee_question_is_threaded(seeds):
    committee = LetterKey(SEED_001, 1)
    threaded = {(t.question.party, t.question.number) for t in seeds.links.threads if t.question.letter == committee}
    assert threaded == {("GroenLinks-PvdA", 1)} | {("BBB", n) for n in range(1, 25)}
    assert all(t.answer.letter == LetterKey(SEED_001, 2) for t in seeds.links.threads)


def test_seed_references(seeds):
    found = [(r.span.path, r.span.line, r.kind, r.identifier) for r in seeds.links.references]
    assert found == [
        (SEED_000, 13, "kamerstuk", "kst-26643-1315"),
        (SEED_000, 17, "kamerstuk", "kst-36740-20"),
        (SEED_000, 96, "kamerbrief", "2025D42960"),
        *[(SEED_001, line, "kamerstuk", None) for line in (96, 97, 174, 175, 176, 177)],
        (SEED_001, 460, "kamerstuk", None),
        (SEED_001, 521, "url", None),
        (SEED_001, 644, "kamerstuk", "kst-31066-506"),
    ]


def test_seed_diagnostics_of_the_link_pass(seeds):
    lines = [(d.path, d.line, d.severity) for d in seeds.diagnostics]
    assert (SEED_001, 96, "warning") in lines  # the joint AO document, once for six footnotes
    assert (SEED_001, 460, "warning") in lines  # nr. 2592 without a dossier
    assert lines.count((SEED_001, 13, "warning")) == 1  # footnote 1: the parser's report, not repeated
    assert not [d for d in seeds.diagnostics if d.message.startswith(("referral", "answer", "footnote marker"))]


def test_seed_dossier_index(seeds):
    index = dossier_index(seeds)
    assert [(m.path, m.belongs, len(m.citations)) for m in index["31066"]] == [(SEED_001, True, 7)]
    assert [(m.path, m.belongs, len(m.citations)) for m in index["26643"]] == [(SEED_000, False, 1), (SEED_001, True, 6)]
    assert [(m.path, m.belongs) for m in index["36740"]] == [(SEED_000, False)]


def test_seed_linking_is_deterministic(seeds):
    assert link_corpus(seeds.records, ()).links == seeds.links
