"""Figures: the numbers an article reports, with what they count and who claims them."""

from __future__ import annotations

from spacy.tokens import Doc

from explorer.model import Article, Figure, Quote, Span

LABEL_KINDS = {
    "CARDINAL": "count",
    "MONEY": "money",
    "PERCENT": "percent",
    "QUANTITY": "quantity",
    "DATE": "date",
    "TIME": "duration",
    "ORDINAL": "ordinal",
}


def _quote_at(quotes: tuple[Quote, ...], start: int, end: int) -> str | None:
    for quote in quotes:
        if any(p.start <= start and end <= p.end for p in quote.parts):
            return quote.id
    return None


def find_figures(doc: Doc, article: Article, quotes: tuple[Quote, ...]) -> tuple[Figure, ...]:
    figures = []
    for ent in doc.ents:
        kind = LABEL_KINDS.get(ent.label_)
        if kind is None:
            continue
        sentence = ent.sent
        figures.append(
            Figure(
                id=f"f{len(figures) + 1}",
                text=ent.text,
                start=ent.start_char,
                end=ent.end_char,
                kind=kind,
                sentence=Span(sentence.start_char, sentence.end_char),
                quote_id=_quote_at(quotes, ent.start_char, ent.end_char),
            )
        )
    return tuple(figures)
