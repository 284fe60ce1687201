"""The Article Explorer app: reads the articles, then hands them to the reader screen."""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import App
from textual.binding import Binding, BindingType

from explorer.app import STYLES, collector
from explorer.app.correcting_service import CorrectingService
from explorer.app.lazy_service import LazyDocumentService
from explorer.app.screens.reader import ReaderScreen
from explorer.app.widgets.side_column import SideColumn
from explorer.model import Article
from explorer.safe_text import visible
from explorer.sources import SourceError, iter_articles

if TYPE_CHECKING:
    from explorer.documents import DocumentService


def _explorer_commands():
    """The palette's provider, imported when the palette first opens."""
    from explorer.app.commands import ExplorerCommands

    return ExplorerCommands


class ExplorerApp(App[int]):
    """Article Explorer: speakers, quotes, places and figures of news articles, laid bare.

    | Key | Does |
    | :- | :- |
    | ? | Help: every key. |
    | ctrl+p | Command palette (themes, jump to …). |
    | ctrl+q | Quit. |
    """

    TITLE = "Article Explorer"
    CSS_PATH = [STYLES / "app.tcss"]
    COMMANDS = App.COMMANDS | {_explorer_commands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help", id="app.help", tooltip="Every key of the app"),
        Binding("ctrl+q", "quit", "Quit", id="app.quit", tooltip="Quit the explorer",
                priority=True),
    ]

    def __init__(self, paths: list[str] | None = None, model: str | None = None,
                 use_cache: bool = True, service: DocumentService | None = None,
                 corrections=None) -> None:
        super().__init__()
        self.paths = list(paths or [])
        # Every document the app shows carries readers' corrections (``corrections``: a
        # CorrectionStore; None: the one beside the analysis cache, opened on first use).
        self.service = CorrectingService(
            service or LazyDocumentService(model=model, use_cache=use_cache),
            corrections, report=self._report_problem)
        self.source_errors: list[SourceError] = []

    def read_articles(self) -> list[Article]:
        """Files only, no spaCy: fast enough to do before the first paint."""
        articles: list[Article] = []
        for found in iter_articles(self.paths):
            if isinstance(found, SourceError):
                self.source_errors.append(found)
            else:
                articles.append(found)
        return articles

    def get_default_screen(self) -> ReaderScreen:
        """The reader is the first screen, so nothing blank is painted before it."""
        try:
            articles = self.read_articles()
        except OSError as exc:
            articles = []
            self.source_errors.append(SourceError(str(exc.filename), exc.strerror or str(exc)))
        return ReaderScreen(articles, self.service, size=(self.size.width, self.size.height))

    def _report_problem(self, message: str) -> None:
        """From any thread: a correction problem, shown and never raised."""
        if threading.get_ident() == self._thread_id:
            self.notify(visible(message), severity="warning", timeout=8, markup=False)
        else:
            self.call_from_thread(self.notify, visible(message), severity="warning", timeout=8,
                                  markup=False)

    def on_mount(self) -> None:
        for error in self.source_errors:
            self.notify(visible(str(error)), severity="error", timeout=8, markup=False)

    @on(SideColumn.Ready)
    def _started(self) -> None:
        """The reader is up, panels and all: the start-up's objects are made."""
        self.set_timer(collector.RESUME_AFTER, collector.resume)

    def action_help(self) -> None:
        from textual.widgets import OptionList

        from explorer.app.screens.help import HelpScreen
        from explorer.app.widgets.article_view import ArticleView
        from explorer.app.widgets.filter_box import FilterBox
        from explorer.app.widgets.item_panel import ItemPanel
        from explorer.app.widgets.search_bar import SearchBar

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen([
            ("Everywhere", ExplorerApp),
            ("Reading", ReaderScreen),
            ("Article", ArticleView),
            ("Panels", ItemPanel),
            ("Lists (panels, library)", OptionList),
            ("Filter box", FilterBox),
            ("Search bar", SearchBar),
        ]))
