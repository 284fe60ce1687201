"""Analyse articles on a Dask cluster: each worker loads spaCy once, results stream back.

The client sends each chunk's articles (text and header, pickled) to a worker,
or with ``shared_fs`` only their paths, and gets back each article's contract
JSON, the same bytes ``batch.py`` produces on this machine. Only the client
writes the cache and the corpus index. Needs the ``[dask]`` extra
(``dask[distributed]``); nothing here is imported unless ``--dask`` is given.
"""

from __future__ import annotations

import atexit
import logging
import os
import pickle
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from explorer import model_json
from explorer.model import Article
from explorer.store.batch import (
    BATCH_SIZE,
    CHUNKS_PER_JOB,
    _chunks,
    analyze_safely,
    failed_document,
)
from explorer.store.corpus import content_key

PLUGIN_NAME = "explorer-pipeline"
INSTALL_HINT = ('--dask needs the optional Dask extra: pip install "article-explorer[dask]" '
                '(in a checkout: pip install -e ".[dask]")')
CHUNKS_PER_THREAD = 2 * CHUNKS_PER_JOB
"""A task costs the scheduler milliseconds; many small chunks, longest first, leave
the last worker to finish little to do alone (a process pool uses 6 per process)."""
LOCAL_CLUSTER_CONFIG = {
    "distributed.nanny.pre-spawn-environ.MALLOC_TRIM_THRESHOLD_": None,
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "10s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.scheduler.worker-saturation": 1.0,
}
"""Dask settings for ``--dask local`` (docs/scaling.md gives them for real workers).

Dask's nanny starts each worker with ``MALLOC_TRIM_THRESHOLD_=65536``, which
also turns off glibc's adaptive mmap threshold: every large array spaCy makes
is then mapped and unmapped afresh, 13% more CPU per article (measured); None
unsets it (Dask's documented override), the thread limits beside it stay. The
worker's statistical profiler samples its stack every 10 ms for a dashboard a
local run does not start. Every process of the cluster (the scheduler and
the nannies in this one, each worker) also wakes 50 times a second to check
its event loop is not blocked (a warning after 3 s of blocking needs no
20 ms resolution), twice a second to sample its CPU, memory and network for
the dashboard, and ten times a second to compare its memory with the limit:
idle, that was 3% of a core here and 1.4% in each worker, 0.5% and 0.2% with
these intervals (docs/scaling.md). The memory limit is still enforced, within
a second instead of 0.1 s. A worker is sent its next task when it finishes
one (Dask's default 1.1 sends a second task to a one-thread worker ahead, so
near the end one worker could hold two while the other had none): the idle
tail went from 0.22-0.48 s to 0.07-0.27 s, for milliseconds between tasks.
"""

_pipeline = None
"""The worker process's spaCy pipeline, loaded once by ``LoadPipeline.setup``."""
_pipeline_model: str | None = None


class DaskUnavailable(RuntimeError):
    """Dask is not installed, or the scheduler cannot be reached; the message says which."""


def dask_missing() -> str | None:
    """Why ``--dask`` cannot run here (the extra is not installed), or None."""
    try:
        import distributed  # noqa: F401
    except ImportError:
        return INSTALL_HINT
    return None


def _load(model: str | None):
    global _pipeline, _pipeline_model
    if _pipeline is None or _pipeline_model != model:
        from explorer.analysis import load_pipeline

        _pipeline, _pipeline_model = load_pipeline(model), model
    return _pipeline


def _exit_now() -> None:
    """The end of a closed worker's process: what it printed is flushed, nothing else is freed."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0)


def make_plugin(model: str | None, *, exit_fast: bool = False):
    """A worker plugin that loads the pipeline when a worker starts (or joins later).

    With ``exit_fast`` (a cluster this run started and will close), a worker
    process that has closed skips the interpreter's teardown, which frees
    spaCy object by object: ``cluster.close()`` took 0.3-0.7 s with it,
    0.03-0.05 s without, and the system takes the memory back at once either
    way. Only a worker its nanny started in a process of its own does this,
    once it has closed, its results sent and its comms shut; a worker in the
    client's own process never does. A re-registered plugin's teardown (the
    worker lives on) only arms the same exit for later.
    """
    from distributed import WorkerPlugin

    class LoadPipeline(WorkerPlugin):
        name = PLUGIN_NAME

        def __init__(self, model: str | None, exit_fast: bool) -> None:
            self.model = model
            self.exit_fast = exit_fast

        def setup(self, worker) -> None:
            _load(self.model)

        def teardown(self, worker) -> None:
            if self.exit_fast and worker.nanny is not None:
                atexit.register(_exit_now)

    return LoadPipeline(model, exit_fast)


@dataclass(frozen=True, slots=True)
class FileRef:
    """An article sent by path (``--shared-fs``): where it is and what the client read there."""

    path: str
    digest: str


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A worker could not read a file the client sent by path; ``reason`` is one line."""

    reason: str


def by_path(article: Article) -> FileRef | Article:
    """A file's reference for a worker that shares the disk; a page or stdin goes as text."""
    path = article.path
    if not path or path == "-" or "://" in path:
        return article
    return FileRef(os.path.abspath(path), content_key(article))


def analyse_chunk(articles: Sequence[Article], model: str | None) -> list[str]:
    """Runs on a worker: the chunk's analyses as contract JSON, in order."""
    nlp = _load(model)
    return [model_json.dumps(doc) for doc in analyze_safely(articles, nlp, BATCH_SIZE)]


def analyse_files(files: Sequence[FileRef | Article], model: str | None) -> list[str | Unreadable]:
    """Runs on a worker: each file read from the shared path, then analysed as a chunk.

    A file the worker cannot read, or that is not what the client read (it
    changed in between), comes back as ``Unreadable`` and the others go on.
    Articles that have no file (web pages) come as they are.
    """
    from explorer.sources import SourceError
    from explorer.sources.reader import read_article

    results: list[str | Unreadable | None] = []
    readable: list[Article] = []
    for ref in files:
        if isinstance(ref, Article):
            results.append(None)
            readable.append(ref)
            continue
        try:
            article = read_article(ref.path)
        except SourceError as exc:
            results.append(Unreadable(f"cannot be read on the Dask worker: {exc.reason}"))
            continue
        if content_key(article) != ref.digest:
            results.append(Unreadable("changed on disk while it was being indexed; index it again"))
            continue
        results.append(None)
        readable.append(article)
    done = iter(analyse_chunk(readable, model) if readable else ())
    return [next(done) if found is None else found for found in results]


@dataclass(frozen=True, slots=True)
class ChunkResult:
    """One finished chunk: its articles and their JSON, or the error that lost them all."""

    articles: tuple[Article, ...]
    json: tuple[str | Unreadable, ...] = ()
    error: BaseException | None = None

    def failed_json(self, model: str | None) -> list[str]:
        """A failed document for each article of a lost chunk, saying what went wrong."""
        return [model_json.dumps(failed_document(a, self.error, model)) for a in self.articles]


def connect(address: str, workers: int):
    """A client on the scheduler at ``address``, or on a new local cluster for ``"local"``."""
    import dask
    from distributed import Client, LocalCluster

    try:
        if address == "local":
            with dask.config.set(LOCAL_CLUSTER_CONFIG):
                cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                       dashboard_address=None, silence_logs=logging.ERROR)
            return Client(cluster)
        return Client(address, timeout="15s")
    except (OSError, TimeoutError) as exc:
        raise DaskUnavailable(f"could not reach the Dask scheduler at {address}: {exc}") from None


def close(client) -> None:
    """Close the client and, for ``local``, the cluster it started."""
    cluster = client.cluster
    client.close()
    if cluster is not None:
        cluster.close()


def analyse_on_cluster(client, articles: Sequence[Article], model: str | None, *,
                       shared_fs: bool = False) -> Iterator[ChunkResult]:
    """Each chunk's result as soon as it is done (completion order, not input order).

    Chunks of about equal text length, longest first, so no long one starts
    last. With ``shared_fs`` the workers get paths and read the files
    themselves. A chunk whose task fails (a worker died, a model is missing
    there) comes back with ``error`` set.
    """
    from distributed import as_completed

    client.register_plugin(make_plugin(model, exit_fast=client.cluster is not None),
                           name=PLUGIN_NAME)
    threads = max(1, sum(client.nthreads().values()))
    chunks = _chunks(articles, threads * CHUNKS_PER_THREAD // CHUNKS_PER_JOB)
    chunks.sort(key=lambda r: -sum(len(articles[i].text) for i in r))
    futures = {}
    for chunk in chunks:
        batch = tuple(articles[i] for i in chunk)
        if shared_fs:
            future = client.submit(analyse_files, [by_path(a) for a in batch], model, pure=False)
        else:
            future = client.submit(analyse_chunk, list(batch), model, pure=False)
        futures[future] = batch
    for future in as_completed(futures):
        batch = futures.pop(future)
        try:
            yield ChunkResult(batch, tuple(future.result()))
        except Exception as exc:  # noqa: BLE001 - one lost chunk must not stop the rest
            yield ChunkResult(batch, error=exc)
        future.release()


ARCHIVE_BATCH = 16
"""Articles of an archive read, checked with the client and analysed together on a worker."""
REPLY_TIMEOUT_S = 600
"""How long a worker waits for the client's answer (it comes in milliseconds) before it
gives the archive up: a client that was stopped must not hold a worker thread for long."""


def analyse_archive(path: str, model: str | None, queue: str, task: int) -> int:
    """Runs on a worker (``--shared-fs``): one web archive, read and analysed as a stream.

    Records are read a batch of ``ARCHIVE_BATCH`` at a time. Each batch (its
    articles and read errors) goes to the client, which answers which articles
    it needs analysed (not in its index or cache); those are analysed here and
    their JSON sent back. So at most one batch of the archive is in memory, and
    the client does its bookkeeping as for any other article. Messages are
    pickled and pass through the scheduler's queues (``distributed.Queue``).
    Returns the number of articles read.
    """
    from distributed import Queue

    from explorer.sources.warc import iter_warc_articles

    results, replies = Queue(queue), Queue(f"{queue}-{task}")
    read = 0
    batch: list = []

    def send() -> None:
        results.put(pickle.dumps(("read", task, batch)))
        wanted = set(replies.get(timeout=REPLY_TIMEOUT_S))
        articles = [item for item in batch if isinstance(item, Article)]
        todo = [a for number, a in enumerate(articles) if number in wanted]
        results.put(pickle.dumps(("done", task, analyse_chunk(todo, model) if todo else [])))
        batch.clear()

    for item in iter_warc_articles(path):
        read += isinstance(item, Article)
        batch.append(item)
        if len(batch) >= ARCHIVE_BATCH:
            send()
    if batch:
        send()
    results.put(pickle.dumps(("end", task, None)))
    return read
