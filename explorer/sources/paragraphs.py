"""Paragraph spans: blank-line separated, or one per line when lines are single-spaced."""

from __future__ import annotations

import re

from explorer.model import Span

_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_LINE = re.compile(r"[^\n]+")


def split_paragraphs(text: str, start: int = 0) -> tuple[Span, ...]:
    """Paragraphs of ``text[start:]``, trimmed of surrounding whitespace."""
    body = text[start:]
    if _BLANK_LINE.search(body):
        pieces = re.finditer(r"(?:(?!\n[ \t\r\f\v]*\n)[\s\S])+", body)
    else:
        pieces = _LINE.finditer(body)
    spans = []
    for match in pieces:
        chunk = match.group()
        left = len(chunk) - len(chunk.lstrip())
        right = len(chunk.rstrip())
        if right > left:
            spans.append(Span(start + match.start() + left, start + match.start() + right))
    return tuple(spans)
