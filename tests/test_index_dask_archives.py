"""Web archives with ``explorer index --dask``: the local output, one task per archive with
``--shared-fs``, records streamed, failures one line each."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from test_index_dask import cached_documents, in_process_cluster
from warc_support import http_response, record, write_warc
from web_support import article_page

from explorer.cli import main

pytest.importorskip("distributed")

STORIES = {
    "ferry": ["The ferry will sail at dawn, the harbour office said on Monday.",
              "“Passengers should arrive an hour early,” said Marta Vidal, the harbour master."],
    "mill": ["The mill closed in 2019 after a century of weaving.",
             "“The owners promised us a buyer,” said Anna Roth, who worked there for thirty years."],
    "vote": ["Every ballot in the ward was counted twice before the result was declared.",
             "“We took our time to be sure,” the returning officer, Tom Reyes, said."],
}


def archive(path: Path, names: list[str]) -> Path:
    return write_warc(path, [
        record(f"https://courier.example/{name}", http_response(article_page(f"The {name}", STORIES[name])))
        for name in names])


@pytest.fixture
def archives(tmp_path) -> list[Path]:
    return [archive(tmp_path / "one.warc.gz", ["ferry", "mill"]), archive(tmp_path / "two.warc", ["vote"])]


def test_archives_on_a_local_cluster_give_the_local_output_byte_for_byte(
        archives, tmp_path, monkeypatch, capsysbinary):
    """Records read here and sent as text, or each archive read by a worker (--shared-fs)."""
    outputs, caches = {}, {}
    for engine, extra in (("local", ["--jobs", "1"]), ("dask", ["--dask", "local", "--jobs", "2"]),
                          ("shared", ["--dask", "local", "--jobs", "2", "--shared-fs"])):
        cache = tmp_path / f"cache-{engine}"
        monkeypatch.setenv("EXPLORER_CACHE_DIR", str(cache))
        assert main(["index", *map(str, archives), "--json", "--quiet", *extra]) == 0
        outputs[engine] = capsysbinary.readouterr().out
        caches[engine] = cached_documents(cache)
    assert outputs["dask"] == outputs["local"] == outputs["shared"]
    assert [a["path"] for a in json.loads(outputs["shared"])["articles"]] == [
        "https://courier.example/ferry", "https://courier.example/mill", "https://courier.example/vote"]
    assert caches["dask"] == caches["local"] == caches["shared"] and len(caches["shared"]) == 3


def test_with_shared_fs_each_archive_is_one_task_streamed_in_batches(archives, tmp_path, monkeypatch, capsys):
    """One task per archive, whose records are analysed a batch at a time."""
    from distributed import Client

    from explorer.store import dask_batch

    in_process_cluster(monkeypatch)
    monkeypatch.setattr(dask_batch, "ARCHIVE_BATCH", 1)
    read: list[tuple[str, ...]] = []
    analyse = dask_batch.analyse_chunk

    def spy(articles, model):
        read.append(tuple(a.path for a in articles))
        return analyse(articles, model)

    tasks: list[str] = []
    submit = Client.submit

    def submit_spy(self, function, *args, **options):
        tasks.append(f"{function.__name__} {Path(args[0]).name}")
        return submit(self, function, *args, **options)

    monkeypatch.setattr(dask_batch, "analyse_chunk", spy)
    monkeypatch.setattr(Client, "submit", submit_spy)
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    assert main(["index", *map(str, archives), "--dask", "local", "--shared-fs", "--quiet"]) == 0
    assert sorted(tasks) == ["analyse_archive one.warc.gz", "analyse_archive two.warc"]
    assert sorted(read) == [("https://courier.example/ferry",), ("https://courier.example/mill",),
                            ("https://courier.example/vote",)]
    assert capsys.readouterr().out.startswith("3 articles")


def test_with_shared_fs_what_is_cached_is_not_analysed_again(archives, tmp_path, monkeypatch, capsys):
    from explorer.store import dask_batch

    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    assert main(["index", *map(str, archives), "--jobs", "1", "--quiet"]) == 0
    capsys.readouterr()
    for corpus in (tmp_path / "cache" / "corpora").iterdir():
        corpus.unlink()  # the index is rebuilt from the analysis cache alone

    def never(articles, model):
        if articles:
            raise AssertionError("a cached article was analysed again")
        return []

    in_process_cluster(monkeypatch)
    monkeypatch.setattr(dask_batch, "analyse_chunk", never)
    assert main(["index", *map(str, archives), "--dask", "local", "--shared-fs",
                 "--speaker", "Marta Vidal"]) == 0
    assert capsys.readouterr().out.startswith("1 quotes by Marta Vidal")


def test_with_shared_fs_an_archive_that_fails_is_one_line_and_the_rest_go_on(
        archives, tmp_path, monkeypatch, capsys):
    """A missing archive (read on the worker) and a task that dies: one line each."""
    import explorer.sources.warc as warc

    real = warc.iter_warc_articles

    def breaks_on_two(path):
        if path.endswith("two.warc"):
            raise RuntimeError("the worker was lost")
        return real(path)

    in_process_cluster(monkeypatch)
    monkeypatch.setattr(warc, "iter_warc_articles", breaks_on_two)
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    missing = tmp_path / "missing.warc.gz"
    assert main(["index", *map(str, archives), str(missing), "--dask", "local", "--shared-fs",
                 "--json"]) == 1
    captured = capsys.readouterr()
    errors = captured.err.splitlines()
    assert len(errors) == 2
    assert any("missing.warc.gz" in e and "no such file" in e.lower() for e in errors)
    assert any("two.warc: the Dask task reading it failed (RuntimeError: the worker was lost)" in e
               for e in errors)
    assert [a["path"] for a in json.loads(captured.out)["articles"]] == [
        "https://courier.example/ferry", "https://courier.example/mill"]


def test_a_read_error_survives_pickling():
    """Workers send the records they could not read to the client, pickled."""
    import pickle

    from explorer.sources import SourceError

    error = pickle.loads(pickle.dumps(SourceError("https://courier.example/x", "no article text")))
    assert (error.path, error.reason, str(error)) == (
        "https://courier.example/x", "no article text", "https://courier.example/x: no article text")


def test_without_shared_fs_an_archive_is_read_here_and_sent_a_group_at_a_time(
        tmp_path, monkeypatch, capsys):
    """The client reads the records and sends groups of GROUP articles: one group held at a time."""
    import explorer.commands.index_dask as index_dask
    from explorer.commands import archives

    sent: list[int] = []
    on_cluster = index_dask.analyse_on_cluster

    def spy(client, articles, model, **options):
        sent.append(len(articles))
        return on_cluster(client, articles, model, **options)

    in_process_cluster(monkeypatch)
    monkeypatch.setattr(archives, "GROUP", 2)
    monkeypatch.setattr(index_dask, "analyse_on_cluster", spy)
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    crawl = archive(tmp_path / "crawl.warc.gz", ["ferry", "mill", "vote"])
    assert main(["index", str(crawl), "--dask", "local", "--quiet"]) == 0
    assert sent == [2, 1]
    assert capsys.readouterr().out.startswith("3 articles")
