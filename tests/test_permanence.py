"""Check that every published address keeps working (issue 4), and the redirects that keep it so.

The real check runs on the site built from `seeds/` against the committed `published.txt` and
`redirects.toml`. The others break a copy of that site the way a change to the generator could
(a question heading gone, an anchor renamed, a page moved) and check what the build says and writes.
"""

from __future__ import annotations

import doctest
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

import generator.permanence
import generator.redirects
from generator.build import build, keep_published_addresses, publish
from generator.errors import BuildFailed
from generator.permanence import (
    ManifestError,
    format_manifest,
    missing_addresses,
    parse_manifest,
    published_addresses,
    read_manifest,
    read_published,
)
from generator.redirects import (
    NO_REDIRECTS,
    Redirects,
    RedirectsError,
    parse_redirects,
    read_redirects,
    redirect_files,
    redirect_problems,
)

REPO = Path(__file__).resolve().parent.parent
MANIFEST = REPO / "published.txt"
REDIRECTS = REPO / "redirects.toml"
SEEDS = REPO / "seeds"
CONFIG = REPO / "mkdocs.yml"

ANSWER_LETTER = "eerste-kamer/2026-02-12/antwoordbrief/"
QUESTION_7 = f"{ANSWER_LETTER}#bbb-vraag-7"
"""BBB's question 7 as the answer letter repeats it (seeds/001_dfb242f75dbdc9fb.txt)."""
COMMITTEE_LETTER = "eerste-kamer/2025-12-02/commissiebrief/"
MOVED_LETTER = "eerste-kamer/2026-02-12/antwoordbrief-kst-36800/"
"""Where a test pretends the answer letter moved to."""

NODE = shutil.which("node")
RUN_PAGE_SCRIPT = r"""
const vm = require("vm");
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const went = [];
const listeners = [];
const location = { hash: input.hash, replace(url) { went.push(url); } };
vm.runInNewContext(input.script, {
  location,
  document: { getElementById: (id) => (input.ids.includes(id) ? {} : null) },
  window: { addEventListener: (type, listener) => { if (type === "hashchange") listeners.push(listener); } },
});
for (const hash of input.later) { location.hash = hash; listeners.forEach((listener) => listener()); }
process.stdout.write(JSON.stringify(went));
"""
"""Run a page script in Node with a stand-in `location`, `document` and `window`; print where it went."""

needs_node = pytest.mark.skipif(NODE is None, reason="node is not installed (make test installs it)")


def _run_page_script(script: str, hash_: str, ids: set[str], later: tuple[str, ...] = ()) -> list[str]:
    """Load `script` on a page at `hash_` holding `ids`, then change the hash to each of `later`."""
    given = json.dumps({"script": script, "hash": hash_, "ids": sorted(ids), "later": list(later)})
    ran = subprocess.run([NODE, "-e", RUN_PAGE_SCRIPT], input=given, capture_output=True, text=True, check=True, timeout=60)
    return json.loads(ran.stdout)


def _page_file(site: Path, page: str) -> Path:
    return site / page / "index.html"


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _edit_element(site: Path, page: str, element_id: str, new_id: str | None) -> None:
    """Remove the element with `element_id` from a built page, or give it `new_id`."""
    path = _page_file(site, page)
    soup = _soup(path)
    element = soup.find(id=element_id)
    assert element is not None, f"no element with id {element_id!r} on {page}"
    if new_id is None:
        element.decompose()
    else:
        element["id"] = new_id
    path.write_text(str(soup), encoding="utf-8")


@pytest.fixture()
def site_copy(built_site: Path, tmp_path: Path) -> Path:
    """A copy of the built site that a test may break."""
    return Path(shutil.copytree(built_site, tmp_path / "site"))


@pytest.fixture()
def manifest(built_site: Path, tmp_path: Path) -> Path:
    """A published.txt listing everything the seeds' site serves, as `kamerdossier publish` writes it."""
    path = tmp_path / "published.txt"
    path.write_text(format_manifest(published_addresses(built_site)), encoding="utf-8")
    return path


def _redirects(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "redirects.toml"
    path.write_text(text, encoding="utf-8")
    return path


# The real check: the committed list against the site the seeds build.


def test_every_published_address_is_still_produced(site_copy: Path) -> None:
    """The build's own check, on a copy of the site (it writes the redirects into it)."""
    published = read_manifest(MANIFEST)
    assert QUESTION_7 in published and f"{ANSWER_LETTER}#bbb-antwoord-7" in published
    keep_published_addresses(site_copy, MANIFEST, read_redirects(REDIRECTS))  # raises BuildFailed naming what is gone


def test_published_list_is_as_publish_writes_it() -> None:
    text = MANIFEST.read_text(encoding="utf-8")
    assert text == format_manifest(parse_manifest(text)), "published.txt is not sorted, or lost its header"


def test_the_site_serves_pages_and_every_citable_id(built_site: Path) -> None:
    produced = published_addresses(built_site)
    assert {"/", ANSWER_LETTER, COMMITTEE_LETTER, QUESTION_7, f"{COMMITTEE_LETTER}#fn:3"} <= produced
    assert "tweede-kamer/2025-10-07/schriftelijke-vragen/#vraag-1" in produced
    assert not any(address.endswith(("#titel", "#fnref:3")) for address in produced)


# A published address gone, then redirected.


def test_a_removed_question_heading_fails_the_check_naming_it(site_copy: Path, manifest: Path, tmp_path: Path) -> None:
    _edit_element(site_copy, ANSWER_LETTER, "bbb-vraag-7", None)
    assert missing_addresses(read_manifest(manifest), published_addresses(site_copy), NO_REDIRECTS) == [QUESTION_7]
    with pytest.raises(BuildFailed) as failure:
        keep_published_addresses(site_copy, manifest)
    line = read_manifest(manifest)[QUESTION_7]
    assert str(failure.value).splitlines() == [
        "1 published address(es) no longer produced; restore them, or declare in redirects.toml where "
        "each went ([pages] for a page, [anchors] for an anchor):",
        f"published.txt:{line}: no longer produced — {QUESTION_7}",
    ]


@needs_node
def test_a_declared_anchor_redirect_passes_and_the_page_maps_the_old_anchor(site_copy: Path, manifest: Path, tmp_path: Path) -> None:
    _edit_element(site_copy, ANSWER_LETTER, "bbb-vraag-7", "bbb-vraag-7a")
    redirects = _redirects(tmp_path, f'[anchors]\n"{QUESTION_7}" = "bbb-vraag-7a"\n')
    produced = keep_published_addresses(site_copy, manifest, read_redirects(redirects))
    assert QUESTION_7 not in produced  # and `bbb-vraag-7a`, not a citable id, is not published either
    assert f"{ANSWER_LETTER}#bbb-vraag-7a" not in produced

    page = _soup(_page_file(site_copy, ANSWER_LETTER))
    assert page.find("script", src="ankers.js") is not None
    script = (site_copy / ANSWER_LETTER / "ankers.js").read_text(encoding="utf-8")
    assert '{"bbb-vraag-7": "#bbb-vraag-7a"}' in script
    ids = {element["id"] for element in page.find_all(id=True)}
    assert _run_page_script(script, "#bbb-vraag-7", ids) == ["#bbb-vraag-7a"]  # on load
    assert _run_page_script(script, "", ids, later=("#bbb-antwoord-7", "#bbb-vraag-7")) == ["#bbb-vraag-7a"]  # on hashchange
    assert _run_page_script(script, "#bbb-vraag-7", ids | {"bbb-vraag-7"}) == []  # the old id is back: stay


@needs_node
def test_a_declared_page_redirect_leaves_a_redirect_page_at_the_old_address(site_copy: Path, manifest: Path, tmp_path: Path) -> None:
    (site_copy / ANSWER_LETTER).rename(site_copy / MOVED_LETTER)
    with pytest.raises(BuildFailed, match=re.escape(f"no longer produced — {QUESTION_7}")):
        keep_published_addresses(site_copy, manifest)

    redirects = _redirects(tmp_path, f'[pages]\n"{ANSWER_LETTER}" = "{MOVED_LETTER}"\n')
    keep_published_addresses(site_copy, manifest, read_redirects(redirects), site_url="https://kamerdossier.example/")
    page = _soup(_page_file(site_copy, ANSWER_LETTER))
    assert page.html["lang"] == "nl"
    assert page.find("meta", attrs={"http-equiv": "refresh"})["content"] == "0; url=../antwoordbrief-kst-36800/"
    assert page.find("link", rel="canonical")["href"] == f"https://kamerdossier.example/{MOVED_LETTER}"
    link = page.find("a", href="../antwoordbrief-kst-36800/")
    assert link is not None and "verhuisd" in link.parent.get_text()
    script = page.find("script").get_text()
    assert _run_page_script(script, "#bbb-antwoord-7", set()) == ["../antwoordbrief-kst-36800/#bbb-antwoord-7"]
    assert _run_page_script(script, "", set()) == ["../antwoordbrief-kst-36800/"]


def test_the_build_runs_the_check_and_writes_the_redirects(built_site: Path, tmp_path: Path) -> None:
    docs = Path(shutil.copytree(built_site.parent / "docs", tmp_path / "docs"))
    old_letter = "eerste-kamer/2026-01-01/oude-antwoordbrief/"
    promised = published_addresses(built_site) | {f"{old_letter}#bbb-antwoord-7", f"{ANSWER_LETTER}#bbb-vraag-99"}
    manifest = tmp_path / "published.txt"
    manifest.write_text(format_manifest(promised), encoding="utf-8")
    redirects = _redirects(tmp_path, f'[pages]\n"{old_letter}" = "{ANSWER_LETTER}"\n')

    with pytest.raises(BuildFailed) as failure:
        build(SEEDS, docs, tmp_path / "site", CONFIG, manifest=manifest, redirects=redirects,
              glossary=REPO / "begrippen.yml", annotations=REPO / "annotations")
    assert re.search(rf"^published\.txt:\d+: no longer produced — {re.escape(ANSWER_LETTER)}#bbb-vraag-99$", str(failure.value), re.M)
    assert "oude-antwoordbrief" not in str(failure.value)

    manifest.write_text(format_manifest(promised - {f"{ANSWER_LETTER}#bbb-vraag-99"}), encoding="utf-8")
    # built as built_site is, with the glossary: a term used often has a page of its own (begrippen/m365/)
    editorial = {"glossary": REPO / "begrippen.yml", "annotations": REPO / "annotations"}
    result = build(SEEDS, docs, tmp_path / "site", CONFIG, manifest=manifest, redirects=redirects, **editorial)
    assert result.addresses == published_addresses(built_site)
    assert (tmp_path / "site" / old_letter / "index.html").is_file()


def test_the_manifest_kept_between_builds_is_read_again_once_it_changes(site_copy: Path, manifest: Path, tmp_path: Path, monkeypatch) -> None:
    state = tmp_path / ".cache" / "manifest.pickle"
    keep_published_addresses(site_copy, manifest, state=state)
    assert state.is_file()
    with monkeypatch.context() as patched:  # unchanged: taken from the state, not read and checked again
        patched.setattr(generator.permanence, "parse_manifest", _not_read)
        keep_published_addresses(site_copy, manifest, state=state)
    gone = f"{ANSWER_LETTER}#bbb-vraag-99"
    manifest.write_text(manifest.read_text(encoding="utf-8") + f"{gone}\n", encoding="utf-8")
    with pytest.raises(BuildFailed, match=rf"published\.txt:\d+: no longer produced — {re.escape(gone)}"):
        keep_published_addresses(site_copy, manifest, state=state)


def test_the_manifest_kept_between_builds_is_read_again_after_an_edit_that_keeps_its_size_and_time(
    site_copy: Path, manifest: Path, tmp_path: Path
) -> None:
    """The kept addresses are keyed by the manifest's bytes: an edit that keeps the file's size,
    with its modification time put back (as `touch -r` or `cp -p` can), is still seen."""
    state = tmp_path / ".cache" / "manifest.pickle"
    keep_published_addresses(site_copy, manifest, state=state)
    before = manifest.stat()
    text = manifest.read_text(encoding="utf-8")
    assert f"\n{ANSWER_LETTER}#bbb-vraag-1\n" in text
    gone = f"{ANSWER_LETTER}#bbb-vraag-0"  # the same length: no question 0 is produced
    manifest.write_text(text.replace(f"\n{ANSWER_LETTER}#bbb-vraag-1\n", f"\n{gone}\n", 1), encoding="utf-8")
    os.utime(manifest, ns=(before.st_atime_ns, before.st_mtime_ns))
    assert (manifest.stat().st_size, manifest.stat().st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    with pytest.raises(BuildFailed, match=rf"published\.txt:\d+: no longer produced — {re.escape(gone)}"):
        keep_published_addresses(site_copy, manifest, state=state)


def _not_read(*args, **kwargs):
    raise AssertionError("the manifest was read again although it did not change")


# The pieces, on small data.


def test_publish_adds_new_addresses_and_never_removes_one(tmp_path: Path) -> None:
    manifest = tmp_path / "published.txt"
    manifest.write_text(format_manifest({"a/", "a/#vraag-10", "weg/"}), encoding="utf-8")
    added = publish(manifest, {"a/", "a/#vraag-2", "a/#vraag-10", "b/"})
    assert added == ["a/#vraag-2", "b/"]
    lines = [line for line in manifest.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    assert lines == ["a/", "a/#vraag-2", "a/#vraag-10", "b/", "weg/"]


def test_a_page_redirect_covers_the_old_pages_anchors() -> None:
    redirects = Redirects(pages={"a/": "b/"})
    assert missing_addresses(["a/", "a/#vraag-1", "a/#vraag-2"], {"b/", "b/#vraag-1"}, redirects) == ["a/#vraag-2"]


def test_anchor_redirects_to_another_page_are_relative_links() -> None:
    redirects = parse_redirects(f'[anchors]\n"{QUESTION_7}" = "{COMMITTEE_LETTER}#bbb-vraag-7"\n')
    produced = {ANSWER_LETTER, COMMITTEE_LETTER, f"{COMMITTEE_LETTER}#bbb-vraag-7"}
    files = redirect_files(redirects, produced, {ANSWER_LETTER: "<html><body><p>x</p></body></html>"})
    assert '{"bbb-vraag-7": "../../2025-12-02/commissiebrief/#bbb-vraag-7"}' in files[f"{ANSWER_LETTER}ankers.js"]
    assert files[f"{ANSWER_LETTER}index.html"] == '<html><body><p>x</p><script src="ankers.js"></script>\n</body></html>'


@pytest.mark.parametrize(
    ("declared", "produced", "problem"),
    [
        ('[pages]\n"a/" = "b/"\n', {"a/", "b/"}, "'a/' is still a page of the site"),
        ('[pages]\n"a/" = "c/"\n', {"b/"}, "'a/' = 'c/' leads to no page"),
        ('[pages]\n"a/" = "c/"\n"c/" = "a/"\n', {"b/"}, "leads to no page"),
        ('[anchors]\n"a/#vraag-1" = "vraag-9"\n', {"a/"}, "leads to no anchor"),
        ('[anchors]\n"a/#vraag-1" = "b/#vraag-1"\n', {"b/", "b/#vraag-1"}, "'a/' is not produced and has no [pages] redirect"),
    ],
)
def test_a_redirect_that_cannot_work_is_a_problem(declared: str, produced: set[str], problem: str) -> None:
    problems = redirect_problems(parse_redirects(declared), produced)
    assert len(problems) >= 1 and problems[0].startswith("redirects.toml:2: ")  # each at its key's line
    assert all(re.match(r"redirects\.toml:[23]: ", line) for line in problems)
    assert problem in problems[0]


@pytest.mark.parametrize(
    "declared",
    ['[pages]\n"/a/b" = "c/"\n', '[pages]\n"a/#x" = "c/"\n', '[anchors]\n"a/" = "x"\n', '[anchors]\n"a/#x" = "c/"\n', "\n[elders]\n", "\n[pages\n"],
)
def test_redirects_that_are_not_addresses_are_refused(declared: str) -> None:
    with pytest.raises(RedirectsError, match=r"^redirects\.toml:2: "):
        parse_redirects(declared)


def test_a_manifest_line_that_is_not_an_address_is_named() -> None:
    with pytest.raises(ManifestError, match=r"^published\.txt:3: not an address — https://elders\.example/x$"):
        parse_manifest("# kop\n/\nhttps://elders.example/x\n")


@pytest.mark.parametrize(
    "text, problem",
    [("a/\nb/#\n", "2: not an address — b/#"), ("a/#vraag-1\na/#vraag 2\n", "2: not an address — a/#vraag 2"),
     ("a/\n../b/\n", "2: not an address — ../b/"), ("/\n/#fn:1\n//\n", "3: not an address — //")],
)
def test_every_line_of_a_manifest_is_checked(text: str, problem: str) -> None:
    """The manifest is checked page by page and anchor by anchor (`_all_addresses`); a wrong line is named."""
    with pytest.raises(ManifestError, match=rf"^published\.txt:{re.escape(problem)}$"):
        parse_manifest(text)


@pytest.mark.parametrize("kept", [False, True], ids=["read", "kept between builds"])
@pytest.mark.parametrize(
    "data, problem",
    [(b"a/\n\xff\xfe/\n", "published.txt:2: not valid UTF-8"), (b"a/\nb/\x00\n", "published.txt:2: binary file (NUL byte)"),
     (b"\xff\xfea\x00/\x00", "published.txt:1: UTF-16 text")],
)
def test_a_manifest_that_is_not_utf8_text_is_named_at_its_line(tmp_path: Path, data: bytes, problem: str, kept: bool) -> None:
    """Synthetic (a hand-edited or copied file): not UTF-8, a NUL byte, UTF-16 is one error at its
    line, as for every other file read, not a UnicodeDecodeError out of the build."""
    manifest = tmp_path / "published.txt"
    manifest.write_bytes(data)
    with pytest.raises(ManifestError, match=rf"^{re.escape(problem)}"):
        read_published(manifest, tmp_path / "state.pickle" if kept else None)


def test_an_address_listed_twice_keeps_its_first_line() -> None:
    assert list(parse_manifest("# kop\na/\nb/#vraag-1\n\na/\n").items()) == [("a/", 2), ("b/#vraag-1", 3)]


def test_the_examples_in_the_docstrings_hold() -> None:
    for module in (generator.permanence, generator.redirects):
        outcome = doctest.testmod(module)
        assert outcome.attempted > 0 and outcome.failed == 0, module.__name__


# Hosting: a Dutch 404 page, canonical links and a sitemap (they come with site_url).


def test_the_404_page_is_dutch(built_site: Path) -> None:
    page = _soup(built_site / "404.html")
    assert page.html["lang"] == "nl"
    assert page.h1.get_text(strip=True) == "Pagina niet gevonden"
    assert "Not found" not in page.get_text()


def test_every_page_has_a_canonical_link_and_is_in_the_sitemap(built_site: Path) -> None:
    from mkdocs.config import load_config

    site_url = load_config(str(CONFIG), docs_dir=str(built_site.parent / "docs")).site_url
    assert site_url, "mkdocs.yml sets no site_url"
    sitemap = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    pages = sorted(address for address in published_addresses(built_site) if "#" not in address)
    for page in pages:
        url = site_url if page == "/" else site_url + page
        assert f"<loc>{url}</loc>" in sitemap, f"{page} is not in sitemap.xml"
        assert _soup(_page_file(built_site, "" if page == "/" else page)).find("link", rel="canonical")["href"] == url
