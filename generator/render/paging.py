"""Split a long list over numbered pages, so no page grows with the corpus.

    partijen/bbb.md, partijen/bbb/2.md, partijen/bbb/3.md     `continued_pages("partijen/bbb.md", 3)`
    Pagina 2 van 3: [pagina 1](../bbb.md), pagina 2, [pagina 3](3.md).   `pages_line(…, 2)`
    Pagina 9 van 40: [pagina 1](../bbb.md), …, [pagina 7](7.md), [pagina 8](8.md), pagina 9, [pagina 10](10.md), …
    BBB (pagina 2)                                             `page_title("BBB", 2)`

A list is cut into pages by `chunked`: whole items (a letter with its questions), each page
taking items until it holds a given number of lines, so a page never holds much more than that
however many items there are. The first page keeps the address the list always had; the others
are in a folder of its name, where no other page of the site can be.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from generator.render.addresses import relative_link

__all__ = ["chunked", "continued_pages", "page_title", "pages_line"]

Item = TypeVar("Item")

NEIGHBOURS = 2
"""How many pages either side of the one shown its line of pages links (besides the first and the last)."""


def chunked(items: Iterable[Item], limit: int, weight: Callable[[Item], int] = lambda item: 1) -> list[list[Item]]:
    """Cut `items`, in order, into pages: a page takes whole items until their `weight` adds up to
    `limit` or more, then the next page starts. Always at least one page (empty for no items).

    >>> chunked("abcde", 2)
    [['a', 'b'], ['c', 'd'], ['e']]
    >>> chunked([3, 1, 1, 2], 3, weight=int)
    [[3], [1, 1, 2]]
    """
    pages: list[list[Item]] = [[]]
    held = 0
    for item in items:
        if held >= limit:
            pages.append([])
            held = 0
        pages[-1].append(item)
        held += weight(item)
    return pages


def continued_pages(page: str, count: int) -> list[str]:
    """`page` and its continuations in a folder of its name: `x.md`, `x/2.md`, … (`count` in all)."""
    return [page] + [f"{page.removesuffix('.md')}/{number}.md" for number in range(2, count + 1)]


def page_title(title: str, number: int) -> str:
    """The title of page `number` (from 1) of a list: `BBB`, then `BBB (pagina 2)`."""
    return title if number == 1 else f"{title} (pagina {number})"


def pages_line(addresses: list[str], number: int) -> str:
    """`Pagina 2 van 3: [pagina 1](…), pagina 2, [pagina 3](…).` on page `number` (from 1); nothing
    for one page. Of many pages it links the first, the last and the `NEIGHBOURS` either side of
    this one, with `…` for the pages between, so the line stays short however many pages follow:
    `Pagina 9 van 40: [pagina 1](…), …, [pagina 7](…), [pagina 8](…), pagina 9, [pagina 10](…), …`."""
    if len(addresses) < 2:
        return ""
    here = addresses[number - 1]
    shown = {1, len(addresses), *range(max(1, number - NEIGHBOURS), min(len(addresses), number + NEIGHBOURS) + 1)}
    shown |= {other + 1 for other in shown if other + 2 in shown}  # `…` never stands for one page
    links, before = [], 0
    for other in sorted(shown):
        if other > before + 1:
            links.append("…")
        links.append(f"pagina {other}" if other == number else f"[pagina {other}]({relative_link(here, addresses[other - 1])})")
        before = other
    return f"Pagina {number} van {len(addresses)}: {', '.join(links)}."
