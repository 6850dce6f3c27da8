"""Checks for the hostile-input escaping suite (`test_escaping*.py`): what may run, what a title,
the search index, the feeds and the CSV hold, and that nothing of a hostile letter is lost.

What the built site may contain is compared with the site built from the clean seeds
(`built_site`): the theme's own scripts are allowed, nothing else that could run.
"""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as etree
from pathlib import Path

from jsonschema import Draft202012Validator

from generator.model import LetterKey
from tests.conftest import REPO, load_html
from tests.pagefind_index import read_fragments
from tests.security.harness import Built, seed_text

SITE_NAME = "Kamerdossier"
ATOM = "{http://www.w3.org/2005/Atom}"
SCHEMA = REPO / "generator" / "schema" / "kamerdossier.schema.json"

QUESTIONS_PAGE = "tweede-kamer/2025-10-07/schriftelijke-vragen/index.html"
QUESTIONS_JSON = "tweede-kamer/2025-10-07/schriftelijke-vragen.json"
COMMITTEE_PAGE = "eerste-kamer/2025-12-02/commissiebrief/index.html"
ANSWER_PAGE = "eerste-kamer/2026-02-12/antwoordbrief/index.html"
RECORD_PAGE = "eerste-kamer/2026-02-12/verslag-schriftelijk-overleg/index.html"


def inject(name: str, *replacements: tuple[str, str]) -> str:
    """Seed `name` with each (old, new) applied once, in order; fails when an `old` is not there."""
    text = seed_text(name)
    for old, new in replacements:
        assert old in text, f"{old!r} is not in seeds/{name}.txt"
        text = text.replace(old, new, 1)
    return text


# --- What may run ------------------------------------------------------------------------------

_RUNNABLE_URL = re.compile(r"^\s*(?:javascript|data|vbscript)\s*:", re.IGNORECASE)


def active_content(site: Path) -> set[tuple[str, ...]]:
    """Everything in the site's HTML pages that could run: scripts (by source or text), `on*`
    attributes and `javascript:`/`data:`/`vbscript:` URLs in any attribute, with their page."""
    found: set[tuple[str, ...]] = set()
    for path in sorted(site.rglob("*.html")):
        soup = load_html(path)
        for element in soup.find_all(True):
            if element.name == "script":
                found.add(("script", element.get("src") or element.get_text().strip()))
            for name, value in element.attrs.items():
                value = " ".join(value) if isinstance(value, list) else value
                if name.lower().startswith("on"):
                    found.add(("on", path.relative_to(site).as_posix(), name, value))
                if _RUNNABLE_URL.match(value or ""):
                    found.add(("url", path.relative_to(site).as_posix(), name, value))
    return found


def assert_nothing_runs(built: Built, clean_site: Path) -> None:
    """The hostile site has nothing that could run beyond what the clean site has (the theme's)."""
    assert built.site is not None and built.html(), built.stderr
    added = active_content(built.site) - active_content(clean_site)
    assert not added, f"runnable content came from the letters or sidecars: {sorted(added)[:5]}"


def page_title(site: Path, page: str) -> str | None:
    """The `<title>` of a built page, as the browser shows it."""
    title = load_html(site / page).title
    return title.string if title else None


def header_title(site: Path, page: str) -> str:
    """The page title the theme's header shows."""
    topic = load_html(site / page).select(".md-header__topic .md-ellipsis")
    return " ".join(topic[-1].get_text().split())


def search_entries(site: Path) -> list[dict]:
    """The pages of the Pagefind index (issue 9): `location`, and `title` and `text` as plain text,
    which is how javascripts/zoeken.js shows them (tests/browser checks that it does)."""
    return [
        {"location": fragment.url, "title": fragment.title, "text": fragment.content}
        for fragment in read_fragments(site)
    ]


def feed_titles(site: Path) -> dict[str, list[str]]:
    """Every Atom feed's entry titles, by feed (each feed must parse as XML)."""
    return {
        path.name: [entry.findtext(f"{ATOM}title") or "" for entry in etree.parse(path).getroot().iter(f"{ATOM}entry")]
        for path in sorted((site / "feeds").glob("*.xml"))
    }


def csv_rows(site: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO((site / "data" / "vragen-en-antwoorden.csv").read_text(encoding="utf-8"))))


def assert_json_valid(site: Path) -> dict:
    """Every JSON file of the open data parses and follows the schema; return the corpus file."""
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    validator = Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)
    for path in sorted(site.rglob("*.json")):
        if path.name == "kamerdossier.schema.json" or path.relative_to(site).parts[0] == "pagefind":
            continue
        document = json.loads(path.read_text(encoding="utf-8"))
        errors = sorted(validator.iter_errors(document), key=str)
        assert not errors, f"{path.relative_to(site)}: {errors[0].message}"
    return json.loads((site / "data" / "kamerdossier.json").read_text(encoding="utf-8"))


def assert_nothing_lost(built: Built, letters: int) -> None:
    """The nothing-lost check (exact characters) holds for each of the `letters` letters of the
    hostile seeds, parsed from the seeds folder the build read."""
    from generator.build import parse_sources
    from generator.link import link_corpus
    from generator.render.addresses import assign_addresses
    from tests.site.test_nothing_lost import lost_from_page

    root = built.docs.parent
    corpus = link_corpus(*parse_sources(root / "seeds"))
    addresses = assign_addresses(corpus)
    checked = 0
    for record in corpus.records:
        for letter in record.letters:
            page = addresses.letter_page(LetterKey(record.path, letter.index))
            assert page is not None
            lost = lost_from_page(built.site, page, record, letter, root)
            assert not lost, f"{record.path}: missing from {page}: " + ", ".join(lost[:10])
            checked += 1
    assert checked == letters
