"""Command-line inputs of every kind -> articles: files and folders, URLs, WARC archives.

A URL is read from the page store when it was fetched before (``refresh``
fetches it again); a ``.warc``/``.warc.gz`` file gives one article per HTML
response record, read as a stream; anything else is a file or a folder.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator

from explorer.model import Article
from explorer.safe_text import visible
from explorer.sources import SourceError, iter_articles
from explorer.sources.addresses import is_warc, is_web_address

FetchNote = Callable[[str, str], None]
"""Told ``(url, what happened)`` for each URL: fetched now, or read from the store."""


def iter_inputs(paths: Iterable[str], *, refresh: bool = False,
                note: FetchNote | None = None) -> Iterator[Article | SourceError]:
    """Every article the arguments stand for, in argument order; errors inline."""
    store = None
    for argument in paths:
        argument = str(argument)
        if is_web_address(argument):
            from explorer.store.pages import PageStore, web_article

            store = store or PageStore()
            try:
                found = web_article(argument, refresh=refresh, store=store)
            except SourceError as error:
                yield error
                continue
            if note is not None:
                note(argument, fetched_note(found.from_store, found.fetched))
            yield found.article
        elif is_warc(argument):
            from explorer.sources.warc import iter_warc_articles

            yield from iter_warc_articles(argument)
        else:
            yield from iter_articles([argument])


def fetched_note(from_store: bool, fetched: str) -> str:
    if from_store:
        return f"fetched {fetched}, read from the local store (--refresh fetches it again)"
    return f"fetched {fetched}"


def note_on_stderr(url: str, note: str) -> None:
    print(f"explorer: {visible(url)}: {note}", file=sys.stderr)
