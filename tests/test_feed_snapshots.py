"""SVG snapshots of the reader on a feed (pytest-textual-snapshot): the entries in the library,
read marks, a hostile title, at 80x24 and 160x48.

Update with ``pytest tests/test_feed_snapshots.py --snapshot-update``, then look at them.
"""

from __future__ import annotations

from pathlib import Path

from test_feed_app import EmptyAnalysis

from explorer.app.feed_app import FeedApp
from explorer.app.widgets.library import Library
from explorer.store.pages import PageStore

VALLEY = str(Path(__file__).parent / "fixtures" / "feeds" / "valley.xml")


async def entries_shown(pilot) -> None:
    screen = pilot.app.screen
    while not (getattr(screen, "entries", None) and screen.side_ready
               and screen.query_one(Library).option_count):
        await pilot.pause(0.02)
    await pilot.pause()


def test_feed_entries_one_read_80(snap_compare, tmp_path):
    app = FeedApp([VALLEY], service=EmptyAnalysis(), store=PageStore(tmp_path))
    assert snap_compare(app, terminal_size=(80, 24), run_before=entries_shown,
                        press=["down", "m"])


def test_feed_entries_one_read_160(snap_compare, tmp_path):
    app = FeedApp([VALLEY], service=EmptyAnalysis(), store=PageStore(tmp_path))
    assert snap_compare(app, terminal_size=(160, 48), run_before=entries_shown,
                        press=["down", "m"])
