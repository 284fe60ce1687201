"""Where the reader is: what is selected, what is searched, and which occurrence is shown.

Stepping with ``n``/``N`` goes through *stops*, each named for what it is, so the
status line says what is counted: "part 1 of 3" of one quote, "quote 2 of 6" and
"mention 4 of 9" of a speaker, "match 3 of 14" of a search.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from explorer.model import Figure, Item, ParsedDocument, Quote, Span, Speaker


@dataclass(frozen=True, slots=True)
class Stop:
    """One place ``n`` stops at: a passage, what it is, and its number among its kind."""

    span: Span
    noun: str
    number: int
    total: int

    @property
    def label(self) -> str:
        return f"{self.noun} {self.number} of {self.total}"


def numbered(passages: Iterable[tuple[Span, str]]) -> tuple[Stop, ...]:
    """Stops in text order, each numbered among the stops of its noun."""
    ordered = sorted(set(passages), key=lambda passage: (passage[0].start, passage[0].end))
    totals = Counter(noun for _, noun in ordered)
    seen: Counter[str] = Counter()
    stops = []
    for span, noun in ordered:
        seen[noun] += 1
        stops.append(Stop(span, noun, seen[noun], totals[noun]))
    return tuple(stops)


def stops_of(doc: ParsedDocument, item: Item) -> tuple[Stop, ...]:
    """Where ``n`` goes for a selected item: a quote's parts, a speaker's quotes and mentions."""
    if isinstance(item, Quote):
        noun = "part" if len(item.parts) > 1 else "quote"
        return numbered((part, noun) for part in item.parts)
    if isinstance(item, Speaker):
        quotes = [q for q in (doc.item(i) for i in item.quote_ids) if isinstance(q, Quote)]
        spans = sorted(quote.span for quote in quotes)
        starts = [span.start for span in spans]

        def inside_a_quote(mention: Span) -> bool:
            # Their quotes do not nest, so only the last one starting before can hold it.
            at = bisect.bisect_right(starts, mention.start) - 1
            return at >= 0 and mention.start < spans[at].end

        mentions = [m for m in item.mentions if not inside_a_quote(m)]
        return numbered([*((span, "quote") for span in spans),
                         *((mention, "mention") for mention in mentions)])
    if isinstance(item, Figure):
        return numbered([(item.span, "figure")])
    return numbered((mention, "mention") for mention in item.mentions)


class Occurrences:
    """Stops in text order and which one the user is on (``None`` before the first step)."""

    def __init__(self, spans: Iterable[Span] = (), noun: str = "passage") -> None:
        self.stops: tuple[Stop, ...] = numbered((span, noun) for span in spans)
        self.index: int | None = None

    @classmethod
    def of(cls, stops: tuple[Stop, ...]) -> Occurrences:
        occurrences = cls()
        occurrences.stops = stops
        return occurrences

    @property
    def spans(self) -> tuple[Span, ...]:
        return tuple(stop.span for stop in self.stops)

    @property
    def current(self) -> Span | None:
        return self.stops[self.index].span if self.index is not None and self.stops else None

    @property
    def label(self) -> str:
        """``quote 2 of 6`` on a stop; before the first step, what there is: ``6 quotes``."""
        if not self.stops:
            return "none"
        if self.index is not None:
            return self.stops[self.index].label
        totals = Counter(stop.noun for stop in self.stops)
        return ", ".join(f"{count} {noun}{'' if count == 1 else 'es' if noun == 'match' else 's'}"
                         for noun, count in totals.items())

    def stepped(self, step: int) -> int | None:
        """The index ``step`` places on, wrapping round at either end."""
        if not self.stops:
            return None
        if self.index is None:
            return 0 if step > 0 else len(self.stops) - 1
        return (self.index + step) % len(self.stops)

    def first_from(self, offset: int) -> int | None:
        """The first stop starting at or after ``offset``, wrapping to the first."""
        if not self.stops:
            return None
        index = bisect.bisect_left([stop.span.start for stop in self.stops], offset)
        return index if index < len(self.stops) else 0


@dataclass
class Navigation:
    """The reader's selection and search state in one place, reset in one place."""

    selected: Item | None = None
    """The item lit in the article (previewed or kept)."""
    kept: bool = False
    """``enter`` kept the selection: moving the cursor no longer counts as a preview."""
    selection: Occurrences = field(default_factory=Occurrences)
    search: Occurrences = field(default_factory=Occurrences)
    mode: Literal["selection", "search"] = "selection"
    """Which occurrences ``n``/``N`` step through."""

    def reset(self) -> None:
        """A new article: nothing selected, nothing searched."""
        self.selected, self.kept = None, False
        self.selection, self.search = Occurrences(), Occurrences()
        self.mode = "selection"

    def select(self, doc: ParsedDocument, item: Item, *, kept: bool) -> None:
        self.selected, self.kept = item, kept
        self.selection = Occurrences.of(stops_of(doc, item))
        self.mode = "selection"

    def select_passage(self, span: Span) -> None:
        """A passage with no item (a search hit chosen in the folder view)."""
        self.selected, self.kept = None, True
        self.selection = Occurrences([span])
        self.mode = "selection"

    def clear_selection(self) -> None:
        self.selected, self.kept = None, False
        self.selection = Occurrences()

    @property
    def active(self) -> Occurrences:
        return self.search if self.mode == "search" else self.selection
