"""The text box above a panel's list that narrows it as you type."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import Input


class FilterBox(Input):
    """An ``Input`` whose ``escape`` and ``down`` hand focus back to the list below.

    | Key | Does |
    | :- | :- |
    | escape | Back to the list (the filter stays). |
    | down | Back to the list. |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "Back to list", id="filter.leave",
                tooltip="Return to the list; the filter stays"),
        Binding("down", "leave", "Back to list", show=False, id="filter.down",
                tooltip="Return to the list"),
    ]

    @dataclass
    class Left(Message):
        """The user is done typing; the panel puts the focus on its list."""

    def action_leave(self) -> None:
        self.post_message(self.Left())
