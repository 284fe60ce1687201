"""Paragraph spans: blank-line separated, or one per line when no line is blank.

Line breaks may be ``\\n``, ``\\r\\n`` or a lone ``\\r``. Splitting is one
regular-expression pass plus one strip per paragraph, so it stays linear on
very long texts.
"""

from __future__ import annotations

import re

from explorer.model import Span

_BREAK = r"(?:\r\n|\r(?!\n)|\n)"
_BLANK_LINE = re.compile(rf"{_BREAK}[^\S\r\n]*{_BREAK}")
_LINE_BREAK = re.compile(_BREAK)


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


def _append_trimmed(spans: list[Span], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.lstrip()
    if not stripped:
        return
    left = start + len(piece) - len(stripped)
    right = left + len(stripped.rstrip())
    spans.append(Span(left, right))
