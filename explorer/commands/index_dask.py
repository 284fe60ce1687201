"""``explorer index DIR --dask ADDRESS``: the analysis on a Dask cluster, cache and index here.

Cached articles are never sent. Results arrive as workers finish them and are
written to the cache at once, so an interrupted run resumes where it stopped.
A failed article is reported and the rest go on.
"""

from __future__ import annotations

import argparse
import json
import pickle
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import suppress
from functools import partial
from typing import TYPE_CHECKING

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn
from rich.text import Text

from explorer import model_json
from explorer.commands.analyze import REFRESH_EVERY_S
from explorer.commands.errors import report_error
from explorer.documents import Analysed
from explorer.model import Article
from explorer.store.batch import default_jobs, failed_document
from explorer.store.dask_batch import (
    PLUGIN_NAME,
    Unreadable,
    analyse_archive,
    analyse_on_cluster,
    close,
    connect,
    dask_missing,
    make_plugin,
)

if TYPE_CHECKING:
    from explorer.commands.archives import ReadStream

__all__ = ["analyse_on_dask", "dask_missing"]


class RateColumn(ProgressColumn):
    """Articles per second since the start."""

    def render(self, task) -> Text:
        elapsed = task.elapsed or 0
        rate = task.completed / elapsed if elapsed > 0 else 0.0
        return Text(f"{rate:.1f} articles/s", style="progress.data.speed")


def analyse_on_dask(articles: Iterable[Article], args: argparse.Namespace, service,
                    remote: ReadStream | None = None,
                    select: Callable[[Article], bool] | None = None) -> Iterator[Analysed]:
    """Each article's analysis (cache first, then the cluster), in completion order.

    A list goes to the cluster in one run; a stream (a web archive's records)
    in groups of ``archives.GROUP``, so its texts are never all held at once.
    Then each archive of ``remote`` is one task: a worker reads it and the
    articles ``select`` accepts are analysed there. The cluster is started
    only when some article is not in the cache, or for remote archives.
    """
    from explorer.commands import archives

    client = None
    groups = [articles] if isinstance(articles, Sequence) else archives.groups(articles)
    try:
        for group in groups:
            pending: list[Article] = []
            for article in group:
                found = service.cached_json(article) if service.use_cache else None
                if found is not None:
                    yield found
                else:
                    pending.append(article)
            if pending:
                client = client or connect(args.dask, args.jobs or default_jobs())
                yield from _on_cluster(client, pending, args, service)
        if remote is not None and remote.archives:
            client = client or connect(args.dask, args.jobs or default_jobs())
            yield from _archives_on_cluster(client, remote, args, service, select or (lambda a: True))
    finally:
        if client is not None:
            close(client)


def _on_cluster(client, pending: list[Article], args: argparse.Namespace, service) -> Iterator[Analysed]:
    console = Console(stderr=True)
    show = not args.quiet and console.is_terminal and len(pending) > 1
    with Progress(TextColumn("analysing on Dask"), BarColumn(), MofNCompleteColumn(),
                  RateColumn(), console=console, auto_refresh=False, transient=True,
                  disable=not show, redirect_stdout=False, redirect_stderr=False) as progress:
        task = progress.add_task("analysing", total=len(pending))
        last = 0.0
        for result in analyse_on_cluster(client, pending, args.model, shared_fs=args.shared_fs):
            raws = result.json if result.error is None else result.failed_json(args.model)
            done = [_analysed(article, raw, args.model) for article, raw in zip(result.articles, raws)]
            if service.use_cache:
                service.store_json(done)
            for analysed, raw in zip(done, raws):
                if isinstance(raw, Unreadable):
                    report_error(f"{analysed.article.path}: {raw.reason}")
                elif analysed.error is not None:
                    report_error(f"{analysed.article.path or '<stdin>'}: analysis failed: "
                                 f"{analysed.error}")
                yield analysed
            progress.advance(task, len(done))
            if time.monotonic() - last >= REFRESH_EVERY_S:
                progress.refresh()
                last = time.monotonic()


def _archives_on_cluster(client, remote: ReadStream, args: argparse.Namespace, service,
                         select: Callable[[Article], bool]) -> Iterator[Analysed]:
    """One task per archive; answer each batch a worker read, take in what it analysed."""
    from distributed import Queue

    name = f"explorer-{uuid.uuid4().hex}"
    results = Queue(name, client=client)
    replies = [Queue(f"{name}-{n}", client=client) for n in range(len(remote.archives))]
    client.register_plugin(make_plugin(args.model, exit_fast=client.cluster is not None),
                           name=PLUGIN_NAME)
    tasks = {n: client.submit(analyse_archive, path, args.model, name, n, pure=False)
             for n, path in enumerate(remote.archives)}
    for n, task in tasks.items():
        task.add_done_callback(partial(_say_if_lost, results, n))
    waiting: dict[int, list[Article]] = {}
    console = Console(stderr=True)
    with Progress(TextColumn("analysing archives on Dask"), MofNCompleteColumn(), RateColumn(),
                  console=console, auto_refresh=False, transient=True,
                  disable=args.quiet or not console.is_terminal,
                  redirect_stdout=False, redirect_stderr=False) as progress:
        bar = progress.add_task("analysing", total=None)
        while tasks:
            kind, n, payload = pickle.loads(results.get())
            if kind == "lost":
                if tasks.pop(n, None) is None:
                    continue  # it had ended: its future was released after its last message
                waiting.pop(n, None)
                report_error(f"{remote.archives[n]}: the Dask task reading it failed ({payload}); "
                             "its articles not yet indexed are missing")
                remote.failed = True
                continue
            if kind == "read":
                articles = [item for item in payload if remote.took(item)]
                cached, todo, wanted = [], [], []
                for number, article in enumerate(articles):
                    if not select(article):
                        continue
                    found = service.cached_json(article) if service.use_cache else None
                    if found is not None:
                        cached.append(found)
                    else:
                        wanted.append(number)
                        todo.append(article)
                waiting[n] = todo
                replies[n].put(wanted)
                yield from cached
            elif kind == "done":
                done = [_analysed(a, raw, args.model) for a, raw in zip(waiting.pop(n), payload)]
                if service.use_cache:
                    service.store_json(done)
                for analysed in done:
                    if analysed.error is not None:
                        report_error(f"{analysed.article.path}: analysis failed: {analysed.error}")
                    yield analysed
                progress.advance(bar, len(done))
                progress.refresh()
            else:  # "end"
                tasks.pop(n).release()
    for queue in (results, *replies):
        queue.close()


def _say_if_lost(results, n: int, task) -> None:
    """A failed archive task sends no more messages: its callback tells the waiting client."""
    if task.status == "finished":
        return
    problem = task.exception() if task.status == "error" else "cancelled"
    with suppress(Exception):  # the run is being closed: nobody is waiting
        results.put(pickle.dumps(("lost", n, f"{type(problem).__name__}: {problem}"
                                  if isinstance(problem, BaseException) else problem)))


def _analysed(article: Article, raw: str | Unreadable, model: str | None) -> Analysed:
    if isinstance(raw, Unreadable):
        failed = failed_document(article, RuntimeError(raw.reason), model)
        return Analysed(article, model_json.dumps(failed), raw.reason)
    error = json.loads(raw).get("error") if '"error":' in raw else None
    return Analysed(article, raw, error)
