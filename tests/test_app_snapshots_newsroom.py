"""SVG snapshots of the newsroom screens: sources card, a corrected quote, the speaker
prompt, the export dialog, said before and compare (pytest-textual-snapshot).

Update with ``pytest tests/test_app_snapshots_newsroom.py --snapshot-update``, then look.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from newsroom_support import newsroom_docs
from test_app_support import FakeService
from textual.widgets import Input

from explorer.app.app import ExplorerApp
from explorer.store.correction_files import CorrectionStore

FOLDER = Path(__file__).parent / "fixtures" / "newsroom"
PATHS = {p.stem: p for p in sorted(FOLDER.glob("*.txt"))}


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(tmp_path / "cache"))


def app_for(tmp_path: Path, paths: list[Path]) -> ExplorerApp:
    return ExplorerApp(paths=[str(p) for p in paths], service=FakeService(
        extra=newsroom_docs(PATHS)), corrections=CorrectionStore(tmp_path / "corrections"))


async def settled(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    for box in pilot.app.screen.query(Input):
        box.cursor_blink = False


def test_sources_card_120(snap_compare, tmp_path):
    assert snap_compare(app_for(tmp_path, [PATHS["quay-a"]]), terminal_size=(120, 36),
                        run_before=settled, press=["S"])


def test_speaker_prompt_120(snap_compare, tmp_path):
    async def prompt(pilot) -> None:
        await settled(pilot)
        await pilot.press("2", "down", "enter", "R", *"quint")
        await settled(pilot)

    assert snap_compare(app_for(tmp_path, [PATHS["quay-a"]]), terminal_size=(120, 36),
                        run_before=prompt)


def test_corrected_quote_in_the_panel_120(snap_compare, tmp_path):
    async def corrected(pilot) -> None:
        await settled(pilot)
        await pilot.press("2", "down", "enter", "R", *"Dana Webb", "enter")
        await settled(pilot)
        pilot.app.clear_notifications()
        await pilot.pause()

    assert snap_compare(app_for(tmp_path, [PATHS["quay-a"]]), terminal_size=(120, 36),
                        run_before=corrected)


def test_export_dialog_80(snap_compare, tmp_path):
    async def dialog(pilot) -> None:
        await settled(pilot)
        await pilot.press("1", "enter", "e")
        await settled(pilot)

    assert snap_compare(app_for(tmp_path, [FOLDER]), terminal_size=(80, 24), run_before=dialog)


def test_said_before_120(snap_compare, tmp_path):
    async def said(pilot) -> None:
        await settled(pilot)
        await pilot.press("1", "down", "enter", "B")
        await settled(pilot)
        await settled(pilot)

    assert snap_compare(app_for(tmp_path, [FOLDER]), terminal_size=(120, 36), run_before=said)


def test_compare_120(snap_compare, tmp_path):
    async def compared(pilot) -> None:
        await settled(pilot)
        await pilot.press("V", "enter")
        await settled(pilot)
        await settled(pilot)

    assert snap_compare(app_for(tmp_path, [FOLDER]), terminal_size=(120, 36),
                        run_before=compared)
