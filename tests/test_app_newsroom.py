"""The newsroom keys in the app (Pilot): sources card, corrections with undo, quote sheet
export, said before and compare; all from the keyboard, on hand-made analyses."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from newsroom_support import newsroom_docs
from rich.console import Console
from test_app_support import FakeService
from textual.widgets import Input, OptionList, Static

from explorer.app.app import ExplorerApp
from explorer.app.screens.compare import CompareScreen
from explorer.app.screens.reader import ReaderScreen
from explorer.app.screens.said_before import SaidBeforeScreen
from explorer.app.screens.sources import SourcesScreen
from explorer.app.widgets.item_panel import ItemPanel
from explorer.model import Span
from explorer.store.correction_files import CorrectionStore

FOLDER = Path(__file__).parent / "fixtures" / "newsroom"
PATHS = {p.stem: p for p in sorted(FOLDER.glob("*.txt"))}


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture
def store(tmp_path) -> CorrectionStore:
    return CorrectionStore(tmp_path / "corrections")


def newsroom_app(store: CorrectionStore, paths: list[Path] | None = None) -> ExplorerApp:
    docs = newsroom_docs(PATHS)
    return ExplorerApp(paths=[str(p) for p in (paths or [FOLDER])],
                       service=FakeService(extra=docs), corrections=store)


async def settle(app: ExplorerApp, pilot) -> ReaderScreen:
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ReaderScreen)
    return screen


def plain(widget: Static) -> str:
    """What a Static holding Rich renderables says, as plain text."""
    console = Console(width=118, record=True, file=io.StringIO())
    console.print(widget.content)
    return console.export_text()


def quote_row_texts(screen: ReaderScreen) -> list[str]:
    return [row.prompt.plain for row in screen.query_one("#panel-quotes", ItemPanel).shown_rows]


async def test_S_shows_the_sources_card_and_escape_comes_back(store):
    app = newsroom_app(store, [PATHS["quay-a"]])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("S")
        await pilot.pause()
        assert isinstance(app.screen, SourcesScreen)
        card = plain(app.screen.query_one("#sources-card", Static))
        for words in ("Tom Haddow", "Maria Quint", "politician or official",
                      "expert or academic", "Speaks first: Maria Quint",
                      "Last word: Tom Haddow", "← “Opposition"):
            assert words in card
        await pilot.press("escape")
        assert isinstance(app.screen, ReaderScreen)


async def test_the_palette_offers_the_newsroom_commands(store):
    app = newsroom_app(store, [PATHS["quay-a"]])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p", *"sources card")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SourcesScreen)


async def test_reassign_a_quote_by_typing_then_undo(store):
    app = newsroom_app(store, [PATHS["quay-a"]])
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(app, pilot)
        await pilot.press("2", "down", "enter")  # q2, by Tom Haddow
        assert screen.selected.id == "q2"
        await pilot.press("R", *"Dana Webb", "enter")
        await pilot.pause()
        fixed = screen.document
        assert fixed.item(fixed.item("q2").speaker_id).name == "Dana Webb"
        assert "✎ corrected" in quote_row_texts(screen)[1]
        assert screen.selected.id == "q2"  # still selected, now corrected
        assert len(store.load(fixed.text).corrections) == 1
        await pilot.press("u")
        await pilot.pause()
        assert screen.document.item("q2").speaker_id == "s2"
        assert not store.has(fixed.text)
        assert "✎" not in "".join(quote_row_texts(screen))


async def test_reassign_picks_an_existing_speaker_from_the_list(store):
    app = newsroom_app(store, [PATHS["quay-a"]])
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(app, pilot)
        await pilot.press("2", "down", "enter", "R", *"quint")
        await pilot.pause()
        shown = app.screen.query_one(OptionList)
        assert shown.option_count == 1 and shown.highlighted == 0
        await pilot.press("enter")
        await pilot.pause()
        assert screen.document.item("q2").speaker_id == "s1"


async def test_not_a_quote_rename_and_merge_last_across_a_restart(store):
    article_bytes = PATHS["quay-a"].read_bytes()
    app = newsroom_app(store, [PATHS["quay-a"]])
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(app, pilot)
        await pilot.press("2", "down", "down", "enter", "X")  # q3 is not a quote
        await pilot.pause()
        assert screen.document.item("q3") is None
        await pilot.press("1", "enter")  # Tom Haddow
        await pilot.press("E")
        await pilot.pause()
        app.screen.query_one(Input).value = "Tom Haddow MP"
        await pilot.press("enter")
        await pilot.pause()
        assert screen.document.item("s2").name == "Tom Haddow MP"
        await pilot.press("1", "down", "enter", "M", "enter")  # Maria Quint into Tom Haddow MP
        await pilot.pause()
        assert screen.document.item("s1") is None
    again = newsroom_app(store, [PATHS["quay-a"]])
    async with again.run_test(size=(120, 36)) as pilot:
        screen = await settle(again, pilot)
        document = screen.document
        assert [n.action for n in document.corrections] == ["not_quote", "rename", "merge"]
        assert {q.speaker_id for q in document.quotes} == {"s2"}
        assert all("✎ corrected" in text for text in quote_row_texts(screen))
    assert PATHS["quay-a"].read_bytes() == article_bytes


async def test_a_corrupt_corrections_file_is_reported_not_a_crash(store):
    store.directory.mkdir(parents=True)
    store.path_for(PATHS["quay-a"].read_text(encoding="utf-8")).write_text("{oops",
                                                                          encoding="utf-8")
    app = newsroom_app(store, [PATHS["quay-a"]])
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(app, pilot)
        await pilot.pause()
        assert len(screen.document.quotes) == 4
        assert any("unreadable" in n.message for n in app._notifications)
        assert list(store.directory.glob("*.corrupt-1"))


async def test_a_correction_that_no_longer_fits_is_reported(store):
    from explorer.store.corrections import Correction

    article = newsroom_docs(PATHS)["quay-a"].article
    store.save(article, [Correction("not_quote", Span(0, 5), "gone words")])
    app = newsroom_app(store, [PATHS["quay-a"]])
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(app, pilot)
        await pilot.pause()
        assert len(screen.document.quotes) == 4
        assert screen.document.corrections[0].problem
        assert any("no longer fits" in n.message for n in app._notifications)


async def test_e_exports_the_folder_as_csv(store, tmp_path):
    out = tmp_path / "sheet.csv"
    app = newsroom_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one(Input).value = str(out)
        await pilot.press("down", "enter")  # "Every article (3)"
        await app.workers.wait_for_complete()
        await pilot.pause()
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    assert len(rows) == 9
    assert {Path(r["path"]).name for r in rows} == {"quay-a.txt", "quay-b.txt", "quay-old.txt"}


async def test_e_exports_the_selected_speakers_quotes_as_markdown(store, tmp_path):
    out = tmp_path / "haddow.md"
    app = newsroom_app(store, [PATHS["quay-a"]])
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("1", "enter", "e")  # Tom Haddow, most quoted
        await pilot.pause()
        app.screen.query_one(Input).value = str(out)
        await pilot.press("down", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
    sheet = out.read_text(encoding="utf-8")
    assert sheet.count("\n## ") == 1 and "## Tom Haddow" in sheet
    assert "2 quotes" in sheet


async def test_said_before_lists_other_articles_and_jumps_to_one(store):
    app = newsroom_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(app, pilot)
        await pilot.press("1", "down", "enter")  # Maria Quint in quay-a
        assert screen.selected.name == "Maria Quint"
        await pilot.press("B")
        await app.workers.wait_for_complete()
        await pilot.pause()
        said = app.screen
        assert isinstance(said, SaidBeforeScreen)
        assert [(q.path.endswith("quay-old.txt"), q.speaker) for q in said.found] == [
            (True, "Maria Quint")]
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ReaderScreen)
        assert screen.articles[screen.current].path.endswith("quay-old.txt")
        assert screen.selected.id == "q1"


async def test_V_compares_with_another_article(store):
    app = newsroom_app(store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("V")
        await pilot.pause()
        await pilot.press("enter")  # quay-b, the first other article
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, CompareScreen)
        report = plain(app.screen.query_one("#compare-report", Static))
        assert "Figures that disagree (1)" in report and "300 families" in report
        assert "Pat Ryle" in report and "Maria Quint = Ms Quint" in report


async def test_names_with_markup_and_escapes_show_literally_on_the_newsroom_screens(store):
    from test_app_support import ARTICLES

    app = ExplorerApp(paths=[str(ARTICLES / "markup.txt")], service=FakeService(),
                      corrections=store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.press("S")
        await pilot.pause()
        card = plain(app.screen.query_one("#sources-card", Static))
        assert "Ann [Smith]" in card and "␛[31m" in card and "\x1b" not in card
        await pilot.press("escape", "2", "enter", "R")
        await pilot.pause()
        options = app.screen.query_one(OptionList)
        await pilot.press(*"ann")
        await pilot.pause()
        assert options.get_option_at_index(0).prompt.plain == "Ann [Smith]"
        await pilot.press("escape", "E")
        await pilot.pause()
        title = app.screen.query_one(".dialog-title", Static)
        assert plain(title).strip() == "Rename Ann [Smith]"
