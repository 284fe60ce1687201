"""Say what lies under the article cursor: the quote there and its speaker, or an entity."""

from __future__ import annotations

import bisect

from explorer.app.quoting import is_unsure, kind_word
from explorer.app.rows import speaker_name
from explorer.model import Item, ParsedDocument, Quote
from explorer.safe_text import visible


class ItemLocator:
    """Finds the items whose passages overlap a range, without scanning every item.

    Built once per document: every passage sorted by start; a lookup bisects and
    looks back no further than the longest passage.
    """

    def __init__(self, doc: ParsedDocument) -> None:
        entries: list[tuple[int, int, int, Item]] = []
        for quote in doc.quotes:
            entries.extend((part.start, part.end, 0, quote) for part in quote.parts)
        entries.extend((figure.start, figure.end, 1, figure) for figure in doc.figures)
        for rank, group in ((2, doc.places), (3, doc.people), (4, doc.organisations)):
            for item in group:
                entries.extend((m.start, m.end, rank, item) for m in item.mentions)
        entries.sort(key=lambda entry: entry[0])
        self._entries = entries
        self._starts = [entry[0] for entry in entries]
        self._longest = max((end - start for start, end, _, _ in entries), default=0)

    def items_at(self, start: int, end: int) -> list[Item]:
        """Quotes overlapping ``[start, end)`` first, then figures, places, people, organisations."""
        end = max(start + 1, end)
        low = bisect.bisect_left(self._starts, start - self._longest)
        high = bisect.bisect_left(self._starts, end)
        found: dict[str, tuple[int, int, Item]] = {}
        for entry_start, entry_end, rank, item in self._entries[low:high]:
            if entry_end > start and item.id not in found:
                found[item.id] = (rank, entry_start, item)
        return [item for _, _, item in sorted(found.values(), key=lambda f: (f[0], f[1]))]


def describe(doc: ParsedDocument, item: Item) -> str:
    """``reported quote by Ann Lee``, ``place: Kelby``: the kind in words, then the name."""
    if isinstance(item, Quote):
        unsure = " (speaker unsure)" if is_unsure(item) else ""
        return f"{kind_word(item.kind)} quote by {speaker_name(doc, item.speaker_id)}{unsure}"
    label = getattr(item, "name", None) or getattr(item, "text", item.id)
    kind = type(item).__name__.lower()
    return f"{kind}: {visible(label)}"


def describe_at(doc: ParsedDocument, start: int, end: int, locator: ItemLocator | None = None,
                limit: int = 3, leave_out: Item | None = None) -> str:
    """A short line for the status bar; empty when nothing is there.

    ``leave_out`` is the selected item, which the status line names already.
    """
    found = [item for item in (locator or ItemLocator(doc)).items_at(start, end) if item is not leave_out]
    return " · ".join(describe(doc, item) for item in found[:limit])
