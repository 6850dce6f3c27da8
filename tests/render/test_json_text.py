"""json_text writes what json.dumps(ensure_ascii=False, indent=2) writes of the cleaned document,
and a JsonFragment placed at any depth reads as if the document had been written in one go."""

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


@pytest.mark.parametrize("depth", [0, 1, 3])
def test_a_fragment_reads_as_the_document_written_in_one_go(depth: int) -> None:
    whole, placed = DOCUMENT["letters"][0], json_fragment(DOCUMENT["letters"][0])
    for _ in range(depth):
        whole, placed = {"letter": [whole]}, {"letter": [placed]}
    assert json_text(placed) == json_text(whole)


def test_keys_must_be_strings() -> None:
    with pytest.raises(TypeError):
        json_text({1: "a"})
