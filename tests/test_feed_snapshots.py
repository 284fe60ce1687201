"""SVG snapshot of the feed screen (pytest-textual-snapshot): entries, read marks, a hostile title.

Update with ``pytest tests/test_feed_snapshots.py --snapshot-update``, then look at it.
"""

from __future__ import annotations

from pathlib import Path

from test_feed_app import EmptyAnalysis

from explorer.app.feed_app import FeedApp
from explorer.app.screens.feed import FeedScreen
from explorer.store.pages import PageStore

VALLEY = str(Path(__file__).parent / "fixtures" / "feeds" / "valley.xml")


async def entries_shown(pilot) -> None:
    while not (isinstance(pilot.app.screen, FeedScreen) and pilot.app.screen.entries):
        await pilot.pause(0.02)
    await pilot.pause()


def test_feed_entries_one_read_80(snap_compare, tmp_path):
    app = FeedApp([VALLEY], service=EmptyAnalysis(), store=PageStore(tmp_path))
    assert snap_compare(app, terminal_size=(80, 24), run_before=entries_shown,
                        press=["down", "N"])
