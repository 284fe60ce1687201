"""Figures: the numbers an article reports, with what they count and who claims them.

Values follow the model's conventions: percentages in points (40 for "40%"),
money in units of the currency with its ISO code as ``unit`` (1200000000 GBP
for "£1.2bn"), ranges low in ``value`` and high in ``value_high``, dates the
year or None. Weak dates with no number or calendar word ("today", "last
week", "on Monday") are not figures: a reader scanning the numbers of a story
does not want them, and every article has several.
"""

from __future__ import annotations

import math

from spacy.tokens import Doc

from explorer.analysis.figures.counts import counted_noun, describe
from explorer.analysis.figures.kinds import is_weak_date, measure
from explorer.analysis.figures.spans import find_spans
from explorer.analysis.lexicons import words
from explorer.model import Article, Figure, Quote, Span

LONE_ONES = frozenset({"one", "a", "an"})
TIME_PREPOSITIONS = words("time_prepositions")


def _finite(value: float | int | None) -> float | int | None:
    """None for a number too large for a float: JSON has no infinity."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def _quote_at(quotes: tuple[Quote, ...], start: int, end: int) -> str | None:
    for quote in quotes:
        if any(p.start <= start and end <= p.end for p in quote.parts):
            return quote.id
    return None


def find_figures(doc: Doc, article: Article, quotes: tuple[Quote, ...]) -> tuple[Figure, ...]:
    """Every figure in the article body, in text order, linked to the quote it stands in."""
    spans = [s for s in find_spans(doc, article.body_start)
             if not (s.label in ("DATE", "TIME") and is_weak_date(doc[s.start : s.end].text))]
    figure_tokens = {i for s in spans for i in range(s.start, s.end)}
    figures: list[Figure] = []
    for found in spans:
        figure = doc[found.start : found.end]
        before = doc[found.start - 1] if found.start > 0 else None
        measured = measure(figure.text, found.label, after_time_preposition=before is not None
                           and before.lower_ in TIME_PREPOSITIONS,
                           after=doc[found.end : found.end + 3].text)
        if measured.kind == "count" and figure.text.lower() in LONE_ONES:
            continue  # "one official said": an article, not a number the story reports
        counts, noun = describe(doc, figure, measured.kind, figure_tokens)
        end_token = found.end
        unit = measured.unit
        if measured.kind == "count":
            unit = measured.unit or noun  # the counted noun, or "years old" for an age
            written_noun = counted_noun(doc, figure)
            if written_noun is not None:
                end_token = written_noun.i + 1  # "Some 22,000 people"
        start = doc[found.start].idx
        last = doc[end_token - 1]
        end = last.idx + len(last.text.rstrip(".") if last.text.endswith("m.") else last.text)
        sentence = figure.sent
        figures.append(
            Figure(
                id=f"f{len(figures) + 1}",
                text=article.text[start:end],
                start=start,
                end=end,
                kind=measured.kind,
                value=_finite(measured.value),
                value_high=_finite(measured.high),
                unit=unit,
                counts=counts,
                sentence=Span(sentence.start_char, sentence.end_char),
                quote_id=_quote_at(quotes, start, end),
            )
        )
    return tuple(figures)
