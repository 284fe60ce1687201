"""Text in, model out: runs spaCy once and each analysis stage over the parse."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from explorer import __version__
from explorer.analysis.entities import find_entities
from explorer.analysis.figures import find_figures
from explorer.analysis.linking import link_speakers
from explorer.analysis.loader import model_label
from explorer.analysis.quotes import find_attributions
from explorer.model import Article, Engine, ParsedDocument

RULES_VERSION = "1"
"""Bump when any analysis rule changes what it outputs; part of the cache key."""


def engine_for(nlp: Language) -> Engine:
    return Engine(explorer=__version__, spacy=spacy.__version__, model=model_label(nlp))


def parse_text(article: Article) -> str:
    """The text spaCy sees: the header blanked to spaces, so offsets stay the same."""
    return " " * article.body_start + article.text[article.body_start :]


def build_document(article: Article, doc: Doc, engine: Engine) -> ParsedDocument:
    """Run every stage over one parse. Pure: the same inputs give the same model."""
    entities = find_entities(doc, article)
    attributions = find_attributions(doc, article, entities)
    figures = find_figures(doc, article, attributions.quotes)
    people, organisations = link_speakers(entities, attributions.speakers)
    return ParsedDocument(
        article=article,
        engine=engine,
        speakers=attributions.speakers,
        quotes=attributions.quotes,
        places=entities.places,
        figures=figures,
        people=people,
        organisations=organisations,
    )


def analyze(article: Article, nlp: Language) -> ParsedDocument:
    """Analyse one article."""
    return build_document(article, nlp(parse_text(article)), engine_for(nlp))


def analyze_many(
    articles: Iterable[Article], nlp: Language, *, batch_size: int = 16
) -> Iterator[ParsedDocument]:
    """Analyse articles in order, batching the spaCy parse with ``nlp.pipe``."""
    engine = engine_for(nlp)
    pairs = ((parse_text(a), a) for a in articles)
    for doc, article in nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
        yield build_document(article, doc, engine)
