"""Word-wrap the article text into display lines that keep their offsets into the text.

The article view draws these lines; highlights and search map character offsets
to lines through them. Wrapping is the only work that depends on the width.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from rich.cells import cell_len

from explorer.safe_text import visible

_WORD = re.compile(r"(\S+)(\s*)")


@dataclass(frozen=True, slots=True)
class DisplayLine:
    """One row of the wrapped article: the characters ``[start, end)`` of the text."""

    start: int
    end: int


_LONE_CR = re.compile(r"\r(?!\n)")


def shown_text(text: str) -> str:
    """The text as drawn: control characters visible, tabs as spaces; same length.

    A lone carriage return is a line break (old Mac files), as the paragraph
    splitter reads it, not a control character to show.
    """
    return visible(_LONE_CR.sub("\n", text)).replace("\t", " ")


def _width(word: str) -> int:
    return len(word) if word.isascii() else cell_len(word)


def _split_long_word(shown: str, start: int, end: int, width: int) -> list[DisplayLine]:
    """Hard-break a word wider than the view, character by character."""
    pieces: list[DisplayLine] = []
    piece_start, used = start, 0
    for index in range(start, end):
        char_width = _width(shown[index])
        if used + char_width > width and index > piece_start:
            pieces.append(DisplayLine(piece_start, index))
            piece_start, used = index, 0
        used += char_width
    pieces.append(DisplayLine(piece_start, end))
    return pieces


def _wrap_source_line(shown: str, start: int, end: int, width: int, out: list[DisplayLine]) -> None:
    line_start: int | None = None
    line_end = start
    column = 0
    for match in _WORD.finditer(shown, start, end):
        word_start, word_end = match.span(1)
        word_width = _width(match.group(1))
        if line_start is not None and column + word_width > width:
            out.append(DisplayLine(line_start, line_end))
            line_start, column = None, 0
        if word_width > width:
            pieces = _split_long_word(shown, word_start, word_end, width)
            out.extend(pieces[:-1])
            line_start, line_end = pieces[-1].start, word_end
            column = _width(shown[pieces[-1].start : word_end])
        else:
            if line_start is None:
                line_start = word_start
            line_end = word_end
            column += word_width
        column += _width(match.group(2))
    if line_start is not None:
        out.append(DisplayLine(line_start, line_end))


def wrap_article(shown: str, width: int, body_start: int = 0) -> list[DisplayLine]:
    """Wrap ``shown[body_start:]`` to ``width`` cells, one blank row between paragraphs.

    Every source line is a paragraph; runs of blank lines collapse to one blank row.
    """
    width = max(1, width)
    lines: list[DisplayLine] = []
    position = body_start
    length = len(shown)
    previous_blank = True
    while position <= length:
        newline = shown.find("\n", position)
        if newline == -1:
            newline = length
        is_blank = not shown[position:newline].strip()
        if is_blank:
            if not previous_blank:
                lines.append(DisplayLine(newline, newline))
        else:
            if not previous_blank and lines:
                lines.append(DisplayLine(position, position))
            _wrap_source_line(shown, position, newline, width, lines)
        previous_blank = is_blank
        position = newline + 1
    while lines and lines[-1].start == lines[-1].end:
        lines.pop()
    return lines or [DisplayLine(body_start, body_start)]


class LineIndex:
    """Maps text offsets to display rows of one wrapping."""

    def __init__(self, lines: list[DisplayLine]) -> None:
        self.lines = lines
        self._starts = [line.start for line in lines]

    def __len__(self) -> int:
        return len(self.lines)

    def line_of(self, offset: int) -> int:
        """The row holding ``offset`` (a gap between rows belongs to the row before)."""
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def rows_of(self, start: int, end: int) -> range:
        """Every row that shows part of ``[start, end)``; the start row for an empty span."""
        first = self.line_of(start)
        last = self.line_of(max(start, end - 1))
        return range(first, last + 1)
