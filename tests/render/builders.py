"""Small model objects for the render tests, and a Markdown renderer set up as mkdocs.yml says.

Every text here is copied from `seeds/` (line numbers given), never invented, except where a test
needs text that acts as Markdown or HTML.
"""

from __future__ import annotations

import datetime
from dataclasses import replace
from pathlib import Path

import markdown
from bs4 import BeautifulSoup
from mkdocs.config import load_config
from mkdocs.utils.meta import get_data

from generator.model import (
    ANSWER_LETTER,
    COMMITTEE_LETTER,
    COVER_NOTE,
    RECORD_WRITTEN_OVERLEG,
    RECORD_WRITTEN_QUESTIONS,
    WRITTEN_QUESTIONS,
    Answer,
    Corpus,
    Footnote,
    FootnoteMarker,
    Heading,
    Letter,
    LetterKey,
    Links,
    Member,
    Paragraph,
    Question,
    Record,
    SourceSpan,
    Target,
)

CONFIG = Path(__file__).resolve().parents[2] / "mkdocs.yml"

SEED_000 = "seeds/000_04ae587ba6eeb66d.txt"
SEED_001 = "seeds/001_dfb242f75dbdc9fb.txt"

# seeds/000 lines 6-7, 25-26 (question 9), 42-43 (question 12), 89 (footnote 1)
QUESTION_1 = "Bent u bekend met het bericht ‘Belastingdienst verplaatst mail naar Microsoft, ondanks zorgen over meekijken VS’?"
QUESTION_9 = (
    "Kunt u alle documentatie over de risico-afweging die is gemaakt om de keuze voor Microsoft 365 te "
    "onderbouwen met de Kamer delen, waaronder de aanvullende afspraken die zijn gemaakt met de leverancier?"
)
QUESTION_12 = (
    "Is, met inachtneming van vraag 9, het stallen van gegevens op Microsoft-datacentra binnen de Europese "
    "Economische Ruimte een legitiem middel om risico’s voor de autonomie en nationale veiligheid weg te nemen?"
)
FOOTNOTE_000_1 = "NOS.nl, 2 oktober 2025"
TITLE_000 = "Vragen van de leden Kathmann (GroenLinks-PvdA) en Six Dijkstra (Nieuw Sociaal Contract)"

# seeds/001 lines 1-2, 13, 15 (cover note and its footnotes)
COVER_TEXT = (
    "De vaste commissie voor Digitalisering heeft schriftelijk overleg gevoerd met de staatssecretaris "
    "van Financiën - Fiscaliteit, Belastingdienst en Douane over de overstap van de Belastingdienst, "
    "Douane en Toeslagen naar Microsoft365 (M365)."
)
FOOTNOTE_001_1 = "De letters AR hebben alleen betrekking op 31 066."
FOOTNOTE_001_2 = "Samenstelling: Baumgarten (JA21), Beukering (Fractie-Beukering)"
# seeds/001 lines 60 (heading), 221-226 (context and question 7 of BBB), 96 (footnote 3)
BBB_HEADING = "Vragen en opmerkingen van de leden van de fractie van BBB"
BBB_CONTEXT_7 = (
    "U heeft het in uw brief over meerdere scenario’s die grondig zijn verkend, maar u licht niet toe in "
    "hoeverre hierbij externe expertise is ingeschakeld."
)
BBB_QUESTION_7 = (
    "In welke mate zijn externe adviseurs met expertise in digitale soevereiniteit (bijvoorbeeld op het "
    "gebied van het in overeenstemming werken met de Algemene Verordening Gegevensbescherming en "
    "geopolitieke risico’s), betrokken bij de beoordeling van de alternatieven?"
)
FOOTNOTE_001_3 = "Kamerstukken I, 2025/26, 31066/26643, AO"
# seeds/001 lines 693-697 (answer 7 of BBB), 800 (answer 24), 463 (footnote 10)
BBB_ANSWER_7 = (
    "Zoals eerder aangegeven is het traject gestart in 2021 en voldoet de implementatie aan de geldende kaders."
)
BBB_ANSWER_24 = "Hiervoor verwijs ik u naar het antwoord op vraag 18 en 20."
FOOTNOTE_001_10 = "Kamerstukken II, 2024/25, nr. 2592"
# seeds/000 lines 12-17: questions 4 and 5 (the Aanhangsel fixture answers them together)
QUESTION_4 = (
    "Waarom houdt u het mailverkeer niet in eigen beheer, zoals verzocht in de motie-Kathmann/Six Dijkstra "
    "(Kamerstuk 36740, nr. 20]? Hoe bent u van plan om deze motie alsnog uit te voeren?"
)
QUESTION_5 = (
    "Acht u de keuze voor de Belastingdienst om de eigen ICT te verhuizen naar Microsoft in het belang van de "
    "strategische autonomie, waarover de demissionaire premier op 30 september 2025 nog uitsprak dat "
    "bestuurders dit prioriteit moeten geven?"
)


def span(line: int, path: str = SEED_001) -> SourceSpan:
    """One source line."""
    return SourceSpan(path, line, line)


def paragraph(key: str, text: str, *markers: tuple[int, int], quoted: bool = False, path: str = SEED_001) -> Paragraph:
    """A paragraph; `markers` are (footnote number, offset) pairs."""
    return Paragraph(key, text, span(1, path), tuple(FootnoteMarker(n, o) for n, o in markers), quoted)


def question(number: int, party: str | None, *paragraphs: Paragraph, context: tuple[Paragraph, ...] = (),
             numbers: tuple[int, ...] = (), quoted: bool = False) -> Question:
    """A question made of `paragraphs`, led up to by `context`."""
    return Question(number, numbers or (number,), True, party, context, paragraphs, span(1), quoted)


def answer(number: int, party: str | None, *paragraphs: Paragraph, numbers: tuple[int, ...] = ()) -> Answer:
    """An answer made of `paragraphs`."""
    return Answer(number, numbers or (number,), party, paragraphs, span(1))


def footnote(number: int, text: str, line: int, path: str = SEED_001, referenced: bool = True) -> Footnote:
    """A footnote body at `path:line`, keyed by `letter()` when it is put in a letter."""
    return Footnote(number, text, span(line, path), key="", referenced=referenced)


def keyed(index: int, footnotes: tuple[Footnote, ...]) -> tuple[Footnote, ...]:
    """The footnotes of letter `index` under the keys the parser gives them (`fn2-10`)."""
    return tuple(replace(note, key=f"fn{index}-{note.number}") for note in footnotes)


def letter(index: int, kind: str, *body: Heading | Paragraph | Question | Answer, path: str = SEED_001,
           sent_on: datetime.date | None = None, footnotes: tuple[Footnote, ...] = (),
           head: tuple[Paragraph, ...] = (), title: str | None = None, sender: str | None = None,
           chamber: str = "Eerste Kamer", askers: tuple[Member, ...] = (), subject: str | None = None) -> Letter:
    """A letter holding `body` in order."""
    return Letter(index, kind, chamber, sent_on, sender, None, subject, askers, title, head, body,
                  keyed(index, footnotes), span(1, path))


def written_questions_record(*body: Heading | Paragraph | Question | Answer,
                             footnotes: tuple[Footnote, ...] = (), **fields: object) -> Record:
    """seeds/000 as one letter of written questions (Tweede Kamer, 7 oktober 2025)."""
    letter_fields = {key: fields.pop(key) for key in ("title", "sender", "subject", "head") if key in fields}
    written = letter(0, WRITTEN_QUESTIONS, *body, path=SEED_000, sent_on=datetime.date(2025, 10, 7),
                     footnotes=footnotes, chamber="Tweede Kamer",
                     askers=(Member("Kathmann", "GroenLinks-PvdA"), Member("Six Dijkstra", "Nieuw Sociaal Contract")),
                     **letter_fields)
    record = Record(SEED_000, RECORD_WRITTEN_QUESTIONS, "Tweede Kamer", None,
                    "Schriftelijke vragen over de overstap van de Belastingdienst naar Microsoft", (written,), ())
    return replace(record, **fields)


def verslag_record() -> Record:
    """seeds/001 in brief: a cover note, the committee's letter with BBB's question 7, the answers."""
    cover = letter(
        0, COVER_NOTE, paragraph("p1", COVER_TEXT, (2, len("De vaste commissie voor Digitalisering"))),
        footnotes=(footnote(1, FOOTNOTE_001_1, 13, referenced=False), footnote(2, FOOTNOTE_001_2, 15)),
        sender="De griffier van de vaste commissie voor Digitalisering, Van Dooren",
    )
    committee = letter(
        1, COMMITTEE_LETTER,
        Heading(BBB_HEADING, span(60), "BBB"),
        question(7, "BBB", paragraph("p40", BBB_QUESTION_7, (3, len(BBB_QUESTION_7))),
                 context=(paragraph("p39", BBB_CONTEXT_7),)),
        sent_on=datetime.date(2025, 12, 2), footnotes=(footnote(3, FOOTNOTE_001_3, 96),),
        title="BRIEF VAN DE VOORZITTER VAN DE VASTE COMMISSIE VOOR COMMISSIE VOOR DIGITALISERING",
        sender="mr. G.V.M. Veldhoen, Voorzitter van de vaste commissie voor commissie voor Digitalisering",
    )
    answers = letter(
        2, ANSWER_LETTER,
        Heading(BBB_HEADING, span(480), "BBB"),
        question(7, "BBB", paragraph("p90", BBB_QUESTION_7, quoted=True), quoted=True,
                 context=(paragraph("p89", BBB_CONTEXT_7, quoted=True),)),
        answer(7, "BBB", paragraph("p91", BBB_ANSWER_7, (10, len(BBB_ANSWER_7)))),
        answer(24, "BBB", paragraph("p99", BBB_ANSWER_24)),
        sent_on=datetime.date(2026, 2, 12), footnotes=(footnote(10, FOOTNOTE_001_10, 463),),
        title="BRIEF VAN DE STAATSSECRETARIS VAN FINANCIËN - FISCALITEIT, BELASTINGDIENST EN DOUANE",
        sender="De staatssecretaris van Financiën - Fiscaliteit, Belastingdienst en Douane, Eugène Heijnen",
    )
    return Record(SEED_001, RECORD_WRITTEN_OVERLEG, "Eerste Kamer", datetime.date(2026, 2, 12),
                  "Verslag van een schriftelijk overleg over de overstap van de Belastingdienst, Douane en "
                  "Toeslagen naar Microsoft365 (M365)", (cover, committee, answers), (), dossiers=("31066", "26643"))


def target(path: str, index: int, role: str, party: str | None, number: int) -> Target:
    """A question (`vraag`) or answer (`antwoord`) in letter `index` of record `path`."""
    return Target(LetterKey(path, index), role, party, number)


def corpus(*records: Record, links: Links = Links()) -> Corpus:
    """A corpus of `records` with `links`."""
    return Corpus(records, links)


def markdown_converter() -> markdown.Markdown:
    """A Python-Markdown converter with mkdocs.yml's extensions (and MkDocs' built-in ones)."""
    config = load_config(str(CONFIG))
    return markdown.Markdown(extensions=config.markdown_extensions, extension_configs=config.mdx_configs)


def render_markdown(text: str) -> BeautifulSoup:
    """Render a page's Markdown to HTML as MkDocs would: front matter off, mkdocs.yml's extensions on."""
    body, _ = get_data(text)
    return BeautifulSoup(markdown_converter().convert(body), "html.parser")


def ids(soup: BeautifulSoup) -> list[str]:
    """Every id on the page, in document order, repeats kept."""
    return [element["id"] for element in soup.find_all(id=True)]


# The seed letters' pages (generator.render.addresses gives letters these paths).
WRITTEN = "tweede-kamer/2025-10-07/schriftelijke-vragen.md"
RECORD = "eerste-kamer/2026-02-12/verslag-schriftelijk-overleg.md"
COMMITTEE = "eerste-kamer/2025-12-02/commissiebrief.md"
ANSWERS = "eerste-kamer/2026-02-12/antwoordbrief.md"
