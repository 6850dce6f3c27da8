"""The inline syntax the site never writes is switched off (generator/mdext_syntax.py), and every
page of the seeds' site reads the same without it."""

from __future__ import annotations

from pathlib import Path

import markdown
from mkdocs.config import load_config

from generator.mdext_syntax import UNUSED

CONFIG = Path(__file__).resolve().parents[2] / "mkdocs.yml"
EXTENSION = "generator.mdext_syntax"


def _converters() -> tuple[markdown.Markdown, markdown.Markdown]:
    config = load_config(str(CONFIG))
    extensions = config["markdown_extensions"]
    assert EXTENSION in extensions
    without = [extension for extension in extensions if extension != EXTENSION]
    return (
        markdown.Markdown(extensions=extensions, extension_configs=config["mdx_configs"]),
        markdown.Markdown(extensions=without, extension_configs=config["mdx_configs"]),
    )


def test_every_page_of_the_seed_site_is_the_same_html_without_the_unused_syntax(built_site: Path) -> None:
    site, full = _converters()
    pages = sorted((built_site.parent / "docs").rglob("*.md"))  # generated and hand-written
    assert len(pages) > 50
    changed = [page.name for page in pages if site.reset().convert(text := page.read_text(encoding="utf-8")) != full.reset().convert(text)]
    assert changed == []


def test_the_unused_syntax_shows_as_written() -> None:
    """Synthetic: the site writes none of this; switched off, it is text."""
    site, full = _converters()
    text = "![beeld](x.png) [tekst][1] <https://example.nl/> regel  \nvolgende\n\n[1]: https://example.nl/\n"
    html = site.convert(text)
    assert "<img" not in html and "<a" not in html and "<br" not in html
    assert "<img" in full.convert(text)
    assert all(name not in site.inlinePatterns for name in UNUSED)
