"""Search results across the folder: each article's title, then its hits with the match marked."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from explorer.app.widgets.corpus_messages import PassageChosen
from explorer.app.widgets.corpus_quotes import marked_text
from explorer.app.widgets.corpus_speakers import plural
from explorer.app.widgets.paged_list import PagedList
from explorer.safe_text import visible
from explorer.store.corpus import ArticleHits

HITS_SHOWN = 5
"""Enough to choose from; a common word must not build thousands of rows for one article."""


class CorpusResults(PagedList):
    """``enter`` or a click opens the article at the match."""

    def rows(self, item: ArticleHits) -> Sequence[tuple[Option, tuple[str, int, int] | None]]:
        heading = Text(visible(item.title).replace("\n", " "), style="bold")
        heading.append(f"  {item.date or 'undated'} · {plural(len(item.hits), 'match')}"
                       .replace("matchs", "matches"), style="dim")
        rows: list[tuple[Option, tuple[str, int, int] | None]] = [(Option(heading, disabled=True), None)]
        for hit in item.hits[:HITS_SHOWN]:
            line = Text(f"  {hit.line}:{hit.column} ", style="dim")
            line.append_text(marked_text(hit.snippet))
            rows.append((Option(line), (item.path, hit.span.start, hit.span.end)))
        return rows

    @property
    def hits(self) -> list[tuple[str, int, int]]:
        return [t for t in self.targets if t is not None]

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        target = self.targets[event.option_index]
        if target is not None:
            self.post_message(PassageChosen(*target))
