"""Read a PDF's text layer: its lines, and where and how large each run of characters stands.

The reader interprets nothing: it does not decide what is a footnote, a heading or page furniture
(`generator.parse.layout` does). It returns the page's text as PDFium orders it, one source line
per printed line, and for each line its runs: characters set in one font size on one baseline,
with their position on the page. A line-end hyphen that PDFium marks as such comes back as `-`.

    read_pdf(Path("seeds/ah-tk-20232024-2313.pdf"), "seeds/ah-tk-20232024-2313.pdf", cache)
    -> (("Tweede Kamer der Staten-Generaal 2", "Vergaderjaar 2023–2024 Aanhangsel van de Handelingen", …),
        Layout(pages=(PageLayout(558.4, 771.0), …), lines=(LineLayout(1, 1, (TextRun(0, 32, 36.9, …), …)), …)))

Reading costs about a millisecond per page of text for PDFium's text page plus a few for the
per-character facts; a content-hash cache (`_load_cached`, `_store_cached`) keeps an unchanged PDF
from being read again on the next build.

The library is pypdfium2 (Apache-2.0/BSD-3-Clause bindings to PDFium): it gives each character's
position and font size at a small fraction of pdfplumber's cost, without PyMuPDF's AGPL.
"""

from __future__ import annotations

import ctypes
import functools
import hashlib
import json
import math
import re
from collections.abc import Callable, Iterable
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from generator.cache import prune_folder, write_pickled
from generator.errors import ReadError
from generator.model import Layout, LineLayout, PageLayout, TextRun
from generator.readers.files import read_regular_file

FORMAT = 1
"""The version of what the reader returns; part of the cache key, so a change of the reader
(bump it) never meets an entry it did not write."""

LINE_BREAKS = frozenset("\r\n")
HYPHEN_AT_LINE_END = "\ufffe"
"""PDFium's mark for a hyphen at a line end, which it joins to the next line; we keep the line."""
TOKEN = re.compile(r"[^\W\d_]+|[\s\S]")
"""A run of letters, or any one other character: the steps in which a page's text is read."""
SURROGATE = re.compile("[\ud800-\udfff]")
UNPRINTABLE = frozenset(chr(c) for c in range(32)) | {"\x7f", "\ufeff"}
"""Control characters (PDFium's line breaks are handled before) and byte-order marks carry no text."""


def read_pdf(path: Path, shown: str, cache: Path | None = None) -> tuple[tuple[str, ...], Layout]:
    """Read the PDF at `path` into its lines and their layout; `shown` is the path in messages.

    With a `cache` folder, a PDF read before (the same bytes) is taken from there.
    Raises `ReadError` (`seeds/x.pdf:1: …`) for a broken or encrypted PDF and for one without a
    text layer (a scan).
    """
    data = read_regular_file(path, shown)
    key = cache_key(hashlib.sha256(data).digest())
    if cache is not None:
        found = _load_cached(cache, key)
        if found is not None:
            return found
    lines, layout = read_pdf_bytes(data, shown)
    if cache is not None:
        _store_cached(cache, key, lines, layout)
    return lines, layout


def read_pdf_bytes(data: bytes, shown: str) -> tuple[tuple[str, ...], Layout]:
    """Read a PDF held in memory into its lines and their layout (see `read_pdf`)."""
    if not data.strip():
        raise ReadError(shown, 1, "empty file")
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        raise ReadError(shown, 1, f"not a readable PDF ({_reason(error)})") from None
    lines: list[str] = []
    line_layouts: list[LineLayout] = []
    pages: list[PageLayout] = []
    try:
        for index in range(len(document)):
            try:
                page = document[index]
            except pdfium.PdfiumError as error:
                raise ReadError(shown, 1, f"page {index + 1} cannot be read ({_reason(error)})") from None
            try:
                page_layout, page_lines = _read_page(page, index + 1)
            finally:
                page.close()
            pages.append(page_layout)
            for text, layout in page_lines:
                lines.append(text)
                line_layouts.append(layout)
    finally:
        document.close()
    if not any(text.strip() for text in lines):
        raise ReadError(shown, 1, "the PDF has no text layer (a scanned image?); nothing to read")
    return tuple(lines), Layout(tuple(pages), tuple(line_layouts))


def _reason(error: Exception) -> str:
    """PDFium's reason, without the library's prefix: `Failed to load document (PDFium: Incorrect password error).`"""
    text = str(error)
    return text.split("PDFium: ", 1)[-1].rstrip(").") if "PDFium: " in text else text


def _read_page(page: pdfium.PdfPage, number: int) -> tuple[PageLayout, list[tuple[str, LineLayout]]]:
    """Read one page: its visible size and its lines, each with its runs."""
    left, bottom, right, top = page.get_bbox()
    textpage = page.get_textpage()
    try:
        handle = textpage.raw
        count = pdfium_c.FPDFText_CountChars(handle)
        text = _page_text(handle, count)
        lines = _lines(handle, text, number, left, top)
    finally:
        textpage.close()
    return PageLayout(round(right - left, 2), round(top - bottom, 2)), lines


def _page_text(handle, count: int) -> str:
    """The page's characters in PDFium's order, one per character index.

    PDFium hands the page's text over in UTF-16; a character outside the Basic Multilingual Plane
    would take two code units there and shift every index after it, so such a page is read
    character by character instead.
    """
    if count <= 0:
        return ""
    buffer = (ctypes.c_ushort * (count + 1))()
    written = pdfium_c.FPDFText_GetText(handle, 0, count, buffer)
    text = "".join(map(chr, buffer[: max(0, min(written - 1, count))]))
    if len(text) == count and not SURROGATE.search(text):
        return text
    return "".join(chr(pdfium_c.FPDFText_GetUnicode(handle, index)) for index in range(count))


def _lines(handle, text: str, page: int, left: float, top: float) -> list[tuple[str, LineLayout]]:
    """Split a page's characters into lines and runs.

    A run ends where the PDF's text object changes (a text object has one font size and one
    baseline), and at a gap PDFium filled with a space of its own;
    its first and last characters are placed with their origins, its size read from its matrix.
    The text object is asked for once for each run of letters and for every other character: a
    word does not change its size between two of its letters, and asking for every character
    would double the reading time.
    """
    matrix = (ctypes.c_float * 6)()
    matrix_pointer = ctypes.cast(matrix, ctypes.POINTER(pdfium_c.FS_MATRIX))
    text_object, is_generated = _bound()
    address = ctypes.cast(handle, ctypes.c_void_p).value
    origin_x, origin_y = ctypes.c_double(), ctypes.c_double()

    def place(index: int) -> tuple[float, float]:
        pdfium_c.FPDFText_GetCharOrigin(handle, index, origin_x, origin_y)
        return round(origin_x.value - left, 2), round(top - origin_y.value, 2)

    def size_of(index: int) -> float:
        pdfium_c.FPDFText_GetMatrix(handle, index, matrix_pointer)
        return round(pdfium_c.FPDFText_GetFontSize(handle, index) * math.hypot(matrix[2], matrix[3]), 2)

    out: list[tuple[str, LineLayout]] = []
    chunks: list[str] = []  # the open line's text so far
    length = 0  # its length
    runs: list[TextRun] = []
    run_start = run_end = -1  # offsets in the line of the open run (its end after its last character)
    run_first = run_last = -1  # character indices of the open run's first and last character
    run_key = 0  # the PDF text object the open run's characters belong to

    def close_run() -> None:
        nonlocal run_start
        if run_start < 0:
            return
        x, baseline = place(run_first)
        x_last, _ = place(run_last)
        weight = pdfium_c.FPDFText_GetFontWeight(handle, run_first)
        runs.append(TextRun(run_start, run_end, x, x_last, baseline, size_of(run_first), weight if weight > 0 else 400))
        run_start = -1

    def close_line() -> None:
        nonlocal length
        close_run()
        line_text = "".join(chunks)
        for first, last in _printed_lines(runs):
            start, end = runs[first].start, runs[last].end
            moved = tuple(_moved(run, -start) for run in runs[first : last + 1])
            text = line_text[start:end]
            if out and _goes_on(out[-1][1].runs, moved):
                text, moved = _joined(out[-1], text, moved)
                out.pop()
            out.append((text, LineLayout(page, len(out) + 1, moved)))
        chunks.clear()
        runs.clear()
        length = 0

    for token in TOKEN.finditer(text):
        chunk = token.group()
        index = token.start()
        if chunk in LINE_BREAKS:
            close_line()
            continue
        if chunk == " ":
            if is_generated(address, index) == 1:
                close_run()  # a gap PDFium filled with a space of its own: the words are placed apart
            chunks.append(" ")
            length += 1
            continue
        if chunk in UNPRINTABLE:
            continue
        key = text_object(address, index)  # once a word (or a character that is no letter)
        if key != run_key or run_start < 0:
            close_run()
            run_start, run_first, run_key = length, index, key
        run_last = token.end() - 1
        hyphen = chunk == HYPHEN_AT_LINE_END
        chunks.append("-" if hyphen else chunk)
        length += len(chunk)
        run_end = length
        if hyphen:
            close_line()
    close_line()
    return out


def _moved(run: TextRun, shift: int) -> TextRun:
    """The run with its offsets moved by `shift` (a line cut or joined)."""
    return TextRun(run.start + shift, run.end + shift, run.x, run.x_last, run.baseline, run.size, run.weight)


def _printed_lines(runs: list[TextRun]) -> list[tuple[int, int]]:
    """Split a PDFium line into the printed lines it holds: (first run, last run) of each.

    PDFium at times joins lines set close together (footnote bodies) into one; a printed line
    goes left to right, so a run that starts left of where the run before it ended, or on a
    baseline further away than its size, starts the next line.
    """
    bounds: list[tuple[int, int]] = []
    first = 0
    for index in range(1, len(runs)):
        before, run = runs[index - 1], runs[index]
        if run.x < before.x_last or abs(run.baseline - before.baseline) > max(run.size, before.size):
            bounds.append((first, index - 1))
            first = index
    if runs:
        bounds.append((first, len(runs) - 1))
    return bounds


def _goes_on(before: tuple[TextRun, ...], runs: tuple[TextRun, ...]) -> bool:
    """Whether PDFium broke a printed line: the next one goes on to the right on its baseline
    (after a superscript, PDFium at times starts a new line: `afgewogen¹` / `; hoe rijmt u …`)."""
    main = max(before, key=lambda run: run.size)
    first = runs[0]
    return first.x > before[-1].x_last and abs(first.baseline - main.baseline) < 0.25 * main.size


def _joined(line: tuple[str, LineLayout], text: str, runs: tuple[TextRun, ...]) -> tuple[str, tuple[TextRun, ...]]:
    """Join the rest of a printed line to its start, with a space where the gap is a word space."""
    before_text, before = line
    last = before.runs[-1]
    count = last.end - last.start
    advance = (last.x_last - last.x) / (count - 1) if count > 1 else 0.5 * last.size
    space = " " if runs[0].x - (last.x_last + advance) > 0.2 * runs[0].size else ""
    shift = len(before_text) + len(space)
    moved = tuple(_moved(run, shift) for run in runs)
    return before_text + space + text, (*before.runs, *moved)


@functools.cache
def _bound() -> tuple[Callable[[int, int], int | None], Callable[[int, int], int]]:
    """PDFium's FPDFText_GetTextObject (text page, index: the character's text object, as an
    address) and FPDFText_IsGenerated (1 for a character PDFium made up), bound with plain
    addresses: the binding's own pointer types cost more than the calls, which run once a word."""
    prototype = ctypes.CFUNCTYPE(ctypes.c_void_p, ctypes.c_void_p, ctypes.c_int)
    flag = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int)
    return (
        prototype(ctypes.cast(pdfium_c.FPDFText_GetTextObject, ctypes.c_void_p).value),
        flag(ctypes.cast(pdfium_c.FPDFText_IsGenerated, ctypes.c_void_p).value),
    )


# --- The cache: read in `_load_cached`, written in `_store_cached`, pruned in `prune_cached`. ----
# One JSON file per PDF content (and reader format and PDFium build), named by its hash, in
# `<cache>/pdf/`. An entry is written whole (to a temporary file, then renamed) or not at all;
# an entry that cannot be read is ignored and the PDF read again. After a build, the entries of
# PDFs it does not hold are removed (`prune_cached`).

CACHE_FOLDER = "pdf"
CACHE_ENTRY = re.compile(r"[0-9a-f]{64}-[0-9]+-[0-9]+\.json")
"""The name of an entry (`cache_key`, `.json`); what `prune_cached` may remove."""


def cache_key(digest: bytes) -> str:
    """The key of the entry of a PDF whose bytes hash to `digest` (SHA-256): the hash, the
    reader's `FORMAT` and PDFium's build."""
    return f"{digest.hex()}-{FORMAT}-{pdfium.PDFIUM_INFO.build}"


def prune_cached(cache: Path, digests: Iterable[bytes]) -> int:
    """Remove the entries no PDF whose bytes hash to one of `digests` (a build's PDFs) reads: those
    of PDFs gone or changed, or read by another reader or PDFium. Give how many were removed."""
    return prune_folder(cache / CACHE_FOLDER, {f"{cache_key(digest)}.json" for digest in digests}, CACHE_ENTRY)


def _load_cached(cache: Path, key: str) -> tuple[tuple[str, ...], Layout] | None:
    """The lines and layout stored for `key`, or None when there is no (readable) entry."""
    try:
        stored = json.loads((cache / CACHE_FOLDER / f"{key}.json").read_text(encoding="utf-8"))
        pages = tuple(PageLayout(*page) for page in stored["pages"])
        layouts = tuple(
            LineLayout(page, line, tuple(TextRun(*run) for run in runs)) for page, line, runs in stored["layout"]
        )
        lines = tuple(stored["lines"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if len(lines) != len(layouts):
        return None
    return lines, Layout(pages, layouts)


def _store_cached(cache: Path, key: str, lines: tuple[str, ...], layout: Layout) -> None:
    """Store what the reader returned under `key`; a cache that cannot be written is left alone."""
    entry = {
        "lines": list(lines),
        "pages": [[page.width, page.height] for page in layout.pages],
        "layout": [
            [line.page, line.line, [[r.start, r.end, r.x, r.x_last, r.baseline, r.size, r.weight] for r in line.runs]]
            for line in layout.lines
        ],
    }
    write_pickled(cache / CACHE_FOLDER / f"{key}.json", json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
