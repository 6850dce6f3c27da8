"""One test per citation form, on the real strings from seeds/ (module table in references.py)."""

from __future__ import annotations

import pytest

from generator.link.references import find_references
from generator.model import EERSTE_KAMER, TWEEDE_KAMER

from .builders import SEED_000, SEED_001, span

OFFICIAL = "https://zoek.officielebekendmakingen.nl/"


def only(text: str, line: int = 1, path: str = SEED_001):
    """The one reference found in `text`, with its printed text checked against the offsets."""
    found = find_references(text, span(line, path))
    assert len(found) == 1, found
    assert text[found[0].start : found[0].end] == found[0].reference.text
    return found[0]


def test_kamerstukken_ii_with_dossier_and_number():
    """Footnote 12 of the answer letter (seeds/001:644)."""
    found = only("Kamerstukken II, 2025/26, 31066, nr. 506", 644)
    ref = found.reference
    assert (ref.kind, ref.chamber, ref.session) == ("kamerstuk", TWEEDE_KAMER, "2025-2026")
    assert (ref.dossiers, ref.number, ref.page) == (("31066",), "506", None)
    assert ref.identifier == "kst-31066-506"
    assert ref.url == OFFICIAL + "kst-31066-506.html"
    assert ref.span == span(644) and found.problem == ""


def test_kamerstuk_short_form_inside_a_question():
    """Question 3 of the written questions (seeds/000:13)."""
    text = ("Is er, conform de aangenomen motie-Kathmann c.s. (Kamerstuk 26643, nr. 1315), een "
            "onafhankelijke onderbouwing opgesteld voor de noodzaak van de overstap naar Microsoft?")
    found = only(text, 13, SEED_000)
    assert found.reference.text == "Kamerstuk 26643, nr. 1315"
    assert found.start == text.index("Kamerstuk")
    assert found.reference.identifier == "kst-26643-1315"
    assert found.reference.chamber == TWEEDE_KAMER  # numbered documents are Tweede Kamer documents


def test_kamerstuk_with_stray_bracket_keeps_the_bracket_as_text():
    """Question 4 of the written questions (seeds/000:18) prints `nr. 20]`."""
    text = ("Waarom houdt u het mailverkeer niet in eigen beheer, zoals verzocht in de motie-"
            "Kathmann/Six Dijkstra (Kamerstuk 36740, nr. 20]? Hoe bent u van plan om deze motie alsnog uit te voeren?")
    found = only(text, 17, SEED_000)
    assert found.reference.text == "Kamerstuk 36740, nr. 20"
    assert text[found.end] == "]"
    assert found.reference.identifier == "kst-36740-20"


def test_dossier_printed_with_a_space():
    found = only("Kamerstuk 31 066, nr. 506")
    assert found.reference.dossiers == ("31066",)
    assert found.reference.identifier == "kst-31066-506"


def test_begrotingshoofdstuk_dossier():
    found = only("Kamerstuk 36600-VII, nr. 1")
    assert found.reference.dossiers == ("36600-VII",)
    assert found.reference.identifier == "kst-36600-VII-1"


def test_lettered_eerste_kamer_document_in_one_dossier():
    found = only("Kamerstukken I 2019/20, 35261, B")
    assert (found.reference.chamber, found.reference.number) == (EERSTE_KAMER, "B")
    assert found.reference.identifier == "kst-35261-B"
    assert found.reference.url == OFFICIAL + "kst-35261-B.html"


@pytest.mark.parametrize(
    ("text", "line", "page"),
    [
        ("Kamerstukken I, 2025/26, 31066/26643, AO", 96, None),  # footnote 3
        ("Kamerstukken I, 2025/26, 31066/26643, AO, p. 2.", 97, "2"),  # footnote 4
        ("Kamerstukken I, 2025/26, 31066/26643, AO, p. 3.", 176, "3"),  # footnote 7
    ],
)
def test_joint_eerste_kamer_document_gets_no_identifier(text, line, page):
    """A joint document: which dossier carries the identifier is not in the citation."""
    found = only(text, line)
    ref = found.reference
    assert (ref.kind, ref.chamber, ref.session) == ("kamerstuk", EERSTE_KAMER, "2025-2026")
    assert (ref.dossiers, ref.number, ref.page) == (("31066", "26643"), "AO", page)
    assert ref.identifier is None and ref.url is None
    assert "joint Kamerstuk of dossiers 31066/26643" in found.problem
    assert not text[found.end :].strip(" .")  # the whole citation, not the final full stop


def test_kamerstuk_without_dossier_gets_no_identifier():
    """Footnote 10 of the answer letter (seeds/001:460)."""
    found = only("Kamerstukken II, 2024/25, nr. 2592", 460)
    ref = found.reference
    assert (ref.chamber, ref.session, ref.dossiers, ref.number) == (TWEEDE_KAMER, "2024-2025", (), "2592")
    assert ref.identifier is None and ref.url is None
    assert "without a dossier number (nr. 2592)" in found.problem


def test_kamerbrief_with_tweede_kamer_document_number():
    """Footnote 3 of the written questions (seeds/000:96)."""
    found = only("Kamerbrief met nummer 2025D42960", 96, SEED_000)
    ref = found.reference
    assert (ref.kind, ref.chamber, ref.identifier) == ("kamerbrief", TWEEDE_KAMER, "2025D42960")
    assert ref.url == "https://www.tweedekamer.nl/kamerstukken/brieven_regering/detail?id=2025D42960&did=2025D42960"


@pytest.mark.parametrize(
    "text",
    ["Aanhangsel Handelingen, vergaderjaar 2024–2025, nr. 1234", "Aanhangsel Handelingen II 2024/25, nr. 1234"],
)
def test_aanhangsel_handelingen(text):
    found = only(text + ".")
    ref = found.reference
    assert (ref.kind, ref.chamber, ref.session, ref.number) == ("aanhangsel", TWEEDE_KAMER, "2024-2025", "1234")
    assert ref.identifier == "ah-tk-20242025-1234"
    assert ref.url == OFFICIAL + "ah-tk-20242025-1234.html"
    assert ref.text == text


def test_aanhangsel_of_the_eerste_kamer():
    assert only("Aanhangsel Handelingen I 2024/25, nr. 12").reference.identifier == "ah-ek-20242025-12"


def test_handelingen_with_and_without_item():
    with_item = only("Handelingen II 2024/25, nr. 12, item 5")
    assert (with_item.reference.kind, with_item.reference.identifier) == ("handelingen", "h-tk-20242025-12-5")
    without = only("Handelingen II 2024/25, nr. 12")
    assert without.reference.identifier is None and "item" in without.problem


def test_bare_url_in_a_footnote():
    """Footnote 11 of the answer letter (seeds/001:521), trailing space and all."""
    url = ("https://www.rijksictdashboard.nl/ict-activiteiten/4572eb6d-e88e-4d6f-81d7-94cf1cc0a5cb/"
           "financi%C3%ABn-uitrol-m365")
    found = only(url + " ", 521)
    assert (found.reference.kind, found.reference.url, found.reference.identifier) == ("url", url, None)
    assert (found.start, found.end) == (0, len(url))


def test_url_loses_trailing_punctuation_and_unbalanced_bracket():
    found = only("(zie https://www.rijksictdashboard.nl/ict-activiteiten).")
    assert found.reference.url == "https://www.rijksictdashboard.nl/ict-activiteiten"


def test_officielebekendmakingen_url_yields_its_identifier():
    found = only("https://zoek.officielebekendmakingen.nl/kst-31066-506.html")
    assert (found.reference.kind, found.reference.identifier) == ("url", "kst-31066-506")
    assert found.reference.dossiers == ("31066",)


def test_document_number_inside_a_url_stays_part_of_the_url():
    url = "https://www.tweedekamer.nl/kamerstukken/brieven_regering/detail?id=2025D42960&did=2025D42960"
    assert only(url).reference.kind == "url"


@pytest.mark.parametrize(
    "text",
    [
        "De letters AR hebben alleen betrekking op 31 066.",  # footnote 1 (seeds/001:13)
        "NOS.nl, 2 oktober 2025",  # footnote 1 (seeds/000:89)
        "Minister van Economische Zaken op 2 juni 2025 (link).",  # footnote 4 (seeds/000:98)
        "Rapport ‘Het Rijk in de cloud’, Algemene Rekenkamer, 15 januari 2025 Het Rijk in de cloud | Algemene Rekenkamer",
        "Kamerstukken I, De brief",
    ],
)
def test_text_without_a_citation_yields_nothing(text):
    assert find_references(text, span(1)) == ()


def test_several_citations_come_in_text_order():
    text = "Zie Kamerstuk 26643, nr. 1315 en Kamerbrief met nummer 2025D42960."
    kinds = [found.reference.kind for found in find_references(text, span(1))]
    assert kinds == ["kamerstuk", "kamerbrief"]
