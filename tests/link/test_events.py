"""list_events: the letters' own dates and every date they mention, as precise as written.

Texts are copied from seeds/*.txt (line numbers given); the hostile inputs at the end are synthetic.
"""

from __future__ import annotations

import datetime

from generator.build import parse_sources
from generator.link.events import list_events
from generator.model import EventDate, LetterKey
from tests.golden_files import SEEDS
from tests.link.builders import SEED_000, SEED_001, answer, footnote, letter, paragraph, record

ANSWER_DAY = datetime.date(2026, 2, 12)  # seeds/001 line 336: the answer letter's date


def _events(text: str, sent_on: datetime.date | None = ANSWER_DAY, footnotes=(), markers=()):
    found = record(SEED_001, letter(2, "antwoordbrief", answer(1, "BBB", paragraph("p1", text, 400, markers=markers)),
                                    sent_on=sent_on, footnotes=footnotes))
    return [(event.date, [(s.written, s.inferred) for s in event.sources if s.role == "vermeld"])
            for event in list_events((found,)) if any(s.role == "vermeld" for s in event.sources)]


def test_a_full_date_is_a_day() -> None:
    # seeds/000 lines 23-24 (joined): "waarover de demissionaire premier op 30 september 2025 nog uitsprak"
    assert _events("waarover de demissionaire premier op 30 september\n2025 nog uitsprak") == [
        (EventDate("dag", 2025, 9, 30), [("30 september 2025", None)])
    ]


def test_jl_takes_the_most_recent_such_date_before_the_letter() -> None:
    # seeds/001 line 430 and 781
    assert _events("Zoals aangegeven in de brief van 2 oktober jl. gaat het om de kantoorautomatisering.") == [
        (EventDate("dag", 2025, 10, 2), [("2 oktober jl.", "jaar uit de datum van de brief")])
    ]
    assert _events("Zoals aangegeven in mijn brief van oktober jl. blijven de applicaties") == [
        (EventDate("maand", 2025, 10), [("oktober jl.", "jaar uit de datum van de brief")])
    ]


def test_a_date_without_year_takes_the_year_of_the_cited_documents_vergaderjaar() -> None:
    # seeds/001 lines 417-418 and 460: "… van 1 juli.10" with footnote 10 "Kamerstukken II, 2024/25, nr. 2592"
    text = "de staatssecretaris van Binnenlandse Zaken en Koninkrijksrelaties van 1 juli. Het kabinet kan"
    note = footnote(10, "Kamerstukken II, 2024/25, nr. 2592", 460)
    found = _events(text, footnotes=(note,), markers=((10, text.index(".") + 1),))
    assert found == [(EventDate("dag", 2025, 7, 1), [("1 juli", "jaar uit het vergaderjaar 2024/25 van de geciteerde voetnoot")])]
    # Synthetic: a vergaderjaar of 2023/24 puts 1 juli in 2024, though the letter is of 2026.
    older = footnote(10, "Kamerstukken II, 2023/24, nr. 1", 460)
    assert _events(text, footnotes=(older,), markers=((10, text.index(".") + 1),))[0][0] == EventDate("dag", 2024, 7, 1)


def test_years_and_vague_periods_keep_their_precision() -> None:
    # seeds/001 lines 379, 561 and 575
    assert _events("De keuze voor M365 is gemaakt in 2021. De (geo)politieke situatie") == [
        (EventDate("jaar", 2021), [("2021", None)])
    ]
    assert _events("In het voorjaar, naar aanleiding van politieke en maatschappelijke aandacht") == [
        (EventDate("periode", 2025, 3, period="voorjaar"), [("het voorjaar", "jaar uit de datum van de brief")])
    ]
    assert _events("Begin dit jaar heeft de Belastingdienst naar aanleiding van de (geo)politieke") == [
        (EventDate("periode", 2026, 1, period="begin"), [("Begin dit jaar", "jaar uit de datum van de brief")])
    ]


def test_numbers_identifiers_and_citations_are_not_dates() -> None:
    # seeds/001 lines 146-148, 460, 96; seeds/000 line 93
    text = ("Bij de drie diensten werken 34000 fte met een verlies aan productiviteit van 2245 fte. "
            "Kamerstukken II, 2024/25, nr. 2592. Kamerstukken I, 2025/26, 31066/26643, AO. "
            "Kamerbrief met nummer 2025D42960. dit bedrag is inclusief 2026. 14,4 miljoen euro. 31 februari 2025.")
    assert _events(text) == []


def test_without_the_letters_date_a_yearless_date_is_not_guessed() -> None:
    assert _events("de brief van 2 oktober jl.", sent_on=None) == []


def test_the_seed_corpus_events_in_order_one_event_per_date_with_all_sources() -> None:
    records, _ = parse_sources(SEEDS)
    events = list_events(records)
    dates = [event.date for event in events]
    assert dates == sorted(dates, key=lambda d: (d.year, d.month or 0, ["jaar", "periode", "maand", "dag"].index(d.precision), d.day or 0))
    labels = [(d.precision, d.year, d.month, d.day) for d in dates]
    for wanted in [("jaar", 2021, None, None), ("dag", 2025, 1, 15), ("dag", 2025, 6, 2), ("dag", 2025, 7, 1),
                   ("dag", 2025, 9, 30), ("dag", 2025, 10, 2), ("dag", 2025, 10, 7), ("dag", 2025, 12, 2),
                   ("dag", 2026, 2, 12)]:
        assert wanted in labels, wanted
    october_2 = next(event for event in events if event.date == EventDate("dag", 2025, 10, 2))
    # NOS.nl (seeds/000 footnote 1), the committee letter (seeds/001 line 28) and the answers (lines 430, 472)
    assert [(s.letter, s.written) for s in october_2.sources] == [
        (LetterKey(SEED_000, 0), "2 oktober 2025"), (LetterKey(SEED_001, 1), "2 oktober 2025"),
        (LetterKey(SEED_001, 2), "2 oktober jl."), (LetterKey(SEED_001, 2), "2 oktober 2025"),
    ]
    own = next(event for event in events if event.date == EventDate("dag", 2025, 10, 7))
    assert [(s.role, s.letter) for s in own.sources] == [("ingezonden", LetterKey(SEED_000, 0))]  # not also "vermeld"
    december = next(event for event in events if event.date == EventDate("dag", 2025, 12, 2))
    assert [(s.role, s.letter.index) for s in december.sources] == [("verstuurd", 1), ("vermeld", 0)]
    assert not any(s.role != "vermeld" and s.letter == LetterKey(SEED_001, 0) for e in events for s in e.sources)  # the undated cover note


def test_phrases_come_from_the_sentence() -> None:
    records, _ = parse_sources(SEEDS)
    events = {event.date: event for event in list_events(records)}
    rekenkamer = events[EventDate("dag", 2025, 1, 15)].sources[0]
    assert rekenkamer.paragraph == "fn1-9" and rekenkamer.phrase.startswith("Rapport ‘Het Rijk in de cloud’, Algemene Rekenkamer, 15 januari 2025")
    juni = events[EventDate("dag", 2025, 6, 2)].sources[0]
    assert juni.phrase == "… door de toenmalige Minister van Economische Zaken op 2 juni 2025 (link)."


def test_a_long_hostile_text_is_read_to_the_end() -> None:
    # Synthetic: near-misses of every pattern, repeated (the patterns are possessive, so this is one
    # linear pass; speed itself is measured by benchmarks/, not here). Identical mentions merge.
    text = ("1 oktober" + " " * 50 + "x. ") * 2000 + ("begin " * 5000) + ("het " * 5000) + ("in " * 5000) + "2" * 20000
    text += " in 2021."
    found = _events(text)
    assert [date for date, _ in found] == [EventDate("jaar", 2021), EventDate("dag", 2025, 10, 1)]


def test_a_date_in_any_case_is_read_where_its_words_are_looked_for_first() -> None:
    # Synthetic: months and seasons in capitals, or with the Kelvin sign a case-blind pattern reads
    # as `k`; a paragraph is only read for dates when it holds a year's first digits, a month,
    # `jaar` or a season (`_may_hold_date`), found in the text lower-cased.
    assert _events("in o\u212atober jl., afgelopen Zomer, in het NAJAAR, Begin Dit Jaar, op 2 JULI jl.") == [
        (EventDate("periode", 2025, 6, period="zomer"), [("afgelopen Zomer", "jaar uit de datum van de brief")]),
        (EventDate("dag", 2025, 7, 2), [("2 JULI jl.", "jaar uit de datum van de brief")]),
        (EventDate("periode", 2025, 9, period="najaar"), [("het NAJAAR", "jaar uit de datum van de brief")]),
        (EventDate("maand", 2025, 10), [("o\u212atober jl.", "jaar uit de datum van de brief")]),
        (EventDate("periode", 2026, 1, period="begin"), [("Begin Dit Jaar", "jaar uit de datum van de brief")]),
    ]


def test_every_date_of_the_real_letters_is_found_where_dates_are_looked_for() -> None:
    """In each paragraph and footnote of the real letters, `_DATE` tried only where `date_starts`
    says a date may start (near a year, a month, `jaar` or a season word) finds what it finds
    tried before every character."""
    from generator.link._walk import walk_paragraphs
    from generator.link.events import _DATE, date_starts
    from generator.link.scan import finds_after_boundary

    fixtures = SEEDS.parent / "tests" / "fixtures"
    records, _ = parse_sources(SEEDS)
    records += parse_sources(fixtures / "letters")[0] + parse_sources(fixtures / "aanhangsel")[0]
    texts = [place.paragraph.text for found in records for place in walk_paragraphs(found, footnotes=True)]
    everywhere = [[(start, end) for _, start, end in finds_after_boundary(_DATE, text, "date")] for text in texts]
    near = [
        [(start, end) for _, start, end in finds_after_boundary(_DATE, text, "date", starts)]
        for text, starts in zip(texts, date_starts(texts))
    ]
    assert sum(map(len, everywhere)) > 100
    assert near == everywhere


def test_a_date_is_found_after_long_white_space_and_words_around_it() -> None:
    # Synthetic: every kind of date with runs of white space inside, glued to brackets, in capitals,
    # after the word before it (`op 2 oktober`), inside words that hold a month or `jaar`
    # (`jaarverslag`, `junior`), and many on one line: the places tried are the places found.
    from generator.link.events import _DATE, date_starts
    from generator.link.scan import finds_after_boundary

    texts = [
        "op 2 \t\u2003 oktober   2025 jl. en (begin \n dit   jaar) of [het  VOORJAAR van 2024], in\u00a02021",
        "jaarverslag junior 2020x half volgend jaar, eind 1999, afgelopen winter, vorig najaar, 31 mei.",
        "juli 2024/25 sinds 2023, vanaf 2019.5 tot 2020. " * 50 + "3 " * 100 + "maart jl.",
        "1 oktober" + " " * 50 + "x. " + "begin " * 30 + "het " * 30 + "in " * 30 + "2" * 200 + " in 2021.",
    ]
    for text, starts in zip(texts, date_starts(texts)):
        everywhere = [(start, end) for _, start, end in finds_after_boundary(_DATE, text, "date")]
        near = [(start, end) for _, start, end in finds_after_boundary(_DATE, text, "date", starts)]
        assert everywhere and near == everywhere


def test_a_month_or_season_with_letters_a_case_blind_pattern_reads_as_ascii_is_a_date() -> None:
    # Synthetic: the long s `ſ` and the dotless `ı` match `s` and `i` in the case-blind pattern;
    # the month is then named as it is folded (`scan.folded`), where its lower case failed to name one.
    assert _events("Op 3 \u017feptember jl. en in jul\u0131 jl., begın d\u0131t jaar") == [
        (EventDate("maand", 2025, 7), [("jul\u0131 jl.", "jaar uit de datum van de brief")]),
        (EventDate("dag", 2025, 9, 3), [("3 \u017feptember jl.", "jaar uit de datum van de brief")]),
        (EventDate("periode", 2026, 1, period="begin"), [("begın d\u0131t jaar", "jaar uit de datum van de brief")]),
    ]


def test_a_source_said_twice_in_the_same_words_is_listed_once() -> None:
    # synthetic: no seed repeats a sentence naming a date; each mention's source (letter, paragraph,
    # words, phrase) is then the same, and an event lists it once, also when two records share a path
    text = "Het besluit viel op 1 juli. Het besluit viel op 1 juli."
    assert _events(text) == [(EventDate("dag", 2025, 7, 1), [("1 juli", "jaar uit de datum van de brief")])]
    found = record(SEED_001, letter(2, "antwoordbrief", answer(1, "BBB", paragraph("p1", text, 400)), sent_on=ANSWER_DAY))
    twice = [event for event in list_events((found, found)) if event.date == EventDate("dag", 2025, 7, 1)]
    assert [len(event.sources) for event in twice] == [1]
