"""A list with the keys terminal users bring: j/k, g/G, ctrl+d/ctrl+u, as well as the arrows."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import OptionList


class ItemList(OptionList):
    """An ``OptionList`` whose every key has an id, so a keymap file can move it.

    | Key | Does |
    | :- | :- |
    | down, j / up, k | Next / previous row. |
    | home, g / end, G | First / last row. |
    | ctrl+d / ctrl+u | Half a page down / up. |
    | pagedown / pageup | A page down / up. |
    | enter | Choose the row. |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Down", show=False, id="list.down",
                tooltip="Next row"),
        Binding("up,k", "cursor_up", "Up", show=False, id="list.up", tooltip="Previous row"),
        Binding("home,g", "first", "First", show=False, id="list.first", tooltip="First row"),
        Binding("end,G", "last", "Last", show=False, id="list.last", tooltip="Last row"),
        Binding("ctrl+d", "half_page(1)", "Half page down", show=False, id="list.half_down",
                tooltip="Half a page down"),
        Binding("ctrl+u", "half_page(-1)", "Half page up", show=False, id="list.half_up",
                tooltip="Half a page up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="list.page_down",
                tooltip="A page down"),
        Binding("pageup", "page_up", "Page up", show=False, id="list.page_up",
                tooltip="A page up"),
        Binding("enter", "select", "Choose", show=False, id="list.select",
                tooltip="Choose the row (select the item, open the article)"),
    ]

    def action_half_page(self, direction: int) -> None:
        """Half the visible rows (rows are two lines tall), at least one."""
        if not self.option_count:
            return
        step = max(1, self.scrollable_content_region.height // 4)
        current = self.highlighted if self.highlighted is not None else 0
        self.highlighted = max(0, min(self.option_count - 1, current + direction * step))
