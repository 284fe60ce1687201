"""``explorer export PATH... --format md|csv|json [--out FILE]``: a quote sheet of articles.

Analyses (or reads from the cache) every article, applies readers'
corrections, and writes one row per quote. Input files are only ever read:
``--out`` naming one of them is refused.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path

from explorer.commands.errors import report_error
from explorer.model import Article, ParsedDocument
from explorer.quote_sheet import SheetFormat, SheetRow, encoding_for, format_for, render, sheet_rows
from explorer.safe_text import visible

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def corrected_documents(articles: list[Article], args: argparse.Namespace
                        ) -> Iterable[ParsedDocument]:
    """Each article's analysis with its corrections applied; problems go to stderr.

    Failed analyses are reported and still yielded (``error`` set).
    """
    from explorer.commands.analyze import analyse_with_progress
    from explorer.store.correction_files import CorrectionStore

    store = CorrectionStore()
    for analysed in analyse_with_progress(articles, args):
        yield store.apply_to_analysed(analysed, report_error).document()


def write_atomically(path: Path, data: bytes) -> None:
    """The whole file or nothing: a crash never leaves half a sheet."""
    directory = path.parent if str(path.parent) else Path(".")
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def is_input(out: Path, articles: Iterable[Article]) -> bool:
    """Does ``out`` name one of the articles' own files?"""
    try:
        target = out.resolve()
    except OSError:
        return False
    for article in articles:
        if article.path and Path(article.path).resolve() == target:
            return True
    return False


def write_sheet(rows: list[SheetRow], sheet_format: SheetFormat, out: Path | None) -> None:
    text = render(rows, sheet_format)
    if out is None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")
        return
    write_atomically(out, text.encode(encoding_for(sheet_format)))


def run_export(args: argparse.Namespace) -> int:
    from explorer.commands.analyze import model_not_found, read_inputs

    sheet_format: SheetFormat = args.format or format_for(args.out)
    out = Path(args.out) if args.out else None
    articles, failed = read_inputs(args.paths)
    if out is not None and is_input(out, articles):
        report_error(f"--out {args.out} is one of the articles; exports never overwrite input")
        return EXIT_USAGE
    if not articles:
        if not failed:
            report_error("no readable articles found")
        return EXIT_SOME_FAILED
    rows: list[SheetRow] = []
    try:
        for document in corrected_documents(articles, args):
            if document.error is not None:
                failed = True
                continue
            rows.extend(sheet_rows(document))
    except Exception as exc:
        if not model_not_found(exc):
            raise
        report_error(str(exc))
        return EXIT_USAGE if args.model else EXIT_SOME_FAILED
    try:
        write_sheet(rows, sheet_format, out)
    except OSError as exc:
        report_error(f"cannot write {args.out}: {exc.strerror or exc}")
        return EXIT_SOME_FAILED
    if out is not None:
        print(f"{len(rows)} quotes from {len(articles)} articles written to {visible(str(out))}",
              file=sys.stderr)
    return EXIT_SOME_FAILED if failed else EXIT_OK
