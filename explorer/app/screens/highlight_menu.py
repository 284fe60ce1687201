"""The ``h`` menu: a preset of what is lit in the article, or categories ticked one by one."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, SelectionList, Static
from textual.widgets.option_list import Option

from explorer.app.highlights import (
    CATEGORIES,
    CATEGORY_LABELS,
    PRESETS,
    Category,
    HighlightChoice,
)


class HighlightMenu(ModalScreen[HighlightChoice | None]):
    """Enter applies a preset, or the ticked categories; space ticks; escape cancels.

    | Key | Does |
    | :- | :- |
    | enter | Apply the preset under the cursor, or the ticked categories. |
    | space | Tick or untick a category. |
    | tab | Between the presets and the categories. |
    | escape, q | Close without changing anything. |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "apply", "Apply", id="highlights.apply", priority=True,
                tooltip="Apply the preset, or the ticked categories, and close"),
        Binding("escape,q", "cancel", "Cancel", id="highlights.cancel",
                tooltip="Close without changing what is lit"),
    ]

    def __init__(self, choice: HighlightChoice, active: frozenset[Category]) -> None:
        """``choice``: the current preset or categories; ``active``: what is lit right now."""
        super().__init__()
        self.choice = choice
        self.active = active

    def compose(self) -> ComposeResult:
        with Vertical(id="highlight-box"):
            yield Static("Light in the article — enter applies, escape cancels",
                         id="highlight-title")
            yield OptionList(*(Option(label, id=name) for name, label in PRESETS.items()),
                             id="highlight-presets")
            yield Static("Or tick categories (space), then enter:", id="highlight-custom")
            yield SelectionList[str](
                *((CATEGORY_LABELS[c], c, c in self.active) for c in CATEGORIES),
                id="highlight-choices",
            )

    def on_mount(self) -> None:
        presets = self.query_one("#highlight-presets", OptionList)
        if isinstance(self.choice, str) and self.choice in PRESETS:
            presets.highlighted = list(PRESETS).index(self.choice)
            presets.focus()
        else:
            self.query_one(SelectionList).focus()

    @on(OptionList.OptionSelected, "#highlight-presets")
    def _preset_clicked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_apply(self) -> None:
        presets = self.query_one("#highlight-presets", OptionList)
        if presets.has_focus and presets.highlighted_option is not None:
            self.dismiss(presets.highlighted_option.id)
        else:
            self.dismiss(frozenset(self.query_one(SelectionList).selected))

    def action_cancel(self) -> None:
        self.dismiss(None)
