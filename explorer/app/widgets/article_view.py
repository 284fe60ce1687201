"""The article, drawn with Textual's Line API so long texts with many highlights stay fast."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.cache import LRUCache
from textual.geometry import Region, Size
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from explorer.app.highlights import (
    DEFAULT_CATEGORIES,
    Category,
    Layer,
    Mark,
    category_marks,
    category_spans,
    marks_by_row,
)
from explorer.app.messages import CursorMoved, ItemSelected
from explorer.app.reveal import ItemLocator
from explorer.app.wrap import DisplayLine, LineIndex, shown_text, wrap_article
from explorer.model import Article, ParsedDocument, Span

OVERLAYS = ("search", "selected", "current")
"""What the user lights, drawn over the background categories in this order."""

GUTTER = 2
"""Cells left of the text: the cursor marker and a space."""


class ArticleView(ScrollView, can_focus=True):
    """The wrapped article text with background, selection and search highlights.

    | Key | Does |
    | :- | :- |
    | up, k / down, j | Move the cursor line. |
    | ctrl+u / ctrl+d | Move the cursor half a page. |
    | pageup / pagedown, space | Move the cursor a page. |
    | home, g / end, G | First / last line. |
    | enter | Select what is under the cursor (or double-click it). |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up,k", "cursor(-1)", "Up", show=False, id="article.up",
                tooltip="Cursor up a line"),
        Binding("down,j", "cursor(1)", "Down", show=False, id="article.down",
                tooltip="Cursor down a line"),
        Binding("ctrl+u", "half_page(-1)", "Half page up", show=False, id="article.half_up",
                tooltip="Cursor up half a page"),
        Binding("ctrl+d", "half_page(1)", "Half page down", show=False, id="article.half_down",
                tooltip="Cursor down half a page"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="article.page_up",
                tooltip="Cursor up a page"),
        Binding("pagedown,space", "page(1)", "Page down", show=False, id="article.page_down",
                tooltip="Cursor down a page"),
        Binding("home,g", "edge(0)", "Top", show=False, id="article.top", tooltip="First line"),
        Binding("end,G", "edge(1)", "Bottom", show=False, id="article.bottom",
                tooltip="Last line"),
        Binding("enter", "select_here", "Select here", show=False, id="article.select",
                tooltip="Select the quote or item under the cursor"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "article-view--quote",
        "article-view--cue",
        "article-view--speaker",
        "article-view--place",
        "article-view--figure",
        "article-view--person",
        "article-view--organisation",
        "article-view--search",
        "article-view--selected",
        "article-view--current",
        "article-view--cursor",
        "article-view--cursor-idle",
    }

    cursor_row: reactive[int] = reactive(0, init=False, always_update=True)
    """The display row the cursor rests on."""

    def __init__(self, *, name: str | None = None, id: str | None = None,
                 classes: str | None = None) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.article: Article | None = None
        self.document: ParsedDocument | None = None
        self.locator: ItemLocator | None = None
        """Finds what lies under the cursor in ``document``."""
        self.categories: frozenset[Category] = DEFAULT_CATEGORIES
        self._shown = ""
        self._width = 0
        self._index = LineIndex([DisplayLine(0, 0)])
        self._category_spans: dict[Category, list[Span]] = {}
        self._background: dict[int, list[Mark]] = {}
        self._selection: tuple[Span, ...] = ()
        self._search: tuple[Span, ...] = ()
        self._current: Span | None = None
        self._layers: dict[str, dict[int, list[Mark]]] = {layer: {} for layer in OVERLAYS}
        self._row_epoch: dict[int, int] = {}
        self._epoch = 0
        self._line_cache: LRUCache[tuple[int, int, int, int], Strip] = LRUCache(2000)
        self._styles: dict[Layer | str, Style] = {}

    # -- what the screen sets -------------------------------------------------

    def show_article(self, article: Article, document: ParsedDocument | None = None) -> None:
        """Show a new article (text at once; highlights when ``document`` comes)."""
        self.article = article
        self._shown = shown_text(article.text)
        self._selection, self._search, self._current = (), (), None
        self._width = 0
        self._rewrap()
        self.set_document(document)
        self.scroll_to(y=0, animate=False, immediate=True)
        self.cursor_row = 0

    def set_document(self, document: ParsedDocument | None) -> None:
        """Attach the analysis of the shown article: background highlights from the model."""
        self.document = document
        self.locator = ItemLocator(document) if document is not None else None
        self._category_spans = category_spans(document) if document is not None else {}
        self._rebuild_background()

    def set_categories(self, categories: Iterable[Category]) -> None:
        self.categories = frozenset(categories)
        self._rebuild_background()

    @property
    def selection(self) -> tuple[Span, ...]:
        """The passages of the selected item, in text order."""
        return self._selection

    @property
    def search_matches(self) -> tuple[Span, ...]:
        return self._search

    @property
    def current(self) -> Span | None:
        """The occurrence (of the selection or the search) the user is looking at."""
        return self._current

    def marks_at(self, row: int) -> list[Mark]:
        """Every highlight drawn on a display row, lowest first (background, then overlays)."""
        marks = list(self._background.get(row, ()))
        for layer in OVERLAYS:
            marks.extend(self._layers[layer].get(row, ()))
        return marks

    def set_selection(self, spans: Iterable[Span]) -> None:
        self._selection = tuple(sorted(spans))
        self._set_layer("selected", self._selection)
        self.show_occurrence(None)

    def set_search(self, spans: Iterable[Span]) -> None:
        self._search = tuple(spans)
        self._set_layer("search", self._search)
        self.show_occurrence(None)

    def show_occurrence(self, span: Span | None) -> None:
        """Mark ``span`` as the current occurrence and bring it to the middle of the view."""
        self._current = span
        self._set_layer("current", (span,) if span is not None else ())
        if span is not None:
            rows = self._index.rows_of(span.start, span.end)
            self.scroll_to_region(
                Region(0, rows.start, max(1, self.size.width), len(rows)),
                animate=False, center=True, immediate=True,
            )
            self.cursor_row = rows.start

    def reveal(self, span: Span) -> None:
        """Bring ``span`` to the middle of the view without marking it (a preview)."""
        rows = self._index.rows_of(span.start, span.end)
        self.scroll_to_region(Region(0, rows.start, max(1, self.size.width), len(rows)),
                              animate=False, center=True, immediate=True)

    # -- geometry ---------------------------------------------------------------

    @property
    def line_count(self) -> int:
        return len(self._index)

    @property
    def lines(self) -> list[DisplayLine]:
        return self._index.lines

    def row_of(self, offset: int) -> int:
        return self._index.line_of(offset)

    def row_text(self, row: int) -> str:
        line = self._index.lines[row]
        return self._shown[line.start : line.end]

    def _wrap_width(self) -> int:
        return max(8, self.scrollable_content_region.width - GUTTER - 1)

    def _rewrap(self) -> None:
        """Wrap again (only when the width or the article changes); keep the cursor's text."""
        if self.article is None:
            return
        width = self._wrap_width()
        if width == self._width:
            return
        anchor = self._index.lines[min(self.cursor_row, len(self._index) - 1)].start
        self._width = width
        self._index = LineIndex(wrap_article(self._shown, width, self.article.body_start))
        self.virtual_size = Size(width, len(self._index))
        self._rebuild_background()
        self._rebuild_overlays()
        self.cursor_row = self._index.line_of(anchor)

    def on_resize(self, event: events.Resize) -> None:
        self._rewrap()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._styles.clear()
        self._epoch += 1
        self._line_cache.clear()

    # -- highlight bookkeeping --------------------------------------------------

    def _rebuild_background(self) -> None:
        active = {c: s for c, s in self._category_spans.items() if c in self.categories}
        self._background = category_marks(self._index, active)
        self._epoch += 1
        self.refresh()

    def _overlay_spans(self) -> dict[str, tuple[Span, ...]]:
        return {"search": self._search, "selected": self._selection,
                "current": (self._current,) if self._current is not None else ()}

    def _set_layer(self, layer: str, spans: Iterable[Span]) -> None:
        """Recompute one overlay; refresh only the rows whose marks in it changed."""
        new = marks_by_row(self._index, layer, spans)
        old = self._layers[layer]
        self._layers[layer] = new
        self._touch_rows(row for row in new.keys() | old.keys() if new.get(row) != old.get(row))

    def _rebuild_overlays(self) -> None:
        """Every overlay again, for a new wrapping: all rows change."""
        for layer, spans in self._overlay_spans().items():
            self._layers[layer] = marks_by_row(self._index, layer, spans)
        self._epoch += 1
        self.refresh()

    def _touch_rows(self, rows: Iterable[int]) -> None:
        """Forget the cached drawing of ``rows``; repaint those in view in one refresh.

        One ``refresh`` with every region, not one per row: each call clears the
        widget's style cache, which for a selection lighting a screenful costs more
        than the drawing.
        """
        top = round(self.scroll_offset.y)
        bottom = top + self.size.height
        width = max(self.virtual_size.width, self.size.width)
        regions = []
        for row in rows:
            self._row_epoch[row] = self._row_epoch.get(row, 0) + 1
            if top <= row < bottom:
                regions.append(Region(0, row - top, width, 1))
        if regions:
            self.refresh(*regions)

    # -- drawing ------------------------------------------------------------------

    def _style(self, layer: str) -> Style:
        style = self._styles.get(layer)
        if style is None:
            style = self.rich_style if layer == "base" else self._layer_style(layer)
            self._styles[layer] = style
        return style

    def _layer_style(self, layer: str) -> Style:
        """Only what the layer's CSS sets, its translucent colours blended over the view.

        A partial Rich style cannot carry alpha, and a full one would paint over the
        layers below it (a speaker's colour inside a quote's background).
        """
        styles = self.get_component_styles(f"article-view--{layer}")
        _, background = self.background_colors
        bgcolor = color = None
        if styles.has_rule("background"):
            background = background + styles.background
            bgcolor = background.rich_color
        if styles.has_rule("auto_color") and styles.auto_color:
            color = background.get_contrast_text(styles.color.a).rich_color
        elif styles.has_rule("color"):
            color = (background + styles.color).rich_color
        return Style(color=color, bgcolor=bgcolor) + styles.text_style

    def render_line(self, y: int) -> Strip:
        row = round(self.scroll_offset.y) + y
        width = self.size.width
        base = self._style("base")
        if row >= len(self._index) or self.article is None:
            return Strip.blank(width, base)
        key = (row, self._epoch, self._row_epoch.get(row, 0), width)
        strip = self._line_cache.get(key)
        if strip is None:
            strip = self._render_row(row, width - GUTTER)
            self._line_cache[key] = strip
        # The cursor lives in the gutter, drawn over the cached row, so moving it is cheap.
        if row == self.cursor_row:
            cursor = self._style("cursor" if self.has_focus else "cursor-idle")
            gutter = Segment("▌ ", base + cursor)
        else:
            gutter = Segment("  ", base)
        return Strip([gutter, *strip], width)

    def _render_row(self, row: int, width: int) -> Strip:
        line = self._index.lines[row]
        base = self._style("base")
        text = Text(self._shown[line.start : line.end], end="", no_wrap=True)
        for mark in self.marks_at(row):
            text.stylize(self._style(mark.layer), mark.start - line.start, mark.end - line.start)
        segments = Segment.apply_style(text.render(self.app.console), base)
        return Strip(segments).adjust_cell_length(width, base)

    # -- cursor -----------------------------------------------------------------------

    @property
    def cursor_chars(self) -> tuple[int, int] | None:
        """The article's characters on the cursor's row; None before an article is shown."""
        if not len(self._index):
            return None
        line = self._index.lines[min(self.cursor_row, len(self._index) - 1)]
        return line.start, line.end

    def validate_cursor_row(self, row: int) -> int:
        return max(0, min(row, len(self._index) - 1))

    def watch_cursor_row(self, old: int, new: int) -> None:
        # The cursor is drawn over cached rows, so a repaint is enough.
        self.refresh_line(old)
        self.refresh_line(new)
        line = self._index.lines[new]
        self.post_message(CursorMoved(line.start, line.end))

    def _follow_cursor(self) -> None:
        self.scroll_to_region(Region(0, self.cursor_row, 1, 1), animate=False, immediate=True)

    def action_cursor(self, step: int) -> None:
        self.cursor_row += step
        self._follow_cursor()

    def action_page(self, direction: int) -> None:
        self.cursor_row += direction * max(1, self.size.height - 1)
        self._follow_cursor()

    def action_half_page(self, direction: int) -> None:
        self.cursor_row += direction * max(1, self.size.height // 2)
        self._follow_cursor()

    def action_edge(self, end: int) -> None:
        self.cursor_row = len(self._index) - 1 if end else 0
        self._follow_cursor()

    def watch_scroll_y(self, old_value: float, new_value: float) -> None:
        super().watch_scroll_y(old_value, new_value)
        top = round(new_value)
        bottom = top + max(1, self.size.height) - 1
        if not top <= self.cursor_row <= bottom:
            self.cursor_row = min(max(self.cursor_row, top), bottom)

    def action_select_here(self) -> None:
        if self.locator is None:
            return
        line = self._index.lines[self.cursor_row]
        found = self.locator.items_at(line.start, line.end)
        if found:
            self.post_message(ItemSelected(found[0].id))

    def on_click(self, event: events.Click) -> None:
        """A click puts the cursor on the row; a double click selects what is there."""
        self.cursor_row = round(self.scroll_offset.y) + event.y
        if event.chain >= 2:
            self.action_select_here()

    def on_focus(self) -> None:
        self.refresh_line(self.cursor_row)

    def on_blur(self) -> None:
        self.refresh_line(self.cursor_row)

    def text_offset_at_row(self, row: int) -> int:
        return self._index.lines[row].start

