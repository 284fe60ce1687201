"""The help screen: every key of the app, read from the bindings themselves."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


def _bindings(owner: type) -> list[Binding]:
    return [b for b in getattr(owner, "BINDINGS", []) if isinstance(b, Binding)]


def key_table(app, sections: list[tuple[str, type]]) -> Table:
    """A table of key, action and description per section, as the user would press them."""
    table = Table(show_header=False, box=None, padding=(0, 2, 0, 0), expand=True)
    table.add_column("key", style="bold", no_wrap=True)
    table.add_column("what", ratio=1)
    for title, owner in sections:
        rows = _bindings(owner)
        if not rows:
            continue
        table.add_row(Text(title, style="bold underline"), "")
        for binding in rows:
            keys = ", ".join(app.get_key_display(Binding(key, binding.action))
                             for key in binding.key.split(","))
            table.add_row(Text(keys), Text(binding.tooltip or binding.description))
        table.add_row("", "")
    return table


class HelpScreen(ModalScreen[None]):
    """Every key, grouped by where it works; any of escape, ? or q closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "dismiss", "Close help", id="help.close",
                tooltip="Close this help"),
    ]

    def __init__(self, sections: list[tuple[str, type]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(Text("Article Explorer — keys", style="bold"), id="help-title")
            self.table = key_table(self.app, self.sections)
            yield Static(self.table, id="help-keys")
            yield Static(Text("Mouse: click tabs, rows and article lines; scroll anywhere. "
                              "Single keys work everywhere except inside a text box.",
                              style="italic"))
