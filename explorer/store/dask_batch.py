"""Analyse articles on a Dask cluster: each worker loads spaCy once, results stream back.

The client sends each chunk's articles (text and header, pickled) to a worker
and gets back each article's contract JSON, the same bytes ``batch.py``
produces on this machine. Only the client writes the cache and the corpus
index. Needs the ``[dask]`` extra (``dask[distributed]``); nothing here is
imported unless ``--dask`` is given.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from explorer import model_json
from explorer.model import Article
from explorer.store.batch import BATCH_SIZE, _chunks, analyze_safely, failed_document

PLUGIN_NAME = "explorer-pipeline"
INSTALL_HINT = ('--dask needs the optional Dask extra: pip install "article-explorer[dask]" '
                '(in a checkout: pip install -e ".[dask]")')

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


def make_plugin(model: str | None):
    """A worker plugin that loads the pipeline when a worker starts (or joins later)."""
    from distributed import WorkerPlugin

    class LoadPipeline(WorkerPlugin):
        name = PLUGIN_NAME

        def __init__(self, model: str | None) -> None:
            self.model = model

        def setup(self, worker) -> None:
            _load(self.model)

    return LoadPipeline(model)


def analyse_chunk(articles: Sequence[Article], model: str | None) -> list[str]:
    """Runs on a worker: the chunk's analyses as contract JSON, in order."""
    nlp = _load(model)
    return [model_json.dumps(doc) for doc in analyze_safely(articles, nlp, BATCH_SIZE)]


@dataclass(frozen=True, slots=True)
class ChunkResult:
    """One finished chunk: its articles and their JSON, or the error that lost them all."""

    articles: tuple[Article, ...]
    json: tuple[str, ...] = ()
    error: BaseException | None = None

    def failed_json(self, model: str | None) -> list[str]:
        """A failed document for each article of a lost chunk, saying what went wrong."""
        return [model_json.dumps(failed_document(a, self.error, model)) for a in self.articles]


def connect(address: str, workers: int):
    """A client on the scheduler at ``address``, or on a new local cluster for ``"local"``."""
    from distributed import Client, LocalCluster

    try:
        if address == "local":
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


def analyse_on_cluster(client, articles: Sequence[Article], model: str | None) -> Iterator[ChunkResult]:
    """Each chunk's result as soon as it is done (completion order, not input order).

    Long chunks go first, so no long one starts last. A chunk whose task fails
    (a worker died, a model is missing there) comes back with ``error`` set.
    """
    from distributed import as_completed

    client.register_plugin(make_plugin(model), name=PLUGIN_NAME)
    threads = max(1, sum(client.nthreads().values()))
    chunks = _chunks(articles, threads)  # about six per thread, of equal text length
    chunks.sort(key=lambda r: -sum(len(articles[i].text) for i in r))
    futures = {}
    for chunk in chunks:
        batch = tuple(articles[i] for i in chunk)
        future = client.submit(analyse_chunk, list(batch), model, pure=False)
        futures[future] = batch
    for future in as_completed(futures):
        batch = futures.pop(future)
        try:
            yield ChunkResult(batch, tuple(future.result()))
        except Exception as exc:  # noqa: BLE001 - one lost chunk must not stop the rest
            yield ChunkResult(batch, error=exc)
        future.release()
