"""The footer, with help and quit first so that a narrow terminal never loses them."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

ALWAYS_SHOWN = ("help", "corpus_help", "back_or_quit", "back")
"""Actions whose keys come first: the footer cuts what does not fit at its right end."""
SHOWN_NEXT = ("next_unread", "reload")
"""Then a feed's keys to get round it: next unread and refresh."""


class ExplorerFooter(Footer):
    def compose(self) -> ComposeResult:
        keys = list(super().compose())
        first = [key for group in (ALWAYS_SHOWN, SHOWN_NEXT) for key in keys
                 if isinstance(key, FooterKey) and key.action in group]
        yield from first
        yield from (key for key in keys if key not in first)
