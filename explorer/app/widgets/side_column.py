"""The column beside the article: the library above the item panels.

The reader mounts it after the article's first paint, so the text shows as
fast as a bare app would show it; it says when it is ready.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import TabbedContent, TabPane

from explorer.app.messages import SideColumnReady, SideColumnResized
from explorer.app.rows import PANELS
from explorer.app.widgets.item_panel import ItemPanel
from explorer.app.widgets.library import Library


class SideColumn(Vertical):
    def compose(self) -> ComposeResult:
        yield Library(id="library")
        with TabbedContent(id="panels"):
            for index, spec in enumerate(PANELS):
                with TabPane(spec.title, id=f"tab-{spec.key}"):
                    yield ItemPanel(spec, id=f"panel-{spec.key}", hidden=index > 0)

    def on_mount(self) -> None:
        self.post_message(SideColumnReady())

    def on_resize(self) -> None:
        self.post_message(SideColumnResized(self.size.width))
