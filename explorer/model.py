"""The parsed-document model: one immutable description of an analysed article.

Every part of the explorer (panels, article view, search, cache, CLI) reads
this model and nothing else. All offsets are half-open Python string indices
into ``ParsedDocument.text``. The JSON form lives in ``explorer.model_json``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal, Union

SCHEMA = "explorer.analysis/1"
PART_SEPARATOR = " … "
"""Stands where the article interrupts a quote (``"A," she said, "B."``): in a quote's
``text``, in what the app copies and in quote sheets, never re-punctuated."""
LOW_CONFIDENCE = 0.75
"""A quote whose ``confidence`` is below this has a speaker a reader should check: the
app marks it and lists it for review (about one attribution in twenty on the dev sets)."""

SpeakerKind = Literal[
    "person",
    "organisation",
    "group",
    "spokesperson",
    "document",
    "anonymous",
    "unresolved",
    "unknown",
]
QuoteKind = Literal["direct", "indirect", "mixed"]
WorkKind = Literal["programme", "series", "film", "book", "album", "podcast", "other"]
PlaceKind = Literal[
    "country", "state", "county", "region", "city", "town", "body_of_water", "natural_feature",
    "other",
]
CorrectionAction = Literal["reassign", "merge", "rename", "not_quote"]
FigureKind = Literal[
    "count", "money", "percent", "quantity", "duration", "date", "ordinal", "multiplier",
    "other",
]


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open character range ``[start, end)`` of the article text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad span {self.start}..{self.end}")

    def __len__(self) -> int:
        return self.end - self.start

    def text_of(self, text: str) -> str:
        return text[self.start : self.end]

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def contains(self, offset: int) -> bool:
        return self.start <= offset < self.end


@dataclass(frozen=True, slots=True)
class Cue:
    """The words that introduce a quote (``said``, ``will say:``, ``according to``)."""

    start: int
    end: int
    text: str

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass(frozen=True, slots=True)
class Article:
    """Where the text came from and what its header says, plus the text itself."""

    text: str
    path: str | None = None
    title: str | None = None
    date: str | None = None
    source: str | None = None
    byline: str | None = None
    url: str | None = None
    body_start: int = 0
    language: str = "en"
    paragraphs: tuple[Span, ...] = ()
    warnings: tuple[str, ...] = ()
    """What reading the file had to guess or drop (bytes replaced, a bad header date)."""

    @property
    def display_title(self) -> str:
        """The title to show: see ``explorer.titles`` for the one rule every view uses."""
        from explorer.titles import article_title

        return article_title(self)


@dataclass(frozen=True, slots=True)
class Engine:
    """Which software produced the analysis; part of the cache key."""

    explorer: str
    spacy: str
    model: str


@dataclass(frozen=True, slots=True)
class Speaker:
    """One real-world source, with every way the article names it merged."""

    id: str
    name: str
    kind: SpeakerKind = "unknown"
    role: str | None = None
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()
    quote_ids: tuple[str, ...] = ()
    represents: str | None = None
    """For a spokesperson or a document: the name of the body it speaks for."""


@dataclass(frozen=True, slots=True)
class Quote:
    """One utterance, direct or reported, possibly in several parts."""

    id: str
    kind: QuoteKind
    start: int
    end: int
    parts: tuple[Span, ...]
    text: str
    speaker_id: str | None = None
    speaker_mention: Span | None = None
    cue: Cue | None = None
    rule: str | None = None
    """Name of the rule that produced the quote, so a reader can trace it."""
    confidence: float | None = None
    """How likely the speaker is right, in [0, 1]; ``None`` when not estimated."""

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    name: str
    kind: PlaceKind = "other"
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class Person:
    id: str
    name: str
    role: str | None = None
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()
    speaker_id: str | None = None
    """The speaker entry of this person, when they are quoted."""


@dataclass(frozen=True, slots=True)
class Organisation:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()
    speaker_id: str | None = None


@dataclass(frozen=True, slots=True)
class Figure:
    """A number the article reports, with what it measures and who claims it.

    ``value`` is the normalised number: percentages are kept in points (40 for
    "40%"), ranges give their low end in ``value`` and high end in
    ``value_high``, dates give the year (or ``None`` when there is none).
    """

    id: str
    text: str
    start: int
    end: int
    kind: FigureKind
    value: float | int | None = None
    value_high: float | int | None = None
    unit: str | None = None
    counts: str | None = None
    sentence: Span | None = None
    quote_id: str | None = None

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


@dataclass(frozen=True, slots=True)
class Work:
    """A programme, series, film or book the article names ("the Newsnight programme"):
    neither a person nor an organisation."""

    id: str
    name: str
    kind: WorkKind = "other"
    aliases: tuple[str, ...] = ()
    mentions: tuple[Span, ...] = ()


Item = Union[Speaker, Quote, Place, Person, Organisation, Figure, Work]


@dataclass(frozen=True, slots=True)
class CorrectionNote:
    """A reader's correction as it met this analysis (``explorer.store.corrections``).

    ``was``/``now`` say what changed in words ("Tom Haddow" -> "Maria Quint");
    ``problem`` is set, and nothing changed, when the correction no longer fits.
    """

    action: CorrectionAction
    was: str
    now: str
    quote_ids: tuple[str, ...] = ()
    """The quotes of this document the correction touched."""
    speaker_id: str | None = None
    """The speaker the correction left the quotes with (None for "not a quote")."""
    span: Span | None = None
    """The passage of the quote the correction was anchored to, when it names one."""
    problem: str | None = None


@dataclass(frozen=True)
class ParsedDocument:
    """An analysed article: the text and everything found in it."""

    article: Article
    engine: Engine
    speakers: tuple[Speaker, ...] = ()
    quotes: tuple[Quote, ...] = ()
    places: tuple[Place, ...] = ()
    figures: tuple[Figure, ...] = ()
    people: tuple[Person, ...] = ()
    organisations: tuple[Organisation, ...] = ()
    works: tuple[Work, ...] = ()
    """Extra: programmes, series, films and books (JSON key ``works``)."""
    schema: str = SCHEMA
    corrections: tuple[CorrectionNote, ...] = ()
    """Readers' corrections applied to (or no longer fitting) this analysis."""
    error: str | None = field(default=None, compare=False)
    """Set when analysis failed; the article text is still shown."""

    @property
    def text(self) -> str:
        return self.article.text

    @property
    def paragraphs(self) -> tuple[Span, ...]:
        return self.article.paragraphs

    @cached_property
    def items_by_id(self) -> dict[str, Item]:
        """Every speaker, quote, place, person, organisation and figure by id."""
        items: dict[str, Item] = {}
        for group in (
            self.speakers,
            self.quotes,
            self.places,
            self.figures,
            self.people,
            self.organisations,
            self.works,
        ):
            for item in group:
                items[item.id] = item
        return items

    def item(self, item_id: str) -> Item | None:
        return self.items_by_id.get(item_id)

    def quotes_by(self, speaker_id: str) -> tuple[Quote, ...]:
        return tuple(q for q in self.quotes if q.speaker_id == speaker_id)

    def spans_of(self, item: Item) -> tuple[Span, ...]:
        """Every passage an item stands for, in text order (what a selection lights)."""
        spans: list[Span] = []
        if isinstance(item, Quote):
            spans.extend(item.parts)
            if item.cue is not None:
                spans.append(item.cue.span)
            if item.speaker_mention is not None:
                spans.append(item.speaker_mention)
        elif isinstance(item, Speaker):
            spans.extend(item.mentions)
            for quote_id in item.quote_ids:
                quote = self.items_by_id.get(quote_id)
                if isinstance(quote, Quote):
                    spans.extend(quote.parts)
        elif isinstance(item, Figure):
            spans.append(item.span)
            if item.sentence is not None:
                spans.append(item.sentence)
        else:
            spans.extend(item.mentions)
        return tuple(sorted(set(spans)))


