"""Which passages of the article get which highlight, precomputed per display row.

Background categories (quotes, speakers' mentions, places, figures, people,
organisations) come from the model once per document; the selection, the search
matches and the current occurrence change with what the user does.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from explorer.app.wrap import LineIndex
from explorer.model import ParsedDocument, Span

Category = Literal["quote", "cue", "speaker", "place", "figure", "person", "organisation"]
Layer = Literal[Category, "search", "selected", "current"]

CATEGORIES: tuple[Category, ...] = (
    "quote", "cue", "speaker", "place", "figure", "person", "organisation",
)
CATEGORY_LABELS: dict[Category, str] = {
    "quote": "Quotes",
    "cue": "Quote cues (said, according to)",
    "speaker": "Speakers' mentions",
    "place": "Places",
    "figure": "Figures",
    "person": "People",
    "organisation": "Organisations",
}
DEFAULT_CATEGORIES: frozenset[Category] = frozenset({"quote"})
"""What the view lights before the reader says otherwise: quotes only, softly."""

PANEL_CATEGORIES: dict[str, frozenset[Category]] = {
    "speakers": frozenset({"speaker"}),
    "quotes": frozenset({"cue"}),
    "places": frozenset({"place"}),
    "figures": frozenset({"figure"}),
    "people": frozenset({"person"}),
    "organisations": frozenset({"organisation"}),
}
"""What the open panel adds to the quotes in the ``panel`` preset."""

PRESETS: dict[str, str] = {
    "panel": "Quotes, and what the open panel lists",
    "quotes": "Quotes only",
    "everything": "Everything at once",
    "nothing": "Nothing but the selection and search",
}
"""The ``h`` menu's presets, by the name the choices file remembers them under."""
DEFAULT_PRESET = "panel"
"""On a long article everything lit at once is noise: quotes, plus the kind the user is looking at."""

HighlightChoice = str | frozenset[Category]
"""A preset's name, or categories the user ticked one by one."""


def categories_for(choice: HighlightChoice, panel: str | None) -> frozenset[Category]:
    """The categories lit for a choice while ``panel`` is open."""
    if not isinstance(choice, str):
        return choice
    if choice == "everything":
        return frozenset(CATEGORIES)
    if choice == "nothing":
        return frozenset()
    if choice == "quotes":
        return frozenset({"quote"})
    return frozenset({"quote"}) | PANEL_CATEGORIES.get(panel or "", frozenset())


def choice_from_json(value: object) -> HighlightChoice:
    """A remembered choice; anything unknown is the default preset."""
    if isinstance(value, str) and value in PRESETS:
        return value
    if isinstance(value, list) and all(v in CATEGORIES for v in value):
        return frozenset(value)
    return DEFAULT_PRESET


def choice_to_json(choice: HighlightChoice) -> str | list[str]:
    return choice if isinstance(choice, str) else sorted(choice)


@dataclass(frozen=True, slots=True)
class Mark:
    """A highlighted run of one display row, in text offsets."""

    start: int
    end: int
    layer: Layer


def category_spans(doc: ParsedDocument) -> dict[Category, list[Span]]:
    """Every passage of each background category, straight from the model."""
    spans: dict[Category, list[Span]] = {category: [] for category in CATEGORIES}
    for quote in doc.quotes:
        spans["quote"].extend(quote.parts)
        if quote.cue is not None:
            spans["cue"].append(quote.cue.span)
    for speaker in doc.speakers:
        spans["speaker"].extend(speaker.mentions)
    for place in doc.places:
        spans["place"].extend(place.mentions)
    for figure in doc.figures:
        spans["figure"].append(figure.span)
    for person in doc.people:
        spans["person"].extend(person.mentions)
    for organisation in doc.organisations:
        spans["organisation"].extend(organisation.mentions)
    return spans


def marks_by_row(
    index: LineIndex, layer: Layer, spans: Iterable[Span]
) -> dict[int, list[Mark]]:
    """Cut ``spans`` at row boundaries: row -> the marks it shows."""
    rows: dict[int, list[Mark]] = {}
    lines = index.lines
    last = len(lines)
    for span in spans:
        if span.end <= span.start:
            continue
        row = index.line_of(span.start)
        while row < last and lines[row].start < span.end:
            line = lines[row]
            start, end = max(span.start, line.start), min(span.end, line.end)
            if start < end:
                rows.setdefault(row, []).append(Mark(start, end, layer))
            row += 1
    return rows


def category_marks(
    index: LineIndex, spans: dict[Category, list[Span]]
) -> dict[int, list[Mark]]:
    """Background marks of every category, row by row, lowest priority first."""
    rows: dict[int, list[Mark]] = {}
    for category in CATEGORIES:
        for row, marks in marks_by_row(index, category, spans.get(category, ())).items():
            rows.setdefault(row, []).extend(marks)
    return rows
