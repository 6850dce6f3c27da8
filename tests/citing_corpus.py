"""A corpus in which one letter and one record are cited by many letters (synthetic: the seeds
hold no letter cited by another).

Copies of the written questions of seeds/000 (their real text), each sent a day after the one
before from 1 January 2025 (`(ingezonden …)` changed), each under a file name of its own. Every
copy cites `Kamerstuk 26643, nr. 1315` (line 13) and `Kamerstuk 36740, nr. 20` (line 17). Two
sidecars make those the identifiers of documents in the corpus (the synthetic part): the first
copy's says it is `kst-36740-20`, so every other copy cites its page; the verslag of seeds/001
(its real text, with its own sidecar's dossiers) says it is `kst-26643-1315`, so every copy cites
its record page. With `hostile`, the first copy's subject holds markup (synthetic too), which the
pages naming it must show as text.
"""

from __future__ import annotations

import datetime
from pathlib import Path

from generator.render.labels import MONTHS

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
WRITTEN = SEEDS / "000_04ae587ba6eeb66d.txt"
VERSLAG = SEEDS / "001_dfb242f75dbdc9fb.txt"
FIRST_DAY = datetime.date(2025, 1, 1)

CITED_LETTER = "tweede-kamer/2025-01-01/schriftelijke-vragen.md"
"""The first copy's page: cited by every other copy (`Kamerstuk 36740, nr. 20`)."""
CITED_RECORD = "eerste-kamer/2026-02-12/verslag-schriftelijk-overleg.md"
"""The verslag's record page: cited by every copy (`Kamerstuk 26643, nr. 1315`)."""
HOSTILE_SUBJECT = "<b>Microsoft</b> *365* [link](https://example.org/) {#id}"
"""Markup put in place of `Microsoft` in the first copy's subject (line 5) by `hostile`."""


def copy_page(number: int) -> str:
    """The page of copy `number` (from 0): `tweede-kamer/2025-01-01/schriftelijke-vragen.md`, a day later each."""
    return f"tweede-kamer/{(FIRST_DAY + datetime.timedelta(days=number)).isoformat()}/schriftelijke-vragen.md"


def make_citing_corpus(folder: Path, copies: int, hostile: bool = False) -> Path:
    """Write the verslag and `copies` copies of the written questions into `folder`; return it."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / VERSLAG.name).write_text(VERSLAG.read_text(encoding="utf-8"), encoding="utf-8")
    sidecar = VERSLAG.with_suffix(".toml").read_text(encoding="utf-8")
    (folder / VERSLAG.with_suffix(".toml").name).write_text(sidecar + 'identifier = "kst-26643-1315"\n', encoding="utf-8")
    text = WRITTEN.read_text(encoding="utf-8")
    assert "(ingezonden 7 oktober 2025)" in text and "de overstap van de Belastingdienst naar Microsoft\n" in text
    for number in range(copies):
        day = FIRST_DAY + datetime.timedelta(days=number)
        copy = text.replace("(ingezonden 7 oktober 2025)", f"(ingezonden {day.day} {MONTHS[day.month - 1]} {day.year})")
        if hostile and number == 0:
            copy = copy.replace("de overstap van de Belastingdienst naar Microsoft\n", f"de overstap van de Belastingdienst naar {HOSTILE_SUBJECT}\n", 1)
        (folder / f"vragen-{number:04d}.txt").write_text(copy, encoding="utf-8")
        identifier = 'identifier = "kst-36740-20"\n' if number == 0 else ""
        (folder / f"vragen-{number:04d}.toml").write_text(f'chamber = "Tweede Kamer"\n{identifier}', encoding="utf-8")
    return folder
