"""The corpus index's tables, as one versioned SQL script (see ``explorer.store.corpus``)."""

from __future__ import annotations

import sqlite3

CORPUS_SCHEMA = 1
"""Bump when a table changes; a database of another version is dropped and rebuilt."""

SCHEMA = """
CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    key TEXT NOT NULL,
    title TEXT NOT NULL,
    date TEXT,
    source TEXT,
    url TEXT,
    byline TEXT,
    quote_count INTEGER NOT NULL,
    speaker_count INTEGER NOT NULL
);
CREATE INDEX articles_date ON articles(date);
CREATE VIRTUAL TABLE article_text USING fts5(text, tokenize = 'unicode61 remove_diacritics 2');
CREATE TABLE speakers (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL,
    local_id TEXT NOT NULL,
    name TEXT NOT NULL,
    key TEXT NOT NULL,
    kind TEXT NOT NULL,
    role TEXT,
    represents TEXT,
    aliases TEXT NOT NULL,
    mention_count INTEGER NOT NULL,
    quote_count INTEGER NOT NULL
);
CREATE INDEX speakers_article ON speakers(article_id);
CREATE INDEX speakers_key ON speakers(key);
CREATE TABLE speaker_names (speaker INTEGER NOT NULL, name_key TEXT NOT NULL);
CREATE INDEX speaker_names_key ON speaker_names(name_key);
CREATE INDEX speaker_names_speaker ON speaker_names(speaker);
CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL,
    quote_id TEXT NOT NULL,
    speaker INTEGER,
    speaker_key TEXT,
    date TEXT,
    kind TEXT NOT NULL,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    text TEXT NOT NULL,
    confidence REAL,
    rule TEXT
);
CREATE INDEX quotes_article ON quotes(article_id);
CREATE INDEX quotes_speaker_key ON quotes(speaker_key, date);
CREATE INDEX quotes_speaker ON quotes(speaker);
CREATE VIRTUAL TABLE quote_text USING fts5(
    text, content = 'quotes', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL,
    type TEXT NOT NULL,
    local_id TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT,
    mention_count INTEGER NOT NULL
);
CREATE INDEX entities_article ON entities(article_id);
CREATE INDEX entities_name ON entities(type, name COLLATE NOCASE);
CREATE TABLE speaker_totals (
    key TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    quote_count INTEGER NOT NULL,
    article_count INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX speaker_totals_quotes ON speaker_totals(quote_count DESC, key);
CREATE INDEX speaker_totals_articles ON speaker_totals(article_count DESC, key);
CREATE TABLE speaker_spellings (
    key TEXT NOT NULL,
    spelling TEXT NOT NULL,
    kind TEXT NOT NULL,
    quotes INTEGER NOT NULL,
    PRIMARY KEY (key, spelling, kind)
) WITHOUT ROWID;
"""


def create_schema(db: sqlite3.Connection) -> None:
    """Drop whatever tables are there and make this version's, unless another process just did."""
    db.execute("BEGIN IMMEDIATE")
    if db.execute("PRAGMA user_version").fetchone()[0] == CORPUS_SCHEMA:
        db.execute("COMMIT")  # another process built it while we waited
        return
    tables = db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    for (name,) in tables:
        if not name.startswith(("article_text_", "quote_text_", "sqlite_")):
            db.execute(f'DROP TABLE IF EXISTS "{name}"')
    for statement in SCHEMA.split(";"):
        if statement.strip():
            db.execute(statement)
    db.execute(f"PRAGMA user_version = {CORPUS_SCHEMA}")
    db.execute("COMMIT")
