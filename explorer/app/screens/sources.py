"""The sources card of the open article as a screen of its own (``S``, or the palette)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer

from explorer.analysis.sources_card import sources_card
from explorer.app import STYLES
from explorer.app.widgets.sources_card import SourcesCardView
from explorer.model import ParsedDocument


class SourcesScreen(Screen[None]):
    """Who the article's sources are and how much room each gets.

    | Key | Does |
    | :- | :- |
    | escape, S | Back to the article. |
    | up / down | Scroll. |
    """

    CSS_PATH = STYLES / "newsroom.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,S,q", "dismiss", "Back", id="sources.back",
                tooltip="Back to the article"),
    ]

    def __init__(self, document: ParsedDocument) -> None:
        super().__init__()
        self.document = document

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="sources-scroll"):
            yield SourcesCardView(id="sources-card")
        yield Footer()

    def on_mount(self) -> None:
        scroll = self.query_one("#sources-scroll", VerticalScroll)
        scroll.border_title = "Sources"
        scroll.focus()
        self.query_one(SourcesCardView).show(sources_card(self.document),
                                             self.document.article.display_title)
