"""A Python-Markdown extension: only the inline syntax the site writes is looked for (issue 9).

Python-Markdown tries each of its inline patterns on every run of text of every page, in turn;
on a letter page that is most of the time MkDocs spends. The pages the generator writes use links
(`[vraag 7](…#bbb-vraag-7)`), footnote references (`[^3]`), backslash escapes, `*` and `**`
emphasis, raw inline HTML (`<abbr>`, `<sup>`, `<span>`) and character references; the
hand-written pages (`docs/over.md`, `docs/citeren.md`) no more. The patterns for syntax the site
never writes are switched off (UNUSED): images, reference-style links (`[tekst][1]`, `[tekst]`),
autolinks (`<https://…>`, `<naam@…>`) and hard line breaks (two spaces at a line's end). Letter
text is escaped before it becomes Markdown (generator/render/escape.py), so none of these could
come from a letter either; without them, such text shows as written.

Registered as the Markdown extension `generator.mdext_syntax` (mkdocs.yml).
"""

from __future__ import annotations

from markdown import Markdown
from markdown.extensions import Extension

UNUSED = (
    "reference",
    "short_reference",
    "image_link",
    "image_reference",
    "short_image_ref",
    "autolink",
    "automail",
    "linebreak",
)
"""Python-Markdown's names of the inline patterns for syntax the site does not use."""


class SiteSyntaxExtension(Extension):
    """Look only for the inline syntax the site writes."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        md.registerExtension(self)
        for name in UNUSED:
            if name in md.inlinePatterns:
                md.inlinePatterns.deregister(name)


def makeExtension(**kwargs: object) -> SiteSyntaxExtension:  # noqa: N802 (Python-Markdown's name)
    """Let Python-Markdown load the extension by module name: `generator.mdext_syntax`."""
    return SiteSyntaxExtension(**kwargs)
