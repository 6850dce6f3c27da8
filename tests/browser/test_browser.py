"""Drive the built site in Chromium: nothing loaded from elsewhere, no axe violations, search works."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from bs4 import BeautifulSoup

if TYPE_CHECKING:
    from playwright.sync_api import Page

REPO = Path(__file__).resolve().parents[2]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]

SEARCH_INPUT = "input.md-search__input"
SEARCH_RESULT_LINK = ".md-search-result__item a.md-search-result__link, .md-search-result__item > a"

ANSWER_7_PHRASE = "toen geen externe adviseurs"
"""Words of seeds/001_dfb242f75dbdc9fb.txt line 562, in the answer to BBB's question 7 only."""
ANSWER_7_ID = "bbb-antwoord-7"

LETTER_ANCHOR = re.compile(r"(^|-)(vraag|antwoord)-\d+$")
"""Ids that mark a question or an answer, and so a letter page."""


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


def _open(page: Page, url: str) -> None:
    """Load `url` and wait until the page and its scripts have settled."""
    page.goto(url, wait_until="networkidle")


def _search(page: Page, query: str) -> None:
    """Open Material's search, type `query`, and wait for the results list to fill."""
    box = page.locator(SEARCH_INPUT)
    box.click()
    box.press_sequentially(query, delay=20)
    page.locator(".md-search-result__item").first.wait_for(state="visible", timeout=10_000)
    # Material searches on every key; wait until the list stops changing, so it shows the whole query.
    results = page.locator(".md-search-result__list")
    shown = results.inner_html()
    for _ in range(40):
        page.wait_for_timeout(250)
        now = results.inner_html()
        if now == shown:
            return
        shown = now
    raise AssertionError(f"search results for {query!r} never settled")


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
    assert not requests_made.off_site(), "requests to other hosts:\n" + "\n".join(requests_made.off_site())


@pytest.mark.parametrize("where", ["home", "letter", "search"])
def test_axe_finds_no_violations(page: Page, site_url: str, built_site: Path, where: str) -> None:
    if where == "letter":
        _open(page, site_url + _letter_page(built_site))
    else:
        _open(page, site_url)
    if where == "search":
        _search(page, "Belastingdienst")
    violations = _axe_violations(page)
    assert not violations, f"axe found {len(violations)} violation(s) on the {where} page:\n" + _describe(violations)


def test_phrase_from_answer_7_is_found_only_there(built_site: Path) -> None:
    docs = json.loads((built_site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    holding = [
        doc["location"] for doc in docs
        if ANSWER_7_PHRASE in _squash(BeautifulSoup(doc["text"], "html.parser").get_text()).lower()
        and "#" in doc["location"]
    ]
    assert len(holding) == 1 and holding[0].endswith(f"#{ANSWER_7_ID}"), (
        f"expected {ANSWER_7_PHRASE!r} in one search section, #{ANSWER_7_ID}; found it in {holding}"
    )


def test_search_finds_answer_7_and_jumps_to_it(page: Page, requests_made, site_url: str) -> None:
    _open(page, site_url)
    _search(page, ANSWER_7_PHRASE)
    links = page.locator(SEARCH_RESULT_LINK)
    hrefs = [links.nth(index).get_attribute("href") or "" for index in range(links.count())]
    hits = [index for index, href in enumerate(hrefs) if href.endswith(f"#{ANSWER_7_ID}")]
    assert hits, f"no search result for {ANSWER_7_PHRASE!r} links to #{ANSWER_7_ID}; results: {hrefs[:10]}"

    result = links.nth(hits[0])
    if not result.is_visible():  # Material folds a page's lesser hits under "meer op deze pagina"
        result.evaluate("link => link.closest('details').querySelector('summary').click()")
    result.click()
    page.wait_for_url(re.compile(f"#{ANSWER_7_ID}$"))
    page.locator(f"[id='{ANSWER_7_ID}']").wait_for(state="visible")
    page.wait_for_timeout(300)  # let smooth scrolling, if any, come to rest
    where = page.evaluate(
        """id => {
            const heading = document.getElementById(id), box = heading.getBoundingClientRect();
            const hit = document.elementFromPoint(box.left + 5, box.top + box.height / 2);
            return {top: box.top, viewport: window.innerHeight,
                    covered: hit && (hit === heading || heading.contains(hit)) ? null
                             : (hit ? hit.outerHTML.slice(0, 120) : "nothing")};
        }""",
        ANSWER_7_ID,
    )
    assert 0 <= where["top"] <= where["viewport"] / 4, (
        f"#{ANSWER_7_ID} is at {where['top']:.0f}px, not at the top of a {where['viewport']}px viewport"
    )
    assert where["covered"] is None, f"#{ANSWER_7_ID} is hidden under {where['covered']}"
    assert not requests_made.off_site(), "requests to other hosts:\n" + "\n".join(requests_made.off_site())
