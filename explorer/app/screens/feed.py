"""Feeds in the reader: a feed's entries fill the library, each opened as an article.

The reader is the same as for a folder (its panels, keys and library); only
where the articles come from differs. Until an entry is opened the library
holds a stand-in made of the feed's own summary; opening it fetches the page
(and the next few in the background, ``feed_fetcher``), marks it read and
shows it in place of the stand-in. Keys follow newsboat where the reader
leaves them free: ``r`` reloads the feeds, ``o`` opens the entry's link in the
web browser, ``U`` the next unread entry, ``m`` marks read or unread, ``A``
marks all read (``n``/``N`` keep stepping through the article). Read marks
are kept in the page store, so they last between sessions.
"""

from __future__ import annotations

from functools import partial
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType

from explorer.app.feed_fetcher import PREFETCH, EntryFetcher, stand_in
from explorer.app.rows import PANELS
from explorer.app.screens.reader import ReaderScreen
from explorer.app.widgets.library import Library
from explorer.commands.feeds import counted
from explorer.model import Article
from explorer.safe_text import visible
from explorer.sources import SourceError
from explorer.sources.feeds import FeedEntry

UNREAD_MARK = "N"
"""newsboat's mark for an unread entry."""


class FeedReaderScreen(ReaderScreen):
    """The reader on feeds: the library lists every entry, newest first, read or not.

    | Key | Does |
    | :- | :- |
    | enter, [ / ] | Open an entry: its page is fetched, the next few in the background. |
    | U | Open the next unread entry. |
    | m | Mark the entry read, or unread again. |
    | A | Mark every entry read. |
    | r | Fetch the feeds again. |
    | o | Open the entry's link in the web browser. |
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("U", "next_unread", "Next unread", id="feed.next_unread",
                tooltip="Open the next unread entry"),
        Binding("r", "reload", "Refresh", id="feed.reload", tooltip="Fetch the feeds again"),
        Binding("o", "open_link", "Browser", id="feed.open_link",
                tooltip="Open the entry's link in the web browser"),
        Binding("m", "toggle_read", "Read/unread", show=False, id="feed.toggle_read",
                tooltip="Mark the entry read, or unread again"),
        Binding("A", "mark_all_read", "All read", show=False, id="feed.mark_all_read",
                tooltip="Mark every entry read"),
    ]

    def __init__(self, sources: list[str], service, *, refresh: bool = False, store=None,
                 size: tuple[int, int] | None = None) -> None:
        super().__init__([], service, size=size)
        self.remove_class("-single")  # the entries are the way round a feed: always listed
        self.sources = sources
        self.refresh_first = refresh
        self.store = store
        self.entries: list[FeedEntry] = []
        self.read: set[str] = set()
        self.pages: dict[str, Article] = {}
        """Fetched articles by entry id; kept across refreshes."""
        self.failures: dict[str, str] = {}
        """Why an entry's page could not be read, by entry id."""
        self.fetching: set[str] = set()
        self.titles: list[str] = []
        self.fetched: str | None = None
        self.fetcher: EntryFetcher | None = None

    def on_mount(self) -> None:
        from explorer.store.pages import PageStore

        self.store = self.store or PageStore()
        self.fetcher = EntryFetcher(self._from_pool, store=self.store)
        # After the reader's own on_mount, which says there are no articles yet.
        self.call_later(self.load, self.refresh_first)

    def on_unmount(self) -> None:
        if self.fetcher is not None:
            self.fetcher.close()

    # -- feeds -------------------------------------------------------------------------------

    def load(self, refresh: bool) -> None:
        self.status.analysis = "fetching the feeds…" if refresh else "reading the feeds…"
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
        """The entries fill the library; the one on screen stays, else the first unread shows."""
        if self.taken_down:
            return
        shown = self.entries[self.current].id if self.entries else None
        self.entries, self.read, self.titles, self.fetched = entries, read, titles, fetched
        articles = [self.pages.get(entry.id) or stand_in(entry) for entry in entries]
        # A page fetched or found unreadable stays so: a refresh fetches the feeds, not the pages.
        waiting = {index for index, entry in enumerate(entries)
                   if entry.id not in self.pages and entry.id not in self.failures}
        ids = [entry.id for entry in entries]
        if shown in ids:
            current = ids.index(shown)
        else:
            current = next((index for index, entry in enumerate(entries)
                            if entry.id not in read), 0)
        self.replace_articles(articles, waiting=waiting, current=current)
        self.remove_class("-single")
        for error in errors:
            self.notify(visible(error), severity="error", timeout=8, markup=False)
        if not entries:
            self.status.analysis = "no entries: no feed could be read" if errors else "no entries"

    def action_reload(self) -> None:
        self.load(refresh=True)

    def feed_commands(self) -> list[tuple[str, str, object]]:
        """The palette's entries for feeds."""
        return [
            ("Feeds: open the next unread entry", "U", self.action_next_unread),
            ("Feeds: fetch the feeds again", "r", self.action_reload),
            ("Feeds: open the entry's link in the web browser", "o", self.action_open_link),
            ("Feeds: mark the entry read, or unread again", "m", self.action_toggle_read),
            ("Feeds: mark every entry read", "A", self.action_mark_all_read),
        ]

    # -- the library -----------------------------------------------------------------------------

    def library_row(self, index: int) -> Text:
        """Two lines: the unread mark and title (bold while unread), then date, source, state."""
        entry = self.entries[index]
        unread = entry.id not in self.read
        prompt = Text(f"{UNREAD_MARK if unread else ' '} ", style="bold")
        prompt.append(visible(entry.title).replace("\n", " "), style="bold" if unread else "")
        detail = f"{entry.date or 'no date'} · {visible(entry.source)}"
        state = self._state(index)
        if state:
            detail += f" · {state}"
        prompt.append(f"\n  {detail}", style="dim")
        return prompt

    def _state(self, index: int) -> str:
        entry = self.entries[index]
        if entry.id in self.fetching:
            return "fetching…"
        if entry.id in self.failures:
            return "page not readable"
        document = self.documents.get(index)
        if document is None:
            return ""
        if document.error:
            return "analysis failed"
        return f"{len(document.quotes)} quote" + ("" if len(document.quotes) == 1 else "s")

    def library_summary(self) -> str:
        """Under the entries: how many are unread, which feeds, when they were fetched."""
        unread = sum(entry.id not in self.read for entry in self.entries)
        unread_said = f"{unread} unread (marked {UNREAD_MARK})" if unread else "0 unread"
        parts = [f"{counted(len(self.entries), 'entry')}, {unread_said}", *self.titles]
        if self.fetched:
            parts.append(f"fetched {self.fetched}")
        return visible(" · ".join(parts))

    def _fill_library(self) -> None:
        super()._fill_library()
        if self.entries:
            self.query_one(Library).focus()

    def _show_document(self, document) -> None:
        super()._show_document(document)
        if not self.entries or self.current not in self.analyses.waiting:
            return
        if self.entries[self.current].id in self.fetching:
            self.status.analysis = "fetching the page…"
            return
        self.status.analysis = "the feed's summary · enter opens the page"
        if self.side_ready:
            for spec in PANELS:
                self.panel(spec.key).show_waiting("open the entry (enter) to analyse its page")

    # -- entries -----------------------------------------------------------------------------------

    def open_article(self, index: int) -> None:
        """Open the entry: marked read, its page fetched (the next few too), shown once here."""
        if not self.entries:
            return
        self._mark(index, True)
        for following in (self.entries[index], *self.entries[index + 1: index + 1 + PREFETCH]):
            self._fetch(following)
        super().open_article(index)

    def _fetch(self, entry: FeedEntry) -> None:
        if entry.id in self.pages or self.fetcher is None:
            return
        if self.fetcher.fetch(entry):
            self.fetching.add(entry.id)
            self.refresh_library_row(self.entries.index(entry))

    def _from_pool(self, entry: FeedEntry, result: Article | SourceError) -> None:
        """From a fetch thread: hand the result to the UI thread."""
        self.app.call_from_thread(self._fetched, entry, result)

    def _fetched(self, entry: FeedEntry, result: Article | SourceError) -> None:
        self.fetching.discard(entry.id)
        if self.taken_down:
            return
        if isinstance(result, Article):
            self.pages[entry.id] = result
        ids = [known.id for known in self.entries]
        if entry.id not in ids:
            return  # the feeds were reloaded without it
        index = ids.index(entry.id)  # by id: a reload may have changed its summary or title
        if isinstance(result, Article):
            self.failures.pop(entry.id, None)
            self.replace_article(index, result)
            return
        self.failures[entry.id] = result.reason
        if index == self.current:
            self.notify(visible(str(result)), severity="error", timeout=8, markup=False)
            self.notify("Showing the feed's summary of the entry instead", timeout=4)
        # The summary is all there is to read: analyse it like an article.
        self.replace_article(index, self.articles[index])

    def _mark(self, index: int, read: bool) -> None:
        entry = self.entries[index]
        if (entry.id in self.read) == read:
            return
        if read:
            self.read.add(entry.id)
        else:
            self.read.discard(entry.id)
        self.store.mark_read(entry.id, read)
        self.refresh_library_row(index)

    @property
    def target(self) -> int | None:
        """The entry the keys act on: the library's cursor when it has the focus, else the open one."""
        if not self.entries:
            return None
        if self.side_ready:
            library = self.query_one(Library)
            if library.has_focus and library.highlighted is not None:
                return library.highlighted
        return self.current

    def action_toggle_read(self) -> None:
        index = self.target
        if index is not None:
            self._mark(index, self.entries[index].id not in self.read)

    def action_mark_all_read(self) -> None:
        for index in range(len(self.entries)):
            self._mark(index, True)

    def next_unread(self) -> int | None:
        """The first unread entry after the one acted on, wrapping round."""
        start, count = self.target, len(self.entries)
        if start is None:
            return None
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
            self.open_article(index)

    def action_open_link(self) -> None:
        """The entry's page in the web browser (only http(s) links ever reach here)."""
        index = self.target
        if index is None:
            return
        link = self.entries[index].link
        if link is None:
            self.notify("This entry has no web link", timeout=2)
            return
        self.app.open_url(link)
        self.notify(visible(f"Opened in the browser: {link}"), timeout=3, markup=False)
