"""The analyses of the open articles: which are done, and the threads doing the rest.

Before the first paint the reader starts ``look_up_early``: the opening
article's cache lookup runs in a thread while Textual builds the screen, so a
cached article shows its highlights and panels in the first frames.

The reader runs ``analyse_from`` in a Textual thread worker. Each group of
articles is analysed in a daemon thread the worker only waits on, so a cancelled
worker (another article chosen, the app quitting) returns at once instead of
holding the exit until spaCy is done; an abandoned analysis still delivers.

It is also the document service of the folder view: ``cached`` and
``analyze_batch`` answer from what is done, and analyse the rest under the same
lock, delivering to the reader too. One scheduler, so no article is parsed twice
and two screens never run spaCy at once.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from concurrent.futures import Future

from textual.worker import get_current_worker

from explorer.app.service import DocumentSource
from explorer.model import Article, ParsedDocument

EARLY_LOOKUP_WAIT = 0.05
"""Seconds the first paint may wait for the opening article's cache lookup (about 5 ms)."""

GROUP_SIZE = 8
"""Articles parsed together while the library fills: batching pays, but the counts still move."""

Deliver = Callable[[int, ParsedDocument], None]
"""Hands a finished document to the UI thread (it may raise RuntimeError once the app is gone)."""


class Analyses:
    """The reader's one scheduler of background analysis: cache lookups first, then spaCy."""

    def __init__(self, articles: list[Article], service: DocumentSource,
                 deliver: Deliver, waiting: set[int] | None = None) -> None:
        self.articles = articles
        self.waiting: set[int] = set(waiting or ())
        """Indices whose article is a stand-in (a feed entry not fetched yet): the reader
        never analyses them (the folder view may, without keeping the result)."""
        self.service = service
        self.deliver = deliver
        self.documents: dict[int, ParsedDocument] = {}
        """Finished documents by article index; written on the UI thread only."""
        self._lock = threading.Lock()  # one analysis at a time, even across workers and screens
        self._swap = threading.Lock()  # an article replaced while others are read or kept
        self._finished: dict[int, ParsedDocument] = {}
        """Documents analysed here, by index; written under the lock (from any thread)."""
        self._index_of = {id(article): index for index, article in enumerate(articles)}
        self._early: tuple[int, Future[ParsedDocument | None]] | None = None

    def look_up_early(self, index: int) -> None:
        """Start the cache lookup of article ``index`` in a thread; ``take_early`` collects it."""
        future: Future[ParsedDocument | None] = Future()

        def look_up() -> None:
            try:
                future.set_result(self.service.cached(self.articles[index]))
            except Exception as exc:  # noqa: BLE001 - the analysis worker will try again
                future.set_exception(exc)

        self._early = (index, future)
        threading.Thread(target=look_up, name="explorer-cache-lookup", daemon=True).start()

    def take_early(self, index: int, wait: float = EARLY_LOOKUP_WAIT) -> ParsedDocument | None:
        """The early lookup's document if it was for ``index`` and is found within ``wait``.

        A slow cache (a locked or cold disk) is not waited for: the analysis
        worker looks again after the first paint.
        """
        early, self._early = self._early, None
        if early is None or early[0] != index:
            return None
        try:
            document = early[1].result(timeout=wait)
        except Exception:  # noqa: BLE001 - too slow, or a cache error the worker meets again
            return None
        if document is not None:
            self.documents[index] = document
        return document

    def replace(self, index: int, article: Article) -> None:
        """The real article for ``index`` is here (a feed entry's page): analyse it, not the stand-in."""
        with self._swap:  # never the analysis lock: the UI thread must not wait for spaCy
            self.articles[index] = article
            self._index_of[id(article)] = index
            self.waiting.discard(index)
            self._finished.pop(index, None)
        self.documents.pop(index, None)

    @property
    def complete(self) -> bool:
        return len(self.documents) >= len(self.articles)

    def analyse_from(self, first: int) -> None:
        """In a thread worker: the article ``first``, then the rest (the library's counts).

        The rest go in groups through one ``nlp.pipe`` each, several times faster than
        one parse per article; the cache is looked at first, so a cached article costs
        no spaCy.
        """
        worker = get_current_worker()
        rest = [i for i in range(len(self.articles)) if i != first]
        groups = [[first], *(rest[i : i + GROUP_SIZE] for i in range(0, len(rest), GROUP_SIZE))]
        for group in groups:
            if worker.is_cancelled:
                return
            todo = [index for index in group if index not in self.documents
                    and index not in self._finished and index not in self.waiting]
            if not todo:
                continue
            finished = threading.Event()
            threading.Thread(target=self._analyse_group, args=(todo, finished),
                             name=f"explorer-analysis-{todo[0]}", daemon=True).start()
            while not finished.wait(0.05):
                if worker.is_cancelled:
                    return  # the thread still delivers its documents when it is done

    def _analyse_group(self, indices: list[int], finished: threading.Event) -> None:
        try:
            self._analyse_indices(indices)
        finally:
            finished.set()

    def _analyse_indices(self, indices: list[int], *,
                         stand_ins: bool = False) -> list[ParsedDocument | None]:
        """The documents of ``indices``, analysing (under the lock) those not done yet.

        Stand-ins (``waiting``) are analysed only when ``stand_ins`` (the folder view
        asks for every article) and are never kept: their real article replaces them.
        Without ``stand_ins`` a stand-in's place in the result is ``None``.
        """
        with self._lock:
            done = {i: self.documents.get(i) or self._finished.get(i) for i in indices}
            todo = [i for i, document in done.items()
                    if document is None and (stand_ins or i not in self.waiting)]
            with self._swap:
                articles = [self.articles[i] for i in todo]
            try:
                fresh = self.service.analyze_batch(articles) if articles else []
            except Exception as exc:  # noqa: BLE001 - a service bug must not hang the panels
                from explorer.store.batch import failed_document  # multiprocessing: not at start-up

                fresh = [failed_document(article, exc, model=None) for article in articles]
            kept: list[tuple[int, ParsedDocument]] = []
            with self._swap:
                for index, article, document in zip(todo, articles, fresh):
                    done[index] = document
                    if self.articles[index] is article and index not in self.waiting:
                        self._finished[index] = document
                        kept.append((index, document))
        try:
            for index, document in kept:
                self.deliver(index, document)
        except RuntimeError:
            pass  # the app closed while the articles were being analysed
        return [done[i] for i in indices]

    # -- the document service, for the folder view -------------------------------------------

    def cached(self, article: Article) -> ParsedDocument | None:
        """What is done for one of our articles, else the cache; never spaCy."""
        index = self._index_of.get(id(article))
        if index is not None:
            document = self.documents.get(index) or self._finished.get(index)
            if document is not None:
                return document
        return self.service.cached(article)

    def analyze_batch(self, articles: Sequence[Article]) -> list[ParsedDocument]:
        """Our articles through the one scheduler (and to the reader); others straight on."""
        indices = [self._index_of.get(id(article)) for article in articles]
        if any(index is None for index in indices):
            return self.service.analyze_batch(articles)
        return self._analyse_indices([index for index in indices if index is not None],
                                     stand_ins=True)
