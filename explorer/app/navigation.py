"""Stepping through occurrences (of a selection or a search) with ``n`` and ``N``."""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from explorer.model import Span


class Occurrences:
    """Spans in text order and which one the user is on (``None`` before the first step)."""

    def __init__(self, spans: Iterable[Span]) -> None:
        self.spans: tuple[Span, ...] = tuple(spans)
        self.index: int | None = None

    @property
    def current(self) -> Span | None:
        return self.spans[self.index] if self.index is not None and self.spans else None

    @property
    def label(self) -> str:
        """``k/N`` as the status line shows it; ``0/0`` when there is nothing."""
        if not self.spans:
            return "0/0"
        position = "-" if self.index is None else str(self.index + 1)
        return f"{position}/{len(self.spans)}"

    def stepped(self, step: int) -> int | None:
        """The index ``step`` places on, wrapping round at either end."""
        if not self.spans:
            return None
        if self.index is None:
            return 0 if step > 0 else len(self.spans) - 1
        return (self.index + step) % len(self.spans)

    def first_from(self, offset: int) -> int | None:
        """The first span starting at or after ``offset``, wrapping to the first."""
        if not self.spans:
            return None
        index = bisect.bisect_left([span.start for span in self.spans], offset)
        return index if index < len(self.spans) else 0
