"""One panel of items (speakers, quotes, places…): a filter box, a count line and the list.

A panel on a hidden tab builds its widgets the first time it is shown: five
of the six start hidden, and building them all would add about 40 ms to every
start of the app. Until then it keeps its rows and filters as plain data, and
what it was asked to do (focus, show an item) waits for the build.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.reactive import reactive
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from explorer.app.messages import ItemPreviewed, ItemSelected, SpeakerQuotesRequested
from explorer.app.panel_filter import matches, parse_filter
from explorer.app.quoting import LOW_CONFIDENCE, UNSURE_MARK, kind_word
from explorer.app.rows import PanelRow, PanelSpec
from explorer.app.widgets.filter_box import FilterBox
from explorer.app.widgets.item_list import ItemList


class ItemPanel(Vertical):
    """The rows of one category; moving the cursor previews the item, ``enter`` keeps it.

    | Key | Does |
    | :- | :- |
    | f | Focus the filter box (words; ``speaker:``, ``kind:``, ``confidence:low``). |
    | t | Cycle the kind filter (speakers, quotes, places, figures). |
    | s | Show this speaker's quotes (speakers panel). |
    | x | Clear every filter of this panel. |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f", "focus_filter", "Filter", id="panel.filter",
                tooltip="Type words to narrow this list (speaker:, role:, text:, kind:, "
                        "confidence:low)"),
        Binding("t", "cycle_kind", "Kind", id="panel.kind",
                tooltip="Show one kind at a time (direct, reported, partly quoted…)"),
        Binding("s", "speaker_quotes", "Their quotes", id="panel.speaker_quotes",
                tooltip="Show this speaker's quotes in the Quotes panel"),
        Binding("x", "clear_filters", "Clear filter", id="panel.clear",
                tooltip="Show every row again"),
    ]

    text_filter: reactive[str] = reactive("", init=False)
    """What the filter box holds; rows must hold each of its words (see ``panel_filter``)."""
    kind_filter: reactive[str | None] = reactive(None, init=False)
    """Only rows of this kind, or every kind."""
    speaker_filter: reactive[str | None] = reactive(None, init=False)
    """Only rows of this speaker id, or every speaker."""

    def __init__(self, spec: PanelSpec, *, id: str | None = None, hidden: bool = False) -> None:
        """``hidden``: starts on a hidden tab, so builds its widgets when first shown."""
        super().__init__(id=id, classes="item-panel")
        self.spec = spec
        self.rows: list[PanelRow] = []
        self.shown_rows: list[PanelRow] = []
        self._speaker_label = ""
        self._state = "loading"
        self._error = ""
        self._built = False
        self._build_on_show = hidden
        self._after_build: list[Callable[[], None]] = []
        self._placed: str | None = None
        """The row the panel put the cursor on itself: its highlight is no preview."""

    def compose(self) -> ComposeResult:
        if not self._build_on_show:
            yield from self._widgets()

    def on_mount(self) -> None:
        if not self._build_on_show:
            self._built_now()

    def _widgets(self) -> ComposeResult:
        yield FilterBox(value=self.text_filter, classes="filter",
                        placeholder=f"filter {self.spec.title.lower()}… (f)")
        yield Static(classes="panel-info")
        yield ItemList(classes="item-list")

    async def on_show(self) -> None:
        if self._built:
            return
        await self.mount_all(self._widgets())
        self._built_now()

    def _built_now(self) -> None:
        self._built = True
        self._refill()
        waiting, self._after_build = self._after_build, []
        for action in waiting:
            action()

    def _when_built(self, action: Callable[[], None]) -> None:
        if self._built:
            action()
        else:
            self._after_build.append(action)

    @property
    def option_list(self) -> OptionList:
        return self.query_one(OptionList)

    @property
    def filter_box(self) -> FilterBox:
        return self.query_one(FilterBox)

    # -- states the screen sets ------------------------------------------------------------

    def show_loading(self) -> None:
        self._state = "loading"
        self.rows = []
        self._refill()

    def show_waiting(self, message: str) -> None:
        """Nothing to analyse yet (a feed entry not opened): say why, with no spinner."""
        self._state = "waiting"
        self._error = message
        self.rows = []
        self._refill()

    def show_error(self, message: str) -> None:
        self._state = "error"
        self._error = message
        self.rows = []
        self._refill()

    def show_rows(self, rows: list[PanelRow]) -> None:
        self._state = "ready"
        self.rows = rows
        self.kind_filter = None
        self.speaker_filter = None
        self._refill()

    def set_text_filter(self, query: str) -> None:
        """Put ``query`` in the filter box, as if typed."""
        self.text_filter = query
        self._when_built(lambda: setattr(self.filter_box, "value", query))

    def filter_speaker(self, speaker_id: str | None, label: str = "") -> None:
        self._speaker_label = label
        self.speaker_filter = speaker_id

    # -- filtering ---------------------------------------------------------------------------

    def _refill(self) -> None:
        terms = parse_filter(self.text_filter)
        self.shown_rows = [
            row for row in self.rows
            if (self.kind_filter is None or row.kind == self.kind_filter)
            and (self.speaker_filter is None or row.speaker_id == self.speaker_filter)
            and matches(terms, row.fields)
        ]
        if not self._built:
            return
        option_list = self.option_list
        option_list.loading = self._state == "loading"
        highlighted = option_list.highlighted_option
        option_list.set_options(Option(row.prompt, id=row.item_id) for row in self.shown_rows)
        if highlighted is not None and highlighted.id in {r.item_id for r in self.shown_rows}:
            self._place(option_list.get_option_index(highlighted.id))
        elif self.shown_rows:
            self._place(0)
        self.query_one(".panel-info", Static).update(self._info())
        self.set_class(self._state == "error", "-error")

    def _info(self) -> Text:
        if self._state == "loading":
            return Text("analysing…", style="italic")
        if self._state == "error":
            return Text(f"analysis failed: {self._error}")
        if self._state == "waiting":
            return Text(self._error, style="italic")
        total, shown = len(self.rows), len(self.shown_rows)
        if not total:
            return Text(f"no {self.spec.title.lower()} found in this article", style="italic")
        info = Text(f"{shown} of {total}" if shown != total else f"{total} in all")
        if self.kind_filter:
            info.append(f" · kind: {kind_word(self.kind_filter)}", style="bold")
        if self.speaker_filter:
            info.append(f" · by {self._speaker_label}", style="bold")
        if self.text_filter:
            info.append(" · filtered", style="bold")
        if any(row.fields.get("confidence") == "low" for row in self.rows):
            info.append(f"  {UNSURE_MARK}", style="bold reverse")
            info.append(f" speaker unsure (below {LOW_CONFIDENCE:.0%})", style="dim")
        elif self.spec.kinds:
            info.append("  (t: kind)", style="dim")
        return info

    def watch_text_filter(self) -> None:
        self._refill()

    def watch_kind_filter(self) -> None:
        self._refill()

    def watch_speaker_filter(self) -> None:
        self._refill()

    @on(FilterBox.Changed)
    def _filter_changed(self, event: FilterBox.Changed) -> None:
        event.stop()
        self.text_filter = event.value

    @on(FilterBox.Submitted)
    @on(FilterBox.Left)
    def _filter_done(self, event: FilterBox.Submitted | FilterBox.Left) -> None:
        event.stop()
        self.focus_list()

    @on(OptionList.OptionSelected)
    def _option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(ItemSelected(event.option.id))

    @on(OptionList.OptionHighlighted)
    def _option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        """The user moved the cursor: preview its item.

        Not when the panel placed the cursor (a refill, a panel shown with ``2``):
        switching panels must not scroll the article away from where one reads.
        """
        event.stop()
        placed, self._placed = self._placed, None
        if event.option.id is None or event.option.id == placed:
            return
        if self.option_list.has_focus:
            self.post_message(ItemPreviewed(event.option.id))

    def _place(self, index: int) -> None:
        option_list = self.option_list
        self._placed = option_list.get_option_at_index(index).id
        option_list.highlighted = index

    # -- actions -------------------------------------------------------------------------------

    def focus_list(self) -> None:
        self._when_built(self._focus_list)

    def _focus_list(self) -> None:
        option_list = self.option_list
        if option_list.highlighted is None and option_list.option_count:
            self._place(0)
        option_list.focus()

    def show_item(self, item_id: str) -> None:
        """Put the cursor on an item, clearing filters that hide it."""
        if all(row.item_id != item_id for row in self.shown_rows):
            self.action_clear_filters()
        self._when_built(lambda: self._highlight(item_id))

    def _highlight(self, item_id: str) -> None:
        option_list = self.option_list
        try:
            self._place(option_list.get_option_index(item_id))
        except Exception:  # noqa: BLE001 - an item the panel does not list
            return
        option_list.focus()

    def action_focus_filter(self) -> None:
        self.filter_box.focus()

    def action_cycle_kind(self) -> None:
        kinds = [kind for kind in self.spec.kinds if any(r.kind == kind for r in self.rows)]
        if not kinds:
            self.notify(f"{self.spec.title} have no kinds to filter by", timeout=2)
            return
        order = [None, *kinds]
        position = order.index(self.kind_filter) if self.kind_filter in order else 0
        self.kind_filter = order[(position + 1) % len(order)]

    def action_speaker_quotes(self) -> None:
        option = self.option_list.highlighted_option
        row = next((r for r in self.shown_rows if option and r.item_id == option.id), None)
        if row is not None and row.speaker_id:
            self.post_message(SpeakerQuotesRequested(row.speaker_id))

    def action_clear_filters(self) -> None:
        if self._built:
            self.filter_box.value = ""
        self.text_filter = ""
        self.kind_filter = None
        self.speaker_filter = None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "cycle_kind":
            return bool(self.spec.kinds)
        if action == "speaker_quotes":
            return self.spec.key in ("speakers", "people", "organisations")
        return True
