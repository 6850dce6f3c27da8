"""The glossary reader: the real `begrippen.yml`, and bad entries reported at their `file:line`.

The bad files below are synthetic (no real glossary holds these mistakes); each is a few lines.
"""

from __future__ import annotations

from pathlib import Path

from generator.readers.glossary import read_glossary
from tests.golden_files import GLOSSARY


def _read(tmp_path: Path, text: str):
    path = tmp_path / "begrippen.yml"
    path.write_text(text, encoding="utf-8")
    return read_glossary(path, "begrippen.yml")


def test_the_sites_glossary_reads_without_problems_and_explains_the_seed_jargon() -> None:
    terms, problems = read_glossary(GLOSSARY, "begrippen.yml")
    assert problems == ()
    names = {term.name for term in terms}
    # Every abbreviation and piece of jargon the issue names (seeds/*.txt use each of them).
    wanted = {"M365", "HCL", "SLM Rijk", "CLOUD Act", "FISA", "AVG", "EDPS", "ENISA", "ICC", "DBO", "BZK",
              "CIO-beraad", "SSC-ICT", "DICTU", "UWV", "DUO", "SVB", "VNG", "Data Act", "schriftelijk overleg",
              "motie", "Aanhangsel van de Handelingen"}
    assert wanted <= names
    assert len(terms) >= 20
    m365 = next(term for term in terms if term.name == "M365")
    assert m365.expansion == "Microsoft 365" and m365.forms == ("M365", "Microsoft 365", "Microsoft365")
    assert m365.span.path == "begrippen.yml" and GLOSSARY.read_text(encoding="utf-8").splitlines()[m365.span.line - 1] == "- term: M365"
    assert all(term.source is None or term.source.startswith("https://") for term in terms)


def test_a_missing_glossary_is_no_glossary(tmp_path: Path) -> None:
    assert read_glossary(tmp_path / "begrippen.yml", "begrippen.yml") == ((), ())


def test_bad_entries_are_reported_at_their_line_and_left_out(tmp_path: Path) -> None:
    terms, problems = _read(tmp_path, (
        "- term: M365\n"                     # 1
        "  explanation: Microsoft 365.\n"    # 2
        "- term: HCL\n"                      # 3: no explanation
        "- explanation: Geen naam.\n"        # 4: no term
        "- term: m365\n"                     # 5: the same term again
        "  explanation: Nog eens.\n"
        "- term: BZK\n"                      # 7
        "  explanation: Ministerie.\n"
        "  colour: rood\n"                   # 9: unknown field
        "- term: UWV\n"                      # 10
        "  explanation: Uitvoeringsinstituut.\n"
        "  source: javascript:alert(1)\n"    # 12: not a web address
        "- term: Microsoft\n"                # 13
        "  explanation: Het bedrijf.\n"
        "  forms: [M365]\n"                  # 15: a spelling M365 already marks
    ))
    assert [term.name for term in terms] == ["M365"]
    assert sorted(p.line for p in problems) == [3, 4, 5, 9, 12, 13]
    assert {(p.path, p.severity) for p in problems} == {("begrippen.yml", "error")}
    messages = {p.line: p.message for p in problems}
    assert "needs `explanation`" in messages[3]
    assert "needs `term`" in messages[4]
    assert "term given twice (first on line 1)" in messages[5]
    assert "unknown field" in messages[9]
    assert "web address" in messages[12]
    assert "already marks the term M365" in messages[13]


def test_text_that_is_not_yaml_is_one_error_at_its_line(tmp_path: Path) -> None:
    terms, problems = _read(tmp_path, "- term: M365\n  explanation: [niet gesloten\n")
    assert terms == ()
    assert len(problems) == 1 and problems[0].path == "begrippen.yml" and problems[0].line == 3
    assert "not valid YAML" in problems[0].message


def test_a_glossary_that_is_not_a_list_is_refused(tmp_path: Path) -> None:
    terms, problems = _read(tmp_path, "term: M365\nexplanation: x\n")
    assert terms == () and [(p.line, p.message.split(" (")[0]) for p in problems] == [
        (1, "the glossary must be a list of entries")
    ]


def test_values_stay_text_yaml_constructs_nothing(tmp_path: Path) -> None:
    terms, problems = _read(tmp_path, "- term: 2025-10-07\n  explanation: yes\n  forms: [2025-10-07, 'on']\n")
    assert problems == ()
    assert (terms[0].name, terms[0].explanation, terms[0].forms) == ("2025-10-07", "yes", ("2025-10-07", "on"))
