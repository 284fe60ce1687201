"""Pilot tests of the reader's habits (issue 14): words not markers, keys users bring,
preview on the cursor, counters that say what they count, small screens, user files."""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

from rich.console import Console
from test_app_support import ARTICLES, FakeService, fixture_doc
from textual.widgets import TabbedContent
from textual.widgets._footer import FooterKey

from explorer.app import user_files
from explorer.app.app import ExplorerApp
from explorer.app.screens.help import HelpScreen
from explorer.app.screens.reader import ReaderScreen
from explorer.app.widgets.item_panel import ItemPanel
from explorer.sources import SourceError, read_article

HARBOUR = str(ARTICLES / "harbour.txt")


async def settle(app: ExplorerApp, pilot) -> ReaderScreen:
    """Analysis delivered and the side column up (a loaded machine may need a few frames)."""
    await app.workers.wait_for_complete()
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ReaderScreen)
    for _ in range(100):
        if screen.side_ready:
            break
        await pilot.pause(0.02)
    await pilot.pause()
    return screen


def panel(screen: ReaderScreen, key: str) -> ItemPanel:
    return screen.query_one(f"#panel-{key}", ItemPanel)


def shown(screen: ReaderScreen, key: str) -> list[str]:
    return [row.item_id for row in panel(screen, key).shown_rows]


def notices(app: ExplorerApp) -> str:
    return "\n".join(notification.message for notification in app._notifications)


def unsure_harbour():
    """The harbour analysis with the Ferry Workers Union's quote unsure, and the union a
    spokesperson's body: what the analysis now says of some speakers."""
    doc = fixture_doc("harbour")
    quotes = tuple(dataclasses.replace(q, confidence=0.3 if q.id == "q3" else 0.9)
                   for q in doc.quotes)
    speakers = tuple(dataclasses.replace(s, kind="spokesperson", represents="the union")
                     if s.id == "s3" else s for s in doc.speakers)
    return dataclasses.replace(doc, quotes=quotes, speakers=speakers)


# -- 3: words for kinds, a mark for unsure speakers ------------------------------------------

async def test_unsure_speakers_are_marked_explained_and_listed_for_review():
    app = ExplorerApp(paths=[HARBOUR], service=FakeService(extra={"harbour": unsure_harbour()}))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(app, pilot)
        await pilot.press("2")
        await pilot.pause()
        rows = {row.item_id: row.prompt.plain for row in panel(screen, "quotes").shown_rows}
        assert rows["q3"].startswith("? Ferry Workers Union  reported")
        assert not rows["q2"].startswith("?")
        info = str(panel(screen, "quotes").query_one(".panel-info").render())
        assert "? speaker unsure (below 75%)" in info  # the legend
        await pilot.press("f", *"confidence:low")
        await pilot.pause()
        assert shown(screen, "quotes") == ["q3"]
        await pilot.press("escape", "1")
        await pilot.pause()
        speaker_row = panel(screen, "speakers").shown_rows[2].prompt.plain
        assert "spokesperson for the union" in speaker_row
        await pilot.press("question_mark")
        await pilot.pause()
        legend = str(app.screen.query_one("#help-legend").render())
        assert "partly quoted" in legend and "unsure of the speaker" in legend


async def test_the_palette_lists_unsure_quotes_for_review():
    app = ExplorerApp(paths=[HARBOUR], service=FakeService(extra={"harbour": unsure_harbour()}))
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"unsure speaker")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.query_one(TabbedContent).active == "tab-quotes"
        assert shown(screen, "quotes") == ["q3"]
        assert panel(screen, "quotes").filter_box.value == "confidence:low"


# -- 4: keys users bring ---------------------------------------------------------------------

async def test_q_goes_back_and_quits_from_the_reader():
    app = ExplorerApp(paths=[str(ARTICLES)], service=FakeService())
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("q")
        await pilot.pause()
        assert app.screen is screen
        await pilot.press("C")
        await pilot.pause()
        assert app.screen is not screen
        await pilot.press("q")  # the folder view: back to the reader
        await pilot.pause()
        assert app.screen is screen and app.is_running
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


async def test_j_k_g_G_and_half_pages_move_in_lists_and_k_is_not_kind():
    app = ExplorerApp(paths=[HARBOUR], service=FakeService())
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(app, pilot)
        await pilot.press("2")
        option_list = panel(screen, "quotes").option_list
        await pilot.press("j", "j")
        assert option_list.highlighted == 2
        await pilot.press("k")
        assert option_list.highlighted == 1
        assert panel(screen, "quotes").kind_filter is None and len(shown(screen, "quotes")) == 5
        await pilot.press("G")
        assert option_list.highlighted == 4
        await pilot.press("g")
        assert option_list.highlighted == 0
        await pilot.press("ctrl+d")
        assert option_list.highlighted > 0
        await pilot.press("ctrl+u")
        assert option_list.highlighted == 0


async def test_j_k_g_G_and_half_pages_move_in_the_article():
    app = ExplorerApp(paths=[HARBOUR], service=FakeService())
    async with app.run_test(size=(60, 16)) as pilot:
        screen = await settle(app, pilot)
        view = screen.view
        view.focus()
        await pilot.press("j", "j", "j")
        assert view.cursor_row == 3
        await pilot.press("k")
        assert view.cursor_row == 2
        await pilot.press("G")
        assert view.cursor_row == view.line_count - 1
        await pilot.press("g")
        assert view.cursor_row == 0
        await pilot.press("ctrl+d")
        half = view.cursor_row
        assert half == max(1, view.size.height // 2)
        await pilot.press("ctrl+u")
        assert view.cursor_row == 0


async def test_a_keymap_file_rebinds_keys_by_id_and_names_what_it_cannot_use():
    user_files.keymap_path().parent.mkdir(parents=True, exist_ok=True)
    user_files.keymap_path().write_text(
        '"reader.search" = "ctrl+f"\n"list.down" = "down,ctrl+n"\n"no.such" = "x"\n',
        encoding="utf-8")
    app = ExplorerApp(paths=[HARBOUR], service=FakeService())
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        screen = await settle(app, pilot)
        await pilot.pause()
        await pilot.press("ctrl+f")
        await pilot.pause()
        assert screen.search_bar is not None and screen.search_bar.display
        await pilot.press("escape", "2", "ctrl+n")
        assert panel(screen, "quotes").option_list.highlighted == 1
        assert "no binding has the id 'no.such'" in notices(app)
        await pilot.press("question_mark")
        await pilot.pause()
        console = Console(width=120, record=True, file=io.StringIO())
        console.print(app.screen.table)
        reader_search = [line for line in console.export_text().splitlines()
                         if "reader.search" in line]
        assert reader_search and reader_search[0].lower().startswith("^f")


async def test_a_broken_keymap_file_is_reported_and_the_app_runs():
    user_files.keymap_path().parent.mkdir(parents=True, exist_ok=True)
    user_files.keymap_path().write_text('"reader.search" = \n', encoding="utf-8")
    app = ExplorerApp(paths=[HARBOUR], service=FakeService())
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(app, pilot)
        assert "keymap.toml: not read" in notices(app)
        await pilot.press("slash")
        await pilot.pause()
        assert app.screen.search_bar.display


# -- 5: the cursor previews, enter keeps and steps -------------------------------------------

async def test_moving_the_cursor_previews_and_enter_keeps_then_steps():
    app = ExplorerApp(paths=[HARBOUR], service=FakeService())
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(app, pilot)
        doc = screen.document
        await pilot.press("2")
        await pilot.pause(0.3)
        # Showing the panel does not move the article: only the user's cursor does.
        assert screen.selected is None and screen.view.selection == ()
        await pilot.press("j")
        await pilot.pause(0.3)
        assert screen.selected is doc.item("q2") and not screen.nav.kept
        assert screen.view.selection == doc.spans_of(doc.item("q2"))
        assert screen.view.current is None
        assert screen.status.position.startswith("reported quote by Tom Haddow · 1 quote")
        await pilot.press("k", "enter")
        await pilot.pause()
        q1 = doc.item("q1")
        assert screen.selected is q1 and screen.nav.kept
        assert screen.view.current == q1.parts[0]
        assert screen.status.position.endswith("part 1 of 2")
        await pilot.press("enter")  # again: the next stop
        assert screen.view.current == q1.parts[1]


async def test_a_refill_of_the_list_is_not_a_preview():
    app = ExplorerApp(paths=[str(ARTICLES)], service=FakeService())
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(app, pilot)
        await pilot.press("right_square_bracket")  # new rows in every panel, focus on the article
        await app.workers.wait_for_complete()
        await pilot.pause(0.3)
        assert screen.selected is None and screen.view.selection == ()


# -- 6 and 11: what is counted, at 80 and 60 columns -----------------------------------------

async def test_the_status_says_what_it_counts_and_fits_80_columns():
    app = ExplorerApp(paths=[HARBOUR], service=FakeService())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await settle(app, pilot)
        await pilot.press("1", "enter")  # Maria Quint: her quotes and mentions
        await pilot.pause()
        line = str(screen.status.render())
        assert line.startswith("speaker: Maria Quint · quote 1 of 2")
        await pilot.press("n")
        assert str(screen.status.render()).startswith("speaker: Maria Quint · mention 1 of 1")


async def test_small_screens_keep_help_quit_and_the_tab_counts():
    app = ExplorerApp(paths=[HARBOUR], service=FakeService())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await settle(app, pilot)
        await pilot.press("2")
        await pilot.pause()
        keys = [key for key in screen.query(FooterKey) if not key.has_class("-command-palette")]
        assert [key.action for key in keys[:2]] == ["help", "back_or_quit"]
        assert all(key.region.right <= 80 for key in keys[:2])
        await pilot.resize_terminal(60, 20)
        await pilot.pause()
        await pilot.pause()
        tabs = screen.query_one(TabbedContent)
        labels = [tabs.get_tab(f"tab-{key}").label_text for key in
                  ("speakers", "quotes", "places", "figures", "people", "organisations")]
        assert labels == ["Spk 3", "Quo 5", "Pla 3", "Fig 4", "Ppl 2", "Org 2"]
        assert all(tab.region.right <= 60 for tab in tabs.query("ContentTab"))
        await pilot.resize_terminal(120, 36)
        await pilot.pause()
        await pilot.pause()
        assert tabs.get_tab("tab-speakers").label_text == "Speakers 3"


# -- 9: paths read before the app ------------------------------------------------------------

async def test_skipped_paths_are_named_in_the_app(tmp_path):
    article = read_article(Path(HARBOUR))
    skipped = [SourceError(str(tmp_path / "nothere.txt"), "no such file")]
    app = ExplorerApp(articles=[article], skipped=skipped, service=FakeService())
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        screen = await settle(app, pilot)
        assert screen.articles == [article]
        assert "Skipped 1 path; opened the rest:" in notices(app)
        assert "nothere.txt: no such file" in notices(app)


# -- 10: the palette reaches every action, in words ------------------------------------------

async def test_the_palette_has_panels_presets_export_folder_and_keymap_help():
    from explorer.app.commands import ExplorerCommands, jump_entries

    app = ExplorerApp(paths=[HARBOUR], service=FakeService())
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(app, pilot)
        provider = ExplorerCommands(screen)
        names = [name for name, _, _ in provider._commands()]
        for wanted in ("Folder view: speakers and search across every article",
                       "Show the places panel", "Show the organisations panel",
                       "Highlights: everything at once", "Export this article's analysis as JSON",
                       "Keymap: how to change the keys", "Copy the selected quote as a citation"):
            assert wanted in names, wanted
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Show the places panel")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.query_one(TabbedContent).active == "tab-places"
    doc = fixture_doc("harbour")
    doc = dataclasses.replace(doc, places=(dataclasses.replace(doc.places[0],
                                                               kind="body_of_water"),))
    helps = [help_text for _, help_text, _ in jump_entries(doc)]
    assert "body of water" in helps and "body_of_water" not in helps
    assert "reported quote" in helps


# -- 13 and export: files go where they can, and the app says where --------------------------

async def test_screenshot_and_export_save_where_they_can_and_say_where(tmp_path, monkeypatch):
    import platformdirs

    monkeypatch.setattr(platformdirs, "user_downloads_path", lambda: tmp_path / "no-downloads")
    monkeypatch.chdir(tmp_path)
    app = ExplorerApp(paths=[HARBOUR], service=FakeService())
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await settle(app, pilot)
        saved = app.deliver_screenshot()
        await pilot.pause()
        assert saved is not None and Path(saved).parent == tmp_path and Path(saved).exists()
        assert f"Screenshot saved to {saved}" in notices(app)
        await pilot.press("J")
        await pilot.pause()
        exported = tmp_path / "harbour.analysis.json"
        assert exported.exists() and f"Analysis saved to {exported}" in notices(app)


def test_the_readme_keymap_example_names_real_binding_ids():
    import tomllib

    from explorer.app.keys import binding_ids

    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    example = readme.split("### Your own keys", 1)[1].split("The same folder", 1)[0]
    lines = [line.strip() for line in example.splitlines() if line.startswith('    "')]
    keymap = tomllib.loads("\n".join(lines))
    assert len(keymap) == 3 and set(keymap) <= binding_ids()


async def test_copies_show_control_characters_never_send_them(tmp_path):
    from explorer.model import Engine, ParsedDocument, Quote, Span, Speaker

    path = tmp_path / "hostile.txt"
    path.write_text("Council rows over quay\n\n“We are \x1b]52;c;ZXZpbA==\x07 done,” said Ann Lee.\n",
                    encoding="utf-8")
    article = read_article(path)
    start = article.text.index("We are")
    end = article.text.index("done,") + len("done,")
    who = article.text.index("Ann Lee")
    doc = ParsedDocument(
        article=article, engine=Engine("", "", ""),
        speakers=(Speaker("s1", "Ann\x1b[31m Lee", "person", mentions=(Span(who, who + 7),),
                          quote_ids=("q1",)),),
        quotes=(Quote("q1", "direct", start, end, (Span(start, end),), "raw", speaker_id="s1"),))
    app = ExplorerApp(paths=[str(path)], service=FakeService(extra={"hostile": doc}))
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("2", "enter", "c")
        await pilot.pause()
        assert app.clipboard == "We are ␛]52;c;ZXZpbA==␇ done,"
        await pilot.press("y")
        await pilot.pause()
        assert "\x1b" not in app.clipboard and "\x07" not in app.clipboard
        assert "— Ann␛[31m Lee" in app.clipboard


# -- one scheduler for the reader and the folder view ----------------------------------------

async def test_the_folder_view_and_the_reader_share_one_analysis_queue():
    from explorer.app.screens.corpus import CorpusScreen

    service = FakeService()
    app = ExplorerApp(paths=[str(ARTICLES)], service=service)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        await pilot.press("C")  # at once: the reader has not analysed the folder yet
        await pilot.pause()
        corpus = app.screen
        assert isinstance(corpus, CorpusScreen) and corpus.service is screen.analyses
        await app.workers.wait_for_complete()
        for _ in range(100):
            if corpus.done and screen.analyses.complete:
                break
            await pilot.pause(0.05)
        assert corpus.indexed + corpus.failed == 3
        # Every article parsed once, whichever screen asked first; the reader has them all.
        assert sorted(service.analysed) == ["harbour", "markup", "orchard"]
        assert sorted(screen.documents) == [0, 1, 2]


def test_every_binding_has_its_own_id_and_says_what_it_does():
    from collections import Counter

    from explorer.app.keys import bindings_of, help_sections

    bindings = [b for _, owner in help_sections() for b in bindings_of(owner)]
    assert all(b.id and b.tooltip for b in bindings), [b.key for b in bindings if not b.id]
    assert [i for i, n in Counter(b.id for b in bindings).items() if n > 1] == []


async def test_f_filters_the_panel_on_top_from_the_article_too():
    # the panel's hint says "(f)", and a reader starts in the article, not in the panel
    app = ExplorerApp(paths=[HARBOUR], service=FakeService())
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(app, pilot)
        screen.action_focus_article()
        await pilot.pause()
        await pilot.press("f")
        await pilot.pause()
        assert app.focused is panel(screen, "speakers").filter_box
        await pilot.press("escape", "a", "2", "a", "f")
        await pilot.pause()
        assert app.focused is panel(screen, "quotes").filter_box
