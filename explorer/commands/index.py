"""``explorer index DIR``: analyse a folder into the cache and show its corpus index."""

from __future__ import annotations

import argparse
import sys
from contextlib import closing

from rich.console import Console
from rich.table import Table
from rich.text import Text

from explorer.commands.analyze import (
    EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, analyse_with_progress, model_not_found, read_inputs,
)
from explorer.commands.errors import report_error
from explorer.model_json import json_text
from explorer.safe_text import visible, visible_name
from explorer.store.corpus import CorpusIndex

TOP_SPEAKERS = 20


def build_index(args: argparse.Namespace, articles) -> tuple[CorpusIndex, bool]:
    corpus = CorpusIndex()
    failed = False
    with closing(analyse_with_progress(articles, args)) as results:
        for analysed in results:
            if analysed.error is not None:
                failed = True
            else:
                corpus.add(analysed.document())
    return corpus, failed


def run_index(args: argparse.Namespace) -> int:
    articles, failed = read_inputs(args.paths)
    if not articles:
        if not failed:
            report_error("no readable articles found")
        return EXIT_SOME_FAILED
    try:
        corpus, analysis_failed = build_index(args, articles)
    except Exception as exc:
        if not model_not_found(exc):
            raise
        report_error(str(exc))
        return EXIT_USAGE if args.model else EXIT_SOME_FAILED
    failed = failed or analysis_failed
    if args.json:
        sys.stdout.write(json_text(corpus.to_json_dict()) + "\n")
    elif args.search is not None:
        print_search(corpus, args.search)
    elif args.speaker is not None:
        print_speaker(corpus, args.speaker)
    else:
        print_summary(corpus)
    return EXIT_SOME_FAILED if failed else EXIT_OK


def print_summary(corpus: CorpusIndex) -> None:
    console = Console(highlight=False, soft_wrap=True)
    articles = corpus.articles
    speakers = corpus.speakers()
    quotes = sum(a.quote_count for a in articles)
    console.print(f"{len(articles)} articles, {quotes} quotes, {len(speakers)} speakers")
    table = Table("speaker", "quotes", "articles", title=f"most quoted (top {TOP_SPEAKERS})")
    for speaker in speakers[:TOP_SPEAKERS]:
        table.add_row(Text(visible(speaker.name)), str(speaker.quote_count), str(speaker.article_count))
    if speakers:
        console.print(table)


def print_search(corpus: CorpusIndex, query: str) -> None:
    console = Console(highlight=False, soft_wrap=True)
    results = corpus.search(query)
    console.print(f"{sum(len(r.hits) for r in results)} matches in {len(results)} articles")
    for result in results:
        console.print(Text(visible_name(result.path), style="bold"), f"({len(result.hits)})")
        for hit in result.hits:
            console.print(f"  {hit.span.start}: {visible(hit.snippet)}", markup=False)


def print_speaker(corpus: CorpusIndex, name: str) -> None:
    console = Console(highlight=False, soft_wrap=True)
    quotes = corpus.quotes_of(name)
    console.print(f"{len(quotes)} quotes by {visible(name)}", markup=False)
    for quote in quotes:
        console.print(f"  {visible_name(quote.path)} {quote.quote_id} ({quote.kind}): {visible(quote.text)}", markup=False)
