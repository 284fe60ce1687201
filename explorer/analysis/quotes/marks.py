"""Quotation marks in raw text: which marks open or close a quote, and the passages they bound.

Works on characters only (no parse), one line at a time, so a stray or
unbalanced mark can never run past its own paragraph. A passage left open at
the end of a line continues only when the next line reopens a quote (the
British multi-paragraph convention); see ``join_continued_passages``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from explorer.analysis.lexicons import words

DOUBLE_OPENERS = "“„«‟"
DOUBLE_MARKS = ('"', "“", "”", "„", "‟", "«", "»", "``")
"""Marks that show quoted words; single ones are left out, being mostly apostrophes."""
DOUBLE_CLOSERS = "”»"
STRAIGHT_DOUBLE = '"'
SINGLE_OPENERS = "‘‚"
SINGLE_CLOSERS = "’"
STRAIGHT_SINGLE = "'"
_OPEN_PRECEDERS = "([{<—–-/ \t\n"
_ANY_MARK = re.compile("[\"“”„‟«»‘’‚'`]")


@dataclass(frozen=True, slots=True)
class Mark:
    """One quotation mark: where it is, how wide, whether it opens, and which family."""

    start: int
    end: int
    opens: bool
    double: bool


@dataclass(frozen=True, slots=True)
class Passage:
    """Text between an opening mark and its closing mark (marks included).

    ``closed`` is False when the line ended before a closing mark.
    """

    start: int
    end: int
    closed: bool


def _opens_by_context(text: str, i: int, width: int) -> bool | None:
    """A mark after a space (or line start) and before a word opens; the reverse closes."""
    before = text[i - 1] if i > 0 else "\n"
    after = text[i + width] if i + width < len(text) else "\n"
    space_before = before.isspace() or before in _OPEN_PRECEDERS
    space_after = after.isspace() or after in ",.;:!?)]}—–-"
    if space_before and not space_after:
        return True
    if space_after and not space_before:
        return False
    return None


def _single_mark(text: str, i: int) -> Mark | None:
    """A single quote used as a quote mark, never an apostrophe (don't, Clinton's, voters')."""
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    opens_word = before.isspace() or before in _OPEN_PRECEDERS or before in DOUBLE_OPENERS + '"'
    if (ch in SINGLE_OPENERS or ch == STRAIGHT_SINGLE) and opens_word and (after.isalpha() or after == "…"):
        return Mark(i, i + 1, True, False)
    if ch in SINGLE_CLOSERS or ch == STRAIGHT_SINGLE:
        if not before.isspace() and not after.isalnum() and before not in "sS":
            return Mark(i, i + 1, False, False)
        if before in "sS" and after in ",.;:!?":
            # "voters'." is usually a possessive; a closer only when a pair needs it
            return Mark(i, i + 1, False, False)
    return None


def marks_in_line(text: str, start: int, end: int) -> list[Mark]:
    """Every quotation mark in ``text[start:end]`` with its direction decided."""
    marks: list[Mark] = []
    skip_to = start
    for found in _ANY_MARK.finditer(text, start, end):
        i = found.start()
        if i < skip_to:
            continue
        ch = text[i]
        if text.startswith("``", i):
            marks.append(Mark(i, i + 2, True, True))
            skip_to = i + 2
            continue
        if text.startswith("''", i):
            # some papers print '' for opening and closing marks alike
            opens = _opens_by_context(text, i, 2)
            marks.append(Mark(i, i + 2, _straight_guess(marks) if opens is None else opens, True))
            skip_to = i + 2
            continue
        if ch in DOUBLE_OPENERS or ch in DOUBLE_CLOSERS or ch == STRAIGHT_DOUBLE:
            by_context = _opens_by_context(text, i, 1)
            if by_context is None:
                opens = ch in DOUBLE_OPENERS if ch != STRAIGHT_DOUBLE else None
            else:
                opens = by_context
            marks.append(Mark(i, i + 1, opens if opens is not None else True, True))
            if opens is None:
                # a straight mark with words on both sides: let pairing decide
                marks[-1] = Mark(i, i + 1, _straight_guess(marks[:-1]), True)
        elif ch in SINGLE_OPENERS or ch in SINGLE_CLOSERS or ch == STRAIGHT_SINGLE:
            mark = _single_mark(text, i)
            if mark is not None:
                marks.append(mark)
    return marks


def _straight_guess(previous: list[Mark]) -> bool:
    """An ambiguous straight mark opens when the double marks so far are balanced."""
    open_count = 0
    for mark in previous:
        if mark.double:
            open_count = 1 if mark.opens else 0
    return open_count == 0


def passages_in_line(text: str, start: int, end: int) -> list[Passage]:
    """Quoted passages of one line: double marks first, single marks outside them."""
    marks = marks_in_line(text, start, end)
    passages: list[Passage] = []
    opened: Mark | None = None
    for mark in (m for m in marks if m.double):
        if mark.opens:
            if opened is not None and mark.start > opened.end:
                passages.append(Passage(opened.start, _trim_end(text, opened.end, mark.start), False))
            opened = mark
        elif opened is not None:
            passages.append(Passage(opened.start, mark.end, True))
            opened = None
    if opened is not None:
        passages.append(Passage(opened.start, _trim_end(text, opened.end, end), False))
    passages = [p for p in passages if p.end - p.start > 2]
    passages.extend(_single_passages(text, [m for m in marks if not m.double], passages))
    return sorted(passages, key=lambda p: p.start)


def _trim_end(text: str, lower: int, end: int) -> int:
    while end > lower and text[end - 1].isspace():
        end -= 1
    return end


def _single_passages(text: str, marks: list[Mark], doubles: list[Passage]) -> list[Passage]:
    """Pairs of single marks outside double-quoted passages: an opener, then the first closer."""
    def inside_double(offset: int) -> bool:
        return any(p.start <= offset < p.end for p in doubles)

    found: list[Passage] = []
    opened: Mark | None = None
    for mark in marks:
        if inside_double(mark.start):
            continue
        if mark.opens and opened is None:
            opened = mark
        elif not mark.opens and opened is not None and mark.start > opened.end:
            if any(ch.isalpha() for ch in text[opened.end : mark.start]):
                found.append(Passage(opened.start, mark.end, True))
            opened = None
    return found


_SMALL_WORDS = words("title_small_words")


def is_not_speech(text: str, passage: Passage) -> bool:
    """Quoted words that are a name, not speech: a title mid-sentence, a markup value, a number."""
    inner = text[passage.start : passage.end].strip("\"“”„‟«»‘’'` ,.")
    if not any(ch.isalpha() for ch in inner):
        return True
    before = text[: passage.start].rstrip()
    if before.endswith("="):
        return True
    words = inner.split()
    if not words or inner[-1:] in "!?" or len(words) > 8 or not before or before[-1] in ".:;!?\n":
        return False
    capitalised = [w for w in words if w.lower() not in _SMALL_WORDS or w is words[0]]
    return all(w[:1].isupper() or w[:1].isdigit() for w in capitalised)


def line_spans(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Non-blank lines of ``text[start:]`` as (start, end), trimmed."""
    spans = []
    for match in re.finditer(r"[^\n]+", text[start:]):
        s, e = start + match.start(), start + match.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
    return spans


def find_passages(text: str, body_start: int = 0) -> list[list[Passage]]:
    """Quoted passages of the whole text, grouped into utterances across lines.

    Each group is one quote's passages: a single passage, or the paragraphs of
    a multi-paragraph quote (open at line end, reopened at the next line start).
    """
    groups: list[list[Passage]] = []
    carrying: list[Passage] | None = None
    for line_start, line_end in line_spans(text, body_start):
        passages = passages_in_line(text, line_start, line_end)
        if carrying is not None and passages and passages[0].start == line_start:
            carrying.append(passages[0])
            passages = passages[1:]
            if not carrying[-1].closed and not passages:
                continue
        carrying = None
        for passage in passages:
            groups.append([passage])
        if passages and not passages[-1].closed and passages[-1].start >= line_start:
            carrying = groups[-1]
    return groups
