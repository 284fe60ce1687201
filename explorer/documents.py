"""Where the app and CLI get parsed documents: the cache first, else a fresh analysis.

The only door from the UI to the NLP layer. spaCy is loaded lazily, on the first
article that is not cached, so reopening analysed articles never pays for it.
Safe to call from a worker thread.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from explorer import model_json
from explorer.model import SCHEMA, Article, Engine, ParsedDocument
from explorer.store.cache import AnalysisCache, attach_article, cache_key
from explorer.store.identity import AnalysisIdentity, resolve_identity

WRITE_EVERY = 64
"""Cache writes are grouped into transactions of this many documents."""


@dataclass(frozen=True, slots=True)
class Analysed:
    """One article's analysis as contract JSON, ready to print, with its article attached."""

    article: Article
    json: str
    error: str | None = None
    from_cache: bool = False

    def document(self) -> ParsedDocument:
        doc = model_json.loads(self.json)
        return attach_article(doc, self.article) or doc


def _article_json(article: Article) -> dict:
    """The contract's ``article`` block for ``article`` (one definition: model_json's)."""
    empty = ParsedDocument(article=article, engine=Engine("", "", ""))
    return model_json.to_json_dict(empty)["article"]


class DocumentService:
    """Parsed documents for articles, from the cache when it has them.

    ``model``: the spaCy pipeline to use (None: the loader's default order);
    ``use_cache=False`` neither reads nor writes the cache (``--no-cache``);
    ``cache``: a cache other than the user's (tests, benches).
    """

    def __init__(
        self,
        model: str | None = None,
        use_cache: bool = True,
        cache: AnalysisCache | None = None,
    ) -> None:
        self.model = model
        self.use_cache = use_cache
        self._cache = cache
        self._identity: AnalysisIdentity | None = None
        self._nlp = None
        self._lock = threading.Lock()
        self._analysis_lock = threading.Lock()
        """One analysis at a time: several screens may share this service and its pipeline."""

    @property
    def cache(self) -> AnalysisCache | None:
        if not self.use_cache:
            return None
        if self._cache is None:
            self._cache = AnalysisCache()
        return self._cache

    @property
    def identity(self) -> AnalysisIdentity:
        if self._identity is None:
            self._identity = resolve_identity(self.model)
        return self._identity

    def _key(self, article: Article) -> str | None:
        """The cache key, or None when the cache is off or the model is unknown before loading."""
        if self.cache is None or self.identity.model is None:
            return None
        return cache_key(article, self.identity)

    def _pipeline(self):
        with self._lock:
            if self._nlp is None:
                from explorer.analysis import engine_for, load_pipeline

                self._nlp = load_pipeline(self.model)
                loaded = engine_for(self._nlp).model
                # The loader may have fallen back to another model than the one resolved.
                if self.identity.model != loaded:
                    self._identity = self.identity.with_model(loaded)
            return self._nlp

    def cached(self, article: Article) -> ParsedDocument | None:
        """The stored analysis of this exact text, without loading spaCy; None on a miss."""
        key = self._key(article)
        if key is None:
            return None
        return self.cache.get(key, article)

    def analyze(self, article: Article) -> ParsedDocument:
        """The analysis of ``article``; never raises for a bad article.

        A failure comes back as a document with no items and ``error`` set, so the
        app can show the text and the message while the rest keeps working.
        """
        return self.analyze_batch([article])[0]

    def analyze_batch(self, articles: Sequence[Article]) -> list[ParsedDocument]:
        """Documents for a few articles: cached ones as they are, the rest in one ``nlp.pipe``.

        For a UI worker going through a folder: batching parses several times faster
        than one call per article, and the batch holds the analysis lock only once.
        Never raises; failures come back as documents with ``error`` set.
        """
        found = [self.cached(article) for article in articles]
        if all(doc is not None for doc in found):
            return found
        # The batch runner (multiprocessing, ctypes) is imported once something is to be
        # analysed: the app's cache lookup before its first paint never needs it.
        from explorer.store.batch import analyze_safely, failed_document

        fresh: list[ParsedDocument] = []
        try:
            nlp = self._pipeline()
            with self._analysis_lock:
                # Another worker may have analysed some of them while we waited.
                found = [doc or self.cached(a) for a, doc in zip(articles, found)]
                missing = [a for a, doc in zip(articles, found) if doc is None]
                fresh = analyze_safely(missing, nlp) if missing else []
        except Exception as exc:  # noqa: BLE001 - the app must survive any analysis bug
            missing = [a for a, doc in zip(articles, found) if doc is None]
            fresh = [failed_document(a, exc, self.model) for a in missing]
        self._store([doc for doc in fresh if doc.error is None])
        remaining = iter(fresh)
        return [doc if doc is not None else next(remaining) for doc in found]

    def _store(self, documents: list[ParsedDocument]) -> None:
        keyed = [(self._key(doc.article), doc) for doc in documents]
        rows = [(key, model_json.dumps(doc)) for key, doc in keyed if key is not None]
        if rows:
            self.cache.put_json(rows)

    def analyze_many(
        self,
        articles: Iterable[Article],
        *,
        jobs: int = 1,
        on_progress: Callable[[int], None] | None = None,
    ) -> Iterator[ParsedDocument]:
        """Documents for ``articles`` in their order; see ``analyze_many_json``."""
        for analysed in self.analyze_many_json(articles, jobs=jobs, on_progress=on_progress):
            yield analysed.document()

    def analyze_many_json(
        self,
        articles: Iterable[Article],
        *,
        jobs: int = 1,
        on_progress: Callable[[int], None] | None = None,
    ) -> Iterator[Analysed]:
        """Each article's analysis as JSON, in input order, filling the cache.

        Cached articles never touch spaCy; the rest are parsed in batches, in
        ``jobs`` processes when there are enough of them. ``on_progress(n)`` is
        called as each article is done. Raises ``ModelNotFound`` if some article
        needs analysis and no pipeline loads.

        Results are stored as they arrive, not as they are yielded, and whatever is
        stored-to-be is written when the run is stopped (Ctrl-C, SIGTERM, a closed
        generator): no finished analysis is lost.
        """
        articles = list(articles)
        keys = [self._key(a) for a in articles]
        hits: dict[int, Analysed] = {}
        for index, (article, key) in enumerate(zip(articles, keys)):
            raw = self.cache.get_json(key) if key is not None else None
            found = self._from_cache(article, raw) if raw is not None else None
            if found is not None:
                hits[index] = found
        miss_indices = [i for i in range(len(articles)) if i not in hits]
        from explorer.store.batch import BATCH_SIZE, analyze_to_json  # see analyze_batch

        fresh = analyze_to_json(
            [articles[i] for i in miss_indices], self.model, jobs=jobs, batch_size=BATCH_SIZE,
            nlp=self._nlp if jobs <= 1 else None,
        )
        ready = hits  # finished analyses waiting for every earlier one to be yielded
        pending: list[tuple[str, str]] = []
        next_out = 0
        try:
            while next_out < len(articles):
                if next_out in ready:
                    if on_progress is not None:
                        on_progress(1)
                    yield ready.pop(next_out)
                    next_out += 1
                    continue
                found = next(fresh, None)
                if found is None:
                    raise RuntimeError("the analysis stopped before every article was done")
                index, raw = miss_indices[found[0]], found[1]
                error = json.loads(raw).get("error") if '"error":' in raw else None
                ready[index] = Analysed(articles[index], raw, error)
                if keys[index] is not None and error is None:
                    pending.append((keys[index], raw))
                    if len(pending) >= WRITE_EVERY:
                        self.cache.put_json(pending)
                        pending = []
        finally:
            fresh.close()
            if pending:
                self.cache.put_json(pending)

    def cached_json(self, article: Article) -> Analysed | None:
        """The cached analysis of ``article`` as JSON, without loading spaCy; None on a miss."""
        key = self._key(article)
        raw = self.cache.get_json(key) if key is not None else None
        return self._from_cache(article, raw) if raw is not None else None

    def store_json(self, analysed: Iterable[Analysed]) -> None:
        """Put analyses made elsewhere (a Dask worker) into the cache; failed ones are skipped."""
        rows = [(key, a.json) for a in analysed
                if a.error is None and (key := self._key(a.article)) is not None]
        if rows:
            self.cache.put_json(rows)

    def _from_cache(self, article: Article, raw: str) -> Analysed | None:
        """The cached JSON with the caller's article block; None if it is unsound."""
        spliced = splice_article(raw, article)
        return None if spliced is None else Analysed(article, spliced, from_cache=True)


_DECODER = json.JSONDecoder()
_HEAD = '{"schema": "' + SCHEMA + '", "article": '


def splice_article(raw: str, article: Article) -> str | None:
    """``raw`` with its article block replaced by ``article``'s, parsing only what it must.

    Re-encoding a whole document costs more than reading it from the cache, and
    ``analyze DIR --jsonl`` over a cached folder should be as fast as reading files.
    Returns None unless ``raw`` is a document of this schema whose text is the article's.
    """
    if not raw.startswith(_HEAD):
        return None
    try:
        _, article_end = _DECODER.raw_decode(raw, len(_HEAD))
        engine_at = raw.index('"engine": ', article_end) + len('"engine": ')
        _, engine_end = _DECODER.raw_decode(raw, engine_at)
        text_at = raw.index('"text": ', engine_end) + len('"text": ')
        text, _ = _DECODER.raw_decode(raw, text_at)
    except ValueError:
        return None
    if text != article.text:
        return None
    block = model_json.json_text(_article_json(article))
    return _HEAD + block + raw[article_end:]
