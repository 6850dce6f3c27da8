"""The URL and anchor scheme: derived from numbering and metadata, never from wording."""

from __future__ import annotations

import datetime
import posixpath
from dataclasses import replace

import pytest

from generator.model import ANSWER_LETTER, RECORD_APPENDIX, LetterKey
from generator.render import render_site
from generator.render.addresses import (
    answer_anchor,
    assign_addresses,
    chamber_slug,
    page_url,
    question_anchor,
    relative_link,
    slugify,
    target_anchor,
)

from tests.render.builders import (
    QUESTION_1,
    SEED_000,
    SEED_001,
    corpus,
    letter,
    paragraph,
    question,
    target,
    verslag_record,
    written_questions_record,
)


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("BBB", "bbb"),
        ("GroenLinks-PvdA", "groenlinks-pvda"),
        ("Nieuw Sociaal Contract", "nieuw-sociaal-contract"),
        ("50PLUS", "50plus"),
        ("Fractie-Visseren-Hamakers", "fractie-visseren-hamakers"),
        ("Financiën", "financien"),
        ("  ChristenUnie / SGP  ", "christenunie-sgp"),
        ("’s-Gravenhage", "s-gravenhage"),
    ],
)
def test_slugify_is_lowercase_ascii_with_dashes(text: str, slug: str) -> None:
    assert slugify(text) == slug


def test_anchors_of_written_questions_have_no_party() -> None:
    assert question_anchor(None, 3) == "vraag-3"
    assert answer_anchor(None, 3) == "antwoord-3"


def test_anchors_of_party_questions_start_with_the_party() -> None:
    assert question_anchor("BBB", 7) == "bbb-vraag-7"
    assert answer_anchor("BBB", 7) == "bbb-antwoord-7"
    assert question_anchor("GroenLinks-PvdA", 1) == "groenlinks-pvda-vraag-1"


def test_target_anchor_follows_the_role() -> None:
    assert target_anchor(target(SEED_001, 2, "antwoord", "BBB", 24)) == "bbb-antwoord-24"
    assert target_anchor(target(SEED_000, 0, "vraag", None, 9)) == "vraag-9"
    assert target_anchor(target(SEED_000, 0, "iets anders", None, 9)) is None


def test_chamber_slug() -> None:
    assert chamber_slug("Tweede Kamer") == "tweede-kamer"
    assert chamber_slug("Eerste Kamer") == "eerste-kamer"


@pytest.mark.parametrize(
    ("source", "target_page", "anchor", "link"),
    [
        ("eerste-kamer/2026-02-12/antwoordbrief.md", "eerste-kamer/2025-12-02/commissiebrief.md", "bbb-vraag-7",
         "../2025-12-02/commissiebrief.md#bbb-vraag-7"),
        ("eerste-kamer/2026-02-12/antwoordbrief.md", "eerste-kamer/2026-02-12/antwoordbrief.md", "bbb-antwoord-7",
         "#bbb-antwoord-7"),
        ("index.md", "tweede-kamer/2025-10-07/schriftelijke-vragen.md", None,
         "tweede-kamer/2025-10-07/schriftelijke-vragen.md"),
        ("eerste-kamer/2026-02-12/antwoordbrief.md", "tweede-kamer/2025-10-07/schriftelijke-vragen.md", "vraag-9",
         "../../tweede-kamer/2025-10-07/schriftelijke-vragen.md#vraag-9"),
        ("eerste-kamer/2026-02-12/antwoordbrief.md", "eerste-kamer/2026-02-12/verslag-schriftelijk-overleg.md", None,
         "verslag-schriftelijk-overleg.md"),
    ],
)
def test_relative_link_is_a_mkdocs_link_between_source_files(source: str, target_page: str, anchor: str | None,
                                                              link: str) -> None:
    assert relative_link(source, target_page, anchor) == link


PAGES = (
    "index.md",
    "tijdlijn.md",
    "personen.md",
    "personen/kathmann.md",
    "dossiers/index.md",
    "dossiers/31066.md",
    "partijen/groenlinks-pvda/2.md",
    "stukken/2025-10.md",
    "eerste-kamer/2026-02-12/antwoordbrief.md",
    "eerste-kamer/2026-02-12/verslag-schriftelijk-overleg.md",
    "eerste-kamer/2025-12-02/commissiebrief.md",
    "eerste-kamer/2026-02-12.md",
    "tweede-kamer/2025-10-07/schriftelijke-vragen.md",
    "tweede-kamer/zonder-datum/brief.md",
)


@pytest.mark.parametrize("source", PAGES)
def test_relative_link_is_what_relpath_gives_between_any_two_pages(source: str) -> None:
    """Between every two pages, at any depth (a page beside a folder of its own name, the home
    page, a page linking itself without an anchor), the link is the one `posixpath.relpath` gives."""
    for target in PAGES:
        expected = posixpath.relpath(target, posixpath.dirname(source) or ".")
        assert relative_link(source, target) == expected, (source, target)
        assert relative_link(source, target, "vraag-1") == (
            "#vraag-1" if source == target else f"{expected}#vraag-1"
        )


def test_relative_link_to_itself_without_an_anchor_names_the_file() -> None:
    assert relative_link("eerste-kamer/2026-02-12/antwoordbrief.md", "eerste-kamer/2026-02-12/antwoordbrief.md") == "antwoordbrief.md"
    assert relative_link("dossiers/31066.md", "dossiers") == "."  # its own folder
    assert relative_link("dossiers/31066.md", "dossiers/index.md", "") == "index.md"


def test_page_url_is_the_folder_mkdocs_serves() -> None:
    assert page_url("eerste-kamer/2026-02-12/antwoordbrief.md") == "eerste-kamer/2026-02-12/antwoordbrief/"
    assert page_url("index.md") == ""


def test_letter_pages_are_chamber_date_and_kind() -> None:
    addresses = assign_addresses(corpus(written_questions_record(), verslag_record()))
    assert addresses.letter_page(LetterKey(SEED_000, 0)) == "tweede-kamer/2025-10-07/schriftelijke-vragen.md"
    assert addresses.letter_page(LetterKey(SEED_001, 1)) == "eerste-kamer/2025-12-02/commissiebrief.md"
    assert addresses.letter_page(LetterKey(SEED_001, 2)) == "eerste-kamer/2026-02-12/antwoordbrief.md"


def test_a_record_of_several_letters_gets_a_page_that_shows_its_cover_note() -> None:
    addresses = assign_addresses(corpus(written_questions_record(), verslag_record()))
    record_page = "eerste-kamer/2026-02-12/verslag-schriftelijk-overleg.md"
    assert addresses.record_page(verslag_record()) == record_page
    assert addresses.letter_page(LetterKey(SEED_001, 0)) == record_page
    assert addresses.record_page(written_questions_record()) is None


def test_a_letter_without_a_date_takes_its_records_date() -> None:
    record = verslag_record()
    undated = replace(record, letters=(*record.letters[:2], replace(record.letters[2], sent_on=None)))
    addresses = assign_addresses(corpus(undated))
    assert addresses.letter_page(LetterKey(SEED_001, 2)) == "eerste-kamer/2026-02-12/antwoordbrief.md"


def test_a_page_with_no_date_at_all_says_so() -> None:
    record = written_questions_record()
    undated = replace(record, letters=(replace(record.letters[0], sent_on=None),))
    assert assign_addresses(corpus(undated)).letter_page(LetterKey(SEED_000, 0)) == (
        "tweede-kamer/zonder-datum/schriftelijke-vragen.md"
    )


def _same_day_answer(path: str, identifier: str | None, sender: str | None):
    """A record holding one answer letter of 12 februari 2026 (as the seed's answer letter)."""
    answers = letter(0, ANSWER_LETTER, question(1, None, paragraph("p1", QUESTION_1)), path=path,
                     sent_on=datetime.date(2026, 2, 12), sender=sender)
    return replace(verslag_record(), path=path, kind=RECORD_APPENDIX, letters=(answers,), identifier=identifier)


def test_pages_that_would_collide_are_told_apart_by_identifier_never_by_file_order() -> None:
    first = _same_day_answer("seeds/a.txt", "ah-ek-20252026-12", None)
    second = _same_day_answer("seeds/b.txt", "ah-ek-20252026-13", None)
    forward = assign_addresses(corpus(first, second))
    backward = assign_addresses(corpus(second, first))
    assert forward == backward
    assert forward.letter_page(LetterKey("seeds/a.txt", 0)) == "eerste-kamer/2026-02-12/antwoordbrief-ah-ek-20252026-12.md"
    assert forward.letter_page(LetterKey("seeds/b.txt", 0)) == "eerste-kamer/2026-02-12/antwoordbrief-ah-ek-20252026-13.md"


def test_without_identifiers_the_sender_tells_colliding_pages_apart() -> None:
    first = _same_day_answer("seeds/a.txt", None, "De staatssecretaris van Financiën")
    second = _same_day_answer("seeds/b.txt", None, "De minister van Binnenlandse Zaken")
    addresses = assign_addresses(corpus(first, second))
    assert addresses.letter_page(LetterKey("seeds/a.txt", 0)) == (
        "eerste-kamer/2026-02-12/antwoordbrief-de-staatssecretaris-van-financien.md"
    )


def test_a_long_sender_is_cut_at_a_word_boundary() -> None:
    sender = "De staatssecretaris van Financiën - Fiscaliteit, Belastingdienst en Douane, Eugène Heijnen"
    first = _same_day_answer("seeds/a.txt", None, sender)
    second = _same_day_answer("seeds/b.txt", "ah-ek-20252026-13", None)
    assert assign_addresses(corpus(first, second)).letter_page(LetterKey("seeds/a.txt", 0)) == (
        "eerste-kamer/2026-02-12/antwoordbrief-de-staatssecretaris-van-financien.md"
    )


def test_a_page_without_anything_to_tell_it_apart_keeps_the_plain_address() -> None:
    plain = _same_day_answer("seeds/a.txt", None, None)
    named = _same_day_answer("seeds/b.txt", "ah-ek-20252026-13", None)
    addresses = assign_addresses(corpus(plain, named))
    assert addresses.letter_page(LetterKey("seeds/a.txt", 0)) == "eerste-kamer/2026-02-12/antwoordbrief.md"
    assert addresses.shared == {}


def test_when_nothing_else_differs_the_file_name_does() -> None:
    first = _same_day_answer("seeds/a.txt", None, None)
    second = _same_day_answer("seeds/b.txt", None, None)
    pages = sorted(assign_addresses(corpus(first, second)).letters.values())
    assert pages == ["eerste-kamer/2026-02-12/antwoordbrief-a.md", "eerste-kamer/2026-02-12/antwoordbrief-b.md"]


def test_the_address_several_pages_wanted_leads_to_all_of_them() -> None:
    first = _same_day_answer("seeds/a.txt", "ah-ek-20252026-12", None)
    second = _same_day_answer("seeds/b.txt", "ah-ek-20252026-13", None)
    pages = render_site(corpus(first, second))
    shared = pages["eerste-kamer/2026-02-12/antwoordbrief.md"]
    assert "(antwoordbrief-ah-ek-20252026-12.md)" in shared
    assert "(antwoordbrief-ah-ek-20252026-13.md)" in shared


def test_every_letter_not_shown_on_its_record_page_has_a_page_of_its_own() -> None:
    addresses = assign_addresses(corpus(written_questions_record(), verslag_record()))
    own = [page for key, page in addresses.letters.items() if key != LetterKey(SEED_001, 0)]
    assert len(set(own)) == len(own) == 3
    assert not set(own) & set(addresses.records.values())


# --- Issue 7: no address is ever shared -----------------------------------------------------------


@pytest.mark.parametrize("names", [("Vragen.txt", "vragen.txt"), ("a b.txt", "a-b.txt", "a.b.txt")])
def test_files_whose_names_slug_alike_get_pages_of_their_own_whatever_their_order(names: tuple[str, ...]) -> None:
    records = [_same_day_answer(f"seeds/{name}", None, "De minister van Financiën") for name in names]
    forward = assign_addresses(corpus(*records))
    assert forward == assign_addresses(corpus(*reversed(records))), "never by the order of the files"
    pages = [forward.letter_page(LetterKey(record.path, 0)) for record in records]
    assert len(set(pages)) == len(names)
    stem = "eerste-kamer/2026-02-12/antwoordbrief-de-minister-van-financien-"
    assert all(page.startswith(stem) for page in pages)
    rendered = render_site(corpus(*records))
    assert all(page in rendered for page in pages)


def test_the_hash_that_tells_files_apart_is_of_the_exact_file_name_and_stays() -> None:
    """`sha256sum` of the names: Vragen.txt 92995578…, vragen.txt b202c1a6… (the same on every build)."""
    upper, lower = (_same_day_answer(f"seeds/{name}", None, None) for name in ("Vragen.txt", "vragen.txt"))
    pages = assign_addresses(corpus(upper, lower))
    assert pages.letter_page(LetterKey(upper.path, 0)) == "eerste-kamer/2026-02-12/antwoordbrief-vragen-brief-1-92995578.md"
    assert pages.letter_page(LetterKey(lower.path, 0)) == "eerste-kamer/2026-02-12/antwoordbrief-vragen-brief-1-b202c1a6.md"


def test_the_same_file_twice_fails_naming_it() -> None:
    from generator.render.addresses import AddressConflict

    record = _same_day_answer("seeds/a.txt", None, None)
    with pytest.raises(AddressConflict, match="seeds/a.txt:1: would get the same address as seeds/a.txt"):
        assign_addresses(corpus(record, record))


def test_a_dossier_whose_page_is_the_overview_is_refused_at_the_sidecar_line_that_asked() -> None:
    """The reader refuses `dossiers = ["index"]`; should such a dossier still reach the renderer
    (built here by hand), its page is refused too, at the sidecar line, instead of overwriting."""
    from generator.model import DossierMention, Links, Sidecar
    from generator.render import PageConflict

    sidecar = Sidecar("seeds/001.toml", dossiers=("index",), lines=(("dossiers", 3),))
    record = replace(verslag_record(), dossiers=("index",), sidecar=sidecar)
    links = Links(dossiers=(("index", (DossierMention(record.path, True, ()),)),))
    with pytest.raises(PageConflict, match=r"^seeds/001.toml:3: dossier 'index' would get the page of the dossier overview"):
        render_site(corpus(record, links=links))


def test_two_dossiers_on_one_page_are_refused() -> None:
    from generator.model import DossierMention, Links
    from generator.render import PageConflict

    record = verslag_record()
    mention = (DossierMention(record.path, True, ()),)
    links = Links(dossiers=(("a.b", mention), ("a b", mention)))
    with pytest.raises(PageConflict, match="dossier 'a b' would get the page of dossier 'a.b'"):
        render_site(corpus(record, links=links))
