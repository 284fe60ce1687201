"""Paragraph spans: blank-line separated, or one per line when no line is blank.

Line breaks may be ``\\n``, ``\\r\\n`` or a lone ``\\r``. Splitting is one
regular-expression pass plus one strip per paragraph, so it stays linear on
very long texts.
"""

from __future__ import annotations

import re

from explorer.model import Span

LINE_BREAK = r"(?:\r\n|\r(?!\n)|\n)"
"""One line break of any convention, as a regular-expression fragment."""

_BLANK_LINE = re.compile(rf"{LINE_BREAK}[^\S\r\n]*{LINE_BREAK}")
_LINE_BREAK = re.compile(LINE_BREAK)
_BLANK_LINES = re.compile(rf"(?:[^\S\r\n]*{LINE_BREAK})*")


def split_paragraphs(text: str, start: int = 0) -> tuple[Span, ...]:
    """Paragraphs of ``text[start:]``; no span starts or ends on whitespace."""
    separator = _BLANK_LINE if _BLANK_LINE.search(text, start) else _LINE_BREAK
    spans: list[Span] = []
    piece_start = start
    for match in separator.finditer(text, start):
        _append_trimmed(spans, text, piece_start, match.start())
        piece_start = match.end()
    _append_trimmed(spans, text, piece_start, len(text))
    return tuple(spans)


def skip_blank_lines(text: str, position: int) -> int:
    """The start of the first line at or after ``position`` that is not blank."""
    return _BLANK_LINES.match(text, position).end()


def _append_trimmed(spans: list[Span], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.lstrip()
    if not stripped:
        return
    left = start + len(piece) - len(stripped)
    right = left + len(stripped.rstrip())
    spans.append(Span(left, right))
