"""The rows of each panel, built from the model: what a row says and what it filters on.

Every name and quote comes from the article, so rows are ``rich.text.Text``
objects built piecewise (never markup) from text made visible.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, get_args

from rich.text import Text

from explorer.model import FigureKind, ParsedDocument, PlaceKind, Quote
from explorer.safe_text import visible

PanelKey = Literal["speakers", "quotes", "places", "figures", "people", "organisations"]


@dataclass(frozen=True, slots=True)
class PanelSpec:
    """One panel: its key, its title, the key that opens it, the kinds it filters by."""

    key: PanelKey
    title: str
    shortcut: str
    kinds: tuple[str, ...] = ()


PANELS: tuple[PanelSpec, ...] = (
    PanelSpec("speakers", "Speakers", "1"),
    PanelSpec("quotes", "Quotes", "2", ("direct", "indirect", "mixed")),
    PanelSpec("places", "Places", "3", get_args(PlaceKind)),
    PanelSpec("figures", "Figures", "4", get_args(FigureKind)),
    PanelSpec("people", "People", "5"),
    PanelSpec("organisations", "Orgs", "6"),
)

KIND_MARKERS = {"direct": "“D”", "indirect": "~I~", "mixed": "“M~"}
"""Quote kinds at a glance: quotation marks for direct, tildes for reported speech."""


@dataclass(frozen=True, slots=True)
class PanelRow:
    """One row of a panel: the item it stands for and what filters see of it."""

    item_id: str
    prompt: Text
    haystack: str
    """Lower-case text the filter box searches."""
    kind: str | None = None
    speaker_id: str | None = None


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", visible(text)).strip()


def opening_words(text: str, limit: int = 70) -> str:
    """The first words of a quote, cut at a word boundary."""
    text = _clean(text)
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit] + "…"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def speaker_name(doc: ParsedDocument, speaker_id: str | None) -> str:
    speaker = doc.item(speaker_id) if speaker_id else None
    return _clean(speaker.name) if speaker is not None else "unattributed"


def speaker_rows(doc: ParsedDocument) -> list[PanelRow]:
    """Most-quoted first, then by name."""
    speakers = sorted(doc.speakers, key=lambda s: (-len(s.quote_ids), s.name.lower()))
    rows = []
    for speaker in speakers:
        prompt = Text(_clean(speaker.name), style="bold")
        if speaker.role:
            prompt.append(f" · {_clean(speaker.role)}", style="italic")
        prompt.append(f"\n  {_plural(len(speaker.quote_ids), 'quote')}", style="dim")
        prompt.append(f" · {_plural(len(speaker.mentions), 'mention')}", style="dim")
        haystack = " ".join((speaker.name, speaker.role or "", *speaker.aliases)).lower()
        rows.append(PanelRow(speaker.id, prompt, haystack, speaker.kind, speaker.id))
    return rows


def quote_row(doc: ParsedDocument, quote: Quote) -> PanelRow:
    name = speaker_name(doc, quote.speaker_id)
    prompt = Text(KIND_MARKERS.get(quote.kind, quote.kind), style="bold")
    prompt.append(" ")
    prompt.append(name, style="bold" if quote.speaker_id else "italic")
    prompt.append(f"\n  {opening_words(quote.text)}", style="dim")
    haystack = f"{name} {quote.kind} {quote.text}".lower()
    return PanelRow(quote.id, prompt, haystack, quote.kind, quote.speaker_id)


def quote_rows(doc: ParsedDocument) -> list[PanelRow]:
    return [quote_row(doc, quote) for quote in sorted(doc.quotes, key=lambda q: q.start)]


def place_rows(doc: ParsedDocument) -> list[PanelRow]:
    places = sorted(doc.places, key=lambda p: (-len(p.mentions), p.name.lower()))
    rows = []
    for place in places:
        prompt = Text(_clean(place.name), style="bold")
        prompt.append(f"  {place.kind.replace('_', ' ')}", style="italic")
        prompt.append(f" · {_plural(len(place.mentions), 'mention')}", style="dim")
        haystack = " ".join((place.name, place.kind, *place.aliases)).lower()
        rows.append(PanelRow(place.id, prompt, haystack, place.kind))
    return rows


def claimant(doc: ParsedDocument, quote_id: str | None) -> str | None:
    """Who claims a figure: the speaker of the quote it stands in."""
    quote = doc.item(quote_id) if quote_id else None
    if isinstance(quote, Quote):
        return speaker_name(doc, quote.speaker_id)
    return None


def figure_rows(doc: ParsedDocument) -> list[PanelRow]:
    rows = []
    for figure in sorted(doc.figures, key=lambda f: f.start):
        prompt = Text(_clean(figure.text), style="bold")
        prompt.append(f"  {figure.kind}", style="italic")
        who = claimant(doc, figure.quote_id)
        detail = opening_words(figure.counts, 60) if figure.counts else "—"
        prompt.append(f"\n  {detail}", style="dim")
        if who:
            prompt.append(f" · claimed by {who}", style="dim")
        haystack = f"{figure.text} {figure.kind} {figure.counts or ''} {who or ''}".lower()
        rows.append(PanelRow(figure.id, prompt, haystack, figure.kind))
    return rows


def people_rows(doc: ParsedDocument) -> list[PanelRow]:
    people = sorted(doc.people, key=lambda p: (-len(p.mentions), p.name.lower()))
    rows = []
    for person in people:
        prompt = Text(_clean(person.name), style="bold")
        if person.role:
            prompt.append(f" · {_clean(person.role)}", style="italic")
        prompt.append(f"  {_plural(len(person.mentions), 'mention')}", style="dim")
        if person.speaker_id:
            prompt.append(" · quoted", style="dim")
        haystack = " ".join((person.name, person.role or "", *person.aliases)).lower()
        rows.append(PanelRow(person.id, prompt, haystack, None, person.speaker_id))
    return rows


def organisation_rows(doc: ParsedDocument) -> list[PanelRow]:
    organisations = sorted(doc.organisations, key=lambda o: (-len(o.mentions), o.name.lower()))
    rows = []
    for organisation in organisations:
        prompt = Text(_clean(organisation.name), style="bold")
        prompt.append(f"  {_plural(len(organisation.mentions), 'mention')}", style="dim")
        if organisation.speaker_id:
            prompt.append(" · quoted", style="dim")
        haystack = " ".join((organisation.name, *organisation.aliases)).lower()
        rows.append(PanelRow(organisation.id, prompt, haystack, None, organisation.speaker_id))
    return rows


ROW_BUILDERS = {
    "speakers": speaker_rows,
    "quotes": quote_rows,
    "places": place_rows,
    "figures": figure_rows,
    "people": people_rows,
    "organisations": organisation_rows,
}


def rows_for(doc: ParsedDocument, panel: PanelKey) -> list[PanelRow]:
    return ROW_BUILDERS[panel](doc)


def fuzzy_match(query: str, haystack: str) -> bool:
    """Substring first; otherwise the query's letters in order (``hmsc`` finds Home Secretary)."""
    query = query.lower().strip()
    if not query or query in haystack:
        return True
    position = 0
    for char in query.replace(" ", ""):
        position = haystack.find(char, position)
        if position == -1:
            return False
        position += 1
    return True
