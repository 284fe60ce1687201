"""Web archives read, analysed and written a group at a time (``analyze``, ``index``).

A news crawl holds tens of thousands of pages. Gathering every extracted
article before the first analysis would hold them all in memory and print
nothing for minutes; here at most ``GROUP`` articles are held at once, so
memory stays the same whatever the archive's size, and results come out as
the archive is read. Output and exit codes are those of ``run_analyze``
(``--jsonl`` or the summaries) and ``run_index``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice

from explorer.commands.analyze import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, model_not_found
from explorer.commands.errors import report_error, report_warning
from explorer.commands.inputs import iter_inputs, note_on_stderr
from explorer.model import Article
from explorer.sources import SourceError
from explorer.sources.addresses import is_warc

GROUP = 512
"""Articles analysed together: enough for worker processes to pay off, few enough to hold."""


class ReadStream:
    """The readable articles of the arguments, read as they are asked for (once).

    Read errors and warnings go to stderr as they come; ``count`` and
    ``failed`` say afterwards what was read. With ``remote_archives`` the web
    archives among the arguments are not read here but listed in ``archives``
    (absolute paths), for Dask workers to read (``--shared-fs``); what they
    read is accounted for with ``took``.
    """

    def __init__(self, paths: Sequence[str], *, refresh: bool = False,
                 remote_archives: bool = False) -> None:
        self.refresh = refresh
        self.paths = [p for p in paths if not (remote_archives and is_warc(p))]
        self.archives = [os.path.abspath(p) for p in paths if remote_archives and is_warc(p)]
        self.count = 0
        self.failed = False

    def __iter__(self) -> Iterator[Article]:
        for item in iter_inputs(self.paths, refresh=self.refresh, note=note_on_stderr):
            if self.took(item):
                yield item

    def took(self, item: Article | SourceError) -> bool:
        """Count an article read (its warnings said) or report an error; True for an article."""
        if isinstance(item, SourceError):
            report_error(str(item))
            self.failed = True
            return False
        for warning in item.warnings:
            report_warning(f"{item.path}: {warning}")
        self.count += 1
        return True


def groups(articles: Iterable[Article]) -> Iterator[list[Article]]:
    """Consecutive lists of at most ``GROUP`` articles, each read only when the last is done."""
    stream = iter(articles)
    while group := list(islice(stream, GROUP)):
        yield group


def analyze_streamed(args: argparse.Namespace) -> int:
    """``analyze`` over inputs with a web archive: JSON Lines or the summaries, a group at a time."""
    from rich.console import Console

    from explorer.documents import DocumentService
    from explorer.store.batch import default_jobs
    from explorer.store.correction_files import CorrectionStore

    service = DocumentService(model=args.model, use_cache=not args.no_cache)
    corrections = CorrectionStore()
    console = Console()
    jobs = args.jobs or default_jobs()
    inputs = ReadStream(args.paths, refresh=args.refresh)
    failed = False
    written = 0
    try:
        for group in groups(inputs):
            for analysed in service.analyze_many_json(group, jobs=jobs):
                analysed = corrections.apply_to_analysed(analysed, report_error)
                if analysed.error is not None:
                    report_error(f"{analysed.article.path}: analysis failed: {analysed.error}")
                    failed = True
                    continue
                if args.jsonl:
                    sys.stdout.write(analysed.json + "\n")
                else:
                    from explorer.report import summary

                    console.print(summary(analysed.document()))
                written += 1
            sys.stdout.flush()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_SOME_FAILED
    except Exception as exc:
        if not model_not_found(exc):
            raise
        report_error(str(exc))
        return EXIT_USAGE if args.model else EXIT_SOME_FAILED
    failed = failed or inputs.failed
    if not written and not failed:
        report_error("no readable articles found")
    return EXIT_SOME_FAILED if failed or not written else EXIT_OK
