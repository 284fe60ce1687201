"""The line above the article: title, date, source and byline."""

from __future__ import annotations

from pathlib import PurePath

from rich.text import Text
from textual.widgets import Static

from explorer.model import Article
from explorer.safe_text import visible


def header_text(article: Article) -> Text:
    """Built piecewise from plain strings, so a title with ``[bold]`` shows literally.

    An article without a title header is named by its file: its first line is
    already the first thing the view shows.
    """
    if article.title:
        name = article.title
    elif article.path:
        name = PurePath(article.path).name
    else:
        name = article.display_title
    header = Text(visible(name).replace("\n", " "), style="bold")
    details = [visible(part) for part in (article.date, article.source, article.byline) if part]
    if details:
        header.append("  " + " · ".join(details), style="italic")
    return header


class ArticleHeader(Static):
    def show(self, article: Article) -> None:
        self.update(header_text(article))
