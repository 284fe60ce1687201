"""Text -> parsed-document model, with spaCy and our rules. Imports no Textual.

Names are imported lazily so that ``explorer.analysis.rules`` and
``explorer.analysis.model_choice`` stay cheap: a cache hit must not import spaCy.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

_EXPORTS = {
    "ModelNotFound": "explorer.analysis.loader",
    "load_pipeline": "explorer.analysis.loader",
    "analyze": "explorer.analysis.pipeline",
    "analyze_many": "explorer.analysis.pipeline",
    "engine_for": "explorer.analysis.pipeline",
    "rules_version": "explorer.analysis.rules",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'explorer.analysis' has no attribute {name!r}")
    return getattr(import_module(_EXPORTS[name]), name)
