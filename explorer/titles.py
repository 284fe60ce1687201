"""One rule for an article's title, used by the app, the summary, the corpus and the JSON.

The header's title when there is one; else the first line of the body when it
reads like a headline (short, one line, not a sentence ending in a full stop or
a comma); else the file name. Long titles are cut at a word, with an ellipsis.
"""

from __future__ import annotations

from pathlib import PurePath

from explorer.model import Article

TITLE_LIMIT = 80
"""Characters a title may take before it is cut at a word."""
HEADLINE_LIMIT = 120
"""A first line longer than this is a paragraph, not a headline."""
HEADLINE_MAX_WORDS = 20
NOT_HEADLINE_ENDINGS = (".", ",", ";", ":", "…", "-", "—")
"""A first line ending so is the start of the text (``"…are over," the minister said.``)."""


def shorten(text: str, limit: int = TITLE_LIMIT) -> str:
    """``text`` on one line, cut at the last word boundary before ``limit``, with "…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    head = text[: cut if cut > limit // 2 else limit - 1].rstrip(" ,;:-—")
    return head + "…"


def headline(article: Article) -> str | None:
    """The first line of the body, if it reads like a headline."""
    first = article.text[article.body_start :].strip().split("\n", 1)[0].strip()
    if not first or len(first) > HEADLINE_LIMIT or len(first.split()) > HEADLINE_MAX_WORDS:
        return None
    if first.endswith(NOT_HEADLINE_ENDINGS) or first[0].islower():
        return None
    return first


def article_title(article: Article, limit: int = TITLE_LIMIT) -> str:
    """The title to show anywhere: metadata, then a headline-like first line, then the file name."""
    if article.title and article.title.strip():
        return shorten(article.title, limit)
    found = headline(article)
    if found:
        return shorten(found, limit)
    if article.path:
        return shorten(PurePath(article.path).name, limit)
    return "untitled"
