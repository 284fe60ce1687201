"""``explorer index DIR``: analyse a folder into the cache and its corpus index, then query it.

The corpus index (``explorer.store.corpus``) is brought up to date first:
new or changed articles are analysed (cache first) and indexed, files no
longer there are dropped. Then one paged query answers what was asked.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sqlite3
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import closing

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
from explorer.model import Article
from explorer.model_json import json_text
from explorer.safe_text import visible, visible_name
from explorer.sources.addresses import is_warc, is_web_address
from explorer.store.corpus import (
    ArticleHits,
    CorpusIndex,
    QuoteRef,
    article_path,
    content_key,
    corpus_path,
    software_key,
)
from explorer.store.corpus_query import Filters, QueryError, Snippet
from explorer.store.dask_batch import DaskUnavailable, dask_missing

WRITE_EVERY = 200
"""Documents indexed per transaction."""
MARK_STYLE = "bold reverse"
SEARCH_SORTS = ("date", "count", "relevance")
SPEAKER_SORTS = ("quotes", "articles", "name")


def open_index(paths: Sequence[str], use_cache: bool, *, archives: bool = False) -> CorpusIndex:
    """The index of the folder holding ``paths`` in the cache directory; in memory with ``--no-cache``.

    With ``archives`` (the arguments name web archives) the index is that of
    exactly these arguments, never the index of the folder they are in.
    """
    if not use_cache:
        return CorpusIndex()
    from explorer.store.cache import default_cache_dir

    if archives:
        named = "\n".join(["web archives", *sorted(p if is_web_address(p) else os.path.abspath(p) for p in paths)])
        digest = hashlib.sha256(named.encode("utf-8", "surrogatepass")).hexdigest()[:16]
        location = default_cache_dir() / "corpora" / f"{digest}.sqlite3"
    else:
        location = corpus_path(paths, default_cache_dir())
    try:
        return CorpusIndex(location)
    except (OSError, sqlite3.Error) as exc:  # an unwritable cache folder: index in memory
        report_error(f"the corpus index cannot be kept in {location.parent}: {exc}; "
                     "indexing in memory for this run")
        return CorpusIndex()


def update_index(index: CorpusIndex, articles: Iterable[Article], args: argparse.Namespace) -> bool:
    """Analyse and index what is new or changed, drop what is gone; True if any article failed.

    ``articles`` may be a stream (a web archive's records): each is keyed as it
    comes and only its path is kept, so memory does not grow with the archive.
    """
    from explorer.documents import DocumentService

    service = DocumentService(model=args.model, use_cache=not args.no_cache)
    software = software_key(service.identity)
    known = index.keys()
    wanted: set[str] = set()
    keys: dict[int, str] = {}  # the content key of each article sent to analysis, until it is back

    def needs_work(article: Article) -> bool:
        path = article_path(article)
        if path is None:
            return False
        wanted.add(path)
        key = content_key(article, software)
        if known.get(path) == key:
            return False
        keys[id(article)] = key
        return True

    changed = (article for article in articles if needs_work(article))
    todo = list(changed) if isinstance(articles, Sequence) else changed
    failed = False
    batch = []
    remote = articles if getattr(articles, "archives", None) else None  # read by Dask workers
    with closing(analysed_stream(todo, args, service, remote, needs_work)) as results:
        for analysed in results:
            key = keys.pop(id(analysed.article))
            if analysed.error is not None:
                failed = True
                continue
            batch.append((analysed.document(), key))
            if len(batch) >= WRITE_EVERY:
                index.add_documents(batch)
                batch = []
    if batch:
        index.add_documents(batch)
    gone = set(known) - wanted
    if gone:
        index.remove_paths(gone)
    return failed


def analysed_stream(articles: Iterable[Article], args: argparse.Namespace, service,
                    remote=None, select=None) -> Iterator:
    """The analyses, from this machine's processes or from a Dask cluster (``--dask``);
    closing it stops the work (Ctrl-C, SIGTERM).

    A list is analysed as one run; a stream (a web archive) in groups of
    ``archives.GROUP``, so no more than a group's texts are held at once.
    The archives of ``remote`` (an ``archives.ReadStream``) are read by the Dask
    workers, one task each; of what they read, only the articles ``select``
    accepts are analysed.
    """
    if args.dask:
        from explorer.commands.index_dask import analyse_on_dask

        yield from analyse_on_dask(articles, args, service, remote, select)
        return
    if isinstance(articles, Sequence):
        if articles:
            yield from analyse_with_progress(articles, args)
        return
    from explorer.commands import archives

    for group in archives.groups(articles):
        yield from analyse_with_progress(group, args)


def run_index(args: argparse.Namespace) -> int:
    try:
        filters = Filters(since=args.since, until=args.until, source=args.source,
                          speaker=args.speaker, speaker_kind=args.speaker_kind,
                          quote_kind=args.quote_kind).validated()
    except QueryError as exc:
        report_error(str(exc))
        return EXIT_USAGE
    problem = _sort_problem(args)
    if problem:
        report_error(problem)
        return EXIT_USAGE
    if args.shared_fs and not args.dask:
        report_error("--shared-fs is for --dask: the workers read the files from a shared path")
        return EXIT_USAGE
    if args.dask:
        missing = dask_missing()
        if missing:
            report_error(missing)
            return EXIT_USAGE
    streamed = any(is_warc(path) for path in args.paths)
    if streamed:  # a web archive: its records are read, analysed and indexed as they come
        from explorer.commands.archives import ReadStream

        articles: Iterable[Article] = ReadStream(args.paths, refresh=args.refresh,
                                                 remote_archives=bool(args.dask and args.shared_fs))
        where = list(args.paths)
    else:
        articles, read_failed = read_inputs(args.paths, refresh=args.refresh)
        if not articles:
            if not read_failed:
                report_error("no readable articles found")
            return EXIT_SOME_FAILED
        where = [p for a in articles if (p := article_path(a))]
    with open_index(where, not args.no_cache, archives=streamed) as index:
        try:
            failed = update_index(index, articles, args)
        except DaskUnavailable as exc:
            report_error(str(exc))
            return EXIT_USAGE
        except Exception as exc:
            if not model_not_found(exc):
                raise
            report_error(str(exc))
            return EXIT_USAGE if args.model else EXIT_SOME_FAILED
        if streamed:
            read_failed = articles.failed
            if not articles.count:
                if not read_failed:
                    report_error("no readable articles found")
                return EXIT_SOME_FAILED
        try:
            show(index, args, filters)
        except QueryError as exc:
            report_error(str(exc))
            return EXIT_USAGE
    return EXIT_SOME_FAILED if failed or read_failed else EXIT_OK


def _sort_problem(args: argparse.Namespace) -> str | None:
    if args.sort is None:
        return None
    if args.search is not None and args.sort not in SEARCH_SORTS:
        return f"--sort {args.sort} sorts speakers; a search sorts by {', '.join(SEARCH_SORTS)}"
    if args.search is None and args.speaker is None and not args.json and args.sort not in SPEAKER_SORTS:
        return f"--sort {args.sort} sorts search results; speakers sort by {', '.join(SPEAKER_SORTS)}"
    return None


def show(index: CorpusIndex, args: argparse.Namespace, filters: Filters) -> None:
    console = Console(highlight=False, soft_wrap=True)
    if args.json:
        sys.stdout.write(json_text(index_json(index)) + "\n")
    elif args.search is not None and not filters.about_quotes:
        print_search(console, index, args, filters)
    elif args.search is not None or filters.about_quotes:
        print_quotes(console, index, args, filters)
    else:
        print_summary(console, index, args)


def shown_path(path: str) -> str:
    """A path as the user would type it: relative to the current folder when inside it."""
    if "://" in path:
        return path  # a web page's address
    relative = os.path.relpath(path)
    return path if relative.startswith("..") else relative


def index_json(index: CorpusIndex) -> dict:
    """Articles (path order) and speakers (most quoted first) with their quote references."""
    articles = sorted(_all(lambda limit, offset: index.articles(limit=limit, offset=offset)),
                      key=lambda a: a.path)
    speakers = _all(lambda limit, offset: index.speakers(limit=limit, offset=offset))
    return {
        "articles": [
            {"path": shown_path(a.path), "title": a.title, "date": a.date, "source": a.source,
             "quotes": a.quote_count, "speakers": a.speaker_count}
            for a in articles
        ],
        "speakers": [
            {"name": s.name, "kind": s.kind, "quote_count": s.quote_count,
             "article_count": s.article_count,
             "quotes": [{"path": shown_path(q.path), "quote_id": q.quote_id}
                        for q in sorted(_all(lambda limit, offset, name=s.name: index.quotes_of(
                            name, limit=limit, offset=offset)), key=lambda q: (q.path, q.start))]}
            for s in speakers
        ],
    }


def _all(page_of, size: int = 1000) -> list:
    """Every item of a paged query (for ``--json``, which prints everything)."""
    items: list = []
    while True:
        page = page_of(size, len(items))
        items.extend(page.items)
        if not page.more or not page.items:
            return items


def marked(found: Snippet) -> Text:
    """The snippet with its matched words styled (and «bracketed» when styles cannot show)."""
    text = Text()
    cursor = 0
    plain = not Console().is_terminal
    for mark in found.marks:
        text.append(visible(found.text[cursor : mark.start]))
        words = visible(found.text[mark.start : mark.end])
        text.append(f"«{words}»" if plain else words, style=MARK_STYLE)
        cursor = mark.end
    text.append(visible(found.text[cursor:]))
    return text


def _more(console: Console, page, args: argparse.Namespace, what: str) -> None:
    if page.more:
        shown = args.offset + len(page.items)
        console.print(f"… {page.total - shown} more {what}: --offset {shown} shows the next "
                      f"{args.limit}", style="dim")


def print_summary(console: Console, index: CorpusIndex, args: argparse.Namespace) -> None:
    articles, quotes, speakers = index.counts()
    console.print(f"{articles} articles, {quotes} quotes, {speakers} speakers")
    page = index.speakers(sort=args.sort or "quotes", min_articles=args.min_articles,
                          kind=args.speaker_kind, limit=args.limit, offset=args.offset)
    title = f"speakers by {args.sort or 'quotes'}"
    if args.min_articles > 1:
        title += f", in {args.min_articles} or more articles"
    table = Table("speaker", "kind", "quotes", "articles", title=title)
    for speaker in page.items:
        table.add_row(Text(visible(speaker.name)), speaker.kind, str(speaker.quote_count),
                      str(speaker.article_count))
    if page.items:
        console.print(table)
    _more(console, page, args, "speakers")


def print_search(console: Console, index: CorpusIndex, args: argparse.Namespace,
                 filters: Filters) -> None:
    page = index.search(args.search, filters, sort=args.sort or "date", limit=args.limit,
                        offset=args.offset)
    hits = sum(len(r.hits) for r in page.items)
    console.print(f"{hits} matches in {page.total} articles" if not page.more else
                  f"{page.total} articles match; {hits} matches in the {len(page.items)} shown")
    for result in page.items:
        print_article_hits(console, result)
    _more(console, page, args, "articles")


def print_article_hits(console: Console, result: ArticleHits) -> None:
    heading = Text(visible(result.title), style="bold")
    heading.append(f"  {result.date or 'undated'}  {visible_name(shown_path(result.path))}", style="dim")
    console.print(heading)
    for hit in result.hits:
        line = Text(f"  {hit.line}:{hit.column}  ", style="dim")
        console.print(line + marked(hit.snippet))


def print_quotes(console: Console, index: CorpusIndex, args: argparse.Namespace,
                 filters: Filters) -> None:
    sort = "relevance" if args.sort == "relevance" else "date"
    page = index.quotes(filters, query=args.search, sort=sort, limit=args.limit, offset=args.offset)
    what = f"by {visible(filters.speaker)}" if filters.speaker else "found"
    console.print(Text(f"{page.total} quotes {what}"))
    if filters.speaker and page.total == 0 and index.speaker(filters.speaker) is None:
        similar = index.similar_speakers(filters.speaker)
        if similar:
            console.print(Text("did you mean: " + "; ".join(visible(s) for s in similar)))
    for quote in page.items:
        print_quote(console, quote)
    _more(console, page, args, "quotes")


def print_quote(console: Console, quote: QuoteRef) -> None:
    heading = Text(f"{quote.date or 'undated'}  ", style="dim")
    heading.append(visible(quote.title), style="bold")
    heading.append(f"  {visible_name(shown_path(quote.path))} {quote.quote_id}", style="dim")
    console.print(heading)
    body = Text(f"  {visible(quote.speaker)} ({quote.kind}): ")
    body.append(marked(quote.snippet) if quote.snippet else Text(visible(" ".join(quote.text.split()))))
    console.print(body)
