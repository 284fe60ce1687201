"""Batch analysis: input order whatever the parallelism, cache use, one bad article."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from explorer.documents import DocumentService
from explorer.sources import read_text_article
from explorer.store import AnalysisCache
from explorer.store.batch import PARALLEL_MIN_ARTICLES

ROOT = Path(__file__).resolve().parent.parent
CITIES = ["Lisbon", "Oslo", "Quito", "Hanoi", "Accra", "Lima", "Riga", "Doha", "Kyiv", "Suva"]


def short_articles(count: int) -> list:
    """Numbered one-paragraph articles whose paths sort in a known order."""
    return [
        read_text_article(
            f'"Article {n} is here," said Mara Holt in {CITIES[n % len(CITIES)]} on Monday.\n',
            f"folder/{n:03d}.txt",
        )
        for n in range(count)
    ]


@pytest.fixture
def articles():
    return short_articles(PARALLEL_MIN_ARTICLES + 6)


def test_two_jobs_give_the_same_output_in_the_same_order_as_one(tmp_path, nlp, articles):
    one = [a.json for a in DocumentService(use_cache=False).analyze_many_json(articles, jobs=1)]
    two = [a.json for a in DocumentService(use_cache=False).analyze_many_json(articles, jobs=2)]
    assert [json.loads(line)["article"]["path"] for line in two] == [a.path for a in articles]
    assert two == one


def test_cached_and_fresh_articles_interleave_in_input_order(tmp_path, nlp, articles):
    service = DocumentService(cache=AnalysisCache(tmp_path))
    for article in articles[::3]:
        service.analyze(article)
    progress = []
    results = list(
        DocumentService(cache=AnalysisCache(tmp_path)).analyze_many_json(
            articles, jobs=2, on_progress=progress.append
        )
    )
    assert [r.article.path for r in results] == [a.path for a in articles]
    assert [r.from_cache for r in results] == [i % 3 == 0 for i in range(len(articles))]
    assert sum(progress) == len(articles)
    assert AnalysisCache(tmp_path).info().entries == len(articles)
    for result, article in zip(results, articles):
        assert result.document().text == article.text


def test_one_article_breaking_a_rule_does_not_stop_the_batch(tmp_path, nlp, monkeypatch):
    import explorer.analysis.pipeline as pipeline

    real = pipeline.build_document

    def fragile(article, doc, engine):
        if "Article 2 " in article.text:
            raise RuntimeError("rule failed")
        return real(article, doc, engine)

    monkeypatch.setattr(pipeline, "build_document", fragile)
    results = list(DocumentService(cache=AnalysisCache(tmp_path)).analyze_many_json(short_articles(4)))
    assert [r.error is not None for r in results] == [False, False, True, False]
    assert "rule failed" in results[2].error
    assert AnalysisCache(tmp_path).info().entries == 3


def test_a_fully_cached_folder_never_loads_spacy(tmp_path, nlp, articles):
    folder = tmp_path / "folder"
    folder.mkdir()
    for article in articles:
        (tmp_path / article.path).write_text(article.text, encoding="utf-8")
    cache_dir = tmp_path / "cache"
    service = DocumentService(cache=AnalysisCache(cache_dir))
    from explorer.sources import iter_articles

    expected = [service.analyze(a) for a in iter_articles([folder])]
    probe = textwrap.dedent(
        f"""
        import sys
        from explorer.cli import main
        code = main(["analyze", {str(folder)!r}, "--jsonl", "--jobs", "2"])
        assert "spacy" not in sys.modules, "spaCy was imported"
        sys.exit(code)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=60,
        env={**os.environ, "PYTHONPATH": str(ROOT), "EXPLORER_CACHE_DIR": str(cache_dir)},
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [json.loads(line)["article"]["path"] for line in lines] == [d.article.path for d in expected]
    assert [json.loads(line)["quotes"] for line in lines] == [
        json.loads(_dumps(d))["quotes"] for d in expected
    ]


def _dumps(doc) -> str:
    from explorer import model_json

    return model_json.dumps(doc)


def test_a_small_batch_mixes_cached_and_fresh_and_stores_the_fresh(tmp_path, nlp):
    articles = short_articles(5)
    service = DocumentService(cache=AnalysisCache(tmp_path))
    first = service.analyze(articles[1])
    documents = service.analyze_batch(articles)
    assert [d.article.path for d in documents] == [a.path for a in articles]
    assert documents[1] == first
    assert all(d.error is None for d in documents)
    assert AnalysisCache(tmp_path).info().entries == 5


def test_an_article_analysed_by_another_worker_meanwhile_is_not_parsed_again(tmp_path, nlp, monkeypatch):
    """The reader and the corpus screen share one service; the second waits, then reads the cache."""
    article = short_articles(1)[0]
    service = DocumentService(cache=AnalysisCache(tmp_path))
    first = service.analyze(article)
    answers = iter([None])  # the first look misses, as if the other worker had not finished yet
    real_cached = service.cached
    monkeypatch.setattr(service, "cached", lambda a: next(answers, real_cached(a)))

    import explorer.store.batch as batch  # the service imports it when it analyses

    monkeypatch.setattr(batch, "analyze_safely", lambda *args: pytest.fail("parsed twice"))
    assert service.analyze_batch([article]) == [first]


def test_work_is_split_by_text_length_so_a_long_article_stands_alone():
    from explorer.store.batch import CHUNKS_PER_JOB, _chunks

    short = short_articles(40)
    live_blog = read_text_article("Minute by minute. " * 2000, "folder/live.txt")
    articles = [*short[:20], live_blog, *short[20:]]
    chunks = _chunks(articles, jobs=2)
    assert [i for chunk in chunks for i in chunk] == list(range(len(articles)))  # all, in order
    assert range(20, 21) in chunks
    assert len(chunks) <= 2 * CHUNKS_PER_JOB + 1
