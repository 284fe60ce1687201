"""SVG snapshots of the app's main states at 120x36 and 80x24 (pytest-textual-snapshot).

Update with ``pytest tests/test_app_snapshots.py --snapshot-update``, then look at them.
"""

from __future__ import annotations

from test_app_support import ARTICLES, FakeService
from textual.widgets import Input

from explorer.app.app import ExplorerApp

HARBOUR = str(ARTICLES / "harbour.txt")


async def settled(pilot) -> None:
    """Analysis done, and no blinking cursor to make the picture flaky."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    for box in pilot.app.screen.query(Input):
        box.cursor_blink = False


def app_for(paths: list[str], **service) -> ExplorerApp:
    return ExplorerApp(paths=paths, service=FakeService(**service))


def test_article_with_panels_120(snap_compare):
    assert snap_compare(app_for([HARBOUR]), terminal_size=(120, 36), run_before=settled)


def test_quote_selected_120(snap_compare):
    assert snap_compare(app_for([HARBOUR]), terminal_size=(120, 36), run_before=settled,
                        press=["2", "down", "down", "down", "enter", "n"])


def test_search_open_120(snap_compare):
    assert snap_compare(app_for([HARBOUR]), terminal_size=(120, 36), run_before=settled,
                        press=["slash", *"quay", "enter"])


def test_library_and_filtered_panel_120(snap_compare):
    assert snap_compare(app_for([str(ARTICLES)]), terminal_size=(120, 36), run_before=settled,
                        press=["2", "k", "f", *"we"])


def test_help_120(snap_compare):
    assert snap_compare(app_for([HARBOUR]), terminal_size=(120, 36), run_before=settled,
                        press=["question_mark"])


def test_speaker_selected_80(snap_compare):
    assert snap_compare(app_for([str(ARTICLES)]), terminal_size=(80, 24), run_before=settled,
                        press=["1", "enter"])


def test_analysis_error_80(snap_compare):
    assert snap_compare(app_for([HARBOUR], errors=("harbour",)), terminal_size=(80, 24),
                        run_before=settled)


def test_highlight_menu_80(snap_compare):
    assert snap_compare(app_for([HARBOUR]), terminal_size=(80, 24), run_before=settled,
                        press=["h"])


def test_light_theme_selection_and_search_120(snap_compare):
    async def light(pilot) -> None:
        pilot.app.theme = "textual-light"
        await settled(pilot)

    assert snap_compare(app_for([str(ARTICLES)]), terminal_size=(120, 36), run_before=light,
                        press=["2", "down", "enter", "slash", *"the"])
