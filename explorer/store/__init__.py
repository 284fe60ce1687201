"""The analysis cache and the corpus index. Imports neither spaCy nor Textual.

Names are imported lazily: the app opens a cached article through
``explorer.store.cache`` alone, before its first paint, and the corpus index
is only needed once a folder is searched.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "AnalysisCache": "explorer.store.cache",
    "CacheInfo": "explorer.store.cache",
    "cache_key": "explorer.store.cache",
    "default_cache_dir": "explorer.store.cache",
    "CorpusIndex": "explorer.store.corpus",
    "said_before": "explorer.store.corpus",
    "AnalysisIdentity": "explorer.store.identity",
    "resolve_identity": "explorer.store.identity",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'explorer.store' has no attribute {name!r}")
    return getattr(import_module(_EXPORTS[name]), name)
