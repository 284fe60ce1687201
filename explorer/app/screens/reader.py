"""The reader: the article beside its panels, with the library, search and status line."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer

from explorer.app import user_files
from explorer.app.analyses import Analyses
from explorer.app.highlights import (
    DEFAULT_PRESET,
    HighlightChoice,
    categories_for,
    choice_from_json,
    choice_to_json,
)
from explorer.app.messages import (
    ArticleChosen,
    CursorMoved,
    ItemPreviewed,
    ItemSelected,
    SearchChanged,
    SearchClosed,
    SearchStep,
    SideColumnReady,
    SideColumnResized,
    SpeakerQuotesRequested,
)
from explorer.app.navigation import Navigation, Occurrences
from explorer.app.newsroom import NEWSROOM_BINDINGS, NewsroomActions
from explorer.app.quoting import citation, quote_words
from explorer.app.reveal import describe, describe_at
from explorer.app.rows import PANELS, PanelKey, rows_for, speaker_name
from explorer.app.search import find_matches
from explorer.app.service import DocumentSource
from explorer.app.widgets.article_header import ArticleHeader
from explorer.app.widgets.article_view import ArticleView
from explorer.app.widgets.status_line import StatusLine
from explorer.model import Article, ParsedDocument, Quote, Span
from explorer.safe_text import visible

if TYPE_CHECKING:
    from explorer.app.widgets.item_panel import ItemPanel
    from explorer.app.widgets.search_bar import SearchBar

PANEL_OF_ITEM: dict[str, PanelKey] = {
    "Speaker": "speakers", "Quote": "quotes", "Place": "places",
    "Figure": "figures", "Person": "people", "Organisation": "organisations",
}

PREVIEW_DELAY = 0.08
"""Seconds the panel cursor must rest before its item is lit: holding ``j`` does no work."""


class ReaderScreen(NewsroomActions, Screen):
    """Reads one article at a time; analysis runs in a worker and fills the panels when done.

    | Key | Does |
    | :- | :- |
    | 1 … 6 | Speakers, Quotes, Places, Figures, People, Organisations. |
    | n / N | Next / previous occurrence of the selection or search. |
    | escape | Clear the selection. |
    | c / y | Copy the quote / copy it with a citation. |
    | f | Filter the panel on top, from the article too. |
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
                tooltip="Choose what is lit in the article (presets or categories)"),
        Binding("c", "copy_quote", "Copy", show=False, id="reader.copy",
                tooltip="Copy the selected quote: the article's words, nothing else"),
        Binding("y", "copy_citation", "Cite", show=False, id="reader.cite",
                tooltip="Copy the selected quote with speaker, role, article title and date"),
        Binding("J", "export", "Export JSON", show=False, id="reader.export",
                tooltip="Save this article's analysis as JSON"),
        Binding("left_square_bracket", "switch_article(-1)", "Prev article", show=False,
                id="reader.previous_article", tooltip="Previous article in the library"),
        Binding("right_square_bracket", "switch_article(1)", "Next article", show=False,
                id="reader.next_article", tooltip="Next article in the library"),
        Binding("l", "toggle_library", "Library", show=False, id="reader.library",
                tooltip="Show or hide the library of articles"),
        Binding("a", "focus_article", "Article", show=False, id="reader.article",
                tooltip="Move the focus to the article"),
        Binding("f", "filter_panel", "Filter", show=False, id="reader.filter",
                tooltip="Type in the filter box of the panel on top, wherever the focus is"),
        Binding("C", "corpus", "Folder", show=False, id="reader.corpus",
                tooltip="Speakers and search across every article of the folder"),
        *NEWSROOM_BINDINGS,
    ]

    AUTO_FOCUS = "#article"
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (110, "-wide")]
    VERTICAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-short"), (18, "-tall")]

    current: reactive[int] = reactive(0, init=False, always_update=True)
    """The index of the article on screen; setting it shows that article."""
    side_ready: reactive[bool] = reactive(False, init=False)
    """The library and the panels are mounted (after the first paint)."""
    active_panel: reactive[str] = reactive("speakers", init=False)
    """The panel on top; the ``panel`` highlight preset lights its kind."""
    highlight_choice: reactive[HighlightChoice] = reactive(DEFAULT_PRESET, init=False)
    """The ``h`` menu's preset or categories; remembered between runs."""

    def __init__(self, articles: list[Article], service: DocumentSource,
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
        self.analyses = self._new_analyses(articles)
        self.nav = Navigation()
        self._preview: Timer | None = None
        self.set_reactive(ReaderScreen.highlight_choice,
                          choice_from_json(user_files.load_choice("highlights")))
        if articles:
            self.analyses.look_up_early(0)

    def compose(self) -> ComposeResult:
        with Horizontal(id="body"), Vertical(id="reading"):
            yield ArticleHeader(id="article-header")
            yield ArticleView(id="article")
        yield StatusLine(id="status")

    def on_mount(self) -> None:
        self.view.set_categories(self._lit_categories())
        if self.articles:
            self.analyses.take_early(0)
            self.current = 0
        else:
            self.status.analysis = "no articles to show"
        self.call_after_refresh(self._mount_the_rest)

    def _mount_the_rest(self) -> None:
        """After the first paint, in one go: the library and panels, and the footer.

        The search bar waits for the first ``/``: its five widgets would add about
        40 ms to every start, reopening a cached article included.
        """
        # Imported here, not at the top: the first frame does not show them (see
        # bench/first_paint.py); nor are the library, panels and tabs they bring in.
        from explorer.app.widgets.footer import ExplorerFooter
        from explorer.app.widgets.side_column import SideColumn

        self.query_one("#body").mount(SideColumn(id="side"))
        self.mount(ExplorerFooter())
        # The focus settled before the footer was there to hear of it.
        self.call_after_refresh(self.refresh_bindings)

    # -- parts -----------------------------------------------------------------------------

    @property
    def view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def search_bar(self) -> SearchBar | None:
        """None until the first search (it is built on first use)."""
        bars = self.query("#search-bar")
        return bars.first() if bars else None

    @property
    def taken_down(self) -> bool:
        """The app is closing and the screen's parts are gone: a late delivery has nowhere to go."""
        return not self.query(StatusLine)

    @property
    def status(self) -> StatusLine:
        return self.query_one(StatusLine)

    def panel(self, key: PanelKey) -> ItemPanel:
        return self.query_one(f"#panel-{key}")

    @property
    def documents(self) -> dict[int, ParsedDocument]:
        """Finished analyses by article index."""
        return self.analyses.documents

    @property
    def document(self) -> ParsedDocument | None:
        return self.documents.get(self.current)

    @property
    def selected(self):
        """The item lit in the article, previewed or kept (``None``: nothing)."""
        return self.nav.selected

    # -- articles and analysis ----------------------------------------------------------------

    def open_article(self, index: int) -> None:
        if index != self.current:
            self.current = index

    def watch_current(self, index: int) -> None:
        """Show the text at once; the panels wait for the analysis."""
        article = self.articles[index]
        self.query_one(ArticleHeader).show(article)
        self._cancel_preview()
        self.nav.reset()
        self.status.position = ""
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

    def _new_analyses(self, articles: list[Article], waiting: set[int] | None = None) -> Analyses:
        """A scheduler whose documents reach the screen only while it is the screen's own."""
        def deliver(index: int, document: ParsedDocument) -> None:
            self.app.call_from_thread(self._document_ready, index, document, analyses)

        analyses = Analyses(articles, self.service, deliver, waiting)  # ``deliver`` names it
        return analyses

    def replace_articles(self, articles: list[Article], *, waiting: set[int] | None = None,
                         current: int = 0) -> None:
        """Another list of articles (a feed read or refreshed): the analyses start again.

        ``waiting`` are stand-ins not to analyse until ``replace_article`` brings the real one.
        """
        self.workers.cancel_group(self, "analysis")
        self.articles = articles
        self.analyses = self._new_analyses(articles, waiting)
        self.set_class(len(articles) <= 1, "-single")
        if self.side_ready:
            self._fill_library()
        if articles:
            self.current = current
        else:
            self.query_one(ArticleHeader).update("")
            self.view.show_article(Article(text=""), None)
            self._show_document(None)
            self.status.analysis = "no articles to show"

    def replace_article(self, index: int, article: Article) -> None:
        """The real article for a stand-in; shown at once if it is the one on screen."""
        self.analyses.replace(index, article)
        self.refresh_library_row(index)
        if index == self.current:
            self.current = index

    def library_row(self, index: int) -> Text:
        """The library's row for article ``index``: title, date, what the analysis found."""
        # Imported here: the library is mounted after the first paint.
        from explorer.app.widgets.library import library_prompt

        document = self.documents.get(index)
        return library_prompt(self.articles[index], None if document is None
                              else len(document.quotes), document is not None
                              and document.error is not None)

    def library_summary(self) -> str:
        """Under the library: how far the background analysis has got."""
        total, analysed = len(self.articles), len(self.documents)
        return f"analysing… {analysed}/{total}" if analysed < total else f"{total} articles"

    def refresh_library_row(self, index: int) -> None:
        found = self.query("#library") if self.side_ready else ()
        if found:  # else not mounted yet, or taken down as the app closes
            library = found.first()
            library.update_row(index, self.library_row(index))
            library.border_subtitle = Text(self.library_summary())  # never markup

    def _fill_library(self) -> None:
        library = self.query_one("#library")
        library.set_rows([self.library_row(index) for index in range(len(self.articles))])
        library.border_subtitle = Text(self.library_summary())  # never markup

    def _store(self, index: int, document: ParsedDocument) -> None:
        self.documents[index] = document
        self.refresh_library_row(index)

    @on(SideColumnReady)
    def _side_mounted(self) -> None:
        """Fill the library and the panels with everything known so far."""
        self.side_ready = True
        self._fill_library()
        if self.articles:
            self._show_document(self.document)
        else:
            for spec in PANELS:
                self.panel(spec.key).show_rows([])
            self._set_tab_counts(None)

    def _document_ready(self, index: int, document: ParsedDocument,
                        analyses: Analyses | None = None) -> None:
        if index in self.documents or (analyses is not None and analyses is not self.analyses):
            return  # done already, or from before the articles were replaced
        if self.taken_down:
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
        if not self.side_ready:
            return
        self.query_one("#library").highlighted = self.current
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
        """Each tab's name and count; the names shorten when the counts would not fit."""
        if not self.side_ready:
            return
        tabs = self.query_one("#panels")
        counts = {spec.key: "…" if document is None else str(len(self.panel(spec.key).rows))
                  for spec in PANELS}
        room = self.query_one("#side").size.width - 1
        full = sum(len(spec.title) + len(counts[spec.key]) + 3 for spec in PANELS)
        for spec in PANELS:
            title = spec.title if room <= 0 or full <= room else spec.short
            tabs.get_tab(f"tab-{spec.key}").label = f"{title} {counts[spec.key]}"

    @on(SideColumnResized)
    def _side_resized(self) -> None:
        if self.articles:
            document = self.document
            self._set_tab_counts(document if document is not None and not document.error
                                 else None)

    @on(ArticleChosen)
    def _article_chosen(self, event: ArticleChosen) -> None:
        self.open_article(event.index)

    def action_switch_article(self, step: int) -> None:
        if len(self.articles) > 1:
            self.open_article((self.current + step) % len(self.articles))

    def action_toggle_library(self) -> None:
        """Wide screens show the library unless toggled off; narrow ones hide it unless on."""
        self.toggle_class("-library-toggled")

    # -- selection ------------------------------------------------------------------------------

    def select_item(self, item_id: str, *, kept: bool = True) -> None:
        """Light every passage of the item; kept, go to its first stop, else bring it into view."""
        document = self.document
        item = document.item(item_id) if document else None
        if item is None:
            return
        self.nav.select(document, item, kept=kept)
        self.view.set_selection(document.spans_of(item))
        if kept:
            self._go(self.nav.selection, 0)
        else:
            self.view.show_occurrence(None)
            first = self.nav.selection.stops[0].span if self.nav.selection.stops else None
            if first is not None:
                self.view.reveal(first)
            self._show_position()

    def select_and_show(self, item_id: str) -> None:
        """Select an item and show it in its panel (the palette's "jump to …")."""
        document = self.document
        item = document.item(item_id) if document else None
        if item is None or not self.side_ready:
            return
        key = PANEL_OF_ITEM[type(item).__name__]
        self.query_one("#panels").active = f"tab-{key}"
        self.panel(key).show_item(item_id)
        self._cancel_preview()
        self.select_item(item_id)

    def _cancel_preview(self) -> None:
        if self._preview is not None:
            self._preview.stop()
            self._preview = None

    @on(ItemPreviewed)
    def _item_previewed(self, event: ItemPreviewed) -> None:
        """The panel cursor moved: light its item once the cursor rests."""
        self._cancel_preview()
        if self.nav.selected is not None and self.nav.selected.id == event.item_id:
            return
        self._preview = self.set_timer(
            PREVIEW_DELAY, partial(self.select_item, event.item_id, kept=False))

    @on(ItemSelected)
    def _item_selected(self, event: ItemSelected) -> None:
        """``enter``: keep the item and go to its first stop; again, step to the next."""
        self._cancel_preview()
        selected = self.nav.selected
        if selected is not None and selected.id == event.item_id and self.nav.kept:
            self.action_step(1)
        else:
            self.select_item(event.item_id)

    def action_clear_selection(self) -> None:
        """Drop the selection; an open search keeps its matches."""
        self._cancel_preview()
        self.nav.clear_selection()
        self.view.set_selection(())
        if self.nav.mode == "selection":
            self.view.show_occurrence(None)
        self._show_position()

    def _go(self, occurrences: Occurrences, index: int | None) -> None:
        occurrences.index = index
        self.view.show_occurrence(occurrences.current)
        self._show_position()

    def _show_position(self) -> None:
        nav = self.nav
        if nav.mode == "search":
            position = f"search · {nav.search.label}"
            if self.search_bar is not None:
                self.search_bar.show_count(nav.search.label)
        elif nav.selected is not None and self.document is not None:
            position = f"{describe(self.document, nav.selected)} · {nav.selection.label}"
            if not nav.kept:
                position += " · enter keeps it"
        elif nav.selection.stops:
            position = nav.selection.label
        else:
            position = ""
        self.status.position = position
        self._show_under_cursor()

    def action_step(self, step: int) -> None:
        occurrences = self.nav.active
        if not occurrences.stops:
            self.notify("Nothing selected: pick an item (enter) or search (/)", timeout=2)
            return
        self.nav.kept = True
        self._go(occurrences, occurrences.stepped(step))

    @on(CursorMoved)
    def _cursor_moved(self, event: CursorMoved) -> None:
        self._show_under_cursor()

    def _show_under_cursor(self) -> None:
        """What the cursor is on, less the selection the status line already names."""
        document, chars = self.document, self.view.cursor_chars
        if document is None or document.error or chars is None:
            return
        start, end = chars
        self.status.under_cursor = describe_at(document, start, end, self.view.locator,
                                               leave_out=self.nav.selected)

    # -- panels and highlights -----------------------------------------------------------------

    def action_show_panel(self, key: PanelKey) -> None:
        if not self.side_ready:
            return
        self.query_one("#panels").active = f"tab-{key}"
        self.panel(key).focus_list()

    def on_tabbed_content_tab_activated(self, event) -> None:
        """Named, not decorated: ``@on`` would import the tabs before the first paint."""
        self.active_panel = (event.pane.id or "tab-speakers").removeprefix("tab-")

    def _lit_categories(self):
        return categories_for(self.highlight_choice, self.active_panel)

    def watch_active_panel(self) -> None:
        self.view.set_categories(self._lit_categories())

    def watch_highlight_choice(self, choice: HighlightChoice) -> None:
        self.view.set_categories(self._lit_categories())
        user_files.save_choice("highlights", choice_to_json(choice))

    def show_unsure_quotes(self) -> None:
        """The quotes whose speaker the analysis is unsure of, for review."""
        if not self.side_ready:
            return
        self.action_show_panel("quotes")
        self.panel("quotes").set_text_filter("confidence:low")

    @on(SpeakerQuotesRequested)
    def _speaker_quotes(self, event: SpeakerQuotesRequested) -> None:
        document = self.document
        if document is None or not self.side_ready:
            return
        quotes = self.panel("quotes")
        quotes.filter_speaker(event.speaker_id, speaker_name(document, event.speaker_id))
        self.action_show_panel("quotes")

    def action_highlights(self) -> None:
        from explorer.app.screens.highlight_menu import HighlightMenu

        def chosen(choice: HighlightChoice | None) -> None:
            if choice is not None:
                self.highlight_choice = choice

        self.app.push_screen(HighlightMenu(self.highlight_choice, self.view.categories), chosen)

    def action_focus_article(self) -> None:
        self.view.focus()

    def action_filter_panel(self) -> None:
        """``f`` from the article: the panel's own ``f`` works only once the panel has focus."""
        if self.side_ready:
            self.panel(self.active_panel).action_focus_filter()

    # -- search ----------------------------------------------------------------------------------------

    async def action_search(self) -> None:
        search_bar = self.search_bar
        if search_bar is None:
            from explorer.app.widgets.search_bar import SearchBar  # built on the first search

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
        self.nav.search = Occurrences(result.matches, noun="match")
        self.nav.mode = "search" if event.query else "selection"
        self.view.set_search(result.matches)
        if result.error:
            if self.search_bar is not None:
                self.search_bar.show_count(result.error)
            self.status.position = result.error
            return
        cursor_offset = self.view.text_offset_at_row(self.view.cursor_row)
        self._go(self.nav.search, self.nav.search.first_from(cursor_offset))
        if not event.query and self.search_bar is not None:
            self.search_bar.show_count("")

    @on(SearchStep)
    def _search_step(self, event: SearchStep) -> None:
        if self.nav.search.stops:
            self.nav.mode = "search"
            self._go(self.nav.search, self.nav.search.stepped(event.step))

    @on(SearchClosed)
    def _search_closed(self) -> None:
        self.nav.search = Occurrences()
        self.nav.mode = "selection"
        self.view.set_search(())
        self.view.show_occurrence(self.nav.selection.current)
        self._show_position()
        self.view.focus()

    # -- the folder view ------------------------------------------------------------------------

    def action_corpus(self) -> None:
        """The corpus screen; choosing a passage there comes back here, lit and in view."""
        from explorer.app.screens.corpus import CorpusScreen

        if self.articles:
            # The reader's scheduler is the folder view's service: one queue for spaCy.
            self.app.push_screen(CorpusScreen(self.articles, self.analyses, self.documents),
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
        span = Span(jump.start, jump.end)
        self.nav.select_passage(span)
        self.view.set_selection([span])
        self._go(self.nav.selection, 0)

    # -- clipboard and files ---------------------------------------------------------------------

    def _selected_quote(self) -> tuple[ParsedDocument, Quote] | None:
        document, quote = self.document, self.nav.selected
        if not isinstance(quote, Quote) or document is None:
            self.notify("Select a quote first (2, then enter)", timeout=2)
            return None
        return document, quote

    def action_copy_quote(self) -> None:
        """The article's words of the quote, parts joined by " … ", nothing added."""
        found = self._selected_quote()
        if found is not None:
            self.app.copy_to_clipboard(visible(quote_words(*found)))
            self.notify("Quote copied: the article's words (y copies a citation)", timeout=2)

    def action_copy_citation(self) -> None:
        found = self._selected_quote()
        if found is not None:
            self.app.copy_to_clipboard(visible(citation(*found)))
            self.notify("Citation copied: the quote, who said it, the article and date",
                        timeout=2)

    def action_export(self) -> None:
        """The analysis of this article as JSON, saved where screenshots go."""
        from pathlib import PurePath

        from explorer.model_json import json_text, to_json_dict

        document = self.document
        if document is None or document.error:
            self.notify("Nothing to export until the analysis is done", timeout=3)
            return
        stem = PurePath(document.article.path or "article").stem or "article"
        path = user_files.save_folder() / f"{stem}.analysis.json"
        try:
            path.write_text(json_text(to_json_dict(document), indent=2) + "\n", encoding="utf-8")
        except OSError as exc:
            self.notify(visible(f"Could not save {path}: {exc.strerror or exc}"),
                        severity="error", timeout=6, markup=False)
            return
        self.notify(visible(f"Analysis saved to {path}"), timeout=6, markup=False)
