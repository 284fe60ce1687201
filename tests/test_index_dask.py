"""``explorer index --dask``: the same output as the local path, resumable, failures reported."""

from __future__ import annotations

import json
import sqlite3
import sys
import zlib
from pathlib import Path

import pytest

from explorer.cli import main

pytest.importorskip("distributed")  # installed by the [test] extra; skipped only in a bare checkout

ARTICLES = {
    "a-ferry.txt": '"The ferry will sail at dawn," said Marta Vidal, the harbour master.\n',
    "b-mill.txt": "The mill closed in 2019. Workers said the owners had promised a buyer.\n",
    "c-vote.txt": '"We counted every ballot twice," the returning officer, Tom Reyes, said.\n',
}


@pytest.fixture
def folder(tmp_path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def cached_documents(cache: Path) -> dict[str, bytes]:
    with sqlite3.connect(cache / "analyses.sqlite3") as db:
        rows = db.execute("SELECT key, document FROM analyses").fetchall()
    return {key: zlib.decompress(blob) for key, blob in rows}


def test_a_local_cluster_of_two_workers_gives_the_local_output_byte_for_byte(
        folder, tmp_path, monkeypatch, capsysbinary):
    """Text sent to the workers, or (``--shared-fs``) paths the workers read."""
    outputs, caches = {}, {}
    for engine, extra in (("local", ["--jobs", "1"]), ("dask", ["--dask", "local", "--jobs", "2"]),
                          ("shared", ["--dask", "local", "--jobs", "2", "--shared-fs"])):
        cache = tmp_path / f"cache-{engine}"
        monkeypatch.setenv("EXPLORER_CACHE_DIR", str(cache))
        assert main(["index", str(folder), "--json", "--quiet", *extra]) == 0
        outputs[engine] = capsysbinary.readouterr().out
        caches[engine] = cached_documents(cache)
    assert outputs["dask"] == outputs["local"] == outputs["shared"]
    assert b"Marta Vidal" in outputs["dask"]
    assert caches["dask"] == caches["local"] == caches["shared"] and len(caches["dask"]) == 3


def test_cached_articles_are_never_sent_to_the_cluster(folder, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    assert main(["index", str(folder), "--quiet", "--jobs", "1"]) == 0
    capsys.readouterr()
    for corpus in (tmp_path / "cache" / "corpora").iterdir():
        corpus.unlink()  # the index is rebuilt from the analysis cache alone

    def no_cluster(*args):
        raise AssertionError("a cached article was sent to the cluster")

    monkeypatch.setattr("explorer.commands.index_dask.connect", no_cluster)
    assert main(["index", str(folder), "--dask", "tcp://nowhere:8786", "--speaker", "Marta Vidal"]) == 0
    assert capsys.readouterr().out.startswith("1 quotes by Marta Vidal")


def test_a_failed_article_is_reported_and_the_rest_are_indexed(folder, tmp_path, monkeypatch, capsys):
    """A threaded in-process cluster, so the failure can be planted in the worker's code."""
    from distributed import Client, LocalCluster

    from explorer.store import dask_batch

    real = dask_batch.analyze_safely

    def breaks_on_the_mill(articles, nlp, batch_size):
        if any("mill" in a.text for a in articles):
            raise RuntimeError("the worker was lost")
        return real(articles, nlp, batch_size)

    monkeypatch.setattr(dask_batch, "analyze_safely", breaks_on_the_mill)
    monkeypatch.setattr("explorer.commands.index_dask.connect", lambda address, workers: Client(
        LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None)))
    monkeypatch.setattr(dask_batch, "_chunks", lambda articles, jobs: [range(i, i + 1) for i in range(len(articles))])
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    assert main(["index", str(folder), "--dask", "local", "--json"]) == 1
    captured = capsys.readouterr()
    assert "b-mill.txt: analysis failed: RuntimeError: the worker was lost" in captured.err
    assert "a-ferry.txt" in captured.out and "c-vote.txt" in captured.out
    assert "b-mill.txt" not in captured.out


def test_without_the_extra_dask_says_how_to_install_it(folder, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "distributed", None)
    assert main(["index", str(folder), "--dask", "local"]) == 2
    assert 'pip install "article-explorer[dask]"' in capsys.readouterr().err


def in_process_cluster(monkeypatch) -> None:
    """One threaded worker in this process (same disk, and the test can plant faults in it)."""
    from distributed import Client, LocalCluster

    monkeypatch.setattr("explorer.commands.index_dask.connect", lambda address, workers: Client(
        LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None)))


def test_with_shared_fs_a_file_the_worker_cannot_read_is_one_line_and_the_rest_go_on(
        folder, tmp_path, monkeypatch, capsys):
    """The client read the files; by the time the worker reads them one is gone, one changed."""
    import explorer.commands.index_dask as index_dask

    in_process_cluster(monkeypatch)
    connect = index_dask.connect

    def connect_then_change_the_folder(address, workers):
        (folder / "b-mill.txt").unlink()
        (folder / "c-vote.txt").write_text("Another text altogether.\n", encoding="utf-8")
        return connect(address, workers)

    monkeypatch.setattr(index_dask, "connect", connect_then_change_the_folder)
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    assert main(["index", str(folder), "--dask", "local", "--shared-fs", "--json"]) == 1
    captured = capsys.readouterr()
    errors = captured.err.splitlines()
    assert len(errors) == 2
    assert any("b-mill.txt: cannot be read on the Dask worker:" in e and "no such file" in e.lower()
               for e in errors)
    assert any("c-vote.txt: changed on disk while it was being indexed" in e for e in errors)
    assert [a["path"] for a in json.loads(captured.out)["articles"]][0].endswith("a-ferry.txt")
    assert len(json.loads(captured.out)["articles"]) == 1
    assert len(cached_documents(tmp_path / "cache")) == 1  # nothing cached for the failed two


def test_shared_fs_without_dask_says_what_it_is_for(folder, capsys):
    assert main(["index", str(folder), "--shared-fs"]) == 2
    assert "--shared-fs is for --dask" in capsys.readouterr().err


def test_local_workers_keep_glibc_malloc_adaptive_and_run_no_profiler(monkeypatch):
    """Dask's default MALLOC_TRIM_THRESHOLD_ made every spaCy array an mmap (13% more CPU)."""
    import os

    import dask

    from explorer.store.dask_batch import close, connect

    monkeypatch.delenv("MALLOC_TRIM_THRESHOLD_", raising=False)
    client = connect("local", 1)
    try:
        [(trim, threads, profiling)] = client.run(lambda: (
            os.environ.get("MALLOC_TRIM_THRESHOLD_"), os.environ.get("OMP_NUM_THREADS"),
            dask.config.get("distributed.worker.profile.enabled"))).values()
    finally:
        close(client)
    assert trim is None and threads == "1" and profiling is False


def test_a_local_cluster_wakes_its_processes_seldom_while_they_wait():
    """Dask's 20 ms event-loop tick, 0.5 s system monitor and 0.1 s memory check cost
    3% of a core in this process and 1.4% in each worker, taken from spaCy's two cores."""
    import dask

    from explorer.store.dask_batch import close, connect

    keys = ("distributed.admin.tick.interval", "distributed.admin.system-monitor.interval",
            "distributed.worker.memory.monitor-interval")
    client = connect("local", 1)
    try:
        [on_worker] = client.run(lambda: [dask.config.get(key) for key in keys]).values()
        scheduler = client.cluster.scheduler
        in_client = (scheduler.periodic_callbacks["tick"].callback_time,
                     scheduler.periodic_callbacks["monitor"].callback_time)
    finally:
        close(client)
    assert on_worker == ["1s", "10s", "1s"]
    assert in_client == (1000, 10000)


def test_only_a_worker_in_its_own_process_of_a_cluster_this_run_closes_skips_teardown(monkeypatch):
    """Skipping the interpreter's teardown is for processes that are about to end anyway."""
    from types import SimpleNamespace

    from explorer.store import dask_batch

    registered = []
    monkeypatch.setattr(dask_batch.atexit, "register", registered.append)
    in_a_process, in_this_process = SimpleNamespace(nanny="tcp://127.0.0.1:1"), SimpleNamespace(nanny=None)
    dask_batch.make_plugin(None, exit_fast=True).teardown(in_this_process)
    dask_batch.make_plugin(None, exit_fast=False).teardown(in_a_process)
    assert registered == []
    dask_batch.make_plugin(None, exit_fast=True).teardown(in_a_process)
    assert registered == [dask_batch._exit_now]


def test_a_local_run_ends_its_worker_processes_cleanly(folder, tmp_path, monkeypatch):
    from explorer.store import dask_batch

    processes = []
    connect = dask_batch.connect

    def remember_the_worker_processes(address, workers):
        client = connect(address, workers)
        processes.extend(nanny.process.process for nanny in client.cluster.workers.values())
        return client

    monkeypatch.setattr("explorer.commands.index_dask.connect", remember_the_worker_processes)
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    assert main(["index", str(folder), "--quiet", "--dask", "local", "--jobs", "2"]) == 0
    assert [process.exitcode for process in processes] == [0, 0]
    assert len(cached_documents(tmp_path / "cache")) == 3
