"""The rows of each panel, built from the model: what a row says and what it filters on.

Every name and quote comes from the article, so rows are ``rich.text.Text``
objects built piecewise (never markup) from text made visible.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal, get_args

from rich.text import Text

from explorer.app.panel_filter import matches, parse_filter
from explorer.app.quoting import UNSURE_MARK, is_unsure, kind_word, quote_words
from explorer.model import FigureKind, ParsedDocument, PlaceKind, Quote, Speaker, SpeakerKind
from explorer.safe_text import visible

PanelKey = Literal["speakers", "quotes", "places", "figures", "people", "organisations"]


@dataclass(frozen=True, slots=True)
class PanelSpec:
    """One panel: its key, its title (and a short one for narrow tabs), its key, its kinds."""

    key: PanelKey
    title: str
    short: str
    shortcut: str
    kinds: tuple[str, ...] = ()


PANELS: tuple[PanelSpec, ...] = (
    PanelSpec("speakers", "Speakers", "Spk", "1", get_args(SpeakerKind)),
    PanelSpec("quotes", "Quotes", "Quo", "2", ("direct", "indirect", "mixed")),
    PanelSpec("places", "Places", "Pla", "3", get_args(PlaceKind)),
    PanelSpec("figures", "Figures", "Fig", "4", get_args(FigureKind)),
    PanelSpec("people", "People", "Ppl", "5"),
    PanelSpec("organisations", "Orgs", "Org", "6"),
)


@dataclass(frozen=True, slots=True)
class PanelRow:
    """One row of a panel: the item it stands for and what filters see of it."""

    item_id: str
    prompt: Text
    fields: dict[str, str]
    """Lower-case text the filter box searches, by field (``speaker``, ``role``, ``text``…)."""
    kind: str | None = None
    speaker_id: str | None = None

    def keeps(self, query: str) -> bool:
        """Does the filter box's ``query`` keep this row (see ``panel_filter``)?"""
        return matches(parse_filter(query), self.fields)


def _fields(**values: str | None) -> dict[str, str]:
    return {field: " ".join((value or "").split()).lower() for field, value in values.items()}


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", visible(text)).strip()


def opening_words(text: str, limit: int = 70) -> str:
    """The first words of a quote, cut at a word boundary."""
    text = _clean(text)
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    # A cut just after a part joiner ("it's over," … …) would show two ellipses.
    return text[: cut if cut > limit // 2 else limit].removesuffix(" …").rstrip() + "…"


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def speaker_name(doc: ParsedDocument, speaker_id: str | None) -> str:
    speaker = doc.item(speaker_id) if speaker_id else None
    return _clean(speaker.name) if speaker is not None else "unattributed"


def speaker_detail(speaker: Speaker) -> str:
    """The speaker's kind in words, and who a spokesperson or a document speaks for."""
    detail = kind_word(speaker.kind)
    if speaker.represents:
        detail += f" for {_clean(speaker.represents)}"
    return detail


def corrected_ids(doc: ParsedDocument) -> frozenset[str]:
    """Quotes and speakers a reader's correction changed (shown with a ✎)."""
    ids = set()
    for note in doc.corrections:
        if note.problem is None:
            ids.update(note.quote_ids)
            if note.action in ("rename", "merge") and note.speaker_id:
                ids.add(note.speaker_id)
    return frozenset(ids)


def speaker_rows(doc: ParsedDocument) -> list[PanelRow]:
    """Most-quoted first, then by name."""
    speakers = sorted(doc.speakers, key=lambda s: (-len(s.quote_ids), s.name.lower()))
    rows = []
    corrected = corrected_ids(doc)
    for speaker in speakers:
        prompt = Text(_clean(speaker.name), style="bold")
        if speaker.role:
            prompt.append(f" · {_clean(speaker.role)}", style="italic")
        if speaker.id in corrected:
            prompt.append(" ✎ corrected", style="italic")
        prompt.append(f"\n  {speaker_detail(speaker)}", style="italic dim")
        prompt.append(f" · {_plural(len(speaker.quote_ids), 'quote')}", style="dim")
        prompt.append(f" · {_plural(len(speaker.mentions), 'mention')}", style="dim")
        fields = _fields(speaker=" ".join((speaker.name, *speaker.aliases)), role=speaker.role,
                         kind=f"{speaker.kind} {speaker_detail(speaker)}")
        rows.append(PanelRow(speaker.id, prompt, fields, speaker.kind, speaker.id))
    return rows


def quote_row(doc: ParsedDocument, quote: Quote,
              corrected: frozenset[str] = frozenset()) -> PanelRow:
    """Speaker, kind in words, a mark when the speaker is unsure or a reader corrected it;
    then the article's words."""
    name = speaker_name(doc, quote.speaker_id)
    speaker = doc.item(quote.speaker_id) if quote.speaker_id else None
    unsure = is_unsure(quote)
    prompt = Text()
    if unsure:
        prompt.append(f"{UNSURE_MARK} ", style="bold reverse")
    prompt.append(name, style="bold" if quote.speaker_id else "italic")
    prompt.append(f"  {kind_word(quote.kind)}", style="italic")
    if quote.id in corrected:
        prompt.append(" ✎ corrected", style="italic")
    words = quote_words(doc, quote)
    prompt.append(f"\n  {opening_words(words)}", style="dim")
    fields = _fields(speaker=name, role=getattr(speaker, "role", None), text=words,
                     kind=f"{quote.kind} {kind_word(quote.kind)}",
                     confidence="low" if unsure else "ok" if quote.confidence is not None
                     else "unknown")
    return PanelRow(quote.id, prompt, fields, quote.kind, quote.speaker_id)


def quote_rows(doc: ParsedDocument) -> list[PanelRow]:
    corrected = corrected_ids(doc)
    return [quote_row(doc, quote, corrected)
            for quote in sorted(doc.quotes, key=lambda q: q.start)]


def place_rows(doc: ParsedDocument) -> list[PanelRow]:
    places = sorted(doc.places, key=lambda p: (-len(p.mentions), p.name.lower()))
    rows = []
    for place in places:
        prompt = Text(_clean(place.name), style="bold")
        prompt.append(f"  {kind_word(place.kind)}", style="italic")
        prompt.append(f" · {_plural(len(place.mentions), 'mention')}", style="dim")
        fields = _fields(name=" ".join((place.name, *place.aliases)),
                         kind=f"{place.kind} {kind_word(place.kind)}")
        rows.append(PanelRow(place.id, prompt, fields, place.kind))
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
        fields = _fields(text=f"{figure.text} {figure.counts or ''}", kind=figure.kind,
                         speaker=who)
        rows.append(PanelRow(figure.id, prompt, fields, figure.kind))
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
        fields = _fields(name=" ".join((person.name, *person.aliases)), role=person.role)
        rows.append(PanelRow(person.id, prompt, fields, None, person.speaker_id))
    return rows


def organisation_rows(doc: ParsedDocument) -> list[PanelRow]:
    organisations = sorted(doc.organisations, key=lambda o: (-len(o.mentions), o.name.lower()))
    rows = []
    for organisation in organisations:
        prompt = Text(_clean(organisation.name), style="bold")
        prompt.append(f"  {_plural(len(organisation.mentions), 'mention')}", style="dim")
        if organisation.speaker_id:
            prompt.append(" · quoted", style="dim")
        fields = _fields(name=" ".join((organisation.name, *organisation.aliases)))
        rows.append(PanelRow(organisation.id, prompt, fields, None, organisation.speaker_id))
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
