"""Render the parsed model as plain text, one node a line: what the golden tests compare.

    record seeds/000_x.txt schriftelijke-vragen, Tweede Kamer, 2025-10-07
      letter 0 schriftelijke-vragen @seeds/000_x.txt:1
        question 1 @seeds/000_x.txt:7
          text p3: Bent u bekend met … VS’?[^1]
"""

from __future__ import annotations

from generator.model import Answer, Heading, Letter, Paragraph, Question, Record


def _text(paragraph: Paragraph) -> str:
    """The paragraph's text with its footnote markers shown as `[^N]`."""
    text, cursor = "", 0
    for marker in paragraph.markers:
        text += paragraph.text[cursor : marker.offset] + f"[^{marker.number}]"
        cursor = marker.offset
    return text + paragraph.text[cursor:]


def _paragraph(role: str, paragraph: Paragraph, indent: str) -> str:
    quoted = " (quoted)" if paragraph.quoted else ""
    return f"{indent}{role} {paragraph.key} @{paragraph.span.line}-{paragraph.span.end_line}{quoted}: {_text(paragraph)}"


def _who(party: str | None, numbers: tuple[int, ...]) -> str:
    label = " en ".join(str(n) for n in numbers)
    return f"{party} {label}" if party else label


def _letter(letter: Letter) -> list[str]:
    lines = [
        f"  letter {letter.index} {letter.kind} @{letter.span}-{letter.span.end_line}",
        f"    title: {letter.title}",
        f"    chamber: {letter.chamber}",
        f"    sent_on: {letter.sent_on}",
        f"    received_on: {letter.received_on}",
        f"    sender: {letter.sender}",
        f"    addressee: {letter.addressee}",
        f"    subject: {letter.subject}",
        f"    askers: {'; '.join(f'{m.name} ({m.party})' for m in letter.askers)}",
        f"    identifiers: {', '.join(letter.identifiers)}",
        f"    signatory: {letter.signatory.name} [{letter.signatory.role}]" if letter.signatory else "    signatory: None",
    ]
    if letter.notice is not None:
        lines.append(f"    notice: {letter.notice}")
    if letter.ministers:
        lines.append(f"    ministers: {'; '.join(f'{m.title} {m.name} ({m.portfolio})' for m in letter.ministers)}")
    if letter.on_behalf_of:
        lines.append(f"    on behalf of: {letter.on_behalf_of}")
    if letter.committee:
        members = "; ".join(f"{m.name} ({m.party})" + (f" [{m.role}]" if m.role else "") for m in letter.committee)
        lines.append(f"    committee: {members}")
    lines += [_paragraph("head", p, "    ") for p in letter.head]
    for position, block in enumerate(letter.body):
        if position == letter.closing:
            lines.append("    closing:")
        if isinstance(block, Paragraph):
            lines.append(_paragraph("paragraph", block, "    "))
        elif isinstance(block, Heading):
            lines.append(f"    heading [{block.party}] @{block.span.line}: {block.text}")
        elif isinstance(block, Question):
            numbered = "numbered" if block.numbered else "in order"
            quoted = ", quoted" if block.quoted else ""
            lines.append(f"    question {_who(block.party, block.numbers)} ({numbered}{quoted}) @{block.span.line}-{block.span.end_line}")
            lines += [_paragraph("context", p, "      ") for p in block.context]
            lines += [_paragraph("text", p, "      ") for p in block.paragraphs]
        elif isinstance(block, Answer):
            lines.append(f"    answer {_who(block.party, block.numbers)} @{block.span.line}-{block.span.end_line}")
            lines += [_paragraph("text", p, "      ") for p in block.paragraphs]
    for note in letter.footnotes:
        unreferenced = "" if note.referenced else " (no marker)"
        lines.append(f"    footnote {note.number} @{note.span.line}-{note.span.end_line}{unreferenced}: {note.text}")
    return lines


def dump_record(record: Record) -> str:
    """The record as text, every node with its source lines."""
    lines = [
        f"record {record.path} {record.kind}, {record.chamber}, {record.date}",
        f"  title: {record.title}",
        f"  identifier: {record.identifier}",
        f"  source_url: {record.source_url}",
        f"  dossiers: {', '.join(record.dossiers)}",
    ]
    for letter in record.letters:
        lines += _letter(letter)
    for item in record.furniture:
        lines.append(f"  furniture @{item.span.line}-{item.span.end_line} ({item.reason}): {item.text}")
    return "\n".join(lines) + "\n"
