"""The corpus index: a folder of analysed articles as one browsable whole.

Which articles there are, every speaker across them (merged by name) with their
quotes, and full-text search with results per article. Built from parsed
documents (normally straight from the cache); keeps only what browsing needs,
not the documents themselves, so a thousand articles stay small in memory.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from explorer.model import ParsedDocument, Span

SNIPPET_CONTEXT = 40


@dataclass(frozen=True, slots=True)
class ArticleEntry:
    """One article of the folder, as a list shows it."""

    path: str
    title: str
    date: str | None
    quote_count: int
    speaker_count: int


@dataclass(frozen=True, slots=True)
class QuoteRef:
    """Where one quote lives: the article path and the quote id within its document."""

    path: str
    quote_id: str
    speaker: str
    kind: str
    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class CorpusSpeaker:
    """A speaker across the folder: every article's speaker of that name, merged."""

    name: str
    kind: str
    quote_count: int
    article_count: int


@dataclass(frozen=True, slots=True)
class SearchHit:
    span: Span
    snippet: str
    """The words around the match, on one line."""


@dataclass(frozen=True, slots=True)
class ArticleHits:
    """Search results in one article, in text order."""

    path: str
    title: str
    hits: tuple[SearchHit, ...]


def speaker_key(name: str) -> str:
    """Names that differ only in case or spacing are one speaker."""
    return " ".join(name.split()).casefold()


def search_pattern(query: str) -> re.Pattern[str] | None:
    """The query as a phrase: words in order, any whitespace between, any case."""
    words = query.split()
    if not words:
        return None
    return re.compile(r"\s+".join(re.escape(w) for w in words), re.IGNORECASE)


def snippet(text: str, span: Span, context: int = SNIPPET_CONTEXT) -> str:
    start = max(0, span.start - context)
    end = min(len(text), span.end + context)
    words = " ".join(text[start:end].split())
    return ("…" if start > 0 else "") + words + ("…" if end < len(text) else "")


class CorpusIndex:
    """Articles, speakers, quotes and searchable text of a folder, in path order."""

    def __init__(self) -> None:
        self._articles: dict[str, ArticleEntry] = {}
        self._texts: dict[str, str] = {}
        self._quotes: dict[str, list[QuoteRef]] = {}
        self._spellings: dict[str, Counter[str]] = {}
        self._speaker_kinds: dict[str, str] = {}

    @classmethod
    def from_documents(cls, documents: Iterable[ParsedDocument]) -> CorpusIndex:
        index = cls()
        for doc in documents:
            index.add(doc)
        return index

    def add(self, doc: ParsedDocument) -> None:
        """Index one document; adding a path again replaces its earlier entry."""
        path = doc.article.path or f"<article {len(self._articles) + 1}>"
        if path in self._articles:
            self.remove(path)
        self._articles[path] = ArticleEntry(
            path=path,
            title=doc.article.display_title,
            date=doc.article.date,
            quote_count=len(doc.quotes),
            speaker_count=len(doc.speakers),
        )
        self._texts[path] = doc.text
        speakers = {s.id: s for s in doc.speakers}
        for quote in doc.quotes:
            speaker = speakers.get(quote.speaker_id) if quote.speaker_id else None
            if speaker is None:
                continue
            key = speaker_key(speaker.name)
            self._spellings.setdefault(key, Counter())[" ".join(speaker.name.split())] += 1
            self._speaker_kinds.setdefault(key, speaker.kind)
            self._quotes.setdefault(key, []).append(
                QuoteRef(path, quote.id, speaker.name, quote.kind, quote.text, quote.start, quote.end)
            )

    def remove(self, path: str) -> None:
        self._articles.pop(path, None)
        self._texts.pop(path, None)
        for key in list(self._quotes):
            kept = [q for q in self._quotes[key] if q.path != path]
            if kept:
                self._quotes[key] = kept
                self._spellings[key] = Counter(" ".join(q.speaker.split()) for q in kept)
            else:
                del self._quotes[key], self._spellings[key], self._speaker_kinds[key]

    @property
    def articles(self) -> tuple[ArticleEntry, ...]:
        return tuple(self._articles[p] for p in sorted(self._articles))

    def speakers(self) -> tuple[CorpusSpeaker, ...]:
        """Every quoted speaker, most quoted first, then by name."""
        found = [
            CorpusSpeaker(
                name=self._display_name(key),
                kind=self._speaker_kinds[key],
                quote_count=len(quotes),
                article_count=len({q.path for q in quotes}),
            )
            for key, quotes in self._quotes.items()
        ]
        return tuple(sorted(found, key=lambda s: (-s.quote_count, speaker_key(s.name))))

    def _display_name(self, key: str) -> str:
        """The spelling to show: capitalised over lower case, then the most quoted one."""
        spellings = self._spellings[key]
        return max(spellings, key=lambda name: (name != name.lower(), spellings[name], name))

    def quotes_of(self, name: str) -> tuple[QuoteRef, ...]:
        """A speaker's quotes across the folder, by article path then position."""
        quotes = self._quotes.get(speaker_key(name), [])
        return tuple(sorted(quotes, key=lambda q: (q.path, q.start)))

    def search(self, query: str, *, per_article: int = 50) -> tuple[ArticleHits, ...]:
        """Articles whose text holds the phrase, in path order, with up to ``per_article`` hits."""
        pattern = search_pattern(query)
        if pattern is None:
            return ()
        results = []
        for path in sorted(self._texts):
            text = self._texts[path]
            hits = []
            for match in pattern.finditer(text):
                span = Span(match.start(), match.end())
                hits.append(SearchHit(span, snippet(text, span)))
                if len(hits) >= per_article:
                    break
            if hits:
                results.append(ArticleHits(path, self._articles[path].title, tuple(hits)))
        return tuple(results)

    def to_json_dict(self) -> dict:
        """The index as plain data for ``explorer index --json``."""
        return {
            "articles": [
                {"path": a.path, "title": a.title, "date": a.date,
                 "quotes": a.quote_count, "speakers": a.speaker_count}
                for a in self.articles
            ],
            "speakers": [
                {"name": s.name, "kind": s.kind, "quote_count": s.quote_count,
                 "article_count": s.article_count,
                 "quotes": [{"path": q.path, "quote_id": q.quote_id} for q in self.quotes_of(s.name)]}
                for s in self.speakers()
            ],
        }
