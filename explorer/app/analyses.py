"""The analyses of the open articles: which are done, and the threads doing the rest.

The reader runs ``analyse_from`` in a Textual thread worker. Each article is
analysed in a daemon thread the worker only waits on, so a cancelled worker
(another article chosen, the app quitting) returns at once instead of holding
the exit until spaCy is done; an abandoned analysis still delivers its document.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from textual.worker import get_current_worker

from explorer.model import Article, ParsedDocument
from explorer.store.batch import failed_document

Deliver = Callable[[int, ParsedDocument], None]
"""Hands a finished document to the UI thread (it may raise RuntimeError once the app is gone)."""


class Analyses:
    def __init__(self, articles: list[Article], service, deliver: Deliver) -> None:
        self.articles = articles
        self.service = service
        self.deliver = deliver
        self.documents: dict[int, ParsedDocument] = {}
        """Finished documents by article index; written on the UI thread only."""
        self._lock = threading.Lock()  # one analysis at a time, even across workers

    @property
    def complete(self) -> bool:
        return len(self.documents) >= len(self.articles)

    def analyse_from(self, first: int) -> None:
        """In a thread worker: the article ``first``, then the rest (the library's counts).

        ``analyze`` looks in the cache first, so a cached article costs no spaCy.
        """
        worker = get_current_worker()
        order = [first, *(i for i in range(len(self.articles)) if i != first)]
        for index in order:
            if worker.is_cancelled:
                return
            if index in self.documents:
                continue
            finished = threading.Event()
            threading.Thread(target=self._analyse_one, args=(index, finished),
                             name=f"explorer-analysis-{index}", daemon=True).start()
            while not finished.wait(0.05):
                if worker.is_cancelled:
                    return  # the thread still delivers its document when it is done

    def _analyse_one(self, index: int, finished: threading.Event) -> None:
        try:
            with self._lock:
                if index in self.documents:  # an abandoned thread got there first
                    return
                article = self.articles[index]
                try:
                    document = self.service.analyze(article)
                except Exception as exc:  # noqa: BLE001 - a service bug must not hang the panels
                    document = failed_document(article, exc, model=None)
            self.deliver(index, document)
        except RuntimeError:
            pass  # the app closed while the article was being analysed
        finally:
            finished.set()
