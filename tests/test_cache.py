"""The analysis cache: hits, misses, invalidation, and surviving a broken database."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import textwrap
from dataclasses import replace
from pathlib import Path

import pytest

from explorer import model_json
from explorer.documents import DocumentService
from explorer.model import Engine, ParsedDocument, Quote, Span, Speaker
from explorer.sources import read_text_article
from explorer.store import AnalysisCache, AnalysisIdentity, cache_key
from explorer.store.cache import DB_NAME, STORE_SCHEMA

ROOT = Path(__file__).resolve().parent.parent
IDENTITY = AnalysisIdentity(explorer="0.1.0", spacy="3.8.0", model="en_test-1.0", rules="7")
TEXT = 'The minister said the harbour would reopen. "We are ready," said Ana Ruiz.\n'


def hand_made_document(text: str = TEXT, path: str | None = "a.txt") -> ParsedDocument:
    """A small document with one speaker and one quote, built without spaCy."""
    article = read_text_article(text, path)
    start = text.index("We are")
    end = text.index(",", start)
    mention = Span(text.index("Ana Ruiz"), text.index("Ana Ruiz") + len("Ana Ruiz"))
    return ParsedDocument(
        article=article,
        engine=Engine("0.1.0", "3.8.0", "en_test-1.0"),
        speakers=(Speaker("s1", "Ana Ruiz", "person", None, ("Ana Ruiz",), (mention,), ("q1",)),),
        quotes=(Quote("q1", "direct", start, end, (Span(start, end),), text[start:end], "s1", mention),),
    )


@pytest.fixture
def cache(tmp_path) -> AnalysisCache:
    return AnalysisCache(tmp_path / "cache", busy_timeout_ms=200)


def test_a_stored_document_comes_back_unchanged(cache):
    doc = hand_made_document()
    key = cache_key(doc.article, IDENTITY)
    assert cache.get(key, doc.article) is None
    cache.put(key, doc)
    assert cache.get(key, doc.article) == doc
    assert cache.info().entries == 1


def test_the_path_is_not_part_of_the_key_but_comes_back_as_the_callers(cache):
    doc = hand_made_document(path="first/place.txt")
    moved = replace(doc.article, path="second/place.txt")
    assert cache_key(doc.article, IDENTITY) == cache_key(moved, IDENTITY)
    cache.put(cache_key(doc.article, IDENTITY), doc)
    found = cache.get(cache_key(moved, IDENTITY), moved)
    assert found is not None and found.article.path == "second/place.txt"
    assert found.quotes == doc.quotes


@pytest.mark.parametrize(
    "change",
    [
        lambda article, identity: (read_text_article(TEXT.replace("harbour", "airport")), identity),
        lambda article, identity: (replace(article, date="2025-01-02"), identity),
        lambda article, identity: (article, replace(identity, model="en_test-1.1")),
        lambda article, identity: (article, replace(identity, rules="8")),
        lambda article, identity: (article, replace(identity, explorer="0.2.0")),
    ],
    ids=["content", "metadata", "model", "rules-version", "explorer-version"],
)
def test_any_change_to_what_the_analysis_reads_is_a_miss(cache, change):
    doc = hand_made_document()
    cache.put(cache_key(doc.article, IDENTITY), doc)
    article, identity = change(doc.article, IDENTITY)
    assert cache.get(cache_key(article, identity), article) is None


def test_failed_analyses_are_not_stored(cache):
    doc = replace(hand_made_document(), error="RuntimeError: boom")
    key = cache_key(doc.article, IDENTITY)
    cache.put(key, doc)
    assert cache.get(key, doc.article) is None


def test_a_garbage_file_as_the_database_is_replaced(tmp_path):
    directory = tmp_path / "cache"
    directory.mkdir()
    (directory / DB_NAME).write_bytes(b"this is not a database\x00" * 200)
    cache = AnalysisCache(directory)
    doc = hand_made_document()
    key = cache_key(doc.article, IDENTITY)
    assert cache.get(key, doc.article) is None
    cache.put(key, doc)
    assert cache.get(key, doc.article) == doc
    assert AnalysisCache(directory).get(key, doc.article) == doc


def test_a_damaged_entry_is_a_miss_and_is_removed(cache):
    doc = hand_made_document()
    key = cache_key(doc.article, IDENTITY)
    cache.put(key, doc)
    with sqlite3.connect(cache.path) as raw:
        raw.execute("UPDATE analyses SET document = ? WHERE key = ?", (b"\x78\x9cnot zlib", key))
    assert cache.get(key, doc.article) is None
    assert cache.info().entries == 0


def test_an_entry_for_another_text_is_never_used(cache):
    """Even under a matching key, a stored text that differs must not give wrong panels."""
    doc = hand_made_document()
    other = hand_made_document(TEXT.replace("minister", "mayor"))
    key = cache_key(doc.article, IDENTITY)
    cache.put(key, other)
    assert cache.get(key, doc.article) is None


def test_a_database_from_an_older_layout_is_rebuilt(tmp_path):
    directory = tmp_path / "cache"
    directory.mkdir()
    with sqlite3.connect(directory / DB_NAME) as old:
        old.execute("CREATE TABLE analyses (key TEXT, json TEXT)")
        old.execute("INSERT INTO analyses VALUES ('k', '{}')")
        old.execute(f"PRAGMA user_version = {STORE_SCHEMA - 1}")
    cache = AnalysisCache(directory)
    assert cache.info().entries == 0
    doc = hand_made_document()
    cache.put(cache_key(doc.article, IDENTITY), doc)
    assert cache.get(cache_key(doc.article, IDENTITY), doc.article) == doc


def test_an_entry_in_an_older_json_schema_is_a_miss(cache):
    doc = hand_made_document()
    key = cache_key(doc.article, IDENTITY)
    stale = model_json.dumps(doc).replace("explorer.analysis/1", "explorer.analysis/0")
    cache.put_json([(key, stale)])
    assert cache.get(key, doc.article) is None


def test_a_locked_database_neither_blocks_forever_nor_raises(cache):
    doc = hand_made_document()
    key = cache_key(doc.article, IDENTITY)
    cache.info()  # create the file
    holder = sqlite3.connect(cache.path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        cache.put(key, doc)  # gives up after the busy timeout
        assert cache.get(key, doc.article) is None
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    cache.put(key, doc)
    assert cache.get(key, doc.article) == doc


def test_an_unusable_cache_directory_means_no_cache_not_a_crash(tmp_path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    cache = AnalysisCache(blocker / "cache")
    doc = hand_made_document()
    key = cache_key(doc.article, IDENTITY)
    cache.put(key, doc)
    assert cache.get(key, doc.article) is None
    assert cache.info().usable is False


def test_clear_removes_every_entry(cache):
    for n in range(3):
        doc = hand_made_document(TEXT + f"Line {n}.\n")
        cache.put(cache_key(doc.article, IDENTITY), doc)
    assert cache.clear() == 3
    assert cache.info().entries == 0


WRITER = textwrap.dedent(
    """
    import sys
    sys.path.insert(0, {tests!r})
    from test_cache import IDENTITY, TEXT, hand_made_document
    from explorer.store import AnalysisCache, cache_key
    cache = AnalysisCache(sys.argv[1])
    for n in range(int(sys.argv[3])):
        doc = hand_made_document(TEXT + f"{{sys.argv[2]}} {{n}}\\n")
        cache.put(cache_key(doc.article, IDENTITY), doc)
    """
)


def test_two_processes_write_to_one_cache_at_once(tmp_path):
    directory = tmp_path / "shared"
    script = WRITER.format(tests=str(Path(__file__).parent))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    writers = [
        subprocess.Popen([sys.executable, "-c", script, str(directory), name, "150"], env=env,
                         stderr=subprocess.PIPE)
        for name in ("left", "right")
    ]
    for writer in writers:
        _, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err.decode()
    cache = AnalysisCache(directory)
    assert cache.info().entries == 300
    for name in ("left", "right"):
        doc = hand_made_document(TEXT + f"{name} 149\n")
        assert cache.get(cache_key(doc.article, IDENTITY), doc.article) == doc


# -- through the document service -------------------------------------------------


def test_reopening_needs_no_spacy(tmp_path, nlp):
    """First open analyses and stores; a new process gets the same document without spaCy."""
    article = read_text_article('"Prices will fall," said Tomas Berg, the finance minister.\n', "x.txt")
    service = DocumentService(cache=AnalysisCache(tmp_path))
    first = service.analyze(article)
    assert first.error is None
    probe = textwrap.dedent(
        f"""
        import sys
        from explorer import model_json
        from explorer.documents import DocumentService
        from explorer.sources import read_text_article
        from explorer.store import AnalysisCache
        article = read_text_article({article.text!r}, "x.txt")
        doc = DocumentService(cache=AnalysisCache({str(tmp_path)!r})).cached(article)
        assert doc is not None, "miss"
        assert "spacy" not in sys.modules and "textual" not in sys.modules
        print(model_json.dumps(doc))
        """
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)
    assert result.returncode == 0, result.stderr
    assert model_json.loads(result.stdout) == first


def test_no_cache_neither_reads_nor_writes(tmp_path, monkeypatch, nlp):
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(tmp_path))
    article = read_text_article("The council said the bridge is safe.\n", "b.txt")
    DocumentService(use_cache=False).analyze(article)
    assert not (tmp_path / DB_NAME).exists() or AnalysisCache(tmp_path).info().entries == 0
    DocumentService().analyze(article)
    assert AnalysisCache(tmp_path).info().entries == 1
    assert DocumentService(use_cache=False).cached(article) is None
    assert DocumentService().cached(article) is not None


def test_splicing_the_article_block_matches_a_full_reencode():
    """The fast path of ``analyze --jsonl`` must print exactly what a full re-encode would."""
    from explorer.documents import splice_article

    doc = hand_made_document(path="old/place.txt")
    tricky = replace(doc.article, path='new/"engine": {x}.txt', title='A "text": trap')
    stored = model_json.dumps(replace(doc, article=replace(tricky, path="old/place.txt")))
    assert splice_article(stored, tricky) == model_json.dumps(replace(doc, article=tricky))
    assert splice_article(stored, read_text_article(TEXT + "more\n")) is None
    assert splice_article("not json at all", tricky) is None


def test_a_truncated_database_is_rebuilt(tmp_path):
    directory = tmp_path / "cache"
    cache = AnalysisCache(directory)
    documents = [hand_made_document(TEXT + f"Paragraph {n}. " * 200 + "\n") for n in range(20)]
    for doc in documents:
        cache.put(cache_key(doc.article, IDENTITY), doc)
    cache.close()  # the last connection checkpoints the WAL into the main file
    database = directory / DB_NAME
    database.write_bytes(database.read_bytes()[: database.stat().st_size // 2])
    reopened = AnalysisCache(directory)
    found = [reopened.get(cache_key(d.article, IDENTITY), d.article) for d in documents]
    assert all(f is None or f == d for f, d in zip(found, documents))
    reopened.put(cache_key(documents[-1].article, IDENTITY), documents[-1])
    assert reopened.get(cache_key(documents[-1].article, IDENTITY), documents[-1].article) == documents[-1]
