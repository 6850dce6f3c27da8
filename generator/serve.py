"""`kamerdossier serve`: build the site, serve it on this machine, rebuild and reload as sources change.

The site is served from `site/` by MkDocs' LiveReloadServer (`mkdocs.livereload`), which adds a
small script to every HTML page it serves; the script asks the server (the same host) whether a
newer build exists and reloads the page when one does. A change to the letters (`seeds/`), the
glossary, the notes, the hand-written pages in `docs/`, the MkDocs configuration or the theme's
overrides starts a rebuild, which converts only what changed (generator/site.py).

A rebuild that fails (a bad letter: `seeds/<file>:<line>: …`, a published address gone, MkDocs'
strict warnings) prints why and the server keeps serving what `site/` holds; a bad letter stops the
build before anything in `site/` changes, so that is the last good site.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.errors import KamerdossierError, error_report
from generator.write import MANIFEST

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


@dataclass(frozen=True)
class Sources:
    """What a build reads, and so what `serve` watches."""

    seeds: Path
    docs: Path
    config: Path
    glossary: Path | None = None
    annotations: Path | None = None
    overrides: Path | None = None


def watched_paths(sources: Sources) -> list[tuple[Path, bool]]:
    """The files and folders to watch, each with whether to watch inside its subfolders.

    Of `docs/` only what people wrote: each file at its top level that no build generated
    (`over.md`, `citeren.md`), and each subfolder holding no generated page (`javascripts/`,
    `stylesheets/`). The generated pages are not watched: a build writing them would start another
    build and reload open pages twice; and the folders of letter pages, many thousands of files,
    are not polled. A hand-written page or folder added to `docs/` is watched from the next start.
    """
    paths = [(sources.seeds, False), (sources.config, False)]
    paths += [(path, True) for path in (sources.glossary, sources.annotations, sources.overrides) if path is not None]
    generated = _generated(sources.docs) | {MANIFEST}
    generated_folders = {page.split("/", 1)[0] for page in generated if "/" in page}
    if sources.docs.is_dir():
        for path in sorted(sources.docs.iterdir()):
            if path.name.startswith(".") or path.name in generated or path.name in generated_folders:
                continue
            if path.is_file() or path.is_dir():
                paths.append((path, path.is_dir()))
    return [(path, recursive) for path, recursive in paths if path.exists()]


def snapshot(sources: Sources) -> frozenset[tuple[str, int, int]]:
    """Every watched file with its size and modification time, leaving out the pages a build
    generated into `docs/` (a build writing them must not start another) and temporary files."""
    generated = _generated(sources.docs) | {MANIFEST}
    found = set()
    for path, recursive in watched_paths(sources):
        files = [path] if path.is_file() else (path.rglob("*") if recursive else path.iterdir())
        for file in files:
            if not file.is_file() or file.name.endswith(".tmp"):
                continue
            if sources.docs in file.parents and file.relative_to(sources.docs).as_posix() in generated:
                continue
            status = file.stat()
            found.add((str(file), status.st_size, status.st_mtime_ns))
    return frozenset(found)


def _generated(docs: Path) -> set[str]:
    """The pages the last build generated into `docs/`, as `docs/.generated` lists them."""
    try:
        lines = (docs / MANIFEST).read_text(encoding="utf-8").splitlines()
    except OSError:
        return set()
    return {line.split("  ", 1)[-1] for line in lines if line.strip()}


def serve(
    build: Callable[[], object],
    sources: Sources,
    site: Path,
    host: str = DEFAULT_HOST,
    port: int = DEFAULT_PORT,
) -> int:
    """Build once, then serve `site` on http://host:port/ and rebuild on every change, until Ctrl-C.

    `build` runs the whole build; a KamerdossierError it raises is printed and the last good site
    stays served. Returns the exit status: 1 when the address cannot be served on (a port in use).
    """
    from mkdocs.livereload import LiveReloadServer

    last = [snapshot(sources)]
    _build_reporting(build)

    def rebuild() -> None:
        now = snapshot(sources)
        if now == last[0]:
            return  # only generated pages changed: the build's own writes
        last[0] = now
        _build_reporting(build)

    server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(site))
    server.error_handler = lambda code: _not_found_page(site) if code == 404 else None
    for path, recursive in watched_paths(sources):
        server.watch(str(path), recursive=recursive)
    print(f"kamerdossier: serving {site} on {server.url} (Ctrl-C stops)", file=sys.stderr, flush=True)
    try:
        server.serve()
    except KeyboardInterrupt:
        print("kamerdossier: stopped", file=sys.stderr)
    except OSError as error:  # binding the address: a port in use, an address not of this machine
        print(f"kamerdossier: cannot serve on {host}:{port}: {error.strerror or error}", file=sys.stderr)
        return 1
    finally:
        server.shutdown()
    return 0


def _build_reporting(build: Callable[[], object]) -> None:
    """Run a build; say how long it took, or why it failed, and never raise."""
    started = time.monotonic()
    try:
        build()
    except KamerdossierError as error:
        print(error_report(error), file=sys.stderr)
        print("kamerdossier: the build failed; still serving the last good site", file=sys.stderr, flush=True)
        return
    except Exception as error:  # a bug must not stop the server: report it as one line
        print(f"kamerdossier: internal error while building ({type(error).__name__}: {error}); please report it; still serving the last good site", file=sys.stderr, flush=True)
        return
    print(f"kamerdossier: built in {time.monotonic() - started:.1f} s", file=sys.stderr, flush=True)


def _not_found_page(site: Path) -> bytes | None:
    try:
        return (site / "404.html").read_bytes()
    except OSError:
        return None

