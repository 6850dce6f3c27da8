"""Drive the built site in Chromium: nothing loaded from elsewhere, no axe violations, search finds
a phrase's passage first, footnotes show as tooltips, citations copy, old anchors still land.

Search (issue 9) runs on Pagefind's index of the built site: nothing of it is fetched before a
reader types, Dutch words are found in their other forms, numbers as written, untrusted text
shows as text, and the box works from the keyboard and says politely when JavaScript is off."""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup

from generator.build import build, keep_published_addresses
from generator.permanence import format_manifest, published_addresses
from generator.redirects import read_redirects
from generator.render.cited import CITED_ON_PAGE, cited_in_list
from generator.search import index_site
from tests.citing_corpus import CITED_LETTER, make_citing_corpus
from tests.conftest import DOCS, _hand_written_pages
from tests.pagefind_index import read_fragments, read_hidden, read_parts

if TYPE_CHECKING:
    from playwright.sync_api import Page

REPO = Path(__file__).resolve().parents[2]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
ANNOTATED_LETTER = "eerste-kamer/2026-02-12/antwoordbrief/"
"""The answer letter of seeds/001: glossary terms throughout, and the shipped editorial notes."""

SEARCH_INPUT = "#kd-search-query"
SEARCH_STATUS = "#kd-search-status"
SEARCH_RESULT = ".md-search-result__item"
SEARCH_RESULT_LINK = ".md-search-result__item a.md-search-result__link"
"""A result is a page's link, then links to its best sections (questions, answers)."""

SEARCH_BUDGET = 500_000
"""Bytes one query may fetch at most (issue 9's target, for any corpus size)."""

ANSWER_7_PHRASE = "toen geen externe adviseurs"
"""Words of seeds/001_dfb242f75dbdc9fb.txt line 562, in the answer to BBB's question 7 only."""
ANSWER_7_ID = "bbb-antwoord-7"

ANSWER_7_CITATION = "Kopieer citaat van antwoord op vraag 7 (BBB)"
"""The accessible name of the copy button under answer 7's heading."""

LETTER_ANCHOR = re.compile(r"(^|-)(vraag|antwoord)-\d+$")
"""Ids that mark a question or an answer, and so a letter page."""

CONFIG = REPO / "mkdocs.yml"


def _squash(text: str) -> str:
    return " ".join(text.split())


def _letter_page(built_site: Path) -> str:
    """The site path of the page with the most question and answer anchors (any page if none has)."""
    best, best_count = "", -1
    for path in sorted(built_site.rglob("*.html")):
        name = path.relative_to(built_site).as_posix()
        if name in ("index.html", "404.html"):
            continue
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        count = sum(1 for element in soup.find_all(id=LETTER_ANCHOR))
        if count > best_count:
            best, best_count = name, count
    assert best, "the site has no page besides the home page"
    return best.removesuffix("index.html")


def _page_holding(built_site: Path, element_id: str) -> str:
    """The site path of the one page with an element `element_id`."""
    pages = [
        path.relative_to(built_site).as_posix().removesuffix("index.html")
        for path in sorted(built_site.rglob("*.html"))
        if f'id="{element_id}"' in path.read_text(encoding="utf-8")
    ]
    assert len(pages) == 1, f"expected one page with id {element_id!r}, found {pages}"
    return pages[0]


def _dossier_page(built_site: Path) -> str | None:
    """The site path of a dossier's page (`dossiers/31066/`), if the site has dossier pages."""
    pages = sorted(path.parent for path in built_site.glob("dossiers/*/index.html"))
    return pages[0].relative_to(built_site).as_posix() + "/" if pages else None


def _configured_site_url() -> str:
    from mkdocs.config import load_config

    return load_config(str(CONFIG)).site_url


def _open(page: Page, url: str) -> None:
    """Load `url` and wait until the page and its scripts have settled."""
    page.goto(url, wait_until="networkidle")


def _search(page: Page, query: str) -> None:
    """Type `query` into the header's search box; wait until the results for the whole query show."""
    box = page.locator(SEARCH_INPUT)
    box.click()
    box.press_sequentially(query, delay=20)
    _wait_for_results(page, query)


def _wait_for_results(page: Page, query: str) -> None:
    """Wait until the status region announces the results of `query` (it does once they show)."""
    page.locator(SEARCH_STATUS).filter(has_text=f"gevonden voor ‘{query}’").wait_for(timeout=10_000)


def _result_hrefs(page: Page) -> list[str]:
    """The addresses the results lead to, without the `?h=` that carries the words to mark there."""
    return [_without_query(link.get_attribute("href") or "") for link in page.locator(SEARCH_RESULT_LINK).all()]


def _without_query(href: str) -> str:
    path, _, rest = href.partition("?")
    return path + ("#" + rest.partition("#")[2] if "#" in rest else "")


def _heading_position(page: Page, element_id: str) -> dict:
    """Where the element `element_id` is in the viewport, and what covers its left edge, if anything."""
    page.locator(f"[id='{element_id}']").wait_for(state="visible")
    page.wait_for_timeout(300)  # let smooth scrolling, if any, come to rest
    return page.evaluate(
        """id => {
            const heading = document.getElementById(id), box = heading.getBoundingClientRect();
            const hit = document.elementFromPoint(box.left + 5, box.top + box.height / 2);
            return {top: box.top, viewport: window.innerHeight,
                    covered: hit && (hit === heading || heading.contains(hit)) ? null
                             : (hit ? hit.outerHTML.slice(0, 120) : "nothing")};
        }""",
        element_id,
    )


def _assert_at_top(page: Page, element_id: str) -> None:
    """The element is in the top quarter of the viewport, not hidden under the header."""
    where = _heading_position(page, element_id)
    assert 0 <= where["top"] <= where["viewport"] / 4, (
        f"#{element_id} is at {where['top']:.0f}px, not at the top of a {where['viewport']}px viewport"
    )
    assert where["covered"] is None, f"#{element_id} is hidden under {where['covered']}"


def _axe_violations(page: Page) -> list[dict]:
    """Run axe-core on the page with the WCAG 2.0/2.1 A and AA rules; return its violations."""
    assert AXE.is_file(), f"{AXE} is missing: run `npm ci` (make test does)"
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
        AXE_TAGS,
    )
    return result["violations"]


def _describe(violations: list[dict]) -> str:
    """Show axe's violations readably: rule, impact, what it means, and each offending element."""
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} [{violation['helpUrl']}]")
        for node in violation["nodes"][:10]:
            summary = _squash(node.get("failureSummary") or "")
            lines.append(f"    {' '.join(map(str, node['target']))}: {summary[:300]}")
            lines.append(f"      {_squash(node['html'])[:200]}")
        if len(violation["nodes"]) > 10:
            lines.append(f"    … and {len(violation['nodes']) - 10} more")
    return "\n".join(lines)


def test_home_and_letter_pages_only_ask_the_local_server(page: Page, requests_made, site_url: str, built_site: Path) -> None:
    letter = _letter_page(built_site)
    for url in (site_url, site_url + letter):
        _open(page, url)
    assert any(url.startswith(site_url) for url in requests_made.urls), "no request to the local server recorded"
    assert any(url.startswith(site_url) and url.endswith("/javascripts/citeren.js") for url in requests_made.urls)
    assert not requests_made.off_site(), "requests to other hosts:\n" + "\n".join(requests_made.off_site())


@pytest.mark.parametrize("where", ["home", "letter", "dossier", "search", "tijdlijn/", "begrippen/", "annotaties/", ANNOTATED_LETTER])
def test_axe_finds_no_violations(page: Page, site_url: str, built_site: Path, where: str) -> None:
    if where.endswith("/"):  # a page by its address: the glossary, the notes, a letter with notes and terms
        _open(page, site_url + where)
    elif where == "letter":
        _open(page, site_url + _letter_page(built_site))
        page.locator(".kd-cite-copy").first.wait_for(state="visible")  # the copy buttons are checked too
    elif where == "dossier":
        dossier = _dossier_page(built_site)
        if dossier is None:
            pytest.skip("the site has no dossier pages")
        _open(page, site_url + dossier)
    else:
        _open(page, site_url)
    if where == "search":
        _search(page, "Belastingdienst")
    violations = _axe_violations(page)
    assert not violations, f"axe found {len(violations)} violation(s) on the {where} page:\n" + _describe(violations)


def test_a_much_cited_letter_and_its_list_of_citing_letters_have_no_axe_violations(
    page: Page, requests_made, tmp_path: Path, serve: Callable[[Path], str]
) -> None:
    """Synthetic: the seeds hold no letter cited by more letters than its page names
    (tests/citing_corpus.py). Its page links the list of all of them; both pass axe, and the list
    is built strictly (every link in it resolves) but left out of the search index."""
    docs, site = tmp_path / "docs", tmp_path / "site"
    for relative in _hand_written_pages(DOCS):
        (docs / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(DOCS / relative, docs / relative)
    seeds = make_citing_corpus(tmp_path / "seeds", CITED_ON_PAGE + 3, hostile=True)
    build(seeds, docs, site, config=CONFIG, strict=True, new_site=True, glossary=REPO / "begrippen.yml")
    url = serve(site)
    letter, listed = (address.removesuffix(".md") + "/" for address in (CITED_LETTER, cited_in_list(CITED_LETTER)))
    _open(page, url + letter)
    page.get_by_role("link", name=f"alle {CITED_ON_PAGE + 2} citerende brieven").click()
    page.wait_for_url(url + listed)
    assert page.locator("article li").count() == CITED_ON_PAGE + 2
    violations = _axe_violations(page)
    assert not violations, "axe found violations on the list of citing letters:\n" + _describe(violations)
    assert not requests_made.off_site()
    indexed = [fragment.url.removesuffix("index.html") for fragment in read_fragments(site)]
    assert f"/{letter}" in indexed and not [address for address in indexed if "geciteerd-in" in address], indexed


def test_phrase_from_answer_7_is_found_only_there(built_site: Path) -> None:
    holding = [section for fragment in read_fragments(built_site) for section in fragment.sections_holding(ANSWER_7_PHRASE)]
    assert len(holding) == 1 and holding[0].endswith(f"#{ANSWER_7_ID}"), (
        f"expected {ANSWER_7_PHRASE!r} in one search section, #{ANSWER_7_ID}; found it in {holding}"
    )


def test_search_ranks_the_passage_holding_a_phrase_first_and_jumps_to_it(page: Page, requests_made, site_url: str) -> None:
    _open(page, site_url)
    _search(page, ANSWER_7_PHRASE)
    first = page.locator(SEARCH_RESULT).first
    links = first.locator("a.md-search-result__link")
    hrefs = [links.nth(index).get_attribute("href") or "" for index in range(links.count())]
    sections = [index for index, href in enumerate(hrefs) if "#" in href]
    assert sections and hrefs[sections[0]].endswith(f"#{ANSWER_7_ID}"), (
        f"the first search result for {ANSWER_7_PHRASE!r} is not #{ANSWER_7_ID}; results: {_result_hrefs(page)[:8]}"
    )
    result = links.nth(sections[0])
    assert result.is_visible(), "the best passage is not shown"
    assert [mark.inner_text() for mark in result.locator("mark").all()][-4:] == ANSWER_7_PHRASE.split()

    result.click()
    page.wait_for_url(re.compile(f"#{ANSWER_7_ID}$"))
    _assert_at_top(page, ANSWER_7_ID)
    assert not requests_made.off_site(), "requests to other hosts:\n" + "\n".join(requests_made.off_site())
    # As Material's search.highlight did: the words found are marked on the page (seeds/001 lines
    # 561-562), and the `?h=` that carried them is taken off the address again.
    passage = page.locator("p").filter(has_text="Er zijn toen geen externe adviseurs")
    assert [mark.inner_text() for mark in passage.locator("mark.kd-search-highlight").all()] == [
        "toen", "toen", "geen", "externe", "adviseurs"
    ]
    assert "?" not in page.url, page.url


def test_words_to_mark_are_text_not_patterns(page: Page, site_url: str, built_site: Path) -> None:
    """`?h=` is part of an address anyone can make: its words are matched literally."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    _open(page, site_url + _page_holding(built_site, ANSWER_7_ID) + "?h=M365+.*+(%5B+%3Cb%3E#bbb-vraag-1")
    marks = {mark.inner_text().lower() for mark in page.locator("article mark.kd-search-highlight").all()}
    assert marks == {"m365"} and not errors, (marks, errors)  # `.*`, `([` and `<b>` stand for themselves
    assert "?" not in page.url, page.url


@pytest.mark.parametrize(
    ("query", "anchor"),
    [("2245", "bbb-vraag-4"), ("M365", "bbb-vraag-1"), ("26643", "vraag-3"), ("scenario’s", "vraag-13")],
)
def test_numbers_and_words_with_digits_are_found(page: Page, site_url: str, query: str, anchor: str) -> None:
    """seeds/001 lines 146 and 72: `2245 fte` and `(M365)[3],` in BBB's questions; seeds/000 line 13:
    `(Kamerstuk 26643, nr. 1315)` in question 3, and lines 53-54: `de andere drie scenario’s` in
    question 13 (the word with its `’s`, as Material's search was set up to keep it)."""
    _open(page, site_url)
    _search(page, query)
    hrefs = _result_hrefs(page)
    assert any(href.endswith(f"#{anchor}") for href in hrefs), f"no result for {query!r} at #{anchor}: {hrefs[:10]}"


@pytest.mark.parametrize(
    ("query", "written", "anchor"),
    [("oplossingen", "oplossing", "vraag-6"), ("uitvoeringsorganisaties", "uitvoeringsorganisatie", "bbb-antwoord-15")],
)
def test_dutch_stemming_finds_a_word_in_its_other_form(
    page: Page, site_url: str, built_site: Path, query: str, written: str, anchor: str
) -> None:
    """seeds/000 line 25: question 6 asks about `geen Europese oplossing`, and that letter never says
    `oplossingen`; seeds/001 line 680: BBB's answer 15 calls the Belastingdienst `een grote
    uitvoeringsorganisatie` (the plural is only in question 12). No prefix of the plural matches the
    singular: only stemming finds these (oplossingen, oplossing -> oplos), as it finds the
    issue's gezichtsherkenning in gezichtsherkenningen, a word the seed letters do not hold."""
    _open(page, site_url)
    _search(page, query)
    target = f"/{_page_holding(built_site, anchor)}#{anchor}"
    links = [link for link in page.locator(SEARCH_RESULT_LINK).all() if _without_query(link.get_attribute("href") or "").endswith(target)]
    assert links, f"no result for {query!r} at {target}: {_result_hrefs(page)[:10]}"
    assert {mark.inner_text().strip(".,;:?!()").lower() for mark in links[0].locator("mark").all()} == {written}


def test_nothing_of_the_search_is_fetched_until_a_reader_types_a_query(
    page: Page, requests_made, site_url: str, built_site: Path
) -> None:
    for url in (site_url, site_url + _letter_page(built_site)):
        _open(page, url)
    page.locator(SEARCH_INPUT).click()  # opening the search box is not searching yet
    page.wait_for_timeout(500)
    searching = [url for url in requests_made.urls if "/pagefind/" in url or "search" in url.rsplit("/", 1)[-1]]
    assert not searching, "fetched before any query:\n" + "\n".join(searching)

    page.locator(SEARCH_INPUT).press_sequentially("Belastingdienst", delay=20)
    _wait_for_results(page, "Belastingdienst")
    assert any(url.endswith("/pagefind/pagefind.js") for url in requests_made.urls)
    assert not requests_made.off_site(), "requests to other hosts:\n" + "\n".join(requests_made.off_site())


def test_one_query_fetches_a_small_part_of_the_index(page: Page, site_url: str, built_site: Path) -> None:
    """The bytes of every response one query needs (served uncompressed here, as by the plainest host)."""
    _open(page, site_url)
    finished = []
    page.on("requestfinished", lambda request: finished.append(request))
    page.locator(SEARCH_INPUT).fill("M365")
    _wait_for_results(page, "M365")
    page.wait_for_load_state("networkidle")
    fetched = {request.url: request.sizes()["responseBodySize"] for request in finished}
    fragments = [url for url in fetched if url.endswith(".pf_fragment")]
    shown = page.locator(SEARCH_RESULT).count()
    every_fragment = list((built_site / "pagefind").rglob("*.pf_fragment"))  # of every part
    assert 0 < len(fragments) == shown < len(every_fragment), (
        f"{len(fragments)} fragments fetched for {shown} results shown, of {len(every_fragment)}"
    )
    assert 0 < sum(fetched.values()) <= SEARCH_BUDGET, "\n".join(f"{size:>8} {url}" for url, size in fetched.items())


def test_a_site_indexed_in_parts_is_searched_as_one(
    page: Page, requests_made, built_site: Path, tmp_path: Path, serve: Callable[[Path], str]
) -> None:
    """The seeds' site indexed in more parts than its build makes (as a large site is,
    generator/search.py): the phrase still finds answer 7 first, and a query finds pages of the
    parts of both chambers."""
    site = Path(shutil.copytree(built_site, tmp_path / "site"))
    index_site(site, part_bytes=150_000)  # the Eerste Kamer's letters in two parts
    parts = read_parts(site)
    assert len(parts) > len(read_parts(built_site)), parts
    _open(page, serve(site))
    _search(page, ANSWER_7_PHRASE)
    sections = [href for href in _result_hrefs(page) if "#" in href]
    assert sections and sections[0].endswith(f"#{ANSWER_7_ID}"), sections[:5]
    page.locator(SEARCH_INPUT).fill("")
    _search(page, "26643")
    hrefs = _result_hrefs(page)
    assert any(href.endswith("#vraag-3") for href in hrefs) and any("/eerste-kamer/" in href for href in hrefs), hrefs
    for part in parts:
        assert any(f"/pagefind/{part}pagefind-entry.json" in url for url in requests_made.urls), part


def test_a_rebuild_with_changes_shows_each_page_once_as_it_is_now(
    page: Page, built_site: Path, tmp_path: Path, serve: Callable[[Path], str]
) -> None:
    """A rebuild indexes a changed letter again in the part of changes (generator/search.py) and
    hides its old fragment: the word taken out finds nothing, the word put in finds the letter, and
    a word of every letter finds each page once, as many as in a full index. (Synthetic words: a
    real edit of the source is tests/test_search_parts.py's.)"""
    site = Path(shutil.copytree(built_site, tmp_path / "site"))
    letter = site / "eerste-kamer" / "2025-12-02" / "commissiebrief" / "index.html"
    text = letter.read_text(encoding="utf-8")
    letter.write_text(text.replace("</article>", "<p>xyzzyoud</p></article>"), encoding="utf-8")
    state = tmp_path / "state.json"
    index_site(site, state=state)
    letter.write_text(text.replace("</article>", "<p>xyzzynieuw</p></article>"), encoding="utf-8")
    index_site(site, state=state)
    assert read_parts(site)[-1] == "wijzigingen/" and read_hidden(site)
    _open(page, serve(site))
    _search(page, "xyzzyoud")
    assert page.locator(SEARCH_STATUS).inner_text() == "Geen pagina's gevonden voor ‘xyzzyoud’"
    page.locator(SEARCH_INPUT).fill("")
    _search(page, "xyzzynieuw")
    assert page.locator(SEARCH_STATUS).inner_text() == "1 pagina gevonden voor ‘xyzzynieuw’"
    assert _result_hrefs(page)[0] == "/eerste-kamer/2025-12-02/commissiebrief/"
    page.locator(SEARCH_INPUT).fill("")
    _search(page, "kamer")
    found = page.locator(SEARCH_STATUS).inner_text()
    assert found == f"{len(read_fragments(site, searched=True))} pagina's gevonden voor ‘kamer’", found


def _add_letter_page(site: Path, name: str, title: str, anchor: str, text: str) -> None:
    """Add a synthetic page `tweede-kamer/<name>/` (where letters are: only they are indexed): a
    title, one section under a heading with the id `anchor`, `text` (both escaped, as the renderer
    writes letter text)."""
    (site / "tweede-kamer" / name).mkdir()
    (site / "tweede-kamer" / name / "index.html").write_text(
        '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>x</title></head><body>'
        f'<article class="md-content__inner"><h1 id="titel">{html.escape(title)}</h1>'
        f'<h2 id="{anchor}">{anchor.capitalize().replace("-", " ")}</h2><p>{html.escape(text)}</p></article></body></html>',
        encoding="utf-8",
    )


def test_a_page_holding_the_words_together_comes_first(page: Page, built_site: Path, tmp_path: Path, serve: Callable[[Path], str]) -> None:
    """Synthetic pages (the seeds hold no such pair): one with the query's words often but far
    apart, which Pagefind ranks higher, and one with them once, together. For a query of several
    words the search shows the page holding them together first, and lands on its passage."""
    site = Path(shutil.copytree(built_site, tmp_path / "site"))
    apart = " ".join(["xyzzyalfa staat hier ver van het andere woord dat elders in de tekst komt."] * 6 + ["Pas veel later: xyzzybeta, en nog eens xyzzybeta."])
    together = "Een lange brief over andere zaken, met heel veel woorden die niets met de vraag te maken hebben. " * 8 + "Hier staan xyzzyalfa xyzzybeta samen."
    _add_letter_page(site, "uiteen", "Brief uiteen", "antwoord-1", apart)
    _add_letter_page(site, "samen", "Brief samen", "antwoord-1", together)
    index_site(site)
    _open(page, serve(site))
    _search(page, "xyzzyalfa")
    assert _result_hrefs(page)[0].startswith("/tweede-kamer/uiteen/")  # Pagefind's own order
    page.locator(SEARCH_INPUT).fill("")
    _search(page, "xyzzyalfa xyzzybeta")
    hrefs = _result_hrefs(page)
    assert hrefs[0] == "/tweede-kamer/samen/" and hrefs[1] == "/tweede-kamer/samen/#antwoord-1", hrefs


HOSTILE_TITLE = 'Brief over <img src=x onerror="window.kdInjected=1"> & <b>opmaak</b>'
HOSTILE_TEXT = 'Tekst met <script>window.kdInjected=2</script> en <mark>nep</mark> rond xyzzykwaad.'


def test_search_results_show_untrusted_text_as_text(page: Page, built_site: Path, tmp_path: Path, serve: Callable[[Path], str]) -> None:
    """Synthetic: no real letter holds markup, but letter text is untrusted (issue 7). A page whose
    title and text hold markup (escaped in its HTML, as the renderer writes it) is indexed with the
    site; the results show that markup as the text it is, and only the word found is marked."""
    site = Path(shutil.copytree(built_site, tmp_path / "site"))
    _add_letter_page(site, "kwaad", HOSTILE_TITLE, "vraag-1", HOSTILE_TEXT)
    index_site(site)
    _open(page, serve(site))
    _search(page, "xyzzykwaad")
    result = page.locator(SEARCH_RESULT).first
    assert result.locator(".kd-search-result__title").first.inner_text() == HOSTILE_TITLE
    section = result.locator("a.md-search-result__link").nth(1)
    assert HOSTILE_TEXT in _squash(section.locator(".kd-search-result__teaser").inner_text())
    assert [mark.inner_text() for mark in section.locator("mark").all()] == ["xyzzykwaad."]
    assert result.locator("img, script, b").count() == 0
    assert page.evaluate("() => window.kdInjected") is None


def test_the_search_works_from_the_keyboard(page: Page, site_url: str) -> None:
    _open(page, site_url)
    page.keyboard.press("/")  # as in Material: / (or s, f) opens the search
    assert page.evaluate("() => document.activeElement.id") == SEARCH_INPUT[1:]
    page.keyboard.type(ANSWER_7_PHRASE)
    _wait_for_results(page, ANSWER_7_PHRASE)
    focused = "() => document.activeElement.getAttribute('href') || document.activeElement.id"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")  # the page, then its best section
    assert page.evaluate(focused).endswith(f"#{ANSWER_7_ID}")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate(focused) == SEARCH_INPUT[1:]

    page.keyboard.press("Escape")
    assert not page.locator("#__search").is_checked() and page.evaluate(focused) != SEARCH_INPUT[1:]
    page.keyboard.press("s")
    assert page.locator("#__search").is_checked() and page.evaluate(focused) == SEARCH_INPUT[1:]
    page.keyboard.press("Enter")  # follows the best result
    page.wait_for_url(re.compile(f"#{ANSWER_7_ID}$"))
    _assert_at_top(page, ANSWER_7_ID)


def test_without_javascript_the_search_box_says_it_needs_javascript(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 600, "height": 800})
    try:
        page = context.new_page()
        page.goto(site_url)
        box = page.locator(SEARCH_INPUT)
        assert box.is_disabled() and box.get_attribute("placeholder") == "Zoeken vraagt JavaScript"
        page.locator("label.md-header__button[for='__search']").click()  # the search icon still opens the panel
        note = page.locator(".kd-search-nojs")
        note.wait_for(state="visible", timeout=5_000)
        assert note.inner_text().startswith("Zoeken werkt alleen met JavaScript.")
    finally:
        context.close()


def test_a_footnote_reference_shows_its_footnote_on_hover_and_on_focus(page: Page, site_url: str, built_site: Path) -> None:
    _open(page, site_url + _letter_page(built_site))
    reference = page.locator("sup[id^='fnref'] a.footnote-ref").first
    number = reference.inner_text()
    assert re.fullmatch(r"\[\d+\]", number), f"a footnote reference reads {number!r}, not [N]"
    footnote = _squash(page.locator(f"li[id='{reference.get_attribute('href')[1:]}']").inner_text()).rstrip("↩ \u00a0")
    tooltip = page.locator(".md-tooltip2--active")

    reference.hover()
    tooltip.wait_for(state="visible", timeout=5_000)
    assert footnote in _squash(tooltip.inner_text()), f"tooltip {tooltip.inner_text()!r} lacks {footnote!r}"
    assert reference.get_attribute("aria-controls") == tooltip.get_attribute("id")

    page.mouse.move(1, 1)
    tooltip.wait_for(state="hidden", timeout=5_000)
    reference.focus()  # reached with the keyboard
    tooltip.wait_for(state="visible", timeout=5_000)
    assert footnote in _squash(tooltip.inner_text())


def test_the_copy_button_puts_the_citation_with_its_permalink_on_the_clipboard(page: Page, site_url: str, built_site: Path) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url.rstrip("/"))
    answers = _page_holding(built_site, ANSWER_7_ID)
    _open(page, site_url + answers)
    citation = page.locator(f"[id='{ANSWER_7_ID}'] + p.kd-cite")
    text = _squash(citation.locator(".kd-cite-text").inner_text())
    permalink = f"{_configured_site_url()}{answers}#{ANSWER_7_ID}"
    assert text.endswith(f", antwoord op vraag 7 (BBB), {permalink}"), text

    button = citation.get_by_role("button", name=ANSWER_7_CITATION, exact=True)
    label = button.locator(".kd-cite-copy-label")
    assert label.inner_text() == "Kopieer"
    button.click()
    citation.get_by_role("button", name="Gekopieerd citaat van antwoord op vraag 7 (BBB)", exact=True).wait_for(timeout=2_000)
    assert page.evaluate("() => navigator.clipboard.readText()") == text
    page.get_by_role("status").filter(has_text="Gekopieerd").wait_for(state="attached", timeout=2_000)
    button.wait_for(timeout=4_000)  # named "Kopieer citaat van …" again


def test_without_javascript_the_citation_is_text_and_no_button_shows(browser, built_site: Path, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        answers = _page_holding(built_site, ANSWER_7_ID)
        page.goto(site_url + answers)
        citation = page.locator(f"[id='{ANSWER_7_ID}'] + p.kd-cite")
        assert citation.locator(".kd-cite-text").inner_text().endswith(f"#{ANSWER_7_ID}")
        assert not citation.locator("button").is_visible()
    finally:
        context.close()


OLD_ANCHOR = "antwoord-bbb-7"
"""An anchor BBB's answer 7 is pretended to have had once, before the scheme named it bbb-antwoord-7."""


def test_an_old_anchor_declared_in_redirects_lands_on_the_new_one(
    page: Page, built_site: Path, tmp_path: Path, serve: Callable[[Path], str]
) -> None:
    site = Path(shutil.copytree(built_site, tmp_path / "site"))
    answers = _page_holding(built_site, ANSWER_7_ID)
    old = f"{answers}#{OLD_ANCHOR}"
    manifest = tmp_path / "published.txt"
    manifest.write_text(format_manifest(published_addresses(built_site) | {old}), encoding="utf-8")
    redirects = tmp_path / "redirects.toml"
    redirects.write_text(f'[anchors]\n"{old}" = "{ANSWER_7_ID}"\n', encoding="utf-8")
    keep_published_addresses(site, manifest, read_redirects(redirects))  # what the build does: check, then write ankers.js
    url = serve(site)

    _open(page, url + old)  # an old link, followed from elsewhere
    page.wait_for_url(re.compile(f"/{re.escape(answers)}#{ANSWER_7_ID}$"))
    _assert_at_top(page, ANSWER_7_ID)

    page.evaluate("() => { location.hash = '#bbb-vraag-7'; }")  # then, on the page, an old link again
    page.wait_for_url(re.compile("#bbb-vraag-7$"))
    page.evaluate(f"() => {{ location.hash = '#{OLD_ANCHOR}'; }}")
    page.wait_for_url(re.compile(f"#{ANSWER_7_ID}$"))
    _assert_at_top(page, ANSWER_7_ID)


def test_a_glossary_term_explains_itself_on_hover_and_on_keyboard_focus(page: Page, site_url: str) -> None:
    _open(page, site_url + ANNOTATED_LETTER)
    term = page.locator("abbr.kd-term", has_text="M365").first
    title = term.get_attribute("title")
    assert title and title.startswith("Microsoft 365: ")
    page.keyboard.press("Tab")  # keyboard users reach terms: tab until the first term has focus
    for _ in range(200):
        if page.evaluate("document.activeElement.matches('abbr.kd-term')"):
            break
        page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.title, getComputedStyle(document.activeElement, '::after').content]")
    assert focused[0] and focused[1] == f'"{focused[0]}"', focused  # the stylesheet shows the title on focus
