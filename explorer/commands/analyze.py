"""``explorer analyze``: analyse articles and print a summary, JSON or JSON Lines."""

from __future__ import annotations

import argparse
import sys

from rich.console import Console

from explorer import model_json
from explorer.analysis import ModelNotFound, analyze_many, load_pipeline
from explorer.commands.errors import report_error
from explorer.sources import SourceError, iter_articles
from explorer.model import Article

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def run_analyze(args: argparse.Namespace) -> int:
    articles: list[Article] = []
    failed = False
    for item in iter_articles(args.paths):
        if isinstance(item, SourceError):
            report_error(str(item))
            failed = True
        else:
            articles.append(item)
    if args.json and len(articles) + failed > 1:
        report_error("--json prints one article; use --jsonl for several")
        return EXIT_USAGE
    if not articles:
        if not failed:
            report_error("no readable articles found")
        return EXIT_SOME_FAILED
    try:
        nlp = load_pipeline(args.model)
    except ModelNotFound as exc:
        report_error(str(exc))
        return EXIT_USAGE if args.model else EXIT_SOME_FAILED
    console = Console()
    for doc in analyze_many(articles, nlp):
        if args.json:
            sys.stdout.write(model_json.dumps(doc, indent=2) + "\n")
        elif args.jsonl:
            sys.stdout.write(model_json.dumps(doc) + "\n")
        else:
            from explorer.report import summary

            console.print(summary(doc))
    return EXIT_SOME_FAILED if failed else EXIT_OK
