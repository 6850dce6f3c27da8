"""Build the development letters as one corpus and check each built page against what the PDF
prints (tests/letters/expected.py). Shared by the text path's test and the PDF path's test:
only the files put into the seeds folder differ.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup, Tag

from generator.build import parse_sources
from generator.link import link_corpus
from generator.model import Corpus, LetterKey, Record
from generator.render.addresses import Addresses, assign_addresses, page_url
from tests.conftest import load_html
from generator.parse.dates import parse_dutch_date
from tests.letters.expected import CHAMBER, FURNITURE, OFFICIAL_URL, Letter
from tests.security.harness import build, make_seeds
from tests.site.test_nothing_lost import lost_from_page

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "letters"


@dataclass(frozen=True)
class BuiltLetters:
    """The development letters built as one corpus: the seeds folder, the linked corpus, and
    each letter's built page (by identifier)."""

    seeds: Path
    site: Path
    corpus: Corpus
    addresses: Addresses
    pages: dict[str, BeautifulSoup]
    records: dict[str, Record]
    stderr: str


def build_letters(root: Path, suffix: str) -> BuiltLetters:
    """Copy the eight development letters' `suffix` files (`.txt`, `.pdf`) into a fresh seeds
    folder under `root` (without the repository's seeds), build the site, and read each page."""
    files = {path.name: path.read_bytes() for path in sorted(FIXTURES.glob(f"*{suffix}"))}
    assert len(files) == 8, f"expected the eight development letters, found {sorted(files)}"
    seeds = make_seeds(root, files, keep_seeds=False)
    built = build(root, seeds, strict=True)
    assert built.status == 0, built.stderr
    records, diagnostics = parse_sources(seeds)
    corpus = link_corpus(records, diagnostics)
    addresses = assign_addresses(corpus)
    pages: dict[str, BeautifulSoup] = {}
    by_identifier: dict[str, Record] = {}
    for record in corpus.records:
        identifier = Path(record.path).stem
        page = addresses.letter_page(LetterKey(record.path, 0))
        assert page is not None and built.site is not None
        pages[identifier] = load_html(built.site / page_url(page) / "index.html")
        by_identifier[identifier] = record
    return BuiltLetters(seeds, built.site, corpus, addresses, pages, by_identifier, built.stderr)


def normalised(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u00a0", " ")).strip()


def _article(page: BeautifulSoup) -> Tag:
    article = page.select_one("article")
    assert article is not None
    return article


def section_text(page: BeautifulSoup, anchor: str) -> str:
    """The text under heading `#anchor` up to the next heading, without the citation line, the
    thread links and footnote references."""
    heading = page.find(id=anchor)
    assert heading is not None, f"no anchor #{anchor}"
    parts = []
    for sibling in heading.find_next_siblings():
        if sibling.name in ("h1", "h2", "h3", "h4"):
            break
        classes = sibling.get("class") or []
        if "kd-cite" in classes or "kd-thread" in classes:
            continue
        copy = BeautifulSoup(str(sibling), "html.parser")
        for sup in copy.select("sup"):
            sup.decompose()
        parts.append(copy.get_text())
    return normalised(" ".join(parts))


def check_anchors(page: BeautifulSoup, letter: Letter) -> None:
    """Every question and answer number has its anchor (a group heading covers each number)."""
    for role, headings in (("vraag", letter.questions), ("antwoord", letter.answers)):
        for heading in headings:
            for number in heading.numbers:
                assert page.find(id=f"{role}-{number}") is not None, f"{letter.identifier}: no #{role}-{number}"


def check_answers(page: BeautifulSoup, letter: Letter) -> None:
    """The first words of each answer stand under its answer anchor, and no question holds them."""
    for answer in letter.answers:
        text = section_text(page, f"antwoord-{answer.numbers[0]}")
        assert text.startswith(answer.first_words), f"{letter.identifier} antwoord {answer.numbers}: {text[:120]!r}"
    for question in letter.questions:
        text = section_text(page, f"vraag-{question.numbers[0]}")
        assert text.startswith(question.first_words), f"{letter.identifier} vraag {question.numbers}: {text[:120]!r}"
        for answer in letter.answers:
            if len(answer.first_words) > 12:  # `Ja.` could stand in any question's words
                assert answer.first_words not in text, f"{letter.identifier}: vraag {question.numbers} holds antwoord {answer.numbers}"


def check_footnotes(page: BeautifulSoup, letter: Letter) -> None:
    """Every printed footnote is on the page, referenced from the word its marker is on."""
    article = _article(page)
    for note in letter.footnotes:
        item = article.find(id=f"fn:{note.number}")
        assert item is not None, f"{letter.identifier}: footnote {note.number} is not on the page"
        assert normalised(item.get_text()).startswith(note.body_start), f"{letter.identifier} fn {note.number}: {item.get_text()[:80]!r}"
        references = article.select(f'a.footnote-ref[href="#fn:{note.number}"]')
        assert len(references) == 1, f"{letter.identifier}: footnote {note.number} is referenced {len(references)} times"
        sup = references[0].find_parent("sup")
        paragraph = sup.find_parent(["p", "li"])
        before = ""
        for piece in paragraph.descendants:
            if piece is sup:
                break
            if isinstance(piece, str) and not (piece.find_parent("sup")):
                before += piece
        assert normalised(before).endswith(note.marker_after), (
            f"{letter.identifier}: footnote {note.number} is referenced after {normalised(before)[-60:]!r}"
        )


def check_furniture(page: BeautifulSoup, letter: Letter) -> None:
    """No page furniture and no document identifier in the letter's text; the identifier is in
    the metadata and links to the official publication."""
    article = BeautifulSoup(str(_article(page)), "html.parser")
    metadata = article.find("ul")
    assert metadata is not None
    links = [a for a in metadata.select("a") if a.get_text(strip=True) == letter.identifier]
    assert [a["href"] for a in links] == [letter.url], f"{letter.identifier}: {metadata.get_text(' ')[:300]!r}"
    metadata.decompose()
    text = normalised(article.get_text(" "))
    for printed in (*FURNITURE, letter.identifier):
        assert printed not in text, f"{letter.identifier}: the page holds {printed!r}"


def check_referrals(page: BeautifulSoup, letter: Letter) -> None:
    """Every referral from one answer to another is a link to the right anchor."""
    for referral in letter.referrals:
        heading = page.find(id=f"antwoord-{referral.source}")
        assert heading is not None
        found = set()
        for sibling in heading.find_next_siblings():
            if sibling.name in ("h1", "h2", "h3", "h4"):
                break
            if referral.sentence in normalised(sibling.get_text()):
                found |= {a["href"] for a in sibling.select("a[href^='#antwoord-']")}
        assert found >= {f"#antwoord-{n}" for n in referral.targets}, f"{letter.identifier}: {referral} links {found}"


def check_nothing_lost(built: BuiltLetters, identifier: str) -> None:
    """Every character of the source appears on the page in order, furniture named as such
    excepted (the site test's check, on the development letters' seeds folder)."""
    record = built.records[identifier]
    for letter in record.letters:
        page = built.addresses.letter_page(LetterKey(record.path, letter.index))
        assert page is not None
        lost = lost_from_page(built.site, page, record, letter, root=built.seeds.parent)
        assert not lost, f"{identifier}: missing: " + ", ".join(lost[:10])


def check_metadata(built: BuiltLetters, letter: Letter) -> None:
    """What the Aanhangsel header prints is the letter's metadata: chamber, identifier, number,
    dates, askers with their parties, the answering ministers, and `Zie ook` as a linked reference."""
    record = built.records[letter.identifier]
    (parsed,) = record.letters
    assert (record.chamber, record.identifier) == (CHAMBER, letter.identifier)
    assert letter.identifier in parsed.identifiers
    assert str(letter.number) in {item.text for item in record.furniture}  # printed above the header, named
    assert (parsed.received_on, parsed.addressee) == (letter.received_on, letter.addressee)
    written = re.search(r"\(ingezonden ([^)]*)\)", " ".join(p.text for p in parsed.head))
    assert written is not None and parse_dutch_date(written.group(1)) == letter.sent_on
    assert [(m.name, m.party) for m in parsed.askers] == [(a.name, a.party) for a in letter.askers]
    assert any(letter.askers_printed in p.text for p in parsed.head)
    assert [(m.title, m.name, m.portfolio) for m in parsed.ministers] == [(m.title, m.name, m.portfolio) for m in letter.ministers]
    assert parsed.on_behalf_of == letter.on_behalf_of
    references = {r.identifier for r in built.corpus.links.references if r.span.path == record.path}
    assert set(letter.see_also) <= references
    page = built.pages[letter.identifier]
    for identifier in letter.see_also:
        assert page.select(f'a[href="{OFFICIAL_URL.format(identifier=identifier)}"]'), identifier


def check_hyphens(page: BeautifulSoup, letter: Letter, unrecoverable: frozenset[str] = frozenset()) -> None:
    """Each word the PDF prints split at a line end reads as it must: joined, or with the
    hyphen of its compound. `unrecoverable` names words the input itself has lost."""
    text = normalised(_article(page).get_text())
    for hyphen in letter.hyphens:
        if hyphen.word not in unrecoverable:
            assert hyphen.word in text, f"{letter.identifier}: {hyphen.printed} does not read {hyphen.word!r}"
