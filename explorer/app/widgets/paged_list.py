"""An option list filled a page at a time from a corpus query, as the cursor nears the end."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any

from textual import on
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from explorer.app.widgets.item_list import ItemList

Fetch = Callable[[int, int], Any]
"""``fetch(offset, limit)`` returns a ``Page`` (items and total) from the corpus index."""

PAGE_SIZE = 100
MORE_AHEAD = 10
"""Fetch the next page when the cursor comes this close to the last loaded row."""


class PagedList(ItemList):
    """Rows for a query's items; subclasses say how an item looks (``rows``) and what a row means.

    The keys are the reader's lists' (j/k, g/G, ctrl+d/ctrl+u, with the same ids).

    Never holds more than the pages the user has scrolled through.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.targets: list[Any] = []
        """What each row stands for (None for a heading), parallel to the options."""
        self.loaded = 0
        """How many items of the query are loaded."""
        self.total = 0
        """How many items the query has in all."""
        self._fetch: Fetch | None = None

    def rows(self, item: Any) -> Sequence[tuple[Option, Any]]:
        """The options for one item, each with its target (None: not selectable)."""
        raise NotImplementedError

    def key(self, target: Any) -> Hashable:
        """What identifies a row across reloads, to keep the cursor on it."""
        return target

    def load(self, fetch: Fetch) -> None:
        """Show the first page of a query.

        A cursor the user moved stays on its row if the row is still there; a
        cursor at the top stays at the top (where newer rows arrive).
        """
        first = next((i for i, t in enumerate(self.targets) if t is not None), None)
        current = self._current_key() if self.highlighted != first else None
        self._fetch = fetch
        page = fetch(0, PAGE_SIZE)
        self.total, self.loaded = page.total, len(page.items)
        options, self.targets = self._build(page.items)
        self.set_options(options)
        keys = [self.key(t) if t is not None else None for t in self.targets]
        if current is not None and current in keys:
            self.highlighted = keys.index(current)
        else:
            self.highlighted = next((i for i, t in enumerate(self.targets) if t is not None), None)

    def clear_rows(self) -> None:
        self._fetch = None
        self.targets, self.loaded, self.total = [], 0, 0
        self.clear_options()

    def _current_key(self) -> Hashable | None:
        index = self.highlighted
        if index is None or index >= len(self.targets) or self.targets[index] is None:
            return None
        return self.key(self.targets[index])

    def _build(self, items: Sequence[Any]) -> tuple[list[Option], list[Any]]:
        options, targets = [], []
        for item in items:
            for option, target in self.rows(item):
                options.append(option)
                targets.append(target)
        return options, targets

    def load_more(self) -> None:
        if self._fetch is None or self.loaded >= self.total:
            return
        page = self._fetch(self.loaded, PAGE_SIZE)
        if not page.items:
            self.total = self.loaded
            return
        self.loaded += len(page.items)
        options, targets = self._build(page.items)
        self.targets.extend(targets)
        self.add_options(options)

    @on(OptionList.OptionHighlighted)
    def _near_the_end(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index >= len(self.targets) - MORE_AHEAD:
            self.load_more()
