"""Benchmark: the time to read one development PDF, against PDFium's plain text extraction.

For each PDF in tests/fixtures/letters/ (the eight official Aanhangsel letters of issue 8) this
prints the median of many reads of:

- `read`: `generator.readers.pdf.read_pdf_bytes`, the reader the build uses (lines and layout);
- `plain`: pypdfium2's plain text of every page (`get_text_range`), the lower bound: any reader
  of the text layer pays at least this;
- `cached`: `read_pdf` served from a warm cache (hash the file, load the entry);
- `parse`: `parse_record` on what the reader gave (layout cleaning, letters, questions).

    python benchmarks/pdf.py            # 30 rounds per file
    python benchmarks/pdf.py 100        # more rounds

The issue's goal: at most 30 ms median to read a typical 4-page letter on this machine. Speed
goals live here, never in timed tests.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium

from generator.model import SourceText
from generator.parse import parse_record
from generator.readers.pdf import read_pdf, read_pdf_bytes

LETTERS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "letters"
GOAL_MS = 30.0
TYPICAL_PAGES = 4


def _plain_text(data: bytes) -> str:
    """PDFium's plain text of every page: the least any reader of the text layer does."""
    document = pdfium.PdfDocument(data)
    try:
        texts = []
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        return "\n".join(texts)
    finally:
        document.close()


def _median_ms(work: Callable[[], object], rounds: int) -> float:
    work()  # warm up (imports, PDFium's font cache)
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def main(argv: list[str]) -> int:
    rounds = int(argv[0]) if argv else 30
    paths = sorted(LETTERS.glob("*.pdf"))
    if not paths:
        print(f"no PDFs in {LETTERS}", file=sys.stderr)
        return 1
    print(f"{'letter':<22} {'pages':>5} {'read ms':>8} {'plain ms':>9} {'cached ms':>10} {'parse ms':>9}")
    typical: list[float] = []
    with tempfile.TemporaryDirectory() as folder:
        cache = Path(folder)
        for path in paths:
            data = path.read_bytes()
            shown = f"seeds/{path.name}"
            lines, layout = read_pdf_bytes(data, shown)
            read_pdf(path, shown, cache)  # fill the cache
            source = SourceText(shown, lines, layout=layout)
            read = _median_ms(lambda: read_pdf_bytes(data, shown), rounds)
            plain = _median_ms(lambda: _plain_text(data), rounds)
            cached = _median_ms(lambda: read_pdf(path, shown, cache), rounds)
            parse = _median_ms(lambda: parse_record(source), rounds)
            pages = len(layout.pages)
            if pages == TYPICAL_PAGES:
                typical.append(read)
            print(f"{path.stem:<22} {pages:>5} {read:>8.1f} {plain:>9.1f} {cached:>10.1f} {parse:>9.1f}")
    if typical:
        median = statistics.median(typical)
        verdict = "within" if median <= GOAL_MS else "over"
        print(f"median time to read a {TYPICAL_PAGES}-page letter: {median:.1f} ms ({verdict} the goal of {GOAL_MS:.0f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
