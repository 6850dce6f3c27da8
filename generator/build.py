"""The whole build as one readable function: read, parse, link, render, write, mkdocs build."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from generator.errors import BuildFailed, SourceError
from generator.link import link_corpus
from generator.model import Diagnostic, Record
from generator.parse import parse_record
from generator.readers import find_sources, read_source
from generator.render import render_site
from generator.write import write_pages


@dataclass(frozen=True)
class BuildResult:
    """What a build produced: the pages it wrote and every diagnostic it met."""

    pages: tuple[str, ...]
    diagnostics: tuple[Diagnostic, ...]


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
        records.append(record)
        diagnostics.extend(found)
    return tuple(records), tuple(diagnostics)


def generate(seeds: Path, docs: Path) -> BuildResult:
    """Turn the letters in `seeds` into Markdown pages in `docs` (read, parse, link, render, write)."""
    records, parse_diagnostics = parse_sources(seeds)
    corpus = link_corpus(records, parse_diagnostics)
    pages = render_site(corpus)
    write_pages(pages, docs)
    return BuildResult(tuple(sorted(pages)), corpus.diagnostics)


def build(seeds: Path, docs: Path, site: Path | None, config: Path, strict: bool = False) -> BuildResult:
    """Generate the pages, report every diagnostic, then build the site with MkDocs.

    In strict mode any error (bad input: an unreadable file, a letter without questions, a
    footnote marker without a body) fails the build after all diagnostics are reported, and
    MkDocs runs strict too. Warnings (what the source itself lacks, such as a footnote that no
    marker refers to, or a citation too vague to link) are reported and never fail it.
    """
    result = generate(seeds, docs)
    for diagnostic in result.diagnostics:
        print(f"{diagnostic.severity}: {diagnostic}", file=sys.stderr)
    errors = [d for d in result.diagnostics if d.severity == "error"]
    if strict and errors:
        raise BuildFailed(f"{len(errors)} error(s) in the sources; strict build stopped")
    if site is not None:
        _mkdocs_build(config, docs, site, strict)
    return result


def _mkdocs_build(config: Path, docs: Path, site: Path, strict: bool) -> None:
    """Run `mkdocs build` on the generated docs folder."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    mkdocs_config = load_config(
        str(config), docs_dir=str(docs.resolve()), site_dir=str(site.resolve()), strict=strict
    )
    mkdocs_config.plugins.on_startup(command="build", dirty=False)
    try:
        mkdocs_build(mkdocs_config)
    finally:
        mkdocs_config.plugins.on_shutdown()
