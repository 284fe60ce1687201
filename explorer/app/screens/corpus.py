"""The whole folder at once: speakers across articles, their quotes, and search.

Everything shown is a paged query on the folder's corpus index (SQLite with
FTS5, ``explorer.store.corpus``), so the screen opens at once on what was
indexed before, however large. A worker thread brings the index up to date
(cached analyses first, then the rest analysed in small batches) and the
lists refresh as it goes.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import ContentSwitcher, Input, OptionList, Static
from textual.worker import get_current_worker

from explorer.app import STYLES
from explorer.app.widgets.corpus_messages import CorpusSpeakerChosen, PassageChosen
from explorer.app.widgets.corpus_quotes import CorpusQuotes
from explorer.app.widgets.corpus_results import CorpusResults
from explorer.app.widgets.corpus_speakers import CorpusSpeakers, plural
from explorer.app.widgets.footer import ExplorerFooter
from explorer.app.widgets.item_list import ItemList
from explorer.model import Article, ParsedDocument
from explorer.safe_text import visible
from explorer.store.corpus import (
    CorpusIndex,
    article_path,
    content_key,
    corpus_path,
    software_key,
)
from explorer.store.corpus_query import Filters, QueryError, split_filters

CACHED_BATCH = 100
"""Cached documents indexed per transaction (one refresh of the lists each)."""
ANALYSIS_BATCH = 8
"""Articles parsed together (``nlp.pipe``) while the screen shows progress between batches."""
SEARCH_DELAY = 0.15
"""Seconds of no typing before the search runs: one query per pause, not per key."""
SORTS = ("quotes", "articles", "name")


@dataclass(frozen=True, slots=True)
class CorpusJump:
    """Where the reader should go: an article (its index in the reader's list) and a passage."""

    article_index: int
    start: int
    end: int
    quote_id: str | None = None


def default_index_path(articles: Sequence[Article], service) -> Path | None:
    """The folder's index in the cache directory, or None when the cache is off."""
    if not getattr(service, "use_cache", False):
        return None
    from explorer.store.cache import default_cache_dir

    return corpus_path([a.path for a in articles if article_path(a)], default_cache_dir())


class CorpusScreen(Screen["CorpusJump | None"]):
    """Every quoted speaker of the folder; choose one to list their quotes, or search.

    | Key | Does |
    | :- | :- |
    | ctrl+f | Search every article of the folder. |
    | s | Back to the speakers list. |
    | o | Sort speakers by quotes, articles or name. |
    | 2 | Only speakers quoted in 2 or more articles (again: all). |
    | ? | The keys of this view. |
    | escape | Close the search, then go back to the article. |
    """

    CSS_PATH = STYLES / "corpus.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+f", "search", "Search folder", id="corpus.search",
                tooltip='Search every article: words, "a phrase", prefix*, AND/OR/NOT, '
                        "and filters such as since:2024-01 source:ledger speaker:\"A Name\" "
                        "kind:organisation quote:direct"),
        Binding("s", "focus_speakers", "Speakers", id="corpus.speakers", show=False,
                tooltip="Move to the list of speakers"),
        Binding("o", "sort", "Sort", id="corpus.sort",
                tooltip="Sort speakers by number of quotes, of articles, or by name"),
        Binding("2", "toggle_spread", "In 2+ articles", id="corpus.spread",
                tooltip="Only speakers quoted in two or more articles; again for all"),
        Binding("question_mark", "corpus_help", "Keys", id="corpus.help",
                tooltip="The keys of the folder view"),
        Binding("escape", "back", "Back", id="corpus.back",
                tooltip="Close the search, or go back to the article"),
    ]

    indexed: reactive[int] = reactive(0, init=False)
    """How many of the open articles the corpus index holds, up to date."""
    failed: reactive[int] = reactive(0, init=False)
    """How many articles could not be analysed."""
    done: reactive[bool] = reactive(False, init=False)
    """Whether every article has been indexed."""
    sort: reactive[str] = reactive("quotes", init=False)
    """How the speakers are ordered: by ``quotes``, ``articles`` or ``name``."""
    min_articles: reactive[int] = reactive(1, init=False)
    """Only speakers quoted in at least this many articles."""

    def __init__(self, articles: Sequence[Article], service,
                 documents: dict[int, ParsedDocument] | None = None,
                 index_path: Path | str | None = None) -> None:
        super().__init__()
        self.articles = list(articles)
        self.service = service
        self._known = dict(documents or {})  # copied here, on the UI thread
        self._article_index = {p: i for i, a in enumerate(self.articles) if (p := article_path(a))}
        self._speaker: str | None = None
        self._scratch: str | None = None
        if index_path is None:
            index_path = default_index_path(self.articles, service)
        self.index = self._open(index_path)
        """The UI thread's connection; the indexing worker opens its own."""
        self._search_timer: Timer | None = None

    def _open(self, index_path: Path | str | None) -> CorpusIndex:
        """The index at ``index_path``; a private one for this screen when there is none or it fails."""
        if index_path is not None:
            try:
                self.index_path = Path(index_path)
                return CorpusIndex(self.index_path)
            except (OSError, sqlite3.Error):
                pass  # an unwritable cache folder: browse a private index instead
        self._scratch = tempfile.mkdtemp(prefix="explorer-corpus-")
        self.index_path = Path(self._scratch) / "corpus.sqlite3"
        return CorpusIndex(self.index_path)

    def compose(self) -> ComposeResult:
        yield Static(id="corpus-status")
        yield Input(placeholder='search every article… (ctrl+f)  "a phrase"  word*  AND OR NOT  '
                                "since:2024-01 speaker:\"Name\" quote:direct", id="corpus-search")
        with Horizontal(id="corpus-body"):
            yield CorpusSpeakers(id="corpus-speakers")
            with ContentSwitcher(initial="corpus-quotes", id="corpus-right"):
                yield CorpusQuotes(id="corpus-quotes")
                yield CorpusResults(id="corpus-results")
        yield ExplorerFooter()

    def on_mount(self) -> None:
        speakers = self.query_one(CorpusSpeakers)
        self._load_speakers()
        speakers.focus()
        self._show_status()
        if self.articles:
            self._sync()
        else:  # an index opened on its own is browsed as it is
            self.done = True

    def on_unmount(self) -> None:
        self.index.close()
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)

    # -- keeping the index up to date -----------------------------------------------------------

    @work(thread=True, exclusive=True, group="corpus")
    def _sync(self) -> None:
        """Index what is new or changed: cached analyses first, in groups; then the rest."""
        worker = get_current_worker()
        with CorpusIndex(self.index_path) as writer:
            identity = getattr(self.service, "identity", None)  # a service that cannot say: text only
            software = software_key(identity) if identity is not None else ""
            known = writer.keys()
            wanted: dict[str, str] = {}
            todo: list[tuple[int, Article, str]] = []
            for number, article in enumerate(self.articles):
                path = article_path(article)
                if path is None:
                    continue
                key = wanted[path] = content_key(article, software)
                if known.get(path) != key:
                    todo.append((number, article, key))
            gone = set(known) - set(wanted)
            if gone:
                writer.remove_paths(gone)
            self.app.call_from_thread(setattr, self, "indexed", len(wanted) - len(todo))
            pending: list[tuple[ParsedDocument, str]] = []
            missing: list[tuple[Article, str]] = []
            for number, article, key in todo:
                if worker.is_cancelled:
                    return
                document = self._known.get(number) or self.service.cached(article)
                if document is None:
                    missing.append((article, key))
                    continue
                pending.append((document, key))
                if len(pending) >= CACHED_BATCH:
                    self._write(writer, pending)
                    pending = []
            self._write(writer, pending)
            for start in range(0, len(missing), ANALYSIS_BATCH):
                if worker.is_cancelled:
                    return
                batch = missing[start : start + ANALYSIS_BATCH]
                documents = self.service.analyze_batch([article for article, _ in batch])
                self._write(writer, [(doc, key) for doc, (_, key) in zip(documents, batch)])
        self.app.call_from_thread(setattr, self, "done", True)

    def _write(self, writer: CorpusIndex, batch: list[tuple[ParsedDocument, str]]) -> None:
        """In the worker: index a batch, then let the UI thread count it and refresh."""
        good = [(doc, key) for doc, key in batch if doc.error is None]
        if good:
            writer.add_documents(good)
        if batch:
            self.app.call_from_thread(self._indexed_batch, len(good), len(batch) - len(good))

    def _indexed_batch(self, good: int, failed: int) -> None:
        if not self.is_attached:
            return  # the user left while the worker finished its batch
        self.indexed += good
        self.failed += failed
        self._refresh_lists()

    def _refresh_lists(self) -> None:
        self._load_speakers()
        if self._speaker is not None and self.query_one(ContentSwitcher).current == "corpus-quotes":
            self._show_quotes(self._speaker)
        if self.query_one(Input).value.strip():
            self._run_search()

    def watch_indexed(self) -> None:
        self._show_status()

    def watch_done(self) -> None:
        self._show_status()

    def _show_status(self) -> None:
        articles, quotes, speakers = self.index.counts()
        total = len(self._article_index)
        text = f"{articles} articles · {quotes} quotes · {speakers} speakers"
        if not self.done:
            text += f" · indexing: {self.indexed} of {total} up to date"
        if self.failed:
            text += f" · {self.failed} failed"
        self.query_one("#corpus-status", Static).update(text)

    # -- speakers and their quotes ---------------------------------------------------------------

    def _load_speakers(self) -> None:
        speakers = self.query_one(CorpusSpeakers)
        sort, least = self.sort, self.min_articles
        speakers.load(lambda offset, limit: self.index.speakers(
            sort=sort, min_articles=least, limit=limit, offset=offset))
        title = f"Speakers ({speakers.total}) · by {sort}"
        if least > 1:
            title += f" · in {least}+ articles"
        speakers.border_title = title

    def action_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]

    def action_toggle_spread(self) -> None:
        self.min_articles = 1 if self.min_articles > 1 else 2

    def watch_sort(self) -> None:
        self._load_speakers()
        self.notify(f"Speakers sorted by {self.sort}", timeout=1.5)

    def watch_min_articles(self) -> None:
        self._load_speakers()

    @on(CorpusSpeakerChosen)
    def _speaker_chosen(self, event: CorpusSpeakerChosen) -> None:
        self._speaker = event.name
        self._show_quotes(event.name)
        if event.go:
            self.query_one(CorpusQuotes).focus()

    def _show_quotes(self, name: str) -> None:
        quotes = self.query_one(CorpusQuotes)
        quotes.with_speaker = False
        quotes.load(lambda offset, limit: self.index.quotes_of(name, limit=limit, offset=offset))
        quotes.border_title = f"{visible(name)} · {plural(quotes.total, 'quote')}, newest first"
        self.query_one(ContentSwitcher).current = "corpus-quotes"

    def action_focus_speakers(self) -> None:
        self.query_one(CorpusSpeakers).focus()

    # -- search --------------------------------------------------------------------------------

    def action_search(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Changed, "#corpus-search")
    def _search_changed(self, event: Input.Changed) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        if not event.value.strip():
            self._search_timer = None
            if self._speaker is not None:
                self._show_quotes(self._speaker)
            self.query_one(ContentSwitcher).current = "corpus-quotes"
            return
        self._search_timer = self.set_timer(SEARCH_DELAY, self._run_search)

    def _run_search(self) -> None:
        """The search box's query and filters: hits in article text, or quotes when a filter is about quotes."""
        self._search_timer = None
        switcher = self.query_one(ContentSwitcher)
        results, quotes = self.query_one(CorpusResults), self.query_one(CorpusQuotes)
        try:
            query, filters = split_filters(self.query_one(Input).value)
            if filters.about_quotes or (filters and not query):
                quotes.with_speaker = True
                quotes.load(lambda offset, limit: self.index.quotes(
                    filters, query=query or None, limit=limit, offset=offset))
                quotes.border_title = f"{plural(quotes.total, 'quote')} found{_described(filters)}"
                switcher.current = "corpus-quotes"
                return
            results.load(lambda offset, limit: self.index.search(
                query, filters, limit=limit, offset=offset))
        except QueryError as exc:
            results.clear_rows()
            results.border_title = f"Cannot search: {exc}"
            switcher.current = "corpus-results"
            return
        shown = sum(1 for _ in results.hits)
        results.border_title = (f"{plural(results.total, 'article')} match{_described(filters)}"
                                f" · newest first · {plural(shown, 'hit')} loaded")
        switcher.current = "corpus-results"

    @on(Input.Submitted, "#corpus-search")
    def _search_submitted(self) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
            self._run_search()
        target = self.query_one(ContentSwitcher).current
        widget = self.query_one(f"#{target}", OptionList)
        if widget.option_count:
            widget.focus()

    def action_back(self) -> None:
        search = self.query_one(Input)
        if search.value:
            search.value = ""
            self.query_one(CorpusSpeakers).focus()
            return
        self.dismiss(None)

    def action_corpus_help(self) -> None:
        from explorer.app.screens.help import HelpScreen

        self.app.push_screen(HelpScreen([("Folder view", CorpusScreen), ("Lists", ItemList)]))

    # -- going to a passage ---------------------------------------------------------------------

    @on(PassageChosen)
    def _passage_chosen(self, event: PassageChosen) -> None:
        index = self._article_index.get(event.path)
        if index is None:
            self.notify("That article is not among the ones open", severity="warning", timeout=3)
            return
        self.dismiss(CorpusJump(index, event.start, event.end, event.quote_id))


def _described(filters: Filters) -> str:
    """The filters in words, for a list's title."""
    parts = []
    if filters.speaker:
        parts.append(f"by {visible(filters.speaker)}")
    if filters.speaker_kind:
        parts.append(f"speaker kind {filters.speaker_kind}")
    if filters.quote_kind:
        parts.append(f"{filters.quote_kind} quotes")
    if filters.since:
        parts.append(f"since {filters.since}")
    if filters.until:
        parts.append(f"until {filters.until}")
    if filters.source:
        parts.append(f"source “{visible(filters.source)}”")
    return " (" + ", ".join(parts) + ")" if parts else ""
