"""``explorer analyze``: analyse articles and print a summary, JSON or JSON Lines."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing, contextmanager
from typing import TYPE_CHECKING

from rich.console import Console

from explorer.commands.errors import report_error, report_warning
from explorer.commands.inputs import iter_inputs, note_on_stderr
from explorer.model import Article
from explorer.sources import SourceError

if TYPE_CHECKING:
    from explorer.documents import Analysed

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2
REFRESH_EVERY_S = 0.1


def read_inputs(paths: Sequence[str], refresh: bool = False) -> tuple[list[Article], bool]:
    """The readable articles, in argument order (folders sorted); errors and warnings go to stderr."""
    articles: list[Article] = []
    failed = False
    for item in iter_inputs(paths, refresh=refresh, note=note_on_stderr):
        if isinstance(item, SourceError):
            report_error(str(item))
            failed = True
        else:
            for warning in item.warnings:
                report_warning(f"{item.path}: {warning}")
            articles.append(item)
    return articles, failed


def model_not_found(exc: BaseException) -> bool:
    """Is this the loader's ModelNotFound? Checked without importing spaCy for nothing."""
    loader = sys.modules.get("explorer.analysis.loader")
    return loader is not None and isinstance(exc, loader.ModelNotFound)


@contextmanager
def progress_bar(
    total: int, *, quiet: bool, console: Console | None = None
) -> Iterator[Callable[[int], None]]:
    """A Rich progress bar on stderr, only when stderr is a terminal; yields ``advance(n)``."""
    console = console or Console(stderr=True)
    if quiet or total < 2 or not console.is_terminal:
        yield lambda n: None
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
    )

    # No refresh thread: worker processes are forked while the bar is up. No redirection:
    # Rich would otherwise route our stdout (the JSON) through the stderr console.
    with Progress(
        TextColumn("analysing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        console=console, auto_refresh=False, transient=True,
        redirect_stdout=False, redirect_stderr=False,
    ) as progress:
        task = progress.add_task("analysing", total=total)
        last = 0.0

        def advance(n: int) -> None:
            nonlocal last
            progress.advance(task, n)
            now = time.monotonic()
            if now - last >= REFRESH_EVERY_S:
                progress.refresh()
                last = now

        yield advance


def analyse_with_progress(articles: Sequence[Article], args: argparse.Namespace) -> Iterator[Analysed]:
    """Every article's analysis in input order, under the progress bar.

    Failures are reported on stderr here and still yielded (``error`` set), so
    the caller can count them.
    """
    from explorer.documents import DocumentService
    from explorer.store.batch import default_jobs
    from explorer.store.cache import AnalysisCache

    cache = None if args.no_cache else AnalysisCache(on_problem=lambda p: report_warning(f"analysis cache: {p}"))
    service = DocumentService(model=args.model, use_cache=not args.no_cache, cache=cache)
    with progress_bar(len(articles), quiet=args.quiet) as advance, closing(
        service.analyze_many_json(articles, jobs=args.jobs or default_jobs(), on_progress=advance)
    ) as results:
        for analysed in results:
            if analysed.error is not None:
                report_error(f"{analysed.article.path or '<stdin>'}: analysis failed: {analysed.error}")
            yield analysed


def run_analyze(args: argparse.Namespace) -> int:
    from explorer.sources.addresses import is_warc

    if not args.json and any(is_warc(path) for path in args.paths):
        from explorer.commands.archives import analyze_streamed

        return analyze_streamed(args)
    articles, failed = read_inputs(args.paths, refresh=args.refresh)
    if args.json and len(articles) + failed > 1:
        report_error("--json prints one article; use --jsonl for several")
        return EXIT_USAGE
    if not articles:
        if not failed:
            report_error("no readable articles found")
        return EXIT_SOME_FAILED
    console = Console()
    out = sys.stdout
    from explorer.store.correction_files import CorrectionStore

    corrections = CorrectionStore()
    try:
        with closing(analyse_with_progress(articles, args)) as results:
            for analysed in results:
                analysed = corrections.apply_to_analysed(analysed, report_error)
                if analysed.error is not None:
                    failed = True
                elif args.jsonl:
                    out.write(analysed.json + "\n")
                elif args.json:
                    out.write(json_indented(analysed.json))  # not + "\n": a copy of a long article's JSON
                    out.write("\n")
                else:
                    from explorer.report import summary

                    console.print(summary(analysed.document()))
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, as other command-line tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_SOME_FAILED
    except Exception as exc:
        if not model_not_found(exc):
            raise
        report_error(str(exc))
        return EXIT_USAGE if args.model else EXIT_SOME_FAILED
    return EXIT_SOME_FAILED if failed else EXIT_OK


def json_indented(raw: str) -> str:
    import json

    from explorer.model_json import json_text

    return json_text(json.loads(raw), indent=2)
