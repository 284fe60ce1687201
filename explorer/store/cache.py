"""The analysis cache: each article's parsed-document JSON in one SQLite file.

Keyed by the article content and the software that analysed it, so a changed
text, model or rule set simply misses. The cache is an optimisation only: a
corrupted, locked or unwritable database degrades to "miss" and is rebuilt,
and a stored document is used only if it matches the caller's text exactly.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import sqlite3
import threading
import time
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from explorer import model_json
from explorer.model import SCHEMA, Article, ParsedDocument
from explorer.store.identity import AnalysisIdentity

ENV_DIR = "EXPLORER_CACHE_DIR"
DB_NAME = "analyses.sqlite3"
STORE_SCHEMA = 1
"""Bump when the table layout or the payload encoding changes; older files are rebuilt."""
BUSY_TIMEOUT_MS = 5000
OPEN_RETRY_SECONDS = 0.02


def default_cache_dir() -> Path:
    override = os.environ.get(ENV_DIR)
    if override:
        return Path(override)
    return Path(platformdirs.user_cache_dir("article-explorer"))


def cache_key(article: Article, identity: AnalysisIdentity) -> str:
    """sha256 of what the analysis reads: text, header metadata, paragraphs, software.

    The path is left out on purpose: the same text in two places is one entry.
    """
    material = {
        "schema": SCHEMA,
        "explorer": identity.explorer,
        "spacy": identity.spacy,
        "model": identity.model,
        "rules": identity.rules,
        "title": article.title,
        "date": article.date,
        "source": article.source,
        "byline": article.byline,
        "url": article.url,
        "body_start": article.body_start,
        "language": article.language,
        "paragraphs": [(p.start, p.end) for p in article.paragraphs],
        "text": article.text,
    }
    encoded = json.dumps(material, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(encoded.encode("utf-8", "surrogatepass")).hexdigest()


def attach_article(doc: ParsedDocument, article: Article) -> ParsedDocument | None:
    """The stored analysis carrying the caller's article, or None if it is not this text."""
    if doc.article.text != article.text or doc.error is not None:
        return None
    if doc.article == article:
        return doc
    return dataclasses.replace(doc, article=article)


@dataclass(frozen=True, slots=True)
class CacheInfo:
    location: Path
    entries: int
    size_bytes: int
    usable: bool


def _is_lock_error(exc: sqlite3.Error) -> bool:
    message = str(exc).lower()
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in message or "busy" in message)


class AnalysisCache:
    """Parsed documents by cache key; safe to share between threads and processes."""

    def __init__(self, directory: Path | str | None = None, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS):
        self.directory = Path(directory) if directory is not None else default_cache_dir()
        self.path = self.directory / DB_NAME
        self._busy_timeout_ms = busy_timeout_ms
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None
        self._disabled = False

    # -- connection ---------------------------------------------------------

    def _connect(self) -> sqlite3.Connection | None:
        if self._connection is not None or self._disabled:
            return self._connection
        # Two processes opening a new database race to switch it to WAL, and SQLite
        # reports that lock at once instead of waiting: retry within the busy timeout.
        deadline = time.monotonic() + self._busy_timeout_ms / 1000
        while True:
            try:
                self.directory.mkdir(parents=True, exist_ok=True)
                self._connection = self._open()
            except sqlite3.DatabaseError as exc:
                if not _is_lock_error(exc):
                    self._rebuild()
                elif time.monotonic() < deadline:
                    time.sleep(OPEN_RETRY_SECONDS)
                    continue
                # still locked: no cache for this call, try again on the next
            except OSError:
                self._disabled = True  # an unwritable cache dir: run without a cache
            return self._connection

    def _open(self) -> sqlite3.Connection:
        connection = sqlite3.connect(
            self.path, timeout=self._busy_timeout_ms / 1000, check_same_thread=False,
            isolation_level=None,
        )
        try:
            connection.execute(f"PRAGMA busy_timeout = {int(self._busy_timeout_ms)}")
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = NORMAL")
            if self._schema_version(connection) != STORE_SCHEMA:
                connection.execute("BEGIN IMMEDIATE")
                # Another process may have built the table while we waited for the lock.
                if self._schema_version(connection) != STORE_SCHEMA:
                    connection.execute("DROP TABLE IF EXISTS analyses")
                    connection.execute(
                        "CREATE TABLE analyses (key TEXT PRIMARY KEY, document BLOB NOT NULL,"
                        " stored_at REAL NOT NULL)"
                    )
                    connection.execute(f"PRAGMA user_version = {STORE_SCHEMA}")
                connection.execute("COMMIT")
        except BaseException:
            connection.close()
            raise
        return connection

    @staticmethod
    def _schema_version(connection: sqlite3.Connection) -> int:
        return connection.execute("PRAGMA user_version").fetchone()[0]

    def _rebuild(self) -> None:
        """Throw away an unreadable database file and start an empty one."""
        self.close()
        for suffix in ("", "-wal", "-shm", "-journal"):
            try:
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            except OSError:
                pass
        try:
            self._connection = self._open()
        except (sqlite3.Error, OSError):
            self._disabled = True

    def _handle(self, exc: sqlite3.Error) -> None:
        if not _is_lock_error(exc):
            self._rebuild()

    def close(self) -> None:
        if self._connection is not None:
            try:
                self._connection.close()
            except sqlite3.Error:
                pass
            self._connection = None

    # -- entries ------------------------------------------------------------

    def get_json(self, key: str) -> str | None:
        """The stored JSON for ``key``; None on a miss or any database trouble."""
        with self._lock:
            connection = self._connect()
            if connection is None:
                return None
            try:
                row = connection.execute(
                    "SELECT document FROM analyses WHERE key = ?", (key,)
                ).fetchone()
            except sqlite3.Error as exc:
                self._handle(exc)
                return None
        if row is None:
            return None
        try:
            return zlib.decompress(row[0]).decode("utf-8")
        except (zlib.error, UnicodeDecodeError, TypeError):
            self.discard(key)
            return None

    def get(self, key: str, article: Article) -> ParsedDocument | None:
        """The analysis stored under ``key`` with ``article`` attached, if it is sound."""
        raw = self.get_json(key)
        if raw is None:
            return None
        try:
            doc = model_json.loads(raw)
        except (model_json.ContractError, ValueError):
            self.discard(key)
            return None
        return attach_article(doc, article)

    def put_json(self, items: Iterable[tuple[str, str]]) -> None:
        """Store ``(key, document JSON)`` pairs in one transaction; skipped if locked."""
        rows = [(key, zlib.compress(raw.encode("utf-8"), 6), time.time()) for key, raw in items]
        if not rows:
            return
        with self._lock:
            connection = self._connect()
            if connection is None:
                return
            try:
                connection.execute("BEGIN IMMEDIATE")
                connection.executemany(
                    "INSERT OR REPLACE INTO analyses (key, document, stored_at) VALUES (?, ?, ?)",
                    rows,
                )
                connection.execute("COMMIT")
            except sqlite3.Error as exc:
                try:
                    connection.execute("ROLLBACK")
                except sqlite3.Error:
                    pass
                self._handle(exc)

    def put(self, key: str, doc: ParsedDocument) -> None:
        if doc.error is None:
            self.put_json([(key, model_json.dumps(doc))])

    def discard(self, key: str) -> None:
        with self._lock:
            connection = self._connect()
            if connection is None:
                return
            try:
                connection.execute("DELETE FROM analyses WHERE key = ?", (key,))
            except sqlite3.Error as exc:
                self._handle(exc)

    # -- maintenance --------------------------------------------------------

    def info(self) -> CacheInfo:
        entries = 0
        with self._lock:
            connection = self._connect()
            if connection is not None:
                try:
                    entries = connection.execute("SELECT COUNT(*) FROM analyses").fetchone()[0]
                except sqlite3.Error as exc:
                    self._handle(exc)
        size = sum(
            Path(f"{self.path}{suffix}").stat().st_size
            for suffix in ("", "-wal")
            if Path(f"{self.path}{suffix}").exists()
        )
        return CacheInfo(self.path, entries, size, usable=connection is not None)

    def clear(self) -> int:
        """Remove every entry; returns how many there were."""
        with self._lock:
            connection = self._connect()
            if connection is None:
                return 0
            try:
                count = connection.execute("SELECT COUNT(*) FROM analyses").fetchone()[0]
                connection.execute("DELETE FROM analyses")
            except sqlite3.Error as exc:
                self._handle(exc)
                return 0
            try:  # give the space back; another process reading the cache may prevent it
                connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                connection.execute("VACUUM")
            except sqlite3.Error:
                pass
        return count
