"""The analysis cache: each article's parsed-document JSON in one SQLite file.

Keyed by the article content and the software that analysed it, so a changed
text, model or rule set simply misses. The cache is an optimisation only: a
corrupted database is rebuilt, a locked one is a miss, and a stored document is
used only if it matches the caller's text exactly. A database that cannot be
written (read-only file or folder, no permission) is never deleted: it is read
if it can be, else the explorer runs without a cache, and ``problem`` says why
(``on_problem`` hears it once).
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
from collections.abc import Callable, Iterable
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
    problem: str | None = None


def _size_of(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def _is_lock_error(exc: sqlite3.Error) -> bool:
    message = str(exc).lower()
    return isinstance(exc, sqlite3.OperationalError) and ("locked" in message or "busy" in message)


def _is_corrupt(exc: sqlite3.Error) -> bool:
    """Garbage or a damaged file (worth rebuilding), as against no permission to write it."""
    message = str(exc).lower()
    return "not a database" in message or "malformed" in message


class CacheUnusable(Exception):
    """The cache cannot do what was asked (clear it); ``str(error)`` says why in one line."""


class AnalysisCache:
    """Parsed documents by cache key; safe to share between threads and processes."""

    def __init__(
        self,
        directory: Path | str | None = None,
        *,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
        on_problem: Callable[[str], None] | None = None,
    ):
        self.directory = Path(directory) if directory is not None else default_cache_dir()
        self.path = self.directory / DB_NAME
        self._busy_timeout_ms = busy_timeout_ms
        self._lock = threading.Lock()
        self._connection: sqlite3.Connection | None = None
        self._disabled = False
        self._read_only = False
        self.problem: str | None = None
        """Why the cache is read-only or off; None while it works."""
        self._on_problem = on_problem

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
                    self._recover(exc)
                elif time.monotonic() < deadline:
                    time.sleep(OPEN_RETRY_SECONDS)
                    continue
                # still locked: no cache for this call, try again on the next
            except OSError as exc:
                reason = (exc.strerror or str(exc)).lower()
                self._give_up(f"cannot use the folder {self.directory} ({reason})")
            return self._connection

    def _recover(self, exc: sqlite3.Error) -> None:
        """After an error that is not a lock: rebuild a corrupt file we may replace, else
        fall back to reading it, else to no cache. Never delete what cannot be written."""
        if _is_corrupt(exc) and os.access(self.path, os.W_OK) and os.access(self.directory, os.W_OK):
            self._rebuild()
            return
        self.close()
        try:
            connection = sqlite3.connect(f"{self.path.resolve().as_uri()}?mode=ro", uri=True,
                                         timeout=self._busy_timeout_ms / 1000,
                                         check_same_thread=False, isolation_level=None)
            try:
                usable = self._schema_version(connection) == STORE_SCHEMA
            except sqlite3.Error:
                connection.close()
                raise
        except (sqlite3.Error, OSError, ValueError):
            self._give_up(f"cannot open {self.path} ({str(exc).lower()})")
            return
        if not usable:
            connection.close()
            self._give_up(f"{self.path} cannot be written and is from another version")
            return
        self._connection, self._read_only = connection, True
        self._note(f"{self.path} cannot be written ({str(exc).lower()}); "
                   "cached analyses are read, new ones are not stored")

    def _give_up(self, reason: str) -> None:
        self.close()
        self._disabled = True
        self._note(f"{reason}; running without a cache")

    def _note(self, problem: str) -> None:
        if self.problem is None and self._on_problem is not None:
            self._on_problem(problem)
        self.problem = problem

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
            self._recover(exc)

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
            if connection is None or self._read_only:
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
            if connection is None or self._read_only:
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
        size = sum(_size_of(Path(f"{self.path}{suffix}")) for suffix in ("", "-wal"))
        usable = connection is not None and not self._read_only
        return CacheInfo(self.path, entries, size, usable=usable, problem=self.problem)

    def clear(self) -> int:
        """Remove every entry; returns how many there were. ``CacheUnusable`` if it cannot."""
        with self._lock:
            connection = self._connect()
            if connection is None or self._read_only:
                raise CacheUnusable(self.problem or f"cannot open {self.path}")
            try:
                count = connection.execute("SELECT COUNT(*) FROM analyses").fetchone()[0]
                connection.execute("DELETE FROM analyses")
            except sqlite3.Error as exc:
                if _is_lock_error(exc):
                    raise CacheUnusable(f"{self.path} is locked by another explorer; try again") from exc
                self._handle(exc)
                raise CacheUnusable(self.problem or f"cannot clear {self.path} ({exc})") from exc
            try:  # give the space back; another process reading the cache may prevent it
                connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
                connection.execute("VACUUM")
            except sqlite3.Error:
                pass
        return count
