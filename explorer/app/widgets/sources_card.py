"""The sources card drawn for a terminal: voices with bars of quotes and words, kinds,
role classes with their evidence, the direct share, and who speaks first and last."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from explorer.analysis.role_classes import ROLE_CLASS_LABELS
from explorer.analysis.sources_card import SourcesCard
from explorer.safe_text import visible

BAR_WIDTH = 16
_EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(value: float, maximum: float, width: int = BAR_WIDTH) -> str:
    """A horizontal bar in eighths of a cell: ``bar(3, 4, 4)`` is three full cells."""
    if maximum <= 0 or value <= 0:
        return ""
    eighths = round(value / maximum * width * 8)
    full, part = divmod(max(eighths, 1), 8)
    return "█" * full + (_EIGHTHS[part] if part else "")


def _name(text: str) -> str:
    return " ".join(visible(text).split())


def _counts_table(title: str, counts: dict[str, int], labels: dict[str, str]) -> Table:
    table = Table(title=title, title_justify="left", show_header=False, box=None,
                  padding=(0, 1, 0, 0))
    table.add_column("what", no_wrap=True)
    table.add_column("n", justify="right")
    table.add_column("bar", style="bold")
    top = max(counts.values(), default=0)
    for key, count in counts.items():
        table.add_row(labels.get(key, key), str(count), bar(count, top, 10))
    if not counts:
        table.add_row("—", "", "")
    return table


def card_renderable(card: SourcesCard, title: str) -> RenderableType:
    """Everything the card says, as Rich renderables built from visible text (never markup)."""
    head = Text(_name(title), style="bold")
    if not card.voices:
        head.append("\nNo quoted voices in this article.", style="italic")
        return head
    voices = Table(title="Voices", title_justify="left", expand=True, box=None,
                   padding=(0, 1, 0, 0), header_style="dim")
    voices.add_column("voice", ratio=2)
    voices.add_column("quotes", no_wrap=True)
    voices.add_column("words", no_wrap=True)
    voices.add_column("role class (evidence)", ratio=3)
    most_quotes = max(v.quotes for v in card.voices)
    most_words = max(v.words for v in card.voices)
    for voice in card.voices:
        who = Text(_name(voice.name), style="bold")
        who.append(f" · {voice.kind}", style="dim")
        quotes = Text(f"{voice.quotes:>2} {bar(voice.quotes, most_quotes, 8):<8}")
        words = Text(f"{voice.words:>4} {bar(voice.words, most_words, 8):<8}")
        role = Text(ROLE_CLASS_LABELS[voice.role_class])
        if voice.evidence is not None:
            role.append(f"  ← “{_name(voice.evidence.text)}”", style="dim")
        voices.add_row(who, quotes, words, role)
    kinds = _counts_table("By kind", card.by_kind, {})
    classes = _counts_table("By role class", card.by_role_class, dict(ROLE_CLASS_LABELS))
    side_by_side = Table.grid(padding=(0, 4))
    side_by_side.add_row(kinds, classes)
    share = card.direct_share or 0.0
    speech = Text(f"Direct {share:>4.0%} ", style="bold")
    speech.append(bar(share, 1, 20), style="bold")
    speech.append(bar(1 - share, 1, 20).replace("█", "░"), style="dim")
    speech.append(f" {1 - share:.0%} Reported", style="bold")
    speech.append(f"   {card.direct} direct · {card.reported} reported · {card.mixed} mixed "
                  f"(half each way) · {card.unattributed_quotes} unattributed", style="dim")
    first, last = card.voice(card.first_voice), card.voice(card.last_voice)
    turns = Text("Speaks first: ", style="bold")
    turns.append(_name(first.name) if first else "—")
    turns.append("   Last word: ", style="bold")
    turns.append(_name(last.name) if last else "—")
    summary = Text(f"{len(card.voices)} voices · {card.quotes} quotes · "
                   f"{card.words} quoted words", style="dim")
    return Group(head, summary, Text(), voices, Text(), side_by_side, Text(), speech, turns)


class SourcesCardView(Static):
    """The card of one article (``show`` it); read-only, scrolled by its screen."""

    def show(self, card: SourcesCard, title: str) -> None:
        self.update(card_renderable(card, title))
