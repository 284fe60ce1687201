"""``explorer analyze CRAWL.warc.gz --jsonl``: read, analysed and printed a group at a time.

A news crawl holds tens of thousands of pages. Gathering every extracted
article before the first analysis would hold them all in memory and print
nothing for minutes; here at most ``GROUP`` articles are held at once, so
memory stays the same whatever the archive's size, and lines come out as
the archive is read. Output and exit codes are those of ``run_analyze``.
"""

from __future__ import annotations

import argparse
import os
import sys

from explorer.commands.analyze import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, model_not_found
from explorer.commands.errors import report_error
from explorer.commands.inputs import iter_inputs, note_on_stderr
from explorer.model import Article
from explorer.sources import SourceError

GROUP = 512
"""Articles analysed together: enough for worker processes to pay off, few enough to hold."""


def analyze_streamed(args: argparse.Namespace) -> int:
    from explorer.documents import DocumentService
    from explorer.store.batch import default_jobs

    service = DocumentService(model=args.model, use_cache=not args.no_cache)
    jobs = args.jobs or default_jobs()
    failed = False
    written = 0
    group: list[Article] = []

    def analyse_group() -> None:
        nonlocal failed, written
        for analysed in service.analyze_many_json(group, jobs=jobs):
            if analysed.error is not None:
                report_error(f"{analysed.article.path}: analysis failed: {analysed.error}")
                failed = True
            else:
                sys.stdout.write(analysed.json + "\n")
                written += 1
        sys.stdout.flush()
        group.clear()

    try:
        for item in iter_inputs(args.paths, refresh=args.refresh, note=note_on_stderr):
            if isinstance(item, SourceError):
                report_error(str(item))
                failed = True
                continue
            group.append(item)
            if len(group) >= GROUP:
                analyse_group()
        if group:
            analyse_group()
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_SOME_FAILED
    except Exception as exc:
        if not model_not_found(exc):
            raise
        report_error(str(exc))
        return EXIT_USAGE if args.model else EXIT_SOME_FAILED
    if not written and not failed:
        report_error("no readable articles found")
    return EXIT_SOME_FAILED if failed or not written else EXIT_OK
