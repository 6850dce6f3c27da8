"""Index the corpus by dossier: which records belong to each dossier, and which cite it.

A record belongs to the dossiers its sidecar lists (`Record.dossiers`, never guessed from the
text); it cites a dossier when a reference in it names one (`Reference.dossiers`, including the
`kst-…` identifier of an officielebekendmakingen.nl URL). For dossier pages and "Geciteerd in"
lists::

    record A (sidecar dossiers ["31066", "26643"]) cites Kamerstukken II, 2025/26, 31066, nr. 506;
    record B cites Kamerstuk 26643, nr. 1315
    -> {"26643": (DossierMention("A", True, ()), DossierMention("B", False, (<ref 1315>,))),
        "31066": (DossierMention("A", True, (<ref 506>,)),)}

Dossier numbers are written without the space some letters print (`31 066` -> `31066`) and with a
hyphen before a begrotingshoofdstuk (`36600 VII` -> `36600-VII`); dossiers sort by number, and
mentions by the records' order in the corpus.
"""

from __future__ import annotations

import re
from generator.model import Corpus, DossierMention, Reference

_PRINTED_DOSSIER = re.compile(r"^(?P<base>\d{2})\s?(?P<rest>\d{3})(?:[\s-]+(?P<suffix>\w+))?$")


def _dossier(printed: str) -> str:
    """`31 066` -> `31066`; `36600 VII` -> `36600-VII`; anything else stripped as printed."""
    match = _PRINTED_DOSSIER.match(printed.strip())
    if not match:
        return printed.strip()
    suffix = f"-{match.group('suffix')}" if match.group("suffix") else ""
    return f"{match.group('base')}{match.group('rest')}{suffix}"


def _sort_key(dossier: str) -> tuple[int, str]:
    """Dossiers by number, then suffix: 26643 < 31066 < 36600-VII; unnumbered ones last (a
    number is read by its first nine digits: a sidecar may name a dossier of 5,000 digits)."""
    digits = re.match(r"\d{1,9}", dossier)
    return (int(digits.group(0)) if digits else 10**9, dossier)


def dossier_index(corpus: Corpus) -> dict[str, tuple[DossierMention, ...]]:
    """Map each dossier number to the records that belong to it or cite it (module docstring)."""
    order = {record.path: position for position, record in enumerate(corpus.records)}
    belongs: dict[str, set[str]] = {}
    for record in corpus.records:
        for printed in record.dossiers:
            belongs.setdefault(_dossier(printed), set()).add(record.path)
    cited: dict[str, dict[str, list[Reference]]] = {}
    for reference in corpus.links.references:
        for printed in reference.dossiers:
            cited.setdefault(_dossier(printed), {}).setdefault(reference.span.path, []).append(reference)
    index: dict[str, tuple[DossierMention, ...]] = {}
    for dossier in sorted(belongs.keys() | cited.keys(), key=_sort_key):
        paths = belongs.get(dossier, set()) | cited.get(dossier, {}).keys()
        index[dossier] = tuple(
            DossierMention(path, path in belongs.get(dossier, set()), tuple(cited.get(dossier, {}).get(path, ())))
            for path in sorted(paths, key=lambda path: (order.get(path, len(order)), path))
        )
    return index
