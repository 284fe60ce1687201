"""Text in, model out: runs spaCy once and each analysis stage over the parse."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from explorer import __version__
from explorer.analysis.entities import find_entities
from explorer.analysis.figures import find_figures
from explorer.analysis.lemmas import correct_lemmas
from explorer.analysis.linking import link_speakers, share_mentions
from explorer.analysis.loader import model_label
from explorer.analysis.pieces import PIECE_CHARS, combine, piece_article, piece_bounds
from explorer.analysis.quotes import find_attributions
from explorer.model import Article, Engine, ParsedDocument

T = TypeVar("T")

BATCH_CHARS = PIECE_CHARS
"""Most characters given to one ``nlp.pipe`` batch: spaCy's working memory follows the
batch's total length, so sixteen long articles are never parsed at once."""


def engine_for(nlp: Language) -> Engine:
    return Engine(explorer=__version__, spacy=spacy.__version__, model=model_label(nlp))


def parse_text(article: Article) -> str:
    """The text spaCy sees: the header blanked to spaces, so offsets stay the same."""
    return " " * article.body_start + article.text[article.body_start :]


def build_document(article: Article, doc: Doc, engine: Engine) -> ParsedDocument:
    """Run every stage over one parse. Pure: the same inputs give the same model."""
    correct_lemmas(doc)
    entities = find_entities(doc, article)
    attributions = find_attributions(doc, article, entities)
    figures = find_figures(doc, article, attributions.quotes)
    people, organisations = link_speakers(entities, attributions.speakers)
    return ParsedDocument(
        article=article,
        engine=engine,
        speakers=share_mentions(attributions.speakers, people, organisations),
        quotes=attributions.quotes,
        places=entities.places,
        figures=figures,
        people=people,
        organisations=organisations,
        works=entities.works,
    )


def analyze(article: Article, nlp: Language) -> ParsedDocument:
    """Analyse one article (long ones in pieces, as ``analyze_many`` does)."""
    return next(analyze_many([article], nlp))


def analyze_many(
    articles: Iterable[Article], nlp: Language, *, batch_size: int = 16
) -> Iterator[ParsedDocument]:
    """Analyse articles in order, batching the spaCy parse with ``nlp.pipe``.

    An article longer than ``PIECE_CHARS`` is analysed piece by piece (see
    ``explorer.analysis.pieces``): only each piece's small result is kept, never
    every piece's ``Doc``, so memory stays bounded whatever the length.
    """
    engine = engine_for(nlp)
    limit = min(PIECE_CHARS, nlp.max_length)

    def pieces() -> Iterator[tuple[str, tuple[Article, int, int]]]:
        for article in articles:
            text = parse_text(article)
            bounds = piece_bounds(text, article.paragraphs, limit)
            for start, end in bounds:
                yield text[start:end], (article, start, len(bounds))

    done: list[tuple[int, ParsedDocument]] = []
    for doc, (article, start, count) in _pipe(nlp, pieces(), batch_size, min(BATCH_CHARS, limit)):
        if count == 1:
            yield build_document(article, doc, engine)
            continue
        piece = piece_article(article, start, start + len(doc.text))
        done.append((start, build_document(piece, doc, engine)))
        if len(done) == count:
            yield combine(article, engine, _emptied(done))


def _emptied(items: list[T]) -> Iterator[T]:
    """The items, each dropped from the list as it is taken, so none outlives its use."""
    while items:
        yield items.pop(0)


def _pipe(nlp: Language, items: Iterable[tuple[str, T]], batch_size: int, max_chars: int) -> Iterator[tuple[Doc, T]]:
    """``nlp.pipe`` over ``(text, context)`` pairs in batches of at most ``batch_size``
    texts and (unless one text is longer alone) ``max_chars`` characters."""
    batch: list[tuple[str, T]] = []
    size = 0
    for text, context in items:
        if batch and (len(batch) >= batch_size or size + len(text) > max_chars):
            yield from nlp.pipe(batch, as_tuples=True, batch_size=len(batch))
            batch, size = [], 0
        batch.append((text, context))
        size += len(text)
    if batch:
        yield from nlp.pipe(batch, as_tuples=True, batch_size=len(batch))
