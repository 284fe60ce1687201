"""Say what lies under the article cursor: the quote there and its speaker, or an entity."""

from __future__ import annotations

from explorer.app.rows import speaker_name
from explorer.model import Item, ParsedDocument, Quote, Span
from explorer.safe_text import visible


def items_at(doc: ParsedDocument, start: int, end: int) -> list[Item]:
    """Quotes overlapping ``[start, end)`` first, then figures, places, people, organisations."""
    window = Span(start, max(start + 1, end))
    found: list[Item] = []
    for quote in doc.quotes:
        if any(part.overlaps(window) for part in quote.parts):
            found.append(quote)
    for figure in doc.figures:
        if figure.span.overlaps(window):
            found.append(figure)
    for group in (doc.places, doc.people, doc.organisations):
        for item in group:
            if any(mention.overlaps(window) for mention in item.mentions):
                found.append(item)
    return found


def describe(doc: ParsedDocument, item: Item) -> str:
    if isinstance(item, Quote):
        return f"{item.kind} quote by {speaker_name(doc, item.speaker_id)}"
    label = getattr(item, "name", None) or getattr(item, "text", item.id)
    kind = type(item).__name__.lower()
    return f"{kind}: {visible(label)}"


def describe_at(doc: ParsedDocument, start: int, end: int, limit: int = 3) -> str:
    """A short line for the status bar; empty when nothing is there."""
    found = items_at(doc, start, end)
    return " · ".join(describe(doc, item) for item in found[:limit])
