"""``explorer index DIR``: analyse a folder into the cache and show its corpus index."""

from __future__ import annotations

import argparse
import re
import sys

from rich.console import Console
from rich.table import Table
from rich.text import Text

from explorer.commands.analyze import (
    EXIT_OK,
    EXIT_SOME_FAILED,
    EXIT_USAGE,
    analyse_with_progress,
    model_not_found,
    read_inputs,
)
from explorer.commands.errors import report_error
from explorer.model_json import json_text
from explorer.safe_text import visible
from explorer.store.corpus import CorpusIndex

TOP_SPEAKERS = 20
HIT_CONTEXT = 40
"""Characters of context either side of a search hit, trimmed to whole words."""


def build_index(args: argparse.Namespace, articles) -> tuple[CorpusIndex, bool]:
    corpus = CorpusIndex()
    failed = False
    for analysed in analyse_with_progress(articles, args):
        if analysed.error is not None:
            failed = True
        else:
            corpus.add(analysed.document())
    return corpus, failed


def run_index(args: argparse.Namespace) -> int:
    articles, failed = read_inputs(args.paths, refresh=args.refresh)
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
        print_search(corpus, args.search, {a.path or "": a.text for a in articles})
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


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of a character offset, as editors and grep count them."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", visible(text))


def hit_line(text: str | None, start: int, end: int, snippet: str) -> Text:
    """``  12:5  …the words around the hit…`` with the hit in bold (the snippet without text)."""
    if text is None:
        return Text(f"  {visible(snippet)}")
    line, column = line_and_column(text, start)
    left, right = max(0, start - HIT_CONTEXT), min(len(text), end + HIT_CONTEXT)
    before, after = text[left:start], text[end:right]
    if left > 0 and not text[left - 1].isspace():  # no half words at the edges
        before = before[before.find(" ") + 1 :] if " " in before else ""
    if right < len(text) and not text[right].isspace():
        after = after[: after.rfind(" ")] if " " in after else ""
    shown = Text(f"  {line}:{column}  ", style="dim")
    shown.append(("…" if left > 0 else "") + _one_line(before).lstrip())
    shown.append(_one_line(text[start:end]), style="bold")
    shown.append(_one_line(after).rstrip() + ("…" if right < len(text) else ""))
    return shown


def print_search(corpus: CorpusIndex, query: str, texts: dict[str, str] | None = None) -> None:
    """Each hit as ``line:column`` and the words around it, under its article's path."""
    console = Console(highlight=False, soft_wrap=True)
    texts = texts or {}
    results = corpus.search(query)
    console.print(f"{sum(len(r.hits) for r in results)} matches in {len(results)} articles")
    for result in results:
        console.print(Text(visible(result.path), style="bold"), f"({len(result.hits)})")
        for hit in result.hits:
            console.print(hit_line(texts.get(result.path), hit.span.start, hit.span.end,
                                   hit.snippet))


def print_speaker(corpus: CorpusIndex, name: str) -> None:
    console = Console(highlight=False, soft_wrap=True)
    quotes = corpus.quotes_of(name)
    console.print(f"{len(quotes)} quotes by {visible(name)}", markup=False)
    for quote in quotes:
        console.print(f"  {quote.path} {quote.quote_id} ({quote.kind}): {visible(quote.text)}", markup=False)
