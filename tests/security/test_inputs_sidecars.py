"""Hostile and careless sidecars (issue 7, items 3, 4 and 9): every bad value is an error at the
line of its key in `seeds/<name>.toml` (a TOML syntax error at TOML's own line and column), never
coerced, never a crash; the other letters still build, and the strict build fails.

Each case writes the sidecar of the written questions (seeds/000_….txt) with two lines before the
case, so the error must name line 3, not line 1.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.model import Sidecar
from generator.readers import read_source
from tests.security.harness import QUESTIONS, SEEDS, VERSLAG, build, make_seeds

SIDECAR = f"seeds/{QUESTIONS}.toml"
QUESTIONS_PAGE = "tweede-kamer/2025-10-07/schriftelijke-vragen.md"
OTHER_PAGES = ("eerste-kamer/2026-02-12/antwoordbrief.md", "eerste-kamer/2025-12-02/commissiebrief.md")
HEAD = "# Feiten die de tekst niet draagt.\n# (Tweede Kamer: de tekst zegt het niet, de Kamer wordt aangenomen.)\n"

BAD = {
    # item 3: values coerced silently
    "dossier named index": ('dossiers = ["index"]', "dossiers must be a list of dossier numbers"),
    "dossier with a dot": ('dossiers = ["a.b"]', "not a dossier number"),
    "dossier with a space": ('dossiers = ["a b"]', "not a dossier number"),
    "dossier of letters": ('dossiers = ["a-b"]', "not a dossier number"),
    "dossiers as one string": ('dossiers = "31066"', "dossiers must be a list of dossier numbers"),
    "dossiers float and bool": ("dossiers = [3.5, true]", "not a dossier number: 3.5"),
    "dossiers empty and blank": ('dossiers = ["", " "]', 'not a dossier number: ""'),
    "dossier as an integer": ("dossiers = [31066]", "not a dossier number: 31066"),
    "datetime date": ("date = 2025-10-07T10:00:00", "date must be a date such as 2025-12-02"),
    "date as a string": ('date = "2025-10-07"', "date must be a date"),
    "date in year 3": ("date = 0003-10-07", "date must be a date between"),
    "unknown chamber": ('chamber = "Derde Kamer"', "chamber must be 'Tweede Kamer' or 'Eerste Kamer'"),
    # item 4: crashes that took the whole build down
    "identifier a number": ("identifier = 12", "identifier must be a publication identifier"),
    "identifier with markup": ('identifier = "<script>x</script>"', "identifier must be a publication identifier"),
    "source_url a list": ('source_url = ["https://a.example/"]', "source_url must be an http or https address"),
    "source_url javascript": ('source_url = "javascript:alert(1)"', "source_url must be an http or https address"),
    "source_url data": ('source_url = "data:text/html,<script>alert(1)</script>"', "source_url must be an http or https address"),
    "source_url without host": ('source_url = "https:///pad"', "source_url must be an http or https address"),
    "dossier of 5,000 digits": (f'dossiers = ["{"9" * 5000}"]', "not a dossier number"),
    # tomllib raises a ValueError for these, a RecursionError for those, naming no line: once line 1
    "integer of 5,000 digits": (
        f"dossiers = [{'9' * 5000}]", "not valid TOML: an integer of 5000 digits, more than the 4300 Python reads (column 13)"),
    "integer of 5,000 digits with underscores": (
        f"date = 1_{'0' * 4999}", "not valid TOML: an integer of 5000 digits, more than the 4300 Python reads (column 8)"),
    "arrays nested thousands deep": (
        "dossiers = " + "[" * 5000 + "]" * 5000, "not valid TOML: values nested more than 100 deep (arrays, tables, dotted keys) (column 111)"),
    "inline tables nested thousands deep": (
        "dossiers = " + "{a = " * 5000 + "1" + "}" * 5000, "not valid TOML: values nested more than 100 deep (arrays, tables, dotted keys) (column 258)"),
    "a dotted key thousands deep": ("dossiers" + ".a" * 5000 + " = 1", "not valid TOML: values nested more than 100 deep (arrays, tables, dotted keys) (column 1)"),
}
"""Case -> (the sidecar's third line, what the error says). The hostile values are synthetic."""


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_bad_sidecar_value_is_an_error_at_its_line_and_the_other_letters_build(tmp_path: Path, case: str) -> None:
    line, message = BAD[case]
    seeds = make_seeds(tmp_path, {f"{QUESTIONS}.toml": f"{HEAD}{line}\n"})
    built = build(tmp_path, seeds, site=False)
    assert built.status == 0
    assert any(line.startswith(f"error: {SIDECAR}:3: ") and message in line for line in built.stderr.splitlines())
    assert "Traceback" not in built.stderr and "9" * 100 not in built.stderr
    for page in OTHER_PAGES:
        assert (built.docs / page).is_file(), page
    assert not (built.docs / QUESTIONS_PAGE).exists(), "a letter whose facts are wrong is not published with them"


@pytest.mark.parametrize("case", ["dossier named index", "datetime date", "identifier a number", "integer of 5,000 digits", "arrays nested thousands deep"])
def test_the_strict_build_fails_on_a_bad_sidecar(tmp_path: Path, case: str) -> None:
    seeds = make_seeds(tmp_path, {f"{QUESTIONS}.toml": f"{HEAD}{BAD[case][0]}\n"})
    built = build(tmp_path, seeds, strict=True, site=False)
    assert built.status == 1
    assert f"error: {SIDECAR}:3: " in built.stderr


def test_dossiers_index_never_overwrites_the_dossier_overview_and_the_rest_is_a_site(tmp_path: Path) -> None:
    seeds = make_seeds(tmp_path, {f"{QUESTIONS}.toml": f'{HEAD}dossiers = ["index"]\n'})
    built = build(tmp_path, seeds)
    assert built.status == 0
    assert f"error: {SIDECAR}:3: dossiers must be" in built.stderr
    overview = (built.docs / "dossiers" / "index.md").read_text(encoding="utf-8")
    assert "# Dossiers" in overview or "title: Dossiers" in overview
    assert (built.site / "eerste-kamer" / "2026-02-12" / "antwoordbrief" / "index.html").is_file()
    assert (built.site / "dossiers" / "index.html").is_file()


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ('dossiers = ["31066"\n', 3, None),  # never closed: TOML notices at the end, the last line
        ('dossiers = ["31066"]]\n', 3, 21),
        ("date = 2025-02-31\n", 3, 8),
        ('identifier = "kst-1\n', 3, 20),
    ],
)
def test_bad_toml_is_an_error_at_the_line_and_column_toml_names(tmp_path: Path, text: str, line: int, column: int | None) -> None:
    seeds = make_seeds(tmp_path, {f"{QUESTIONS}.toml": f"{HEAD}{text}"})
    built = build(tmp_path, seeds, site=False)
    assert f"error: {SIDECAR}:{line}: not valid TOML: " in built.stderr
    assert f"(column {column})" in built.stderr if column else "(at the end of the file)" in built.stderr
    assert (built.docs / OTHER_PAGES[0]).is_file()


def test_an_unknown_key_is_a_warning_naming_it_and_the_key_it_misspells(tmp_path: Path) -> None:
    seeds = make_seeds(tmp_path, {f"{QUESTIONS}.toml": f'{HEAD}dosiers = ["26643"]\n'})
    built = build(tmp_path, seeds, strict=True, site=False)
    assert built.status == 0, "a warning does not fail the strict build"
    assert f"warning: {SIDECAR}:3: unknown key 'dosiers' ignored (did you mean 'dossiers'?)" in built.stderr
    assert (built.docs / QUESTIONS_PAGE).is_file()


def test_every_problem_of_a_sidecar_is_reported_each_at_its_own_line(tmp_path: Path) -> None:
    text = f'{HEAD}identifier = 12\n\n# de bron\nsource_url = "ftp://example.org/x.pdf"\nkamer = "Tweede Kamer"\n'
    seeds = make_seeds(tmp_path, {f"{QUESTIONS}.toml": text})
    built = build(tmp_path, seeds, site=False)
    assert f"error: {SIDECAR}:3: identifier must be" in built.stderr
    assert f"error: {SIDECAR}:6: source_url must be" in built.stderr
    assert f"warning: {SIDECAR}:7: unknown key 'kamer' ignored" in built.stderr


def test_a_sidecar_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    text = "\ufeff" + (SEEDS / f"{VERSLAG}.toml").read_text(encoding="utf-8")
    seeds = make_seeds(tmp_path, {f"{VERSLAG}.toml": text.encode("utf-8")})
    source = read_source(seeds / f"{VERSLAG}.txt", f"seeds/{VERSLAG}.txt")
    assert source.sidecar == Sidecar(f"seeds/{VERSLAG}.toml", dossiers=("31066", "26643"), lines=(("dossiers", 3),))
    built = build(tmp_path, seeds, strict=True, site=False)
    assert built.status == 0 and "toml" not in built.stderr


def test_a_utf16_sidecar_is_named_as_such(tmp_path: Path) -> None:
    text = (SEEDS / f"{VERSLAG}.toml").read_text(encoding="utf-8")
    seeds = make_seeds(tmp_path, {f"{VERSLAG}.toml": text.encode("utf-16")})
    built = build(tmp_path, seeds, site=False)
    assert f"error: seeds/{VERSLAG}.toml:1: UTF-16 text; save it as UTF-8" in built.stderr


def test_the_seed_sidecars_give_typed_facts() -> None:
    questions = read_source(SEEDS / f"{QUESTIONS}.txt", f"seeds/{QUESTIONS}.txt")
    assert questions.sidecar == Sidecar(f"seeds/{QUESTIONS}.toml", chamber="Tweede Kamer", lines=(("chamber", 2),))
    assert questions.diagnostics == ()


def test_a_full_sidecar_is_accepted(tmp_path: Path) -> None:
    text = (
        'identifier = "ah-tk-20252026-412"\nsource_url = "https://zoek.officielebekendmakingen.nl/ah-tk-20252026-412.pdf"\n'
        'dossiers = ["31066", "36600-VII", "21501-32"]\ndate = 2025-11-03\nchamber = "Tweede Kamer"\n'
    )
    seeds = make_seeds(tmp_path, {f"{QUESTIONS}.toml": text})
    source = read_source(seeds / f"{QUESTIONS}.txt", f"seeds/{QUESTIONS}.txt")
    assert source.sidecar is not None
    assert source.sidecar.dossiers == ("31066", "36600-VII", "21501-32")
    assert source.sidecar.identifier == "ah-tk-20252026-412"
    assert dict(source.sidecar.lines) == {"identifier": 1, "source_url": 2, "dossiers": 3, "date": 4, "chamber": 5}


def test_lines_are_found_past_multi_line_strings_and_arrays_and_quoted_keys() -> None:
    """Synthetic TOML: the shapes a key's line must be found through (no seed sidecar has them)."""
    from generator.errors import ReadError
    from generator.readers.sidecar import read_sidecar

    text = (
        "# feiten\n"
        'source_url = """https://a.example/\n'
        'chamber = "Derde Kamer" """\n'
        '"date" = 2025-01-01T00:00:00\n'
        "dossiers = [\n"
        '  "31066", # ] = "\n'
        "  3,\n"
        "]\n"
        "[extra]\n"
        'identifier = "niet-boven"\n'
    )
    with pytest.raises(ReadError) as raised:
        read_sidecar(text.encode("utf-8"), "seeds/x.toml")
    reported = [(d.line, d.severity, d.message.split(" ")[0]) for d in raised.value.diagnostics]
    assert reported == [(2, "error", "source_url"), (4, "error", "date"), (5, "error", "dossiers"), (9, "warning", "unknown")]
