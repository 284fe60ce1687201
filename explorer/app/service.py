"""What the app needs of a document service, as a type: the real one, the lazy one, a test's."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from explorer.model import Article, ParsedDocument


class DocumentSource(Protocol):
    """Analyses for the app: a cached one without spaCy, or fresh ones in batches.

    ``explorer.documents.DocumentService`` and ``LazyDocumentService`` are two;
    the tests' ``FakeService`` is a third. Both calls run in a background thread.
    """

    def cached(self, article: Article) -> ParsedDocument | None:
        """The cached analysis of ``article``, or ``None``: never runs spaCy."""
        ...

    def analyze_batch(self, articles: Sequence[Article]) -> list[ParsedDocument]:
        """One document per article, in order; a failure is a document with ``error`` set."""
        ...
