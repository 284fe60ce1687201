"""The app on feeds: entries listed, opened (fetched, the next few in the background), newsboat keys."""

from __future__ import annotations

import asyncio

from test_feeds import rss
from web_support import STORY, Reply, article_page

from explorer.app.feed_app import FeedApp
from explorer.app.screens.feed import FeedReaderScreen, FeedScreen
from explorer.app.widgets.feed_entries import FeedEntries
from explorer.model import Article, Engine, ParsedDocument
from explorer.store.pages import PageStore

DATES = ["Fri, 09 May 2025 08:00:00 GMT", "Thu, 08 May 2025 08:00:00 GMT",
         "Wed, 07 May 2025 08:00:00 GMT", "Tue, 06 May 2025 08:00:00 GMT",
         "Mon, 05 May 2025 08:00:00 GMT", "Sun, 04 May 2025 08:00:00 GMT"]


class EmptyAnalysis:
    """Stands in for the document service: every article analysed at once, with no items."""

    def cached(self, article: Article) -> ParsedDocument | None:
        return None

    def analyze(self, article: Article) -> ParsedDocument:
        return ParsedDocument(article=article, engine=Engine("", "", ""))

    def analyze_batch(self, articles: list[Article]) -> list[ParsedDocument]:
        return [self.analyze(article) for article in articles]


def serve_feed(web, count: int = 6) -> None:
    items = [(f"Story {n}", web.url(f"/story-{n}"), DATES[n]) for n in range(count)]
    web.routes["/rss.xml"] = Reply(rss(items), headers={"Content-Type": "application/rss+xml"})
    for n in range(count):
        web.routes[f"/story-{n}"] = Reply(article_page(f"Story {n}", [f"Part {n}. {line}" for line in STORY]))


def make_app(web, tmp_path) -> FeedApp:
    return FeedApp([web.url("/rss.xml")], service=EmptyAnalysis(),
                   store=PageStore(tmp_path / "pages"))


async def until(pilot, condition, tries: int = 400) -> None:
    """Wait for something a thread delivers (a feed, a page); fails the test if it never comes."""
    for _ in range(tries):
        await pilot.pause()
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the app never got there")


def prompts(app: FeedApp) -> list[str]:
    entries = app.screen.query_one(FeedEntries)
    return [entries.get_option_at_index(i).prompt.plain for i in range(entries.option_count)]


async def test_entries_fill_the_list_with_title_date_source_and_unread_mark(web, tmp_path):
    serve_feed(web)
    app = make_app(web, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, FeedScreen) and app.screen.entries)
        assert prompts(app)[0] == "N Story 0\n  2025-05-09 · Valley Courier"
        assert len(prompts(app)) == 6
        assert "6 entries, 6 unread · fetched" in str(app.screen.query_one("#feed-status").render())


async def test_opening_an_entry_fetches_it_and_the_next_few_in_the_background(web, tmp_path):
    serve_feed(web)
    app = make_app(web, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, FeedScreen) and app.screen.entries)
        feed = app.screen
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, FeedReaderScreen))
        reader = app.screen
        assert reader.articles[0].title == "Story 0" and "Part 0." in reader.articles[0].text
        # The next three are fetched too; the rest wait to be opened.
        await until(pilot, lambda: len(feed.articles) == 4)
        assert sorted(feed.articles) == [web.url(f"/story-{n}") for n in range(4)]
        assert web.hits["/story-4"] == 0
        assert web.url("/story-0") in PageStore(tmp_path / "pages").read_entries([web.url("/story-0")])
        await pilot.press("q")
        assert app.screen is feed
        assert prompts(app)[0].startswith("  Story 0")  # read: no mark
        await pilot.press("down", "enter")
        await until(pilot, lambda: isinstance(app.screen, FeedReaderScreen))
        assert app.screen.articles[0].title == "Story 1"
        assert web.hits["/story-1"] == 1  # from the background fetch, not again


async def test_next_unread_toggle_and_mark_all(web, tmp_path):
    serve_feed(web)
    app = make_app(web, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, FeedScreen) and app.screen.entries)
        feed = app.screen
        await pilot.press("N")  # Story 0 read without opening it
        assert prompts(app)[0].startswith("  Story 0")
        await pilot.press("n")  # the next unread is Story 1
        await until(pilot, lambda: isinstance(app.screen, FeedReaderScreen))
        assert app.screen.articles[0].title == "Story 1"
        await pilot.press("u")  # from the reader: on to the next unread, Story 2
        await until(pilot, lambda: isinstance(app.screen, FeedReaderScreen)
                    and app.screen.articles[0].title == "Story 2")
        await pilot.press("q")
        assert app.screen is feed and feed.entry_list.highlighted == 2
        await pilot.press("N")  # unread again
        assert prompts(app)[2].startswith("N Story 2")
        await pilot.press("A")
        assert all(not prompt.startswith("N") for prompt in prompts(app))
        await pilot.press("n")
        assert app.screen is feed  # nothing unread: stays, says so


async def test_read_marks_last_between_sessions(web, tmp_path):
    serve_feed(web)
    app = make_app(web, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, FeedScreen) and app.screen.entries)
        await pilot.press("N")
    again = make_app(web, tmp_path)
    async with again.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: isinstance(again.screen, FeedScreen) and again.screen.entries)
        assert prompts(again)[0].startswith("  Story 0") and prompts(again)[1].startswith("N ")


async def test_r_reloads_the_feed_from_the_web(web, tmp_path):
    serve_feed(web, count=2)
    app = make_app(web, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, FeedScreen) and app.screen.entries)
        assert web.hits["/rss.xml"] == 1
        serve_feed(web, count=5)
        await pilot.press("r")
        await until(pilot, lambda: len(app.screen.entries) == 5)
        assert web.hits["/rss.xml"] == 2


async def test_o_opens_the_link_in_the_browser(web, tmp_path, monkeypatch):
    serve_feed(web, count=2)
    opened: list[str] = []
    monkeypatch.setattr(FeedApp, "open_url", lambda self, url, new_tab=True: opened.append(url))
    app = make_app(web, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, FeedScreen) and app.screen.entries)
        await pilot.press("down", "o")
        assert opened == [web.url("/story-1")]
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, FeedReaderScreen))
        await pilot.press("o")
        assert opened == [web.url("/story-1")] * 2


async def test_an_unreadable_page_shows_the_feeds_summary_instead(web, tmp_path):
    serve_feed(web, count=2)
    web.routes["/story-0"] = Reply(b"%PDF-1.4", headers={"Content-Type": "application/pdf"})
    app = make_app(web, tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, FeedScreen) and app.screen.entries)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, FeedReaderScreen))
        assert app.screen.articles[0].text == "About Story 0"
        assert any("not an HTML page" in str(n.message) for n in app._notifications)
        await pilot.press("q")
        assert "page not readable" in prompts(app)[0]


async def test_a_feed_that_cannot_be_read_is_a_notification(web, tmp_path):
    app = FeedApp([web.url("/missing.xml")], service=EmptyAnalysis(),
                  store=PageStore(tmp_path / "pages"))
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: any("HTTP 404" in str(n.message) for n in app._notifications))
        assert app.screen.entries == []
        assert str(app.screen.query_one("#feed-title").render()) == "no feed could be read"


async def test_titles_with_escapes_and_markup_are_shown_as_text(web, tmp_path):
    web.routes["/rss.xml"] = Reply(rss([("\x1b[2J[bold red]Alarm[/bold red]", web.url("/x"),
                                         DATES[0])], title="[link=http://evil]Feed[/link]"))
    app = FeedApp([web.url("/rss.xml")], service=EmptyAnalysis(), store=PageStore(tmp_path / "p"))
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, FeedScreen) and app.screen.entries)
        [prompt] = prompts(app)
        assert "\x1b" not in prompt and "[bold red]Alarm[/bold red]" in prompt
        assert "[link=http://evil]Feed[/link]" in prompt
        title = app.screen.query_one("#feed-title").render()
        assert str(title) == "[link=http://evil]Feed[/link]"


async def test_help_lists_the_feed_keys(web, tmp_path):
    from explorer.app.screens.help import HelpScreen

    serve_feed(web, count=1)
    app = make_app(web, tmp_path)
    async with app.run_test(size=(100, 40)) as pilot:
        await until(pilot, lambda: isinstance(app.screen, FeedScreen) and app.screen.entries)
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = [str(cell) for cell in app.screen.table.columns[1].cells]
        assert "Open the next unread entry" in keys and "Fetch the feeds again" in keys
        await pilot.press("escape", "enter")
        await until(pilot, lambda: isinstance(app.screen, FeedReaderScreen))
        await pilot.press("question_mark")
        keys = [str(cell) for cell in app.screen.table.columns[1].cells]
        assert "Back to the feed's entries" in keys and "Search the article" in keys
