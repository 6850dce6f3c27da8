"""A bad `redirects.toml` is named at the line of the key at fault: `redirects.toml:<line>: …`.

Every file here is synthetic: the committed `redirects.toml` declares no redirect yet, and none
holds these mistakes. Each case starts with two comment lines, so a problem reported at line 1
(as a too-long integer and deep nesting once were, and every redirects problem) fails.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import SHOWN_LINES
from generator.redirects import Redirects, RedirectsError, parse_redirects, read_redirects, redirect_problems
from tests.security.harness import build, make_docs, make_seeds

HEAD = "# Verhuisde pagina's en hernoemde ankers.\n# Zie generator/redirects.py.\n"
PAGE = "eerste-kamer/2026-02-12/antwoordbrief/"
NESTED = "values nested more than 100 deep (arrays, tables, dotted keys)"

BAD = {
    "a string never closed": (f'[pages]\n"{PAGE}" = "elders/\n', 4, "not valid TOML: Illegal character '\\n' (column 52)"),
    "a table never closed": ("[pages\n", 3, "not valid TOML: Expected ']' at the end of a table declaration (column 7)"),
    "a key given twice": (f'[pages]\n"{PAGE}" = "a/"\n"{PAGE}" = "b/"\n', 5, "not valid TOML: Cannot overwrite a value (column 48)"),
    "an integer of 5,000 digits": (
        f'[pages]\n"{PAGE}" = {"9" * 5000}\n', 4, "not valid TOML: an integer of 5000 digits, more than the 4300 Python reads (column 44)"),
    "arrays nested 5,000 deep": (f'[pages]\n"{PAGE}" = {"[" * 5000}{"]" * 5000}\n', 4, f"not valid TOML: {NESTED} (column 142)"),
    "a header 5,000 tables deep": (f"[pages{'.a' * 5000}]\n", 3, f"not valid TOML: {NESTED} (column 2)"),
    "an unknown table": (f'[pages]\n"{PAGE}" = "a/"\n\n[elders]\n', 6, "unknown key 'elders'; only the tables [pages] and [anchors]"),
    "pages not a table": ('pages = ["a/", "b/"]\n', 3, "[pages] must be a table"),
    "a page that is no address": (
        f'[pages]\n"{PAGE}" = "a/"\n"/a/b" = "c/"\n', 5, "[pages] '/a/b' = 'c/': both must be page addresses such as 'eerste-kamer/2026-02-12/antwoordbrief/'"),
    "an anchor key without an anchor": (
        f'[anchors]\n\n"{PAGE}" = "vraag-2"\n', 5,
        f"[anchors] '{PAGE}' = 'vraag-2': the key must be a page address with '#anchor', the value an anchor or a page address with '#anchor'"),
    "an anchor in an inline table": (
        'anchors = {"a/#vraag-1" = "vraag-2", "b/#x" = 3}\n', 3,
        "[anchors] 'b/#x' = 3: the key must be a page address with '#anchor', the value an anchor or a page address with '#anchor'"),
}
"""Case -> (the file after HEAD, the line at fault, the message)."""


@pytest.mark.parametrize("case", sorted(BAD))
def test_a_bad_redirect_is_named_at_its_line(case: str) -> None:
    text, line, message = BAD[case]
    with pytest.raises(RedirectsError) as raised:
        parse_redirects(HEAD + text)
    assert str(raised.value) == f"redirects.toml:{line}: {message}"


def test_every_bad_redirect_is_named_in_the_order_of_the_file() -> None:
    text = f'{HEAD}[anchors]\n"a/" = "x"\n\n[pages]\n"{PAGE}" = "b/"\n"c" = "d/"\n\n[elders]\n'
    with pytest.raises(RedirectsError) as raised:
        parse_redirects(text)
    assert [line.split(" ")[0] for line in str(raised.value).splitlines()] == [
        "redirects.toml:4:", "redirects.toml:8:", "redirects.toml:10:"]


def test_a_long_or_hostile_value_is_shown_short_and_escaped() -> None:
    text = f'{HEAD}[pages]\n"a\\u001b[31m/" = "{"x" * 5000}"\n'
    with pytest.raises(RedirectsError) as raised:
        parse_redirects(text)
    message = str(raised.value)
    assert message.startswith("redirects.toml:4: [pages] 'a\\x1b[31m/' = 'xxx")
    assert "\x1b" not in message and len(message) < 300


def test_a_redirect_that_cannot_work_is_named_at_its_line() -> None:
    declared = parse_redirects(f'{HEAD}[pages]\n"a/" = "b/"\n\n"c/" = "d/"\n')
    assert declared == Redirects(pages={"a/": "b/", "c/": "d/"})
    assert redirect_problems(declared, {"b/", "c/"}) == [
        "redirects.toml:6: [pages] 'c/' is still a page of the site; remove the redirect or the page"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (f'{HEAD}[pages]\n"a/" = "b\xff/"\n'.encode("latin-1"), 'redirects.toml:4: not valid UTF-8 — y. [pages] "a/" = "b�/"'),
        (f'{HEAD}[pages]\n"a/" = "b/"\n'.encode("utf-16"), "redirects.toml:1: UTF-16 text; save it as UTF-8"),
        (f'{HEAD}[pages]\n"a/" = "b\x00/"\n'.encode(), "redirects.toml:4: binary file (NUL byte)"),
    ],
)
def test_a_redirects_file_that_is_not_utf8_text_is_named_at_its_line(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "redirects.toml"
    path.write_bytes(content)
    with pytest.raises(RedirectsError) as raised:
        read_redirects(path)
    assert str(raised.value) == message


def test_a_byte_order_mark_and_an_empty_file_are_read(tmp_path: Path) -> None:
    path = tmp_path / "redirects.toml"
    path.write_bytes(f'\ufeff{HEAD}[pages]\n"a/" = "b/"\n'.encode())
    assert read_redirects(path).pages == {"a/": "b/"}
    assert read_redirects(path).lines == {"a/": 4}
    path.write_bytes(b" \n")
    assert read_redirects(path) == Redirects()


def test_a_folder_in_the_place_of_the_file_is_named(tmp_path: Path) -> None:
    (tmp_path / "redirects.toml").mkdir()
    with pytest.raises(RedirectsError, match=r"^redirects\.toml:1: cannot be read \(Is a directory\)$"):
        read_redirects(tmp_path / "redirects.toml")


@pytest.mark.parametrize("strict", [False, True])
def test_the_build_names_a_bad_redirects_file_in_one_line_and_fails_before_generating(tmp_path: Path, strict: bool) -> None:
    """Through the command line: exit status 1, one line naming the place, no traceback; the
    redirects are read before the letters are (a bad file fails at once, not after the site is
    built): docs/ is as it was, and no site or cache is made."""
    (tmp_path / "redirects.toml").write_text(f'{HEAD}[pages]\n"{PAGE}" = {"[" * 5000}\n', encoding="utf-8")
    docs = make_docs(tmp_path)
    before = _files(docs)
    built = build(tmp_path, make_seeds(tmp_path), strict=strict)
    assert built.status == 1
    assert built.stderr.splitlines() == [f"kamerdossier: redirects.toml:4: not valid TOML: {NESTED} (column 142)"]
    assert _files(docs) == before
    assert not (tmp_path / "site").exists() and not (tmp_path / ".cache").exists()


def test_a_redirects_file_with_thousands_of_bad_lines_is_reported_in_fifty_and_counted(tmp_path: Path) -> None:
    """Every line of the file is checked, but the command line prints the first `SHOWN_LINES`
    problems and counts the rest exactly. Synthetic: 3,000 page redirects that are no addresses."""
    bad = 3000
    (tmp_path / "redirects.toml").write_text(HEAD + "[pages]\n" + "".join(f'"/x{n}" = "y/"\n' for n in range(bad)), encoding="utf-8")
    with pytest.raises(RedirectsError) as raised:
        read_redirects(tmp_path / "redirects.toml")
    assert len(str(raised.value).splitlines()) == bad
    built = build(tmp_path, make_seeds(tmp_path, keep_seeds=False))
    lines = built.stderr.splitlines()
    assert built.status == 1 and len(lines) == SHOWN_LINES + 1
    assert lines[0] == "kamerdossier: redirects.toml:4: [pages] '/x0' = 'y/': both must be page addresses such as 'eerste-kamer/2026-02-12/antwoordbrief/'"
    assert lines[SHOWN_LINES - 1].startswith(f"redirects.toml:{3 + SHOWN_LINES}: [pages] '/x{SHOWN_LINES - 1}' = 'y/'")
    assert lines[-1] == f"… and {bad - SHOWN_LINES} more"


def _files(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}
