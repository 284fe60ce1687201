"""The command palette's entries: the app's actions and "jump to speaker / place / figure …"."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content
from textual.markup import escape

from explorer.app.highlights import PRESETS
from explorer.app.quoting import kind_word, quote_words
from explorer.app.rows import PANELS, opening_words, speaker_name
from explorer.model import ParsedDocument
from explorer.safe_text import visible


def jump_entries(document: ParsedDocument) -> list[tuple[str, str, str]]:
    """(entry text, help, item id) for every item worth jumping to."""
    entries: list[tuple[str, str, str]] = []
    for speaker in document.speakers:
        entries.append((f"Jump to speaker: {visible(speaker.name)}",
                        f"{len(speaker.quote_ids)} quotes", speaker.id))
    for quote in document.quotes:
        who = speaker_name(document, quote.speaker_id)
        words = opening_words(quote_words(document, quote), 50)
        entries.append((f"Jump to quote: {who} — {words}",
                        f"{kind_word(quote.kind)} quote", quote.id))
    for place in document.places:
        entries.append((f"Jump to place: {visible(place.name)}", kind_word(place.kind),
                        place.id))
    for figure in document.figures:
        entries.append((f"Jump to figure: {visible(figure.text)}",
                        visible(figure.counts or kind_word(figure.kind)), figure.id))
    for person in document.people:
        entries.append((f"Jump to person: {visible(person.name)}", person.role or "", person.id))
    for organisation in document.organisations:
        entries.append((f"Jump to organisation: {visible(organisation.name)}", "",
                        organisation.id))
    return entries


def _highlight(matcher: Matcher, query: str, text: str) -> Content:
    """The entry with the matched letters marked, built as plain text.

    ``Matcher.highlight`` reads its candidate as markup, and these entries hold
    names from the article ("Ann [Smith]" must not vanish or raise).
    """
    content = Content(text)
    _, offsets = matcher.fuzzy_search.match(query, text)
    for offset in offsets:
        if not text[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class ExplorerCommands(Provider):
    """What the reader can do, and every item of the current article to jump to."""

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        screen = self.screen
        if not hasattr(screen, "select_item"):
            return []
        commands: list[tuple[str, str, Callable[[], object]]] = [
            ("Search the article", "/", screen.action_search),
            ("Highlights: choose what is lit…", "h", screen.action_highlights),
            ("Clear the selection", "escape", screen.action_clear_selection),
            ("Copy the selected quote", "c", screen.action_copy_quote),
            ("Copy the selected quote as a citation", "y", screen.action_copy_citation),
            ("Export this article's analysis as JSON", "J", screen.action_export),
            ("Folder view: speakers and search across every article", "C",
             screen.action_corpus),
            ("Next article", "]", partial(screen.action_switch_article, 1)),
            ("Previous article", "[", partial(screen.action_switch_article, -1)),
            ("Show or hide the library", "l", screen.action_toggle_library),
            ("Quotes with an unsure speaker (for review)", "f confidence:low",
             screen.show_unsure_quotes),
            ("Help: every key", "?", self.app.action_help),
            ("Keymap: how to change the keys", "?", self.app.action_help),
            *getattr(screen, "newsroom_commands", list)(),
            *getattr(screen, "feed_commands", list)(),
        ]
        for spec in PANELS:
            commands.append((f"Show the {spec.key} panel", spec.shortcut,
                             partial(screen.action_show_panel, spec.key)))
        for name, label in PRESETS.items():
            commands.append((f"Highlights: {label.lower()}", "h",
                             partial(setattr, screen, "highlight_choice", name)))
        document = screen.document
        if document is not None:
            for text, help_text, item_id in jump_entries(document):
                commands.append((text, help_text, partial(screen.select_and_show, item_id)))
        return commands

    async def discover(self) -> Hits:
        for text, help_text, command in self._commands()[:8]:
            yield DiscoveryHit(text, command, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, help_text, command in self._commands():
            score = matcher.match(text)
            if score > 0:
                yield Hit(score, _highlight(matcher, query, text), command, text=text,
                          help=escape(help_text))
