"""Finding a quote by the words it holds and naming its speaker, for the attribution tests."""

from __future__ import annotations


def find_quote(doc, fragment: str):
    """The shortest quote whose span holds ``fragment``, or None."""
    quotes = [q for q in doc.quotes if fragment in doc.text[q.start : q.end]]
    return min(quotes, key=lambda q: q.end - q.start) if quotes else None


def quote_holding(doc, fragment: str):
    """The shortest quote whose span holds ``fragment``; the test fails, listing the quotes, if none does."""
    quote = find_quote(doc, fragment)
    assert quote is not None, f"no quote holds {fragment!r}: {[q.text for q in doc.quotes]}"
    return quote


def speaker_name(doc, quote) -> str | None:
    return doc.item(quote.speaker_id).name if quote is not None and quote.speaker_id else None


def speaker_of(doc, fragment: str):
    """The speaker credited with the shortest quote holding ``fragment`` (None if no one)."""
    quote = quote_holding(doc, fragment)
    return doc.item(quote.speaker_id) if quote.speaker_id else None


def name_of(doc, fragment: str) -> str | None:
    return speaker_name(doc, quote_holding(doc, fragment))
