"""Benchmark: hostile input must cost time in proportion to its size (issue 7, "no hang").

Each input class is a real seed letter with one hostile thing injected (a line of 100 KB without
a space, a run of em spaces in a member's name, `aan de x aan de x …` without `over`, a URL
ending in thousands of `)`, …), built at two sizes of the injected part, 10 KB and 100 KB. The
stages at risk -- parse, link and render of that letter -- are timed together (the best of a
few runs), and so is the seed letter without the injection. The ratio is the growth of the time
the injection costs (time minus the seed's own time) from 10 KB to 100 KB: about 10 means
linear; a quadratic pass shows as about 100. None may be worse than 15.

Then a letter of about 50 MB -- many copies of the real question, answer and footnote
paragraphs of the seeds -- is parsed, linked and rendered, and each stage's time is printed; the
whole must stay under a minute.

    python benchmarks/adversarial.py             # every class, then the 50 MB letter
    python benchmarks/adversarial.py url em      # only classes whose name contains a word
    python benchmarks/adversarial.py --no-large  # skip the 50 MB letter
    python benchmarks/adversarial.py --large-mb 5

Exits 1 when a ratio is worse than 15, a class raises, or the large letter takes a minute or
more. Speed goals live here, never in timed tests; tests/security/test_linear*.py builds the
same classes at small sizes and checks what comes out.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from generator.link import link_corpus
from generator.model import SourceText
from generator.parse import parse_record
from generator.render import render_site

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
QUESTIONS = "000_04ae587ba6eeb66d"  # the Tweede Kamer's written questions
VERSLAG = "001_dfb242f75dbdc9fb"  # the Eerste Kamer's verslag of a schriftelijk overleg
SITE_URL = "https://kamerdossier.example/"
EM = "\u2003"  # em space

SMALL, LARGE = 10_000, 100_000
"""The sizes of the injected part, in characters."""
WORST_RATIO = 15.0
LARGE_LETTER_MB = 50
LARGE_LETTER_SECONDS = 60.0


def seed_text(name: str) -> str:
    """The text of seed `name` as in `seeds/`."""
    return (SEEDS / f"{name}.txt").read_text(encoding="utf-8")


def injected(name: str, old: str, new: str) -> str:
    """Seed `name` with its first `old` replaced by `new`."""
    text = seed_text(name)
    if old not in text:
        raise ValueError(f"{old!r} is not in seeds/{name}.txt")
    return text.replace(old, new, 1)


def repeated(unit: str, size: int) -> str:
    """`unit` repeated to about `size` characters."""
    return unit * max(1, size // len(unit))


@dataclass(frozen=True)
class HostileClass:
    """One class of hostile input: a seed with `inject(size)` put in place of `old`."""

    name: str
    seed: str
    old: str
    inject: Callable[[int], str]

    def text(self, size: int) -> str:
        """The seed with the injection of about `size` characters."""
        return injected(self.seed, self.old, self.inject(size))


Q1 = "Vraag 1Bent u bekend met het bericht"
"""The first question of the written questions: injected text lands in a question."""


def in_question(payload: str) -> str:
    """Question 1 of the written questions with `payload` before its text."""
    return f"Vraag 1Zie {payload} Bent u bekend met het bericht"


def in_answer(payload: str) -> str:
    """An answer 1 holding `payload`, put before question 1 of the written questions (the letter
    becomes an Aanhangsel answer, whose answers are read for referrals and their status)."""
    return f"Antwoord 1Zie {payload}\n\n{Q1}"

ANSWER = "Allereerst wil ik graag aangeven dat de drie criteria"
"""The first sentence of the first answer in the verslag."""
MEMBERS = "Kathmann (GroenLinks-PvdA)"
HEADER_ADDRESSEE = "aan de staatssecretarissen van Financiën en van Binnenlandse Zaken en Koninkrijksrelaties\u00a0over \nde overstap van de Belastingdienst naar Microsoft"
LETTER_ADDRESSEE = "Aan de staatssecretaris van Financiën - Fiscaliteit, Belastingdienst en Douane"
SECTION = "Vragen en opmerkingen van de leden van de fractie van BBB"
LAST_LINE = "Minister van Economische Zaken op 2 juni 2025 (link)."
"""The last line of the written questions (a footnote body)."""
CLOSING_LETTER = "\n\n BRIEF VAN DE MINISTER VAN FINANCIËN\n\nAan de Voorzitter\n\nHierbij zend ik u de antwoorden.\n\nDe minister van Financiën,\n\n{name}\n"
"""A short letter after the written questions, to end in a signature (a synthetic one: no seed
holds a letter this short)."""
LETTER_WITH_NOTES = (
    "\n\n BRIEF VAN DE MINISTER VAN FINANCIËN\n\nAan de Voorzitter\n\nHierbij zend ik u de antwoorden.\n\n"
    + "".join(f"{number} Noot {number} bij de brief.\n" for number in range(1, 21))
)
"""A short letter with twenty footnote bodies and no markers; each letter numbers its own."""
URL_END = "financi%C3%ABn-uitrol-m365"

CLASSES: tuple[HostileClass, ...] = (
    # one line of text without a space: the line-end vocabulary pass, hyphen mending, markers
    HostileClass("line without spaces", QUESTIONS, Q1, lambda n: "Vraag 1" + "x" * n + "\n\nBent u bekend met het bericht"),
    HostileClass("line without spaces, hyphen at its end", QUESTIONS, Q1, lambda n: f"Vraag 1Bent {'x' * n}-\nbericht"),
    HostileClass("line of letters and digits", QUESTIONS, Q1, lambda n: "Vraag 1" + repeated("a1", n) + "\n\nBent u bekend met het bericht"),
    HostileClass("line of hyphens", QUESTIONS, Q1, lambda n: "Vraag 1Bent u " + repeated("a-", n) + "\nbericht"),
    HostileClass("lines ending in a hyphen, one paragraph", QUESTIONS, Q1, lambda n: "Vraag 1Bent " + repeated("de beoorde-\nling ", n) + "bericht"),
    HostileClass("short lines, one paragraph", QUESTIONS, Q1, lambda n: "Vraag 1Bent " + repeated("u bekend\n", n) + "met het bericht"),
    HostileClass("paragraphs of one question", QUESTIONS, Q1, lambda n: "Vraag 1Bent u bekend?\n\n" + repeated("Zo ja, kunt u deze delen?\n\n", n) + "Met het bericht"),
    HostileClass("spaces in a line", QUESTIONS, Q1, lambda n: "Vraag 1Bent " + " " * n + "u bekend met het bericht"),
    # runs of em spaces (U+2003: white space to the patterns, untouched by the cleaning)
    HostileClass("em spaces in a member name", QUESTIONS, MEMBERS, lambda n: "Kath" + EM * n + "mann (GroenLinks-PvdA)"),
    HostileClass("em spaces before a party", QUESTIONS, MEMBERS, lambda n: "Kathmann" + EM * n + "(GroenLinks-PvdA)"),
    HostileClass("em spaces in the addressee of written questions", QUESTIONS, "aan de staatssecretarissen", lambda n: "aan de" + EM * n + "staatssecretarissen"),
    HostileClass("em spaces in the subject", QUESTIONS, "de overstap van de Belastingdienst", lambda n: "de overstap" + EM * n + "van de Belastingdienst"),
    HostileClass("em spaces before (ingezonden", QUESTIONS, " (ingezonden 7 oktober 2025)", lambda n: "De vragen" + EM * n + "(ingezonden 7 oktober 2025)"),
    HostileClass("em spaces in a letter's addressee", QUESTIONS, Q1, lambda n: "Aan de" + EM * (n // 2) + "staatssecretaris" + EM * (n // 2) + "x\n\n" + Q1),
    HostileClass("em spaces in the verslag's addressee", VERSLAG, LETTER_ADDRESSEE, lambda n: "Aan de" + EM * (n // 2) + "staatssecretaris" + EM * (n // 2) + "x"),
    HostileClass("em spaces in a section heading", VERSLAG, SECTION, lambda n: SECTION + EM * n + "x."),
    HostileClass("em spaces in a heading in capitals", QUESTIONS, Q1, lambda n: "DIGITALISERING" + EM * n + "x\n\n" + Q1),
    HostileClass("em spaces in a closing line", QUESTIONS, LAST_LINE, lambda n: LAST_LINE + CLOSING_LETTER.format(name="Van" + EM * n + "Dooren.")),
    HostileClass("em spaces in an answer header", QUESTIONS, Q1, lambda n: "Antwoord van de minister" + EM * n + "x\n\n" + Q1),
    HostileClass("em spaces after a sentence", VERSLAG, ANSWER, lambda n: "Allereerst." + EM * n + "wil ik graag aangeven dat de drie criteria"),
    # repeated phrases that a pattern tries again and again
    HostileClass("aan de x aan de x … without over", QUESTIONS, HEADER_ADDRESSEE, lambda n: repeated("aan de x ", n)),
    HostileClass("(ingezonden (ingezonden … without )", QUESTIONS, " (ingezonden 7 oktober 2025)", lambda n: repeated("(ingezonden ", n)),
    HostileClass("Antwoord van … (ontvangen (ontvangen …", QUESTIONS, Q1, lambda n: "Antwoord van de minister " + repeated("(ontvangen ", n) + "\n\n" + Q1),
    HostileClass("many Vraag 1 in one answer", QUESTIONS, Q1, lambda n: in_answer(repeated("Vraag 1 ", n))),
    HostileClass("many het antwoord op vraag 1 en", QUESTIONS, Q1, lambda n: in_answer("het antwoord op vraag " + repeated("1 en ", n) + "2.")),
    HostileClass("many Kamerstuk citations in one paragraph", QUESTIONS, Q1, lambda n: in_question(repeated("Kamerstuk 26643, nr. 1315; ", n))),
    HostileClass("Kamerstuk 31066/31066/… without a number", QUESTIONS, Q1, lambda n: in_question("Kamerstuk " + repeated("31066/", n) + " x.")),
    HostileClass("many URLs in one paragraph", QUESTIONS, Q1, lambda n: in_question(repeated("https://example.org/a ", n))),
    HostileClass("URL ending in )", QUESTIONS, Q1, lambda n: in_question("https://example.org/a" + ")" * n)),
    HostileClass("URL of an official publication", QUESTIONS, Q1, lambda n: in_question("https://zoek.officielebekendmakingen.nl/kst-" + repeated("1-", n) + "x")),
    HostileClass("a URL's ) in the verslag's footnote", VERSLAG, URL_END, lambda n: URL_END + ")" * n),
    HostileClass("parentheses in a question", QUESTIONS, Q1, lambda n: in_question("(" * (n // 2) + ")" * (n // 2))),
    HostileClass("sentence end and closing brackets", QUESTIONS, Q1, lambda n: in_answer("Ja." + ")" * n + "x")),
    HostileClass("many sentences in one answer", QUESTIONS, Q1, lambda n: in_answer(repeated("Ja. ", n))),
    HostileClass("many sentences in the verslag's answer", VERSLAG, ANSWER, lambda n: repeated("Ja. ", n) + ANSWER),
    HostileClass("confidential, then many words", QUESTIONS, Q1, lambda n: in_answer("Dit is " + repeated("zeer ", n) + "vertrouwelijk.")),
    # numbers far longer than any the parser reads
    HostileClass("a huge question number", QUESTIONS, Q1, lambda n: "Vraag " + "9" * n + " Bent u bekend met het bericht\n\n" + Q1),
    HostileClass("antwoord op vraag 999…9", QUESTIONS, Q1, lambda n: in_answer("het antwoord op vraag " + "9" * n + ".")),
    HostileClass("a huge dossier number", QUESTIONS, Q1, lambda n: in_question("Kamerstukken II, 2025/26, " + "3" * n + ", nr. 5.")),
    HostileClass("a huge document number", QUESTIONS, Q1, lambda n: in_question("Kamerstuk 26643, nr. " + "1" * n + ".")),
    HostileClass("a huge year", QUESTIONS, Q1, lambda n: in_question("Handelingen II " + "2" * n + "/26, nr. 1, item 2.")),
    HostileClass("digits before a month", QUESTIONS, Q1, lambda n: in_question("1" * n + " januari 2025.")),
    # footnotes: bodies and markers
    HostileClass("lines that look like glued footnote bodies", QUESTIONS, Q1, lambda n: repeated("1Abc\n", n) + "\nX\n\n" + Q1),
    HostileClass("many footnote-like numbers in a paragraph", QUESTIONS, Q1, lambda n: in_question(repeated("x.4 ", n))),
    HostileClass("lone numbers between blank lines", QUESTIONS, Q1, lambda n: in_question("x\n" + repeated("1\n\n", n))),
    HostileClass("many letters, footnote bodies without markers", QUESTIONS, LAST_LINE, lambda n: LAST_LINE + "\n" + repeated(LETTER_WITH_NOTES, n)),
    HostileClass("many footnote bodies without markers", QUESTIONS, LAST_LINE, lambda n: LAST_LINE + "\n" + "".join(f"{i}) Noot {i}.\n" for i in range(5, 5 + min(995, n // 12))) + repeated("Noot.\n", max(0, n - 12 * 995))),
)
"""The hostile input classes, each built by injecting into a copy of a real seed letter."""


def run_stages(text: str, path: str) -> dict[str, float]:
    """Parse, link and render one letter; seconds of this process's CPU time per stage.

    CPU time, not wall-clock time, and the garbage collector paused (as `timeit` does): the
    machine is shared, and the ratios compare a few milliseconds."""
    gc.collect()
    gc.disable()
    times: dict[str, float] = {}
    try:
        start = time.process_time()
        record, diagnostics = parse_record(SourceText(path, tuple(text.split("\n"))))
        times["parse"] = time.process_time() - start
        start = time.process_time()
        corpus = link_corpus((record,), diagnostics)
        times["link"] = time.process_time() - start
        start = time.process_time()
        render_site(corpus, SITE_URL)
        times["render"] = time.process_time() - start
    finally:
        gc.enable()
    return times


def best_time(text: str, path: str, runs: int) -> float:
    """The time of parse, link and render over `runs` runs: the best of each stage, summed."""
    return _best([run_stages(text, path) for _ in range(runs)])


def _best(runs: list[dict[str, float]]) -> float:
    """The sum over stages of each stage's best time in `runs` (a pause of the machine in one
    stage of a run then spoils only that stage's sample)."""
    return sum(min(run[stage] for run in runs) for stage in runs[0])


class TimedOut(Exception):
    """A run took longer than the benchmark waits."""


def _time_out(signum: int, frame: object) -> None:
    raise TimedOut()


TIMEOUT_SECONDS = int(os.environ.get("ADVERSARIAL_TIMEOUT", "120"))
"""A class still running after this long (at 100 KB) is reported as a hang."""


def measure(hostile: HostileClass, sizes: tuple[int, int]) -> tuple[float, float, float, float]:
    """(seed's time, time at the small size, time at the large size, ratio of the injection's cost).

    The seed alone and the small size are run in turns, many times, and the best of each kept:
    at 10 KB the injection costs a few milliseconds, as much as the machine's noise."""
    path = f"seeds/{hostile.seed}.txt"
    seed, small_text, large_text = seed_text(hostile.seed), hostile.text(sizes[0]), hostile.text(sizes[1])
    signal.signal(signal.SIGALRM, _time_out)
    signal.alarm(TIMEOUT_SECONDS)
    try:
        base_runs, small_runs = [], []
        for _ in range(SMALL_RUNS):
            base_runs.append(run_stages(seed, path))
            small_runs.append(run_stages(small_text, path))
        base, small = _best(base_runs), _best(small_runs)
        large = best_time(large_text, path, LARGE_RUNS)
    finally:
        signal.alarm(0)
    floor = max(0.02 * base, 0.001)  # an injection that costs next to nothing at 10 KB
    ratio = max(large - base, 0.0) / max(small - base, floor)
    return base, small, large, ratio


SMALL_RUNS, LARGE_RUNS = 21, 3


def _between(name: str, first: str, stop: str) -> str:
    """The text of seed `name` from `first` up to (not including) `stop`."""
    text = seed_text(name)
    start = text.index(first)
    return text[start : text.index(stop, start)]


def large_letter(megabytes: int) -> str:
    """Written questions of about `megabytes` MB, with their answers: the written questions'
    header, then over and over a question of the written questions (its real lines) and, as its
    answer, the real paragraphs of an answer of the verslag. Question numbers run 1 to 999 and
    start again (a label has at most three digits)."""
    head = _between(QUESTIONS, " (ingezonden", "Vraag 1Bent")
    question = _between(QUESTIONS, "Maakt de overstap", "Vraag 4Waarom").replace("Vraag 3", "")
    answer = _between(VERSLAG, "Allereerst wil ik graag", "Vragen van de leden van de fractie van BBB")
    pieces: list[str] = [head]
    size, number = len(head), 0
    while size < megabytes * 1_000_000:
        label = number % 999 + 1
        chunk = f"Vraag {label}{question}\n\nAntwoord {label}{answer}\n\n"
        pieces.append(chunk)
        size += len(chunk.encode())
        number += 1
    return "".join(pieces)


def main(argv: list[str]) -> int:
    words = [arg for arg in argv if not arg.startswith("--")]
    megabytes, sizes = LARGE_LETTER_MB, (SMALL, LARGE)
    if "--large-mb" in argv:
        megabytes = int(argv[argv.index("--large-mb") + 1])
        words.remove(str(megabytes))
    if "--sizes" in argv:  # other sizes of the injected part, for a quick look
        at = argv.index("--sizes")
        sizes = (int(argv[at + 1]), int(argv[at + 2]))
        words = [word for word in words if word not in argv[at + 1 : at + 3]]
    failed = False
    chosen = [c for c in CLASSES if not words or any(word.lower() in c.name.lower() for word in words)]
    print(f"{'input class':58s} {'seed':>8s} {sizes[0] // 1000:>5d} KB {sizes[1] // 1000:>5d} KB {'ratio':>6s}")
    for hostile in chosen:
        try:
            base, small, large, ratio = measure(hostile, sizes)
        except Exception as error:  # noqa: BLE001 -- a crash is a result here
            print(f"{hostile.name:58s} FAILED: {type(error).__name__}: {str(error)[:80]}")
            failed = True
            continue
        verdict = "" if ratio <= WORST_RATIO else "  WORSE THAN 15"
        failed = failed or ratio > WORST_RATIO
        print(f"{hostile.name:58s} {base:7.3f}s {small:7.3f}s {large:7.3f}s {ratio:6.1f}{verdict}", flush=True)
    if "--no-large" not in argv:
        text = large_letter(megabytes)
        times = run_stages(text, "seeds/large.txt")
        total = sum(times.values())
        stages = ", ".join(f"{stage} {seconds:.1f} s" for stage, seconds in times.items())
        print(f"a letter of {len(text.encode()) / 1e6:.1f} MB ({text.count(chr(10)) + 1} lines): {stages}; total {total:.1f} s")
        failed = failed or total >= LARGE_LETTER_SECONDS
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
