"""No address is ever shared (issue 7, items 2, 3 and 9): letters whose file names slug alike
both get pages; a generated page never lands on a hand-written page, and the message names the
source that asked for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.security.harness import QUESTIONS, VERSLAG, build, injected, make_docs, make_seeds

SUBJECT = "de overstap van de Belastingdienst"


def _marked(word: str) -> str:
    """The written questions with `word` in their subject: a letter as the seed, told apart by one word."""
    return injected(QUESTIONS, SUBJECT, f"de overstap van de {word}")


@pytest.mark.parametrize("names", [("Vragen.txt", "vragen.txt"), ("a b.txt", "a-b.txt", "a.b.txt")])
def test_letters_whose_file_names_slug_alike_all_get_pages(tmp_path: Path, names: tuple[str, ...]) -> None:
    marks = {name: f"Kenmerkwoord{index}x" for index, name in enumerate(names)}
    seeds = make_seeds(tmp_path, {name: _marked(mark) for name, mark in marks.items()})
    built = build(tmp_path, seeds, strict=True)
    assert built.status == 0, built.stderr
    shared = built.docs / "tweede-kamer" / "2025-10-07" / "schriftelijke-vragen.md"  # the address they all wanted
    assert all(mark in shared.read_text(encoding="utf-8") for mark in marks.values()), "it leads to each of them"
    pages = {page: page.read_text(encoding="utf-8") for page in built.pages() if page != shared}
    for name, mark in marks.items():
        holding = [page for page, text in pages.items() if mark in text and "tweede-kamer" in str(page)]
        assert len(holding) == 1, f"{name}: {holding}"
        html = built.site / holding[0].relative_to(built.docs).with_suffix("") / "index.html"
        assert mark in html.read_text(encoding="utf-8")
    again = build(tmp_path / "opnieuw", make_seeds(tmp_path / "opnieuw", {n: _marked(m) for n, m in marks.items()}), site=False)
    assert [p.relative_to(again.docs) for p in again.pages()] == [p.relative_to(built.docs) for p in built.pages()], "stable"


def test_a_dossier_page_on_a_hand_written_page_names_the_sidecar_line_and_the_rest_builds(tmp_path: Path) -> None:
    docs = make_docs(tmp_path)
    (docs / "dossiers").mkdir()
    (docs / "dossiers" / "31066.md").write_text("# Dossier 31066\n\nEigen aantekeningen.\n", encoding="utf-8")
    built = build(tmp_path, make_seeds(tmp_path), docs=docs)
    assert built.status == 0, built.stderr
    assert (
        f"error: seeds/{VERSLAG}.toml:3: asks for the page dossiers/31066.md, which would overwrite a hand-written page "
        "(docs/dossiers/31066.md); this letter is left out"
    ) in built.stderr
    assert (docs / "dossiers" / "31066.md").read_text(encoding="utf-8") == "# Dossier 31066\n\nEigen aantekeningen.\n"
    assert (built.docs / "tweede-kamer" / "2025-10-07" / "schriftelijke-vragen.md").is_file(), "the other letter builds"
    assert (built.site / "tweede-kamer" / "2025-10-07" / "schriftelijke-vragen" / "index.html").is_file()
    strict = build(tmp_path / "strikt", make_seeds(tmp_path / "strikt"), strict=True, site=False, docs=_copy(docs, tmp_path / "strikt"))
    assert strict.status == 1


def _copy(docs: Path, root: Path) -> Path:
    import shutil

    shutil.copytree(docs, root / "docs")
    return root / "docs"


def test_a_hand_written_page_of_the_site_itself_fails_the_build_naming_the_file(tmp_path: Path) -> None:
    """No letter asks for the timeline: the build stops, naming the docs file (nothing is overwritten)."""
    docs = make_docs(tmp_path)
    (docs / "tijdlijn.md").write_text("# Mijn tijdlijn\n", encoding="utf-8")
    built = build(tmp_path, make_seeds(tmp_path), site=False, docs=docs)
    assert built.status == 1
    assert "tijdlijn.md: not written by kamerdossier, or changed since; refusing to overwrite it" in built.stderr
    assert (docs / "tijdlijn.md").read_text(encoding="utf-8") == "# Mijn tijdlijn\n"
