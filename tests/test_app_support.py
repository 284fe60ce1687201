"""Shared helpers for the app tests: a fake document service over hand-made analyses.

No tests here; the app tests import it so spaCy is never loaded for UI tests.
"""

from __future__ import annotations

import dataclasses
import threading
from pathlib import Path

from explorer.model import Article, Engine, ParsedDocument
from explorer.model_json import loads

FIXTURES = Path(__file__).parent / "fixtures" / "app"
ARTICLES = FIXTURES / "articles"


def fixture_doc(stem: str, article: Article | None = None) -> ParsedDocument:
    """The hand-made analysis of ``articles/<stem>.txt``, bound to ``article`` if given."""
    document = loads((FIXTURES / "docs" / f"{stem}.json").read_text(encoding="utf-8"))
    if article is not None:
        assert article.text == document.text, "fixture analysis is for another text"
        document = dataclasses.replace(document, article=article)
    return document


class FakeService:
    """Stands in for ``DocumentService``: hand-made documents, failures on demand.

    ``gate`` (when given) holds every analysis until it is set, so a test can see
    the loading state; ``extra`` maps a file stem to a ready document.
    """

    def __init__(self, errors: tuple[str, ...] = (), gate: threading.Event | None = None,
                 extra: dict[str, ParsedDocument] | None = None) -> None:
        self.errors = errors
        self.gate = gate
        self.extra = extra or {}
        self.analysed: list[str] = []

    def cached(self, article: Article) -> ParsedDocument | None:
        return None

    def analyze_batch(self, articles: list[Article]) -> list[ParsedDocument]:
        return [self.analyze(article) for article in articles]

    def analyze(self, article: Article) -> ParsedDocument:
        stem = Path(article.path or "").stem
        if self.gate is not None:
            self.gate.wait(10)
        self.analysed.append(stem)
        if stem in self.errors:
            return ParsedDocument(article=article, engine=Engine("", "", ""),
                                  error="ValueError: the model exploded")
        if stem in self.extra:
            return dataclasses.replace(self.extra[stem], article=article)
        return fixture_doc(stem, article)
