"""Threading questions to answers: within a verslag, and Aanhangsel to written questions across records."""

from __future__ import annotations

import datetime
from dataclasses import replace

from generator.link import matching as matching_module
from generator.link import threads as threads_module
from generator.link.threads import thread_corpus
from generator.model import LetterKey, Member, Target, Thread

from .builders import SEED_000, SEED_001, answer, heading, letter, paragraph, question, record

AANHANGSEL = "seeds/002_aanhangsel.txt"

Q4 = ("Begrijpen de leden van de BBB-fractie het goed dat ná implementatie van de kantoorautomatisering het "
      "aantal formatieplaatsen met 2245 zal zijn verminderd? Zo nee, waarom neemt u dan nu een besluit nemen "
      "waarmee we onszelf voor lange tijd vastleggen?")
Q5 = ("Kunnen de leden van de BBB-fractie hieruit afleiden dat naast productiviteit het hybride werken hét "
      "argument is om over te gaan tot implementatie? Heeft u overwogen om het hybride werken in het "
      "landsbelang aan banden te leggen? Zo nee, waarom niet?")
GL = ("De leden van de fractie van GroenLinks-PvdA vragen u of zij hierin kunnen lezen dat als de "
      "Belastingdienst op eenzelfde manier wordt behandeld door de leverancier als het Internationale Strafhof "
      "recent is overkomen, deze dienst op een aanvaardbaar niveau kan blijven functioneren?")
A5 = "Nee, dat is niet het geval. De Belastingdienst volgt hierin het beleid dat geldt voor de hele Rijksoverheid."

WRITTEN = [
    "Bent u bekend met het bericht ‘Belastingdienst verplaatst mail naar Microsoft, ondanks zorgen over meekijken VS’?",
    "Maakt de overstap van de Belastingdienst naar Microsoft 365 onze overheid meer of minder afhankelijk van de "
    "Verenigde Staten?",
    "Is er, conform de aangenomen motie-Kathmann c.s. (Kamerstuk 26643, nr. 1315), een onafhankelijke "
    "onderbouwing opgesteld voor de noodzaak van de overstap naar Microsoft? Zo ja, kunt u deze delen?",
]
ASKERS = (Member("Kathmann", "GroenLinks-PvdA"), Member("Six Dijkstra", "Nieuw Sociaal Contract"))
SUBJECT = "de overstap van de Belastingdienst naar Microsoft"


def vraag(path: str, index: int, party: str | None, number: int) -> Target:
    return Target(LetterKey(path, index), "vraag", party, number)


def antwoord(path: str, index: int, party: str | None, number: int) -> Target:
    return Target(LetterKey(path, index), "antwoord", party, number)


def verslag():
    """The seed verslag in small: cover note, committee letter, answer letter."""
    committee = letter(
        1, "commissiebrief",
        heading("Vragen en opmerkingen van de leden van de fractie van GroenLinks-PvdA", 40, "GroenLinks-PvdA"),
        question(1, "GroenLinks-PvdA", paragraph("p14", GL, 60), numbered=False),
        heading("Vragen en opmerkingen van de leden van de fractie van BBB", 70, "BBB"),
        question(4, "BBB", paragraph("p24", Q4, 150)),
        question(5, "BBB", paragraph("p26", Q5, 162)),
    )
    answers = letter(
        2, "antwoordbrief",
        heading("Vragen van de leden van de fractie GroenLinks-PvdA", 401, "GroenLinks-PvdA"),
        question(1, "GroenLinks-PvdA", paragraph("p71", GL, 415, quoted=True), quoted=True, numbered=False),
        answer(1, "GroenLinks-PvdA", paragraph("p74", "Zoals aangegeven in de brief van 2 oktober jl. gaat het om de "
                                               "kantoorautomatisering.", 441)),
        heading("Vragen van de leden van de fractie van BBB", 445, "BBB"),
        question(4, "BBB", paragraph("p86", Q4, 500, quoted=True), quoted=True),
        question(5, "BBB", paragraph("p90", Q5, 522, quoted=True), quoted=True),
        answer(4, "BBB", paragraph("p91", A5, 526), numbers=(4, 5)),
    )
    return record(SEED_001, letter(0, "verslag"), committee, answers)


def test_answer_letter_answers_the_committee_letter_and_its_own_quotes():
    threads, diagnostics = thread_corpus((verslag(),))
    assert diagnostics == ()
    assert set(threads) == {
        Thread(vraag(SEED_001, 1, "GroenLinks-PvdA", 1), antwoord(SEED_001, 2, "GroenLinks-PvdA", 1)),
        Thread(vraag(SEED_001, 1, "BBB", 4), antwoord(SEED_001, 2, "BBB", 4)),
        Thread(vraag(SEED_001, 1, "BBB", 5), antwoord(SEED_001, 2, "BBB", 5)),  # combined answer 4 en 5: #bbb-antwoord-5
        Thread(vraag(SEED_001, 2, "GroenLinks-PvdA", 1), antwoord(SEED_001, 2, "GroenLinks-PvdA", 1)),
        Thread(vraag(SEED_001, 2, "BBB", 4), antwoord(SEED_001, 2, "BBB", 4)),
        Thread(vraag(SEED_001, 2, "BBB", 5), antwoord(SEED_001, 2, "BBB", 5)),
    }
    assert len(threads) == 6
    assert threads[0].question.letter.index == 1  # the committee letter's questions first


def test_answer_to_a_question_that_is_not_there_is_reported():
    answers = letter(
        2, "antwoordbrief",
        question(4, "BBB", paragraph("p86", Q4, 500, quoted=True), quoted=True),
        answer(4, "BBB", paragraph("p87", A5, 504)),
        answer(7, "BBB", paragraph("p97", "Zoals eerder aangegeven is het traject gestart in 2021.", 560)),
    )
    committee = letter(1, "commissiebrief", question(4, "BBB", paragraph("p24", Q4, 150)))
    _threads, diagnostics = thread_corpus((record(SEED_001, letter(0, "verslag"), committee, answers),))
    assert [str(d) for d in diagnostics] == [
        "seeds/001_dfb242f75dbdc9fb.txt:560: answer 7 (BBB) answers no question of the letter it answers"
        " — Zoals eerder aangegeven is het traject gestart in 2021."
    ]
    assert diagnostics[0].severity == "warning"


def written_letter(path: str, texts: list[str], askers=ASKERS, subject=SUBJECT, sent_on=datetime.date(2025, 10, 7)):
    questions = [question(n, None, paragraph(f"p{n + 2}", text, 5 + 3 * n, path)) for n, text in enumerate(texts, 1)]
    return record(path, letter(0, "schriftelijke-vragen", *questions, path=path, askers=askers, subject=subject,
                               chamber="Tweede Kamer", sent_on=sent_on),
                  kind="schriftelijke-vragen")


def aanhangsel(texts: list[str], askers=ASKERS, subject=SUBJECT, quote=True, asked_on=None, path=AANHANGSEL):
    body = []
    for n, text in enumerate(texts, 1):
        if quote:
            # as reprinted in the Aanhangsel: no footnote marker, the label gone
            body.append(question(n, None, paragraph(f"q{n}", text.replace("’?", "’ ?"), 10 * n, path, quoted=True),
                                 quoted=True))
        body.append(answer(n, None, paragraph(f"a{n}", A5, 10 * n + 5, path)))
    answers = letter(0, "aanhangsel", *body, path=path, askers=askers, subject=subject,
                     chamber="Tweede Kamer", received_on=datetime.date(2025, 11, 3))
    return record(path, replace(answers, asked_on=asked_on), kind="aanhangsel")


DECOY = [  # the same askers, other questions: real question texts from seeds/001
    "Welke onafhankelijke audit is uitgevoerd op de risicoanalyse van de alternatieven?",
    "Hoe reageert u op het recente afscheid van het Internationaal Strafhof van M365?",
    "Kunt u de boetebepalingen toelichten, inclusief sancties bij niet-nakoming van data-overdracht of vernietiging?",
]


def test_aanhangsel_answers_the_written_questions_it_repeats():
    decoy = written_letter("seeds/000_decoy.txt", DECOY)
    threads, diagnostics = thread_corpus((decoy, written_letter(SEED_000, WRITTEN), aanhangsel(WRITTEN)))
    assert diagnostics == ()
    across = [t for t in threads if t.question.letter.path != AANHANGSEL]
    assert across == [Thread(vraag(SEED_000, 0, None, n), antwoord(AANHANGSEL, 0, None, n)) for n in (1, 2, 3)]
    own = [t for t in threads if t.question.letter.path == AANHANGSEL]
    assert len(own) == 3


def test_aanhangsel_without_quoted_questions_is_matched_by_subject():
    decoy = written_letter("seeds/000_decoy.txt", DECOY, subject="de boetebepalingen in de M365-overeenkomst")
    threads, _ = thread_corpus((decoy, written_letter(SEED_000, WRITTEN), aanhangsel(WRITTEN, quote=False)))
    assert {t.question.letter.path for t in threads} == {SEED_000}


def test_aanhangsel_with_other_questions_answers_only_its_own_quotes():
    threads, _ = thread_corpus((written_letter(SEED_000, DECOY), aanhangsel(WRITTEN)))
    assert {t.question.letter.path for t in threads} == {AANHANGSEL}


def _count_comparisons(monkeypatch) -> list[tuple[str, str]]:
    """Record every (answering, asked) pair of letters `threads` compares (`_compared`: the
    texts it would score, by `_reprints` or `_score`)."""
    calls: list[tuple[str, str]] = []
    monkeypatch.setattr(threads_module, "SPLIT_FROM", 10**9)  # every letter threaded in this process, where they are counted
    real = matching_module._compared
    monkeypatch.setattr(matching_module, "_compared", lambda a, b: calls.append((a.span.path, b.span.path)) or real(a, b))
    return calls


def test_matching_compares_each_aanhangsel_with_few_letters(monkeypatch):
    """Linear: 600 written letters by 600 different askers, 600 Aanhangsels; one comparison each."""
    calls = _count_comparisons(monkeypatch)
    records = []
    for n in range(600):
        askers = (Member(f"Lid{n}", None),)
        records.append(written_letter(f"seeds/w{n:04}.txt", WRITTEN[:1], askers=askers, subject=f"onderwerp {n}"))
        records.append(aanhangsel(WRITTEN[:1], askers=askers, subject=f"onderwerp {n}"))
    threads, _ = thread_corpus(tuple(records))
    assert len(calls) == 600
    assert len([t for t in threads if t.question.letter.path.startswith("seeds/w")]) == 600


def test_aanhangsel_answers_the_questions_sent_in_on_the_day_it_names():
    """The same members ask the same questions twice (the second time because no answer came);
    the Aanhangsel names the day its questions were sent in, and that letter is the one it answers."""
    first = written_letter("seeds/000_first.txt", WRITTEN, sent_on=datetime.date(2025, 9, 2))
    again = written_letter(SEED_000, WRITTEN, sent_on=datetime.date(2025, 10, 7))
    for asked_on, answered in ((datetime.date(2025, 10, 7), SEED_000), (datetime.date(2025, 9, 2), "seeds/000_first.txt")):
        threads, _ = thread_corpus((first, again, aanhangsel(WRITTEN, asked_on=asked_on)))
        assert {t.question.letter.path for t in threads} == {answered, AANHANGSEL}


def test_matching_compares_each_aanhangsel_with_few_letters_of_one_member(monkeypatch):
    """Linear: one member asks 300 times on 300 days, each answered by an Aanhangsel naming its day;
    each Aanhangsel is compared with the one letter sent in that day, not with all 300."""
    calls = _count_comparisons(monkeypatch)
    records = []
    for n in range(300):
        day = datetime.date(2020, 1, 1) + datetime.timedelta(days=n)
        records.append(written_letter(f"seeds/w{n:04}.txt", WRITTEN[:1], sent_on=day))
        records.append(aanhangsel(WRITTEN[:1], asked_on=day))
    threads, _ = thread_corpus(tuple(records))
    assert len(calls) == 300
    assert len({t.question.letter.path for t in threads if t.question.letter.path.startswith("seeds/w")}) == 300


DAY = datetime.date(2025, 10, 7)


def one_members_day(count: int) -> list[list[str]]:
    """The questions of `count` letters one member sends in on one day: the real questions above,
    each letter's told apart by its number (synthetic: no real member asks hundreds of times a day)."""
    real = WRITTEN + DECOY + [Q4, Q5]
    return [[f"{text} (brief {n})" for text in real[n % 5 : n % 5 + 3]] for n in range(count)]


def test_matching_is_linear_on_one_members_crowded_day(monkeypatch):
    """400 letters of one member sent in on one day, each answered by an Aanhangsel reprinting its
    questions: each Aanhangsel is compared with the one letter it reprints, not with the 400."""
    calls = _count_comparisons(monkeypatch)
    asked = one_members_day(400)
    records = [written_letter(f"seeds/w{n:04}.txt", texts, sent_on=DAY) for n, texts in enumerate(asked)]
    records += [aanhangsel(texts, asked_on=DAY, path=f"seeds/a{n:04}.txt") for n, texts in enumerate(asked)]
    threads, diagnostics = thread_corpus(tuple(records))
    assert diagnostics == ()
    assert len(calls) == 400
    answered = {(t.question.letter.path, t.answer.letter.path) for t in threads if t.question.letter.path.startswith("seeds/w")}
    assert answered == {(f"seeds/w{n:04}.txt", f"seeds/a{n:04}.txt") for n in range(400)}


def test_an_aanhangsel_reprinting_all_but_a_word_is_scored_first_on_a_crowded_day(monkeypatch):
    """`data-overdracht`, broken over two lines, comes out of the Aanhangsel as `dataoverdracht`:
    the letter it reprints all but that word is found among 50 of the member's letters that day
    with a few comparisons of texts, not with comparisons for each of the 50."""
    compared = []
    real = matching_module._similarity
    monkeypatch.setattr(matching_module, "_similarity", lambda a, b: compared.append(1) or real(a, b))
    asked = one_members_day(50)
    asked[37][2] = DECOY[2].replace("?", " (brief 37)?")  # Kunt u de boetebepalingen toelichten, … data-overdracht …
    reprint = [*asked[37][:2], asked[37][2].replace("data-overdracht", "dataoverdracht")]
    records = [written_letter(f"seeds/w{n:04}.txt", texts, sent_on=DAY) for n, texts in enumerate(asked)]
    threads, diagnostics = thread_corpus((*records, aanhangsel(reprint, asked_on=DAY)))
    assert diagnostics == ()
    assert {t.question.letter.path for t in threads} == {"seeds/w0037.txt", AANHANGSEL}
    assert len(compared) <= 3


def test_an_aanhangsel_with_more_candidates_than_comparisons_is_reported(monkeypatch):
    """Past `COMPARISONS_PER_LETTER` the search stops and says so at the Aanhangsel's `path:line`:
    here it matches none of the member's letters that day, each kept apart only by comparing."""
    monkeypatch.setattr(matching_module, "COMPARISONS_PER_LETTER", 4)
    asked = one_members_day(10)
    records = [written_letter(f"seeds/w{n:04}.txt", texts, sent_on=DAY) for n, texts in enumerate(asked)]
    unasked = [GL, A5, Q4.replace("BBB", "VVD")]
    threads, diagnostics = thread_corpus((*records, aanhangsel(unasked, asked_on=DAY)))
    assert {t.question.letter.path for t in threads} == {AANHANGSEL}
    assert [(str(d), d.severity) for d in diagnostics] == [(
        f"{AANHANGSEL}:1: compared with 4 of the 10 letters it could answer (at most 4 comparisons of "
        f"texts and 200 letters a letter): threaded to none of them — {SUBJECT}", "warning",
    )]


def test_of_two_letters_reprinted_alike_the_first_is_answered():
    """The same questions sent in twice on one day (a resubmission) and reprinted with a word
    broken over two lines: whatever the order they are scored in, the first letter in the corpus wins."""
    texts = [*WRITTEN[:2], DECOY[2]]
    reprint = [*WRITTEN[:2], DECOY[2].replace("data-overdracht", "dataoverdracht")]
    first, again = (written_letter(path, texts, sent_on=DAY) for path in ("seeds/000_first.txt", SEED_000))
    threads, _ = thread_corpus((first, again, aanhangsel(reprint, asked_on=DAY)))
    assert {t.question.letter.path for t in threads} == {"seeds/000_first.txt", AANHANGSEL}


def test_the_character_bound_is_never_below_the_similarity():
    """`_score` drops a candidate on `_characters_bound` without comparing: it must bound
    `_similarity` from above for any two texts (here every pair of the real questions above)."""
    from generator.link.matching import _characters_bound, _normalized, _similarity

    texts = [_normalized(text) for text in (*WRITTEN, *DECOY, Q4, Q5, GL)]
    for first in texts:
        for second in texts:
            assert _similarity(first, second) <= _characters_bound(first, second)
    assert _characters_bound(texts[0], "") == 0.0


def test_an_aanhangsel_with_more_candidates_than_it_may_score_is_reported(monkeypatch):
    """Past `CANDIDATES_PER_LETTER` candidates the search stops and says so too, even where each
    was dropped without comparing texts (here: they ask one question each, the Aanhangsel quotes three)."""
    monkeypatch.setattr(matching_module, "CANDIDATES_PER_LETTER", 3)
    records = [written_letter(f"seeds/w{n:04}.txt", texts[:1], sent_on=DAY) for n, texts in enumerate(one_members_day(10))]
    threads, diagnostics = thread_corpus((*records, aanhangsel(WRITTEN, asked_on=DAY)))
    assert {t.question.letter.path for t in threads} == {AANHANGSEL}
    assert [str(d) for d in diagnostics] == [
        f"{AANHANGSEL}:1: compared with 3 of the 10 letters it could answer (at most 60 comparisons of "
        f"texts and 3 letters a letter): threaded to none of them — {SUBJECT}"
    ]
