"""The quote sheet dialog (``e``): what to export (this article, the selection, the folder)
and where; the format follows the file name (.md, .csv, .json)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar, Literal

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from explorer.app import STYLES

Scope = Literal["article", "selection", "folder"]
DEFAULT_NAME = "quote-sheet.md"


@dataclass(frozen=True, slots=True)
class ExportRequest:
    scope: Scope
    path: str


class ExportDialog(ModalScreen["ExportRequest | None"]):
    """Choose what goes in the sheet, name the file, ``enter`` writes it.

    | Key | Does |
    | :- | :- |
    | up / down | Choose what to export. |
    | enter | Write the sheet. |
    | escape | Cancel. |
    """

    CSS_PATH = STYLES / "newsroom.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="export.cancel", tooltip="Close, write nothing"),
        Binding("down", "move(1)", "Down", show=False, id="export.down",
                tooltip="Next choice of what to export"),
        Binding("up", "move(-1)", "Up", show=False, id="export.up",
                tooltip="Previous choice of what to export"),
    ]

    def __init__(self, scopes: Sequence[tuple[Scope, str]], name: str = DEFAULT_NAME) -> None:
        super().__init__(classes="newsroom-dialog")
        self.scopes = list(scopes)
        self.name_value = name

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static("Export a quote sheet", classes="dialog-title")
            yield OptionList(*(Option(Text(label)) for _, label in self.scopes),
                             id="export-scope")
            yield Input(self.name_value, placeholder="file name: .md, .csv or .json",
                        id="export-name")
            yield Static("up/down: what to export · type the file name (.md, .csv, .json) · "
                         "enter: write · escape: cancel", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(OptionList).highlighted = 0
        self.query_one(Input).focus()

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        current = options.highlighted or 0
        options.highlighted = max(0, min(len(self.scopes) - 1, current + step))

    def _request(self) -> None:
        name = self.query_one(Input).value.strip()
        if not name:
            self.app.bell()
            return
        index = self.query_one(OptionList).highlighted or 0
        self.dismiss(ExportRequest(self.scopes[index][0], name))

    @on(Input.Submitted, "#export-name")
    def _submitted(self) -> None:
        self._request()

    @on(OptionList.OptionSelected, "#export-scope")
    def _chosen(self) -> None:
        self._request()

    def action_cancel(self) -> None:
        self.dismiss(None)
