"""Text in, model out: runs spaCy once and each analysis stage over the parse."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from explorer import __version__
from explorer.analysis.entities import find_entities
from explorer.analysis.figures import find_figures
from explorer.analysis.linking import link_speakers, share_mentions
from explorer.analysis.loader import model_label
from explorer.analysis.quotes import find_attributions
from explorer.model import Article, Engine, ParsedDocument

CHUNK_CHARS = 100_000
"""Longest text spaCy parses in one call. Longer articles are parsed in pieces cut at
paragraph breaks and joined into one Doc: spaCy refuses texts over ``nlp.max_length``
(1,000,000) and the parser's memory grows with the length of what it is given."""


def engine_for(nlp: Language) -> Engine:
    return Engine(explorer=__version__, spacy=spacy.__version__, model=model_label(nlp))


def parse_text(article: Article) -> str:
    """The text spaCy sees: the header blanked to spaces, so offsets stay the same."""
    return " " * article.body_start + article.text[article.body_start :]


def chunk_bounds(text: str, limit: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Half-open pieces of ``text``, each at most ``limit`` long, that join back to it.

    A piece ends after a blank line when one falls in its second half, else after a
    line break, else after a space; a text with none of those is cut at the limit.
    """
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = start + limit
        for separator in ("\n\n", "\n", " ", "\t"):
            found = window.rfind(separator)
            if found >= limit // 2:
                cut = start + found + len(separator)
                break
        bounds.append((start, cut))
        start = cut
    bounds.append((start, len(text)))
    return bounds


def _joined(pieces: list[Doc]) -> Doc:
    """One Doc from consecutive pieces; the text comes back exactly as it was cut."""
    if len(pieces) == 1:
        return pieces[0]
    return Doc.from_docs(pieces, ensure_whitespace=False, exclude=["tensor"])


def _drop_tensor(doc: Doc) -> None:
    # A long article's pieces wait in memory until joined; their tensors, unused
    # by our stages, would be most of that memory.
    doc.tensor = numpy.zeros((0,), dtype="float32")


def build_document(article: Article, doc: Doc, engine: Engine) -> ParsedDocument:
    """Run every stage over one parse. Pure: the same inputs give the same model."""
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

    A long article goes through the same batches as its pieces (see ``chunk_bounds``).
    """
    engine = engine_for(nlp)
    limit = min(CHUNK_CHARS, nlp.max_length)

    def pieces() -> Iterator[tuple[str, tuple[Article, int]]]:
        for article in articles:
            text = parse_text(article)
            bounds = chunk_bounds(text, limit)
            for start, end in bounds:
                yield text[start:end], (article, len(bounds))

    parsed: list[Doc] = []
    for doc, (article, count) in nlp.pipe(pieces(), as_tuples=True, batch_size=batch_size):
        if count > 1:
            _drop_tensor(doc)
        parsed.append(doc)
        if len(parsed) == count:
            yield build_document(article, _joined(parsed), engine)
            parsed = []
