"""The document service, built on first use so the first paint never waits for the cache."""

from __future__ import annotations

import threading
from collections.abc import Sequence

from explorer.model import Article, ParsedDocument


class LazyDocumentService:
    """Stands for ``explorer.documents.DocumentService``; makes it in the worker, when needed.

    Importing the service brings in the cache store; that belongs after the
    article is on screen, like the analysis itself.
    """

    def __init__(self, model: str | None = None, use_cache: bool = True) -> None:
        self.model = model
        self.use_cache = use_cache
        self._service = None
        self._lock = threading.Lock()

    def _real(self):
        with self._lock:
            if self._service is None:
                from explorer.documents import DocumentService

                self._service = DocumentService(model=self.model, use_cache=self.use_cache)
            return self._service

    def cached(self, article: Article) -> ParsedDocument | None:
        if not self.use_cache:
            return None  # nothing to look up: building the service would only delay the first paint
        return self._real().cached(article)

    def analyze(self, article: Article) -> ParsedDocument:
        return self._real().analyze(article)

    def analyze_batch(self, articles: Sequence[Article]) -> list[ParsedDocument]:
        return self._real().analyze_batch(articles)
