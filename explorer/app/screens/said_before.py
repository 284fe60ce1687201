"""'Said before' (``B``): the chosen speaker's quotes in the folder's other articles,
newest first; ``enter`` opens the article at the quote."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from explorer.analysis.person_match import PersonName
from explorer.app import STYLES
from explorer.app.screens.corpus import ANALYSIS_BATCH, CorpusJump
from explorer.model import Article, ParsedDocument
from explorer.safe_text import visible
from explorer.store.corpus_query import QuoteRef
from explorer.store.said_before import said_before

QUOTE_CHARACTERS = 200


def earlier_prompt(quote: QuoteRef) -> Text:
    """Date and title, the name the article used, then the quote's words."""
    words = " ".join(visible(quote.text).split())
    if len(words) > QUOTE_CHARACTERS:
        words = words[:QUOTE_CHARACTERS].rsplit(" ", 1)[0] + "…"
    prompt = Text(quote.date or "no date", style="bold")
    prompt.append(f"  {' '.join(visible(quote.title).split())}", style="bold")
    prompt.append(f"\n  as {' '.join(visible(quote.speaker).split())} · {quote.kind}", style="dim")
    prompt.append(f"\n  “{words}”")
    return prompt


class SaidBeforeScreen(Screen["CorpusJump | None"]):
    """What one person said in the other articles of the folder.

    | Key | Does |
    | :- | :- |
    | enter | Open the article at that quote. |
    | escape | Back to the article. |
    """

    CSS_PATH = STYLES / "newsroom.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,B", "back", "Back", id="said_before.back",
                tooltip="Back to the article"),
    ]

    def __init__(self, person: PersonName, articles: Sequence[Article], current: int, service,
                 documents: dict[int, ParsedDocument] | None = None) -> None:
        super().__init__()
        self.person = person
        self.articles = list(articles)
        self.current = current
        self.service = service
        self._known = dict(documents or {})
        self.found: tuple[QuoteRef, ...] = ()
        self._index_of = {a.path: i for i, a in enumerate(self.articles) if a.path}

    def compose(self) -> ComposeResult:
        yield Static("", id="said-before-status")
        yield OptionList(id="said-before-list")
        yield Footer()

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.border_title = f"Said before: {' '.join(visible(self.person.name).split())}"
        options.focus()
        self._status("reading the folder…")
        self._gather()

    def _status(self, text: str) -> None:
        self.query_one("#said-before-status", Static).update(Text(text))

    @work(thread=True, exclusive=True, group="said-before")
    def _gather(self) -> None:
        """Known and cached analyses first, then the rest in small batches."""
        worker = get_current_worker()
        documents: list[ParsedDocument] = []
        missing: list[Article] = []
        for index, article in enumerate(self.articles):
            document = self._known.get(index) or self.service.cached(article)
            if document is None:
                missing.append(article)
            else:
                documents.append(document)
        for start in range(0, len(missing), ANALYSIS_BATCH):
            if worker.is_cancelled:
                return
            self.app.call_from_thread(self._status, f"analysing {len(missing) - start} "
                                                    "more articles…")
            documents.extend(self.service.analyze_batch(missing[start : start + ANALYSIS_BATCH]))
        exclude = self.articles[self.current].path if self.articles else None
        found = said_before(self.person, documents, exclude_path=exclude)
        if not worker.is_cancelled:
            self.app.call_from_thread(self._show, found, sum(1 for d in documents if d.error is None))

    def _show(self, found: tuple[QuoteRef, ...], searched: int) -> None:
        self.found = found
        options = self.query_one(OptionList)
        options.set_options(Option(earlier_prompt(q)) for q in found)
        if found:
            options.highlighted = 0
        others = max(searched - 1, 0)
        articles = len({q.path for q in found})
        self._status(f"{len(found)} {'quote' if len(found) == 1 else 'quotes'} in {articles} of "
                     f"{others} other {'article' if others == 1 else 'articles'} · newest first")

    @on(OptionList.OptionSelected, "#said-before-list")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        quote = self.found[event.option_index]
        index = self._index_of.get(quote.path)
        if index is not None:
            self.dismiss(CorpusJump(index, quote.start, quote.end, quote.quote_id))

    def action_back(self) -> None:
        self.dismiss(None)
