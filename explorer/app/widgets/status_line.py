"""The status line: the article's state, the selection or search position, what the cursor is on."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static


class StatusLine(Static):
    """Three parts separated by bars; each is plain text from the app or the article."""

    analysis: reactive[str] = reactive("")
    """How the analysis of this article stands (analysing…, 12 quotes, failed)."""
    position: reactive[str] = reactive("")
    """Where the user is among occurrences: ``selection 2/5`` or ``search 1/3``."""
    under_cursor: reactive[str] = reactive("")
    """What lies under the article cursor (the quote there and its speaker)."""

    def render(self) -> Text:
        parts = [part for part in (self.analysis, self.position, self.under_cursor) if part]
        return Text(" │ ".join(parts), no_wrap=True, overflow="ellipsis")
