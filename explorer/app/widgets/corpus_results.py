"""Search results across the folder, grouped under each article's title."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from explorer.app.widgets.corpus_messages import PassageChosen
from explorer.safe_text import visible
from explorer.store.corpus import ArticleHits

MAX_ARTICLES = 200
HITS_PER_ARTICLE = 5
"""Enough to choose from; a common word must not build tens of thousands of rows."""


class CorpusResults(OptionList):
    """``enter`` or a click opens the article at the match."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.targets: dict[str, tuple[str, int, int]] = {}

    def show(self, results: Sequence[ArticleHits]) -> None:
        self.targets = {}
        options: list[Option] = []
        for article_number, result in enumerate(results[:MAX_ARTICLES]):
            heading = Text(visible(result.title).replace("\n", " "), style="bold")
            heading.append(f"  {len(result.hits)} match" + ("" if len(result.hits) == 1 else "es"),
                           style="dim")
            options.append(Option(heading, disabled=True))
            for hit_number, hit in enumerate(result.hits[:HITS_PER_ARTICLE]):
                option_id = f"hit-{article_number}-{hit_number}"
                self.targets[option_id] = (result.path, hit.span.start, hit.span.end)
                options.append(Option(Text("  " + visible(hit.snippet)), id=option_id))
        if len(results) > MAX_ARTICLES:
            options.append(Option(Text(f"… and {len(results) - MAX_ARTICLES} more articles",
                                       style="dim"), disabled=True))
        self.set_options(options)
        if self.targets:
            self.highlighted = 1

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        target = self.targets.get(event.option.id or "")
        if target is not None:
            self.post_message(PassageChosen(*target))
