"""The whole folder at once: speakers across articles, their quotes, and search.

Built from the cached analyses first (instant for a folder opened before), then
from the rest as the background analysis finishes them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Footer, Input, Static
from textual.worker import get_current_worker

from explorer.app import STYLES
from explorer.app.widgets.corpus_messages import CorpusSpeakerChosen, PassageChosen
from explorer.app.widgets.corpus_quotes import CorpusQuotes
from explorer.app.widgets.corpus_results import CorpusResults
from explorer.app.widgets.corpus_speakers import CorpusSpeakers
from explorer.model import Article, ParsedDocument
from explorer.safe_text import visible
from explorer.store.corpus import CorpusIndex

CACHED_BATCH = 100
"""Cached documents are handed to the screen in groups: one UI update per group."""
ANALYSIS_BATCH = 8
"""Articles parsed together (``nlp.pipe``) while the screen shows progress between batches."""


@dataclass(frozen=True, slots=True)
class CorpusJump:
    """Where the reader should go: an article (its index in the reader's list) and a passage."""

    article_index: int
    start: int
    end: int
    quote_id: str | None = None


class CorpusScreen(Screen["CorpusJump | None"]):
    """Every quoted speaker of the folder; choose one to list their quotes, or search.

    | Key | Does |
    | :- | :- |
    | ctrl+f | Search every article of the folder. |
    | s | Back to the speakers list. |
    | escape | Close the search, then go back to the article. |
    """

    CSS_PATH = STYLES / "corpus.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+f", "search", "Search folder", id="corpus.search",
                tooltip="Search the text of every article"),
        Binding("s", "focus_speakers", "Speakers", id="corpus.speakers", show=False,
                tooltip="Move to the list of speakers"),
        Binding("escape", "back", "Back", id="corpus.back",
                tooltip="Close the search, or go back to the article"),
    ]

    indexed: reactive[int] = reactive(0, init=False)
    """How many articles the corpus index holds so far."""
    failed: reactive[int] = reactive(0, init=False)
    """How many articles could not be analysed."""
    done: reactive[bool] = reactive(False, init=False)
    """Whether every article has been indexed."""

    def __init__(self, articles: Sequence[Article], service,
                 documents: dict[int, ParsedDocument] | None = None) -> None:
        super().__init__()
        self.articles = list(articles)
        self.service = service
        self.corpus = CorpusIndex()
        self.titles: dict[str, str] = {}
        self._known = dict(documents or {})  # copied here, on the UI thread
        self._article_index = {a.path: i for i, a in enumerate(self.articles) if a.path}
        self._speaker: str | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="corpus-status")
        yield Input(placeholder="search every article… (ctrl+f)", id="corpus-search")
        with Horizontal(id="corpus-body"):
            yield CorpusSpeakers(id="corpus-speakers")
            with ContentSwitcher(initial="corpus-quotes", id="corpus-right"):
                yield CorpusQuotes(id="corpus-quotes")
                yield CorpusResults(id="corpus-results")
        yield Footer()

    def on_mount(self) -> None:
        speakers = self.query_one(CorpusSpeakers)
        speakers.border_title = "Speakers across the folder"
        speakers.focus()
        self._show_status()
        self._fill()

    # -- building the index --------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="corpus")
    def _fill(self) -> None:
        """Cached analyses first, in groups; then the rest, analysed in small batches."""
        worker = get_current_worker()
        pending: list[ParsedDocument] = []
        missing: list[Article] = []
        for index, article in enumerate(self.articles):
            if worker.is_cancelled:
                return
            document = self._known.get(index) or self.service.cached(article)
            if document is None:
                missing.append(article)
                continue
            pending.append(document)
            if len(pending) >= CACHED_BATCH:
                self.app.call_from_thread(self._add, pending)
                pending = []
        if pending:
            self.app.call_from_thread(self._add, pending)
        for start in range(0, len(missing), ANALYSIS_BATCH):
            if worker.is_cancelled:
                return
            batch = missing[start : start + ANALYSIS_BATCH]
            self.app.call_from_thread(self._add, self.service.analyze_batch(batch))
        self.app.call_from_thread(setattr, self, "done", True)

    def _add(self, documents: list[ParsedDocument]) -> None:
        for document in documents:
            if document.error is not None:
                self.failed += 1
                continue
            self.corpus.add(document)
            self.titles[document.article.path or ""] = document.article.display_title
            self.indexed += 1
        self.query_one(CorpusSpeakers).show(self.corpus.speakers())
        if self._speaker is not None:
            self._show_quotes(self._speaker)
        query = self.query_one(Input).value
        if query.strip():
            self.query_one(CorpusResults).show(self.corpus.search(query))

    def watch_indexed(self) -> None:
        self._show_status()

    def watch_done(self) -> None:
        self._show_status()

    def _show_status(self) -> None:
        total = len(self.articles)
        speakers = len(self.corpus.speakers())
        quotes = sum(a.quote_count for a in self.corpus.articles)
        text = f"{self.indexed} of {total} articles · {quotes} quotes · {speakers} speakers"
        if self.failed:
            text += f" · {self.failed} failed"
        if not self.done:
            text += " · analysing the rest…"
        self.query_one("#corpus-status", Static).update(text)

    # -- speakers and their quotes ---------------------------------------------------------------

    @on(CorpusSpeakerChosen)
    def _speaker_chosen(self, event: CorpusSpeakerChosen) -> None:
        self._speaker = event.name
        self._show_quotes(event.name)

    def _show_quotes(self, name: str) -> None:
        quotes = self.query_one(CorpusQuotes)
        quotes.border_title = visible(name)
        quotes.show(self.corpus.quotes_of(name), self.titles)
        self.query_one(ContentSwitcher).current = "corpus-quotes"

    def action_focus_speakers(self) -> None:
        self.query_one(CorpusSpeakers).focus()

    # -- search --------------------------------------------------------------------------------

    def action_search(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Changed, "#corpus-search")
    def _search_changed(self, event: Input.Changed) -> None:
        if not event.value.strip():
            self.query_one(ContentSwitcher).current = "corpus-quotes"
            return
        results = self.query_one(CorpusResults)
        found = self.corpus.search(event.value)
        results.border_title = f"{sum(len(r.hits) for r in found)} matches in {len(found)} articles"
        results.show(found)
        self.query_one(ContentSwitcher).current = "corpus-results"

    @on(Input.Submitted, "#corpus-search")
    def _search_submitted(self) -> None:
        if self.query_one(ContentSwitcher).current == "corpus-results":
            self.query_one(CorpusResults).focus()

    def action_back(self) -> None:
        search = self.query_one(Input)
        if search.value:
            search.value = ""
            self.query_one(CorpusSpeakers).focus()
            return
        self.dismiss(None)

    # -- going to a passage ---------------------------------------------------------------------

    @on(PassageChosen)
    def _passage_chosen(self, event: PassageChosen) -> None:
        index = self._article_index.get(event.path)
        if index is not None:
            self.dismiss(CorpusJump(index, event.start, event.end, event.quote_id))
