"""Every quoted speaker of the folder, most quoted first, with quote and article counts."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from explorer.app.widgets.corpus_messages import CorpusSpeakerChosen
from explorer.safe_text import visible
from explorer.store.corpus import CorpusSpeaker


def speaker_prompt(speaker: CorpusSpeaker) -> Text:
    prompt = Text(visible(speaker.name).replace("\n", " "), style="bold")
    quotes = f"{speaker.quote_count} quote" + ("" if speaker.quote_count == 1 else "s")
    articles = f"{speaker.article_count} article" + ("" if speaker.article_count == 1 else "s")
    prompt.append(f"\n  {quotes} · {articles}", style="dim")
    return prompt


class CorpusSpeakers(OptionList):
    """Moving the cursor onto a speaker lists their quotes beside it."""

    def show(self, speakers: Sequence[CorpusSpeaker]) -> None:
        """Replace the list, keeping the cursor on the same speaker when it is still there."""
        current = self.highlighted_option.id if self.highlighted_option is not None else None
        self.set_options(Option(speaker_prompt(s), id=s.name) for s in speakers)
        names = [s.name for s in speakers]
        if current in names:
            self.highlighted = names.index(current)
        elif names:
            self.highlighted = 0

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(CorpusSpeakerChosen(event.option.id))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(CorpusSpeakerChosen(event.option.id))
            self.screen.focus_next()
