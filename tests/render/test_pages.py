"""Letter, record and home pages: what they hold, where anchors and links go, and that ids are unique."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import replace

import pytest
from bs4 import BeautifulSoup
from mkdocs.utils.meta import get_data

from generator.model import (
    APPENDIX_ANSWERS,
    RECORD_APPENDIX,
    Heading,
    Links,
    Reference,
    TextLink,
    Thread,
)
from generator.render import render_site

from tests.render.builders import (
    ANSWERS,
    BBB_ANSWER_24,
    BBB_ANSWER_7,
    BBB_CONTEXT_7,
    BBB_HEADING,
    BBB_QUESTION_7,
    COMMITTEE,
    COVER_TEXT,
    FOOTNOTE_000_1,
    FOOTNOTE_001_1,
    FOOTNOTE_001_3,
    QUESTION_1,
    QUESTION_12,
    QUESTION_4,
    QUESTION_5,
    QUESTION_9,
    RECORD,
    SEED_000,
    SEED_001,
    WRITTEN,
    answer,
    corpus,
    footnote,
    ids,
    letter,
    markdown_converter,
    paragraph,
    question,
    render_markdown,
    span,
    target,
    verslag_record,
    written_questions_record,
)

ANSWERS_TITLE = (
    "Antwoordbrief van de staatssecretaris van Financiën - Fiscaliteit, Belastingdienst en Douane, 12 februari 2026"
)

OVERVIEWS = ["annotaties.md", "begrippen.md", "dossiers/index.md", "partijen.md", "personen.md", "tijdlijn.md"]
"""The pages across the corpus every site has, even without letters (generator.render.overviews)."""
MONTH_PAGES = ["stukken/2026-02.md", "stukken/2025-10.md"]
"""The pages listing each month's records: the verslag's, then the written questions'."""
PARTY_PAGES = ["partijen/bbb.md", "partijen/groenlinks-pvda.md", "partijen/nieuw-sociaal-contract.md"]
"""A page per party asking questions (the test corpus dates no events, so it has no timeline pages)."""

BBB_7 = target(SEED_001, 1, "vraag", "BBB", 7)
BBB_7_QUOTED = target(SEED_001, 2, "vraag", "BBB", 7)
BBB_ANSWER_7_TARGET = target(SEED_001, 2, "antwoord", "BBB", 7)


def _written() -> object:
    """seeds/000: questions 1, 9 and 12 with footnote 1 after question 1."""
    return written_questions_record(
        question(1, None, paragraph("p3", QUESTION_1, (1, len(QUESTION_1)), path=SEED_000)),
        question(9, None, paragraph("p11", QUESTION_9, path=SEED_000)),
        question(12, None, paragraph("p14", QUESTION_12, path=SEED_000)),
        footnotes=(footnote(1, FOOTNOTE_000_1, 89, SEED_000),),
    )


def _links() -> Links:
    """What the link pass finds in the two records: a thread, statuses, a referral, a citation."""
    referral = TextLink(SEED_000, "p14", QUESTION_12.index("vraag 9"), QUESTION_12.index("vraag 9") + len("vraag 9"),
                        target=target(SEED_000, 0, "vraag", None, 9))
    citation = TextLink(SEED_001, "fn1-3", 0, len(FOOTNOTE_001_3), reference=Reference(
        "kamerstuk", FOOTNOTE_001_3, span(96), url="https://zoek.officielebekendmakingen.nl/kst-31066-AO.html", letter=1))
    return Links(
        threads=(Thread(BBB_7, BBB_ANSWER_7_TARGET), Thread(BBB_7_QUOTED, BBB_ANSWER_7_TARGET)),
        text_links=(referral, citation),
        statuses=((BBB_7, "beantwoord"), (BBB_ANSWER_7_TARGET, "beantwoord"),
                  (target(SEED_000, 0, "vraag", None, 1), "geen antwoord op deze site")),
    )


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return render_site(corpus(_written(), verslag_record(), links=_links()))


@pytest.fixture(scope="module")
def html(pages: dict[str, str]) -> dict[str, BeautifulSoup]:
    return {path: render_markdown(text) for path, text in pages.items()}


def test_the_site_has_a_home_page_a_record_page_and_a_page_per_letter(pages: dict[str, str]) -> None:
    people = ["personen/kathmann.md", "personen/six-dijkstra.md"]  # the askers of the written questions
    assert list(pages) == sorted([ANSWERS, COMMITTEE, RECORD, "index.md", WRITTEN, *OVERVIEWS, *people, *MONTH_PAGES, *PARTY_PAGES])


def test_every_page_has_unique_ids(html: dict[str, BeautifulSoup]) -> None:
    for path, soup in html.items():
        repeated = [name for name, count in Counter(ids(soup)).items() if count > 1]
        assert not repeated, f"{path}: {repeated}"


def test_rendering_is_deterministic() -> None:
    first = render_site(corpus(_written(), verslag_record(), links=_links()))
    second = render_site(corpus(_written(), verslag_record(), links=_links()))
    assert first == second
    assert list(first) == list(second)


def test_pages_end_with_one_line_end_and_use_no_carriage_returns(pages: dict[str, str]) -> None:
    for text in pages.values():
        assert text.endswith("\n") and not text.endswith("\n\n")
        assert "\r" not in text


def test_front_matter_holds_the_title(pages: dict[str, str]) -> None:
    _, meta = get_data(pages[ANSWERS])
    assert meta == {"title": ANSWERS_TITLE}
    assert pages[ANSWERS].startswith('---\ntitle: "Antwoordbrief van de staatssecretaris')


def test_letter_pages_are_titled_readably_and_keep_the_printed_heading(html: dict[str, BeautifulSoup]) -> None:
    titles = {path: html[path].find("h1").get_text().removesuffix("¶") for path in (WRITTEN, COMMITTEE, ANSWERS)}
    assert titles == {
        WRITTEN: "Schriftelijke vragen van Kathmann en Six Dijkstra, 7 oktober 2025",
        COMMITTEE: "Brief van de commissie voor Digitalisering, 2 december 2025",
        ANSWERS: ANSWERS_TITLE,
    }
    printed = html[ANSWERS].select("p.kd-printed-heading")
    assert [p.get_text() for p in printed] == ["BRIEF VAN DE STAATSSECRETARIS VAN FINANCIËN - FISCALITEIT, BELASTINGDIENST EN DOUANE"]
    assert not html[WRITTEN].select("p.kd-printed-heading")  # it prints none


def test_the_printed_heading_comes_before_the_opening_paragraphs() -> None:
    record = verslag_record()
    answers = record.letters[2]
    head = (paragraph("p59", "Den Haag, 12 februari 2026"),)
    pages = render_site(corpus(replace(record, letters=(*record.letters[:2], replace(answers, head=head)))))
    paragraphs = [p.get_text() for p in render_markdown(pages[ANSWERS]).find_all("p")]
    at = paragraphs.index(answers.title)
    assert paragraphs[at + 1] == "Den Haag, 12 februari 2026"


def test_metadata_has_dutch_labels_and_dates(html: dict[str, BeautifulSoup]) -> None:
    items = [item.get_text() for item in html[WRITTEN].select("ul > li")]
    assert "Kamer: Tweede Kamer" in items
    assert "Soort: schriftelijke vragen" in items
    assert "Datum: 7 oktober 2025" in items
    assert "Vragenstellers: Kathmann (GroenLinks-PvdA), Six Dijkstra (Nieuw Sociaal Contract)" in items


def test_record_metadata_shows_identifier_and_source_as_a_link() -> None:
    record = replace(_written(), identifier="ah-tk-20252026-412",
                     source_url="https://zoek.officielebekendmakingen.nl/ah-tk-20252026-412.html")
    soup = render_markdown(render_site(corpus(record))[WRITTEN])
    items = [item.get_text() for item in soup.select("ul > li")]
    assert "Kenmerken: ah-tk-20252026-412" in items
    assert soup.find("a", href="https://zoek.officielebekendmakingen.nl/ah-tk-20252026-412.html")


def test_a_source_that_is_not_a_web_address_is_shown_but_not_linked() -> None:
    record = replace(_written(), source_url="javascript:alert(1)")
    soup = render_markdown(render_site(corpus(record))[WRITTEN])
    assert "Bron: javascript:alert(1)" in [item.get_text() for item in soup.select("ul > li")]
    assert not soup.find("a", href=lambda href: href and href.startswith("javascript"))


def test_written_questions_have_plain_anchors_and_headings(html: dict[str, BeautifulSoup]) -> None:
    soup = html[WRITTEN]
    assert [h.get("id") for h in soup.find_all("h3")] == ["vraag-1", "vraag-9", "vraag-12"]
    assert soup.find("h3", id="vraag-9").get_text().startswith("Vraag 9")


def test_party_questions_carry_the_party_in_anchor_and_heading(html: dict[str, BeautifulSoup]) -> None:
    heading = html[COMMITTEE].find(id="bbb-vraag-7")
    assert heading.name == "h3"
    assert heading.get_text().startswith("Vraag 7 (BBB)")
    answer_heading = html[ANSWERS].find(id="bbb-antwoord-7")
    assert answer_heading.get_text().startswith("Antwoord op vraag 7 (BBB)")


def test_each_question_and_answer_heading_has_a_dutch_permalink(html: dict[str, BeautifulSoup]) -> None:
    for soup in (html[WRITTEN], html[COMMITTEE], html[ANSWERS]):
        for heading in soup.find_all("h3"):
            link = heading.find("a", class_="headerlink")
            assert link["href"] == f"#{heading['id']}"
            assert link["title"] == "Vaste link naar dit onderdeel"


def test_context_comes_under_the_question_heading_as_its_own_paragraphs(html: dict[str, BeautifulSoup]) -> None:
    heading = html[COMMITTEE].find(id="bbb-vraag-7")
    context = heading.find_next_sibling("p", class_=lambda css: css != "kd-cite")
    assert context["class"] == ["kd-context"]
    assert context.get_text() == BBB_CONTEXT_7
    assert BBB_QUESTION_7 in context.find_next_sibling("p").get_text()


def test_quoted_questions_in_an_answer_letter_are_blockquotes(html: dict[str, BeautifulSoup]) -> None:
    quote = html[ANSWERS].find(id="bbb-vraag-7").find_next_sibling("blockquote")
    assert [p.get_text() for p in quote.find_all("p")] == [BBB_CONTEXT_7, BBB_QUESTION_7]
    assert quote.find("p")["class"] == ["kd-context"]


def test_answers_are_not_quoted(html: dict[str, BeautifulSoup]) -> None:
    answer_text = html[ANSWERS].find(string=lambda s: s and BBB_ANSWER_7 in s)
    assert answer_text.find_parent("blockquote") is None


def test_the_answer_section_holds_the_answer_not_the_question(html: dict[str, BeautifulSoup]) -> None:
    heading = html[ANSWERS].find(id="bbb-antwoord-24")
    section = []
    for sibling in heading.find_next_siblings():
        if sibling.name in ("h1", "h2", "h3"):
            break
        section.append(sibling.get_text())
    assert BBB_ANSWER_24 in " ".join(section)


def test_a_question_links_to_its_answer_and_the_answer_back(html: dict[str, BeautifulSoup]) -> None:
    committee_links = [a["href"] for a in html[COMMITTEE].select("p.kd-thread a")]
    assert committee_links == ["../2026-02-12/antwoordbrief.md#bbb-antwoord-7"]
    answer_links = [a["href"] for a in html[ANSWERS].find(id="bbb-antwoord-7").find_next_sibling("p", class_="kd-thread").find_all("a")]
    assert answer_links == ["../2025-12-02/commissiebrief.md#bbb-vraag-7", "#bbb-vraag-7"]


def test_thread_lines_say_what_they_link_to(html: dict[str, BeautifulSoup]) -> None:
    line = html[COMMITTEE].select_one("p.kd-thread").get_text()
    assert line == "Beantwoord in: antwoord op vraag 7 (BBB), antwoordbrief, 12 februari 2026"


def test_status_labels_stand_beside_the_headings(html: dict[str, BeautifulSoup]) -> None:
    status = html[COMMITTEE].find(id="bbb-vraag-7").find("span", class_="kd-status")
    assert status.get_text() == "beantwoord"
    assert "kd-status-beantwoord" in status["class"]
    waiting = html[WRITTEN].find(id="vraag-1").find("span", class_="kd-status")
    assert "kd-status-geen-antwoord-op-deze-site" in waiting["class"]


def test_the_table_of_contents_names_questions_without_their_status(pages: dict[str, str]) -> None:
    md = markdown_converter()
    md.convert(get_data(pages[COMMITTEE])[0])
    names = [child["name"] for token in md.toc_tokens for section in token["children"] for child in section["children"]]
    assert names == ["Vraag 7 (BBB)"]


def test_no_thread_no_line(html: dict[str, BeautifulSoup]) -> None:
    assert not html[WRITTEN].select("p.kd-thread")


def test_text_links_cover_their_characters_and_point_at_the_anchor(html: dict[str, BeautifulSoup]) -> None:
    link = html[WRITTEN].select_one('p a[href="#vraag-9"]')
    assert link.get_text() == "vraag 9"
    assert QUESTION_12 in " ".join(link.find_parent("p").get_text().split())


def test_text_links_in_footnotes_name_the_footnote_by_its_key(html: dict[str, BeautifulSoup]) -> None:
    link = html[COMMITTEE].find("li", id="fn:3").find("a", href=lambda h: h and h.startswith("https://"))
    assert link.get_text() == FOOTNOTE_001_3


def test_a_reference_link_to_a_non_web_address_is_left_as_text() -> None:
    link = TextLink(SEED_000, "p11", 0, 4, reference=Reference("url", "Kunt", span(25, SEED_000), url="javascript:x",
                                                     letter=0))
    soup = render_markdown(render_site(corpus(_written(), links=Links(text_links=(link,))))[WRITTEN])
    assert not soup.find("a", href="javascript:x")
    assert QUESTION_9 in soup.get_text()


def test_links_to_letters_outside_the_corpus_are_left_out() -> None:
    stray = Thread(target(SEED_000, 0, "vraag", None, 1), target("seeds/elders.txt", 0, "antwoord", None, 1))
    soup = render_markdown(render_site(corpus(_written(), links=Links(threads=(stray,))))[WRITTEN])
    assert not soup.select("p.kd-thread")


def test_overlapping_text_links_keep_the_first_and_markers_inside_a_link_move_after_it() -> None:
    text = QUESTION_1
    links = Links(text_links=(
        TextLink(SEED_000, "p3", 0, 7, target=target(SEED_000, 0, "vraag", None, 9)),  # "Bent u " (space kept out)
        TextLink(SEED_000, "p3", 4, 20, target=target(SEED_000, 0, "vraag", None, 12)),
    ))
    record = written_questions_record(
        question(1, None, paragraph("p3", text, (1, 3), path=SEED_000)),
        question(9, None, paragraph("p11", QUESTION_9, path=SEED_000)),
        question(12, None, paragraph("p14", QUESTION_12, path=SEED_000)),
        footnotes=(footnote(1, FOOTNOTE_000_1, 89, SEED_000),),
    )
    markdown = render_site(corpus(record, links=links))[WRITTEN]
    assert "[Bent u](#vraag-9)[^1] bekend" in markdown
    assert "#vraag-12" not in markdown.split("### Vraag 9")[0].split("### Vraag 1")[1]


def test_footnotes_keep_their_printed_numbers(html: dict[str, BeautifulSoup]) -> None:
    soup = html[ANSWERS]
    reference = soup.find("sup", id="fnref:10")
    assert reference.a["href"] == "#fn:10" and reference.a.get_text() == "[10]"
    item = soup.find("li", id="fn:10")
    assert item["value"] == "10"
    assert item.find("a", class_="footnote-backref")["title"] == "Terug naar voetnoot 10 in de tekst"


def test_a_footnote_without_a_marker_is_shown_and_reachable(html: dict[str, BeautifulSoup]) -> None:
    soup = html[RECORD]
    item = soup.find("li", id="fn:1")
    assert FOOTNOTE_001_1 in item.get_text()
    note = soup.find("sup", id="fnref:1").find_parent("li")
    assert note.get_text().startswith("Voetnoten zonder verwijzing in de tekst:")


def test_two_footnotes_with_one_number_both_keep_their_words() -> None:
    record = written_questions_record(
        paragraph("p3", QUESTION_1, (1, len(QUESTION_1)), path=SEED_000),
        footnotes=(footnote(1, FOOTNOTE_000_1, 89, SEED_000),
                   footnote(1, "Kamerbrief met nummer 2025D42960", 95, SEED_000)),
    )
    item = render_markdown(render_site(corpus(record))[WRITTEN]).find("li", id="fn:1")
    assert FOOTNOTE_000_1 in item.get_text() and "Kamerbrief met nummer 2025D42960" in item.get_text()


def test_a_marker_for_a_footnote_the_letter_lacks_stays_visible() -> None:
    record = written_questions_record(paragraph("p3", QUESTION_1, (4, len(QUESTION_1)), path=SEED_000))
    soup = render_markdown(render_site(corpus(record))[WRITTEN])
    assert soup.find("sup").get_text() == "[4]"
    assert "[^4]" not in soup.get_text()


def test_combined_questions_answer_to_every_number() -> None:
    record = written_questions_record(
        question(4, None, paragraph("p6", QUESTION_4, path=SEED_000), paragraph("p7", QUESTION_5, path=SEED_000),
                 numbers=(4, 5)),
        answer(4, None, paragraph("p8", "Ja.", path=SEED_000), numbers=(4, 5)),
    )
    soup = render_markdown(render_site(corpus(record))[WRITTEN])
    heading = soup.find(id="vraag-4")
    assert heading.name == "h3" and heading.get_text().startswith("Vraag 4 en 5")
    assert soup.find(id="vraag-5").find_parent("h3") is heading
    assert soup.find(id="antwoord-5").find_parent("h3") is soup.find(id="antwoord-4")


def test_a_thread_to_the_second_number_of_a_combined_answer_lands() -> None:
    aanhangsel = letter(0, APPENDIX_ANSWERS, answer(4, None, paragraph("p8", "Ja.", path="seeds/ah.txt"), numbers=(4, 5)),
                        path="seeds/ah.txt", sent_on=datetime.date(2025, 11, 4), chamber="Tweede Kamer")
    record = replace(_written(), path="seeds/ah.txt", kind=RECORD_APPENDIX, letters=(aanhangsel,))
    written = written_questions_record(question(5, None, paragraph("p7", QUESTION_5, path=SEED_000)))
    thread = Thread(target(SEED_000, 0, "vraag", None, 5), target("seeds/ah.txt", 0, "antwoord", None, 5))
    pages = render_site(corpus(written, record, links=Links(threads=(thread,))))
    assert "(../2025-11-04/aanhangsel.md#antwoord-5)" in pages[WRITTEN]
    assert render_markdown(pages["tweede-kamer/2025-11-04/aanhangsel.md"]).find(id="antwoord-5")


def test_repeated_anchors_on_one_page_stay_unique() -> None:
    record = written_questions_record(
        Heading("Vraag 9", span(25, SEED_000)),
        question(9, None, paragraph("p11", QUESTION_9, path=SEED_000)),
        question(9, None, paragraph("p12", QUESTION_9, path=SEED_000)),
        question(4, None, paragraph("p6", QUESTION_4, path=SEED_000), numbers=(4, 9)),
        Heading("Titel", span(1, SEED_000)),
    )
    soup = render_markdown(render_site(corpus(record))[WRITTEN])
    found = ids(soup)
    assert len(found) == len(set(found))
    assert soup.find(id="vraag-9").get_text().startswith("Vraag 9")
    assert soup.find(id="vraag-9").name == "h3"


def test_headings_of_the_letter_are_level_two(html: dict[str, BeautifulSoup]) -> None:
    heading = html[COMMITTEE].find("h2")
    assert heading.get_text().startswith(BBB_HEADING)


def test_the_record_page_shows_its_cover_note_and_links_its_letters(html: dict[str, BeautifulSoup]) -> None:
    soup = html[RECORD]
    assert soup.find("h1").get_text().startswith("Verslag van een schriftelijk overleg")
    hrefs = [a["href"] for a in soup.find(id="brieven").find_next_sibling("ul").find_all("a")]
    assert hrefs == ["../2025-12-02/commissiebrief.md", "antwoordbrief.md"]
    assert COVER_TEXT.split(" heeft")[0] in soup.get_text()
    assert soup.find("sup", id="fnref:2")


def test_letters_of_a_record_link_back_to_it(html: dict[str, BeautifulSoup]) -> None:
    link = [li for li in html[ANSWERS].select("ul > li") if li.get_text().startswith("Onderdeel van")][0].a
    assert link["href"] == "verslag-schriftelijk-overleg.md"


def test_home_lists_records_newest_first_with_their_letters(html: dict[str, BeautifulSoup]) -> None:
    hrefs = [a["href"] for a in html["index.md"].select("p a, li a")]
    assert hrefs[:2] == ["over.md", "citeren.md"]
    assert hrefs[2:6] == ["tijdlijn.md", "dossiers/index.md", "personen.md", "partijen.md"]
    assert hrefs[6:10] == [RECORD, COMMITTEE, ANSWERS, WRITTEN]
    assert hrefs[10:] == MONTH_PAGES  # every month's page, newest year first (issue 9)
    assert {"stukken", "alle-stukken-per-maand"} <= set(ids(html["index.md"]))


def test_each_month_page_lists_its_records_as_the_home_page_does(html: dict[str, BeautifulSoup]) -> None:
    listed = {page: [a["href"] for a in html[page].select("li a")] for page in MONTH_PAGES}
    assert listed == {
        "stukken/2026-02.md": [f"../{RECORD}", f"../{COMMITTEE}", f"../{ANSWERS}"],
        "stukken/2025-10.md": [f"../{WRITTEN}"],
    }


def test_an_empty_corpus_still_has_a_home_page() -> None:
    pages = render_site(corpus())
    assert list(pages) == sorted(["index.md", *OVERVIEWS])
    assert "Er zijn nog geen stukken." in pages["index.md"]


def test_a_record_without_a_title_is_named_by_its_kind() -> None:
    pages = render_site(corpus(replace(_written(), title=""), replace(verslag_record(), title=" ")))
    home = render_markdown(pages["index.md"])
    records = home.find(id="stukken").find_next_sibling("ul").find_all("li", recursive=False)
    assert [item.a.get_text() for item in records] == ["Verslag van een schriftelijk overleg", "Schriftelijke vragen"]
    assert render_markdown(pages[WRITTEN]).find("h1").get_text().startswith("Schriftelijke vragen")


def test_an_empty_heading_is_left_out() -> None:
    record = written_questions_record(Heading("  ", span(3, SEED_000)), paragraph("p3", QUESTION_1, path=SEED_000))
    assert not render_markdown(render_site(corpus(record))[WRITTEN]).find("h2")


def _citation(soup: BeautifulSoup, anchor: str) -> BeautifulSoup:
    """The citation paragraph right under the heading with `anchor`."""
    return soup.find(id=anchor).find_next_sibling("p")


def test_every_question_and_answer_heading_is_followed_by_its_citation(html: dict[str, BeautifulSoup]) -> None:
    for path in (WRITTEN, COMMITTEE, ANSWERS):
        for heading in html[path].find_all("h3"):
            citation = heading.find_next_sibling("p")
            assert citation["class"] == ["kd-cite"], f"{path}#{heading['id']}"
            assert citation.select_one(".kd-cite-text").get_text().endswith(f"#{heading['id']}")


def test_a_citation_is_text_naming_what_it_cites_kept_out_of_search(html: dict[str, BeautifulSoup]) -> None:
    citation = _citation(html[ANSWERS], "bbb-antwoord-7")
    assert citation.has_attr("data-search-exclude")
    assert citation.select_one(".kd-cite-label").get_text() == "Citeer als:"
    assert citation.select_one(".kd-cite-text").get_text() == (
        "Kamerstukken I 2025/26, 31066/26643, antwoordbrief, 12 februari 2026, antwoord op vraag 7 (BBB), "
        "eerste-kamer/2026-02-12/antwoordbrief/#bbb-antwoord-7"  # render_site without the site's address
    )
    assert citation["data-kd-part"] == "antwoord op vraag 7 (BBB)"  # citeren.js names its copy button after it
    assert not citation.find("button")  # citeren.js adds it: without JavaScript it could do nothing
    assert not [attribute for element in citation.find_all(True) for attribute in element.attrs
                if attribute == "id" or attribute.startswith("on")]
    assert not citation.find("a")


def test_with_the_sites_address_the_citation_holds_an_absolute_permalink() -> None:
    pages = render_site(corpus(_written(), verslag_record(), links=_links()), "https://kamerdossier.example/")
    soup = render_markdown(pages[COMMITTEE])
    assert _citation(soup, "bbb-vraag-7").select_one(".kd-cite-text").get_text() == (
        "Kamerstukken I 2025/26, 31066/26643, brief van de commissie, 2 december 2025, vraag 7 (BBB), "
        "https://kamerdossier.example/eerste-kamer/2025-12-02/commissiebrief/#bbb-vraag-7"
    )
    written = render_markdown(pages[WRITTEN])
    assert _citation(written, "vraag-9").select_one(".kd-cite-text").get_text() == (
        "Schriftelijke vragen van Kathmann en Six Dijkstra, 7 oktober 2025, vraag 9, "
        "https://kamerdossier.example/tweede-kamer/2025-10-07/schriftelijke-vragen/#vraag-9"
    )


def test_a_citation_cites_the_anchor_the_heading_got() -> None:
    # Two answers to BBB's question 7 on one page: the second heading is #bbb-antwoord-7-2, and so is its citation.
    record = verslag_record()
    answers = record.letters[2]
    doubled = replace(answers, body=(*answers.body, answers.body[2]))
    pages = render_site(corpus(replace(record, letters=(*record.letters[:2], doubled))))
    soup = render_markdown(pages[ANSWERS])
    assert _citation(soup, "bbb-antwoord-7-2").select_one(".kd-cite-text").get_text().endswith("#bbb-antwoord-7-2")
