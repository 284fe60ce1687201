"""The reader on feeds: entries fill the library, open as articles (fetched, the next few in
the background), newsboat's keys where the reader leaves them free."""

from __future__ import annotations

import asyncio
import threading

from test_feeds import rss
from web_support import STORY, Reply, article_page

from explorer.app.analyses import Analyses
from explorer.app.feed_app import FeedApp
from explorer.app.screens.feed import FeedReaderScreen
from explorer.app.widgets.library import Library
from explorer.model import Article, Engine, ParsedDocument
from explorer.store.pages import PageStore

DATES = ["Fri, 09 May 2025 08:00:00 GMT", "Thu, 08 May 2025 08:00:00 GMT",
         "Wed, 07 May 2025 08:00:00 GMT", "Tue, 06 May 2025 08:00:00 GMT",
         "Mon, 05 May 2025 08:00:00 GMT", "Sun, 04 May 2025 08:00:00 GMT"]


class EmptyAnalysis:
    """Stands in for the document service: every article analysed at once, with no items."""

    def __init__(self) -> None:
        self.analysed: list[str] = []

    def cached(self, article: Article) -> ParsedDocument | None:
        return None

    def analyze(self, article: Article) -> ParsedDocument:
        self.analysed.append(article.text)
        return ParsedDocument(article=article, engine=Engine("", "", ""))

    def analyze_batch(self, articles: list[Article]) -> list[ParsedDocument]:
        return [self.analyze(article) for article in articles]


def serve_feed(web, count: int = 6) -> None:
    items = [(f"Story {n}", web.url(f"/story-{n}"), DATES[n]) for n in range(count)]
    web.routes["/rss.xml"] = Reply(rss(items), headers={"Content-Type": "application/rss+xml"})
    for n in range(count):
        web.routes[f"/story-{n}"] = Reply(article_page(f"Story {n}",
                                                       [f"Part {n}. {line}" for line in STORY]))


def make_app(web, tmp_path, service=None) -> FeedApp:
    return FeedApp([web.url("/rss.xml")], service=service or EmptyAnalysis(),
                   store=PageStore(tmp_path / "pages"))


async def until(pilot, condition, tries: int = 400) -> None:
    """Wait for something a thread delivers (a feed, a page); fails the test if it never comes."""
    for _ in range(tries):
        await pilot.pause()
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the app never got there")


async def entries_listed(app, pilot) -> FeedReaderScreen:
    await until(pilot, lambda: app.screen.entries and app.screen.side_ready
                and app.screen.query_one(Library).option_count)
    return app.screen


def prompts(app: FeedApp) -> list[str]:
    library = app.screen.query_one(Library)
    return [library.get_option_at_index(i).prompt.plain for i in range(library.option_count)]


def shown_text(screen: FeedReaderScreen) -> str:
    return screen.view.article.text


async def test_entries_fill_the_readers_library_with_title_date_source_and_unread_mark(web, tmp_path):
    serve_feed(web)
    app = make_app(web, tmp_path)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await entries_listed(app, pilot)
        assert type(screen) is FeedReaderScreen  # the reader itself: its panels, its keys
        assert prompts(app)[0] == "N Story 0\n  2025-05-09 · Valley Courier"
        assert len(prompts(app)) == 6
        library = screen.query_one(Library)
        assert library.display and library.has_focus
        assert library.border_subtitle.startswith("6 entries, 6 unread (marked N) · Valley Courier · fetched")
        # Nothing is fetched or marked until an entry is opened: the feed's summary shows.
        assert shown_text(screen) == "About Story 0"
        assert screen.status.analysis == "the feed's summary · enter opens the page"
        assert screen.panel("quotes")._info().plain == "open the entry (enter) to analyse its page"
        assert web.hits["/story-0"] == 0


async def test_the_library_shows_on_a_narrow_screen_too(web, tmp_path):
    serve_feed(web, count=2)
    app = make_app(web, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await entries_listed(app, pilot)
        assert screen.has_class("-narrow") and screen.query_one(Library).display
        await pilot.press("l")
        assert not screen.query_one(Library).display


async def test_opening_an_entry_fetches_it_and_the_next_few_in_the_background(web, tmp_path):
    serve_feed(web)
    service = EmptyAnalysis()
    app = make_app(web, tmp_path, service)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await entries_listed(app, pilot)
        await pilot.press("enter")
        await until(pilot, lambda: "Part 0." in shown_text(screen))
        assert screen.view.article.title == "Story 0"
        # The next three are fetched too; the rest wait to be opened.
        await until(pilot, lambda: len(screen.pages) == 4)
        assert sorted(screen.pages) == [web.url(f"/story-{n}") for n in range(4)]
        assert web.hits["/story-4"] == 0
        assert PageStore(tmp_path / "pages").read_entries([web.url("/story-0")])
        await until(pilot, lambda: 0 in screen.documents)
        assert prompts(app)[0] == "  Story 0\n  2025-05-09 · Valley Courier · 0 quotes"
        # The feed's summaries are never analysed, only the pages.
        assert not any(text.startswith("About") for text in service.analysed)
        await pilot.press("down", "enter")
        await until(pilot, lambda: "Part 1." in shown_text(screen))
        assert web.hits["/story-1"] == 1  # from the background fetch, not again
        await pilot.press("left_square_bracket")
        assert screen.current == 0 and "Part 0." in shown_text(screen)


async def test_next_unread_toggle_and_mark_all(web, tmp_path):
    serve_feed(web)
    app = make_app(web, tmp_path)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await entries_listed(app, pilot)
        await pilot.press("m")  # Story 0 read without opening it
        assert prompts(app)[0].startswith("  Story 0")
        await pilot.press("U")  # the next unread is Story 1
        await until(pilot, lambda: "Part 1." in shown_text(screen))
        assert screen.current == 1
        await pilot.press("a", "U")  # from the article too: on to Story 2
        await until(pilot, lambda: "Part 2." in shown_text(screen))
        await pilot.press("m")  # the open entry, unread again
        assert prompts(app)[2].startswith("N Story 2")
        await pilot.press("A")
        assert all(not prompt.startswith("N") for prompt in prompts(app))
        assert screen.query_one(Library).border_subtitle.startswith("6 entries, 0 unread")
        await pilot.press("U")
        assert screen.current == 2  # nothing unread: stays, says so
        assert any("No unread entries" in str(n.message) for n in app._notifications)


async def test_read_marks_last_between_sessions(web, tmp_path):
    serve_feed(web)
    app = make_app(web, tmp_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await entries_listed(app, pilot)
        await pilot.press("m")
    again = make_app(web, tmp_path)
    async with again.run_test(size=(160, 48)) as pilot:
        screen = await entries_listed(again, pilot)
        assert prompts(again)[0].startswith("  Story 0") and prompts(again)[1].startswith("N ")
        assert screen.current == 1  # the first unread entry is the one shown


async def test_r_refreshes_the_feed_and_keeps_the_open_entry(web, tmp_path):
    serve_feed(web, count=2)
    app = make_app(web, tmp_path)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await entries_listed(app, pilot)
        await pilot.press("down", "enter")
        await until(pilot, lambda: "Part 1." in shown_text(screen))
        assert web.hits["/rss.xml"] == 1
        items = [(f"Story {n}", web.url(f"/story-{n}"), DATES[n]) for n in range(2)]
        items.insert(0, ("Breaking", web.url("/story-new"), "Sat, 10 May 2025 08:00:00 GMT"))
        web.routes["/rss.xml"] = Reply(rss(items), headers={"Content-Type": "application/rss+xml"})
        await pilot.press("r")
        await until(pilot, lambda: len(screen.entries) == 3)
        assert web.hits["/rss.xml"] == 2
        assert prompts(app)[0].startswith("N Breaking")
        # Story 1 stays on screen, now third, its page kept.
        assert screen.current == 2 and "Part 1." in shown_text(screen)
        assert web.hits["/story-1"] == 1


async def test_o_opens_the_link_in_the_browser(web, tmp_path, monkeypatch):
    serve_feed(web, count=2)
    opened: list[str] = []
    monkeypatch.setattr(FeedApp, "open_url", lambda self, url, new_tab=True: opened.append(url))
    app = make_app(web, tmp_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await entries_listed(app, pilot)
        await pilot.press("down", "o")  # the entry under the library's cursor
        assert opened == [web.url("/story-1")]
        await pilot.press("up", "enter", "a", "o")  # the open entry, from the article
        assert opened == [web.url("/story-1"), web.url("/story-0")]


async def test_an_unreadable_page_leaves_the_feeds_summary_and_says_why(web, tmp_path):
    serve_feed(web, count=2)
    web.routes["/story-0"] = Reply(b"%PDF-1.4", headers={"Content-Type": "application/pdf"})
    service = EmptyAnalysis()
    app = make_app(web, tmp_path, service)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await entries_listed(app, pilot)
        await pilot.press("enter")
        await until(pilot, lambda: "page not readable" in prompts(app)[0])
        assert any("not an HTML page" in str(n.message) for n in app._notifications)
        assert shown_text(screen) == "About Story 0"
        await until(pilot, lambda: 0 in screen.documents)  # the summary is read as the article
        assert "About Story 0" in service.analysed
        # A refresh fetches the feed again, not the page: the entry stays as it was.
        await pilot.press("r")
        await until(pilot, lambda: web.hits["/rss.xml"] == 2 and 0 in screen.documents)
        assert "page not readable" in prompts(app)[0]
        assert screen.status.analysis != "the feed's summary · enter opens the page"


async def test_a_feed_that_cannot_be_read_is_a_notification(web, tmp_path):
    app = FeedApp([web.url("/missing.xml")], service=EmptyAnalysis(),
                  store=PageStore(tmp_path / "pages"))
    async with app.run_test(size=(160, 48)) as pilot:
        await until(pilot, lambda: any("HTTP 404" in str(n.message) for n in app._notifications))
        assert app.screen.entries == []
        assert app.screen.status.analysis == "no entries: no feed could be read"


async def test_titles_with_escapes_and_markup_are_shown_as_text(web, tmp_path):
    web.routes["/rss.xml"] = Reply(rss([("\x1b[2J[bold red]Alarm[/bold red]", web.url("/x"),
                                         DATES[0])], title="[link=http://evil]Feed[/link]"))
    app = FeedApp([web.url("/rss.xml")], service=EmptyAnalysis(), store=PageStore(tmp_path / "p"))
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await entries_listed(app, pilot)
        [prompt] = prompts(app)
        assert "\x1b" not in prompt and "[bold red]Alarm[/bold red]" in prompt
        assert "[link=http://evil]Feed[/link]" in prompt
        subtitle = screen.query_one(Library)._border_subtitle
        assert "[link=http://evil]Feed[/link]" in subtitle.plain


async def test_help_lists_the_feed_keys_beside_the_readers(web, tmp_path):
    from explorer.app.screens.help import HelpScreen

    serve_feed(web, count=1)
    app = make_app(web, tmp_path)
    async with app.run_test(size=(160, 48)) as pilot:
        await entries_listed(app, pilot)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = [str(cell) for cell in app.screen.table.columns[1].cells]
        assert "Open the next unread entry" in keys and "Fetch the feeds again" in keys
        assert "Search the article" in keys


async def test_pages_are_fetched_two_at_a_time(web, tmp_path):
    serve_feed(web)
    at_once = {"now": 0, "most": 0}
    lock = threading.Lock()

    def slow(path: str):
        def reply(_handler) -> Reply:
            with lock:
                at_once["now"] += 1
                at_once["most"] = max(at_once["most"], at_once["now"])
            try:
                threading.Event().wait(0.1)
                return Reply(article_page(path, STORY))
            finally:
                with lock:
                    at_once["now"] -= 1
        return reply

    for n in range(6):
        web.routes[f"/story-{n}"] = slow(f"Story {n}")
    app = make_app(web, tmp_path)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await entries_listed(app, pilot)
        await pilot.press("enter")
        await until(pilot, lambda: len(screen.pages) == 4)
        assert at_once["most"] == 2


def test_a_stand_in_is_never_analysed_and_a_replaced_articles_document_never_delivered():
    service = EmptyAnalysis()
    delivered: list[tuple[int, str]] = []
    articles = [Article(text="summary one"), Article(text="summary two")]
    analyses = Analyses(articles, service, lambda i, d: delivered.append((i, d.article.text)),
                        waiting={0, 1})
    assert analyses._analyse_indices([0, 1]) == [None, None]
    assert service.analysed == []
    analyses.replace(0, Article(text="the page"))
    analyses._analyse_indices([0, 1])
    assert delivered == [(0, "the page")] and service.analysed == ["the page"]
    # The folder view asks for every article: a stand-in is analysed for it, never kept.
    [_, summary] = analyses.analyze_batch(articles)
    assert summary.article.text == "summary two" and delivered == [(0, "the page")]


async def test_the_palette_offers_the_feed_actions(web, tmp_path):
    from explorer.app.commands import ExplorerCommands

    serve_feed(web, count=2)
    app = make_app(web, tmp_path)
    async with app.run_test(size=(160, 48)) as pilot:
        screen = await entries_listed(app, pilot)
        provider = ExplorerCommands(screen)
        texts = [text for text, _, _ in provider._commands()]
        assert "Feeds: fetch the feeds again" in texts
        [next_unread] = [run for text, _, run in provider._commands()
                         if text == "Feeds: open the next unread entry"]
        next_unread()
        assert screen.current == 1
