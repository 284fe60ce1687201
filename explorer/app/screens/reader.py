"""The reader: the article beside its panels, with the library, search and status line."""

from __future__ import annotations

from functools import partial
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, TabbedContent

from explorer.app.analyses import Analyses
from explorer.app.messages import (
    ArticleChosen,
    CursorMoved,
    ItemSelected,
    SearchChanged,
    SearchClosed,
    SearchStep,
    SpeakerQuotesRequested,
)
from explorer.app.navigation import Occurrences
from explorer.app.reveal import describe, describe_at
from explorer.app.rows import PANELS, PanelKey, rows_for, speaker_name
from explorer.app.search import find_matches
from explorer.app.widgets.article_header import ArticleHeader
from explorer.app.widgets.article_view import ArticleView
from explorer.app.widgets.item_panel import ItemPanel
from explorer.app.widgets.library import Library
from explorer.app.widgets.search_bar import SearchBar
from explorer.app.widgets.side_column import SideColumn
from explorer.app.widgets.status_line import StatusLine
from explorer.model import Article, Item, ParsedDocument, Quote, Span
from explorer.safe_text import visible

PANEL_OF_ITEM = {
    "Speaker": "speakers", "Quote": "quotes", "Place": "places",
    "Figure": "figures", "Person": "people", "Organisation": "organisations",
}


class ReaderScreen(Screen):
    """Reads one article at a time; analysis runs in a worker and fills the panels when done.

    | Key | Does |
    | :- | :- |
    | 1 … 6 | Speakers, Quotes, Places, Figures, People, Organisations. |
    | n / N | Next / previous occurrence of the selection or search. |
    | escape | Clear the selection. |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        *(
            Binding(spec.shortcut, f"show_panel('{spec.key}')", spec.title, show=False,
                    id=f"panel.{spec.key}", tooltip=f"Show the {spec.title} panel")
            for spec in PANELS
        ),
        Binding("slash", "search", "Search", id="reader.search", tooltip="Search the article"),
        Binding("n", "step(1)", "Next", id="reader.next",
                tooltip="Next occurrence of the selection or search"),
        Binding("N", "step(-1)", "Prev", id="reader.previous",
                tooltip="Previous occurrence of the selection or search"),
        Binding("escape", "clear_selection", "Clear", show=False, id="reader.clear",
                tooltip="Clear the selection"),
        Binding("h", "highlights", "Highlights", id="reader.highlights",
                tooltip="Choose which categories are lit in the article"),
        Binding("c", "copy_quote", "Copy", show=False, id="reader.copy",
                tooltip="Copy the selected quote with its attribution"),
        Binding("left_square_bracket", "switch_article(-1)", "Prev article", show=False,
                id="reader.previous_article", tooltip="Previous article in the library"),
        Binding("right_square_bracket", "switch_article(1)", "Next article", show=False,
                id="reader.next_article", tooltip="Next article in the library"),
        Binding("l", "toggle_library", "Library", show=False, id="reader.library",
                tooltip="Show or hide the library of articles"),
        Binding("a", "focus_article", "Article", show=False, id="reader.article",
                tooltip="Move the focus to the article"),
        Binding("C", "corpus", "Folder", show=False, id="reader.corpus",
                tooltip="Speakers and search across every article of the folder"),
    ]

    AUTO_FOCUS = "#article"
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (110, "-wide")]
    VERTICAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-short"), (18, "-tall")]

    def __init__(self, articles: list[Article], service,
                 size: tuple[int, int] | None = None) -> None:
        # Classes known now are set now: each later change restyles every widget.
        classes = {"-single"} if len(articles) <= 1 else set()
        if size is not None:
            for cells, breakpoints in zip(size, (self.HORIZONTAL_BREAKPOINTS,
                                                 self.VERTICAL_BREAKPOINTS)):
                classes.add(max((at, name) for at, name in breakpoints if at <= cells)[1])
        super().__init__(classes=" ".join(sorted(classes)) or None)
        self.articles = articles
        self.service = service
        self.analyses = Analyses(articles, service, self._deliver)
        self.current = 0
        self.selected: Item | None = None
        self.selection = Occurrences(())
        self.search_hits = Occurrences(())
        self.navigating = "selection"
        self._side_ready = False
        if articles:
            self.analyses.look_up_early(0)

    def compose(self) -> ComposeResult:
        with Horizontal(id="body"), Vertical(id="reading"):
            yield ArticleHeader(id="article-header")
            yield ArticleView(id="article")
        yield StatusLine(id="status")

    def on_mount(self) -> None:
        if self.articles:
            self.analyses.take_early(0)
            self.open_article(0)
        else:
            self.status.analysis = "no articles to show"
        self.call_after_refresh(self._mount_the_rest)

    def _mount_the_rest(self) -> None:
        """After the first paint, in one go: the library and panels, and the footer.

        The search bar waits for the first ``/``: its five widgets would add about
        40 ms to every start, reopening a cached article included.
        """
        self.query_one("#body").mount(SideColumn(id="side"))
        self.mount(Footer())
        # The focus settled before the footer was there to hear of it.
        self.call_after_refresh(self.refresh_bindings)

    # -- parts -----------------------------------------------------------------------------

    @property
    def view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def search_bar(self) -> SearchBar | None:
        """None until the first search (it is built on first use)."""
        bars = self.query(SearchBar)
        return bars.first() if bars else None

    def _show_search_count(self, text: str) -> None:
        if self.search_bar is not None:
            self.search_bar.show_count(text)

    @property
    def status(self) -> StatusLine:
        return self.query_one(StatusLine)

    def panel(self, key: PanelKey) -> ItemPanel:
        return self.query_one(f"#panel-{key}", ItemPanel)

    @property
    def documents(self) -> dict[int, ParsedDocument]:
        """Finished analyses by article index."""
        return self.analyses.documents

    @property
    def document(self) -> ParsedDocument | None:
        return self.documents.get(self.current)

    # -- articles and analysis ----------------------------------------------------------------

    def open_article(self, index: int) -> None:
        """Show the text at once; the panels wait for the analysis."""
        self.current = index
        article = self.articles[index]
        self.query_one(ArticleHeader).show(article)
        self._forget_selection()
        self.view.show_article(article, self.documents.get(index))
        search_bar = self.search_bar
        if search_bar is not None and search_bar.display:
            search_bar.open()
        self._show_document(self.documents.get(index))
        if not self.analyses.complete:
            # After the text is on screen: importing spaCy in the worker holds the GIL.
            self.call_after_refresh(self._analyse, index)

    def _analyse(self, first: int) -> None:
        self.run_worker(partial(self.analyses.analyse_from, first), thread=True,
                        exclusive=True, group="analysis")

    def _deliver(self, index: int, document: ParsedDocument) -> None:
        """From an analysis thread: hand the document to the UI thread."""
        self.app.call_from_thread(self._document_ready, index, document)

    def _store(self, index: int, document: ParsedDocument) -> None:
        self.documents[index] = document
        if self._side_ready and len(self.articles) > 1:
            library = self.query_one(Library)
            library.update_article(
                index, self.articles[index], len(document.quotes), document.error is not None
            )
            library.show_progress(len(self.documents))

    @on(SideColumn.Ready)
    def _side_mounted(self) -> None:
        """Fill the library and the panels with everything known so far."""
        self._side_ready = True
        library = self.query_one(Library)
        library.set_articles(self.articles)
        library.show_progress(len(self.documents))
        for index, document in self.documents.items():
            self._store(index, document)
        if self.articles:
            self._show_document(self.document)
        else:
            for spec in PANELS:
                self.panel(spec.key).show_rows([])
            self._set_tab_counts(None)

    def _document_ready(self, index: int, document: ParsedDocument) -> None:
        if index in self.documents:
            return
        self._store(index, document)
        if index == self.current:
            self.view.set_document(document)
            self._show_document(document)

    def _show_document(self, document: ParsedDocument | None) -> None:
        """The status line and the panels for the current article (None: still analysing)."""
        if document is None:
            self.status.analysis = "analysing…"
        elif document.error:
            self.status.analysis = f"analysis failed: {visible(document.error)}"
        else:
            self.status.analysis = (f"{len(document.quotes)} quotes · "
                                    f"{len(document.speakers)} speakers")
        if not self._side_ready:
            return
        self.query_one(Library).highlighted = self.current
        for spec in PANELS:
            panel = self.panel(spec.key)
            if document is None:
                panel.show_loading()
            elif document.error:
                panel.show_error(visible(document.error))
            else:
                panel.show_rows(rows_for(document, spec.key))
        self._set_tab_counts(document if document is not None and not document.error else None)

    def _set_tab_counts(self, document: ParsedDocument | None) -> None:
        tabs = self.query_one(TabbedContent)
        for spec in PANELS:
            count = "…" if document is None else str(len(self.panel(spec.key).rows))
            tabs.get_tab(f"tab-{spec.key}").label = f"{spec.title} {count}"

    @on(ArticleChosen)
    def _article_chosen(self, event: ArticleChosen) -> None:
        if event.index != self.current:
            self.open_article(event.index)

    def action_switch_article(self, step: int) -> None:
        if len(self.articles) > 1:
            self.open_article((self.current + step) % len(self.articles))

    def action_toggle_library(self) -> None:
        """Wide screens show the library unless toggled off; narrow ones hide it unless on."""
        self.toggle_class("-library-toggled")

    # -- selection ------------------------------------------------------------------------------

    def select_item(self, item_id: str) -> None:
        """Light every passage of the item and bring the first into view."""
        document = self.document
        item = document.item(item_id) if document else None
        if item is None:
            return
        self.selected = item
        self.selection = Occurrences(document.spans_of(item))
        self.navigating = "selection"
        self.view.set_selection(self.selection.spans)
        self._go(self.selection, 0)

    def select_and_show(self, item_id: str) -> None:
        """Select an item and show it in its panel (the palette's "jump to …")."""
        document = self.document
        item = document.item(item_id) if document else None
        if item is None:
            return
        key = PANEL_OF_ITEM[type(item).__name__]
        if not self._side_ready:
            return
        self.query_one(TabbedContent).active = f"tab-{key}"
        self.panel(key).show_item(item_id)
        self.select_item(item_id)

    @on(ItemSelected)
    def _item_selected(self, event: ItemSelected) -> None:
        self.select_item(event.item_id)

    def _forget_selection(self) -> None:
        self.selected = None
        self.selection = Occurrences(())
        self.search_hits = Occurrences(())
        self.navigating = "selection"
        self.status.position = ""

    def action_clear_selection(self) -> None:
        """Drop the selection; an open search keeps its matches."""
        self.selected = None
        self.selection = Occurrences(())
        self.view.set_selection(())
        if self.navigating == "selection":
            self.view.show_occurrence(None)
        self._show_position()

    def _go(self, occurrences: Occurrences, index: int | None) -> None:
        occurrences.index = index
        self.view.show_occurrence(occurrences.current)
        self._show_position()

    def _show_position(self) -> None:
        if self.navigating == "search":
            self.status.position = f"search {self.search_hits.label}"
            self._show_search_count(self.search_hits.label)
        elif self.selected is not None and self.document is not None:
            self.status.position = f"{describe(self.document, self.selected)} {self.selection.label}"
        elif self.selection.spans:
            self.status.position = f"passage {self.selection.label}"
        else:
            self.status.position = ""

    def action_step(self, step: int) -> None:
        occurrences = self.search_hits if self.navigating == "search" else self.selection
        if not occurrences.spans:
            self.notify("Nothing selected: pick an item (enter) or search (/)", timeout=2)
            return
        self._go(occurrences, occurrences.stepped(step))

    @on(CursorMoved)
    def _cursor_moved(self, event: CursorMoved) -> None:
        document = self.document
        if document is not None and not document.error:
            self.status.under_cursor = describe_at(document, event.start, event.end,
                                                   self.view.locator)

    # -- panels -------------------------------------------------------------------------------------

    def action_show_panel(self, key: PanelKey) -> None:
        if not self._side_ready:
            return
        self.query_one(TabbedContent).active = f"tab-{key}"
        self.panel(key).focus_list()

    @on(SpeakerQuotesRequested)
    def _speaker_quotes(self, event: SpeakerQuotesRequested) -> None:
        document = self.document
        if document is None or not self._side_ready:
            return
        quotes = self.panel("quotes")
        quotes.filter_speaker(event.speaker_id, speaker_name(document, event.speaker_id))
        self.action_show_panel("quotes")

    def action_highlights(self) -> None:
        from explorer.app.screens.highlight_menu import HighlightMenu

        def chosen(categories) -> None:
            if categories is not None:
                self.view.set_categories(categories)

        self.app.push_screen(HighlightMenu(self.view.categories), chosen)

    def action_focus_article(self) -> None:
        self.view.focus()

    # -- search ----------------------------------------------------------------------------------------

    async def action_search(self) -> None:
        search_bar = self.search_bar
        if search_bar is None:
            search_bar = SearchBar(id="search-bar")
            await self.query_one("#reading").mount(search_bar, before="#article")
        search_bar.open()

    @on(SearchChanged)
    def _search_changed(self, event: SearchChanged) -> None:
        article = self.articles[self.current] if self.articles else None
        if article is None:
            return
        result = find_matches(article.text, event.query, regex=event.regex,
                              case_sensitive=event.case_sensitive, start=article.body_start)
        self.search_hits = Occurrences(result.matches)
        self.navigating = "search" if event.query else "selection"
        self.view.set_search(result.matches)
        if result.error:
            self._show_search_count(result.error)
            self.status.position = result.error
            return
        cursor_offset = self.view.text_offset_at_row(self.view.cursor_row)
        self._go(self.search_hits, self.search_hits.first_from(cursor_offset))
        if not event.query:
            self._show_search_count("")

    @on(SearchStep)
    def _search_step(self, event: SearchStep) -> None:
        if self.search_hits.spans:
            self.navigating = "search"
            self._go(self.search_hits, self.search_hits.stepped(event.step))

    @on(SearchClosed)
    def _search_closed(self) -> None:
        self.search_hits = Occurrences(())
        self.navigating = "selection"
        self.view.set_search(())
        self.view.show_occurrence(self.selection.current)
        self._show_position()
        self.view.focus()

    # -- the folder view ------------------------------------------------------------------------

    def action_corpus(self) -> None:
        """The corpus screen; choosing a passage there comes back here, lit and in view."""
        from explorer.app.screens.corpus import CorpusScreen

        if self.articles:
            self.app.push_screen(CorpusScreen(self.articles, self.service, self.documents),
                                 self._corpus_jump)

    def _corpus_jump(self, jump) -> None:
        if jump is None:
            return
        if jump.article_index != self.current:
            self.open_article(jump.article_index)
        document = self.document
        if jump.quote_id and document is not None and document.item(jump.quote_id):
            self.select_item(jump.quote_id)
            return
        self._forget_selection()
        self.selection = Occurrences([Span(jump.start, jump.end)])
        self.view.set_selection(self.selection.spans)
        self._go(self.selection, 0)

    # -- clipboard ----------------------------------------------------------------------------------------

    def action_copy_quote(self) -> None:
        document, quote = self.document, self.selected
        if not isinstance(quote, Quote) or document is None:
            self.notify("Select a quote first (2, then enter)", timeout=2)
            return
        text = visible(f"“{quote.text}” — {speaker_name(document, quote.speaker_id)}")
        self.app.copy_to_clipboard(text)
        self.notify("Quote copied with its attribution", timeout=2)
