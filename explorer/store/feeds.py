"""A feed by URL or file name: parsed from the page store, or fetched and stored first."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from explorer.sources.addresses import is_web_address
from explorer.sources.feeds import Feed, parse_feed
from explorer.sources.paths import read_input
from explorer.sources.web import FetchLimits, fetch
from explorer.store.pages import PageStore, fetched_label


@dataclass(frozen=True, slots=True)
class LoadedFeed:
    feed: Feed
    fetched: str | None
    """When the feed was fetched (``None`` for a file)."""
    from_store: bool


def load_feed(location: str, *, refresh: bool = False, store: PageStore | None = None,
              limits: FetchLimits = FetchLimits()) -> LoadedFeed:
    """The feed at a URL or in a file; raises ``SourceError`` with a one-line reason.

    A URL is read from the store unless ``refresh``; a refresh asks the server
    for a newer copy only. A fetched feed is stored only once it parses, so a
    failed refresh keeps the last good copy.
    """
    if not is_web_address(location):
        return LoadedFeed(parse_feed(read_input(Path(location)), location), None, False)
    store = store if store is not None else PageStore()
    stored = store.get(location)
    if stored is not None and not refresh:
        return LoadedFeed(parse_feed(stored.body, location), fetched_label(stored.fetched_at), True)
    page = fetch(location, limits, stored=stored)
    feed = parse_feed(page.body, location)
    store.put(page)
    return LoadedFeed(feed, fetched_label(page.fetched_at), False)
