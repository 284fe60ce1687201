"""A small dialog to pick a speaker from a list or type a name (reassign, rename, merge)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from explorer.app import STYLES
from explorer.safe_text import visible


def _clean(text: str) -> str:
    return " ".join(visible(text).split())


class SpeakerPrompt(ModalScreen["str | None"]):
    """Type to filter the speakers; ``enter`` takes the highlighted one, or the typed name.

    With ``typing=False`` only a listed speaker can be chosen (merge).

    | Key | Does |
    | :- | :- |
    | enter | Take the highlighted speaker, else the typed name. |
    | down / up | Move in the list of speakers. |
    | escape | Cancel. |
    """

    CSS_PATH = STYLES / "newsroom.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="prompt.cancel", tooltip="Close, change nothing"),
        Binding("down", "move(1)", "Down", show=False, id="prompt.down",
                tooltip="Next speaker in the list"),
        Binding("up", "move(-1)", "Up", show=False, id="prompt.up",
                tooltip="Previous speaker in the list"),
    ]

    def __init__(self, title: str, names: Sequence[str], value: str = "",
                 typing: bool = True) -> None:
        super().__init__(classes="newsroom-dialog")
        self.title_text = title
        self.names = list(dict.fromkeys(names))
        self.value = value
        self.typing = typing
        self.shown: list[str] = []

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(Text(self.title_text), classes="dialog-title")
            yield Input(self.value, placeholder="a speaker's name", id="prompt-name")
            yield OptionList(id="prompt-speakers")
            hint = ("enter: take the highlighted speaker or the typed name · escape: cancel"
                    if self.typing else "enter: take the highlighted speaker · escape: cancel")
            yield Static(hint, classes="dialog-hint")

    def on_mount(self) -> None:
        self._filter("")
        self.query_one(Input).focus()

    def _filter(self, query: str) -> None:
        words = query.casefold().split()
        self.shown = [n for n in self.names if all(w in n.casefold() for w in words)]
        options = self.query_one(OptionList)
        options.set_options(Option(Text(_clean(name))) for name in self.shown)
        options.highlighted = 0 if self.shown and (query or not self.typing) else None

    @on(Input.Changed, "#prompt-name")
    def _typed(self, event: Input.Changed) -> None:
        self._filter(event.value)

    def action_move(self, step: int) -> None:
        options = self.query_one(OptionList)
        if not self.shown:
            return
        current = options.highlighted
        options.highlighted = (0 if current is None
                               else max(0, min(len(self.shown) - 1, current + step)))

    @on(Input.Submitted, "#prompt-name")
    def _submitted(self, event: Input.Submitted) -> None:
        highlighted = self.query_one(OptionList).highlighted
        if highlighted is not None and highlighted < len(self.shown):
            self.dismiss(self.shown[highlighted])
        elif self.typing and event.value.strip():
            self.dismiss(" ".join(event.value.split()))
        else:
            self.app.bell()

    @on(OptionList.OptionSelected, "#prompt-speakers")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.shown[event.option_index])

    def action_cancel(self) -> None:
        self.dismiss(None)
