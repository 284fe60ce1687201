"""Transcript turns: ``WALLACE: Let's start ...``, a speaker's label, a colon and their words.

Printed interviews and debate transcripts give each turn on a line of its own; a quoted
transcript (``"WALLACE: If I may ...``) opens every paragraph with a mark and never closes.
"""

from __future__ import annotations

from explorer.analysis.lexicons import words
from explorer.analysis.quotes import cues
from explorer.analysis.quotes.draft import Draft, Reader
from explorer.analysis.quotes.marks import DOUBLE_MARKS, Passage
from explorer.analysis.token_range import TokenRange


def transcript_turns(reader: Reader, covered: list[tuple[int, int]]) -> list[Draft]:
    """``WALLACE: Let's start ...``: a line that opens with a speaker's name and a colon.

    The rest of the line is that speaker's words, verbatim but unquoted: the
    contract keeps ``direct`` for words in quotation marks, so a turn is
    ``indirect`` unless it holds some.
    """
    drafts: list[Draft] = []
    taken = sorted(covered)
    for line_start, line_end in reader.lines:
        label = turn_label(reader, line_start, line_end)
        if label is None:
            continue
        name, colon = label
        start = _words_after(reader.text, colon + 1, line_end)
        if any(s < line_end and start < e for s, e in taken):
            continue
        drafts.append(_turn_draft(reader, [(start, line_end)], name, colon))
    return drafts


def turn_label(reader: Reader, line_start: int, line_end: int) -> tuple[TokenRange, int] | None:
    """The speaker and colon of a transcript line (``WALLACE: ...``, or ``"WALLACE: ...`` in a
    quoted transcript): a label of at most four proper nouns, a person's name or in capitals."""
    opening = cues.turn_opening(reader.text, line_start, line_end)
    if opening is None:
        return None
    colon = opening.end(1)
    if colon + 2 >= line_end:
        return None
    first, stop = reader.token_at(opening.start(1)), reader.token_at(colon)
    name = [t for t in reader.doc[first:stop] if not t.is_space]
    if not name or len(name) > 4:
        return None
    named = all(t.pos_ == "PROPN" for t in name) and (
        any(t.ent_type_ == "PERSON" for t in name) or all(t.is_upper for t in name))
    # "LUND:" in capitals is a label even when the tagger takes it for a common noun;
    # "BREAKING:", "UPDATE:" label a story, not a speaker
    capitals = all(t.is_upper and t.is_alpha and len(t) > 1 and t.lower_ not in _STORY_LABELS for t in name)
    if not (named or capitals):
        return None
    return TokenRange(name[0].i, name[-1].i + 1), colon


_STORY_LABELS = words("headline_labels")


def _words_after(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def _turn_draft(reader: Reader, parts: list[tuple[int, int]], name: TokenRange, colon: int) -> Draft:
    """A turn's words are verbatim but unquoted: ``direct`` only if they hold quotation marks."""
    kind = "direct" if any(mark in reader.text[s:e] for s, e in parts for mark in DOUBLE_MARKS) else "indirect"
    return Draft(kind, parts, "transcript.turn", cue=(colon, colon + 1), speaker=name)


def quoted_turn(reader: Reader, group: list[Passage]) -> Draft | None:
    """``"WALLACE: If I may ...`` then ``"PENCE: We will ...``: a quoted transcript whose
    paragraphs each open with a mark and never close. A paragraph that opens with a speaker's
    label is that speaker's turn, with the paragraphs carried on from it, whatever cue the
    words inside mention."""
    line = reader.line_of(group[0].start)
    line_start, line_end = reader.lines[line]
    if group[0].start != line_start:
        return None
    label = turn_label(reader, line_start, line_end)
    if label is None:
        return None
    name, colon = label
    lines = sorted({reader.line_of(p.start) for p in group})
    parts = [(_words_after(reader.text, colon + 1, line_end), line_end)]
    for other in lines[1:]:
        start, end = reader.lines[other]
        parts.append((_words_after_mark(reader.text, start, end), end))
    return _turn_draft(reader, parts, name, colon)


def _words_after_mark(text: str, start: int, end: int) -> int:
    """Past the mark that opens a carried-on paragraph of a quoted transcript."""
    for mark in ("``", *DOUBLE_MARKS):
        if text.startswith(mark, start):
            return _words_after(text, start + len(mark), end)
    return start
