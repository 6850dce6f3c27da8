"""Footnote markers and bodies pair up, or are reported at their path:line."""

from __future__ import annotations

from generator.link.footnotes import check_footnotes

from .builders import SEED_001, footnote, letter, paragraph, record

OPENING = ("De vaste commissie voor Digitalisering heeft met belangstelling kennisgenomen van uw brief van 2 "
           "oktober 2025 over de Overstap van de Belastingdienst, Douane en Toeslagen naar Microsoft365 (M365), "
           "waarin u een zorgvuldige afweging van alle onderzochte scenario’s toelicht.")
MARK_3 = OPENING.index(", waarin")
FN_3 = footnote(3, "Kamerstukken I, 2025/26, 31066/26643, AO", 96)
FN_1 = footnote(1, "De letters AR hebben alleen betrekking op 31 066.", 13)


def test_paired_markers_and_bodies_are_quiet():
    body = paragraph("p10", OPENING, 28, markers=((3, MARK_3),))
    assert check_footnotes(record(SEED_001, letter(1, "commissiebrief", body, footnotes=(FN_3,)))) == ()


def test_body_without_marker_is_a_warning_at_the_footnote():
    """Footnote 1 of the seed verslag has its marker in the title, which the text does not carry."""
    (diagnostic,) = check_footnotes(record(SEED_001, letter(0, "verslag", paragraph("p1", "Van Dooren", 11),
                                                           footnotes=(FN_1,))))
    assert str(diagnostic) == ("seeds/001_dfb242f75dbdc9fb.txt:13: footnote 1 has no marker in the text — "
                               "De letters AR hebben alleen betrekking op 31 066.")
    assert diagnostic.severity == "warning"


def test_marker_without_body_is_an_error_at_the_paragraph():
    body = paragraph("p10", OPENING, 28, markers=((3, MARK_3),))
    (diagnostic,) = check_footnotes(record(SEED_001, letter(1, "commissiebrief", body)))
    assert (diagnostic.path, diagnostic.line, diagnostic.severity) == (SEED_001, 28, "error")
    assert diagnostic.message == "footnote marker 3 has no footnote text"
    assert diagnostic.fragment.endswith("Douane en Toeslagen naar Microsoft365 (M365)")


def test_marker_and_body_in_different_letters_of_one_record_pair_up():
    """A page's footnotes can land in the letter before the marker's."""
    cover = letter(0, "verslag", paragraph("p1", "Van Dooren", 11), footnotes=(FN_3,))
    committee = letter(1, "commissiebrief", paragraph("p10", OPENING, 28, markers=((3, MARK_3),)))
    assert check_footnotes(record(SEED_001, cover, committee)) == ()
