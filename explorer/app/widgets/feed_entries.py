"""The entries of the open feeds: title, date, source, and whether each was read."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from explorer.safe_text import visible
from explorer.sources.feeds import FeedEntry

UNREAD_MARK = "N"
"""newsboat's mark for an unread entry."""


def entry_prompt(entry: FeedEntry, read: bool, state: str = "") -> Text:
    """Two lines: the mark and title (bold while unread), then date, source and fetch state."""
    prompt = Text(f"{' ' if read else UNREAD_MARK} ", style="bold")
    prompt.append(visible(entry.title).replace("\n", " "), style="" if read else "bold")
    detail = f"{entry.date or 'no date'} · {visible(entry.source)}"
    if state:
        detail += f" · {state}"
    prompt.append(f"\n  {detail}", style="dim")
    return prompt


class FeedEntries(OptionList):
    """Every entry of the open feeds, newest first; ``enter`` or a click opens one."""

    @dataclass
    class Chosen(Message):
        """The entry at ``index`` was chosen."""

        index: int

    def set_entries(self, entries: list[FeedEntry], read: set[str]) -> None:
        highlighted = self.highlighted
        self.set_options(Option(entry_prompt(entry, entry.id in read), id=f"entry-{index}")
                         for index, entry in enumerate(entries))
        if entries:
            self.highlighted = min(highlighted or 0, len(entries) - 1)

    def update_entry(self, index: int, entry: FeedEntry, read: bool, state: str = "") -> None:
        self.replace_option_prompt_at_index(index, entry_prompt(entry, read, state))

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.Chosen(event.option_index))
