"""Letter shapes the seed letters do not show, in synthetic text (real passages where they exist
are in test_record.py): numbering that runs on across sections, answer letters that label
`Vraag N` / `Antwoord N`, and other ways of heading a party's section."""

from __future__ import annotations

import pytest

from generator.model import Answer, Heading, Paragraph, Question, SourceText
from generator.parse import parse_record

COMMITTEE = """ BRIEF VAN DE VOORZITTER VAN DE VASTE COMMISSIE VOOR DIGITALISERING

Aan de staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties

Den Haag, 3 maart 2026

De vaste commissie voor Digitalisering heeft kennisgenomen van uw brief over de digitale overheid.

Vragen en opmerkingen van de leden van de VVD-fractie

1. Hoeveel kost de overstap naar een Europese cloud voor de rijksoverheid als geheel?

2. Wanneer verwacht u de eerste resultaten van de pilot met open source kantoorsoftware?

Vragen en opmerkingen van de leden van de fractie van de SP

Deze leden lezen dat de pilot twee jaar duurt.

3. Waarom duurt de pilot zo lang als andere landen al veel verder zijn?

mr. A. Jansen

Voorzitter van de vaste commissie voor Digitalisering
 BRIEF VAN DE STAATSSECRETARIS VAN BINNENLANDSE ZAKEN EN KONINKRIJKSRELATIES

Aan de Voorzitter van de Eerste Kamer der Staten-Generaal

Den Haag, 1 april 2026

Hierbij beantwoord ik de vragen van uw commissie.

Vragen en opmerkingen van de leden van de VVD-fractie

Vraag 1

Hoeveel kost de overstap naar een Europese cloud voor de rijksoverheid als geheel?

Antwoord 1

Dat is nog niet bekend; de kosten worden dit jaar geraamd.

Vraag 2

Wanneer verwacht u de eerste resultaten van de pilot met open source kantoorsoftware?

Antwoord 2

Na de zomer.

Vragen en opmerkingen van de leden van de fractie van de SP

Deze leden lezen dat de pilot twee jaar duurt.

Vraag 3

Waarom duurt de pilot zo lang als andere landen al veel verder zijn?

Antwoord 3

Ik verwijs u naar het antwoord op vraag 2.
"""

RECORD, DIAGNOSTICS = parse_record(SourceText("seeds/synthetic.txt", tuple(COMMITTEE.split("\n"))))
ASKING, ANSWERING = RECORD.letters  # no cover note: the record opens with the first letter


def _blocks(letter, kind):
    return [(b.party, b.number, " ".join(p.text for p in b.paragraphs)) for b in letter.body if isinstance(b, kind)]


def test_numbering_runs_on_across_sections() -> None:
    assert [(party, number) for party, number, _ in _blocks(ASKING, Question)] == [("VVD", 1), ("VVD", 2), ("SP", 3)]
    sp = [b for b in ASKING.body if isinstance(b, Question) and b.party == "SP"][0]
    assert [c.text for c in sp.context] == ["Deze leden lezen dat de pilot twee jaar duurt."]


def test_labelled_questions_and_answers_in_an_answer_letter() -> None:
    assert [(p, n, t[:25]) for p, n, t in _blocks(ANSWERING, Question)] == [
        ("VVD", 1, "Hoeveel kost de overstap "),
        ("VVD", 2, "Wanneer verwacht u de eer"),
        ("SP", 3, "Waarom duurt de pilot zo "),
    ]
    assert _blocks(ANSWERING, Answer) == [
        ("VVD", 1, "Dat is nog niet bekend; de kosten worden dit jaar geraamd."),
        ("VVD", 2, "Na de zomer."),
        ("SP", 3, "Ik verwijs u naar het antwoord op vraag 2."),
    ]
    assert RECORD.chamber == "Eerste Kamer" and ANSWERING.kind == "antwoordbrief"


@pytest.mark.parametrize(
    ("heading", "party"),
    [
        ("Vragen en opmerkingen van de leden van de fractie van BBB", "BBB"),
        ("Vragen en opmerkingen van de leden van de VVD-fractie", "VVD"),
        ("Vragen van de leden van de fractie GroenLinks-PvdA", "GroenLinks-PvdA"),
        ("Inbreng van het lid van de fractie van 50PLUS", "50PLUS"),
        ("Vragen en opmerkingen van de leden van de fracties van GroenLinks-PvdA en PvdD", "GroenLinks-PvdA en PvdD"),
    ],
)
def test_section_headings_name_the_party(heading: str, party: str) -> None:
    text = COMMITTEE.replace("Vragen en opmerkingen van de leden van de VVD-fractie", heading, 1)
    record, _ = parse_record(SourceText("seeds/synthetic.txt", tuple(text.split("\n"))))
    headings = [b.party for b in record.letters[0].body if isinstance(b, Heading)]
    assert headings[0] == party


WRITTEN_NUMBERED = """2025Z18365

Vragen van het lid Kathmann (GroenLinks-PvdA) aan de staatssecretaris van Financiën over de overstap van de Belastingdienst naar Microsoft (ingezonden 7 oktober 2025)

1. Bent u bekend met het bericht over de overstap naar Microsoft?

2. Kunt u de exitstrategie met de Kamer delen?
"""


def test_written_questions_numbered_without_vraag_and_their_document_number() -> None:
    record, _ = parse_record(SourceText("seeds/numbered.txt", tuple(WRITTEN_NUMBERED.split("\n"))))
    (letter,) = record.letters
    assert [(b.number, b.paragraphs[0].text) for b in letter.body if isinstance(b, Question)] == [
        (1, "Bent u bekend met het bericht over de overstap naar Microsoft?"),
        (2, "Kunt u de exitstrategie met de Kamer delen?"),
    ]
    assert letter.identifiers == ("2025Z18365",)
    assert letter.askers[0].name == "Kathmann"


def test_footnotes_numbered_anew_in_each_letter_of_a_record() -> None:
    text = COMMITTEE.replace(
        "De vaste commissie voor Digitalisering heeft kennisgenomen van uw brief over de digitale overheid.",
        "De vaste commissie voor Digitalisering heeft kennisgenomen van uw brief over de digitale overheid.1",
    ).replace(
        "Voorzitter van de vaste commissie voor Digitalisering\n",
        "Voorzitter van de vaste commissie voor Digitalisering\n\n1 Kamerstukken I 2025/26, 36600, A\n",
    ).replace(
        "Hierbij beantwoord ik de vragen van uw commissie.",
        "Hierbij beantwoord ik de vragen van uw commissie.1",
    ) + "\n1 Kamerstukken I 2025/26, 36600, B\n"
    record, diagnostics = parse_record(SourceText("seeds/synthetic.txt", tuple(text.split("\n"))))
    assert [[(n.number, n.text, n.referenced) for n in letter.footnotes] for letter in record.letters] == [
        [(1, "Kamerstukken I 2025/26, 36600, A", True)],
        [(1, "Kamerstukken I 2025/26, 36600, B", True)],
    ]
    assert [len([b for b in letter.body if isinstance(b, Question)]) for letter in record.letters] == [3, 3]
    assert [d for d in diagnostics if d.severity == "error"] == []


def test_a_numbered_line_amid_the_text_is_no_footnote() -> None:
    text = COMMITTEE.replace(
        "mr. A. Jansen",
        "1 Kamerstukken I 2025/26, 36600, A\n\nmr. A. Jansen",
    )
    record, _ = parse_record(SourceText("seeds/synthetic.txt", tuple(text.split("\n"))))
    assert record.letters[0].footnotes == ()
    assert any(p.text.startswith("1 Kamerstukken I 2025/26, 36600, A") for p in record.letters[0].body if isinstance(p, Paragraph))


def test_a_committee_letter_without_party_sections_asks_its_own_numbered_questions() -> None:
    text = "\n".join(
        line for line in COMMITTEE.split("\n") if not line.startswith("Vragen en opmerkingen")
    )
    record, _ = parse_record(SourceText("seeds/synthetic.txt", tuple(text.split("\n"))))
    asking, answering = record.letters
    assert (asking.kind, answering.kind) == ("commissiebrief", "antwoordbrief")
    assert [(b.party, b.number) for b in asking.body if isinstance(b, Question)] == [(None, 1), (None, 2), (None, 3)]
    assert [(b.party, b.number) for b in answering.body if isinstance(b, Answer)] == [(None, 1), (None, 2), (None, 3)]


def test_a_signature_at_the_end_stays_out_of_the_last_answer() -> None:
    text = COMMITTEE + "\nHoogachtend,\n\nDe staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties,\n\nA.B. de Vries\n"
    record, _ = parse_record(SourceText("seeds/synthetic.txt", tuple(text.split("\n"))))
    answering = record.letters[1]
    last = [b for b in answering.body if isinstance(b, Answer)][-1]
    assert [p.text for p in last.paragraphs] == ["Ik verwijs u naar het antwoord op vraag 2."]
    assert [b.text for b in answering.body[-2:]] == [
        "Hoogachtend,", "De staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties, A.B. de Vries",
    ]
    assert answering.sender == "De staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties, A.B. de Vries"


KAMERSTUK = """ Eerste Kamer der Staten-Generaal

Vergaderjaar 2025–2026

31 066 Belastingdienst

Nr. AZ VERSLAG VAN EEN SCHRIFTELIJK OVERLEG

Vastgesteld 16 maart 2026

De vaste commissie voor Financiën heeft schriftelijk overleg gevoerd met de staatssecretaris van Financiën over de inning van belastingen.

De griffier van de commissie,

Jansen
 BRIEF VAN DE VOORZITTER VAN DE VASTE COMMISSIE VOOR FINANCIËN

Aan de staatssecretaris van Financiën

Den Haag, 3 februari 2026

Vragen en opmerkingen van de leden van de fractie van de SP

1. Hoeveel belasting is vorig jaar niet geïnd?
Eerste Kamer, vergaderjaar 2025–2026, 31 066, AZ 2
 Nr. AZ BRIEF VAN DE STAATSSECRETARIS VAN FINANCIËN

Aan de Voorzitter van de Eerste Kamer der Staten-Generaal

Den Haag, 1 maart 2026

Vragen en opmerkingen van de leden van de fractie van de SP

1. Hoeveel belasting is vorig jaar niet geïnd?

Dat wordt in de jaarrapportage vermeld.
kst-31066-AZ ISSN 0921-7371 ’s-Gravenhage 2026 Eerste Kamer, vergaderjaar 2025–2026, 31 066, AZ 3
"""


def test_a_kamerstuk_title_block_running_heads_and_adoption_date() -> None:
    record, diagnostics = parse_record(SourceText("seeds/kst.txt", tuple(KAMERSTUK.split("\n"))))
    assert record.dossiers == ("31066",) and record.identifier == "kst-31066-AZ"
    assert [letter.kind for letter in record.letters] == ["verslag", "commissiebrief", "antwoordbrief"]
    cover, _, answering = record.letters
    assert str(cover.sent_on) == "2026-03-16"  # Vastgesteld 16 maart 2026
    assert answering.title == "Nr. AZ BRIEF VAN DE STAATSSECRETARIS VAN FINANCIËN"
    assert [b.paragraphs[0].text for b in answering.body if isinstance(b, Answer)] == ["Dat wordt in de jaarrapportage vermeld."]
    reasons = sorted({item.reason for item in record.furniture})
    assert reasons == ["ISSN", "document id", "place and year of printing", "running head"]
    assert [d for d in diagnostics if d.severity == "error"] == []
