"""The app's document service with readers' corrections applied to every document it hands out.

Wraps the real (or a test's) service, so the reader, the folder view and "said
before" all see corrected speakers. Keeps the uncorrected analysis of each
corrected article, since a new correction or an undo starts again from it.
The correction store is imported on first use, after the first paint.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence

from explorer.model import Article, ParsedDocument

Report = Callable[[str], None]


class CorrectingService:
    """``inner``'s ``cached``/``analyze``/``analyze_batch``, corrected; ``add``/``undo`` edit."""

    def __init__(self, inner, store=None, report: Report | None = None) -> None:
        self.inner = inner
        self._store = store
        self.report = report or (lambda message: None)
        self._raw: dict[str, ParsedDocument] = {}
        """Uncorrected analyses of the articles that have corrections, by text."""
        self._lock = threading.Lock()

    @property
    def store(self):
        with self._lock:
            if self._store is None:
                from explorer.store.correction_files import CorrectionStore

                self._store = CorrectionStore()
            return self._store

    def __getattr__(self, name: str):
        return getattr(self.inner, name)

    def _correct(self, document: ParsedDocument | None) -> ParsedDocument | None:
        if document is None or document.error is not None or not self.store.has(document.text):
            return document
        self._raw[document.text] = document
        corrected, problem = self.store.apply(document)
        if problem:
            self.report(problem)
        self._report_unfit(corrected)
        return corrected

    def _report_unfit(self, document: ParsedDocument) -> None:
        from explorer.store.corrections import describe

        for note in document.corrections:
            if note.problem:
                self.report(f"A correction no longer fits: {describe(note)}")

    def cached(self, article: Article) -> ParsedDocument | None:
        return self._correct(self.inner.cached(article))

    def analyze(self, article: Article) -> ParsedDocument:
        return self._correct(self.inner.analyze(article))

    def analyze_batch(self, articles: Sequence[Article]) -> list[ParsedDocument]:
        return [self._correct(d) for d in self.inner.analyze_batch(articles)]

    # -- editing -------------------------------------------------------------------------------

    def uncorrected(self, document: ParsedDocument) -> ParsedDocument:
        """The analysis before any correction: where a new correction starts from."""
        return self._raw.get(document.text, document)

    def add(self, document: ParsedDocument, correction) -> ParsedDocument:
        """Store ``correction`` for the document's article; the document with it applied."""
        from explorer.store.corrections import apply_corrections

        raw = self.uncorrected(document)
        self._raw[raw.text] = raw
        corrections = self.store.add(document.article, correction)
        return apply_corrections(raw, corrections)

    def undo(self, document: ParsedDocument) -> tuple[ParsedDocument, object | None]:
        """Drop the article's last correction: the re-corrected document and what was undone."""
        from explorer.store.corrections import apply_corrections

        raw = self.uncorrected(document)
        undone = self.store.undo(document.article)
        return apply_corrections(raw, self.store.load(raw.text).corrections), undone
