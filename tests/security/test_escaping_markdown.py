"""Text is only ever text: Markdown, HTML and template syntax in an answer render literally and never act.

The real seeds with the syntax written into an answer of the antwoordbrief (synthetic: no real
letter holds it), built with the command line: each case shows as written, the page gains no
element but the paragraphs holding the lines, and nothing of the letter is lost.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import load_html
from tests.security.escaping_checks import ANSWER_PAGE, assert_nothing_lost, assert_nothing_runs, inject
from tests.security.harness import VERSLAG, Built, build, make_seeds

# --- Markdown and template syntax in an answer --------------------------------------------------

INLINE_CASES = (
    "__init__.py",
    "*x*",
    "**vet**",
    "_x_",
    "[a](javascript:alert(10))",
    "![b](data:text/html,alert)",
    "<https://x.example>",
    "<javascript:alert(11)>",
    "{: onclick=alert(12) }",
    "[^1]",
    "`code`",
    "[x]",
    "{{ config.site_name }}",
    "{% if true %}x{% endif %}",
    "&lt;b&gt;",
)
"""Inline syntax, written into the middle of an answer's first sentence."""

BLOCK_CASES = (
    "# kop",
    "## Antwoord op vraag 99",
    "| a | b |\n|---|---|\n| c | d |",
    "*[HTML]: Hyper Text",
    "[x]: javascript:alert(17)",
    "=====",
    "[^1]: een voetnoot",
    "{: .kd-cite onclick=alert(13) }",
    "> citaat",
    "- punt",
    "~~~",
    '--8<-- "/etc/passwd"',
    "!!! danger",
    '<p class="kd-cite" data-kd-part="x">y</p>',  # short: a full-width line would run on
    "<script>alert(14)</script>",
    "Beantwoord in: [vraag 1](#vraag-1)\n{: .kd-thread }",
)
"""Block syntax, each starting a paragraph of its own in the same answer (a table on three lines);
the citation and the thread (`Beantwoord in:`) are lines the generator writes, which the site's
Markdown extension takes a short way (generator/mdext_syntax.py)."""

ANSWER_START = "Allereerst wil ik graag aangeven dat"
INLINE_SENTENCE = f"Allereerst wil ik graag aangeven ({' '.join(INLINE_CASES)}) dat"


@pytest.fixture(scope="module")
def markdown_built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    """The seeds with Markdown, HTML and template syntax in an answer of the antwoordbrief."""
    root = tmp_path_factory.mktemp("markdown")
    blocks = "".join(f"{case}\n\n" for case in BLOCK_CASES)
    verslag = inject(VERSLAG, (ANSWER_START, f"{blocks}{INLINE_SENTENCE}"))
    return build(root, make_seeds(root, {f"{VERSLAG}.txt": verslag}))


def _article(site: Path, page: str) -> BeautifulSoup:
    """The page's article without the editorial notes (the hostile builds are made without them)."""
    article = load_html(site / page).article
    for note in article.select("aside.kd-note"):
        note.decompose()
    return article


def test_markdown_and_template_syntax_in_an_answer_render_literally(markdown_built: Built, built_site: Path) -> None:
    assert markdown_built.status == 0, markdown_built.stderr
    assert_nothing_runs(markdown_built, built_site)
    article = _article(markdown_built.site, ANSWER_PAGE)
    sentence = next(p for p in article.find_all("p") if "Allereerst" in p.get_text())
    assert " ".join(INLINE_SENTENCE.split()) in " ".join(sentence.get_text().split())
    paragraphs = [" ".join(p.get_text().split()) for p in article.find_all(["p", "h2"])]
    for case in BLOCK_CASES:
        assert " ".join(case.split()) in paragraphs, case


def test_init_py_in_an_answer_appears_as_written(markdown_built: Built) -> None:
    article = _article(markdown_built.site, ANSWER_PAGE)
    paragraph = next(p for p in article.find_all("p") if "__init__.py" in p.get_text())
    assert "__init__.py" in paragraph.get_text()
    assert not paragraph.find("em") and not paragraph.find("strong")


def test_the_syntax_adds_no_element_to_the_page(markdown_built: Built, built_site: Path) -> None:
    """The hostile page has the clean page's elements, plus only the paragraphs that hold the
    injected lines and the two links the link pass makes in a letter's text: of a web address
    (`<https://x.example>` shows as written, its address linked) and of a referral (`vraag 1` in
    the injected thread line, linked as in any sentence of the letter)."""
    hostile_article = _article(markdown_built.site, ANSWER_PAGE)
    hostile = Counter(el.name for el in hostile_article.find_all(True))
    clean = Counter(el.name for el in _article(built_site, ANSWER_PAGE).find_all(True))
    assert hostile - clean == Counter({"p": len(BLOCK_CASES), "a": 2})
    assert not clean - hostile
    assert hostile_article.find("a", href="https://x.example").get_text() == "https://x.example"

def test_nothing_of_a_hostile_letter_is_lost(markdown_built: Built) -> None:
    assert_nothing_lost(markdown_built, 4)  # the written questions; the verslag's cover note, committee letter and answer
