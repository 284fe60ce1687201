"""Every quoted speaker of the folder, with quote and article counts, a page at a time."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import on
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from explorer.app.widgets.corpus_messages import CorpusSpeakerChosen
from explorer.app.widgets.paged_list import PagedList
from explorer.safe_text import visible
from explorer.store.corpus import CorpusSpeaker


def plural(count: int, word: str) -> str:
    return f"{count} {word}" + ("" if count == 1 else "s")


def speaker_prompt(speaker: CorpusSpeaker) -> Text:
    prompt = Text(visible(speaker.name).replace("\n", " "), style="bold")
    counts = f"{plural(speaker.quote_count, 'quote')} · {plural(speaker.article_count, 'article')}"
    if speaker.kind not in ("person", "unknown"):
        counts += f" · {speaker.kind}"
    prompt.append(f"\n  {counts}", style="dim")
    return prompt


class CorpusSpeakers(PagedList):
    """Moving the cursor onto a speaker lists their quotes beside it; enter moves there."""

    def rows(self, item: CorpusSpeaker) -> Sequence[tuple[Option, str]]:
        return [(Option(speaker_prompt(item)), item.name)]

    def key(self, target: str) -> str:
        return " ".join(target.split()).casefold()

    @property
    def names(self) -> list[str]:
        return [t for t in self.targets if t is not None]

    @on(OptionList.OptionHighlighted)
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self.post_message(CorpusSpeakerChosen(self.targets[event.option_index]))

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.post_message(CorpusSpeakerChosen(self.targets[event.option_index], go=True))
