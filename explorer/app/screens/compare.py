"""Two stories side by side (``V``): pick the other article, then voices in both and in one,
matching quotes and figures that disagree, as ``explorer compare`` prints them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option

from explorer.analysis.compare import compare
from explorer.app import STYLES
from explorer.commands.compare import comparison_report
from explorer.model import Article, ParsedDocument
from explorer.safe_text import visible


class ArticlePicker(ModalScreen["int | None"]):
    """Choose an article from a list: ``enter`` takes it, ``escape`` cancels."""

    CSS_PATH = STYLES / "newsroom.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="picker.cancel", tooltip="Close, choose nothing"),
    ]

    def __init__(self, title: str, choices: Sequence[tuple[int, Article]]) -> None:
        super().__init__(classes="newsroom-dialog")
        self.title_text = title
        self.choices = list(choices)

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(self.title_text, classes="dialog-title")
            yield OptionList(*(Option(self._label(article)) for _, article in self.choices),
                             id="picker-list")
            yield Static("enter: choose · escape: cancel", classes="dialog-hint")

    @staticmethod
    def _label(article: Article) -> Text:
        label = Text(" ".join(visible(article.display_title).split()), style="bold")
        if article.date:
            label.append(f"  {article.date}", style="dim")
        return label

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = 0 if self.choices else None
        options.focus()

    @on(OptionList.OptionSelected, "#picker-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.choices[event.option_index][0])

    def action_cancel(self) -> None:
        self.dismiss(None)


class CompareScreen(Screen[None]):
    """The open article (A) beside another (B), analysed first if it is not yet.

    | Key | Does |
    | :- | :- |
    | up / down | Scroll. |
    | escape | Back to the article. |
    """

    CSS_PATH = STYLES / "newsroom.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,V,q", "dismiss", "Back", id="compare.back",
                tooltip="Back to the article"),
    ]

    def __init__(self, a: ParsedDocument, b_article: Article, service,
                 b: ParsedDocument | None = None) -> None:
        super().__init__()
        self.a = a
        self.b_article = b_article
        self.b = b
        self.service = service

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="compare-scroll"):
            yield Static(Text("analysing the other article…", style="italic"),
                         id="compare-report")
        yield Footer()

    def on_mount(self) -> None:
        scroll = self.query_one(VerticalScroll)
        scroll.border_title = "Two stories side by side"
        scroll.focus()
        if self.b is not None:
            self._show(self.b)
        else:
            self._analyse()

    @work(thread=True, exclusive=True, group="compare")
    def _analyse(self) -> None:
        document = self.service.analyze(self.b_article)
        self.app.call_from_thread(self._show, document)

    def _show(self, b: ParsedDocument) -> None:
        self.b = b
        report = self.query_one("#compare-report", Static)
        if b.error is not None or self.a.error is not None:
            report.update(Text(f"cannot compare: {visible(b.error or self.a.error or '')}"))
            return
        report.update(comparison_report(compare(self.a, b)))
