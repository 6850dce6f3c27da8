"""What each development letter (tests/fixtures/letters/) holds, written by reading the PDFs.

Every fact below was read off the official PDF (its pages rendered with `pdftoppm -png -r 70`
and its text with `pdftotext`), never taken from the parser's output. The tests of the PDF path
and of the text path (the committed `pdftotext` output beside each PDF) check the built site
against these facts.

Conventions:
- `Heading.numbers` are the numbers a `Vraag`/`Antwoord` heading covers (a group heading such as
  `Antwoord 5 en 6` covers (5, 6)); `first_words` are the first words of its text, as printed
  (footnote markers left out, line breaks as single spaces).
- `Footnote.marker_after` is the text the superscript marker stands right after, as printed (the
  marker is on the last word of it); `body_start` the first words of the footnote's body.
- `Referral`: answer `source` refers to the answers to `targets`, in `sentence` (as printed).
- `Hyphen`: a word printed split at a line end (`printed`, the two halves joined by `|`), and how
  it must read (`word`): a split word is joined without its hyphen, a compound keeps it.
  `in_text` is true where the `pdftotext` output still shows the split (pdftotext itself joins
  most line-end hyphens, and drops the hyphen of a compound: `JosephAgema`).
- No letter of this set has a group heading or a `Mededeling` (`mededeling` is None for all);
  those shapes are tested on other passages.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

CHAMBER = "Tweede Kamer"
SESSION = "2023-2024"  # vergaderjaar, printed `2023–2024`
OFFICIAL_URL = "https://zoek.officielebekendmakingen.nl/{identifier}.html"

# Printed on every letter's pages as page furniture; never part of a letter's text.
FURNITURE = ("ISSN", "’s-Gravenhage 2024", "Tweede Kamer, vergaderjaar 2023–2024, Aanhangsel")


@dataclass(frozen=True)
class Asker:
    """A member who asks, with the party printed after the name (or after `beiden`)."""

    name: str
    party: str


@dataclass(frozen=True)
class Minister:
    """An answering member of government: `Minister De Jonge (Binnenlandse Zaken en …)`."""

    title: str  # Minister, Staatssecretaris
    name: str
    portfolio: str  # as printed in the brackets


@dataclass(frozen=True)
class Heading:
    numbers: tuple[int, ...]
    first_words: str


@dataclass(frozen=True)
class Footnote:
    number: int
    marker_after: str
    body_start: str


@dataclass(frozen=True)
class Referral:
    source: int
    targets: tuple[int, ...]
    sentence: str


@dataclass(frozen=True)
class Hyphen:
    printed: str
    word: str
    in_text: bool


@dataclass(frozen=True)
class Letter:
    identifier: str
    number: int  # the Aanhangsel number printed above the header
    pages: int
    askers_printed: str  # as printed between `Vragen van het lid/de leden` and `aan`
    askers: tuple[Asker, ...]
    addressee: str  # as printed after `aan` (`de Minister van …`)
    ministers: tuple[Minister, ...]
    on_behalf_of: str | None  # `mede namens …`, as printed
    sent_on: datetime.date  # ingezonden
    received_on: datetime.date  # ontvangen
    see_also: tuple[str, ...]  # identifiers of `Zie ook Aanhangsel Handelingen, …, nr. N`
    questions: tuple[Heading, ...]
    answers: tuple[Heading, ...]
    footnotes: tuple[Footnote, ...]
    referrals: tuple[Referral, ...] = ()
    # A numbered list inside an answer (answer number, first words of each item): not questions.
    lists: tuple[tuple[int, tuple[str, ...]], ...] = ()
    hyphens: tuple[Hyphen, ...] = ()
    mededeling: str | None = None

    @property
    def url(self) -> str:
        return OFFICIAL_URL.format(identifier=self.identifier)


def _headings(*items: tuple[int | tuple[int, ...], str]) -> tuple[Heading, ...]:
    return tuple(
        Heading(numbers if isinstance(numbers, tuple) else (numbers,), words) for numbers, words in items
    )


LETTERS: tuple[Letter, ...] = (
    Letter(
        identifier="ah-tk-20232024-1076",
        number=1076,
        pages=2,
        askers_printed="Van Haga (Groep Van Haga)",
        askers=(Asker("Van Haga", "Groep Van Haga"),),
        addressee="de Ministers van Binnenlandse Zaken en Koninkrijksrelaties en van Justitie en Veiligheid",
        ministers=(Minister("Minister", "De Jonge", "Binnenlandse Zaken en Koninkrijksrelaties"),),
        on_behalf_of=None,
        sent_on=datetime.date(2023, 11, 20),
        received_on=datetime.date(2024, 2, 20),
        see_also=("ah-tk-20232024-594",),
        questions=_headings(
            (1, "Bent u bekend met het feit dat de Sinterklaasintocht"),
            (2, "Deelt u de mening dat het van de zotte is"),
            (3, "Deelt u de mening dat we in plaats van Sinterklaasintochten afgelasten"),
            (4, "Krijgen clubs als KOZP en Extinction Rebellion subsidie?"),
            (5, "Zijn er andere manieren die u weet"),
        ),
        answers=_headings(
            (1, "Ja, het is mij bekend dat in Enter en Rijswijk"),
            (2, "Ik ben van mening dat KOZP en Extinction Rebellion"),
            (3, "Het is mij bekend dat KOZP wilde demonstreren"),
            (4, "Uit het openbare overzicht van het Ministerie van Financiën"),
            (5, "KOZP en Extinction Rebellion hebben net als iedere andere organisatie"),
        ),
        footnotes=(
            Footnote(1, "(KOZP)?", "Hart van Nederland, 17 november 2023"),
            Footnote(2, "geïnitieerd?", "AD, 16 november 2023"),
            Footnote(3, "Rijksoverheid.", "Wie ontvingen – ontvangers"),
        ),
    ),
    Letter(
        identifier="ah-tk-20232024-1432",
        number=1432,
        pages=4,
        askers_printed="Van Zanten (BBB)",
        askers=(Asker("Van Zanten", "BBB"),),
        addressee="de Staatssecretaris van Onderwijs, Cultuur en Wetenschap",
        ministers=(Minister("Staatssecretaris", "Gräper-van Koolwijk", "Onderwijs, Cultuur en Wetenschap"),),
        on_behalf_of=None,
        sent_on=datetime.date(2024, 3, 7),
        received_on=datetime.date(2024, 4, 5),
        see_also=("ah-tk-20232024-1379",),
        questions=_headings(
            (1, "U schijft in uw brief van 5 februari 2024"),
            (2, "Is bij u bekend dat, ondanks dat er geen sprake was"),
            (3, "Kunt u aangeven op welke wijze aan aanvragers"),
            (4, "Hoe gaat u de aanvragen over de bis-periode 2025–2028 wegen"),
            (5, "Naast de bis kent het ministerie vele subsidie-instrumenten"),
            (6, "Kunt u meetbaar onderbouwen dat het meenemen"),
        ),
        answers=_headings(
            (1, "De spelregels voor de bis-periode 2025–2028 lagen al"),
            (2, "Het is mij bekend dat er lokale overheden zijn"),
            (3, "Het culturele veld is op verschillende manieren geïnformeerd"),
            (4, "De subsidieaanvragen worden beoordeeld aan de hand van"),
            (5, "In het kader van de Wet op het specifiek cultuurbeleid"),
            (6, "Deze onderbouwing is nu nog niet te geven"),
        ),
        footnotes=(
            Footnote(1, "afgewogen", "Kamerstuk 36 410 VIII, nr. 106"),
            Footnote(2, "Van Zanten c.s.", "Kamerstuk 36 410 VIII, nr. 82"),
            Footnote(3, "maatregelen op dit vlak namen?", "bis: culturele basisinfrastructuur"),
        ),
    ),
    Letter(
        identifier="ah-tk-20232024-1771",
        number=1771,
        pages=4,
        askers_printed="Van Nispen (SP)",
        askers=(Asker("Van Nispen", "SP"),),
        addressee="de Minister van Justitie en Veiligheid en de Staatssecretaris van Infrastructuur en Waterstaat",
        ministers=(Minister("Staatssecretaris", "Heijnen", "Infrastructuur en Waterstaat"),),
        on_behalf_of="de Minister van Justitie en Veiligheid",
        sent_on=datetime.date(2024, 3, 29),
        received_on=datetime.date(2024, 5, 17),
        see_also=(),
        questions=_headings(
            (1, "Bent u bekend met het bericht «In ruim 400 woonwijken"),
            (2, "Kunt u voor het commissiedebat nationale veiligheid"),
            (3, "Hoe reageert u op de opmerking van brandweerman Marcel Dokter"),
            (4, "Wat is nu de stand van zaken met het voorstel"),
            (5, "Wat vindt u ervan dat op dit moment is toegestaan"),
            (6, "Bent u bereid om de regels van het Vuurwerkbesluit te wijzigen"),
        ),
        answers=_headings(
            (1, "Ja, het bericht is bekend."),
            (2, "Momenteel wordt er gewerkt aan een gezamenlijke kabinetsreactie"),
            (3, "De veiligheidsregio’s hebben zicht op welke locaties"),
            (4, "Het onderzoek van de Universiteit Twente geeft aan"),
            (5, "De zorgen die mensen hebben over een veilige opslag"),
            (6, "Zoals gezegd wordt gewerkt aan een kabinetsreactie"),
        ),
        footnotes=(
            Footnote(1, "«Dat is 400 keer heel gevaarlijk»»?", "EenVandaag, 28 maart 2024"),
            Footnote(2, "in de ADR.", "Accord Européen relatif au transport international"),
            Footnote(3, "«Leren van twee vuurwerkrampen»", "Torenvlied, R. et al., 1 december 2023"),
            # Printed `20224` in the text layer: the year 2022 with a raised 4.
            Footnote(4, "signaalrapportage uit 2022", "Signaalrapportage Ondeugdelijke gaasverpakking"),
            Footnote(5, "burstpercentage", "pyrotechnische stoffen of preparaten"),
            Footnote(6, "in «rondom gaasverpakking»", "Er zijn twee soorten gaasverpakkingen"),
            Footnote(7, "ten behoeve van hun aanvalsplannen.", "Een aanvalsplan is een essentieel instrument"),
            Footnote(8, "beschikbaar is.", "Atlas Leefomgeving | Atlas Leefomgeving"),
        ),
        lists=(
            (
                2,
                (
                    "Alle producten met een «screamer» effect",
                    "Alle producten met «whirl» effect",
                    "Alle producten met een burstpercentage",
                ),
            ),
        ),
        hyphens=(
            Hyphen("consumentenvuurwerkop-|slag", "consumentenvuurwerkopslag", False),
            Hyphen("Universi-|teit", "Universiteit", False),
            # Inside a footnote's web address the hyphen is the address's own.
            Hyphen("vuurwerkrampen-|gepresenteerd", "vuurwerkrampen-gepresenteerd", False),
        ),
    ),
    Letter(
        identifier="ah-tk-20232024-1893",
        number=1893,
        pages=2,
        askers_printed="Klaver (GroenLinks-PvdA)",
        askers=(Asker("Klaver", "GroenLinks-PvdA"),),
        addressee="de Minister van Buitenlandse Zaken",
        ministers=(Minister("Minister", "Bruins Slot", "Buitenlandse Zaken"),),
        on_behalf_of=None,
        sent_on=datetime.date(2024, 4, 18),
        received_on=datetime.date(2024, 6, 3),
        see_also=(),
        questions=_headings(
            (1, "Bent u bekend met het NRC artikel"),
            (2, "Klopt het dat er sancties van kracht zijn"),
            (3, "Bent u het eens dat het onwenselijk is"),
            (4, "Wat is de geschatte winst van deze vluchten"),
            (5, "Bent u bereid aanvullende maatregelen te nemen"),
            (6, "Bent u bereid een onderzoek te starten"),
            (7, "Gaat u in gesprek met Corendon"),
        ),
        answers=_headings(
            (1, "Ja."),
            (2, "Nee, dat klopt niet."),
            (3, "Nederland heeft samen met de andere EU-lidstaten sancties"),
            (4, "Het kabinet heeft hier geen inzicht in."),
            (5, "Het kabinet onderzoekt voortdurend de mogelijkheid tot nieuwe"),
            (6, "Mits bedrijven voldoen aan de actuele sanctieregelgeving"),
            (7, "In algemene zin geldt dat het kabinet"),
        ),
        footnotes=(
            # The marker stands between the closing guillemet and the question mark.
            Footnote(1, "toeristen naar de zon vliegen»", "NRC, 16 april 2024"),
        ),
    ),
    Letter(
        identifier="ah-tk-20232024-1980",
        number=1980,
        pages=3,
        askers_printed="Dobbe (SP)",
        askers=(Asker("Dobbe", "SP"),),
        addressee="de Minister van Volksgezondheid, Welzijn en Sport",
        ministers=(Minister("Minister", "Helder", "Volksgezondheid, Welzijn en Sport"),),
        on_behalf_of=None,
        sent_on=datetime.date(2024, 5, 7),
        received_on=datetime.date(2024, 6, 13),
        see_also=("ah-tk-20232024-1848",),
        questions=_headings(
            (1, "Wat is uw reactie op het bericht «Jos de Blok"),
            (2, "Hoe rijmt u de reactie van Buurtzorg"),
            (3, "In hoeverre is er bij het vaststellen van de plannen"),
            (4, "Wat is volgens de Nederlandse Zorgautoriteit (NZa)"),
            (5, "Hoe reageert u op de stelling van Jos de Blok dat Duitsland"),
            (6, "Bent u bereid om alle vragen apart te beantwoorden?"),
        ),
        answers=_headings(
            (1, "Ik betreur het dat Buurtzorg deze ervaring heeft."),
            (2, "Zoals ik in mijn brief van 24 april jl."),
            (3, "Bij de start van de ontwikkeling van de bekostiging"),
            (4, "Omaha en de vragenlijst voor de cliëntprofielen dienen"),
            (5, "Elke bekostigingssystematiek kent eigen voor- en nadelen."),
            (6, "Ja."),
        ),
        footnotes=(
            Footnote(1, "Buurtzorg stelselmatig buitengesloten»»?", "Zorgvisie, 2 mei 2024"),
            Footnote(2, "brief van 24 april jl.", "Kamerstukken II 2023–34, 23 235, nr. 240."),
            Footnote(3, "motie Joseph-Agema", "Kamerstukken II 2023–34, 29 509, nr. 80."),
            Footnote(4, "stip op de horizon»?", "Kamerstuk 23 235, nr. 240"),
            Footnote(5, "brief van 24 april jl.", "Kamerstukken II 2023–34, 23 235, nr. 240."),
            Footnote(6, "koppelen van Omaha aan de bekostiging.", "Kamerstukken II"),
            # Printed `Joseph-`|`Agema,⁷` across a line end; pdftotext gives `JosephAgema,7`.
            Footnote(7, "Agema,", "Kamerstukken II 2023–34, 29 509, nr. 80."),
        ),
        hyphens=(
            # Split across the page break of pages 2 and 3, footnotes 5 and 6 between the halves.
            Hyphen("zorgaanbie-|der", "zorgaanbieder", True),
            Hyphen("Joseph-|Agema", "Joseph-Agema", False),
            Hyphen("gegevensuitwisse-|ling", "gegevensuitwisseling", False),
        ),
    ),
    Letter(
        identifier="ah-tk-20232024-2129",
        number=2129,
        pages=3,
        askers_printed="Ceder (ChristenUnie) en Dobbe (SP)",
        askers=(Asker("Ceder", "ChristenUnie"), Asker("Dobbe", "SP")),
        addressee="de Ministers van Buitenlandse Zaken en voor Buitenlandse Handel en Ontwikkelingssamenwerking",
        # Printed `Antwoord van Minister Bruins Slot (BZ) van Minister Schreinemacher (…)`.
        ministers=(
            Minister("Minister", "Bruins Slot", "BZ"),
            Minister("Minister", "Schreinemacher", "Buitenlandse Handel en Ontwikkelingssamenwerking"),
        ),
        on_behalf_of=None,
        sent_on=datetime.date(2024, 6, 5),
        received_on=datetime.date(2024, 6, 28),
        see_also=(),
        questions=_headings(
            (1, "Bent u bekend met de recente oproep van 190 humanitaire organisaties"),
            (2, "Hoe reageren Nederland en de Europese Unie (EU) op deze oproep?"),
            (3, "Bent u bekend met de grote zorgen"),
            (4, "Hoe kunnen de EU en Nederland eraan bijdragen"),
            (5, "Herinnert u zich de twee jaar geleden aangenomen motie"),
            (6, "Kunt u aangeven wat is gedaan om deze motie uit te voeren?"),
            (7, "Kunt u, nu Nederland weer in de Mensenrechtenraad"),
            (8, "Kunt u nader toelichten waarom het aanvullend"),
            (9, "Deelt u de zorgen dat wapenexport naar deze landen"),
        ),
        answers=_headings(
            (1, "Ja."),
            (2, "Nederland is zich bewust van de hoge noden in Jemen"),
            (3, "Ja."),
            (4, "In Jemen heeft het jarenlange conflict"),
            (5, "Ja."),
            (6, "Aan deze motie is op verschillende momenten uitvoering gegeven."),
            (7, "Nederland heeft zich de afgelopen jaren in de VN-Mensenrechtenraad ingezet"),
            (8, "Graag verwijs ik u naar de Kamerbrief van 14 juli 2023"),
            (9, "Het kabinet is zich ervan bewust"),
        ),
        footnotes=(
            Footnote(1, "om de grote noden in het land tegen te gaan?", "Relief Web, 6 mei 2024"),
            Footnote(2, "over de vredesonderhandelingen in het land?", "Relief Web, 15 april 2024"),
            Footnote(3, "naar oorlogsmisdaden in Jemen?", "Kamerstuk 21 501-02, nr. 2498"),
            Footnote(4, "is afgeschaft?", "Rijksoverheid, 4 oktober 2023"),
            # Printed `20235` in the text layer: the year 2023 with a raised 5.
            Footnote(5, "de Kamerbrief van 14 juli 2023", "Kamerstuk 22 054, nr. 395"),
        ),
    ),
    Letter(
        identifier="ah-tk-20232024-2313",
        number=2313,
        pages=5,
        askers_printed="Bushoff en Patijn(beiden GroenLinks-PvdA)",
        askers=(Asker("Bushoff", "GroenLinks-PvdA"), Asker("Patijn", "GroenLinks-PvdA")),
        addressee="de Ministers van Sociale Zaken en Werkgelegenheid en van Volksgezondheid, Welzijn en Sport",
        ministers=(Minister("Minister", "Van Hijum", "Sociale Zaken en Werkgelegenheid"),),
        on_behalf_of="de Minister van Volksgezondheid, Welzijn en Sport",
        sent_on=datetime.date(2024, 7, 5),
        received_on=datetime.date(2024, 8, 22),
        see_also=("ah-tk-20232024-2166",),
        questions=_headings(
            (1, "Bent u bekend met het artikel «Erkenning van longcovid"),
            (2, "Bent u het ermee eens dat mensen die ziek worden"),
            (3, "In hoeverre herkent u het bij EenVandaag geschetste beeld"),
            (4, "Bent u het ermee eens dat het zeer zorgelijk is"),
            (5, "Herkent u het beeld dat kennis over longcovid ontbreekt"),
            (6, "In hoeverre dragen de hoge werkdruk van verzekeringsartsen"),
            (7, "Deelt u de visie dat het desastreus is"),
            (8, "Bent u het ermee eens dat omdat een besluit"),
            (9, "Worden de mensen die een onzorgvuldige beoordeling hebben gekregen"),
            (10, "Bent u het eens met de constatering"),
        ),
        answers=_headings(
            (1, "Ja."),
            (2, "Mensen die langdurig ziek zijn verkeren in een onzekere periode."),
            (3, "EenVandaag berichtte over de uitkomsten van een vooronderzoek"),
            (4, "Het is van belang dat de arbeidsongeschiktheidsbeoordeling zorgvuldig"),
            (5, "Omdat post-COVID relatief nieuw is"),
            (6, "Al vele jaren is de vraag naar sociaal-medische beoordelingen"),
            (7, "Langdurige ziekte kan grote gevolgen hebben"),
            (8, "UWV is verplicht om zorgvuldig onderzoek te doen"),
            (9, "Zoals ik in het antwoord op vraag 7 aangeef"),
            (10, "Zoals in eerdere antwoorden aangegeven"),
        ),
        footnotes=(
            Footnote(1, "de patiënten onvoldoende»»?", "EenVandaag, 1 juli 2024"),
            Footnote(2, "niet juist zijn?", "AD, 21 juni 2024"),
            Footnote(3, "de achterstanden tegen te gaan?", "De Volkskrant, 21 juni 2024"),
            Footnote(4, "Van Zwol te lezen.", "Eindverslag formateur Van Zwol"),
        ),
        referrals=(Referral(9, (7,), "Zoals ik in het antwoord op vraag 7 aangeef"),),
        hyphens=(Hyphen("WIA-|uitkering", "WIA-uitkering", False),),
    ),
    Letter(
        identifier="ah-tk-20232024-2395",
        number=2395,
        pages=3,
        askers_printed="Crijns (PVV)",
        askers=(Asker("Crijns", "PVV"),),
        addressee="de Staatssecretaris van Volksgezondheid Welzijn en Sport",
        ministers=(Minister("Staatssecretaris", "Karremans", "Volksgezondheid, Welzijn en Sport"),),
        on_behalf_of=None,
        sent_on=datetime.date(2024, 8, 15),
        received_on=datetime.date(2024, 8, 30),
        see_also=(),
        questions=_headings(
            (1, "Bent u bekend met het artikel «Aanbieders jeugdzorg"),
            (2, "Kunt u uitleggen wat de oorzaken zijn"),
            (3, "Welke stappen neemt u om faillissement"),
            (4, "Hoe gaat u de toenemende wachttijden"),
            (5, "Kunt u aangeven wanneer er gestart wordt"),
        ),
        answers=_headings(
            (1, "Ja."),
            (2, "Er kunnen verschillende oorzaken zijn voor de financiële problemen"),
            (3, "Voor jeugdigen is het belangrijk dat de zorgcontinuïteit"),
            (4, "Helaas hebben we te maken met een krappe arbeidsmarkt"),
            (5, "De uitwerking en implementatie van de Hervormingsagenda is volop gaande."),
        ),
        footnotes=(
            Footnote(1, "zoals gepubliceerd door de NOS?", "NOS, 14 augustus 2024"),
            Footnote(2, "uitgebreid beschreven.", "TK 2023/24, 31 839, nr. 1024."),
        ),
    ),
)

BY_IDENTIFIER = {letter.identifier: letter for letter in LETTERS}
