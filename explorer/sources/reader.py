"""Read one path or many into Articles."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from explorer.model import Article
from explorer.sources.errors import SourceError
from explorer.sources.paragraphs import split_paragraphs

_DATE_HEADER = re.compile(r"^ date (\d{4}-\d{2}-\d{2}) ")


def read_text_article(text: str, path: str | None = None) -> Article:
    """A plain-text article; a leading `` date YYYY-MM-DD `` header becomes metadata."""
    date = None
    body_start = 0
    match = _DATE_HEADER.match(text)
    if match:
        date = match.group(1)
        body_start = match.end()
    return Article(
        text=text,
        path=path,
        date=date,
        body_start=body_start,
        paragraphs=split_paragraphs(text, body_start),
    )


def read_article(path: str | Path) -> Article:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SourceError(str(path), exc.strerror or str(exc)) from exc
    return read_text_article(raw.decode("utf-8"), str(path))


def iter_articles(paths: Iterable[str | Path]) -> Iterator[Article | SourceError]:
    for path in paths:
        path = Path(path)
        files = sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
        for file in files:
            try:
                yield read_article(file)
            except SourceError as error:
                yield error
