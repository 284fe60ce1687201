"""``explorer export --parquet DIR PATH...``: the analyses of articles as Parquet tables."""

from __future__ import annotations

import argparse
from collections.abc import Iterator

from rich.console import Console

from explorer.commands.analyze import (
    EXIT_OK,
    EXIT_SOME_FAILED,
    EXIT_USAGE,
    analyse_with_progress,
    model_not_found,
    read_inputs,
)
from explorer.commands.errors import report_error
from explorer.model import ParsedDocument
from explorer.safe_text import visible
from explorer.store.parquet_export import parquet_missing, write_parquet


def run_export_parquet(args: argparse.Namespace) -> int:
    missing = parquet_missing()
    if missing:
        report_error(missing)
        return EXIT_USAGE
    articles, failed = read_inputs(args.paths)
    if not articles:
        if not failed:
            report_error("no readable articles found")
        return EXIT_SOME_FAILED
    outcome = {"failed": failed}

    def documents() -> Iterator[ParsedDocument]:
        for analysed in analyse_with_progress(articles, args):
            if analysed.error is not None:
                outcome["failed"] = True
            else:
                yield analysed.document()

    try:
        counts = write_parquet(documents(), args.parquet)
    except OSError as exc:
        report_error(f"cannot write to {args.parquet}: {exc.strerror or exc}")
        return EXIT_SOME_FAILED
    except Exception as exc:
        if not model_not_found(exc):
            raise
        report_error(str(exc))
        return EXIT_USAGE if args.model else EXIT_SOME_FAILED
    summary = ", ".join(f"{rows} {table}" for table, rows in counts.items())
    Console(highlight=False, soft_wrap=True).print(f"wrote {summary} to {visible(args.parquet)}",
                                                   markup=False)
    return EXIT_SOME_FAILED if outcome["failed"] else EXIT_OK
