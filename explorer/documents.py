"""Where the app and CLI get parsed documents: the cache first, else a fresh analysis.

The only door from the UI to the NLP layer. It loads spaCy lazily (on the first
article that is not cached) and is safe to call from a worker thread.
"""

from __future__ import annotations

import threading
import traceback

from explorer.model import Article, Engine, ParsedDocument


class DocumentService:
    def __init__(self, model: str | None = None, use_cache: bool = True) -> None:
        self.model = model
        self.use_cache = use_cache
        self._nlp = None
        self._lock = threading.Lock()

    def _pipeline(self):
        with self._lock:
            if self._nlp is None:
                from explorer.analysis import load_pipeline

                self._nlp = load_pipeline(self.model)
            return self._nlp

    def cached(self, article: Article) -> ParsedDocument | None:
        """The stored analysis of this exact text, without loading spaCy; None on a miss."""
        return None

    def analyze(self, article: Article) -> ParsedDocument:
        """The analysis of ``article``; never raises for a bad article.

        A failure comes back as a document with no items and ``error`` set, so the
        app can show the text and the message while the rest keeps working.
        """
        found = self.cached(article)
        if found is not None:
            return found
        try:
            from explorer.analysis import analyze

            nlp = self._pipeline()
            return analyze(article, nlp)
        except Exception as exc:  # noqa: BLE001 - the app must survive any analysis bug
            detail = traceback.format_exception_only(type(exc), exc)[-1].strip()
            return ParsedDocument(
                article=article,
                engine=Engine(explorer="", spacy="", model=self.model or ""),
                error=detail,
            )
