"""The `kamerdossier` command line. Nothing runs at import."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator.build import build
from generator.errors import KamerdossierError


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kamerdossier", description="Build an annotated site from parliamentary letters."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    build_command = commands.add_parser("build", help="generate the pages and build the site")
    build_command.add_argument("--seeds", type=Path, default=Path("seeds"), help="folder of letters (default: seeds)")
    build_command.add_argument("--docs", type=Path, default=Path("docs"), help="where pages are generated (default: docs)")
    build_command.add_argument("--site", type=Path, default=Path("site"), help="where the site is built (default: site)")
    build_command.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="MkDocs configuration (default: mkdocs.yml)")
    build_command.add_argument("--no-site", action="store_true", help="only generate the Markdown pages")
    build_command.add_argument("--strict", action="store_true", help="fail on any problem in the sources or the site")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    try:
        result = build(args.seeds, args.docs, None if args.no_site else args.site, args.config, args.strict)
    except KamerdossierError as error:
        print(f"kamerdossier: {error}", file=sys.stderr)
        return 1
    print(f"kamerdossier: {len(result.pages)} pages, {len(result.diagnostics)} problem(s)", file=sys.stderr)
    return 0
