"""Check the built site as HTML: ids, internal links, nothing loaded from other hosts, search index.

These checks are generic: they hold for whatever pages the build produces.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.pagefind_index import read_entries, read_fragments

CONFIG = Path(__file__).resolve().parents[2] / "mkdocs.yml"

LINKING_ATTRIBUTES = (("a", "href"), ("area", "href"), ("link", "href"))
"""Elements whose attribute points at another place; internal ones must resolve."""

LOADING_LINK_RELS = frozenset(
    {"stylesheet", "preload", "modulepreload", "prefetch", "preconnect", "dns-prefetch",
     "icon", "apple-touch-icon", "apple-touch-icon-precomposed", "mask-icon", "manifest"}
)
"""`<link rel>` values that make the browser fetch (or connect to) the `href`."""

CSS_URL = re.compile(
    r"""url\(\s*(?P<quote>['"]?)(?P<url>.*?)(?P=quote)\s*\)|@import\s+(?P<import_quote>['"])(?P<import_url>.*?)(?P=import_quote)""",
    re.IGNORECASE,
)
"""A `url(...)` or `@import "..."` in CSS; `url` or `import_url` holds the address."""


def _is_other_host(url: str) -> bool:
    """True for an absolute (`https://x/`) or protocol-relative (`//x/`) address of some host."""
    return bool(urlsplit(url.strip()).netloc)


def _css_urls(css: str) -> list[str]:
    """Every address a piece of CSS refers to with `url()` or `@import`."""
    return [match["url"] or match["import_url"] or "" for match in CSS_URL.finditer(css)]


def _srcset_urls(srcset: str) -> list[str]:
    """The addresses in a `srcset` (`a.png 1x, b.png 2x`)."""
    return [candidate.split()[0] for candidate in srcset.split(",") if candidate.strip()]


def _site_base_path() -> str:
    """The path the site is served under, from `site_url` (`/kamerdossier/`), else `/`."""
    from mkdocs.config import load_config

    site_url = load_config(str(CONFIG)).site_url or "/"
    path = urlsplit(site_url).path or "/"
    return path if path.endswith("/") else path + "/"


def _resolve(site: Path, page: str, href: str, base_path: str) -> tuple[str | None, str]:
    """Turn an internal `href` on `page` into (the site file it names, its fragment).

    The file is None when the address leaves the site. `""` means the page itself.
    """
    parts = urlsplit(href)
    fragment = unquote(parts.fragment)
    path = unquote(parts.path)
    if not path:
        return page, fragment
    if path.startswith("/"):
        if not path.startswith(base_path):
            return None, fragment
        joined = PurePosixPath(path[len(base_path):])
    else:
        joined = PurePosixPath(page).parent / path
    resolved: list[str] = []
    for part in joined.parts:
        if part in ("", "."):
            continue
        if part == "..":
            if not resolved:
                return None, fragment
            resolved.pop()
        else:
            resolved.append(part)
    target = "/".join(resolved)
    if path.endswith("/") or not target or (site / target).is_dir():
        target = f"{target}/index.html" if target else "index.html"
    return target, fragment


REFRESH_URL = re.compile(r"^\s*\d+\s*[;,]\s*url\s*=\s*(?P<quote>['\"]?)(?P<url>.*?)(?P=quote)\s*$", re.IGNORECASE)
"""The address in `<meta http-equiv="refresh" content="0; url=../x/">` (a redirect page)."""


def _internal_addresses(soup: BeautifulSoup) -> list[str]:
    """Every address on the page that points somewhere: links, and the target of a redirect."""
    addresses = [
        element[attribute].strip()
        for tag, attribute in LINKING_ATTRIBUTES
        for element in soup.find_all(tag, attrs={attribute: True})
    ]
    for meta in soup.find_all("meta", attrs={"http-equiv": re.compile("^refresh$", re.IGNORECASE)}):
        if match := REFRESH_URL.match(meta.get("content", "")):
            addresses.append(match["url"].strip())
    return addresses


def _ids(soup: BeautifulSoup) -> set[str]:
    return {element["id"] for element in soup.find_all(id=True)}


def test_every_page_has_unique_ids(parsed_pages: dict[str, BeautifulSoup]) -> None:
    duplicates = {}
    for name, soup in parsed_pages.items():
        counts = Counter(element["id"] for element in soup.find_all(id=True))
        repeated = sorted(id_ for id_, count in counts.items() if count > 1)
        if repeated:
            duplicates[name] = repeated
    assert not duplicates, f"ids used more than once on a page: {duplicates}"


def test_every_internal_link_resolves(built_site: Path, parsed_pages: dict[str, BeautifulSoup]) -> None:
    base_path = _site_base_path()
    ids_by_page: dict[str, set[str]] = {}
    broken: list[str] = []
    checked = 0
    for name, soup in parsed_pages.items():
        for href in _internal_addresses(soup):
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or href in ("", "#"):
                continue  # another site, mailto:, data:, or no target at all
            checked += 1
            target, fragment = _resolve(built_site, name, href, base_path)
            if target is None:
                broken.append(f"{name}: {href!r} points outside the site")
                continue
            if not (built_site / target).is_file():
                broken.append(f"{name}: {href!r} -> missing file {target}")
                continue
            if fragment:
                if target not in ids_by_page:
                    soup_of_target = parsed_pages.get(target)
                    if soup_of_target is None:
                        soup_of_target = BeautifulSoup((built_site / target).read_text("utf-8"), "html.parser")
                    ids_by_page[target] = _ids(soup_of_target)
                if fragment not in ids_by_page[target]:
                    broken.append(f"{name}: {href!r} -> no id {fragment!r} on {target}")
    assert checked, "no internal links found at all"
    assert not broken, "broken internal links:\n" + "\n".join(broken)


def _external_loads_in_html(soup: BeautifulSoup) -> list[str]:
    """Every address on the page that the browser would fetch from another host."""
    found = []
    for element in soup.find_all(src=True):
        if _is_other_host(element["src"]):
            found.append(f"<{element.name} src={element['src']!r}>")
    for element in soup.find_all(srcset=True):
        found += [f"<{element.name} srcset {url!r}>" for url in _srcset_urls(element["srcset"]) if _is_other_host(url)]
    for element in soup.find_all("link", href=True):
        rels = {rel.lower() for rel in element.get("rel", [])}
        if rels & LOADING_LINK_RELS and _is_other_host(element["href"]):
            found.append(f"<link rel={' '.join(sorted(rels))} href={element['href']!r}>")
    for element in soup.find_all(["object"], data=True):
        if _is_other_host(element["data"]):
            found.append(f"<object data={element['data']!r}>")
    for element in soup.find_all(["video"], poster=True):
        if _is_other_host(element["poster"]):
            found.append(f"<video poster={element['poster']!r}>")
    for element in soup.find_all(["use", "image"]):
        for attribute in ("href", "xlink:href"):
            if element.has_attr(attribute) and _is_other_host(element[attribute]):
                found.append(f"<{element.name} {attribute}={element[attribute]!r}>")
    for element in soup.find_all(style=True):
        found += [f"style url({url!r})" for url in _css_urls(element["style"]) if _is_other_host(url)]
    for element in soup.find_all("style"):
        found += [f"<style> url({url!r})" for url in _css_urls(element.get_text()) if _is_other_host(url)]
    return found


def test_no_page_loads_anything_from_another_host(parsed_pages: dict[str, BeautifulSoup]) -> None:
    offenders = {name: found for name, soup in parsed_pages.items() if (found := _external_loads_in_html(soup))}
    assert not offenders, "pages load from other hosts:\n" + "\n".join(
        f"{name}: {', '.join(found)}" for name, found in offenders.items()
    )


def test_no_stylesheet_loads_anything_from_another_host(built_site: Path) -> None:
    stylesheets = sorted(built_site.rglob("*.css"))
    assert any(sheet.is_relative_to(built_site / "assets") for sheet in stylesheets), "no CSS under site/assets"
    offenders = [
        f"{sheet.relative_to(built_site)}: {url}"
        for sheet in stylesheets
        for url in _css_urls(sheet.read_text(encoding="utf-8", errors="replace"))
        if _is_other_host(url)
    ]
    assert not offenders, "stylesheets load from other hosts:\n" + "\n".join(offenders)


def test_pagefind_indexes_the_letters_and_the_pages_about_the_site_in_dutch(
    built_site: Path, parsed_pages: dict[str, BeautifulSoup]
) -> None:
    """Search (issue 9): each letter page, and the pages about the site and its terms, is one entry of
    the Dutch index; no overview is (home, timeline, dossiers, people, parties, months, a term's uses,
    annotations: they list the letters, and would find their passages again), nor the 404 page."""
    content = {
        "/" + name.removesuffix("index.html")
        for name, soup in parsed_pages.items()
        if name != "404.html" and soup.select_one("article.md-content__inner")
    }
    expected = {url for url in content if url.startswith(("/tweede-kamer/", "/eerste-kamer/"))}
    assert len(expected) > 2 and {"/", "/tijdlijn/", "/partijen/", "/dossiers/"} <= content - expected
    expected |= {"/over/", "/citeren/", "/begrippen/"}
    fragments = read_fragments(built_site)
    assert {fragment.url for fragment in fragments} == expected
    languages = [entry["languages"] for entry in read_entries(built_site)]  # of every part of the index
    assert all(set(part) == {"nl"} for part in languages) and sum(part["nl"]["page_count"] for part in languages) == len(expected), languages
    assert all(fragment.title and fragment.content for fragment in fragments), "an indexed page without title or text"


def test_the_search_index_holds_no_header_navigation_or_footer(built_site: Path, parsed_pages: dict[str, BeautifulSoup]) -> None:
    """Each page's indexed text starts with its own title (h1) and holds none of the permalink signs
    (¶) beside headings, nor the back-links (↩) of footnotes: only those the text itself has."""
    for fragment in read_fragments(built_site):
        page = parsed_pages[fragment.url.lstrip("/") + "index.html"]
        article = BeautifulSoup(str(page.select_one("article.md-content__inner")), "html.parser")  # a copy to cut
        for furniture in article.select(".headerlink, .footnote-backref"):
            furniture.decompose()
        title = " ".join(article.find("h1").get_text().split())
        assert fragment.content.startswith(title), f"{fragment.url}: indexed text starts {fragment.content[:120]!r}"
        text = article.get_text()
        for sign in "¶↩":
            assert fragment.content.count(sign) == text.count(sign), f"{fragment.url}: {sign} in the index"


@pytest.mark.parametrize(
    ("page", "href", "expected"),
    [
        ("a/b/index.html", "../c/", ("a/c/index.html", "")),
        ("a/b/index.html", "#vraag-1", ("a/b/index.html", "vraag-1")),
        ("index.html", "tweede-kamer/x/#bbb-antwoord-7", ("tweede-kamer/x/index.html", "bbb-antwoord-7")),
        ("index.html", "/kd/zoek/", ("zoek/index.html", "")),
        ("index.html", "/elders/", (None, "")),
        ("index.html", "../../boven.html", (None, "")),
        ("a/index.html", "assets/x%20y.css", ("a/assets/x y.css", "")),
    ],
)
def test_resolve_reads_addresses_as_a_browser_would(page: str, href: str, expected: tuple, tmp_path: Path) -> None:
    assert _resolve(tmp_path, page, href, "/kd/") == expected


def test_redirect_targets_count_as_links() -> None:
    soup = BeautifulSoup(
        '<meta http-equiv="refresh" content="0; url=../antwoordbrief/#bbb-antwoord-7">'
        '<a href="../">terug</a>',
        "html.parser",
    )
    assert _internal_addresses(soup) == ["../", "../antwoordbrief/#bbb-antwoord-7"]


def test_external_loads_are_recognised() -> None:
    soup = BeautifulSoup(
        '<link rel="preconnect" href="https://fonts.gstatic.com">'
        '<link rel="canonical" href="https://example.org/x/">'
        '<img srcset="a.png 1x, //cdn.example/b.png 2x">'
        '<div style="background: url(\'https://x.example/i.png\')"></div>'
        '<a href="https://zoek.officielebekendmakingen.nl/">elders</a>',
        "html.parser",
    )
    found = _external_loads_in_html(soup)
    assert len(found) == 3, found
    assert not any("canonical" in item or "officielebekendmakingen" in item for item in found)
