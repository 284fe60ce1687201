"""Fetching feed entries' articles off the UI thread, a few at a time.

An entry's page is fetched when it is opened and the next ``PREFETCH``
entries after it in the background, through a pool of ``WORKERS`` threads,
so a long feed never opens dozens of connections at once. Each page goes
through the page store, so an entry read once opens offline later.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor

from explorer.model import Article
from explorer.sources import SourceError
from explorer.sources.feeds import FeedEntry
from explorer.sources.paragraphs import split_paragraphs

WORKERS = 2
"""Pages fetched at once: enough to stay ahead of a reader, polite to one site."""
PREFETCH = 3
"""Entries after the opened one fetched in the background."""

Fetched = Callable[[FeedEntry, "Article | SourceError"], None]
"""Called from a pool thread with the entry's article, or why there is none."""


def stand_in(entry: FeedEntry) -> Article:
    """The feed's own summary of the entry (else its title) as an article.

    The library shows it until the page is fetched, and the reader keeps it
    when the page cannot be read.
    """
    text = entry.summary.strip() or entry.title
    return Article(text=text, path=entry.link or entry.id, title=entry.title,
                   date=entry.date, source=entry.source, url=entry.link,
                   paragraphs=split_paragraphs(text))


class EntryFetcher:
    """Entries' articles by entry id: fetched once, kept, delivered through ``on_fetched``."""

    def __init__(self, on_fetched: Fetched, *, store=None, workers: int = WORKERS) -> None:
        self.on_fetched = on_fetched
        self.store = store
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="explorer-fetch")
        self._jobs: dict[str, Future] = {}
        self._lock = threading.Lock()

    def fetch(self, entry: FeedEntry) -> bool:
        """Start fetching the entry's page unless it is under way or done; True if started."""
        with self._lock:
            if entry.id in self._jobs:
                return False
            self._jobs[entry.id] = self._pool.submit(self._fetch, entry)
            return True

    def _fetch(self, entry: FeedEntry) -> None:
        from explorer.store.pages import web_article

        if entry.link is None:
            result: Article | SourceError = SourceError(entry.title, "the entry has no web link")
        else:
            try:
                found = web_article(entry.link, store=self.store)
                result = dataclasses.replace(
                    found.article,
                    title=found.article.title or entry.title,
                    date=found.article.date or entry.date,
                    source=found.article.source or entry.source,
                )
            except SourceError as error:
                result = error
            except Exception as exc:  # noqa: BLE001 - one odd page must not stop the pool
                result = SourceError(entry.link, f"could not read the page ({type(exc).__name__})")
        try:
            self.on_fetched(entry, result)
        except RuntimeError:
            pass  # the app closed while the page was on its way

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
