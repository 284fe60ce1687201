"""Every binding of the app, by where it works: for the help screen and for keymap checks."""

from __future__ import annotations

from textual.binding import Binding


def help_sections(screen: object = None) -> list[tuple[str, type]]:
    """(title, class whose ``BINDINGS`` it lists), in the order the help shows them.

    The feed keys are listed on a feed's reader, and always for keymap checks (no ``screen``).
    """
    from explorer.app.app import ExplorerApp
    from explorer.app.screens.corpus import CorpusScreen
    from explorer.app.screens.feed import FeedReaderScreen
    from explorer.app.screens.help import HelpScreen
    from explorer.app.screens.highlight_menu import HighlightMenu
    from explorer.app.screens.reader import ReaderScreen
    from explorer.app.widgets.article_view import ArticleView
    from explorer.app.widgets.filter_box import FilterBox
    from explorer.app.widgets.item_list import ItemList
    from explorer.app.widgets.item_panel import ItemPanel
    from explorer.app.widgets.search_bar import SearchBar

    feeds = [("Feeds (explorer feed)", FeedReaderScreen)]
    return [
        ("Everywhere", ExplorerApp),
        ("Reading", ReaderScreen),
        ("Article", ArticleView),
        ("Panels", ItemPanel),
        ("Lists (panels, library)", ItemList),
        ("Filter box", FilterBox),
        ("Search bar", SearchBar),
        ("Highlights menu", HighlightMenu),
        ("Folder view", CorpusScreen),
        *(feeds if screen is None or isinstance(screen, FeedReaderScreen) else ()),
        ("Help", HelpScreen),
    ]


def bindings_of(owner: type) -> list[Binding]:
    return [b for b in getattr(owner, "BINDINGS", []) if isinstance(b, Binding)]


def binding_ids() -> set[str]:
    """Every id a keymap file may name."""
    return {binding.id for _, owner in help_sections() for binding in bindings_of(owner)
            if binding.id}
