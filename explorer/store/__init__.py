"""The analysis cache and the corpus index. Imports neither spaCy nor Textual."""

from explorer.store.cache import AnalysisCache, CacheInfo, cache_key, default_cache_dir
from explorer.store.corpus import CorpusIndex
from explorer.store.identity import AnalysisIdentity, resolve_identity

__all__ = [
    "AnalysisCache",
    "AnalysisIdentity",
    "CacheInfo",
    "CorpusIndex",
    "cache_key",
    "default_cache_dir",
    "resolve_identity",
]
