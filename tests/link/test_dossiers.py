"""The dossier index: records that belong to a dossier (sidecar) and records that cite it."""

from __future__ import annotations

from generator.link.dossiers import dossier_index
from generator.model import DossierMention
from generator.link.references import find_references
from generator.model import Corpus, Links

from .builders import SEED_000, SEED_001, record, span


def test_dossier_index_joins_sidecar_dossiers_and_citations():
    cited_506 = find_references("Kamerstukken II, 2025/26, 31066, nr. 506", span(644))[0].reference
    cited_1315 = find_references("(Kamerstuk 26643, nr. 1315)", span(13, SEED_000))[0].reference
    cited_url = find_references("https://www.rijksictdashboard.nl/ict-activiteiten", span(521))[0].reference
    corpus = Corpus(
        (record(SEED_000, kind="schriftelijke-vragen"), record(SEED_001, dossiers=("31 066", "26643"))),
        Links(references=(cited_1315, cited_url, cited_506)),
    )
    assert dossier_index(corpus) == {
        "26643": (DossierMention(SEED_000, False, (cited_1315,)), DossierMention(SEED_001, True, ())),
        "31066": (DossierMention(SEED_001, True, (cited_506,)),),
    }


def test_dossiers_sort_by_number():
    corpus = Corpus((record(SEED_001, dossiers=("36600 VII", "31066", "26643")),), Links())
    assert list(dossier_index(corpus)) == ["26643", "31066", "36600-VII"]
