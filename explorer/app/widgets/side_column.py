"""The column beside the article: the library above the item panels.

The reader mounts it lazily, after the article's first paint, so the text
shows as fast as a bare app would show it; it says when it is ready.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.containers import Vertical
from textual.message import Message


class SideColumn(Vertical):
    @dataclass
    class Ready(Message):
        """The library and the panels are mounted and can be filled."""

    def on_mount(self) -> None:
        self.post_message(self.Ready())
