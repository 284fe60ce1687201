"""SVG snapshots of the folder view at 80x24 and 160x48 (pytest-textual-snapshot).

Update with ``pytest tests/test_corpus_snapshots.py --snapshot-update``, then look at them.
"""

from __future__ import annotations

from test_cache_corpus import BUDGET, PORT
from test_cache_corpus_view import EXTRA, CorpusApp
from textual.widgets import Input


async def settled(pilot) -> None:
    """Indexing done, the search run, and no blinking cursor to make the picture flaky."""
    await pilot.pause()
    await pilot.app.screen.workers.wait_for_complete()
    await pilot.pause(0.3)
    for box in pilot.app.screen.query(Input):
        box.cursor_blink = False
    await pilot.pause()


def test_speakers_and_quotes_80(snap_compare):
    async def run_before(pilot) -> None:
        await settled(pilot)
        await pilot.press("enter")
        await settled(pilot)

    assert snap_compare(CorpusApp([BUDGET, PORT, EXTRA]), terminal_size=(80, 24), run_before=run_before)


def test_search_with_marked_matches_160(snap_compare):
    async def run_before(pilot) -> None:
        await settled(pilot)
        await pilot.press("ctrl+f", *'"the channel" OR sail')
        await settled(pilot)
        await pilot.press("enter")
        await settled(pilot)

    assert snap_compare(CorpusApp([BUDGET, PORT, EXTRA]), terminal_size=(160, 48), run_before=run_before)
