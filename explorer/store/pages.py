"""Fetched web pages kept on disk, so a page opened once reopens offline.

One SQLite file (``pages.sqlite3``) beside the analysis cache. Pages are
stored as fetched (the raw, compressed body), not as extracted articles, so
a better extractor later reads them again without a refetch. The same file
remembers which feed entries were read. Like the analysis cache it is never
in the way: an unreadable or unwritable file means "not stored", never a
failure to read the page.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from explorer.model import Article
from explorer.sources.web import FetchLimits, Page, fetch, page_article
from explorer.store.cache import default_cache_dir

DB_NAME = "pages.sqlite3"
STORE_SCHEMA = 2
"""Bump when the tables change; an older file is emptied and rebuilt (pages can be fetched again)."""
BUSY_TIMEOUT_S = 5.0


@dataclass(frozen=True, slots=True)
class WebArticle:
    """A page's article and where it came from this time."""

    article: Article
    page: Page
    from_store: bool

    @property
    def fetched(self) -> str:
        """When the page was fetched, for people: ``2026-11-29 17:50 UTC``."""
        return fetched_label(self.page.fetched_at)


def fetched_label(timestamp: float) -> str:
    moment = dt.datetime.fromtimestamp(timestamp, dt.timezone.utc)
    return moment.strftime("%Y-%m-%d %H:%M UTC")


class PageStore:
    """Pages by the URL asked for, and the read state of feed entries; thread-safe."""

    def __init__(self, directory: Path | str | None = None) -> None:
        self.directory = Path(directory) if directory is not None else default_cache_dir()
        self.path = self.directory / DB_NAME
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None
        self._unusable = False

    def _connect(self) -> sqlite3.Connection | None:
        if self._connection is None and not self._unusable:
            try:
                self.directory.mkdir(parents=True, exist_ok=True)
                self._connection = self._open()
            except sqlite3.DatabaseError:
                self._connection = self._rebuilt()
            except OSError:
                self._unusable = True
        return self._connection

    def _open(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, check_same_thread=False,
                                     isolation_level=None)
        try:
            if connection.execute("PRAGMA user_version").fetchone()[0] != STORE_SCHEMA:
                connection.executescript(f"""
                    BEGIN IMMEDIATE;
                    DROP TABLE IF EXISTS pages;
                    DROP TABLE IF EXISTS read_entries;
                    CREATE TABLE pages (url TEXT PRIMARY KEY, final_url TEXT NOT NULL,
                        content_type TEXT NOT NULL, charset TEXT, body BLOB NOT NULL,
                        fetched_at REAL NOT NULL, etag TEXT, last_modified TEXT);
                    CREATE TABLE read_entries (entry TEXT PRIMARY KEY, read_at REAL NOT NULL);
                    PRAGMA user_version = {STORE_SCHEMA};
                    COMMIT;
                """)
        except BaseException:
            connection.close()
            raise
        return connection

    def _rebuilt(self) -> sqlite3.Connection | None:
        """A damaged file holds only pages we can fetch again: start a new one."""
        try:
            self.path.unlink(missing_ok=True)
            return self._open()
        except (OSError, sqlite3.Error):
            self._unusable = True
            return None

    def _run(self, sql: str, parameters: Iterable = ()) -> list[tuple]:
        with self._lock:
            connection = self._connect()
            if connection is None:
                return []
            try:
                return connection.execute(sql, tuple(parameters)).fetchall()
            except sqlite3.Error:
                return []

    def get(self, url: str) -> Page | None:
        rows = self._run("SELECT final_url, content_type, charset, body, fetched_at, etag,"
                         " last_modified FROM pages WHERE url = ?", (url,))
        if not rows:
            return None
        final_url, content_type, charset, body, fetched_at, etag, last_modified = rows[0]
        try:
            raw = zlib.decompress(body)
        except (zlib.error, TypeError):
            return None
        return Page(url, final_url, content_type, charset, raw, fetched_at, etag, last_modified)

    def put(self, page: Page) -> None:
        self._run("INSERT OR REPLACE INTO pages VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (
            page.url, page.final_url, page.content_type, page.charset,
            zlib.compress(page.body, 6), page.fetched_at, page.etag, page.last_modified,
        ))

    def read_entries(self, entries: Iterable[str]) -> set[str]:
        """Which of these feed entry ids have been read."""
        wanted = list(entries)
        found: set[str] = set()
        for start in range(0, len(wanted), 500):  # SQLite caps the number of parameters
            batch = wanted[start : start + 500]
            marks = ",".join("?" * len(batch))
            found.update(row[0] for row in self._run(
                f"SELECT entry FROM read_entries WHERE entry IN ({marks})", batch))
        return found

    def mark_read(self, entry: str, read: bool = True) -> None:
        if read:
            self._run("INSERT OR REPLACE INTO read_entries VALUES (?, strftime('%s','now'))",
                      (entry,))
        else:
            self._run("DELETE FROM read_entries WHERE entry = ?", (entry,))

    def close(self) -> None:
        with self._lock:
            if self._connection is not None:
                self._connection.close()
                self._connection = None


def web_article(url: str, *, refresh: bool = False, store: PageStore | None = None,
                limits: FetchLimits = FetchLimits()) -> WebArticle:
    """The article at ``url``: from the store when it is there (unless ``refresh``), else fetched.

    A fetched page is stored only once it reads as an article, so a failed
    refresh never replaces a good stored copy. Raises ``FetchError``.
    """
    store = store if store is not None else PageStore()
    stored = store.get(url)
    if stored is not None and not refresh:
        return WebArticle(page_article(stored), stored, from_store=True)
    page = fetch(url, limits, stored=stored)
    article = page_article(page)
    store.put(page)
    return WebArticle(article, page, from_store=False)
