"""The search bar over the article: a query box with regex and case toggles."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import Checkbox, Input, Static

from explorer.app.messages import SearchChanged, SearchClosed, SearchStep


class SearchBar(Horizontal):
    """Matches light up as you type; the reader screen counts and steps through them.

    | Key | Does |
    | :- | :- |
    | enter | Next match. |
    | shift+enter / up | Previous match. |
    | ctrl+r | Toggle regular expressions. |
    | ctrl+t | Toggle case sensitivity. |
    | escape | Close the search. |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "Close search", id="search.close",
                tooltip="Close the search bar and clear its matches"),
        Binding("ctrl+r", "toggle_regex", "Regex", id="search.regex",
                tooltip="Treat the query as a regular expression"),
        Binding("ctrl+t", "toggle_case", "Case", id="search.case",
                tooltip="Match upper and lower case exactly"),
        Binding("shift+enter,up", "step(-1)", "Previous", show=False, id="search.previous",
                tooltip="Previous match"),
        Binding("down", "step(1)", "Next", show=False, id="search.next", tooltip="Next match"),
    ]

    def compose(self) -> ComposeResult:
        yield Static("/", classes="search-prompt")
        yield Input(placeholder="search the article", id="search-query")
        yield Checkbox("regex", id="search-regex")
        yield Checkbox("case", id="search-case")
        yield Static("", id="search-count")

    @property
    def query_box(self) -> Input:
        return self.query_one("#search-query", Input)

    @property
    def regex(self) -> bool:
        return self.query_one("#search-regex", Checkbox).value

    @property
    def case_sensitive(self) -> bool:
        return self.query_one("#search-case", Checkbox).value

    def open(self) -> None:
        self.display = True
        self.query_box.focus()
        self._changed()

    def show_count(self, text: str) -> None:
        """``k/N`` or why the query cannot run; plain text, never markup."""
        self.query_one("#search-count", Static).update(Text(text))

    def _changed(self) -> None:
        self.post_message(SearchChanged(self.query_box.value, self.regex, self.case_sensitive))

    @on(Input.Changed, "#search-query")
    @on(Checkbox.Changed)
    def _on_change(self, event) -> None:
        event.stop()
        self._changed()

    @on(Input.Submitted, "#search-query")
    def _on_submit(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(SearchStep(1))

    def action_step(self, step: int) -> None:
        self.post_message(SearchStep(step))

    def action_toggle_regex(self) -> None:
        self.query_one("#search-regex", Checkbox).toggle()

    def action_toggle_case(self) -> None:
        self.query_one("#search-case", Checkbox).toggle()

    def action_close(self) -> None:
        self.display = False
        self.post_message(SearchClosed())
