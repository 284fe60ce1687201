"""The explorer on feeds (``explorer feed``): the reader, its library filled with the entries."""

from __future__ import annotations

from explorer.app import STYLES
from explorer.app.app import ExplorerApp
from explorer.app.screens.feed import FeedReaderScreen


class FeedApp(ExplorerApp):
    """Article Explorer opened on RSS or Atom feeds instead of files."""

    CSS_PATH = [STYLES / "app.tcss", STYLES / "feed.tcss"]

    def __init__(self, sources: list[str], *, refresh: bool = False, model: str | None = None,
                 use_cache: bool = True, service=None, store=None) -> None:
        super().__init__(paths=[], articles=[], model=model, use_cache=use_cache,
                         service=service)
        self.sources = list(sources)
        self.refresh_feeds = refresh
        self.store = store

    def get_default_screen(self) -> FeedReaderScreen:
        return FeedReaderScreen(self.sources, self.service, refresh=self.refresh_feeds,
                                store=self.store, size=(self.size.width, self.size.height))
