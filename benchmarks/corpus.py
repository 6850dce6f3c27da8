"""Make a benchmark corpus of N text letters out of the real letters' own material.

The real letters (the seeds, and the pdftotext output of the development PDFs in
tests/fixtures/letters/ when present) are cut into their parts: questions (sentences ending in
`?`), answer sentences, members with their parties, ministries, footnote sources. The corpus
recombines them into letters of the shapes the parser reads, with varied dates, numbers, askers,
parties and sentences:

- written questions (the shape of seeds/000…): `(ingezonden …)`, `Vragen van de leden …`,
  `Vraag N…`, footnotes `1) …`;
- most of them answered by an Aanhangsel letter a few weeks later (the shape of the Aanhangsel
  PDFs' text) that quotes the same questions, so the link pass threads it to them; some answers
  combine two questions (`Vraag 4 en 5`), some questions stay unanswered;
- every so often a verslag of a schriftelijk overleg: seeds/001… with its dates moved and its
  dossier numbers changed (the only record of that shape the project has).

The same N and seed give the same corpus, byte for byte. Nothing here is a real publication;
the sentences are real, their combinations are not.

    python benchmarks/corpus.py 1000 /tmp/corpus    # write 1,000 letters (with sidecars)
"""

from __future__ import annotations

import datetime
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from generator.parse.dates import DUTCH_DATE, MONTHS

ROOT = Path(__file__).resolve().parent.parent
SOURCES = (ROOT / "seeds", ROOT / "tests" / "fixtures" / "letters")
"""Folders whose `*.txt` letters are real text (the synthetic Aanhangsel fixture is not used)."""
VERSLAG = ROOT / "seeds" / "001_dfb242f75dbdc9fb.txt"
"""The one real verslag of a schriftelijk overleg, recombined by moving its dates and dossiers."""
MONTH_NAMES = {number: name for name, number in MONTHS.items()}
FIRST_DAY = datetime.date(2014, 9, 1)
DAYS = 12 * 365
DOSSIERS = 400
"""Dossier numbers the letters cite and belong to, the seeds' own among them."""
"""Letters are dated over twelve parliamentary years from FIRST_DAY."""

_SENTENCE_END = re.compile(r"(?<=[.?!])\s+(?=[A-Z‘'“(])")
_MEMBER = re.compile(
    r"\b(?P<name>(?:(?:[Vv]an|[Dd]e|[Dd]er|[Dd]en|[Tt]er)\s)*[A-Z][a-zà-ÿ’'-]+(?:[ -][A-Z][a-zà-ÿ’'-]+)?)"
    r"\s\((?P<party>[A-Z0-9][A-Za-z0-9-]+(?:\s[A-Z][A-Za-z-]+)*)\)"
)
_MINISTRY = re.compile(r"\b(?:[Mm]inister|[Ss]taatssecretaris)(?:s|sen)?\s+van\s+(?P<ministry>[A-Z][\w-]+(?:\s(?:en\s)?[A-Z][\w-]+)*)")
_FOOTNOTE_SOURCE = re.compile(r"^\s*\d{1,2}\)?\s?(?P<source>[A-Z][^()]{8,120}\d{4})\s*$")
_KAMERSTUK = re.compile(r"\b(?P<dossier>\d{2}\s?\d{3}), nr\. (?P<number>\d{1,4})\b")
_MARKER = re.compile(r"(?<=[.?!,])\d{1,2}\b|\s\d\)|(?<=[.?!])\s\d{1,2}\.?(?=\s|$)")
_HEADING = re.compile(r"^\s*(?:Vraag|Antwoord|Vragen|Antwoorden)\s+\d+(?:\s*(?:,|en)\s*\d+)*\s*")
_SKIP = re.compile(r"ISSN|vergaderjaar|Vergaderjaar|’s-Gravenhage|ah-tk-|\bkst-|http|www\.|Samenstelling|\t")


@dataclass(frozen=True)
class Material:
    """The parts of the real letters the corpus recombines."""

    questions: tuple[str, ...]
    statements: tuple[str, ...]
    members: tuple[tuple[str, str], ...]
    ministries: tuple[str, ...]
    footnotes: tuple[str, ...]
    verslag: str
    verslag_sidecar: str


def _paragraph_texts(text: str) -> list[str]:
    """Join a letter's lines into paragraphs.

    A paragraph ends at a `Vraag`/`Antwoord` heading, or at a blank line after a line that ends a
    sentence or is short (a heading): the seeds' text has blank lines inside paragraphs too.
    """
    paragraphs, current = [], []
    for line in text.split("\n"):
        stripped = line.strip()
        heading = _HEADING.match(stripped)
        if heading or not stripped:
            if current and (heading or current[-1][-1] in ".?!:" or len(current[-1]) < 60):
                paragraphs.append(" ".join(current))
                current = []
            if heading:
                stripped = stripped[heading.end() :]
            if not stripped:
                continue
        if _SKIP.search(stripped):
            continue
        current.append(stripped)
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def _member_lists(text: str) -> list[str]:
    """The places that name members with their parties: a committee's `Samenstelling:` and the
    `Vragen van het lid … aan` of written questions."""
    flat = " ".join(text.split())
    places = [m.group(0) for m in re.finditer(r"Vragen van (?:het lid|de leden) .{0,300}? aan ", flat)]
    for match in re.finditer(r"Samenstelling:", text):
        block = []
        for line in text[match.end() :].split("\n")[1:]:
            if "(" not in line:
                break
            block.append(line.strip())
        places.append(re.sub(r"-\s+", "-", " ".join(block)))
    return places


def gather_material() -> Material:
    """Cut every real letter into questions, statements, members, ministries and footnote sources."""
    questions: set[str] = set()
    statements: set[str] = set()
    members: set[tuple[str, str]] = set()
    ministries: set[str] = set()
    footnotes: set[str] = set()
    for folder in SOURCES:
        for path in sorted(folder.glob("*.txt")):
            text = path.read_text(encoding="utf-8")
            for line in text.split("\n"):
                found = _FOOTNOTE_SOURCE.match(line)
                if found and not _SKIP.search(line):
                    footnotes.add(found["source"])
            for place in _member_lists(text):
                members.update((m["name"], m["party"]) for m in _MEMBER.finditer(place))
            ministries.update(match["ministry"] for match in _MINISTRY.finditer(" ".join(text.split())))
            for paragraph in _paragraph_texts(text):
                for sentence in _SENTENCE_END.split(_MARKER.sub("", paragraph)):
                    sentence = " ".join(sentence.split())
                    if not 30 <= len(sentence) <= 400 or not sentence[0].isupper() or sentence[-1] not in ".?":
                        continue
                    if sentence.count("(") == sentence.count(")"):
                        (questions if sentence.endswith("?") else statements).add(sentence)
    verslag = VERSLAG.read_text(encoding="utf-8")
    return Material(
        tuple(sorted(questions)),
        tuple(sorted(statements)),
        tuple(sorted(members)),
        tuple(sorted(ministries)) or ("Financiën",),
        tuple(sorted(footnotes)),
        verslag,
        VERSLAG.with_suffix(".toml").read_text(encoding="utf-8"),
    )


def dutch(date: datetime.date) -> str:
    """`datetime.date(2025, 10, 7)` -> `7 oktober 2025`."""
    return f"{date.day} {MONTH_NAMES[date.month]} {date.year}"


def session(date: datetime.date) -> str:
    """The parliamentary year a date falls in: 7 oktober 2025 -> `2025–2026`."""
    first = date.year if date.month >= 9 else date.year - 1
    return f"{first}–{first + 1}"


class _Writer:
    """Compose letters from the material with one seeded random generator."""

    def __init__(self, material: Material, seed: int) -> None:
        self.material = material
        self.random = random.Random(seed)
        real = sorted({m["dossier"].replace(" ", "") for m in _KAMERSTUK.finditer(material.verslag)})
        made = [str(number) for number in self.random.sample(range(21000, 36800), DOSSIERS - len(real))]
        self.dossiers = real + made
        self.dossier_weights = [1 / rank for rank in range(1, DOSSIERS + 1)]

    def _dossier(self) -> str:
        """A dossier number, as often as real ones come: a few dossiers hold many letters (Zipf)."""
        return self.random.choices(self.dossiers, self.dossier_weights)[0]

    def _vary(self, sentence: str) -> str:
        """Give the numbers and dates a sentence cites new values (the Kamerstukken it cites vary)."""
        pick = self.random
        sentence = _KAMERSTUK.sub(lambda m: f"{self._dossier()}, nr. {pick.randrange(1, 1400)}", sentence)
        return DUTCH_DATE.sub(lambda m: dutch(FIRST_DAY + datetime.timedelta(days=pick.randrange(DAYS))), sentence)

    def _question(self) -> str:
        pick = self.random
        parts = [self._vary(pick.choice(self.material.questions)) for _ in range(pick.choice((1, 1, 1, 2, 2, 3)))]
        return " ".join(parts)

    def _answer(self) -> str:
        pick = self.random
        return " ".join(self._vary(pick.choice(self.material.statements)) for _ in range(pick.choice((1, 2, 2, 3, 4, 6))))

    def _askers(self) -> list[tuple[str, str]]:
        return self.random.sample(self.material.members, self.random.choice((1, 1, 2, 2, 3)))

    def _subject(self) -> str:
        words = [w for w in self.random.choice(self.material.statements).rstrip(".").split() if w.isalpha()]
        start = self.random.randrange(max(1, len(words) - 6))
        return " ".join(words[start : start + self.random.randrange(4, 10)]).lower()

    def written_questions(self, sent: datetime.date) -> tuple[str, list[str], list[tuple[str, str]], str, str]:
        """Return the letter's text, its questions, askers, addressee and subject."""
        pick = self.random
        askers = self._askers()
        ministries = pick.sample(self.material.ministries, min(len(self.material.ministries), pick.choice((1, 1, 2))))
        addressee = ("de minister van " if len(ministries) == 1 else "de ministers van ") + " en van ".join(ministries)
        subject = self._subject()
        who = ("het lid " if len(askers) == 1 else "de leden ") + _listed(f"{n} ({p})" for n, p in askers)
        questions = [self._question() for _ in range(pick.randrange(3, 16))]
        footnotes: list[str] = []
        lines = [f" (ingezonden {dutch(sent)})", "", f"Vragen van {who} aan {addressee} over {subject}", ""]
        for number, question in enumerate(questions, start=1):
            marker = ""
            if pick.random() < 0.2 and self.material.footnotes:
                footnotes.append(self._vary(pick.choice(self.material.footnotes)))
                marker = f" {len(footnotes)})"
            lines += _wrapped(f"Vraag {number}{question}{marker}") + [""]
        lines += ["", ""] + [f"{number}) {source}\n" for number, source in enumerate(footnotes, start=1)]
        return "\n".join(lines) + "\n", questions, askers, addressee, subject

    def aanhangsel(self, number: int, asked: datetime.date, received: datetime.date, questions: list[str],
                   askers: list[tuple[str, str]], addressee: str, subject: str) -> str:
        """An Aanhangsel answer quoting `questions`; two neighbours are now and then answered together."""
        pick = self.random
        identifier = f"ah-tk-{session(received).replace('–', '')}-{number}"
        who = ("het lid " if len(askers) == 1 else "de leden ") + _listed(f"{n} ({p})" for n, p in askers)
        minister = pick.choice(self.material.members)[0]
        furniture = [identifier, "ISSN 0921-7398", f"’s-Gravenhage {received.year}",
                     f"Tweede Kamer, vergaderjaar {session(received)}, Aanhangsel"]
        lines = [identifier, f"Tweede Kamer, vergaderjaar {session(received)}, Aanhangsel", str(number)]
        lines += _wrapped(f"Vragen van {who} aan {addressee} over {subject} (ingezonden {dutch(asked)}).")
        lines += _wrapped(f"Antwoord van Minister {minister} ({pick.choice(self.material.ministries)}) (ontvangen {dutch(received)}).")
        index, page, since_break = 0, 1, 0
        while index < len(questions):
            together = index + 1 < len(questions) and pick.random() < 0.08
            numbers = f"{index + 1} en {index + 2}" if together else f"{index + 1}"
            lines.append(f"Vraag {numbers}")
            for question in questions[index : index + (2 if together else 1)]:
                lines += _wrapped(question)
            lines.append(f"Antwoord {numbers}")
            lines += _wrapped(self._answer())
            index += 2 if together else 1
            since_break += 1
            if since_break >= 5 and index < len(questions):
                page += 1
                lines += furniture + [str(page)]
                since_break = 0
        return "\n".join(lines) + "\n"

    def verslag(self, shift: int) -> tuple[str, str]:
        """The real verslag with its dates moved by `shift` days and new dossier numbers."""
        pick = self.random
        dossiers = [self._dossier(), self._dossier()]
        while dossiers[1] == dossiers[0]:
            dossiers[1] = self._dossier()

        def moved(match: re.Match[str]) -> str:
            date = datetime.date(int(match["year"]), MONTHS[match["month"].lower()], int(match["day"]))
            return dutch(date + datetime.timedelta(days=shift))

        text = DUTCH_DATE.sub(moved, self.material.verslag)
        for old, new in zip(("31 066", "26 643", "31066", "26643"), (*(f"{d[:2]} {d[2:]}" for d in dossiers), *dossiers)):
            text = text.replace(old, new)
        sidecar = self.material.verslag_sidecar.replace("31066", dossiers[0]).replace("26643", dossiers[1])
        return text, sidecar


def _listed(items) -> str:
    """`a`, `a en b`, `a, b en c`: members as a letter lists them."""
    items = list(items)
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " en " + items[-1]


def _wrapped(text: str, width: int = 90) -> list[str]:
    """Break `text` into lines of about `width` characters, as PDF text extraction does."""
    lines, current = [], ""
    for word in text.split(" "):
        if current and len(current) + 1 + len(word) > width:
            lines.append(current + " ")
            current = word
        else:
            current = f"{current} {word}" if current else word
    return lines + [current]


def make_corpus(folder: Path, letters: int, seed: int = 9) -> int:
    """Write `letters` source files (with sidecars where the shape needs one) into `folder`.

    About 5 % are verslagen (three letters each in the real one), the rest written questions
    of which 85 % are answered in an Aanhangsel letter. Returns the number of files written.
    """
    folder.mkdir(parents=True, exist_ok=True)
    writer = _Writer(gather_material(), seed)
    pick = writer.random
    written = 0
    case = 0
    while written < letters:
        case += 1
        asked = FIRST_DAY + datetime.timedelta(days=pick.randrange(DAYS))
        if case % 20 == 0:
            text, sidecar = writer.verslag((asked - datetime.date(2025, 12, 2)).days)
            _write(folder, f"verslag-{case:06d}", text, sidecar)
            written += 1
            continue
        text, questions, askers, addressee, subject = writer.written_questions(asked)
        _write(folder, f"vragen-{case:06d}", text, 'chamber = "Tweede Kamer"\n')
        written += 1
        if written < letters and pick.random() < 0.85:
            received = asked + datetime.timedelta(days=pick.randrange(14, 120))
            _write(folder, f"antwoord-{case:06d}", writer.aanhangsel(case, asked, received, questions, askers, addressee, subject), None)
            written += 1
    return written


def _write(folder: Path, name: str, text: str, sidecar: str | None) -> None:
    (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    if sidecar is not None:
        (folder / f"{name}.toml").write_text(sidecar, encoding="utf-8")


if __name__ == "__main__":
    count = make_corpus(Path(sys.argv[2]), int(sys.argv[1]))
    print(f"{count} letters in {sys.argv[2]}")
