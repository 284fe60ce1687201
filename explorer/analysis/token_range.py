"""Token ranges of a parse, kept apart from character ranges (``explorer.model.Span``).

The analysis passes both kinds of ``[start, end)`` pair; naming the token kind
says which one a function takes, and ``to_chars`` is the one way across.
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Doc

from explorer.model import Span


class TokenRange(NamedTuple):
    """Tokens ``[start, end)`` of a doc: ``doc[start:end]``, not characters of the text."""

    start: int
    end: int

    def to_chars(self, doc: Doc) -> Span:
        """The characters these tokens cover, from the first token's start to the last one's end."""
        if self.start >= self.end:
            at = doc[self.start].idx if self.start < len(doc) else len(doc.text)
            return Span(at, at)
        last = doc[self.end - 1]
        return Span(doc[self.start].idx, last.idx + len(last))
