"""One speaker's quotes across the folder: the article, then the quote's opening words."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.text import Text
from textual import on
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from explorer.app.widgets.corpus_messages import PassageChosen
from explorer.safe_text import visible
from explorer.store.corpus import QuoteRef

QUOTE_WORDS = 160


def quote_prompt(ref: QuoteRef, title: str) -> Text:
    words = " ".join(ref.text.split())
    if len(words) > QUOTE_WORDS:
        words = words[:QUOTE_WORDS].rsplit(" ", 1)[0] + "…"
    prompt = Text(visible(title).replace("\n", " "), style="dim")
    prompt.append(f"  {ref.kind}\n", style="dim italic")
    prompt.append(f"“{visible(words)}”")
    return prompt


class CorpusQuotes(OptionList):
    """``enter`` or a click opens the article at the quote."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.refs: list[QuoteRef] = []

    def show(self, refs: Sequence[QuoteRef], titles: Mapping[str, str]) -> None:
        self.refs = list(refs)
        self.set_options(Option(quote_prompt(ref, titles.get(ref.path, ref.path))) for ref in refs)
        if refs:
            self.highlighted = 0

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        ref = self.refs[event.option_index]
        self.post_message(PassageChosen(ref.path, ref.start, ref.end, ref.quote_id))
