"""``explorer index DIR --dask ADDRESS``: the analysis on a Dask cluster, cache and index here.

Cached articles are never sent. Results arrive as workers finish them and are
written to the cache at once, so an interrupted run resumes where it stopped.
A failed article is reported and the rest go on.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Iterable, Iterator, Sequence

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, ProgressColumn, TextColumn
from rich.text import Text

from explorer import model_json
from explorer.commands.analyze import REFRESH_EVERY_S
from explorer.commands.errors import report_error
from explorer.documents import Analysed
from explorer.model import Article
from explorer.store.batch import default_jobs, failed_document
from explorer.store.dask_batch import Unreadable, analyse_on_cluster, close, connect, dask_missing

__all__ = ["analyse_on_dask", "dask_missing"]


class RateColumn(ProgressColumn):
    """Articles per second since the start."""

    def render(self, task) -> Text:
        elapsed = task.elapsed or 0
        rate = task.completed / elapsed if elapsed > 0 else 0.0
        return Text(f"{rate:.1f} articles/s", style="progress.data.speed")


def analyse_on_dask(articles: Iterable[Article], args: argparse.Namespace, service) -> Iterator[Analysed]:
    """Each article's analysis (cache first, then the cluster), in completion order.

    A list goes to the cluster in one run; a stream (a web archive's records)
    in groups of ``archives.GROUP``, so its texts are never all held at once.
    The cluster is started only when some article is not in the cache.
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


def _analysed(article: Article, raw: str | Unreadable, model: str | None) -> Analysed:
    if isinstance(raw, Unreadable):
        failed = failed_document(article, RuntimeError(raw.reason), model)
        return Analysed(article, model_json.dumps(failed), raw.reason)
    error = json.loads(raw).get("error") if '"error":' in raw else None
    return Analysed(article, raw, error)
