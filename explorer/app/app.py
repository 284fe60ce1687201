"""The Article Explorer app: reads the articles, then hands them to the reader screen."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, ClassVar

from textual import on
from textual.app import App
from textual.binding import Binding, BindingType

from explorer.app import STYLES, collector, user_files
from explorer.app.correcting_service import CorrectingService
from explorer.app.lazy_service import LazyDocumentService
from explorer.app.messages import SideColumnReady
from explorer.app.screens.reader import ReaderScreen
from explorer.model import Article
from explorer.safe_text import visible
from explorer.sources import SourceError

if TYPE_CHECKING:
    from explorer.app.service import DocumentSource


def _explorer_commands():
    """The palette's provider, imported when the palette first opens."""
    from explorer.app.commands import ExplorerCommands

    return ExplorerCommands


class ExplorerApp(App[int]):
    """Article Explorer: speakers, quotes, places and figures of news articles, laid bare.

    | Key | Does |
    | :- | :- |
    | ? | Help: every key. |
    | q | Back (close a dialog or the folder view); quit from the reader. |
    | ctrl+p | Command palette (themes, jump to …). |
    | ctrl+q | Quit from anywhere. |
    """

    TITLE = "Article Explorer"
    CSS_PATH = [STYLES / "app.tcss"]
    COMMANDS = App.COMMANDS | {_explorer_commands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("question_mark", "help", "Help", id="app.help", tooltip="Every key of the app"),
        Binding("q", "back_or_quit", "Quit", id="app.back",
                tooltip="Go back (a dialog, the folder view); on the reader, quit"),
        Binding("ctrl+q", "quit", "Quit", show=False, id="app.quit",
                tooltip="Quit the explorer from anywhere", priority=True),
    ]

    def __init__(self, paths: list[str] | None = None, model: str | None = None,
                 use_cache: bool = True, service: DocumentSource | None = None,
                 articles: Sequence[Article] | None = None,
                 skipped: Sequence[SourceError] = (), notes: Sequence[str] = (),
                 corrections=None) -> None:
        """``articles`` already read (``explorer`` reads them before starting the app),
        with the paths it ``skipped`` and ``notes`` on fetched pages; else the app reads
        ``paths`` itself."""
        super().__init__()
        self.paths = list(paths or [])
        # Every document the app shows carries readers' corrections (``corrections``: a
        # CorrectionStore; None: the one beside the analysis cache, opened on first use).
        self.service = CorrectingService(
            service or LazyDocumentService(model=model, use_cache=use_cache),
            corrections, report=self._report_problem)
        self.articles = list(articles) if articles is not None else None
        self.source_errors: list[SourceError] = list(skipped)
        self.fetch_notes: list[str] = list(notes)
        self.keymap_problems: list[str] = []
        keymap, self.keymap_problems = user_files.load_keymap()
        if keymap:
            self.set_keymap(keymap)

    def read_articles(self) -> list[Article]:
        """Files only, no spaCy: fast enough to do before the first paint."""
        if self.articles is not None:
            return self.articles
        articles: list[Article] = []
        from explorer.commands.inputs import iter_inputs

        def noted(url: str, note: str) -> None:
            self.fetch_notes.append(f"{url}: {note}")

        for found in iter_inputs(self.paths, note=noted):
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
        if self.source_errors:
            lines = [visible(str(error)) for error in self.source_errors]
            count = len(lines)
            head = f"Skipped {count} path{'s' if count > 1 else ''}; opened the rest:"
            self.notify("\n".join((head, *lines)), severity="error", timeout=10, markup=False)
        for note in self.fetch_notes:
            self.notify(visible(note), timeout=6, markup=False)
        for problem in self.keymap_problems:
            self.notify(visible(problem), title="Keymap", severity="warning", timeout=10,
                        markup=False)

    @on(SideColumnReady)
    def _started(self) -> None:
        """The reader is up, panels and all: the start-up's objects are made."""
        self.set_timer(collector.RESUME_AFTER, collector.resume)
        self.call_after_refresh(self._check_keymap_ids)

    def _check_keymap_ids(self) -> None:
        """Ids the keymap names but no binding has: checked once the bindings are all imported."""
        from explorer.app.keys import binding_ids

        known = binding_ids()
        for binding_id in sorted(set(self._keymap) - known):
            self.notify(visible(f"{user_files.keymap_path()}: no binding has the id "
                                f"{binding_id!r} (? lists them)"),
                        title="Keymap", severity="warning", timeout=10, markup=False)

    def action_back_or_quit(self) -> None:
        """``q``: close whatever is over the reader; on the reader itself, quit."""
        if len(self.screen_stack) > 1:
            self.screen.dismiss(None)
        else:
            self.exit()

    def deliver_screenshot(self, filename: str | None = None, path: str | None = None,
                           time_format: str | None = None) -> str | None:
        """Save where it can (Downloads, else here, else the temp folder) and say where."""
        folder = path or str(user_files.save_folder())
        try:
            saved = self.save_screenshot(filename, folder, time_format)
        except OSError as exc:
            self.notify(visible(f"Screenshot not saved in {folder}: {exc.strerror or exc}"),
                        severity="error", timeout=8, markup=False)
            return None
        self.notify(visible(f"Screenshot saved to {saved}"), timeout=8, markup=False)
        return saved

    def action_help(self) -> None:
        from explorer.app.keys import help_sections
        from explorer.app.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            return
        self.push_screen(HelpScreen(help_sections(self.screen)))
