"""Parse a source record (PDF-extracted text) into the model. Pure: text in, model out.

    parse_record(SourceText("seeds/x.txt", lines)) -> (Record, diagnostics)

Steps: clean the text into paragraphs and footnotes (`text`), split the record into letters and
read their metadata (`letters`), find questions and answers in each letter (`questions`).
"""

from __future__ import annotations

from bisect import bisect_right

from generator.errors import ParseError, problem
from generator.model import (
    ANSWER_LETTER,
    APPENDIX_ANSWERS,
    COMMITTEE_LETTER,
    COVER_NOTE,
    LETTER,
    RECORD_APPENDIX,
    RECORD_WRITTEN_OVERLEG,
    RECORD_WRITTEN_QUESTIONS,
    TWEEDE_KAMER,
    WRITTEN_QUESTIONS,
    Answer,
    Block,
    Diagnostic,
    Footnote,
    Heading,
    Letter,
    Paragraph,
    Question,
    Record,
    Sidecar,
    SourceSpan,
    SourceText,
)
from generator.parse import letters, questions
from generator.parse.dates import impossible_dates_in, parse_dutch_date
from generator.parse.layout import clean_layout
from generator.parse.footnote_bodies import CleanFootnote
from generator.parse.text import clean_text


def _paragraphs(source: SourceText) -> tuple[list[Paragraph], list[CleanFootnote], list, list[Diagnostic]]:
    if source.layout is not None:  # a PDF: its layout decides (parse.layout); plain text: parse.text
        cleaned, footnotes, furniture, problems = clean_layout(source.lines, source.layout, source.path)
    else:
        cleaned, footnotes, furniture, problems = clean_text(source.lines, source.path)
    paragraphs = [
        Paragraph(f"p{index}", p.text, SourceSpan(source.path, p.first, p.last), p.markers)
        for index, p in enumerate(cleaned, start=1)
    ]
    return paragraphs, footnotes, furniture, problems


def _footnote(letter: int, note: CleanFootnote) -> Footnote:
    """Give a footnote body of letter `letter` its key: (letter 2, footnote 12) -> `fn2-12`."""
    return Footnote(note.number, note.text, note.span, f"fn{letter}-{note.number}", note.referenced)


def _head_end(paragraphs: tuple[Paragraph, ...]) -> int:
    """How many opening paragraphs are the letter's head: addressee, place and date."""
    end = 0
    for index, paragraph in enumerate(paragraphs[:4]):
        if letters.ADDRESSEE.match(paragraph.text) or letters.PLACE_AND_DATE.match(paragraph.text):
            end = index + 1
    return end


def _letter_kind(segment: letters.Segment, first: bool, has_headings: bool) -> str:
    heading = " ".join(p.text for p in segment.heading)
    texts = [p.text for p in segment.paragraphs]
    if not segment.heading:
        if any(letters.ANSWER_HEADER.match(t) for t in texts) or any(questions.WRITTEN_ANSWER.match(t) for t in texts):
            return APPENDIX_ANSWERS
        if any(letters.WRITTEN_HEADER.match(t) or letters.SUBMITTED.search(t) for t in texts[:3]):
            return WRITTEN_QUESTIONS
        if first and has_headings:
            return COVER_NOTE
        return WRITTEN_QUESTIONS if any(questions.WRITTEN_QUESTION.match(t) for t in texts) else LETTER
    asks = questions.has_questions(segment.paragraphs)
    if "COMMISSIE" in heading or "GRIFFIER" in heading:
        return COMMITTEE_LETTER if asks else LETTER
    return ANSWER_LETTER if asks else LETTER


def _written_header(paragraphs: tuple[Paragraph, ...]) -> dict:
    """Metadata of written questions (and their Aanhangsel answer) from the opening paragraphs."""
    facts: dict = {}
    text = " ".join(p.text for p in paragraphs[:4])
    for paragraph in paragraphs[:6]:
        header = letters.WRITTEN_HEADER.match(paragraph.text)
        if header and "members" not in facts:
            facts.update(
                members=letters.members(header["members"]),
                addressee=header["addressee"],
                subject=header["subject"],
            )
        answer = letters.ANSWER_HEADER.match(paragraph.text)
        if answer:
            facts.update(answered_by=answer["sender"], received_on=parse_dutch_date(answer["date"]))
            facts["ministers"], facts["on_behalf_of"] = letters.ministers(answer["sender"])
            if answer["kind"] == "Mededeling":
                facts["notice"] = answer.group(0)
    numbers = [m.group() for p in paragraphs[:3] if (m := letters.DOCUMENT_NUMBER.fullmatch(p.text))]
    if numbers:
        facts["identifiers"] = tuple(numbers)
    submitted = letters.SUBMITTED.search(text)
    if submitted:
        facts["sent_on"] = parse_dutch_date(submitted["date"])
    return facts


def _build_letter(
    index: int,
    kind: str,
    segment: letters.Segment,
    chamber: str,
    footnotes: tuple[Footnote, ...],
    answered: questions.AnsweredLetter | None,
    identifiers: tuple[str, ...],
) -> Letter:
    paragraphs = segment.paragraphs
    all_paragraphs = (*segment.heading, *paragraphs)
    span = SourceSpan(all_paragraphs[0].span.path, all_paragraphs[0].span.line, all_paragraphs[-1].span.end_line)
    title = " ".join(p.text for p in segment.heading) or None
    if kind in (WRITTEN_QUESTIONS, APPENDIX_ANSWERS):
        facts = _written_header(paragraphs)
        head_end = questions.written_questions_start(paragraphs)
        head, body = paragraphs[:head_end], questions.structure_written_questions(list(paragraphs[head_end:]))
        members = facts.get("members", ())
        asked_on = facts.get("sent_on") if kind == APPENDIX_ANSWERS else None
        if kind == APPENDIX_ANSWERS and facts.get("received_on"):
            facts["sent_on"] = facts["received_on"]  # an Aanhangsel answer is dated by its receipt
        sender = facts.get("answered_by") if kind == APPENDIX_ANSWERS else ", ".join(
            f"{m.name} ({m.party})" if m.party else m.name for m in members
        ) or None
        return Letter(
            index, kind, chamber, facts.get("sent_on"), sender, facts.get("addressee"), facts.get("subject"),
            members, title, head, body, footnotes, span, received_on=facts.get("received_on"),
            identifiers=tuple(dict.fromkeys((*identifiers, *facts.get("identifiers", ())))),
            notice=facts.get("notice") or _notice(body),
            ministers=facts.get("ministers", ()), on_behalf_of=facts.get("on_behalf_of"), asked_on=asked_on,
        )
    head_end = _head_end(paragraphs)
    head, rest = paragraphs[:head_end], list(paragraphs[head_end:])
    closing_start = letters.closing_start(tuple(rest))
    text, closing = rest[:closing_start], tuple(rest[closing_start:])
    if kind == COMMITTEE_LETTER:
        body: tuple[Block, ...] = questions.structure_committee_letter(text) + closing
    elif kind == ANSWER_LETTER:
        body = questions.structure_answer_letter(text, answered) + closing
    else:
        body = tuple(rest)
    closing_at = len(body) - len(closing) if closing else None
    addressee = next((m["addressee"] for p in head if (m := letters.ADDRESSEE.match(p.text))), None)
    date = next((parse_dutch_date(p.text) for p in head if letters.PLACE_AND_DATE.match(p.text)), None)
    if date is None and kind == COVER_NOTE:
        date = next((parse_dutch_date(m["date"]) for p in rest if (m := letters.ADOPTED.match(p.text))), None)
    about = next((s for p in rest[:3] if (s := letters.subject(p.text))), None)
    return Letter(
        index, kind, chamber, date, letters.signed_by(paragraphs), addressee, about, (), title, head, body, footnotes, span,
        identifiers=identifiers, closing=closing_at, signatory=letters.signatory(paragraphs),
        committee=next((found for note in footnotes if (found := letters.membership(note.text))), ()),
    )


def _chamber(source: SourceText, paragraphs: list[Paragraph], furniture_texts: list[str]) -> tuple[str, Diagnostic | None]:
    """The record's chamber: from its sidecar, else as its printed heading names it (addressee,
    title block, running heads); a chamber only named further on in the text is a guess, and said so.

    (written questions naming `de Eerste Kamer` in passing, no sidecar) -> ("Eerste Kamer", warning)
    """
    printed = (
        letters.chamber([p.text for p in paragraphs if letters.ADDRESSEE.match(p.text)])
        or letters.chamber([p.text for p in paragraphs[:HEADING_PARAGRAPHS]])
        or letters.chamber(furniture_texts)
    )
    if source.sidecar is not None and source.sidecar.chamber:
        told = source.sidecar.chamber
        line = dict(source.sidecar.lines).get("chamber", 1)
        differs = printed and printed != told
        return told, problem(
            source.sidecar.path, line, f"the sidecar says {told}, the letter's heading prints {printed}; {told} used", told, "warning"
        ) if differs else None
    if printed:
        return printed, None
    named = next((p for p in paragraphs if letters.chamber([p.text])), None)
    if named is None:
        return TWEEDE_KAMER, Diagnostic(
            source.path, 1, "the text names no chamber; Tweede Kamer assumed (set `chamber` in the sidecar)", severity="warning"
        )
    guess = letters.chamber([named.text]) or TWEEDE_KAMER
    return guess, problem(
        source.path, _line_of(source, named.span, guess),
        f"chamber guessed: {guess}, named here in the text but not in the letter's heading (set `chamber` in the sidecar)",
        named.text, "warning",
    )


HEADING_PARAGRAPHS = 3
"""How many opening paragraphs are a record's printed heading (title block) for its chamber."""


def _impossible_dates(source: SourceText, paragraphs: list[Paragraph], footnotes: list[CleanFootnote]) -> list[Diagnostic]:
    """Report every date no calendar has (`31 februari 2025`, `99 maart 2025`) at its line."""
    found = []
    spans = [p.span for p in paragraphs] + [n.span for n in footnotes]
    for index, written in impossible_dates_in([p.text for p in paragraphs] + [n.text for n in footnotes]):
        line = _line_of(source, spans[index], " ".join(written.split()[:2]))  # day and month
        found.append(problem(source.path, line, "impossible date; not used as a date", written))
    return found


def _line_of(source: SourceText, span: SourceSpan, words: str) -> int:
    """The first line of `span` that holds `words` (whitespace as one space); else its first line."""
    return next(
        (number for number in range(span.line, min(span.end_line, len(source.lines)) + 1)
         if words in " ".join(source.lines[number - 1].split())),
        span.line,
    )


def _notice(body: tuple[Block, ...]) -> str | None:
    """A `Mededeling` heading printed among the questions, in place of their answers."""
    for block in body:
        if isinstance(block, (Heading, Paragraph)) and letters.NOTICE.match(block.text):
            header = letters.ANSWER_HEADER.match(block.text)
            return header.group(0) if header else block.text.split(".", 1)[0]
    return None


def _questions_of(letter: Letter) -> list[Block]:
    return [b for b in letter.body if isinstance(b, (Question, Answer))]


def parse_record(source: SourceText) -> tuple[Record, tuple[Diagnostic, ...]]:
    """Parse one source file into a Record and the diagnostics met on the way.

    Raises ParseError when the file holds no letter of a kind we know (no questions at all).
    """
    sidecar = source.sidecar or Sidecar(source.path)
    paragraphs, footnotes, furniture, problems = _paragraphs(source)
    diagnostics: list[Diagnostic] = [*source.diagnostics, *problems]
    if not paragraphs:
        raise ParseError(source.path, 1, "no text found")
    segments = letters.split_letters(paragraphs)
    has_headings = any(segment.heading for segment in segments)
    furniture_texts = [item.text for item in furniture]
    chamber, chamber_problem = _chamber(source, paragraphs, furniture_texts)
    diagnostics += [chamber_problem] if chamber_problem else []
    diagnostics += _impossible_dates(source, paragraphs, footnotes)
    identifiers = tuple(dict.fromkeys(item.text for item in furniture if item.reason == "document id"))
    built: list[Letter] = []
    answered = None
    bounds = [s.heading[0].span.line if s.heading else s.paragraphs[0].span.line for s in segments] + [len(source.lines) + 1]
    segment_notes: list[list[CleanFootnote]] = [[] for _ in segments]  # bounds[i] <= line < bounds[i + 1]
    for note in footnotes:  # one pass, not one per letter: a record may hold thousands of both
        at = bisect_right(bounds, note.span.line) - 1
        if 0 <= at < len(segments):
            segment_notes[at].append(note)
    for index, segment in enumerate(segments):
        kind = _letter_kind(segment, index == 0, has_headings)
        notes = tuple(_footnote(index, n) for n in segment_notes[index])
        letter = _build_letter(index, kind, segment, chamber, notes, answered, identifiers if len(segments) == 1 else ())
        if kind == COMMITTEE_LETTER:
            answered = questions.answered_letter(letter.body)
        if kind in (COMMITTEE_LETTER, ANSWER_LETTER, WRITTEN_QUESTIONS, APPENDIX_ANSWERS) and not _questions_of(letter):
            diagnostics.append(Diagnostic(source.path, letter.span.line, f"no questions found in this {kind}", (title_or_first(letter))))
        built.append(letter)
    if not any(_questions_of(letter) for letter in built):
        raise ParseError(source.path, paragraphs[0].span.line, "no recognisable questions or answers", paragraphs[0].text)
    for note in footnotes:
        if not note.referenced:
            diagnostics.append(
                Diagnostic(source.path, note.span.line, f"footnote {note.number} has no marker in the text; shown with the letter", note.text, "warning")
            )
    kinds = {letter.kind for letter in built}
    if kinds & {COMMITTEE_LETTER, ANSWER_LETTER}:
        record_kind = RECORD_WRITTEN_OVERLEG
    elif APPENDIX_ANSWERS in kinds:
        record_kind = RECORD_APPENDIX
    else:
        record_kind = RECORD_WRITTEN_QUESTIONS
    dates = [letter.sent_on for letter in built if letter.sent_on]
    note = next((letter for letter in built if letter.kind == COVER_NOTE), None)
    # A record with a cover note is dated by the note's own date (`Vastgesteld …`) or its sidecar,
    # never by its newest letter: the note prints no date of its own (seeds/001_… lines 1-11).
    own = note.sent_on if note is not None else (max(dates) if dates else None)
    date = sidecar.date or own
    about = next((letter.subject for letter in built if letter.subject), None)
    title = _record_title(record_kind, about)
    return (
        Record(
            source.path, record_kind, chamber, date, title, tuple(built), tuple(furniture),
            identifier=sidecar.identifier or (identifiers[0] if len(identifiers) == 1 else None),
            source_url=sidecar.source_url,
            dossiers=sidecar.dossiers or letters.title_block_dossiers(paragraphs),
            page_starts=page_starts(source),
            sidecar=source.sidecar,
        ),
        tuple(diagnostics),
    )


def page_starts(source: SourceText) -> tuple[int, ...]:
    """The source line (1-based) each page of a PDF starts at, so its diagnostics can say the page."""
    starts: dict[int, int] = {}
    for number, line in enumerate(source.layout.lines if source.layout else (), start=1):
        starts.setdefault(line.page, number)
    return tuple(starts[page] for page in sorted(starts))


def title_or_first(letter: Letter) -> str:
    if letter.title:
        return letter.title
    first = (*letter.head, *[b for b in letter.body if isinstance(b, Paragraph)])
    return first[0].text if first else ""


RECORD_TITLES = {
    RECORD_WRITTEN_QUESTIONS: "Schriftelijke vragen",
    RECORD_WRITTEN_OVERLEG: "Verslag van een schriftelijk overleg",
    RECORD_APPENDIX: "Antwoord op schriftelijke vragen",
}


def _record_title(kind: str, about: str | None) -> str:
    base = RECORD_TITLES[kind]
    return f"{base} over {about}" if about else base
