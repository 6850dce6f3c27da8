"""The whole build as one readable function: read, parse, link, render, write, mkdocs build."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from generator.errors import BuildFailed, SourceError
from generator.link import link_corpus
from generator.model import Corpus, Diagnostic, Record
from generator.parse import parse_record
from generator.permanence import (
    address_sort_key,
    addresses_of_pages,
    format_manifest,
    missing_addresses,
    missing_report,
    read_manifest,
    read_page_html,
)
from generator.readers import find_sources, read_source
from generator.readers.annotations import read_annotations
from generator.readers.glossary import read_glossary
from generator.render.annotations import annotation_problems
from generator.redirects import NO_REDIRECTS, read_redirects, redirect_files, redirect_problems
from generator.render import render_site
from generator.write import write_files, write_pages


@dataclass(frozen=True)
class BuildResult:
    """What a build produced: the pages it wrote, every diagnostic it met, the addresses its site serves."""

    pages: tuple[str, ...]
    diagnostics: tuple[Diagnostic, ...]
    addresses: frozenset[str] = frozenset()  # filled when the permanence check ran (issue 4)


def _shown(path: Path, seeds: Path) -> str:
    """The path as messages show it: `seeds/<file>` relative to the seeds folder's parent."""
    return f"{seeds.name}/{path.name}"


def parse_sources(seeds: Path) -> tuple[tuple[Record, ...], tuple[Diagnostic, ...]]:
    """Read and parse every source in `seeds`; a bad one is reported and the rest still parse."""
    records: list[Record] = []
    diagnostics: list[Diagnostic] = []
    for path in find_sources(seeds):
        try:
            record, found = parse_record(read_source(path, _shown(path, seeds)))
        except SourceError as error:
            diagnostics.append(error.diagnostic)
            continue
        except Exception as error:  # a parser bug must not stop the other letters: report it as an error
            diagnostics.append(Diagnostic(_shown(path, seeds), 1, f"internal error while parsing ({type(error).__name__}: {error}); please report it"))
            continue
        records.append(record)
        diagnostics.extend(found)
    return tuple(records), tuple(diagnostics)


def link_sources(seeds: Path, glossary: Path | None = None, annotations: Path | None = None) -> Corpus:
    """Read and parse the letters in `seeds`, the `glossary` (`begrippen.yml`) and the editorial
    notes in `annotations/`, and link them; a note naming a letter or anchor the site lacks is an error."""
    records, parse_diagnostics = parse_sources(seeds)
    terms, glossary_diagnostics = read_glossary(glossary, glossary.name) if glossary else ((), ())
    notes, note_diagnostics = read_annotations(annotations, annotations.name) if annotations else ((), ())
    corpus = link_corpus(records, parse_diagnostics + glossary_diagnostics, terms)
    corpus = replace(corpus, annotations=notes)
    return replace(corpus, diagnostics=corpus.diagnostics + note_diagnostics + annotation_problems(corpus))


SCHEMA = Path(__file__).parent / "schema" / "kamerdossier.schema.json"
"""The JSON Schema of the open data, published beside it as data/kamerdossier.schema.json."""


def generate(
    seeds: Path, docs: Path, site_url: str | None = None, glossary: Path | None = None, annotations: Path | None = None
) -> BuildResult:
    """Turn the letters in `seeds` into Markdown pages in `docs` (read, parse, link, render, write).

    With the site's address (`site_url`), the open data (JSON with absolute URLs, CSV, Atom
    feeds, the JSON Schema) is rendered beside the pages too. The `glossary` file's terms
    (`begrippen.yml`) are explained wherever a letter uses them, and the editorial notes in
    `annotations` stand at their anchors.
    """
    corpus = link_sources(seeds, glossary, annotations)
    pages = render_site(corpus, site_url)
    if site_url:
        pages["data/kamerdossier.schema.json"] = SCHEMA.read_text(encoding="utf-8")
    write_pages(pages, docs)
    return BuildResult(tuple(sorted(pages)), corpus.diagnostics)


def site_url_of(config: Path) -> str | None:
    """The `site_url` of a MkDocs configuration, or None when it has none."""
    from mkdocs.config import load_config

    return load_config(str(config)).site_url or None


def build(
    seeds: Path,
    docs: Path,
    site: Path | None,
    config: Path,
    strict: bool = False,
    manifest: Path | None = None,
    redirects: Path | None = None,
    glossary: Path | None = None,
    annotations: Path | None = None,
) -> BuildResult:
    """Generate the pages, report every diagnostic, then build the site with MkDocs.

    In strict mode any error (bad input: an unreadable file, a letter without questions, a
    footnote marker without a body) fails the build after all diagnostics are reported, and
    MkDocs runs strict too. Warnings (what the source itself lacks, such as a footnote that no
    marker refers to, or a citation too vague to link) are reported and never fail it.

    Given a `manifest` (published.txt), the built site must still serve every address in it, or a
    redirect declared in `redirects` (redirects.toml) must lead there; the redirects are then
    written into the site. A published address that is gone fails the build, strict or not.
    """
    result = generate(seeds, docs, site_url_of(config), glossary, annotations)
    for diagnostic in result.diagnostics:
        print(f"{diagnostic.severity}: {diagnostic}", file=sys.stderr)
    errors = [d for d in result.diagnostics if d.severity == "error"]
    if strict and errors:
        raise BuildFailed(f"{len(errors)} error(s) in the sources; strict build stopped")
    if site is not None:
        site_url = _mkdocs_build(config, docs, site, strict)
        if manifest is not None:
            result = replace(result, addresses=frozenset(keep_published_addresses(site, manifest, redirects, site_url)))
    return result


def _mkdocs_build(config: Path, docs: Path, site: Path, strict: bool) -> str | None:
    """Run `mkdocs build` on the generated docs folder; return the configured `site_url`."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    mkdocs_config = load_config(
        str(config), docs_dir=str(docs.resolve()), site_dir=str(site.resolve()), strict=strict
    )
    from mkdocs.exceptions import MkDocsException

    mkdocs_config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(mkdocs_config)
    except MkDocsException as error:  # strict mode's Abort after its warnings, a theme or plugin error
        raise BuildFailed(f"mkdocs: {error}") from None
    finally:
        mkdocs_config.plugins.on_shutdown()
    return mkdocs_config.site_url or None


# --- Permanence (issue 4): a published address keeps working -------------------------------------


def keep_published_addresses(
    site: Path, manifest: Path, redirects: Path | None = None, site_url: str | None = None
) -> set[str]:
    """Check that every published address still leads somewhere, then write the redirects into `site`.

    Fails with BuildFailed naming, as `published.txt:<line>: no longer produced — <address>`, each
    address in `manifest` that the built site no longer serves and no redirect declared in
    `redirects` leads to, and each declared redirect that cannot work. Returns the addresses the
    site serves (its own pages and their citable ids, without the redirect pages).
    """
    pages = read_page_html(site)
    reachable = addresses_of_pages(pages, citable_only=False)  # a redirect may lead to any id
    declared = read_redirects(redirects) if redirects is not None else NO_REDIRECTS
    published = read_manifest(manifest)
    problems = redirect_problems(declared, reachable)
    missing = missing_addresses(published, reachable, declared)
    if missing:
        problems.append(missing_report(missing, published, manifest.name))
    if problems:
        raise BuildFailed("\n".join(problems))
    write_files(redirect_files(declared, reachable, pages, site_url), site)
    return addresses_of_pages(pages)


def publish(manifest: Path, addresses: Iterable[str]) -> list[str]:
    """Add to `manifest` every address not listed yet, never removing one; return the added ones."""
    published = read_manifest(manifest)
    added = sorted(set(addresses) - set(published), key=address_sort_key)
    write_files({manifest.name: format_manifest(set(published) | set(addresses))}, manifest.parent)
    return added
