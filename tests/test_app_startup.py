"""How the app starts: a cached article is there from the first frame, and the
parts nobody sees yet (hidden panels, the search bar) are built when first shown."""

from __future__ import annotations

import gc

import pytest
from test_app import HARBOUR, settle
from test_app_support import FakeService, fixture_doc
from textual.widgets import Input, OptionList

from explorer.app import collector
from explorer.app.app import ExplorerApp
from explorer.app.screens.reader import ReaderScreen
from explorer.app.widgets.search_bar import SearchBar


class CachedService(FakeService):
    """Every article is in the cache; analysing one is a test failure."""

    def __init__(self) -> None:
        super().__init__()
        self.lookups = 0

    def cached(self, article):
        self.lookups += 1
        return fixture_doc("harbour", article)

    def analyze_batch(self, articles):
        raise AssertionError("a cached article was analysed again")


async def test_a_cached_article_has_its_analysis_from_the_first_frame():
    service = CachedService()
    app = ExplorerApp(paths=[HARBOUR], service=service)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        # Before any pause: the lookup was made while the screen was built.
        assert screen.document is not None and screen.view.document is screen.document
        assert service.lookups == 1
        await pilot.pause()
        document = screen.document
        assert screen.status.analysis == (f"{len(document.quotes)} quotes · "
                                          f"{len(document.speakers)} speakers")
        assert not app.workers  # nothing left to analyse, so no worker ran


async def test_hidden_panels_are_built_when_first_shown_with_their_rows():
    app = ExplorerApp(paths=[HARBOUR], service=FakeService())
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(app, pilot)
        places = screen.panel("places")
        assert places.rows and not places.query(OptionList)  # data, no widgets yet
        assert screen.panel("speakers").query(OptionList)  # the tab on show is built
        await pilot.press("3")
        await pilot.pause()
        option_list = places.query_one(OptionList)
        assert option_list.option_count == len(places.rows)
        assert app.focused is option_list  # the focus asked for before the build


async def test_a_jump_to_an_unbuilt_panel_highlights_the_item_once_built():
    app = ExplorerApp(paths=[HARBOUR], service=FakeService())
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(app, pilot)
        place = next(p for p in screen.document.places if p.name == "Kelby")
        screen.select_and_show(place.id)
        await pilot.pause()
        option_list = screen.panel("places").query_one(OptionList)
        assert option_list.highlighted_option.id == place.id
        assert app.focused is option_list


async def test_a_filter_set_before_the_build_is_in_the_filter_box():
    app = ExplorerApp(paths=[HARBOUR], service=FakeService())
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(app, pilot)
        people = screen.panel("people")
        people.text_filter = "zzz-nobody"
        assert people.shown_rows == []
        await pilot.press("5")
        await pilot.pause()
        assert people.filter_box.value == "zzz-nobody"
        assert people.query_one(OptionList).option_count == 0


async def test_the_search_bar_is_built_on_the_first_search():
    app = ExplorerApp(paths=[HARBOUR], service=FakeService())
    async with app.run_test(size=(120, 36)) as pilot:
        screen = await settle(app, pilot)
        assert not screen.query(SearchBar)
        await pilot.press("slash")
        await pilot.pause()
        bar = screen.query_one(SearchBar)
        assert bar.display and isinstance(app.focused, Input)
        await pilot.press(*"quay")
        await pilot.pause()
        assert screen.view.search_matches


@pytest.fixture
def restore_collector():
    yield
    collector._paused = False
    gc.unfreeze()
    gc.enable()


def test_collector_pause_and_resume(restore_collector):
    collector.pause()
    assert not gc.isenabled()
    collector.resume()
    assert gc.isenabled() and gc.get_freeze_count() > 0


def test_resume_without_a_pause_leaves_the_collector_alone(restore_collector):
    gc.disable()  # as a host program of ours might have it
    collector.resume()
    assert not gc.isenabled()


async def test_the_app_resumes_the_collector_once_it_is_up(restore_collector, monkeypatch):
    monkeypatch.setattr(collector, "RESUME_AFTER", 0.01)
    collector.pause()
    app = ExplorerApp(paths=[HARBOUR], service=FakeService())
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        await pilot.pause(0.1)
        assert gc.isenabled()


DEFERRED = ("explorer.app.widgets.side_column", "explorer.app.widgets.item_panel",
            "explorer.app.widgets.library", "explorer.app.widgets.search_bar",
            "explorer.app.widgets.footer", "textual.widgets._tabbed_content",
            "explorer.sources.html", "explorer.sources.markdown", "explorer.sources.json_article",
            "email.utils", "explorer.documents", "explorer.store.cache")
"""Modules the first frame does not need (bench/first_paint.py): imported when first used."""


def _modules_loaded_by(code: str) -> list[str]:
    """The modules a fresh interpreter holds after running ``code`` (which prints them)."""
    import subprocess
    import sys

    run = subprocess.run([sys.executable, "-c", code + "print(' '.join(sys.modules))\n"],
                         capture_output=True, text=True, check=True)
    return run.stdout.split()


def test_the_app_and_a_text_file_import_nothing_the_first_frame_does_not_show():
    code = (
        "import sys\n"
        "from explorer.app.app import ExplorerApp\n"
        "from explorer.commands.inputs import iter_inputs\n"
        f"articles = list(iter_inputs([{HARBOUR!r}]))\n"
        "ExplorerApp(articles=articles, use_cache=False).service.cached(articles[0])\n"
    )
    loaded = _modules_loaded_by(code)
    assert "explorer.app.screens.reader" in loaded
    assert [name for name in DEFERRED if name in loaded] == []


def test_the_cache_lookup_does_not_import_the_batch_runner(tmp_path):
    code = (
        "import sys\n"
        "from explorer.documents import DocumentService\n"
        "from explorer.model import Article\n"
        "from explorer.store.cache import AnalysisCache\n"
        f"service = DocumentService(model='en_core_web_sm', cache=AnalysisCache({str(tmp_path)!r}))\n"
        "service.cached(Article(text='Nothing is in this cache yet.'))\n"
    )
    loaded = _modules_loaded_by(code)
    assert "explorer.store.cache" in loaded
    assert [name for name in ("explorer.store.batch", "multiprocessing") if name in loaded] == []


def test_without_the_cache_the_early_lookup_builds_no_document_service():
    from explorer.app.lazy_service import LazyDocumentService
    from explorer.model import Article

    service = LazyDocumentService(use_cache=False)
    assert service.cached(Article(text="Nothing is cached when the cache is off.")) is None
    assert service._service is None
