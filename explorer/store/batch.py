"""Analyse many articles fast: ``nlp.pipe`` batches, spread over worker processes.

Results come back as contract JSON in input order whatever the parallelism, so
the caller can print or cache them as they arrive. spaCy is imported only here,
inside the function that needs it, never when the module is imported.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import multiprocessing
import os
import signal
import threading
import time
import traceback
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from functools import partial

from explorer import model_json
from explorer.model import Article, Engine, ParsedDocument

BATCH_SIZE = 16
PARALLEL_MIN_ARTICLES = 16
"""Below this many articles a second process costs more (spaCy load) than it saves."""
CHUNKS_PER_JOB = 6
"""Enough pieces of work that the last one to finish leaves the other workers little idle time."""


def default_jobs() -> int:
    return os.cpu_count() or 1


def failed_document(article: Article, exc: BaseException, model: str | None) -> ParsedDocument:
    """A document with no items and ``error`` set: the text still shows, the rest keeps going."""
    detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
    return ParsedDocument(
        article=article, engine=Engine(explorer="", spacy="", model=model or ""), error=detail
    )


def analyze_safely(articles: Sequence[Article], nlp, batch_size: int = BATCH_SIZE) -> list[ParsedDocument]:
    """Batched analysis; if a rule fails on the batch, redo it one article at a time.

    Only the article that breaks a rule comes back as a failed document.
    """
    return list(iter_safely(articles, nlp, batch_size))


def iter_safely(articles: Sequence[Article], nlp, batch_size: int = BATCH_SIZE) -> Iterator[ParsedDocument]:
    """``analyze_safely``, each document as soon as it is done (a stopped run keeps it)."""
    from explorer.analysis import analyze, analyze_many, engine_for

    done = 0
    documents = analyze_many(articles, nlp, batch_size=batch_size)
    try:
        for _ in articles:
            yield next(documents)  # never bound to a name here: a long article's model is freed once used
            done += 1
        return
    except Exception:  # noqa: BLE001, S110 - find the culprit below
        pass
    for article in articles[done:]:
        try:
            yield analyze(article, nlp)
        except Exception as exc:  # noqa: BLE001 - one bad article must not stop a folder
            yield failed_document(article, exc, engine_for(nlp).model)


_worker_model: str | None = None
ORPHAN_CHECK_S = 0.5
"""Where the kernel cannot kill a worker with its parent, how often it looks for the parent."""
PR_SET_PDEATHSIG = 1
"""From <linux/prctl.h>: the signal a process gets when its parent dies."""
_STOP_SIGNALS = {getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)}


def _worker_init(model: str | None) -> None:
    """Ctrl-C is the parent's to handle (it stops the pool); a worker dies with its parent."""
    global _worker_model
    _worker_model = model
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, signal.SIG_IGN)  # a closed terminal: the parent stops the pool
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the parent's handler is not ours: terminate() kills
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)  # blocked while forking
    _die_with_parent()



@contextmanager
def _stop_signals_blocked() -> Iterator[None]:
    """Hold Ctrl-C and SIGTERM while the pool forks its workers.

    Arriving mid-fork, the parent's handler would run inside an at-fork hook, which
    swallows the KeyboardInterrupt, or in a worker before it ignores Ctrl-C. Held,
    they reach the parent once its pool can be stopped, and the workers not at all.
    """
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)


def _die_with_parent() -> None:
    """Exit when the parent process goes, even by SIGKILL, instead of parsing on for nobody.

    Linux delivers SIGKILL on the parent's death (``PR_SET_PDEATHSIG``); elsewhere a
    thread notices the worker has been re-parented.
    """
    known = multiprocessing.parent_process()
    parent = known.pid if known is not None and known.pid else os.getppid()
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0:
            if os.getppid() != parent:  # the parent died before the call took effect
                os._exit(1)
            return
    except (OSError, AttributeError, TypeError):
        pass

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(ORPHAN_CHECK_S)
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="orphan-watch").start()


def _analyze_chunk(chunk: Sequence[Article], batch_size: int) -> list[str]:
    """Runs in a worker process; the pipeline is loaded on the first chunk and kept."""
    from explorer.analysis import load_pipeline  # raises ModelNotFound back to the parent

    nlp = load_pipeline(_worker_model)
    return [model_json.dumps(doc) for doc in analyze_safely(chunk, nlp, batch_size)]


def _chunks(articles: Sequence[Article], jobs: int) -> list[range]:
    """Runs of consecutive articles of about equal text length (parse time follows length).

    Counting articles would not do: one long live blog can outweigh twenty reports.
    """
    target = sum(len(a.text) for a in articles) / (jobs * CHUNKS_PER_JOB)
    chunks: list[range] = []
    start = size = 0
    for index, article in enumerate(articles):
        if size and size + len(article.text) > target:
            chunks.append(range(start, index))  # a long article starts a chunk of its own
            start, size = index, 0
        size += len(article.text)
    if start < len(articles):
        chunks.append(range(start, len(articles)))
    return chunks


def _analyze_numbered_chunk(numbered: tuple[int, Sequence[Article]], batch_size: int) -> tuple[int, list[str]]:
    number, chunk = numbered
    return number, _analyze_chunk(chunk, batch_size)


def analyze_to_json(
    articles: Sequence[Article],
    model: str | None = None,
    *,
    jobs: int = 1,
    batch_size: int = BATCH_SIZE,
    nlp=None,
) -> Iterator[tuple[int, str]]:
    """Each article's analysis as contract JSON with its index in ``articles``, as it is done.

    Small inputs (or ``jobs=1``) stay in this process and come in order; larger ones
    go to ``jobs`` worker processes, each loading the pipeline once, and come in the
    order their chunks finish, so the caller can store each result at once and put
    them in order itself.
    """
    if not articles:
        return
    if jobs <= 1 or len(articles) < PARALLEL_MIN_ARTICLES:
        if nlp is None:
            from explorer.analysis import load_pipeline

            nlp = load_pipeline(model)
        for start in range(0, len(articles), batch_size * 4):
            documents = iter_safely(articles[start : start + batch_size * 4], nlp, batch_size)
            for index in range(start, min(start + batch_size * 4, len(articles))):
                yield index, model_json.dumps(next(documents))
        return
    # fork shares the parent's imports; the parent has no helper threads running here.
    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    context = multiprocessing.get_context(method)
    chunks = _chunks(articles, jobs)
    # Longest first, so no long chunk starts last while the other workers sit idle.
    longest_first = sorted(
        range(len(chunks)), key=lambda n: -sum(len(articles[i].text) for i in chunks[n])
    )
    work = [(n, [articles[i] for i in chunks[n]]) for n in longest_first]
    with ExitStack() as stack:
        with _stop_signals_blocked():
            # Entered before the signals are let through, so a held Ctrl-C terminates it.
            pool = stack.enter_context(
                context.Pool(min(jobs, len(chunks)), initializer=_worker_init, initargs=(model,))
            )
        analyse = partial(_analyze_numbered_chunk, batch_size=batch_size)
        for number, results in pool.imap_unordered(analyse, work):
            yield from zip(chunks[number], results)
