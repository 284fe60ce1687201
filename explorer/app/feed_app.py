"""The explorer on feeds (``explorer feed``): the entries first, each one's article in the reader."""

from __future__ import annotations

from explorer.app import STYLES
from explorer.app.app import ExplorerApp
from explorer.app.screens.feed import FeedReaderScreen, FeedScreen


class FeedApp(ExplorerApp):
    """Article Explorer opened on RSS or Atom feeds instead of files."""

    CSS_PATH = [STYLES / "app.tcss", STYLES / "feed.tcss"]

    def __init__(self, sources: list[str], *, refresh: bool = False, model: str | None = None,
                 use_cache: bool = True, service=None, store=None) -> None:
        super().__init__(paths=[], model=model, use_cache=use_cache, service=service)
        self.sources = list(sources)
        self.refresh_feeds = refresh
        self.store = store

    def get_default_screen(self) -> FeedScreen:
        return FeedScreen(self.sources, self.service, refresh=self.refresh_feeds, store=self.store)

    def action_help(self) -> None:
        """The feed's keys first, then those of the screen they work beside."""
        from textual.widgets import OptionList

        from explorer.app.screens.help import HelpScreen
        from explorer.app.screens.reader import ReaderScreen

        if isinstance(self.screen, FeedScreen):
            self.push_screen(HelpScreen([("Feed entries", FeedScreen), ("Lists", OptionList),
                                         ("Everywhere", ExplorerApp)]))
        elif isinstance(self.screen, FeedReaderScreen):
            self.push_screen(HelpScreen([("Feed entry", FeedReaderScreen),
                                         ("Reading", ReaderScreen), ("Everywhere", ExplorerApp)]))
        else:
            super().action_help()
