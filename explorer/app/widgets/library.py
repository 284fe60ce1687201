"""The list of open articles (title, date, number of quotes) to switch between."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from explorer.app.messages import ArticleChosen
from explorer.app.widgets.item_list import ItemList
from explorer.model import Article
from explorer.safe_text import visible


def library_prompt(article: Article, quote_count: int | None, failed: bool = False) -> Text:
    """Two lines: the title, then the date and what the analysis found so far."""
    prompt = Text(visible(article.display_title), style="bold")
    detail = article.date or "no date"
    if failed:
        detail += " · analysis failed"
    elif quote_count is None:
        detail += " · …"
    else:
        detail += f" · {quote_count} quote" + ("" if quote_count == 1 else "s")
    prompt.append(f"\n  {detail}", style="dim")
    return prompt


class Library(ItemList):
    """Every article given on the command line; ``enter`` or a click opens one."""

    def set_articles(self, articles: list[Article]) -> None:
        self.set_options(
            Option(library_prompt(article, None), id=f"article-{index}")
            for index, article in enumerate(articles)
        )

    def update_article(self, index: int, article: Article, quote_count: int | None,
                       failed: bool = False) -> None:
        self.replace_option_prompt_at_index(index, library_prompt(article, quote_count, failed))

    def show_progress(self, analysed: int) -> None:
        """How far the background analysis of the folder has got, under the list."""
        total = self.option_count
        if analysed < total:
            self.border_subtitle = f"analysing… {analysed}/{total}"
        else:
            self.border_subtitle = f"{total} articles"

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(ArticleChosen(event.option_index))
