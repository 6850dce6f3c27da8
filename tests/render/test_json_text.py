"""json_text writes what json.dumps(ensure_ascii=False, indent=2) writes of the cleaned document,
whichever way it takes (orjson for a document the character rule leaves alone, its own writer for
any other), and a JsonFragment placed at any depth reads as if the document had been written in one go."""

from __future__ import annotations

import json

import pytest

from generator.render.escape import BODY_KEYS, body_text, json_fragment, json_text, metadata_text

# Synthetic values: the characters and shapes JSON escaping must get right, gathered in one place.
DOCUMENT = {
    "schema": "https://kamerdossier.example/data/kamerdossier.schema.json",
    "letters": [
        {
            "title": "Vragen over ‘M365’ \"en\" \\ <b>\u202e",
            "text": "Vraag 1\nBent u bekend\x00 met \u202ehet bericht?\r\n",
            "numbers": [1, 2, 26643],
            "status": None,
            "quoted": True,
            "answered": False,
            "context": ["a\tb", "c\x85d"],
            "empty": {},
            "none": [],
            "nested": {"text": {"deeper": ["x\x07"]}},
        }
    ],
}


def _cleaned(value, body=False):
    if isinstance(value, str):
        return body_text(value) if body else metadata_text(value)
    if isinstance(value, dict):
        return {key: _cleaned(item, key in BODY_KEYS) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_cleaned(item, body) for item in value]
    return value


def test_json_text_is_json_dumps_of_the_cleaned_document() -> None:
    expected = json.dumps(_cleaned(DOCUMENT), ensure_ascii=False, indent=2) + "\n"
    assert json_text(DOCUMENT) == expected
    assert "\x00" not in expected and "\u202e" not in expected


def test_a_document_the_rule_leaves_alone_is_written_as_json_dumps_writes_it() -> None:
    document = _cleaned(DOCUMENT)
    assert json_text(document) == json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def test_every_character_the_rule_changes_is_cleaned() -> None:
    """Each character either rule changes, in a letter's text and in metadata, is written cleaned:
    none slips through the fast way as it is (all of Unicode is tried)."""
    changed = [c for c in map(chr, range(0x110000)) if body_text(c) != c or metadata_text(c) != c]
    assert {"\x00", "\r", "\x85", "\ud800", "\ufffe", "\u202e", "\u200f"} <= set(changed)
    for character in changed:
        document = {"title": f"a{character}b", "letters": [{"text": f"c{character}d", "numbers": [1]}]}
        assert json_text(document) == json.dumps(_cleaned(document), ensure_ascii=False, indent=2) + "\n", repr(character)


@pytest.mark.parametrize("value", [2**70, -(2**64), 1.5, [True, False, None], ("a", "b")])
def test_values_beyond_what_orjson_writes_are_written_as_json_writes_them(value) -> None:
    assert json_text({"value": value}) == json.dumps({"value": value}, ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("depth", [0, 1, 3])
def test_a_fragment_reads_as_the_document_written_in_one_go(depth: int) -> None:
    whole, placed = DOCUMENT["letters"][0], json_fragment(DOCUMENT["letters"][0])
    for _ in range(depth):
        whole, placed = {"letter": [whole]}, {"letter": [placed]}
    assert json_text(placed) == json_text(whole)


def test_keys_must_be_strings() -> None:
    with pytest.raises(TypeError):
        json_text({1: "a"})


def test_a_letter_with_no_break_spaces_is_left_alone_the_fast_way() -> None:
    """Dutch letters print no-break spaces (seeds/000_04ae587ba6eeb66d.txt has eight, as PDF
    extraction gives them); not printable to `str.isprintable`, but left by the character rule, so
    such text is neither rewritten nor written by the slow JSON writer."""
    from pathlib import Path

    from generator.render.escape import _json_unchanged_by_rule

    seed = Path(__file__).parents[2] / "seeds" / "000_04ae587ba6eeb66d.txt"
    lines = [line for line in seed.read_text(encoding="utf-8").splitlines() if "\u00a0" in line]
    assert len(lines) >= 3
    text = "\n".join(lines)
    assert body_text(text) is text and metadata_text(lines[0]) is lines[0]
    document = {"title": lines[0], "letters": [{"text": text}]}
    assert _json_unchanged_by_rule(document) is not None
    assert json_text(document) == json.dumps(document, ensure_ascii=False, indent=2) + "\n"
