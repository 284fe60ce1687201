"""JSON articles: one object with ``text`` (or ``body``/``content``) and optional metadata.

``text`` is the value of the text field (a list of strings is joined as
blank-line separated paragraphs). Metadata keys: title/headline,
date/published/datePublished, source/publisher/sitename, url, byline/author
(strings, lists, or schema.org-style ``{"name": ...}`` objects).

An ``explorer.analysis/1`` document (our own ``--json`` output) is read back
as the article it analysed: its ``text`` and its ``article`` header, so
analysing it again gives the same offsets.
"""

from __future__ import annotations

import json

from explorer.model import SCHEMA, Article
from explorer.sources.dates import normalise_date
from explorer.sources.errors import SourceError
from explorer.sources.paragraphs import split_paragraphs

_TEXT_KEYS = ("text", "body", "content", "articleBody")
TOO_DEEP = "JSON nested too deeply to read (more than about 1,000 levels), not an article"


def read_json_article(text: str, path: str) -> Article:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno} column {exc.colno}"
        raise SourceError(path, f"not valid JSON ({exc.msg} at {where})") from exc
    except RecursionError as exc:
        raise SourceError(path, TOO_DEEP) from exc
    if not isinstance(data, dict):
        raise SourceError(path, f"JSON holds a {type(data).__name__}, expected one article object")
    if data.get("schema") == SCHEMA:
        return _analysis_article(data, path)
    body = _body(data, path)
    return Article(
        text=body,
        path=path,
        title=_text(data, "title", "headline"),
        date=normalise_date(_text(data, "date", "published", "datePublished")),
        source=_text(data, "source", "publisher", "sitename", "site"),
        byline=_text(data, "byline", "author", "authors"),
        url=_text(data, "url", "link"),
        paragraphs=split_paragraphs(body),
    )


def _analysis_article(data: dict, path: str) -> Article:
    body = data.get("text")
    if not isinstance(body, str) or not body.strip():
        raise SourceError(path, f"{SCHEMA} document without article text")
    header = data.get("article") if isinstance(data.get("article"), dict) else {}
    body_start = header.get("body_start", 0)
    if not isinstance(body_start, int) or not 0 <= body_start <= len(body):
        body_start = 0
    return Article(
        text=body,
        path=path,
        title=_text(header, "title"),
        date=normalise_date(_text(header, "date")),
        source=_text(header, "source"),
        byline=_text(header, "byline"),
        url=_text(header, "url"),
        body_start=body_start,
        paragraphs=split_paragraphs(body, body_start),
    )


def _body(data: dict, path: str) -> str:
    for key in _TEXT_KEYS:
        value = data.get(key)
        if isinstance(value, list) and all(isinstance(part, str) for part in value):
            value = "\n\n".join(value)
        if isinstance(value, str):
            if not value.strip():
                raise SourceError(path, f"JSON article has an empty {key!r}")
            return value
    names = ", ".join(repr(key) for key in _TEXT_KEYS)
    raise SourceError(path, f"JSON object has no article text (looked for {names})")


def _text(data: dict, *keys: str) -> str | None:
    """The first of ``keys`` holding text, a ``{"name": ...}`` or a list of those."""
    for key in keys:
        value = _as_text(data.get(key))
        if value:
            return value
    return None


def _as_text(value: object) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, dict):
        return _as_text(value.get("name"))
    if isinstance(value, list):
        names = [name for name in map(_as_text, value) if name]
        return ", ".join(names) or None
    return None
