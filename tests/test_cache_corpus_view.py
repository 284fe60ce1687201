"""The corpus screen: speakers across a folder, their quotes, search, and jumping back."""

from __future__ import annotations

import dataclasses
import os

from test_cache_corpus import BUDGET, PORT, document
from textual.app import App
from textual.widgets import Input, Static

from explorer.app.screens.corpus import CorpusJump, CorpusScreen
from explorer.app.screens.help import HelpScreen
from explorer.app.widgets.corpus_quotes import CorpusQuotes
from explorer.app.widgets.corpus_results import CorpusResults
from explorer.app.widgets.corpus_speakers import CorpusSpeakers
from explorer.store.identity import AnalysisIdentity

UNSET = object()
EXTRA = document("news/c-ferry.txt", '"Omar Diaz is right," said Omar Diaz. "Sail," said Ann Lee.\n',
                 [("Omar Diaz", "Omar Diaz is right,"), ("Ann Lee", "Sail,")], date="2024-04-01")


class FakeService:
    """The budget article is cached; the others need 'analysis'."""

    identity = AnalysisIdentity("0.1.0", "3.8.0", "en_test-1.0", "rules-1")

    def __init__(self, documents) -> None:
        self.documents = {d.article.path: d for d in documents}
        self.analysed: list[str] = []

    def cached(self, article):
        return BUDGET if article.path == BUDGET.article.path else None

    def analyze_batch(self, articles):
        self.analysed.extend(a.path for a in articles)
        return [self.documents[a.path] for a in articles]


class CorpusApp(App):
    def __init__(self, documents=(BUDGET, PORT), index_path=None) -> None:
        super().__init__()
        self.documents = list(documents)
        self.service = FakeService(self.documents)
        self.index_path = index_path
        self.jump = UNSET

    def on_mount(self) -> None:
        screen = CorpusScreen([d.article for d in self.documents], self.service,
                              index_path=self.index_path)
        self.push_screen(screen, callback=self._returned)

    def _returned(self, jump) -> None:
        self.jump = jump


async def settle(app, pilot) -> None:
    await pilot.pause()
    await app.screen.workers.wait_for_complete()
    await pilot.pause(0.3)  # the search waits for a pause in typing


def speaker_rows(app) -> list[str]:
    return app.screen.query_one(CorpusSpeakers).names


async def test_speakers_of_every_article_are_listed_with_counts():
    app = CorpusApp()
    async with app.run_test(size=(110, 30)) as pilot:
        await settle(app, pilot)
        speakers = app.screen.query_one(CorpusSpeakers)
        assert speaker_rows(app) == ["Lena Park", "Omar Diaz"]
        assert "3 quotes · 2 articles" in str(speakers.get_option_at_index(0).prompt)
        status = str(app.screen.query_one("#corpus-status", Static).render())
        assert status == "2 articles · 4 quotes · 2 speakers"
        assert app.service.analysed == [PORT.article.path]


async def test_speakers_sort_by_articles_quotes_or_name_and_filter_to_two_or_more_articles():
    app = CorpusApp([BUDGET, PORT, EXTRA])
    async with app.run_test(size=(110, 30)) as pilot:
        await settle(app, pilot)
        assert speaker_rows(app) == ["Lena Park", "Omar Diaz", "Ann Lee"]
        await pilot.press("o")
        assert speaker_rows(app) == ["Lena Park", "Omar Diaz", "Ann Lee"]  # 2, 2, 1 articles
        assert "by articles" in app.screen.query_one(CorpusSpeakers).border_title
        await pilot.press("o")
        assert speaker_rows(app) == ["Ann Lee", "Lena Park", "Omar Diaz"]
        await pilot.press("2")
        assert speaker_rows(app) == ["Lena Park", "Omar Diaz"]
        assert "in 2+ articles" in app.screen.query_one(CorpusSpeakers).border_title
        await pilot.press("2")
        assert len(speaker_rows(app)) == 3


async def test_quote_rows_show_the_article_title_and_date_and_jump_to_the_passage():
    titled = dataclasses.replace(PORT, article=dataclasses.replace(PORT.article, title="Port reopens"))
    app = CorpusApp([BUDGET, titled])
    async with app.run_test(size=(110, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("enter")  # Lena Park: her quotes, focus moves to them
        quotes = app.screen.query_one(CorpusQuotes)
        assert [(os.path.basename(r.path), r.quote_id) for r in quotes.refs] == [
            ("b-port.txt", "q1"), ("b-port.txt", "q2"), ("a-budget.txt", "q1")]
        first = str(quotes.get_option_at_index(0).prompt)
        assert first.startswith("Port reopens  2024-03-02 · direct")
        assert quotes.has_focus
        await pilot.press("down", "enter")
        await pilot.pause()
        quote = PORT.quotes[1]
        assert app.jump == CorpusJump(1, quote.start, quote.end, "q2")


async def test_search_marks_the_matched_words_and_jumps_to_a_hit():
    app = CorpusApp()
    async with app.run_test(size=(110, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+f")
        assert app.screen.query_one(Input).has_focus
        await pilot.press(*'"the channel"', "enter")
        await settle(app, pilot)
        results = app.screen.query_one(CorpusResults)
        assert results.has_focus
        assert results.border_title.startswith("2 articles match")
        row = results.get_option_at_index(1).prompt
        marked = [row.plain[s.start : s.end] for s in row.spans if "reverse" in str(s.style)]
        assert marked == ["the channel"]
        await pilot.press("enter")
        await pilot.pause()
        start = PORT.text.index("the\nchannel")
        assert app.jump == CorpusJump(1, start, start + len("the\nchannel"))


async def test_filters_in_the_search_box_list_matching_quotes():
    app = CorpusApp([BUDGET, PORT, EXTRA])
    async with app.run_test(size=(110, 30)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+f", *'speaker:"omar diaz" since:2024-04')
        await settle(app, pilot)
        quotes = app.screen.query_one(CorpusQuotes)
        assert [r.text for r in quotes.refs] == ["Omar Diaz is right,"]
        assert quotes.border_title.startswith("1 quote found (by omar diaz, since 2024-04)")
        await pilot.press("ctrl+a", "ctrl+k", *"kind:martian")
        await settle(app, pilot)
        assert "Cannot search: unknown speaker kind" in app.screen.query_one(CorpusResults).border_title


async def test_question_mark_shows_the_keys_of_the_corpus_view():
    app = CorpusApp()
    async with app.run_test(size=(110, 40)) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = app.screen.table.columns[1]._cells
        assert any("Sort speakers" in str(cell) for cell in keys)
        assert any("two or more articles" in str(cell) for cell in keys)


async def test_focus_is_always_on_a_visible_widget():
    app = CorpusApp()
    async with app.run_test(size=(110, 30)) as pilot:
        await settle(app, pilot)
        screen = app.screen
        for keys in (["enter"], ["s"], ["ctrl+f", "x"], ["escape"], ["o"], ["2"], ["ctrl+f"],
                     ["c", "h", "enter"], ["s"]):
            await pilot.press(*keys)
            await pilot.pause()
            assert screen.focused is not None and screen.focused.display
            assert screen.focused.id in ("corpus-speakers", "corpus-quotes", "corpus-results",
                                         "corpus-search")


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


async def test_the_index_on_disk_opens_with_its_rows_before_indexing_finishes(tmp_path):
    path = tmp_path / "corpus.sqlite3"
    app = CorpusApp(index_path=path)
    async with app.run_test(size=(110, 30)) as pilot:
        await settle(app, pilot)
    app = CorpusApp(index_path=path)
    async with app.run_test(size=(110, 30)) as pilot:
        await pilot.pause()
        assert speaker_rows(app) == ["Lena Park", "Omar Diaz"]
        await settle(app, pilot)
        assert app.service.analysed == []  # nothing changed: nothing analysed again


async def test_long_lists_load_a_page_at_a_time_as_the_cursor_nears_the_end():
    many = [document(f"many/{n:03d}.txt", f'"Point {n}," said Speaker Number{n}.\n',
                     [(f"Speaker Number{n}", f"Point {n},")]) for n in range(150)]
    app = CorpusApp(many)
    async with app.run_test(size=(110, 30)) as pilot:
        await settle(app, pilot)
        speakers = app.screen.query_one(CorpusSpeakers)
        assert (speakers.loaded, speakers.total, speakers.option_count) == (100, 150, 100)
        await pilot.press("end")
        await pilot.pause()
        assert speakers.option_count == 150


async def test_the_folder_lists_take_the_reader_keys_and_the_footer_keeps_help_and_quit():
    from explorer.app.widgets.footer import ExplorerFooter

    app = CorpusApp([BUDGET, PORT, EXTRA])
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        speakers = app.screen.query_one(CorpusSpeakers)
        speakers.focus()
        speakers.highlighted = 0
        await pilot.press("G")
        assert speakers.highlighted == speakers.option_count - 1
        await pilot.press("k")
        assert speakers.highlighted == speakers.option_count - 2
        await pilot.press("g", "j")
        assert speakers.highlighted == 1
        footer_keys = [key.action for key in app.screen.query_one(ExplorerFooter).children]
        assert footer_keys[:2] == ["corpus_help", "back"]  # help and the way out never cut
