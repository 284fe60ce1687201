"""Messages the widgets post up to the reader screen (attributes go down, messages up)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class ItemSelected(Message):
    """A panel row was chosen (enter or click): light every passage of the item."""

    item_id: str


@dataclass
class ItemPreviewed(Message):
    """The cursor of a panel rests on an item: light it, without keeping it yet."""

    item_id: str

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, ItemPreviewed)


@dataclass
class SpeakerQuotesRequested(Message):
    """Show only this speaker's quotes in the Quotes panel."""

    speaker_id: str


@dataclass
class ArticleChosen(Message):
    """The library asked for the article at ``index``."""

    index: int


@dataclass
class CursorMoved(Message):
    """The article cursor now rests on the text ``[start, end)``."""

    start: int
    end: int

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, CursorMoved)


@dataclass
class SearchChanged(Message):
    """The search bar's query or options changed."""

    query: str
    regex: bool
    case_sensitive: bool

    def can_replace(self, message: Message) -> bool:
        return isinstance(message, SearchChanged)


@dataclass
class SearchStep(Message):
    """Move to the next (``+1``) or previous (``-1``) search match."""

    step: int


@dataclass
class SearchClosed(Message):
    """The search bar was closed; drop the matches."""



@dataclass
class SideColumnReady(Message):
    """The library and the panels are mounted and can be filled.

    Defined here, not in ``side_column``, so the reader can listen without importing
    the panels before its first paint.
    """


@dataclass
class SideColumnResized(Message):
    """The side column's width changed: the tab labels may need their short names."""

    width: int
