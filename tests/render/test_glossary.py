"""Glossary terms in letters (`term_markup`, `inline_text`) and the glossary page (`begrippen.md`)."""

from __future__ import annotations

import re

from bs4 import NavigableString, Tag

from generator.model import Paragraph, SourceSpan, Term
from generator.render import render_site
from generator.render.glossary import GLOSSARY
from generator.render.inline import InlineLink, InlineTerm, inline_text, term_markup
from tests.render.builders import ANSWERS, render_markdown


def test_a_hostile_explanation_stays_one_attribute_of_plain_text() -> None:
    # Synthetic: an explanation holding every character HTML or Markdown could act on.
    title = 'Een "x" <script>alert(1)</script> [link](javascript:x) *nadruk* `code` \\* & &amp; {: #id }'
    soup = render_markdown(f"De overstap naar {term_markup('M365', title)}.\n")
    abbr = soup.find("abbr")
    assert abbr is not None and abbr["title"] == title and abbr.get_text() == "M365"
    assert abbr["tabindex"] == "0" and abbr["class"] == ["kd-term"]
    assert soup.find("script") is None and soup.find("a") is None and soup.find("em") is None
    assert soup.get_text() == "De overstap naar M365."


def test_a_term_never_fires_inside_a_link_and_a_marker_in_it_moves_to_its_end() -> None:
    # seeds/001 line 3: "Microsoft365 (M365)3" with footnote 3 after the bracket.
    text = "de overstap naar Microsoft365 (M365), waarin"
    paragraph = Paragraph("p1", text, SourceSpan("seeds/x.txt", 3, 3))
    start = text.index("Microsoft365")
    link = InlineLink(start, start + len("Microsoft365"), "https://example.nl/")
    terms = [InlineTerm(start, start + len("Microsoft365"), "Microsoft 365", "M365"), InlineTerm(text.index("M365"), text.index("M365") + 4, "Microsoft 365", "M365")]
    markdown = inline_text(paragraph, [link], frozenset(), terms)
    assert markdown.count("<abbr") == 1 and "[Microsoft365](https://example.nl/)" in markdown
    soup = render_markdown(markdown + "\n")
    assert soup.get_text() == text and soup.find("a").find("abbr") is None
    assert soup.find("abbr").get_text() == "M365"


def test_letter_text_inside_a_term_is_escaped_as_all_letter_text_is() -> None:
    paragraph = Paragraph("p1", "zie *M365* <b>", SourceSpan("seeds/x.txt", 1, 1))
    markdown = inline_text(paragraph, [], frozenset(), [InlineTerm(5, 9, "uitleg", "M365")])
    soup = render_markdown(markdown + "\n")
    assert soup.get_text() == "zie *M365* <b>" and soup.find("b") is None and soup.find("em") is None


def test_a_term_is_marked_at_its_first_use_in_each_question_and_answer(seed_glossary_corpus) -> None:
    """seeds/001 names M365 in most of its answers, many of them more than once: each section of
    the page (a question, an answer, a footnote) explains it once, at its first use, so a reader who
    lands on an answer finds it explained there, and the keyboard does not stop at every use."""
    soup = render_markdown(render_site(seed_glossary_corpus)[ANSWERS])
    sections: list[list[str]] = [[]]  # per section, the uses of M365 in order: "abbr" or "text"
    for node in soup.descendants:
        if isinstance(node, Tag) and (node.name in ("h2", "h3") or (node.name == "li" and node.find_parent(class_="footnote"))):
            sections.append([])
        elif isinstance(node, NavigableString) and not node.find_parent(["h1", "h2", "h3", "a", "ul"] if not node.find_parent(class_="footnote") else ["a"]):
            uses = len(re.findall(r"\bM365\b", node))
            sections[-1] += ["abbr" if node.parent.name == "abbr" else "text"] * uses
    used = [uses for uses in sections if uses]
    assert len(used) > 10 and all(uses[0] == "abbr" and uses.count("abbr") == 1 for uses in used), used
    assert any(len(uses) > 1 for uses in used)  # used again in its section, as plain text


def test_the_seed_pages_mark_terms_and_the_glossary_lists_each_use(seed_glossary_corpus) -> None:
    pages = render_site(seed_glossary_corpus)
    answers = render_markdown(pages[ANSWERS])
    m365 = [abbr for abbr in answers.find_all("abbr") if abbr.get_text() == "M365"]
    assert m365 and all(abbr["title"].startswith("Microsoft 365: ") for abbr in m365)
    assert all(abbr.find_parent("a") is None and abbr.find_parent("h3") is None for abbr in answers.find_all("abbr"))
    glossary = render_markdown(pages[GLOSSARY])
    entries = glossary.find_all("h2")
    assert len(entries) >= 20
    names = [entry.get_text().strip() for entry in entries]
    assert names == sorted(names, key=lambda name: name.casefold().replace("é", "e"))
    # HCL: seeds/001 lines 761 (answer 20 of BBB), 426 and 428 (answer 1 of GroenLinks-PvdA), 522 (answer 6 of BBB).
    hcl = glossary.find(id="hcl").find_next("ul")
    assert [a.get_text() for a in hcl.find_all("a")] == [
        "antwoord op vraag 1 (GroenLinks-PvdA), antwoordbrief, 12 februari 2026",
        "antwoord op vraag 6 (BBB), antwoordbrief, 12 februari 2026",
        "antwoord op vraag 20 (BBB), antwoordbrief, 12 februari 2026",
    ]
    assert hcl.find("a")["href"] == "eerste-kamer/2026-02-12/antwoordbrief.md#groenlinks-pvda-antwoord-1"
    assert "(2×)" in hcl.find("li").get_text()


def test_a_term_no_letter_uses_says_so() -> None:
    term = Term("Aanhangsel", "Waar antwoorden verschijnen.", SourceSpan("begrippen.yml", 1, 1))
    from generator.model import Corpus, Links

    page = render_site(Corpus((), Links(), glossary=(term,)))[GLOSSARY]
    assert "## Aanhangsel {#aanhangsel}" in page and "Komt in de brieven op deze site niet voor." in page


def test_a_term_used_often_lists_its_newest_uses_and_links_a_page_with_all(seed_glossary_corpus) -> None:
    """M365 is used throughout seeds/001 and seeds/000, in more places than the glossary lists: the
    glossary shows the 10 newest (USES_SHOWN) and links `begrippen/m365.md`, which lists every one."""
    from generator.render.glossary import USES_SHOWN

    pages = render_site(seed_glossary_corpus)
    glossary = render_markdown(pages[GLOSSARY])
    shown = glossary.find(id="m365").find_next("ul")
    more = shown.find_next("p").a
    assert more["href"] == "begrippen/m365.md"
    every = render_markdown(pages["begrippen/m365.md"]).find("ul")
    total = len(every.find_all("li"))
    assert total > USES_SHOWN == 10 and more.get_text() == f"Alle {total} plaatsen waar M365 voorkomt"
    assert [a["href"] for a in shown.find_all("a")] == [a["href"].removeprefix("../") for a in every.find_all("a")][:USES_SHOWN]
    # the newest letter first: the answer letter and verslag of 12 February 2026 before the written questions of October 2025
    hrefs = [a["href"] for a in every.find_all("a")]
    assert hrefs[0].startswith("../eerste-kamer/2026-02-12/") and hrefs[-1].startswith("../tweede-kamer/2025-10-07/")
    # a term used 10 times or fewer has no page of its own (HCL: 3 places, seeds/001 lines 426-428, 522, 761)
    assert "begrippen/hcl.md" not in pages and not glossary.find_all("a", href="begrippen/hcl.md")
