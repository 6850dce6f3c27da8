"""Split a long list over numbered pages, so no page grows with the corpus.

    partijen/bbb.md, partijen/bbb/2.md, partijen/bbb/3.md     `continued_pages("partijen/bbb.md", 3)`
    Pagina 2 van 3: [pagina 1](../bbb.md), pagina 2, [pagina 3](3.md).   `pages_line(…, 2)`
"""

from __future__ import annotations

from generator.render.addresses import relative_link

__all__ = ["continued_pages", "pages_line"]


def continued_pages(page: str, count: int) -> list[str]:
    """`page` and its continuations in a folder of its name: `x.md`, `x/2.md`, … (`count` in all)."""
    return [page] + [f"{page.removesuffix('.md')}/{number}.md" for number in range(2, count + 1)]


def pages_line(addresses: list[str], number: int) -> str:
    """`Pagina 2 van 3: [pagina 1](…), pagina 2, [pagina 3](…).` on page `number` (from 1); nothing for one page."""
    if len(addresses) < 2:
        return ""
    here = addresses[number - 1]
    links = [f"pagina {other}" if other == number else f"[pagina {other}]({relative_link(here, target)})"
             for other, target in enumerate(addresses, 1)]
    return f"Pagina {number} van {len(addresses)}: {', '.join(links)}."
