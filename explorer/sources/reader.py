"""Read paths into Articles: pick the format, decode, and turn every failure into a SourceError.

The format comes from the extension (``.txt``, ``.md``, ``.json``, ``.html``
...); standard input and files with another extension are sniffed: a JSON
object, an HTML document, Markdown front matter, else plain text (JSON Lines,
one record a line, is refused rather than read as prose). An input
with no text but whitespace is refused as empty.
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from explorer.model import Article
from explorer.sources.decoding import NotText, decode_with_warnings
from explorer.sources.errors import SourceError
from explorer.sources.paths import ARTICLE_SUFFIXES, STDIN, STDIN_NAME, expand, read_input
from explorer.sources.plain_text import read_plain_text

MAX_ARTICLE_CHARS = 10_000_000
"""Longest article text analysed. Memory stays bounded whatever the length (long texts
are analysed in pieces), but the results grow with it: see docs/robustness.md."""
_HTML_START = re.compile(
    r"\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.IGNORECASE | re.DOTALL
)


def read_text_article(text: str, path: str | None = None) -> Article:
    """A plain-text article: ``text`` kept exactly, its top header read as metadata."""
    return read_plain_text(text, path)


def read_article(path: str | Path) -> Article:
    """One file (or ``-`` for stdin) as an Article; raises SourceError with a one-line reason."""
    path = Path(path)
    name = STDIN_NAME if str(path) == STDIN else str(path)
    raw = read_input(path)
    try:
        text, warnings = decode_with_warnings(raw)
    except NotText as exc:
        raise SourceError(name, str(exc)) from exc
    del raw
    if not text.strip():
        raise SourceError(name, "empty file, no article text")
    article = _read_format(text, name, ARTICLE_SUFFIXES.get(path.suffix.lower()) or sniff_format(text))
    if len(article.text) > MAX_ARTICLE_CHARS:
        raise SourceError(name, f"article text is {len(article.text):,} characters, more than the "
                                f"{MAX_ARTICLE_CHARS:,} the explorer analyses (see docs/robustness.md)")
    if warnings:
        article = dataclasses.replace(article, warnings=warnings + article.warnings)
    return article


def _read_format(text: str, name: str, article_format: str) -> Article:
    # Each reader is imported when its format turns up: opening a .txt never pays for
    # the HTML parser and the mail-date code (the first paint waits on this import).
    if article_format == "json":
        from explorer.sources.json_article import read_json_article

        return read_json_article(text, name)
    if article_format == "json_lines":
        reason = "JSON Lines holds many records, not one article; use one .json file per article"
        raise SourceError(name, reason)
    if article_format == "html":
        from explorer.sources.html import read_html

        return read_html(text, name)
    if article_format == "markdown":
        from explorer.sources.markdown import read_markdown

        return read_markdown(text, name)
    return read_plain_text(text, name)


def sniff_format(text: str) -> str:
    """The format of text that came without a telling extension."""
    if text.lstrip().startswith("{"):
        if _is_json_object(text):
            return "json"
        if _is_json_object(text.lstrip().partition("\n")[0]):
            return "json_lines"
    if _HTML_START.match(text):
        return "html"
    if text.startswith("---"):
        from explorer.sources.markdown import has_front_matter  # only text that looks like it

        if has_front_matter(text):
            return "markdown"
    return "text"


def _is_json_object(text: str) -> bool:
    try:
        return isinstance(json.loads(text), dict)
    except ValueError:
        return False
    except RecursionError:
        # Nested past Python's limit: the JSON reader refuses it with the reason.
        return text.lstrip().startswith("{")


def iter_articles(paths: Iterable[str | Path] | str | Path) -> Iterator[Article | SourceError]:
    """Every article the paths stand for, in argument order, folders sorted; errors inline."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    for argument in paths:
        for file in expand(argument):
            if isinstance(file, SourceError):
                yield file
                continue
            try:
                yield read_article(file)
            except SourceError as error:
                yield error
