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
    """The reader's articles (given on the command line, or a feed's entries); ``enter`` opens one.

    The reader makes each row's prompt: ``library_prompt`` for files, the entry's
    read mark and source for a feed.
    """

    def set_rows(self, prompts: list[Text]) -> None:
        highlighted = self.highlighted
        self.set_options(Option(prompt, id=f"article-{index}")
                         for index, prompt in enumerate(prompts))
        if prompts:
            self.highlighted = min(highlighted or 0, len(prompts) - 1)

    def update_row(self, index: int, prompt: Text) -> None:
        self.replace_option_prompt_at_index(index, prompt)

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(ArticleChosen(event.option_index))
