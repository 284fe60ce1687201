"""SVG snapshots of the app's main states at 160x48, 120x36, 80x24 and 60x20.

Update with ``pytest tests/test_app_snapshots.py --snapshot-update``, then look at them.
"""

from __future__ import annotations

import dataclasses

from test_app_support import ARTICLES, FakeService, fixture_doc
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


def pressing(*keys: str):
    """Settle, press ``keys``, then wait out the panel's preview delay."""
    async def run(pilot) -> None:
        await settled(pilot)
        await pilot.press(*keys)
        await pilot.pause(0.3)
        await settled(pilot)

    return run


def test_article_with_panels_120(snap_compare):
    assert snap_compare(app_for([HARBOUR]), terminal_size=(120, 36), run_before=settled)


def test_quote_selected_120(snap_compare):
    assert snap_compare(app_for([HARBOUR]), terminal_size=(120, 36),
                        run_before=pressing("2", "down", "down", "down", "enter", "n"))


def test_search_open_120(snap_compare):
    assert snap_compare(app_for([HARBOUR]), terminal_size=(120, 36), run_before=settled,
                        press=["slash", *"quay", "enter"])


def test_library_and_filtered_panel_120(snap_compare):
    assert snap_compare(app_for([str(ARTICLES)]), terminal_size=(120, 36),
                        run_before=pressing("2", "t", "f", *"we"))


def test_help_120(snap_compare, monkeypatch):
    # The help names the keymap file: one the reader of the picture would recognise.
    monkeypatch.setenv("EXPLORER_CONFIG_DIR", "~/.config/article-explorer")
    assert snap_compare(app_for([HARBOUR]), terminal_size=(120, 36), run_before=settled,
                        press=["question_mark"])


def test_speaker_selected_80(snap_compare):
    assert snap_compare(app_for([str(ARTICLES)]), terminal_size=(80, 24),
                        run_before=pressing("1", "enter"))


def test_analysis_error_80(snap_compare):
    assert snap_compare(app_for([HARBOUR], errors=("harbour",)), terminal_size=(80, 24),
                        run_before=settled)


def test_highlight_menu_80(snap_compare):
    assert snap_compare(app_for([HARBOUR]), terminal_size=(80, 24), run_before=settled,
                        press=["h"])


def test_light_theme_selection_and_search_120(snap_compare):
    async def light(pilot) -> None:
        pilot.app.theme = "textual-light"
        await pressing("2", "down", "enter", "slash", *"the")(pilot)

    assert snap_compare(app_for([str(ARTICLES)]), terminal_size=(120, 36), run_before=light)


def unsure_harbour():
    """The harbour analysis with one unsure speaker (the union's quote)."""
    doc = fixture_doc("harbour")
    return dataclasses.replace(doc, quotes=tuple(
        dataclasses.replace(q, confidence=0.3 if q.id == "q3" else 0.9) for q in doc.quotes))


def test_quotes_panel_with_words_and_an_unsure_speaker_160(snap_compare):
    app = ExplorerApp(paths=[HARBOUR], service=FakeService(extra={"harbour": unsure_harbour()}))
    assert snap_compare(app, terminal_size=(160, 48), run_before=pressing("2", "j", "j"))


def test_speaker_stepping_says_what_it_counts_160(snap_compare):
    assert snap_compare(app_for([str(ARTICLES)]), terminal_size=(160, 48),
                        run_before=pressing("1", "enter", "n"))


def test_quote_selected_80(snap_compare):
    assert snap_compare(app_for([HARBOUR]), terminal_size=(80, 24),
                        run_before=pressing("2", "enter"))


def test_small_screen_keeps_counts_help_and_quit_60(snap_compare):
    assert snap_compare(app_for([HARBOUR]), terminal_size=(60, 20), run_before=pressing("2"))
