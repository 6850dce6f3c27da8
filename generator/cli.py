"""The `kamerdossier` command line. Nothing runs at import."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from generator.build import BuildResult, build, publish
from generator.errors import KamerdossierError, error_report
from generator.permanence import NEW_SITE_FLAG
from generator.serve import DEFAULT_HOST, DEFAULT_PORT, Sources, serve


def _overrides(config: Path) -> Path | None:
    """The theme's `custom_dir` of a MkDocs configuration (overrides/), to watch; None without one."""
    from mkdocs.config import load_config

    try:
        custom = load_config(str(config)).theme.custom_dir
    except Exception:  # a broken configuration: the build will say what is wrong
        return None
    return Path(custom) if custom else None


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="kamerdossier", description="Build an annotated site from parliamentary letters."
    )
    commands = parser.add_subparsers(dest="command", required=True)
    build_command = commands.add_parser("build", help="generate the pages and build the site")
    # Permanence (issue 4): `publish` builds like `build`, then adds the new addresses to published.txt.
    publish_command = commands.add_parser("publish", help="build the site, then add the addresses it serves to published.txt")
    # Incremental builds (issue 9): `serve` builds, serves site/ here and rebuilds as sources change.
    serve_command = commands.add_parser("serve", help="build the site, serve it on this machine, rebuild and reload pages on every change")
    for command in (build_command, publish_command, serve_command):
        command.add_argument("--seeds", type=Path, default=Path("seeds"), help="folder of letters (default: seeds)")
        command.add_argument("--docs", type=Path, default=Path("docs"), help="where pages are generated (default: docs)")
        command.add_argument("--site", type=Path, default=Path("site"), help="where the site is built (default: site)")
        command.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="MkDocs configuration (default: mkdocs.yml)")
        command.add_argument("--strict", action="store_true", help="fail on any problem in the sources or the site")
        command.add_argument("--manifest", type=Path, default=Path("published.txt"), help="addresses that must keep working (default: published.txt)")
        command.add_argument("--glossary", type=Path, default=Path("begrippen.yml"), help="terms explained where letters use them (default: begrippen.yml)")
        command.add_argument("--annotations", type=Path, default=Path("annotations"), help="folder of editorial notes (default: annotations)")
        command.add_argument("--redirects", type=Path, default=Path("redirects.toml"), help="redirects of moved pages and renamed anchors (default: redirects.toml)")
        command.add_argument(NEW_SITE_FLAG, action="store_true", help="a site that has published nothing yet: no published.txt to check (else a missing one is an error)")
        command.add_argument("--cache", type=Path, default=None, help="where PDFs once read are kept, by content (default: .cache beside the seeds folder)")
        command.add_argument("--no-cache", action="store_true", help="read every PDF again, neither using nor filling the cache")
    build_command.add_argument("--no-site", action="store_true", help="only generate the Markdown pages (no site, no address check)")
    serve_command.add_argument("--host", default=DEFAULT_HOST, help=f"address to serve on (default: {DEFAULT_HOST}, this machine only)")
    serve_command.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port to serve on (default: {DEFAULT_PORT})")
    for command in (build_command, publish_command, serve_command):
        command.add_argument("--verbose", action="store_true", help="also show MkDocs' progress messages")
    return parser


def _show_mkdocs_messages(verbose: bool) -> None:
    """Print MkDocs' own warnings (broken links, strict-mode reasons) on standard error."""
    logger = logging.getLogger("mkdocs")
    for old in [h for h in logger.handlers if getattr(h, "kamerdossier", False)]:
        logger.removeHandler(old)  # one handler, on today's standard error
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("mkdocs %(levelname)s: %(message)s"))
    handler.kamerdossier = True  # type: ignore[attr-defined]
    logger.addHandler(handler)
    logger.setLevel(logging.INFO if verbose else logging.WARNING)


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = _parser().parse_args(argv)
    _show_mkdocs_messages(args.verbose)
    site = None if getattr(args, "no_site", False) else args.site
    cache = None if args.no_cache else (args.cache or args.seeds.parent / ".cache")

    def build_once(strict: bool = args.strict) -> BuildResult:
        return build(
            args.seeds, args.docs, site, args.config, strict, args.manifest, args.redirects, args.new_site,
            args.glossary, args.annotations, cache=cache,
        )

    if args.command == "serve":  # strict: a bad letter stops the build before the site changes
        sources = Sources(args.seeds, args.docs, args.config, args.glossary, args.annotations, _overrides(args.config))
        return serve(lambda: build_once(strict=True), sources, args.site, args.host, args.port)
    try:
        result = build_once()
        added = publish(args.manifest, result.addresses) if args.command == "publish" else None
    except KamerdossierError as error:
        print(error_report(error), file=sys.stderr)
        return 1
    print(f"kamerdossier: {len(result.pages)} pages, {len(result.diagnostics)} problem(s)", file=sys.stderr)
    if added is not None:
        print(f"kamerdossier: {len(added)} new address(es) added to {args.manifest}", file=sys.stderr)
    return 0
