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
    """Where the user is: ``reported quote by Ann Lee · part 1 of 3``, ``search · match 2 of 9``."""
    under_cursor: reactive[str] = reactive("")
    """What lies under the article cursor (the quote there and its speaker)."""

    def render(self) -> Text:
        # Where the user is comes first: it is what a narrow terminal must still show.
        parts = [part for part in (self.position, self.analysis, self.under_cursor) if part]
        return Text(" │ ".join(parts), no_wrap=True, overflow="ellipsis")
