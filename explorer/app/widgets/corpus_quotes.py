"""Quotes across the folder (one speaker's, or a search in quote text): the article, then the words."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from explorer.app.widgets.corpus_messages import PassageChosen
from explorer.app.widgets.paged_list import PagedList
from explorer.safe_text import visible
from explorer.store.corpus import QuoteRef
from explorer.store.corpus_query import Snippet

QUOTE_CHARS = 160
MARK_STYLE = "bold reverse"


def marked_text(found: Snippet) -> Text:
    """A snippet with its matched words styled."""
    text = Text(visible(found.text))
    for mark in found.marks:
        text.stylize(MARK_STYLE, mark.start, mark.end)
    return text


def quote_prompt(ref: QuoteRef, *, with_speaker: bool = False) -> Text:
    prompt = Text(visible(ref.title).replace("\n", " "), style="bold")
    details = f"  {ref.date or 'undated'} · {ref.kind}"
    if with_speaker and ref.speaker:
        details += f" · {visible(ref.speaker)}"
    prompt.append(details + "\n", style="dim")
    if ref.snippet is not None:
        words = marked_text(ref.snippet)
    else:
        words = Text(visible(" ".join(ref.text.split())))
    if len(words) > QUOTE_CHARS:
        cut = words.plain[:QUOTE_CHARS].rsplit(" ", 1)[0]
        words = words[: len(cut)] + Text("…")
    prompt.append("“")
    prompt.append_text(words)
    prompt.append("”")
    return prompt


class CorpusQuotes(PagedList):
    """``enter`` or a click opens the article at the quote."""

    with_speaker = False
    """Show the speaker on each row (a search in quotes mixes speakers)."""

    def rows(self, item: QuoteRef) -> Sequence[tuple[Option, QuoteRef]]:
        return [(Option(quote_prompt(item, with_speaker=self.with_speaker)), item)]

    def key(self, target: QuoteRef) -> tuple[str, str]:
        return target.path, target.quote_id

    @property
    def refs(self) -> list[QuoteRef]:
        return [t for t in self.targets if t is not None]

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        ref = self.targets[event.option_index]
        self.post_message(PassageChosen(ref.path, ref.start, ref.end, ref.quote_id))
