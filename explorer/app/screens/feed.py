"""Feeds in the app: the entries of the open feeds, and the reader for one entry's article.

Keys follow newsboat where they fit: ``n`` opens the next unread entry,
``N`` toggles read, ``A`` marks all read, ``r`` reloads the feeds, ``o``
opens the entry's link in the web browser. Entries are marked read when
opened; the mark is kept in the page store, so it lasts between sessions.
"""

from __future__ import annotations

from functools import partial
from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Footer, Static

from explorer.app.feed_fetcher import PREFETCH, EntryFetcher, summary_article
from explorer.app.screens.reader import ReaderScreen
from explorer.app.widgets.feed_entries import FeedEntries
from explorer.commands.feeds import counted
from explorer.model import Article
from explorer.safe_text import visible
from explorer.sources import SourceError
from explorer.sources.feeds import FeedEntry


class FeedScreen(Screen):
    """The entries of every open feed, newest first; ``enter`` reads one.

    | Key | Does |
    | :- | :- |
    | enter | Open the entry: its page is fetched, the next few in the background. |
    | n | Open the next unread entry. |
    | N | Mark the entry read, or unread again. |
    | A | Mark every entry read. |
    | r | Reload the feeds from the web. |
    | o | Open the entry's link in the web browser. |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "next_unread", "Next unread", id="feed.next_unread",
                tooltip="Open the next unread entry"),
        Binding("N", "toggle_read", "Read/unread", id="feed.toggle_read",
                tooltip="Mark the entry read, or unread again"),
        Binding("A", "mark_all_read", "All read", show=False, id="feed.mark_all_read",
                tooltip="Mark every entry read"),
        Binding("r", "reload", "Reload", id="feed.reload", tooltip="Fetch the feeds again"),
        Binding("o", "open_link", "Browser", id="feed.open_link",
                tooltip="Open the entry's link in the web browser"),
    ]

    def __init__(self, sources: list[str], service, *, refresh: bool = False, store=None) -> None:
        super().__init__()
        self.sources = sources
        self.service = service
        self.refresh_first = refresh
        self.store = store
        self.entries: list[FeedEntry] = []
        self.read: set[str] = set()
        self.articles: dict[str, Article] = {}
        """Fetched articles by entry id."""
        self.failures: dict[str, str] = {}
        """Why an entry's page could not be read, by entry id."""
        self.waiting: str | None = None
        """The entry opened and still being fetched: shown when it arrives."""
        self.fetcher: EntryFetcher | None = None

    def compose(self) -> ComposeResult:
        # Feed titles and error text are never markup.
        yield Static(id="feed-title", markup=False)
        yield FeedEntries(id="feed-entries")
        yield Static(id="feed-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        from explorer.store.pages import PageStore

        self.store = self.store or PageStore()
        self.fetcher = EntryFetcher(self._from_pool, store=self.store)
        self.load(refresh=self.refresh_first)

    def on_unmount(self) -> None:
        if self.fetcher is not None:
            self.fetcher.close()

    @property
    def entry_list(self) -> FeedEntries:
        return self.query_one(FeedEntries)

    def _status(self, text: str) -> None:
        self.query_one("#feed-status", Static).update(visible(text))

    # -- feeds -------------------------------------------------------------------------------

    def load(self, refresh: bool) -> None:
        self._status("fetching the feeds…" if refresh else "reading the feeds…")
        self.run_worker(partial(self._load_feeds, refresh), thread=True, exclusive=True,
                        group="feeds")

    def _load_feeds(self, refresh: bool) -> None:
        """In a thread: every feed (stored copy unless ``refresh``), entries merged newest first."""
        from explorer.store.feeds import load_feed

        entries: dict[str, FeedEntry] = {}
        errors: list[str] = []
        titles: list[str] = []
        fetched: list[str] = []
        for source in self.sources:
            try:
                loaded = load_feed(source, refresh=refresh, store=self.store)
            except SourceError as error:
                errors.append(str(error))
                continue
            titles.append(loaded.feed.title)
            if loaded.fetched:
                fetched.append(loaded.fetched)
            for entry in loaded.feed.entries:
                entries.setdefault(entry.id, entry)
        ordered = sorted(entries.values(), key=lambda entry: entry.date or "", reverse=True)
        read = self.store.read_entries(entry.id for entry in ordered)
        try:
            self.app.call_from_thread(self._loaded, ordered, read, errors, titles,
                                      min(fetched, default=None))
        except RuntimeError:
            pass  # the app closed while the feeds were on their way

    def _loaded(self, entries: list[FeedEntry], read: set[str], errors: list[str],
                titles: list[str], fetched: str | None) -> None:
        self.entries = entries
        self.read = read
        self.failures.clear()
        self.entry_list.set_entries(entries, read)
        title = " · ".join(titles) if titles else "no feed could be read"
        self.query_one("#feed-title", Static).update(visible(title))
        for error in errors:
            self.notify(visible(error), severity="error", timeout=8, markup=False)
        self._show_counts(fetched)
        self.entry_list.focus()

    def _show_counts(self, fetched: str | None = None) -> None:
        unread = sum(entry.id not in self.read for entry in self.entries)
        text = f"{counted(len(self.entries), 'entry')}, {unread} unread"
        if fetched:
            text += f" · fetched {fetched}"
        self._status(text)

    def action_reload(self) -> None:
        self.load(refresh=True)

    # -- entries -------------------------------------------------------------------------------

    @property
    def current(self) -> int | None:
        return self.entry_list.highlighted if self.entries else None

    @on(FeedEntries.Chosen)
    def _chosen(self, event: FeedEntries.Chosen) -> None:
        self.open_entry(event.index)

    def open_entry(self, index: int) -> None:
        """Read the entry: at once if its page is here, else when it arrives."""
        entry = self.entries[index]
        self.entry_list.highlighted = index
        self._mark(index, True)
        for following in self.entries[index + 1 : index + 1 + PREFETCH]:
            self._fetch(following)
        article = self.articles.get(entry.id)
        if article is not None:
            self._read(entry, article)
            return
        self.waiting = entry.id
        self._fetch(entry)

    def _fetch(self, entry: FeedEntry) -> None:
        if entry.id in self.articles or self.fetcher is None:
            return
        if self.fetcher.fetch(entry):
            self.entry_list.update_entry(self.entries.index(entry), entry, entry.id in self.read,
                                   "fetching…")

    def _from_pool(self, entry: FeedEntry, result: Article | SourceError) -> None:
        """From a fetch thread: hand the result to the UI thread."""
        self.app.call_from_thread(self._fetched, entry, result)

    def _fetched(self, entry: FeedEntry, result: Article | SourceError) -> None:
        if entry not in self.entries:
            return  # the feeds were reloaded in the meantime
        index = self.entries.index(entry)
        if isinstance(result, Article):
            self.articles[entry.id] = result
            self.failures.pop(entry.id, None)
            state = ""
        else:
            self.failures[entry.id] = result.reason
            state = "page not readable"
        self.entry_list.update_entry(index, entry, entry.id in self.read, state)
        if self.waiting != entry.id:
            return
        self.waiting = None
        if isinstance(result, Article):
            self._read(entry, result)
            return
        self.notify(visible(str(result)), severity="error", timeout=8, markup=False)
        fallback = summary_article(entry)
        if fallback is not None:
            self.notify("Showing the feed's summary of the entry instead", timeout=4)
            self._read(entry, fallback)

    def _read(self, entry: FeedEntry, article: Article) -> None:
        self.app.push_screen(FeedReaderScreen(article, self.service, entry,
                                              size=(self.app.size.width, self.app.size.height)))

    def _mark(self, index: int, read: bool) -> None:
        entry = self.entries[index]
        if (entry.id in self.read) == read:
            return
        if read:
            self.read.add(entry.id)
        else:
            self.read.discard(entry.id)
        self.store.mark_read(entry.id, read)
        state = "page not readable" if entry.id in self.failures else ""
        self.entry_list.update_entry(index, entry, read, state)
        self._show_counts()

    def action_toggle_read(self) -> None:
        index = self.current
        if index is not None:
            self._mark(index, self.entries[index].id not in self.read)

    def action_mark_all_read(self) -> None:
        for index in range(len(self.entries)):
            self._mark(index, True)

    def next_unread(self) -> int | None:
        """The first unread entry after the highlighted one, wrapping round."""
        if not self.entries:
            return None
        start = self.current if self.current is not None else -1
        count = len(self.entries)
        for step in range(1, count + 1):
            index = (start + step) % count
            if self.entries[index].id not in self.read:
                return index
        return None

    def action_next_unread(self) -> None:
        index = self.next_unread()
        if index is None:
            self.notify("No unread entries", timeout=2)
        else:
            self.open_entry(index)

    def action_open_link(self) -> None:
        index = self.current
        if index is not None:
            open_link(self, self.entries[index])


def open_link(screen: Screen, entry: FeedEntry) -> None:
    """The entry's page in the web browser (only http(s) links ever reach here)."""
    if entry.link is None:
        screen.notify("This entry has no web link", timeout=2)
        return
    screen.app.open_url(entry.link)
    screen.notify(f"Opened in the browser: {visible(entry.link)}", timeout=3, markup=False)


class FeedReaderScreen(ReaderScreen):
    """One entry's article in the reader, with the feed's keys to go back or on.

    | Key | Does |
    | :- | :- |
    | q | Back to the entries. |
    | u | The next unread entry. |
    | o | Open the entry's link in the web browser. |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q", "back_to_feed", "Entries", id="feed.back",
                tooltip="Back to the feed's entries"),
        Binding("u", "next_unread_entry", "Next unread", id="feed.reader_next_unread",
                tooltip="Read the next unread entry of the feed"),
        Binding("o", "open_entry_link", "Browser", id="feed.reader_open_link",
                tooltip="Open the entry's link in the web browser"),
    ]

    def __init__(self, article: Article, service, entry: FeedEntry,
                 size: tuple[int, int] | None = None) -> None:
        super().__init__([article], service, size=size)
        self.entry = entry

    def action_back_to_feed(self) -> None:
        self.app.pop_screen()

    def action_next_unread_entry(self) -> None:
        self.app.pop_screen()
        feed = self.app.screen
        if isinstance(feed, FeedScreen):
            feed.action_next_unread()

    def action_open_entry_link(self) -> None:
        open_link(self, self.entry)
