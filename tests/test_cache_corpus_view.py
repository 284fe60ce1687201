"""The corpus screen: speakers across a folder, their quotes, search, and jumping back."""

from __future__ import annotations

from test_cache_corpus import BUDGET, PORT
from textual.app import App
from textual.widgets import Input, Static

from explorer.app.screens.corpus import CorpusJump, CorpusScreen
from explorer.app.widgets.corpus_quotes import CorpusQuotes
from explorer.app.widgets.corpus_results import CorpusResults
from explorer.app.widgets.corpus_speakers import CorpusSpeakers

UNSET = object()


class FakeService:
    """The budget article is cached; the port article needs 'analysis'."""

    def __init__(self) -> None:
        self.analysed: list[str] = []

    def cached(self, article):
        return BUDGET if article.path == BUDGET.article.path else None

    def analyze_batch(self, articles):
        self.analysed.extend(a.path for a in articles)
        return [PORT for _ in articles]


class CorpusApp(App):
    def __init__(self) -> None:
        super().__init__()
        self.service = FakeService()
        self.jump = UNSET

    def on_mount(self) -> None:
        screen = CorpusScreen([BUDGET.article, PORT.article], self.service)
        self.push_screen(screen, callback=self._returned)

    def _returned(self, jump) -> None:
        self.jump = jump


async def settle(app, pilot) -> None:
    await pilot.pause()
    await app.screen.workers.wait_for_complete()
    await pilot.pause()


async def test_speakers_of_every_article_are_listed_with_counts():
    app = CorpusApp()
    async with app.run_test(size=(110, 30)) as pilot:
        await settle(app, pilot)
        speakers = app.screen.query_one(CorpusSpeakers)
        assert [speakers.get_option_at_index(i).id for i in range(speakers.option_count)] == [
            "Lena Park", "Omar Diaz"]
        assert "3 quotes · 2 articles" in str(speakers.get_option_at_index(0).prompt)
        status = str(app.screen.query_one("#corpus-status", Static).render())
        assert status.startswith("2 of 2 articles · 4 quotes · 2 speakers")
        assert app.service.analysed == [PORT.article.path]


async def test_choosing_a_quote_jumps_to_its_article_and_passage():
    app = CorpusApp()
    async with app.run_test(size=(110, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")  # Lena Park: her quotes, focus moves to them
        quotes = app.screen.query_one(CorpusQuotes)
        assert [(r.path, r.quote_id) for r in quotes.refs] == [
            (BUDGET.article.path, "q1"), (PORT.article.path, "q1"), (PORT.article.path, "q2")]
        assert quotes.has_focus
        await pilot.press("down", "enter")
        await pilot.pause()
        quote = PORT.quotes[0]
        assert app.jump == CorpusJump(1, quote.start, quote.end, "q1")


async def test_search_lists_hits_per_article_and_jumps_to_one():
    app = CorpusApp()
    async with app.run_test(size=(110, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+f")
        assert app.screen.query_one(Input).has_focus
        await pilot.press(*"channel", "enter")
        results = app.screen.query_one(CorpusResults)
        assert results.has_focus
        assert results.border_title == "2 matches in 2 articles"
        assert sorted(path for path, _, _ in results.targets.values()) == [
            BUDGET.article.path, PORT.article.path]
        await pilot.press("enter")
        await pilot.pause()
        start = BUDGET.text.index("channel")
        assert app.jump == CorpusJump(0, start, start + len("channel"))


async def test_escape_clears_the_search_then_goes_back():
    app = CorpusApp()
    async with app.run_test(size=(110, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+f", *"port", "escape")
        assert app.screen.query_one(Input).value == ""
        assert app.jump is UNSET
        await pilot.press("escape")
        await pilot.pause()
        assert app.jump is None
