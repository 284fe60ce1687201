"""The help screen: every key of the app, read from the bindings themselves, and the legend."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from explorer.app import user_files
from explorer.app.keys import bindings_of
from explorer.app.quoting import LOW_CONFIDENCE, UNSURE_MARK
from explorer.safe_text import visible


def key_table(app, sections: list[tuple[str, type]]) -> Table:
    """Key, what it does, and its id (for the keymap file), per section."""
    table = Table(show_header=False, box=None, padding=(0, 2, 0, 0), expand=True)
    table.add_column("key", style="bold", no_wrap=True)
    table.add_column("what", ratio=1)
    table.add_column("id", style="dim", no_wrap=True)
    for title, owner in sections:
        rows = bindings_of(owner)
        if not rows:
            continue
        table.add_row(Text(title, style="bold underline"), "", "")
        for binding in rows:
            # The key the user has now: their keymap's, else the default.
            keys = app._keymap.get(binding.id, binding.key) if binding.id else binding.key
            shown = ", ".join(app.get_key_display(Binding(key, binding.action))
                              for key in keys.split(","))
            table.add_row(Text(shown), Text(binding.tooltip or binding.description),
                          Text(binding.id or ""))
        table.add_row("", "", "")
    return table


def legend() -> Text:
    """What the quotes panel's words and mark mean."""
    text = Text("Quotes panel\n", style="bold underline")
    for word, meaning in (
        ("direct", "the speaker's words in quotation marks"),
        ("reported", "what the speaker said, in the writer's words"),
        ("partly quoted", "reported speech with some of the speaker's words in quotation marks"),
        (UNSURE_MARK, f"the analysis is unsure of the speaker (below {LOW_CONFIDENCE:.0%}); "
                      "filter with confidence:low"),
    ):
        text.append(f"{word:>14}  ", style="bold")
        text.append(f"{meaning}\n")
    text.append("\nFilter (f): words, each a part of the name, role or text; or field:word "
                "with speaker, role, text, kind, confidence.\n", style="italic")
    return text


def keymap_note() -> Text:
    path = visible(str(user_files.keymap_path()))
    return Text(f"Your keys: in {path}, one line per binding id, e.g. "
                f'"reader.search" = "ctrl+f". Ids are on the right.', style="italic")


class HelpScreen(ModalScreen[None]):
    """Every key, grouped by where it works; any of escape, ? or q closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,q", "dismiss", "Close help", id="help.close",
                tooltip="Close this help"),
    ]

    def __init__(self, sections: list[tuple[str, type]]) -> None:
        super().__init__()
        self.sections = sections

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-box"):
            yield Static(Text("Article Explorer — keys", style="bold"), id="help-title")
            self.table = key_table(self.app, self.sections)
            yield Static(keymap_note(), id="help-keymap")
            yield Static(self.table, id="help-keys")
            yield Static(legend(), id="help-legend")
            yield Static(Text("Mouse: click tabs, rows and article lines; scroll anywhere. "
                              "Single keys work everywhere except inside a text box.",
                              style="italic"))
