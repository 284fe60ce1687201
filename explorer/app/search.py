"""Find a query in the article text: plain or regular expression, case-folded or not."""

from __future__ import annotations

import re
from dataclasses import dataclass

from explorer.model import Span

MAX_MATCHES = 10_000
"""Enough for any real search; stops a one-letter query from flooding the view."""


@dataclass(frozen=True, slots=True)
class SearchResult:
    matches: tuple[Span, ...]
    error: str | None = None
    """Why the query could not run (a bad regular expression)."""


def find_matches(
    text: str, query: str, *, regex: bool = False, case_sensitive: bool = False, start: int = 0
) -> SearchResult:
    """Every non-empty match of ``query`` in ``text[start:]``, in order."""
    if not query:
        return SearchResult(())
    flags = 0 if case_sensitive else re.IGNORECASE
    try:
        pattern = re.compile(query if regex else re.escape(query), flags)
    except re.error as exc:
        return SearchResult((), error=f"bad pattern: {exc}")
    matches: list[Span] = []
    for match in pattern.finditer(text, start):
        if match.end() > match.start():
            matches.append(Span(match.start(), match.end()))
            if len(matches) >= MAX_MATCHES:
                break
    return SearchResult(tuple(matches))
