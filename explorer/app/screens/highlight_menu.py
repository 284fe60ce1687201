"""A small menu to choose which categories are lit in the background of the article."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import SelectionList, Static

from explorer.app.highlights import CATEGORIES, CATEGORY_LABELS, Category


class HighlightMenu(ModalScreen[frozenset[Category] | None]):
    """Space or enter toggles a category; escape applies and closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,h", "apply", "Apply", id="highlights.apply",
                tooltip="Apply the choice and close"),
    ]

    def __init__(self, active: frozenset[Category]) -> None:
        super().__init__()
        self.active = active

    def compose(self) -> ComposeResult:
        with Vertical(id="highlight-box"):
            yield Static("Light in the article — space toggles, escape applies",
                         id="highlight-title")
            yield SelectionList[str](
                *((CATEGORY_LABELS[c], c, c in self.active) for c in CATEGORIES),
                id="highlight-choices",
            )

    def on_mount(self) -> None:
        self.query_one(SelectionList).focus()

    def action_apply(self) -> None:
        self.dismiss(frozenset(self.query_one(SelectionList).selected))
