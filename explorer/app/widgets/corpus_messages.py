"""Messages the corpus widgets post up to the corpus screen."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class CorpusSpeakerChosen(Message):
    """Show this speaker's quotes across the folder; ``go``: and move the focus to them."""

    name: str
    go: bool = False

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, CorpusSpeakerChosen) and not message.go


@dataclass
class PassageChosen(Message):
    """Open the article at ``path`` and show ``[start, end)``; ``quote_id`` when it is a quote."""

    path: str
    start: int
    end: int
    quote_id: str | None = None
