"""The corpus index: a folder of analysed articles as one SQLite database with FTS5.

Articles, speakers (with the names they go by), quotes and entities are
tables filled from the parsed documents; article text and quote text have
full-text indexes. Every question the corpus screen and ``explorer index``
ask is one paged SQL query, so a million articles never sit in memory.

One database per folder, in the cache directory (``corpora/``), named after
the folder's absolute path: ``explorer index DIR`` and the app's corpus view
on the same folder share it. Articles are keyed by absolute path with a
content key; indexing again touches only new or changed files and drops
those no longer there. ``CORPUS_SCHEMA`` versions the layout; a database of
another version is rebuilt from the analysis cache.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Generic, Literal, Self, TypeVar

from explorer.model import Article, ParsedDocument, Span
from explorer.store.corpus_query import (
    MARK_CLOSE,
    MARK_OPEN,
    SNIPPET_CONTEXT,
    Filters,
    QueryError,
    QuoteRef,
    Snippet,
    fts_query,
    indexable,
    line_and_column,
    marked_spans,
    snippet,
)
from explorer.store.corpus_schema import CORPUS_SCHEMA, create_schema
from explorer.store.speaker_names import identity_keys, speaker_key

TITLE_CHARS = 100
PAGE = 50
SAID_BEFORE_WALK = 2000
"""A speaker in more articles than this is looked up by walking the articles newest first."""

T = TypeVar("T")
NO_FILTERS = Filters()
SpeakerSort = Literal["quotes", "articles", "name"]
ResultSort = Literal["date", "count", "relevance"]



# -- what queries return ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ArticleEntry:
    """One article of the corpus, as a list shows it."""

    path: str
    title: str
    date: str | None
    source: str | None
    quote_count: int
    speaker_count: int


@dataclass(frozen=True, slots=True)
class CorpusSpeaker:
    """A speaker across the corpus: every article's speaker of that name, merged."""

    name: str
    kind: str
    quote_count: int
    article_count: int


@dataclass(frozen=True, slots=True)
class SearchHit:
    span: Span
    line: int
    column: int
    snippet: Snippet


@dataclass(frozen=True, slots=True)
class ArticleHits:
    """Search results in one article, in text order."""

    path: str
    title: str
    date: str | None
    hits: tuple[SearchHit, ...]


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of a longer result: ``total`` says how many there are in all."""

    items: tuple[T, ...]
    total: int
    offset: int = 0

    @property
    def more(self) -> bool:
        return self.offset + len(self.items) < self.total


# -- titles and keys ----------------------------------------------------------------------------


def corpus_title(article: Article) -> str:
    """The header title; else a headline-like first line; else the file name. One line, cut at a word."""
    title = " ".join((article.title or "").split())
    if not title:
        first = article.text[article.body_start :].strip().split("\n", 1)[0]
        first = " ".join(first.split())
        sentences = re.search(r"[.!?][\"”’]?\s", first + " ")
        if first and len(first) <= TITLE_CHARS * 1.5 and sentences is None:
            title = first  # a headline: one short line, not the opening sentences
    if not title:
        title = Path(article.path).stem.replace("-", " ").replace("_", " ") if article.path else "untitled"
    if len(title) > TITLE_CHARS:
        title = title[:TITLE_CHARS].rsplit(" ", 1)[0].rstrip(",;:–-") + "…"
    return title


def content_key(article: Article, software: str = "") -> str:
    """What decides an article's index rows: its text, header and the software that analysed it."""
    material = json.dumps(
        [software, article.text, article.title, article.date, article.source, article.byline,
         article.url, article.body_start], ensure_ascii=False,
    )
    return hashlib.sha256(material.encode("utf-8", "surrogatepass")).hexdigest()


def software_key(identity) -> str:
    """The part of an article's index key that says which software analysed it."""
    return f"{identity.explorer}|{identity.spacy}|{identity.model}|{identity.rules}"


def corpus_path(paths: Sequence[str], directory: Path) -> Path:
    """The database for a corpus: named after the folder that holds all of ``paths``."""
    absolute = [os.path.abspath(p) for p in paths] or [os.getcwd()]
    common = os.path.commonpath(absolute)
    if len(absolute) == 1 and not os.path.isdir(common):
        common = os.path.dirname(common)
    digest = hashlib.sha256(common.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    return directory / "corpora" / f"{digest}.sqlite3"


def article_path(article: Article) -> str | None:
    """Where the article lives: an absolute file path, or the address of a web page."""
    if not article.path or article.path == "-":
        return None
    return article.path if "://" in article.path else os.path.abspath(article.path)


# -- the index ----------------------------------------------------------------------------------


class CorpusIndex:
    """The corpus database. Not thread-safe: one instance per thread (they may share the file)."""

    def __init__(self, path: Path | str = ":memory:") -> None:
        self.path = str(path)
        if self.path != ":memory:":
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
        self.db = self._open()
        self._touched: set[str] = set()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
        try:
            if db.execute("PRAGMA user_version").fetchone()[0] != CORPUS_SCHEMA:
                create_schema(db)
        except sqlite3.DatabaseError:  # not a database at all: start again
            db.close()
            for suffix in ("", "-wal", "-shm"):
                Path(self.path + suffix).unlink(missing_ok=True)
            db = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
            create_schema(db)
        if self.path != ":memory:":
            db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA cache_size = -32000")
        return db

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing ------------------------------------------------------------------------------

    def keys(self) -> dict[str, str]:
        """Every indexed article's path and content key."""
        return dict(self.db.execute("SELECT path, key FROM articles"))

    def add_documents(self, documents: Iterable[tuple[ParsedDocument, str]]) -> int:
        """Index ``(document, content key)`` pairs in one transaction; returns how many were new."""
        added = 0
        self.db.execute("BEGIN IMMEDIATE")
        try:
            for document, key in documents:
                added += self._add(document, key)
            self._settle_totals()
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            self._touched.clear()
            raise
        return added

    def add(self, document: ParsedDocument, key: str | None = None) -> bool:
        """Index one document (replacing the article at its path if its key differs)."""
        return self.add_documents([(document, key or content_key(document.article))]) == 1

    def remove_paths(self, paths: Iterable[str]) -> None:
        """Drop these articles (files gone from the folder)."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            for path in paths:
                row = self.db.execute("SELECT id FROM articles WHERE path = ?", (path,)).fetchone()
                if row is not None:
                    self._remove(row[0])
            self._settle_totals()
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            self._touched.clear()
            raise

    def _add(self, doc: ParsedDocument, key: str) -> bool:
        path = article_path(doc.article)
        if path is None or doc.error is not None:
            return False
        row = self.db.execute("SELECT id, key FROM articles WHERE path = ?", (path,)).fetchone()
        if row is not None:
            if row[1] == key:
                return False
            self._remove(row[0])
        article = doc.article
        quoted = {q.speaker_id for q in doc.quotes if q.speaker_id}
        cursor = self.db.execute(
            "INSERT INTO articles (path, key, title, date, source, url, byline, quote_count,"
            " speaker_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (path, key, corpus_title(article), article.date, article.source, article.url,
             article.byline, len(doc.quotes), len(quoted)),
        )
        article_id = cursor.lastrowid
        self.db.execute("INSERT INTO article_text (rowid, text) VALUES (?, ?)",
                        (article_id, indexable(doc.text)))
        speaker_rows: dict[str, tuple[int, str]] = {}
        for speaker in doc.speakers:
            quotes = sum(1 for q in doc.quotes if q.speaker_id == speaker.id)
            skey = speaker_key(speaker.name)
            cursor = self.db.execute(
                "INSERT INTO speakers (article_id, local_id, name, key, kind, role, represents,"
                " aliases, mention_count, quote_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (article_id, speaker.id, speaker.name, skey, speaker.kind, speaker.role,
                 speaker.represents, json.dumps(list(speaker.aliases), ensure_ascii=False),
                 len(speaker.mentions), quotes),
            )
            speaker_rows[speaker.id] = (cursor.lastrowid, skey)
            self.db.executemany(
                "INSERT INTO speaker_names (speaker, name_key) VALUES (?, ?)",
                [(cursor.lastrowid, k) for k in identity_keys(speaker.name, speaker.aliases, speaker.kind)],
            )
        spelled: Counter[tuple[str, str, str]] = Counter()
        for quote in doc.quotes:
            speaker_row, skey = speaker_rows.get(quote.speaker_id or "", (None, None))
            cursor = self.db.execute(
                "INSERT INTO quotes (article_id, quote_id, speaker, speaker_key, date, kind, start,"
                " end, text, confidence, rule) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (article_id, quote.id, speaker_row, skey, article.date, quote.kind, quote.start, quote.end,
                 quote.text, quote.confidence, quote.rule),
            )
            self.db.execute("INSERT INTO quote_text (rowid, text) VALUES (?, ?)",
                            (cursor.lastrowid, indexable(quote.text)))
            if skey is not None:
                speaker = doc.item(quote.speaker_id)
                spelled[(skey, " ".join(speaker.name.split()), speaker.kind)] += 1
        self._count(spelled, +1)
        self.db.executemany(
            "INSERT INTO entities (article_id, type, local_id, name, kind, mention_count)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [(article_id, "place", p.id, p.name, p.kind, len(p.mentions)) for p in doc.places]
            + [(article_id, "person", p.id, p.name, None, len(p.mentions)) for p in doc.people]
            + [(article_id, "organisation", o.id, o.name, None, len(o.mentions))
               for o in doc.organisations],
        )
        return True

    def _remove(self, article_id: int) -> None:
        rows = self.db.execute(
            "SELECT q.id, q.text, q.speaker_key, s.name, s.kind FROM quotes q"
            " LEFT JOIN speakers s ON s.id = q.speaker WHERE q.article_id = ?", (article_id,),
        ).fetchall()
        self.db.executemany("INSERT INTO quote_text (quote_text, rowid, text) VALUES ('delete', ?, ?)",
                            [(qid, indexable(text)) for qid, text, *_ in rows])
        spelled = Counter((skey, " ".join(name.split()), kind) for _, _, skey, name, kind in rows if skey)
        self._count(spelled, -1)
        self.db.execute("DELETE FROM speaker_names WHERE speaker IN"
                        " (SELECT id FROM speakers WHERE article_id = ?)", (article_id,))
        for table in ("quotes", "speakers", "entities"):
            self.db.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))
        self.db.execute("DELETE FROM article_text WHERE rowid = ?", (article_id,))
        self.db.execute("DELETE FROM articles WHERE id = ?", (article_id,))

    def _count(self, spelled: Counter[tuple[str, str, str]], sign: int) -> None:
        """Keep the corpus-wide speaker totals in step with one article's quotes."""
        per_key: Counter[str] = Counter()
        for (skey, spelling, kind), n in spelled.items():
            per_key[skey] += n
            self.db.execute(
                "INSERT INTO speaker_spellings (key, spelling, kind, quotes) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (key, spelling, kind) DO UPDATE SET quotes = quotes + excluded.quotes",
                (skey, spelling, kind, sign * n),
            )
        for skey, n in per_key.items():
            self.db.execute(
                "INSERT INTO speaker_totals (key, name, kind, quote_count, article_count)"
                " VALUES (?, '', '', ?, ?) ON CONFLICT (key) DO UPDATE SET"
                " quote_count = quote_count + excluded.quote_count,"
                " article_count = article_count + excluded.article_count",
                (skey, sign * n, sign),
            )
        self._touched.update(per_key)

    def _settle_totals(self) -> None:
        """Drop speakers left with no quote; name the rest by their commonest capitalised spelling."""
        touched, self._touched = self._touched, set()
        for skey in touched:
            self.db.execute("DELETE FROM speaker_spellings WHERE key = ? AND quotes <= 0", (skey,))
            best = self.db.execute(
                "SELECT spelling, kind FROM speaker_spellings WHERE key = ?"
                " ORDER BY spelling != lower(spelling) DESC, quotes DESC, spelling DESC LIMIT 1",
                (skey,),
            ).fetchone()
            if best is None:
                self.db.execute("DELETE FROM speaker_totals WHERE key = ?", (skey,))
            else:
                self.db.execute("UPDATE speaker_totals SET name = ?, kind = ? WHERE key = ?",
                                (*best, skey))

    # -- reading ------------------------------------------------------------------------------

    def counts(self) -> tuple[int, int, int]:
        """Articles, quotes and quoted speakers in the whole corpus."""
        articles, quotes = self.db.execute(
            "SELECT count(*), coalesce(sum(quote_count), 0) FROM articles").fetchone()
        speakers = self.db.execute("SELECT count(*) FROM speaker_totals").fetchone()[0]
        return articles, quotes, speakers

    def articles(self, filters: Filters = NO_FILTERS, *, limit: int = PAGE, offset: int = 0,
                 sort: ResultSort = "date") -> Page[ArticleEntry]:
        where, params = _article_filter(filters, "a")
        order = "a.quote_count DESC, a.path" if sort == "count" else "a.date DESC, a.path"
        total = self.db.execute(f"SELECT count(*) FROM articles a WHERE {where}", params).fetchone()[0]
        rows = self.db.execute(
            f"SELECT a.path, a.title, a.date, a.source, a.quote_count, a.speaker_count FROM articles a"
            f" WHERE {where} ORDER BY {order} LIMIT ? OFFSET ?", (*params, limit, offset),
        )
        return Page(tuple(ArticleEntry(*row) for row in rows), total, offset)

    def speakers(self, *, sort: SpeakerSort = "quotes", min_articles: int = 1,
                 kind: str | None = None, limit: int = PAGE, offset: int = 0) -> Page[CorpusSpeaker]:
        """Quoted speakers across the corpus from the running totals, one page."""
        order = {
            "quotes": "quote_count DESC, key",
            "articles": "article_count DESC, key",
            "name": "key",
        }[sort]
        where, params = "article_count >= ?", [min_articles]
        if kind:
            where += " AND kind = ?"
            params.append(kind)
        total = self.db.execute(f"SELECT count(*) FROM speaker_totals WHERE {where}", params).fetchone()[0]
        rows = self.db.execute(
            f"SELECT name, kind, quote_count, article_count FROM speaker_totals WHERE {where}"
            f" ORDER BY {order} LIMIT ? OFFSET ?", (*params, limit, offset),
        )
        return Page(tuple(CorpusSpeaker(*row) for row in rows), total, offset)

    def speaker(self, name: str) -> CorpusSpeaker | None:
        row = self.db.execute(
            "SELECT name, kind, quote_count, article_count FROM speaker_totals WHERE key = ?",
            (speaker_key(name),),
        ).fetchone()
        return CorpusSpeaker(*row) if row else None

    def similar_speakers(self, name: str, limit: int = 5) -> tuple[str, ...]:
        """Speakers whose name contains ``name`` (for "no speaker called X; did you mean")."""
        rows = self.db.execute(
            "SELECT name FROM speaker_totals WHERE instr(key, ?) > 0"
            " ORDER BY quote_count DESC LIMIT ?", (speaker_key(name), limit))
        return tuple(r[0] for r in rows)

    def quotes(self, filters: Filters = NO_FILTERS, *, query: str | None = None,
               sort: ResultSort = "date", limit: int = PAGE, offset: int = 0) -> Page[QuoteRef]:
        """Quotes matching the filters (and the full-text ``query``, in quote text), one page.

        Sorted by article date, newest first (``date``), or by best match (``relevance``).
        """
        where, params = _article_filter(filters, "a")
        clauses, values = [where], list(params)
        if filters.speaker:
            clauses.append("q.speaker_key = ?")
            values.append(speaker_key(filters.speaker))
        if filters.speaker_kind:
            clauses.append("s.kind = ?")
            values.append(filters.speaker_kind)
        if filters.quote_kind:
            clauses.append("q.kind = ?")
            values.append(filters.quote_kind)
        source = "quotes q"
        select_marks = "NULL"
        match = fts_query(query) if query else None
        if query and match is None:
            return Page((), 0, offset)
        if match is not None:
            source = "quote_text JOIN quotes q ON q.id = quote_text.rowid"
            clauses.append("quote_text MATCH ?")
            values.append(match)
            select_marks = f"highlight(quote_text, 0, '{MARK_OPEN}', '{MARK_CLOSE}')"
        order = ("quote_text.rank" if match is not None and sort == "relevance"
                 else "q.date DESC, a.path, q.start")
        body = (f" FROM {source} JOIN articles a ON a.id = q.article_id"
                f" LEFT JOIN speakers s ON s.id = q.speaker WHERE {' AND '.join(clauses)}")
        if where == "1" and not filters.speaker_kind:  # only quote columns: count on their index
            total = self._run(f"SELECT count(*) FROM {source} WHERE {' AND '.join(clauses)}",
                              values).fetchone()[0]
        else:
            total = self._run(f"SELECT count(*){body}", values).fetchone()[0]
        rows = self._run(
            f"SELECT a.path, a.title, a.date, q.quote_id, coalesce(s.name, ''), q.kind, q.text,"
            f" q.start, q.end, q.confidence, {select_marks}{body} ORDER BY {order} LIMIT ? OFFSET ?",
            (*values, limit, offset),
        )
        found = []
        for *fields, marked in rows:
            ref = QuoteRef(*fields)
            if marked is not None:
                _, marks = marked_spans(marked)
                whole = Span(0, len(ref.text))
                ref = replace(ref, snippet=snippet(ref.text, whole, context=0, marks=marks))
            found.append(ref)
        return Page(tuple(found), total, offset)

    def quotes_of(self, name: str, *, limit: int = PAGE, offset: int = 0) -> Page[QuoteRef]:
        """A speaker's quotes across the corpus (the name as the speakers list shows it)."""
        return self.quotes(Filters(speaker=name), limit=limit, offset=offset)

    def search(self, query: str, filters: Filters = NO_FILTERS, *, sort: ResultSort = "date",
               limit: int = PAGE, offset: int = 0, hits_per_article: int = 20) -> Page[ArticleHits]:
        """Articles whose text matches the FTS5 ``query``, one page, with the words around each hit.

        ``sort``: newest first (``date``), most hits first (``count``), or FTS5's
        rank (``relevance``). Raises QueryError for a query FTS5 cannot run.
        """
        match = fts_query(query)
        if match is None:
            return Page((), 0, offset)
        where, params = _article_filter(filters, "a")
        body = (" FROM article_text JOIN articles a ON a.id = article_text.rowid"
                f" WHERE article_text MATCH ? AND {where}")
        values = (match, *params)
        marked = f"highlight(article_text, 0, '{MARK_OPEN}', '{MARK_CLOSE}')"
        order = {
            "date": "a.date DESC, a.path",
            "relevance": "article_text.rank, a.path",
            "count": f"length({marked}) - length(replace({marked}, '{MARK_OPEN}', '')) DESC, a.path",
        }[sort]
        if filters:
            total = self._run(f"SELECT count(*){body}", values).fetchone()[0]
        else:  # the full-text index alone can count; no join
            total = self._run("SELECT count(*) FROM article_text WHERE article_text MATCH ?",
                              (match,)).fetchone()[0]
        page = self._run(f"SELECT a.id, a.path, a.title, a.date{body} ORDER BY {order}"
                         " LIMIT ? OFFSET ?", (*values, limit, offset)).fetchall()
        # The marked text only for the page, one rowid lookup each: highlight() over every
        # match, or a join the planner runs match-first, would cost the earth.
        rows = []
        for article_id, path, title, date in page:
            found = self._run(f"SELECT {marked} FROM article_text WHERE article_text MATCH ?"
                              " AND rowid = ?", (match, article_id)).fetchone()
            if found is not None:
                rows.append((path, title, date, found[0]))
        results = []
        for path, title, date, highlighted in rows:
            text, spans = marked_spans(highlighted)
            hits: list[SearchHit] = []
            for span in spans:
                if hits and span.start - hits[-1].span.start < SNIPPET_CONTEXT:
                    continue  # close enough to show, marked, in the previous hit's words
                if len(hits) == hits_per_article:
                    break
                hits.append(SearchHit(span, *line_and_column(text, span.start),
                                      snippet(text, span, marks=spans)))
            results.append(ArticleHits(path, title, date, tuple(hits)))
        return Page(tuple(results), total, offset)

    def _run(self, sql: str, params: Sequence) -> sqlite3.Cursor:
        try:
            return self.db.execute(sql, params)
        except sqlite3.OperationalError as exc:
            if "fts5" in str(exc) or "syntax" in str(exc):
                raise QueryError(f"the search could not be run: {exc}") from None
            raise

    # -- said before --------------------------------------------------------------------------

    def said_before(self, name: str, aliases: Iterable[str] = (), exclude_path: str | None = None,
                    *, kind: str = "person", limit: int = PAGE, offset: int = 0) -> Page[QuoteRef]:
        """What this speaker said in the corpus's other articles, newest first.

        ``name`` and ``aliases`` are how one article knows the speaker ("Shabana
        Mahmood", "Ms Mahmood", "the Home Secretary"). Another article's speaker
        is the same one when they share a full name (honorifics dropped; see
        ``explorer.store.speaker_names``); then every quote that article gives
        that speaker counts, under whatever alias it was made. A bare surname or
        office never links two articles, so two people called Mahmood stay apart.
        ``exclude_path`` (the article being read) is left out.
        """
        keys = sorted(identity_keys(name, aliases, kind))
        if not keys:
            return Page((), 0, offset)
        marks = ", ".join("?" * len(keys))
        row = self.db.execute("SELECT id FROM articles WHERE path = ?",
                              (exclude_path if "://" in exclude_path else os.path.abspath(exclude_path),)
                              ).fetchone() if exclude_path else None
        excluded = row[0] if row else None
        chosen = f"SELECT speaker FROM speaker_names WHERE name_key IN ({marks})"
        values = (*keys, excluded)
        articles, total = self.db.execute(
            "SELECT count(*), coalesce(sum(quote_count), 0) FROM speakers"
            f" WHERE id IN ({chosen}) AND article_id IS NOT ?", values).fetchone()
        columns = ("SELECT a.path, a.title, a.date, q.quote_id, s.name, q.kind, q.text, q.start, q.end,"
                   " q.confidence")
        if articles > SAID_BEFORE_WALK:
            # Quoted in many articles: walk the articles newest first and stop at a page,
            # rather than gather and sort every one of the quotes.
            body = (" FROM articles a CROSS JOIN speakers s ON s.article_id = a.id"
                    " CROSS JOIN quotes q ON q.speaker = s.id WHERE EXISTS (SELECT 1 FROM"
                    f" speaker_names n WHERE n.speaker = s.id AND n.name_key IN ({marks}))"
                    " AND a.id IS NOT ?")
            order = "a.date DESC, a.path, q.start"
        else:
            body = (" FROM quotes q JOIN speakers s ON s.id = q.speaker"
                    " JOIN articles a ON a.id = q.article_id"
                    f" WHERE q.speaker IN ({chosen}) AND a.id IS NOT ?")
            order = "a.date IS NULL, a.date DESC, a.path, q.start"
        rows = self.db.execute(f"{columns}{body} ORDER BY {order} LIMIT ? OFFSET ?",
                               (*values, limit, offset))
        return Page(tuple(QuoteRef(*row) for row in rows), total, offset)

    # -- size ---------------------------------------------------------------------------------

    def size_bytes(self) -> int:
        if self.path == ":memory:":
            return 0
        return sum(Path(self.path + s).stat().st_size for s in ("", "-wal") if Path(self.path + s).exists())


def said_before(index: CorpusIndex, name: str, aliases: Iterable[str] = (),
                exclude_path: str | None = None, *, kind: str = "person",
                limit: int = PAGE, offset: int = 0) -> Page[QuoteRef]:
    """A speaker's quotes in every other article of ``index``, newest first; see ``CorpusIndex.said_before``."""
    return index.said_before(name, aliases, exclude_path, kind=kind, limit=limit, offset=offset)


def _article_filter(filters: Filters, alias: str) -> tuple[str, list]:
    """The WHERE clause for the filters that concern the article (date, source)."""
    clauses, params = ["1"], []
    if filters.since:
        clauses.append(f"{alias}.date >= ?")
        params.append(filters.since)
    if filters.until:
        clauses.append(f"{alias}.date <= ?")
        params.append(filters.until + "\uffff")  # the whole day (or month, or year)
    if filters.source:
        clauses.append(f"instr(lower({alias}.source), ?) > 0")
        params.append(filters.source.casefold())
    return " AND ".join(clauses), params


__all__ = [
    "ArticleEntry", "ArticleHits", "CorpusIndex", "CorpusSpeaker", "Filters", "Page", "QueryError",
    "QuoteRef", "SearchHit", "content_key", "corpus_path", "corpus_title", "said_before",
    "software_key",
]
