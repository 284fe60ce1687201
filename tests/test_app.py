"""Pilot tests of the app: panels fill from the model, selection, search, filters, switching."""

from __future__ import annotations

import dataclasses
import io
import threading
from pathlib import Path

import pytest
from rich.console import Console
from test_app_support import ARTICLES, FakeService, fixture_doc
from textual.widgets import TabbedContent

from explorer.app.app import ExplorerApp
from explorer.app.screens.help import HelpScreen
from explorer.app.screens.highlight_menu import HighlightMenu
from explorer.app.screens.reader import ReaderScreen
from explorer.app.widgets.item_panel import ItemPanel
from explorer.app.widgets.library import Library
from explorer.app.wrap import shown_text, wrap_article
from explorer.model import Engine, ParsedDocument, Place, Span
from explorer.sources import read_article

HARBOUR = str(ARTICLES / "harbour.txt")


def reader(app: ExplorerApp) -> ReaderScreen:
    screen = app.screen
    assert isinstance(screen, ReaderScreen)
    return screen


async def settle(app: ExplorerApp, pilot) -> ReaderScreen:
    """Analysis delivered and the side column up (a loaded machine may need a few frames)."""
    await app.workers.wait_for_complete()
    await pilot.pause()
    screen = reader(app)
    for _ in range(100):
        if screen.side_ready or not isinstance(app.screen, ReaderScreen):
            break
        await pilot.pause(0.02)
    await pilot.pause()
    return screen


def tab_labels(screen: ReaderScreen) -> list[str]:
    tabs = screen.query_one(TabbedContent)
    return [tabs.get_tab(f"tab-{key}").label_text for key in
            ("speakers", "quotes", "places", "figures", "people", "organisations")]


def panel_ids(screen: ReaderScreen, key: str) -> list[str]:
    return [row.item_id for row in screen.query_one(f"#panel-{key}", ItemPanel).shown_rows]


async def test_open_a_file_fills_every_panel_from_the_model():
    app = ExplorerApp(paths=[HARBOUR], service=FakeService())
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(app, pilot)
        assert tab_labels(screen) == ["Speakers 3", "Quotes 5", "Places 3", "Figures 4",
                                      "People 2", "Orgs 2"]
        # Most-quoted first; a tie (two quotes each) goes by name.
        assert panel_ids(screen, "speakers") == ["s1", "s2", "s3"]
        assert panel_ids(screen, "quotes") == ["q1", "q2", "q3", "q4", "q5"]
        assert panel_ids(screen, "places") == ["p1", "p2", "p3"]  # Port Ellis: two mentions
        assert panel_ids(screen, "figures") == ["f1", "f2", "f3", "f4"]
        quotes = screen.query_one("#panel-quotes", ItemPanel)
        first = quotes.shown_rows[0].prompt.plain
        assert first.startswith("Maria Quint  direct") and "We cannot keep turning" in first
        assert "claimed by Tom Haddow" in screen.query_one("#panel-figures", ItemPanel
                                                           ).shown_rows[2].prompt.plain
        header = str(screen.query_one("#article-header").render())
        # No title header: the headline-like first line names it.
        assert header == "Harbour council votes to widen the old quay  2025-03-02"
        assert screen.has_class("-single")  # one article: no library
        assert screen.status.analysis == "5 quotes · 3 speakers"


async def test_open_a_folder_lists_articles_and_switches_between_them():
    app = ExplorerApp(paths=[str(ARTICLES)], service=FakeService())
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(app, pilot)
        library = screen.query_one(Library)
        assert library.display and library.option_count == 3
        prompts = [library.get_option_at_index(i).prompt.plain for i in range(3)]
        assert "2025-03-02 · 5 quotes" in prompts[0]
        assert "no date · 1 quote" in prompts[1]
        assert "2025-04-11 · 2 quotes" in prompts[2]
        assert library.border_subtitle == "3 articles"  # the background analysis is done
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert screen.current == 1
        await pilot.press("right_square_bracket")
        await pilot.pause()
        assert screen.current == 2
        assert screen.view.document.text == (ARTICLES / "orchard.txt").read_text()
        assert tab_labels(screen)[:2] == ["Speakers 2", "Quotes 2"]
        await pilot.press("left_square_bracket", "left_square_bracket")
        await pilot.pause()
        assert screen.current == 0
        # A click on the library opens that article.
        library.highlighted = 2
        library.action_select()
        await pilot.pause()
        assert screen.current == 2


async def test_library_says_how_far_the_folder_analysis_has_got():
    app = ExplorerApp(paths=[str(ARTICLES)], service=FakeService())
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(app, pilot)
        library = screen.query_one(Library)
        assert library.border_subtitle == "3 articles"
        screen.documents.pop(2)
        screen.documents.pop(1)
        assert screen.library_summary() == "analysing… 1/3"


async def test_selecting_a_quote_lights_its_passages_and_n_cycles():
    app = ExplorerApp(paths=[HARBOUR], service=FakeService())
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(app, pilot)
        doc = screen.document
        await pilot.press("2", "enter")
        await pilot.pause()
        q1 = doc.item("q1")
        expected = doc.spans_of(q1)
        assert len(expected) == 4  # two parts, the cue and the speaker's mention
        assert screen.view.selection == expected
        text = doc.text
        assert [s.text_of(text) for s in expected] == [
            "We cannot keep turning fishing boats away,", "said", "Maria Quint",
            "The quay was built for a smaller fleet."]
        # n steps through the two parts of the quote, and the status says so.
        assert screen.view.current == expected[0]
        assert screen.status.position == "direct quote by Maria Quint · part 1 of 2"
        await pilot.press("n")
        assert screen.view.current == expected[3]
        assert screen.status.position.endswith("part 2 of 2")
        await pilot.press("N", "N")
        assert screen.view.current == expected[3]
        await pilot.press("n")
        assert screen.view.current == expected[0]
        await pilot.press("escape")
        assert screen.view.selection == () and screen.view.current is None
        assert screen.status.position == ""


async def test_selecting_a_speaker_lights_mentions_and_all_their_quotes():
    app = ExplorerApp(paths=[HARBOUR], service=FakeService())
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(app, pilot)
        await pilot.press("1", "down", "enter")  # Tom Haddow
        await pilot.pause()
        lit = [s.text_of(screen.document.text) for s in screen.view.selection]
        assert lit == ["Tom Haddow", "the plan ignored the 300 families living along Dock Road",
                       "Haddow", "Residents in Port Ellis and Kelby were not consulted."]
        # The lit ranges are drawn: the row holding "Tom Haddow" carries a selected mark.
        row = screen.view.row_of(screen.view.selection[0].start)
        layers = {mark.layer for mark in screen.view.marks_at(row)}
        assert {"selected", "current"} <= layers


def long_article(tmp_path: Path) -> tuple[str, ParsedDocument]:
    """Our harbour story padded with many paragraphs, a place named only far down."""
    filler = [f"Paragraph {n} says nothing much about the quay, the boats or the weather."
              for n in range(120)]
    filler.insert(60, "In the end the ferry went to Saltmarsh instead.")
    text = (ARTICLES / "harbour.txt").read_text() + "\n" + "\n\n".join(filler) + "\n"
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    article = read_article(path)
    start = text.index("Saltmarsh")
    place = Place("p9", "Saltmarsh", "city", ("Saltmarsh",), (Span(start, start + 9),))
    doc = ParsedDocument(article=article, engine=Engine("0", "0", "0"), places=(place,))
    return str(path), doc


async def test_selection_scrolls_its_first_passage_into_the_middle(tmp_path):
    path, doc = long_article(tmp_path)
    app = ExplorerApp(paths=[path], service=FakeService(extra={"long": doc}))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(app, pilot)
        view = screen.view
        assert view.scroll_offset.y == 0
        await pilot.press("3", "enter")
        await pilot.pause()
        row = view.row_of(doc.places[0].mentions[0].start)
        top, height = view.scroll_offset.y, view.scrollable_content_region.height
        assert row > height  # it was out of view before
        assert top <= row < top + height
        assert abs((row - top) - height // 2) <= 1  # centred
        assert view.cursor_row == row


async def test_search_counts_matches_and_steps_through_them():
    app = ExplorerApp(paths=[HARBOUR], service=FakeService())
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(app, pilot)
        text = screen.document.text
        body = text[screen.document.article.body_start:]
        await pilot.press("slash", *"QUAY")
        await pilot.pause()
        count = body.lower().count("quay")
        assert count == 3
        assert len(screen.view.search_matches) == count  # case-insensitive by default
        assert all(s.text_of(text).lower() == "quay" for s in screen.view.search_matches)
        assert screen.status.position == f"search · match 1 of {count}"
        await pilot.press("enter")
        assert screen.status.position == f"search · match 2 of {count}"
        assert screen.view.current == screen.view.search_matches[1]
        await pilot.press("enter", "enter")
        assert screen.status.position == f"search · match 1 of {count}"  # wraps round
        await pilot.press("ctrl+t")  # case-sensitive: "QUAY" is not in the text
        await pilot.pause()
        assert screen.view.search_matches == () and screen.status.position == "search · none"
        for _ in range(4):
            await pilot.press("backspace")
        await pilot.press("ctrl+t", "ctrl+r", *"Port|Kelby")
        await pilot.pause()
        assert [s.text_of(text) for s in screen.view.search_matches] == [
            "Port", "Port", "Kelby"]
        await pilot.press("escape")  # closes the bar; n/N go back to the selection
        await pilot.pause()
        assert screen.view.search_matches == ()
        assert not screen.query_one("#search-bar").display
        await pilot.press("n")
        await pilot.pause()
        assert screen.status.position == ""


async def test_single_keys_work_outside_text_boxes_but_type_inside_them():
    app = ExplorerApp(paths=[HARBOUR], service=FakeService())
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(app, pilot)
        await pilot.press("3", "f", *"kel1")
        await pilot.pause()
        places = screen.query_one("#panel-places", ItemPanel)
        assert places.filter_box.value == "kel1"
        assert screen.query_one(TabbedContent).active == "tab-places"
        await pilot.press("backspace")
        await pilot.pause()
        assert panel_ids(screen, "places") == ["p3"]
        assert "1 of 3" in str(places.query_one(".panel-info").render())
        await pilot.press("escape")  # back to the list, filter kept
        assert app.focused is places.option_list
        await pilot.press("enter")
        await pilot.pause()
        assert [s.text_of(screen.document.text) for s in screen.view.selection] == ["Kelby"]
        await pilot.press("1")
        assert screen.query_one(TabbedContent).active == "tab-speakers"


async def test_word_filter_and_kind_filter_narrow_the_lists():
    app = ExplorerApp(paths=[HARBOUR], service=FakeService())
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(app, pilot)
        await pilot.press("2", "t")
        await pilot.pause()
        quotes = screen.query_one("#panel-quotes", ItemPanel)
        assert panel_ids(screen, "quotes") == ["q1", "q5"]  # direct
        await pilot.press("t")
        assert panel_ids(screen, "quotes") == ["q2", "q3"]  # reported
        assert "kind: reported" in str(quotes.query_one(".panel-info").render())
        await pilot.press("t")
        assert panel_ids(screen, "quotes") == ["q4"]  # partly quoted
        await pilot.press("t")
        assert len(panel_ids(screen, "quotes")) == 5
        await pilot.press("4", "t")
        assert panel_ids(screen, "figures") == ["f3"]  # count
        await pilot.press("x", "1", "f", *"mq")  # scattered letters match nothing
        await pilot.pause()
        assert panel_ids(screen, "speakers") == []
        for _ in "mq":
            await pilot.press("backspace")
        await pilot.press(*"QUINT")  # a word, any case
        await pilot.pause()
        assert panel_ids(screen, "speakers") == ["s1"]
        await pilot.press("escape", "2", "f", *"speaker:haddow kind:reported")
        await pilot.pause()
        assert panel_ids(screen, "quotes") == ["q2"]


async def test_a_speakers_quotes_from_the_speakers_panel():
    app = ExplorerApp(paths=[HARBOUR], service=FakeService())
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(app, pilot)
        await pilot.press("1", "down", "s")
        await pilot.pause()
        assert screen.query_one(TabbedContent).active == "tab-quotes"
        assert panel_ids(screen, "quotes") == ["q2", "q5"]
        info = str(screen.query_one("#panel-quotes", ItemPanel).query_one(".panel-info").render())
        assert "by Tom Haddow" in info


async def _put_the_cursor_on(screen, pilot, words: str) -> int:
    """Move the article cursor down, key by key, to the row holding ``words``; return the row."""
    view = screen.view
    target = view.row_of(screen.document.text.index(words))
    view.focus()
    for _ in range(target):
        await pilot.press("down")
    await pilot.pause()
    return target


async def test_cursor_in_the_article_names_the_speaker_of_the_quote_there():
    app = ExplorerApp(paths=[HARBOUR], service=FakeService())
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(app, pilot)
        target = await _put_the_cursor_on(screen, pilot, "Residents in Port Ellis")
        assert screen.view.cursor_row == target
        assert "direct quote by Tom Haddow" in screen.status.under_cursor
        await pilot.press("enter")  # selects the quote under the cursor
        await pilot.pause()
        assert screen.selected is screen.document.item("q5")


async def test_the_status_names_the_selected_quote_once_though_the_cursor_is_on_it():
    app = ExplorerApp(paths=[HARBOUR], service=FakeService())
    async with app.run_test(size=(160, 36)) as pilot:
        screen = await settle(app, pilot)
        await _put_the_cursor_on(screen, pilot, "Residents in Port Ellis")
        await pilot.press("enter")  # selects the quote under the cursor
        await pilot.pause()
        shown = screen.status.render().plain
        assert shown.startswith("direct quote by Tom Haddow · ")
        assert shown.count("direct quote by Tom Haddow") == 1
        await pilot.press("escape")  # nothing selected: the cursor's quote is named again
        await pilot.pause()
        assert screen.status.render().plain.count("direct quote by Tom Haddow") == 1


async def test_copy_gives_the_articles_words_and_y_a_citation():
    # The analysis's own text of the quote is re-punctuated; the copy must not be.
    doc = fixture_doc("harbour")
    q1 = doc.item("q1")
    repunctuated = dataclasses.replace(q1, text="…are over, If you pollute…")
    doc = dataclasses.replace(doc, quotes=(repunctuated, *doc.quotes[1:]))
    app = ExplorerApp(paths=[HARBOUR], service=FakeService(extra={"harbour": doc}))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(app, pilot)
        await pilot.press("2", "enter", "c")
        await pilot.pause()
        assert app.clipboard == ("We cannot keep turning fishing boats away, … "
                                 "The quay was built for a smaller fleet.")
        row = screen.query_one("#panel-quotes", ItemPanel).shown_rows[0].prompt.plain
        assert "We cannot keep turning fishing boats away, … The quay" in row
        await pilot.press("y")
        await pilot.pause()
        assert app.clipboard == (
            "“We cannot keep turning fishing boats away, … The quay was built for a smaller "
            "fleet.”\n— Maria Quint, the council’s chair\n"
            "Harbour council votes to widen the old quay · 2025-03-02")
        await pilot.press("down", "enter", "y")  # reported speech: no quotation marks
        await pilot.pause()
        assert app.clipboard.startswith(
            "the plan ignored the 300 families living along Dock Road (reported speech)\n"
            "— Tom Haddow, Opposition councillor")


async def test_help_lists_every_key_and_closes():
    app = ExplorerApp(paths=[HARBOUR], service=FakeService())
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        console = Console(width=100, record=True, file=io.StringIO())
        console.print(app.screen.table)
        shown = console.export_text()
        for words in ("Search the article", "Next occurrence", "Show the Figures panel",
                      "Type words to narrow this list", "Treat the query as a regular",
                      "Copy the selected quote", "Quit the explorer", "Previous article",
                      "reader.search", "list.half_down"):
            assert words in shown, words
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_palette_jumps_to_a_place():
    app = ExplorerApp(paths=[HARBOUR], service=FakeService())
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"place: Kelby")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert [s.text_of(screen.document.text) for s in screen.view.selection] == ["Kelby"]
        assert screen.query_one(TabbedContent).active == "tab-places"


def lit_layers(view) -> set[str]:
    return {mark.layer for row in range(view.line_count) for mark in view.marks_at(row)}


async def test_highlights_default_to_quotes_and_the_open_panel_and_are_remembered():
    app = ExplorerApp(paths=[HARBOUR], service=FakeService())
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(app, pilot)
        # Quotes softly, plus the kind the open panel lists (speakers at first).
        assert screen.view.categories == {"quote", "speaker"}
        await pilot.press("3")
        await pilot.pause()
        assert screen.view.categories == {"quote", "place"}
        assert "place" in lit_layers(screen.view) and "figure" not in lit_layers(screen.view)
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HighlightMenu)
        await pilot.press("down", "down", "escape")  # escape cancels
        await pilot.pause()
        assert not isinstance(app.screen, HighlightMenu)
        assert screen.view.categories == {"quote", "place"}
        await pilot.press("h", "down", "down", "enter")  # the preset "Everything at once"
        await pilot.pause()
        assert screen.highlight_choice == "everything"
        assert {"speaker", "figure", "person"} <= lit_layers(screen.view)
        await pilot.press("h", "tab", "space", "enter")  # untick quotes: a choice of one's own
        await pilot.pause()
        assert "quote" not in screen.view.categories and "figure" in screen.view.categories
        assert "quote" not in lit_layers(screen.view)
    # The next run starts with the last choice.
    again = ExplorerApp(paths=[HARBOUR], service=FakeService())
    async with again.run_test(size=(120, 36)) as pilot:
        screen = await settle(again, pilot)
        assert "quote" not in screen.view.categories and "figure" in screen.view.categories


async def test_analysis_error_shows_in_the_panels_and_the_app_keeps_working():
    app = ExplorerApp(paths=[str(ARTICLES)], service=FakeService(errors=("markup",)))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(app, pilot)
        await pilot.press("right_square_bracket")  # markup.txt is second
        await pilot.pause()
        assert screen.status.analysis == "analysis failed: ValueError: the model exploded"
        info = str(screen.query_one("#panel-speakers", ItemPanel).query_one(".panel-info").render())
        assert "the model exploded" in info
        assert "A line with [red]not red" in screen.view.row_text(0)  # the text still shows
        assert "analysis failed" in screen.query_one(Library).get_option_at_index(1).prompt.plain
        await pilot.press("right_square_bracket", "1", "enter")
        await pilot.pause()
        assert screen.current == 2 and screen.view.selection


class RaisingService(FakeService):
    """A service with a bug: it raises instead of returning a failed document."""

    def analyze(self, article):
        raise RuntimeError("cache exploded")


async def test_a_service_that_raises_shows_the_error_and_the_app_keeps_working():
    app = ExplorerApp(paths=[HARBOUR], service=RaisingService())
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(app, pilot)
        assert screen.status.analysis == "analysis failed: RuntimeError: cache exploded"
        assert "Harbour council" in screen.view.row_text(0)  # the text still shows


async def test_panels_show_loading_until_the_worker_delivers():
    gate = threading.Event()
    app = ExplorerApp(paths=[HARBOUR], service=FakeService(gate=gate))
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = reader(app)
        assert screen.view.line_count > 5  # the text is there before any analysis
        assert tab_labels(screen)[0] == "Speakers …"
        assert "analysing" in str(screen.query_one("#panel-speakers").query_one(".panel-info").render())
        gate.set()
        await settle(app, pilot)
        assert tab_labels(screen)[0] == "Speakers 3"


async def test_switching_articles_mid_analysis_shows_the_right_document():
    gate = threading.Event()
    service = FakeService(gate=gate)
    app = ExplorerApp(paths=[str(ARTICLES)], service=service)
    async with app.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        screen = reader(app)
        await pilot.press("right_square_bracket", "right_square_bracket")
        await pilot.pause()
        gate.set()
        await settle(app, pilot)
        assert screen.current == 2
        assert screen.view.document.text == (ARTICLES / "orchard.txt").read_text()
        assert tab_labels(screen)[1] == "Quotes 2"
        assert sorted(service.analysed) == ["harbour", "markup", "orchard"]  # each once


async def test_markup_and_escape_codes_in_the_article_show_literally():
    app = ExplorerApp(paths=[str(ARTICLES / "markup.txt")], service=FakeService())
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(app, pilot)
        header = str(screen.query_one("#article-header").render())
        assert "[bold]markup[/bold]" in header and "\x1b" not in header and "␛[31m" in header
        shown = "\n".join(screen.view.row_text(r) for r in range(screen.view.line_count))
        assert "[red]not red[/red]" in shown and "␛[2J" in shown and "␇" in shown
        assert "\x1b" not in shown and "\x07" not in shown
        speakers = screen.query_one("#panel-speakers", ItemPanel).shown_rows
        assert speakers[0].prompt.plain.startswith("Ann [Smith] · [red]chief[/red]")
        strip_text = "".join(seg.text for seg in screen.view.render_line(0))
        assert "[red]not red[/red]" in strip_text


@pytest.mark.parametrize("size", [(40, 10), (80, 24), (200, 60), (20, 5)])
async def test_any_terminal_size_works_and_resizing_rewraps(size):
    app = ExplorerApp(paths=[str(ARTICLES)], service=FakeService())
    async with app.run_test(size=size) as pilot:
        screen = await settle(app, pilot)
        await pilot.press("1", "enter", "n")
        await pilot.resize_terminal(120, 36)
        await pilot.pause()
        await pilot.resize_terminal(*size)
        await pilot.pause()
        view = screen.view
        assert view.selection  # the selection survives re-wrapping
        width = view._wrap_width()
        assert view.lines == wrap_article(shown_text(view.article.text), width,
                                          view.article.body_start)
        assert all(len(view.row_text(r)) <= width for r in range(view.line_count))


async def test_narrow_screen_puts_the_panels_below_the_article():
    app = ExplorerApp(paths=[str(ARTICLES)], service=FakeService())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await settle(app, pilot)
        assert screen.has_class("-narrow")
        article, side = screen.query_one("#reading"), screen.query_one("#side")
        assert side.region.y > article.region.y
        assert not screen.query_one(Library).display or screen.query_one(Library).region.height == 0
        await pilot.press("l")
        await pilot.pause()
        assert screen.query_one(Library).region.height > 0


async def test_folder_view_opens_and_a_chosen_passage_comes_back_lit():
    from explorer.app.screens.corpus import CorpusJump, CorpusScreen

    app = ExplorerApp(paths=[str(ARTICLES)], service=FakeService())
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(app, pilot)
        await pilot.press("C")
        await pilot.pause()
        assert isinstance(app.screen, CorpusScreen)
        orchard = (ARTICLES / "orchard.txt").read_text()
        start = orchard.index("Two cold nights")
        app.screen.dismiss(CorpusJump(2, start, start + 15, "q1"))
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen is screen and screen.current == 2
        assert screen.selected is screen.document.item("q1")
        assert screen.view.current is not None
        assert screen.view.current.text_of(orchard).startswith("Two cold nights")


async def test_an_empty_folder_and_a_missing_file_leave_a_working_app(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    app = ExplorerApp(paths=[str(empty), str(tmp_path / "missing.txt")], service=FakeService())
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        screen = await settle(app, pilot)
        assert screen.status.analysis == "no articles to show"
        reasons = " ".join(str(error) for error in app.source_errors)
        assert "no articles in this folder" in reasons and "missing.txt" in reasons
        await pilot.press("1", "n", "slash", "x", "escape", "right_square_bracket", "c", "h")
        await pilot.pause()
        await pilot.press("escape")
        info = str(screen.query_one("#panel-speakers", ItemPanel).query_one(".panel-info").render())
        assert "no speakers found" in info
        assert app.is_running


async def test_a_selection_change_redraws_only_the_rows_it_touches():
    app = ExplorerApp(paths=[HARBOUR], service=FakeService())
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(app, pilot)
        view, doc = screen.view, screen.document
        screen.select_item("p3")  # Kelby
        await pilot.pause()
        before = dict(view._row_epoch)
        screen.select_item("p2")  # Dock Road
        await pilot.pause()
        after = view._row_epoch
        changed = {row for row in before.keys() | after.keys()
                   if before.get(row) != after.get(row)}
        kelby, dock = doc.item("p3").mentions[0], doc.item("p2").mentions[0]
        assert changed == {view.row_of(kelby.start), view.row_of(dock.start)}


async def test_quitting_does_not_wait_for_an_analysis_in_progress():
    gate = threading.Event()
    service = FakeService(gate=gate)
    app = ExplorerApp(paths=[HARBOUR], service=service)
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert "analysing" in reader(app).status.analysis
            await pilot.press("ctrl+q")
        # The app is closed although the analysis it started has not finished.
        assert not app.is_running and service.analysed == []
    finally:
        gate.set()  # let the abandoned analysis thread end


async def test_clicks_move_the_cursor_and_a_double_click_selects():
    app = ExplorerApp(paths=[HARBOUR], service=FakeService())
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(app, pilot)
        view = screen.view
        row = view.row_of(screen.document.text.index("Residents in Port Ellis"))
        offset = (5, row - round(view.scroll_offset.y))
        await pilot.click(view, offset=offset)
        await pilot.pause()
        assert view.cursor_row == row and screen.selected is None
        await pilot.click(view, offset=offset, times=2)
        await pilot.pause()
        assert screen.selected is screen.document.item("q5")
        # A click on a tab switches panels; a click on a row selects its item.
        await pilot.click("#panels Tab#--content-tab-tab-places")
        await pilot.pause()
        assert screen.query_one(TabbedContent).active == "tab-places"
        await pilot.click(screen.query_one("#panel-places", ItemPanel).option_list, offset=(3, 0))
        await pilot.pause()
        assert [s.text_of(screen.document.text) for s in view.selection] == [
            "Port Ellis", "Port Ellis"]


async def test_palette_shows_names_with_brackets_literally():
    app = ExplorerApp(paths=[str(ARTICLES / "markup.txt")], service=FakeService())
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"speaker: Ann")
        await pilot.pause(0.5)
        shown = "\n".join(strip.text for strip in app.screen._compositor.render_strips())
        assert "Jump to speaker: Ann [Smith]" in shown
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen and screen.selected is screen.document.item("s1")


async def test_a_bad_regular_expression_says_why_and_lights_nothing():
    app = ExplorerApp(paths=[HARBOUR], service=FakeService())
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(app, pilot)
        await pilot.press("slash", "ctrl+r", *"[/(")
        await pilot.pause()
        assert screen.view.search_matches == ()
        assert screen.status.position.startswith("bad pattern")
        count = str(screen.query_one("#search-count").render())
        assert count.startswith("bad pattern")


async def test_palette_runs_the_apps_own_commands():
    app = ExplorerApp(paths=[str(ARTICLES)], service=FakeService())
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Next article")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen and screen.current == 1
