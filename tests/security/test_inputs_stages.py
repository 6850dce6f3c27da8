"""Every stage fails per letter (issue 7, items 4, 7, 8 and 9): what crashed the whole build is
an error at the letter's `path:line` and a built site for the rest; a stale `docs/.generated`
deletes no hand-written file; a missing `published.txt` is an error; a guessed chamber is said to
be one; an impossible date is an error at its line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import generator.link.record
import generator.render
from tests.security.harness import QUESTIONS, VERSLAG, build, injected, make_docs, make_seeds

QUESTIONS_HTML = "tweede-kamer/2025-10-07/schriftelijke-vragen/index.html"
VERSLAG_HTML = "eerste-kamer/2026-02-12/antwoordbrief/index.html"
HEAD = "# Feiten die de tekst niet draagt.\n# (ook op deze regel)\n"

CRASHES = {
    # case -> (files, the file the error names, the page of the other letter that must be built)
    "identifier = 12": ({f"{QUESTIONS}.toml": f"{HEAD}identifier = 12\n"}, f"seeds/{QUESTIONS}.toml:3", VERSLAG_HTML),
    "source_url = [ … ]": (
        {f"{QUESTIONS}.toml": f'{HEAD}source_url = ["https://zoek.officielebekendmakingen.nl/a.pdf", "https://b.example/"]\n'},
        f"seeds/{QUESTIONS}.toml:3", VERSLAG_HTML,
    ),
    "a datetime date on an undated letter": (
        {
            f"{QUESTIONS}.txt": injected(QUESTIONS, "(ingezonden 7 oktober 2025)", ""),
            f"{QUESTIONS}.toml": f"{HEAD}date = 2025-10-07T09:30:00\n",
        },
        f"seeds/{QUESTIONS}.toml:3", VERSLAG_HTML,
    ),
    "a 5,000-digit dossier number": (
        {f"{VERSLAG}.toml": f'{HEAD}dossiers = ["{"3" * 5000}"]\n'}, f"seeds/{VERSLAG}.toml:3", QUESTIONS_HTML,
    ),
    "antwoord op vraag 999…9": (
        {f"{VERSLAG}.txt": injected(VERSLAG, "Ik verwijs u naar het antwoord op vraag 10.", f"Ik verwijs u naar het antwoord op vraag {'9' * 5000}.")},
        f"seeds/{VERSLAG}.txt:615", QUESTIONS_HTML,  # the line of the referral (seeds/001…txt:615)
    ),
}


@pytest.mark.parametrize("case", sorted(CRASHES))
def test_what_crashed_the_build_is_an_error_at_its_place_and_the_rest_is_a_site(tmp_path: Path, case: str) -> None:
    files, place, other = CRASHES[case]
    built = build(tmp_path, make_seeds(tmp_path, files))
    assert built.status == 0, built.stderr
    # an error (or, where the parser bounds the number and reports it, a warning) at the place
    found = re.search(rf"^(error|warning): {re.escape(place)}: ", built.stderr, re.MULTILINE)
    assert found, built.stderr
    assert "Traceback" not in built.stderr and "9" * 200 not in built.stderr and "3" * 200 not in built.stderr
    assert (built.site / other).is_file()
    strict = build(tmp_path / "strikt", make_seeds(tmp_path / "strikt", files), strict=True, site=False)
    assert strict.status == (1 if found[1] == "error" else 0)


def _failing_for(path_end: str, original):
    """Wrap a stage function so it raises for the record whose path ends with `path_end`:
    a synthetic bug (no real letter shows one any more), to see that it stays with its letter."""

    def failing(record, *args, **kwargs):
        if record.path.endswith(path_end):
            raise RuntimeError("kapot <script>alert(1)</script>\x1b[31m")
        return original(record, *args, **kwargs)

    return failing


def test_an_exception_while_rendering_one_letter_leaves_out_that_letter_only(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(generator.render, "render_letter_page", _failing_for(f"{QUESTIONS}.txt", generator.render.render_letter_page))
    built = build(tmp_path, make_seeds(tmp_path))
    assert built.status == 0, built.stderr
    assert f"error: seeds/{QUESTIONS}.txt:1: internal error while rendering (RuntimeError); please report it; this letter is left out" in built.stderr
    assert "\x1b" not in built.stderr, "the message cannot drive the terminal"
    assert (built.site / VERSLAG_HTML).is_file()
    assert not (built.site / QUESTIONS_HTML).exists()
    assert build(tmp_path / "strikt", make_seeds(tmp_path / "strikt"), strict=True, site=False).status == 1


def test_an_exception_while_linking_one_letter_leaves_out_that_letter_only(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(generator.link.record, "check_footnotes", _failing_for(f"{VERSLAG}.txt", generator.link.record.check_footnotes))
    built = build(tmp_path, make_seeds(tmp_path))
    assert built.status == 0, built.stderr
    assert re.search(rf"^error: seeds/{VERSLAG}\.txt:\d+: internal error while linking \(RuntimeError\)", built.stderr, re.MULTILINE)
    assert (built.site / QUESTIONS_HTML).is_file()
    assert not (built.site / VERSLAG_HTML).exists()


def test_a_stale_generated_list_deletes_no_hand_written_file(tmp_path: Path) -> None:
    docs = make_docs(tmp_path)
    hand_written = {path: path.read_bytes() for path in docs.rglob("*") if path.is_file()}
    assert docs / "javascripts" / "citeren.js" in hand_written and docs / "over.md" in hand_written
    listed = "".join(f"{path.relative_to(docs).as_posix()}\n" for path in hand_written)
    (docs / ".generated").write_text(listed + "".join(f"{'a' * 64}  {p.relative_to(docs).as_posix()}\n" for p in hand_written), encoding="utf-8")
    built = build(tmp_path, make_seeds(tmp_path), strict=True, docs=docs)
    assert built.status == 0, built.stderr
    for path, content in hand_written.items():
        assert path.read_bytes() == content, path
    assert "warning: docs/over.md:1: listed in docs/.generated but changed since it was written" in built.stderr
    assert (built.site / "over" / "index.html").is_file()
    assert (built.site / "javascripts" / "citeren.js").is_file()


def test_a_missing_published_list_is_an_error_unless_the_site_is_new(tmp_path: Path, capsys) -> None:
    """An error before anything is built (docs/ as it was, no site), not once the site is built."""
    from generator.cli import main
    from tests.security.harness import CONFIG

    seeds = make_seeds(tmp_path)
    docs = make_docs(tmp_path)
    before = {path: path.read_bytes() for path in docs.rglob("*") if path.is_file()}
    args = ["build", "--seeds", str(seeds), "--docs", str(docs), "--site", str(tmp_path / "site"), "--config", str(CONFIG),
            "--manifest", str(tmp_path / "published.txt"), "--redirects", str(tmp_path / "redirects.toml")]
    assert main(args) == 1
    said = capsys.readouterr().err.splitlines()
    assert len(said) == 1 and said[0].startswith(f"kamerdossier: {tmp_path / 'published.txt'}: not found; ")
    assert {path: path.read_bytes() for path in docs.rglob("*") if path.is_file()} == before
    assert not (tmp_path / "site").exists()
    assert main([*args, "--new-site"]) == 0


def test_a_missing_published_list_says_what_to_do(tmp_path: Path, capsys) -> None:
    from generator.permanence import ManifestError, read_manifest

    with pytest.raises(ManifestError, match=r"published.txt: not found; .* --new-site"):
        read_manifest(tmp_path / "published.txt")
    assert read_manifest(tmp_path / "published.txt", missing_ok=True) == {}


def test_a_chamber_named_in_passing_is_a_guess_and_said_so(tmp_path: Path) -> None:
    """The written questions (no sidecar) mention `de Eerste Kamer` in their text: Eerste Kamer is a guess."""
    letter = injected(QUESTIONS, "met de Kamer delen", "met de Eerste Kamer delen")
    seeds = make_seeds(tmp_path, {f"{QUESTIONS}.txt": letter})
    (seeds / f"{QUESTIONS}.toml").unlink()
    built = build(tmp_path, seeds, site=False)
    line = next(n for n, text in enumerate(letter.splitlines(), start=1) if "de Eerste Kamer delen" in text)
    assert (
        f"warning: seeds/{QUESTIONS}.txt:{line}: chamber guessed: Eerste Kamer, named here in the text but not in the "
        "letter's heading (set `chamber` in the sidecar)"
    ) in built.stderr


@pytest.mark.parametrize("date", ["31 februari 2025", "99 maart 2025"])
def test_an_impossible_date_is_an_error_at_its_line(tmp_path: Path, date: str) -> None:
    letter = injected(QUESTIONS, "(ingezonden 7 oktober 2025)", f"(ingezonden {date})")
    built = build(tmp_path, make_seeds(tmp_path, {f"{QUESTIONS}.txt": letter}), site=False)
    line = next(n for n, text in enumerate(letter.splitlines(), start=1) if date in text)
    assert f"error: seeds/{QUESTIONS}.txt:{line}: impossible date; not used as a date — {date}" in built.stderr
    assert build(tmp_path / "strikt", make_seeds(tmp_path / "strikt", {f"{QUESTIONS}.txt": letter}), strict=True, site=False).status == 1


def test_a_sidecar_chamber_the_heading_contradicts_is_used_and_the_contradiction_said(tmp_path: Path) -> None:
    """The verslag's title block prints `Eerste Kamer`; a sidecar saying Tweede Kamer wins, with a warning."""
    sidecar = '# feiten\nchamber = "Tweede Kamer"\ndossiers = ["31066", "26643"]\n'
    built = build(tmp_path, make_seeds(tmp_path, {f"{VERSLAG}.toml": sidecar}), site=False)
    assert (
        f"warning: seeds/{VERSLAG}.toml:2: the sidecar says Tweede Kamer, the letter's heading prints Eerste Kamer; "
        "Tweede Kamer used"
    ) in built.stderr
    assert (built.docs / "tweede-kamer" / "2026-02-12" / "antwoordbrief.md").is_file()
