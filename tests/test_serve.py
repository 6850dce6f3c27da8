"""`kamerdossier serve` (issue 9): serves the site on this machine, rebuilds and reloads pages as a
letter is edited, and keeps serving the last good site when a letter goes bad.

Only localhost is used. Nothing is timed: each step polls, with a generous limit, until the server
shows what the step expects.
"""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from generator.serve import Sources, snapshot, watched_paths
from tests.conftest import _hand_written_pages
from tests.pagefind_index import read_fragments

REPO = Path(__file__).resolve().parent.parent
ANSWER_SOURCE = "001_dfb242f75dbdc9fb.txt"
EDIT = ("onderzoeken en beproeven van alternatieve", "onderzoeken en testen van alternatieve")
"""A word changed in an answer of the letter of 12 February 2026 (seeds/001_dfb242f75dbdc9fb.txt:686)."""
ANSWER_PAGE = "eerste-kamer/2026-02-12/antwoordbrief/"
QUESTIONS_SIDECAR = "000_04ae587ba6eeb66d.toml"
QUESTIONS_PAGE = "tweede-kamer/2025-10-07/schriftelijke-vragen/"
PATIENCE = 600.0
"""Seconds a step may take before the test gives up (a build on a busy machine); never a measure."""

LOCAL = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never through a proxy
LIVERELOAD = re.compile(r"livereload\((?P<epoch>\d+), (?P<request>\d+)\);")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(REPO / "seeds", tmp_path / "seeds")
    for relative in _hand_written_pages(REPO / "docs"):
        (tmp_path / "docs" / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(REPO / "docs" / relative, tmp_path / "docs" / relative)
    return tmp_path


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url: str, timeout: float = 30) -> str | None:
    try:
        with LOCAL.open(url, timeout=timeout) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def _without_reload(page: str | None) -> str | None:
    """A served page without the reload script the server adds (it names the build it was served from)."""
    return LIVERELOAD.sub("", page) if page else page


def _until(check, what: str, log: Path):
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.5)
    pytest.fail(f"serve never showed {what}; it said:\n{log.read_text(encoding='utf-8')}")


def test_serve_rebuilds_reloads_and_keeps_the_last_good_site(project: Path) -> None:
    port = _free_port()
    log = project / "serve.log"
    command = [
        sys.executable, "-m", "generator", "serve", "--port", str(port),
        "--seeds", "seeds", "--docs", "docs", "--site", "site", "--config", str(REPO / "mkdocs.yml"),
        "--manifest", str(REPO / "published.txt"), "--redirects", str(REPO / "redirects.toml"),
        "--glossary", str(REPO / "begrippen.yml"), "--annotations", str(REPO / "annotations"),
    ]
    with open(log, "w", encoding="utf-8") as output:
        server = subprocess.Popen(command, cwd=project, stdout=output, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}/"
    try:
        page = _until(lambda: _get(base + ANSWER_PAGE), "the answer letter's page", log)
        assert EDIT[0] in page
        reload = LIVERELOAD.search(page)
        assert reload, "the served page carries no reload script"
        assert "kamerdossier: built in" in log.read_text(encoding="utf-8")
        missing = _get(base + "nergens/")
        assert missing is None  # a 404: urllib raises, the page is the site's own 404 page

        source = project / "seeds" / ANSWER_SOURCE
        source.write_text(source.read_text(encoding="utf-8").replace(*EDIT), encoding="utf-8")
        newer = _get(f"{base}livereload/{reload['epoch']}/{reload['request']}", timeout=PATIENCE)
        assert newer is not None and int(newer) > int(reload["epoch"])  # an open page is told to reload
        page = _until(lambda: (text := _get(base + ANSWER_PAGE)) and EDIT[1] in text and text, "the edited answer", log)
        assert EDIT[0] not in page
        indexed = [f.content for f in read_fragments(project / "site", searched=True) if f.url.endswith(ANSWER_PAGE)]
        assert len(indexed) == 1 and "testen van alternatieve" in indexed[0] and "beproeven" not in indexed[0]  # search sees it
        questions_page = _without_reload(_get(base + QUESTIONS_PAGE))

        sidecar = project / "seeds" / QUESTIONS_SIDECAR
        sidecar.write_text('chamber = "Tweede Kamer"\ndossiers = "31066"\n', encoding="utf-8")
        said = _until(
            lambda: "still serving the last good site" in (text := log.read_text(encoding="utf-8")) and text,
            "the bad sidecar's error",
            log,
        )
        assert re.search(r"error: seeds/000_04ae587ba6eeb66d\.toml:2: .*dossiers", said), said
        assert "Traceback" not in said
        assert _without_reload(_get(base + QUESTIONS_PAGE)) == questions_page  # the last good site, unchanged
        assert EDIT[1] in (_get(base + ANSWER_PAGE) or "")
    finally:
        server.terminate()
        server.wait(timeout=60)


def test_serve_watches_the_sources_and_not_the_generated_pages(project: Path) -> None:
    from generator.build import generate

    generate(project / "seeds", project / "docs", None, REPO / "begrippen.yml", REPO / "annotations")
    sources = Sources(project / "seeds", project / "docs", REPO / "mkdocs.yml", REPO / "begrippen.yml", REPO / "annotations", REPO / "overrides")
    watched = dict(watched_paths(sources))
    assert watched[project / "seeds"] is False and watched[project / "docs" / "over.md"] is False
    assert watched[project / "docs" / "javascripts"] is True
    assert project / "docs" not in watched and project / "docs" / "index.md" not in watched  # generated
    assert project / "docs" / "eerste-kamer" not in watched  # a folder of generated pages
    before = snapshot(sources)
    letter = project / "docs" / "eerste-kamer/2026-02-12/antwoordbrief.md"
    index = project / "docs" / "index.md"
    for generated in (letter, index):
        generated.write_text(generated.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert snapshot(sources) == before  # a build's own writes start no rebuild
    over = project / "docs" / "over.md"
    over.write_text(over.read_text(encoding="utf-8") + "\nNieuwe alinea.\n", encoding="utf-8")
    assert snapshot(sources) != before
