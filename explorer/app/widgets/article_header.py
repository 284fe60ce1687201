"""The line above the article: title, date, source and byline."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from explorer.model import Article
from explorer.safe_text import visible


def header_text(article: Article) -> Text:
    """Built piecewise from plain strings, so a title with ``[bold]`` shows literally.

    The title follows the one rule of ``explorer.titles``: metadata, a
    headline-like first line, then the file name.
    """
    header = Text(visible(article.display_title), style="bold")
    details = [visible(part) for part in (article.date, article.source, article.byline) if part]
    if details:
        header.append("  " + " · ".join(details), style="italic")
    return header


class ArticleHeader(Static):
    def show(self, article: Article) -> None:
        self.update(header_text(article))
